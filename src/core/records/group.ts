/**
 * Medication records: which STRENGTH, FORM, ROUTE, DOSAGE, FREQUENCY and DURATION belong to which
 * DRUG, read from the text between entities that are already found (rules: `groupMedications`,
 * docs/records.md). Each record also carries its drug's status and cue (`status.ts`). Pure text
 * work, shared by the browser and Node.
 */
import { MED7_LABELS, type Med7Label } from '../labels.ts';
import { SENTENCE_END_MARKS } from '../decode/span-breaks.ts';
import { drugStatusSteps } from './status.ts';
import { runSteps } from './steps.ts';
import { LEADING_FORM } from './status-vocabulary.ts';
import type { MedicationStatus, StatusCue } from './status-types.ts';
import type { Entity } from '../types.ts';

export type AttributeLabel = Exclude<Med7Label, 'DRUG'>;

/** The attribute labels: every Med7 label but DRUG, in MED7_LABELS' order (the order a sig reads). */
export const ATTRIBUTE_LABELS: readonly AttributeLabel[] = MED7_LABELS.filter(
  (label): label is AttributeLabel => label !== 'DRUG',
);

/** The record field that holds each attribute label. */
export const ATTRIBUTE_FIELDS = {
  STRENGTH: 'strength',
  FORM: 'form',
  ROUTE: 'route',
  DOSAGE: 'dosage',
  FREQUENCY: 'frequency',
  DURATION: 'duration',
} as const satisfies Record<AttributeLabel, string>;

export type AttributeField = (typeof ATTRIBUTE_FIELDS)[AttributeLabel];

/** One medication: a drug (or null for a sig that names none) and the spans that describe it. */
export interface MedicationRecord {
  drug: Entity | null;
  strength: Entity[];
  form: Entity[];
  route: Entity[];
  dosage: Entity[];
  frequency: Entity[];
  duration: Entity[];
  /** What the text says about the drug (`../shared/STATUS.md`); `active` by default. */
  status: MedicationStatus;
  /** The evidence for `status`: a trigger or heading span, or null for the default. */
  cue: StatusCue | null;
  /** Set where a reviewer corrected `status` (`../review/statuses.ts`); its `cue` is then null. */
  corrected?: true;
}

export function emptyRecord(drug: Entity | null): MedicationRecord {
  return {
    drug,
    strength: [],
    form: [],
    route: [],
    dosage: [],
    frequency: [],
    duration: [],
    status: 'active',
    cue: null,
  };
}

/** Every attribute of a record, in text order. */
export function recordAttributes(record: MedicationRecord): Entity[] {
  return ATTRIBUTE_LABELS.flatMap((label) => record[ATTRIBUTE_FIELDS[label]]).sort(byStart);
}

/** The record's drug and attributes, in text order. */
export function recordEntities(record: MedicationRecord): Entity[] {
  const attributes = recordAttributes(record);
  return record.drug ? [record.drug, ...attributes].sort(byStart) : attributes;
}

/** The smallest `[start, end)` that covers the record's entities; `[0, 0]` for an empty one. */
export function recordExtent(record: MedicationRecord): { start: number; end: number } {
  const entities = recordEntities(record);
  if (entities.length === 0) return { start: 0, end: 0 };
  return {
    start: Math.min(...entities.map((e) => e.start)),
    end: Math.max(...entities.map((e) => e.end)),
  };
}

function byStart(a: Entity, b: Entity): number {
  return a.start - b.start || a.end - b.end;
}

// --- boundaries -------------------------------------------------------------------------------

/** A list marker: `,2.`, ` 3. `, `\n4)`, `(5)` — one or two digits, then `.` or `)`. */
const LIST_MARKER = /(?:^|[\s,;:.])\(?\d{1,2}[.)](?=\s|$|[A-Za-z(])/;
/** A sentence end: `.`, `!` or `?` (maybe closed by a quote or bracket) then a comma (MTSamples'
 * `.,` joins) or spaces before a capital, digit or bracket. */
const SENTENCE_END = /[.!?]["')\]]?(?:,|\s+(?=[A-Z0-9(["']))/;
/** A sentence end of another script (`。`, `؟`, `।`, …), with or without a space after it. */
const OTHER_SENTENCE_END = new RegExp(`[${[...SENTENCE_END_MARKS].join('')}]`);
const BLANK_LINE = /\n[ \t\r]*\n/;
const BULLET_LINE = /\n[ \t]*(?:[-*•·]|\d{1,2}[.)])\s/;

/**
 * Whether the text between two entities ends one medication context and starts another.
 * `window` is the gap plus the first character of the next entity (a sentence end needs to see
 * what follows it).
 */
export function isHardBoundary(window: string): boolean {
  return (
    LIST_MARKER.test(window) ||
    SENTENCE_END.test(window) ||
    OTHER_SENTENCE_END.test(window) ||
    BLANK_LINE.test(window) ||
    BULLET_LINE.test(window)
  );
}

/** Space within a line: also the no-break and other fixed-width spaces of pasted web text. */
const INLINE_SPACE = '[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]';
/** A gap that ties an attribute to what follows it: spaces or tabs, optionally around `of`. */
const JOINING_GAP = new RegExp(`^${INLINE_SPACE}*(?:of${INLINE_SPACE}+)?$`, 'i');
/** A dose form's abbreviation before its drug (`Tab.`, `Inj.`); `2 tabs.` ends a sentence. */
const LEADING_FORM_WORD = new RegExp(`^(?:${LEADING_FORM})$`);

/** `Tab. Metformin`, `Inj. Ceftriaxone`: the form's dot ends no sentence; the form is the drug's. */
function formLeads(text: string, entity: Entity, next: Entity): boolean {
  return (
    entity.label === 'FORM' &&
    LEADING_FORM_WORD.test(entity.text) &&
    /^\.[ \t]*$/.test(gapText(text, entity, next))
  );
}

/** `A with B`: two drugs that name one product. */
const COMBINATION_GAP = new RegExp(`^${INLINE_SPACE}+(?:with|w/)${INLINE_SPACE}+$`, 'i');

// --- the linker -------------------------------------------------------------------------------

/**
 * Group entities into medication records. Entities may come in any order; overlapping entities
 * are not expected (the decoder never yields them). Records come out in text order (by drug, or
 * by first attribute for a record with no drug).
 *
 * The linker reads only the text *between* entities:
 * 1. Hard boundaries — sentence ends (of any script: `。`, `؟`, `।`), list markers (`,2.`, `\n3)`), bullets and blank lines — cut
 *    the entities into segments; nothing links across them.
 * 2. Inside a segment, an attribute after a drug belongs to that drug (`Lasix 40 mg p.o. daily`),
 *    and attributes before the segment's first drug belong to it (`daily 1 g Rocephin`).
 * 3. Between two drugs, the attributes joined to the second drug by nothing but spaces or `of`
 *    (`and 0.5 cc Celestone`, `200 ml of Visipaque`, `and p.o. antibiotics`, `and Tab. Cefixime`: a
 *    form's abbreviation, whose dot ends no sentence) belong to the second;
 *    the rest stay with the first. When no break separates the two groups at all, a repeated label
 *    starts the second drug's group (`Lasix 40 mg 1 g Rocephin`).
 * 4. `A with B` with nothing in between names one product (`Calcium carbonate with vitamin D 500 mg`):
 *    the attributes after B go to A, and B keeps a record of its own.
 * 5. Attributes in a segment with no drug make a record whose `drug` is null.
 * A record with no drug is `active` with no cue.
 */
export function groupMedications(text: string, entities: readonly Entity[]): MedicationRecord[] {
  return runSteps(groupMedicationSteps(text, entities));
}

/** Segments linked between two yields of `groupMedicationSteps`. */
const SEGMENTS_PER_STEP = 250;

/**
 * `groupMedications` as a generator that yields between pieces of work of a few milliseconds each,
 * so that a browser can spread a long text's records over several tasks; it returns the records.
 */
export function* groupMedicationSteps(
  text: string,
  entities: readonly Entity[],
): Generator<void, MedicationRecord[]> {
  const sorted = [...entities].sort(byStart);
  yield;
  const segments = yield* splitSegments(text, sorted);
  const records: MedicationRecord[] = [];
  for (const [i, segment] of segments.entries()) {
    records.push(...linkSegment(text, segment));
    if ((i + 1) % SEGMENTS_PER_STEP === 0) yield;
  }
  const statuses = yield* drugStatusSteps(text, sorted);
  for (const record of records) {
    const found = record.drug ? statuses.get(record.drug) : undefined;
    if (found) Object.assign(record, found);
  }
  yield;
  const starts = new Map<MedicationRecord, number>();
  for (const [i, record] of records.entries()) {
    starts.set(record, recordExtent(record).start);
    if ((i + 1) % SEGMENTS_PER_STEP === 0) yield;
  }
  return records.sort((a, b) => (starts.get(a) ?? 0) - (starts.get(b) ?? 0));
}

function gapText(text: string, left: Entity, right: Entity): string {
  return text.slice(left.end, Math.max(left.end, right.start));
}

/** Entities checked for a boundary between two yields. */
const ENTITIES_PER_STEP = 2_000;

function* splitSegments(text: string, sorted: readonly Entity[]): Generator<void, Entity[][]> {
  const segments: Entity[][] = [];
  let current: Entity[] = [];
  let previous: Entity | undefined;
  for (const [i, entity] of sorted.entries()) {
    if ((i + 1) % ENTITIES_PER_STEP === 0) yield;
    if (previous) {
      const window = text.slice(previous.end, Math.max(previous.end, entity.start) + 1);
      if (isHardBoundary(window) && !formLeads(text, previous, entity)) {
        segments.push(current);
        current = [];
      }
    }
    current.push(entity);
    previous = entity;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

function linkSegment(text: string, segment: readonly Entity[]): MedicationRecord[] {
  const drugIndices = segment.flatMap((e, i) => (e.label === 'DRUG' ? [i] : []));
  if (drugIndices.length === 0) {
    const record = emptyRecord(null);
    for (const entity of segment) addAttribute(record, entity);
    return [record];
  }

  // One record per drug; `owner[i]` is the record that attributes after drug i go to.
  const recordOf = new Map<number, MedicationRecord>();
  const owner = new Map<number, MedicationRecord>();
  for (const [k, i] of drugIndices.entries()) {
    const drug = segment[i] as Entity;
    const record = emptyRecord(drug);
    recordOf.set(i, record);
    const previousDrug = k > 0 ? drugIndices[k - 1] : undefined;
    const isCompanion =
      previousDrug === i - 1 && COMBINATION_GAP.test(gapText(text, segment[i - 1] as Entity, drug));
    owner.set(i, isCompanion ? (owner.get(i - 1) as MedicationRecord) : record);
  }

  const first = drugIndices[0] as number;
  const last = drugIndices[drugIndices.length - 1] as number;
  const firstRecord = recordOf.get(first) as MedicationRecord;
  // Before the first drug: all of it belongs to the first drug.
  for (let i = 0; i < first; i++) addAttribute(firstRecord, segment[i] as Entity);
  // Between two drugs: split the run.
  for (let k = 0; k + 1 < drugIndices.length; k++) {
    const left = drugIndices[k] as number;
    const right = drugIndices[k + 1] as number;
    const between = segment.slice(left + 1, right);
    const toRight = splitRun(text, segment[left] as Entity, between, segment[right] as Entity);
    const leftOwner = owner.get(left) as MedicationRecord;
    const rightRecord = recordOf.get(right) as MedicationRecord;
    between.forEach((entity, j) =>
      addAttribute(j >= between.length - toRight ? rightRecord : leftOwner, entity),
    );
  }
  // After the last drug: all of it belongs to the last drug (or the product it completes).
  const lastOwner = owner.get(last) as MedicationRecord;
  for (let i = last + 1; i < segment.length; i++) addAttribute(lastOwner, segment[i] as Entity);

  return drugIndices.map((i) => recordOf.get(i) as MedicationRecord);
}

/**
 * How many of the attributes between `left` and `right` (from the end) belong to `right`: the
 * tail joined to `right` by joining gaps. If the joins run all the way back to `left`, nothing
 * in the text splits them, so the first repeated label starts `right`'s group.
 */
function splitRun(text: string, left: Entity, between: readonly Entity[], right: Entity): number {
  let tail = 0;
  let next = right;
  for (let j = between.length - 1; j >= 0; j--) {
    const entity = between[j] as Entity;
    if (!JOINING_GAP.test(gapText(text, entity, next)) && !formLeads(text, entity, next)) break;
    tail++;
    next = entity;
  }
  if (tail < between.length || between.length === 0) return tail;
  if (!JOINING_GAP.test(gapText(text, left, between[0] as Entity))) return tail;
  const seen = new Set<string>();
  for (const [j, entity] of between.entries()) {
    if (seen.has(entity.label)) return between.length - j;
    seen.add(entity.label);
  }
  return 0;
}

function addAttribute(record: MedicationRecord, entity: Entity): void {
  if (entity.label === 'DRUG') return;
  record[ATTRIBUTE_FIELDS[entity.label]].push(entity);
}
