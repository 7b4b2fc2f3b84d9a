/**
 * Edit operations on a text's entities for review: add a span, change a label, remove one. Pure:
 * each returns a new array, sorted by `start`, never overlapping (ANNOTATION.md's rules), with
 * `text.slice(start, end) === entity.text` kept.
 */
import { isMed7Label, type Med7Label } from '../labels.ts';
import type { MedicationStatus } from '../records/status.ts';
import type { Entity, EntityTuple } from '../types.ts';

/** The score of an entity a person set (given entities, hand-added spans). */
export const GIVEN_SCORE = 1;

const byOffsets = (a: Entity, b: Entity): number => a.start - b.start || a.end - b.end;

/** `start:end`, the key of a span. */
export const spanOf = (entity: Pick<Entity, 'start' | 'end'>): string =>
  `${entity.start}:${entity.end}`;

/**
 * Entities of `text` from `[start, end, label]` tuples or `Entity` objects (their `text` and
 * `score` are taken from the text and kept, respectively). Throws a `RangeError` for a span outside
 * the text or empty, a `TypeError` for an unknown label, and a `RangeError` for overlapping spans.
 */
export function toEntities(text: string, given: Iterable<EntityTuple | Entity>): Entity[] {
  const entities: Entity[] = [];
  for (const item of given) {
    const [start, end, label, score] = Array.isArray(item)
      ? [item[0], item[1], item[2], GIVEN_SCORE]
      : [item.start, item.end, item.label, item.score ?? GIVEN_SCORE];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > text.length ||
      end <= start
    ) {
      throw new RangeError(
        `Span [${start}, ${end}] is not inside the text (length ${text.length}).`,
      );
    }
    if (typeof label !== 'string' || !isMed7Label(label)) {
      throw new TypeError(
        `Unknown label ${JSON.stringify(label)}: expected one of the seven Med7 labels.`,
      );
    }
    entities.push({ start, end, label, text: text.slice(start, end), score });
  }
  entities.sort(byOffsets);
  for (let i = 1; i < entities.length; i++) {
    if (entities[i]!.start < entities[i - 1]!.end) {
      throw new RangeError(
        `Spans ${spanOf(entities[i - 1]!)} and ${spanOf(entities[i]!)} overlap.`,
      );
    }
  }
  return entities;
}

/** `[start, end, label]` of each entity (ANNOTATION.md's JSONL form). */
export const toTuples = (entities: readonly Entity[]): EntityTuple[] =>
  entities.map((e) => [e.start, e.end, e.label]);

/**
 * Adds `label` over `[start, end)` of `text`; entities that overlap the new span are removed (a
 * span drawn over others replaces them). The caller snaps the span first (`snapToPreTokens`).
 */
export function addSpan(
  text: string,
  entities: readonly Entity[],
  start: number,
  end: number,
  label: Med7Label,
): Entity[] {
  if (start < 0 || end > text.length || end <= start) {
    throw new RangeError(`Span [${start}, ${end}] is not inside the text (length ${text.length}).`);
  }
  const added: Entity = { start, end, label, text: text.slice(start, end), score: GIVEN_SCORE };
  const kept = entities.filter((e) => e.end <= start || e.start >= end);
  return [...kept, added].sort(byOffsets);
}

/** Gives the entity at `span` the label `label` (unchanged if there is none). */
export function relabel(
  entities: readonly Entity[],
  span: Pick<Entity, 'start' | 'end'>,
  label: Med7Label,
): Entity[] {
  return entities.map((e) =>
    e.start === span.start && e.end === span.end && e.label !== label
      ? { ...e, label, score: GIVEN_SCORE }
      : e,
  );
}

/** Removes the entity at `span`. */
export function removeSpan(
  entities: readonly Entity[],
  span: Pick<Entity, 'start' | 'end'>,
): Entity[] {
  return entities.filter((e) => e.start !== span.start || e.end !== span.end);
}

/**
 * One difference between the model's entities (the base) and the reviewed ones, or a drug's
 * status corrected (`./statuses.ts`: `from` is the status step's).
 */
export type ReviewEdit =
  | { kind: 'add'; start: number; end: number; label: Med7Label }
  | { kind: 'remove'; start: number; end: number; label: Med7Label }
  | { kind: 'relabel'; start: number; end: number; label: Med7Label; from: Med7Label }
  | {
      kind: 'status';
      start: number;
      end: number;
      label: 'DRUG';
      status: MedicationStatus;
      from: MedicationStatus;
    };

/**
 * The net edits from `base` to `current`, in text order: a span in both with another label is a
 * `relabel`, one only in `base` a `remove`, one only in `current` an `add` (a moved edge is a
 * remove and an add). Undoing an edit removes it from this list, so it is the count shown.
 */
export function diffEntities(base: readonly Entity[], current: readonly Entity[]): ReviewEdit[] {
  const before = new Map(base.map((e) => [spanOf(e), e]));
  const after = new Map(current.map((e) => [spanOf(e), e]));
  const edits: ReviewEdit[] = [];
  for (const [key, e] of before) {
    const now = after.get(key);
    if (now === undefined)
      edits.push({ kind: 'remove', start: e.start, end: e.end, label: e.label });
    else if (now.label !== e.label) {
      edits.push({ kind: 'relabel', start: e.start, end: e.end, label: now.label, from: e.label });
    }
  }
  for (const [key, e] of after) {
    if (!before.has(key)) edits.push({ kind: 'add', start: e.start, end: e.end, label: e.label });
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether `entity` differs from every entity of `base` (added or relabelled: drawn as edited). */
export function isEdited(base: ReadonlyMap<string, Med7Label>, entity: Entity): boolean {
  return base.get(spanOf(entity)) !== entity.label;
}
