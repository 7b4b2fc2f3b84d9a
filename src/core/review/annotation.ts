/**
 * A reviewed text as a record of `../shared/ANNOTATION.md`'s JSONL format, with the status of each
 * DRUG (`../shared/STATUS.md`) from the core's status step: the form `med7 eval` reads as gold.
 */
import { drugStatuses, type MedicationStatus } from '../records/status.ts';
import type { Entity, EntityTuple } from '../types.ts';
import { spanOf, toTuples } from './edits.ts';
import { NO_CORRECTIONS, type StatusCorrections } from './statuses.ts';

/** `[start, end, status]` of a DRUG entity. */
export type StatusTuple = [start: number, end: number, status: MedicationStatus];

export interface AnnotationRecord {
  text: string;
  /** `[start, end, label]`, sorted by `start`, never overlapping. */
  entities: EntityTuple[];
  /** One `[start, end, status]` per DRUG entity, in the same order. */
  status: StatusTuple[];
}

/**
 * The record of `text` with `entities` (sorted, non-overlapping, as the review module keeps them),
 * each drug's status the reviewer's where it was corrected.
 */
export function toAnnotationRecord(
  text: string,
  entities: readonly Entity[],
  corrections: StatusCorrections = NO_CORRECTIONS,
): AnnotationRecord {
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end);
  const statuses = drugStatuses(text, sorted);
  const status: StatusTuple[] = [];
  for (const entity of sorted) {
    const found = statuses.get(entity);
    if (found === undefined) continue;
    const corrected = corrections.get(spanOf(entity))?.status;
    status.push([entity.start, entity.end, corrected ?? found.status]);
  }
  return { text, entities: toTuples(sorted), status };
}
