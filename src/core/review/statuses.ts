/**
 * A reviewer's corrections of drug statuses: the status a person set for a DRUG span overrides
 * the status step's (`../records/status.ts`). Pure: each function returns new values.
 */
import type { MedicationRecord } from '../records/group.ts';
import {
  MEDICATION_STATUSES,
  drugStatuses,
  isMedicationStatus,
  type MedicationStatus,
} from '../records/status.ts';
import type { Entity } from '../types.ts';
import { spanOf, type ReviewEdit } from './edits.ts';

/** A corrected status, and the one the status step gave when it was corrected. */
export interface StatusCorrection {
  status: MedicationStatus;
  from: MedicationStatus;
}

/** The corrections of a text, by the DRUG span's `start:end`. */
export type StatusCorrections = ReadonlyMap<string, StatusCorrection>;

export const NO_CORRECTIONS: StatusCorrections = new Map();

/**
 * `corrections` with the drug at `span` set to `status`; `shown` is its status now. Setting a
 * drug back to the step's own status drops its correction; setting the status it has already
 * returns `corrections` itself.
 */
export function correctStatus(
  corrections: StatusCorrections,
  span: Pick<Entity, 'start' | 'end'>,
  status: MedicationStatus,
  shown: MedicationStatus,
): StatusCorrections {
  const key = spanOf(span);
  const existing = corrections.get(key);
  if ((existing?.status ?? shown) === status) return corrections;
  const from = existing?.from ?? shown;
  const next = new Map(corrections);
  if (status === from) next.delete(key);
  else next.set(key, { status, from });
  return next;
}

/** The corrections that still apply to `entities`: those on a DRUG span (a removed or relabelled drug drops its own). */
export function keptCorrections(
  corrections: StatusCorrections,
  entities: readonly Entity[],
): StatusCorrections {
  if (corrections.size === 0) return corrections;
  const drugs = new Set(entities.filter((e) => e.label === 'DRUG').map(spanOf));
  const kept = [...corrections].filter(([key]) => drugs.has(key));
  return kept.length === corrections.size ? corrections : new Map(kept);
}

/** `records` with the corrections applied: the status set, no cue (a person's word, not a trigger), `corrected`. */
export function applyCorrections(
  records: MedicationRecord[],
  corrections: StatusCorrections,
): MedicationRecord[] {
  if (corrections.size === 0) return records; // a long note's thousands of records, not copied
  return records.map((record) => {
    const correction = record.drug ? corrections.get(spanOf(record.drug)) : undefined;
    return correction === undefined
      ? record
      : { ...record, status: correction.status, cue: null, corrected: true };
  });
}

/** The corrections as review edits (`kind: 'status'`), in text order. */
export function statusEdits(corrections: StatusCorrections): ReviewEdit[] {
  return [...corrections]
    .map(([key, { status, from }]): ReviewEdit => {
      const [start, end] = key.split(':').map(Number) as [number, number];
      return { kind: 'status', start, end, label: 'DRUG', status, from };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * The corrections a saved review holds: each `[start, end, status]` of a DRUG of `entities` whose
 * status differs from the status step's (`exportAnnotations()`'s `status`, shown again).
 */
export function correctionsOf(
  text: string,
  entities: readonly Entity[],
  status: Iterable<readonly [number, number, MedicationStatus]>,
): StatusCorrections {
  const steps = drugStatuses(text, entities);
  const byKey = new Map(entities.filter((e) => e.label === 'DRUG').map((e) => [spanOf(e), e]));
  const corrections = new Map<string, StatusCorrection>();
  for (const [start, end, corrected] of status) {
    if (!isMedicationStatus(corrected)) {
      throw new TypeError(
        `Unknown status ${JSON.stringify(corrected)}: expected one of ${MEDICATION_STATUSES.join(', ')}.`,
      );
    }
    const drug = byKey.get(spanOf({ start, end }));
    if (drug === undefined) throw new RangeError(`No DRUG entity at [${start}, ${end}].`);
    const from = steps.get(drug)!.status;
    if (from !== corrected) corrections.set(spanOf(drug), { status: corrected, from });
  }
  return corrections;
}

/** The corrections that a list of review edits holds (its `kind: 'status'` edits). */
export function correctionsFromEdits(edits: readonly ReviewEdit[]): StatusCorrections {
  const corrections = new Map<string, StatusCorrection>();
  for (const edit of edits) {
    if (edit.kind === 'status') {
      corrections.set(spanOf(edit), { status: edit.status, from: edit.from });
    }
  }
  return corrections.size === 0 ? NO_CORRECTIONS : corrections;
}
