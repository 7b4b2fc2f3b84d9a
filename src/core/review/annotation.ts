/**
 * A reviewed text as a record of `../shared/ANNOTATION.md`'s JSONL format, with the status of each
 * DRUG (`../shared/STATUS.md`) from the core's status step: the form `med7 eval` reads as gold.
 */
import { drugStatuses, type MedicationStatus } from '../records/status.ts';
import type { Entity, EntityTuple } from '../types.ts';
import { toTuples } from './edits.ts';

/** `[start, end, status]` of a DRUG entity. */
export type StatusTuple = [start: number, end: number, status: MedicationStatus];

export interface AnnotationRecord {
  text: string;
  /** `[start, end, label]`, sorted by `start`, never overlapping. */
  entities: EntityTuple[];
  /** One `[start, end, status]` per DRUG entity, in the same order. */
  status: StatusTuple[];
}

/** The record of `text` with `entities` (sorted, non-overlapping, as the review module keeps them). */
export function toAnnotationRecord(text: string, entities: readonly Entity[]): AnnotationRecord {
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end);
  const statuses = drugStatuses(text, sorted);
  const status: StatusTuple[] = [];
  for (const entity of sorted) {
    const found = statuses.get(entity);
    if (found !== undefined) status.push([entity.start, entity.end, found.status]);
  }
  return { text, entities: toTuples(sorted), status };
}
