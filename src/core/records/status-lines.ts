/**
 * Line breaks in pasted notes: some wrap prose at a fixed width (`put on higher dose of⏎steroid
 * and taper`), the others end a line of structure (a list item, a heading, a table row). The
 * status step reads wrapped prose as one line and ends a sentence at every other break, so a
 * trigger reaches across a wrap but not from one list line into the next.
 */
import type { Entity } from '../types.ts';
import { lowerBound } from './status-triggers.ts';
import { STATUS_NAME } from './status-words.ts';

/** Longer lines are paragraphs that were not wrapped; they do not set the wrap width. */
const LONGEST_WRAPPED_LINE = 300;
/** Narrower text is a list or a form, not prose wrapped by an editor. */
const NARROWEST_WRAP = 40;
/** A wrapped line runs to within this share of the widest line. */
const NEAR_WIDTH = 0.85;
/** The start of a line of structure: a bullet, a numbered item, a rule or a table row. */
const LIST_LINE = /^[ \t]*(?:[-*•+–]\s|\d{1,2}[.)]\s|[-=_#|]{2,}|\|)/;
/** A table's row: cells set apart by a tab, three spaces or twice by two (`Glipizide   5 mg   PO`). */
const TABLE_ROW = /\t|\S[ \u00a0]{3,}\S|\S[ \u00a0]{2,}\S.*\S[ \u00a0]{2,}\S/;
/**
 * A title: two to eight words, each capitalised but for short joining words (`Medications
 * Discontinued During This Encounter`, `Current Outpatient Medications on File Prior to Visit`).
 */
const TITLE_LINE =
  /^[ \t]*[A-Z][\w/&()-]*(?: (?:[A-Z][\w/&()-]*|of|on|to|in|at|for|from|the|and|or|as|with|this|by)){1,7}[ \t\r]*$/;
/** A list item's marker and the spaces after it: the margin its wrapped lines keep. */
const ITEM_MARGIN = /^[ \t]*(?:[-*•+–]|\d{1,2}[.)])[ \t]+/;
/** Before a list item's first word: bullets, a number, tags in brackets (`[DISCONTINUED]`). */
const ITEM_LEAD = /^[ \t]*(?:(?:[-*•+–]|\d{1,2}[.)])[ \t]+|\[[^\]\n]{1,40}\][ \t]*)*/;
/** A heading set off by a rule (`---- Coded Problems:`) is a line of its own. */
const RULED = /^[ \t]*[-=_#]{2,}/;
/** A line that starts with a label (`Allergies:`, `Reason for visit:`), or is all capitals. */
const LABEL_LINE = /^[ \t]*(?:[A-Z][A-Za-z/&() -]{0,40}:(?:\s|$)|[A-Z][A-Z0-9 /&,()-]{2,60}\s*$)/;

/** The end of a line that breaks off a phrase (`put on higher dose of⏎steroid`). */
const OPEN_END =
  /(?:,|\b(?:of|on|with|to|and|or|the|a|an|his|her|their|for|from|start|started on|continue|taking|takes|take|hold|avoid|no|not|any|denies|including|includes?|such as))$/i;

export interface LineLayout {
  /** The text with each wrapping break (and its `\r`) turned into a space: offsets unchanged. */
  flowed: string;
  /** Offsets of the other breaks, where a sentence ends (after the break, like `sentenceBounds`). */
  breaks: number[];
}

/** Where each line break of `text` wraps prose and where it ends a line of structure. */
export function lineLayout(text: string, entities: readonly Entity[]): LineLayout {
  if (!text.includes('\n')) return { flowed: text, breaks: [] };
  const lines = text.split('\n');
  let width = 0;
  for (const line of lines) {
    const length = line.trimEnd().length;
    if (length <= LONGEST_WRAPPED_LINE && length > width) width = length;
  }
  const starts = new Set(entities.map((e) => e.start));
  const chars = text.split('');
  const breaks: number[] = [];
  let at = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const newline = at + line.length;
    at = newline + 1;
    const lineStart = newline - line.length;
    const lineStartsEntity = starts.has(lineStart + ITEM_LEAD.exec(line)![0].length);
    if (wraps(line, next, width, starts.has(at + next.search(/\S|$/)), lineStartsEntity)) {
      chars[newline] = ' ';
      if (line.endsWith('\r')) chars[newline - 1] = ' ';
    } else {
      breaks.push(newline + 1);
    }
  }
  return { flowed: chars.join(''), breaks };
}

/** Whether the break between `line` and `next` wraps prose. */
function wraps(
  line: string,
  next: string,
  width: number,
  nextStartsEntity: boolean,
  startsEntity: boolean,
): boolean {
  const before = line.trimEnd();
  const after = next.trim();
  if (before.trim() === '' || after === '') return false;
  if (LIST_LINE.test(next) || LABEL_LINE.test(next) || RULED.test(line)) return false;
  if (TABLE_ROW.test(line) || TABLE_ROW.test(next) || TITLE_LINE.test(line)) return false;
  // Wrapped prose keeps its margin, or a numbered item's (`1. CHF - …⏎   torsemide`); a list's
  // items are indented below their heading.
  const margin = /^\s*/.exec(next)![0];
  if (margin !== /^\s*/.exec(line)![0] && margin.length !== ITEM_MARGIN.exec(line)?.[0].length) {
    return false;
  }
  if (/[.!?:;]["')\]]?$/.test(before)) return false;
  if (OPEN_END.test(before)) return true;
  // A list item is followed by the next item, or by a line of its own that starts with a capital.
  if (startsEntity && (nextStartsEntity || /^[A-Z]/.test(after))) return false;
  const firstWord = after.split(/\s/)[0]!.length;
  // The next line's first word would not have fitted on this one: the editor wrapped it.
  if (width >= NARROWEST_WRAP && before.length + 1 + firstWord > NEAR_WIDTH * width) return true;
  // A line that starts with an entity is a list's next item.
  if (nextStartsEntity) return false;
  // A lower-case word goes on the sentence.
  return /^[a-z]/.test(after);
}

/** A ruled heading: `---- Known Adverse and Allergic Drug Reactions (if none, enter NKA):`. */
const RULED_NAME = String.raw`[-=#*]{2,}[ \t]*([A-Za-z][^\n:]{0,119})`;
/** A sentence that ends in a colon and says what the list below is: `You are no longer taking:`. */
const CUE_NAME = String.raw`([^\n:]{0,80}?\b(?:(?:[Nn]o longer|[Nn]ot|[Ss]topped|[Qq]uit) (?:taking|using)|[Dd]iscontinued|[Oo]n hold|[Aa]llergic to|[Dd]o not take)(?=[ \t]*:))`;
/** Medication words that make a line of a few words a heading. */
const LIST_WORDS = String.raw`(?:[Mm]edications?|MEDICATIONS?|[Mm]edicines?|MEDICINES?|[Mm]eds|MEDS|[Pp]rescriptions|PRESCRIPTIONS|[Aa]llerg(?:y|ies|ens?)|ALLERG[A-Z]*|[Ii]ntolerances?|INTOLERANCES?|[Aa]dverse|ADVERSE|[Ii]mmunizations?|IMMUNIZATIONS?|[Vv]accin(?:es|ations?)|VACCIN(?:ES|ATIONS?))`;
/**
 * A discharge list's instruction (`STOP taking these medications`), a record's list
 * (`Outpatient Prescriptions Not Taking`), or a few words naming medications, allergies or
 * immunizations (`Current Outpatient Medications on File Prior to Visit`, `Allergies as of
 * 03/04/2024`).
 */
const LIST_NAME = String.raw`((?:START|STOP|CONTINUE|Start|Stop|Continue)(?: taking| TAKING)? these medications|(?:Medicines|Medications|Vaccines|Shots) (?:you were |that were )?(?:given|received)(?: today| in (?:the )?(?:clinic|office|ED|emergency department))?|(?:CHANGE|Change) how you take these medications|(?:Outpatient |Inpatient )?(?:Medications|Prescriptions) (?:Marked as )?(?:Not )?Taking[^\n:]{0,60}|(?:[A-Za-z][A-Za-z ,()/&-]{0,60}?\b)?${LIST_WORDS}\b[A-Za-z ,()/&-]{0,60}?(?: as of [\d/.-]+| \(\d+\))?)`;
/** A heading alone on its line that the inline headings miss. */
const LINE_HEADING = new RegExp(
  String.raw`(?<=^|\n)[ \t]*(?:${RULED_NAME}|${STATUS_NAME}|${CUE_NAME}|${LIST_NAME})[ \t]*:?[ \t]*(?=\r?\n|$)`,
  'g',
);
/**
 * The header row of a table that stands alone (first in the note, or after a blank line) and
 * names what it lists in its first column: `Allergen⇥Reaction`, `Vaccine⇥Date Given⇥Next Due`.
 */
const HEADER_ROW =
  /(?<=^|\n[ \t]*\r?\n)[ \t]*([Aa]llerg(?:en|y|ies)|ALLERG[A-Z]*|[Vv]accines?|VACCINES?|[Ii]mmunizations?|IMMUNIZATIONS?)(?=\t|[ \u00a0]{2,}\S)/g;
/** Words that make a line a sentence, not a heading (`No known drug allergies`, `He takes his medications`). */
const SENTENCE_WORDS =
  /\b(?:no|not|none|denies|denied|negative|nkda|nka|he|she|they|patient|was|were|is|are|has|have|had|will|takes|taking|stopped|started|do|does|did|reviewed|per)\b/i;

/** The headings that stand alone on a line, as spans of their names. */
export function lineHeadings(
  text: string,
  drugs: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const m of text.matchAll(LINE_HEADING)) {
    // A ruled heading, a status or a sentence with a colon is a heading whatever its words.
    const ruled = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined;
    const name = (m[1] ?? m[2] ?? m[3] ?? m[4]!).trimEnd();
    // Words in brackets are a note on the heading: `(if none, enter NKA)`.
    const words = name.replace(/\([^)]*\)/g, ' ');
    const discharge =
      /these medications$|(?:Medications|Prescriptions) (?:Marked as )?(?:Not )?Taking|^(?:Medicines|Medications|Vaccines|Shots) (?:you were |that were )?(?:given|received)/i.test(
        name,
      );
    const sentence = SENTENCE_WORDS.test(words) || words.split(/\s+/).filter(Boolean).length > 8;
    // A table's header row (`Allergen          Reaction      Severity`) names columns.
    if ((!ruled && !discharge && sentence) || TABLE_ROW.test(name)) continue;
    const start = m.index + m[0].indexOf(name);
    const end = start + name.length;
    // `Cholesterol Medication` on a line of an allergy list is a drug, not a heading.
    if (overlapsDrug(drugs, start, end)) continue;
    found.push({ start, end });
  }
  for (const m of text.matchAll(HEADER_ROW)) {
    const start = m.index + m[0].length - m[1]!.length;
    found.push({ start, end: start + m[1]!.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Sentence ends and a layout's breaks as one ascending list, without repeats. */
export function withBreaks(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return [...a];
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/**
 * A line that opens another section with a label (`Added:`, `Plan:`, `Social History:`), where
 * the heading above stops governing. A label of the entry itself (`Sig:`, `Reaction:`,
 * `Allergen:`) is none.
 */
const SECTION_LINE =
  /\n[ \t]*(?!(?:Sig|Reactions?|Dose|Route|Frequency|Qty|Quantity|Refills|Disp(?:ense)?|Start(?: date)?|End(?: date)?|Comments?|Notes?|Indication|Severity|Type|Status|Instructions|Allerg(?:en|y)|Substance|Agent|Medication|Drug|Name|Onset|Commonly known as|Also known as|What changed|Last time this was given|Notes? to patient)\s*:)[A-Z][A-Za-z /&()-]{1,40}:(?=\s)/g;

/**
 * Where each line that opens another section starts (after its line break), ascending; not a
 * line that names a drug before its colon (`Methyl Prednisolone (DepoMedrol): 20 mg`).
 */
export function sectionLines(
  text: string,
  drugs: readonly { start: number; end: number }[],
): number[] {
  return [...text.matchAll(SECTION_LINE)]
    .filter((m) => !overlapsDrug(drugs, m.index, m.index + m[0].length))
    .map((m) => m.index + 1);
}

/** Whether `line` opens another section with a label (as `sectionLines` finds them). */
const SECTION_START = new RegExp(SECTION_LINE.source);
export const opensSection = (line: string): boolean => SECTION_START.test(`\n${line}`);

/** Whether a drug of `drugs` (sorted by start, not overlapping) overlaps `start`–`end`. */
function overlapsDrug(
  drugs: readonly { start: number; end: number }[],
  start: number,
  end: number,
): boolean {
  const first = lowerBound(drugs.length, (i) => drugs[i]!.end > start);
  return first < drugs.length && drugs[first]!.start < end;
}
