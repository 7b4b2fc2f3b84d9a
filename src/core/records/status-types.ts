/** The seven medication statuses of `../shared/STATUS.md` and the evidence that goes with one. */

export const MEDICATION_STATUSES = [
  'allergy',
  'negated',
  'stopped',
  'held',
  'planned',
  'given',
  'active',
] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];

export function isMedicationStatus(value: unknown): value is MedicationStatus {
  return (MEDICATION_STATUSES as readonly unknown[]).includes(value);
}

/** The evidence of a status: a span of the text (UTF-16 offsets, `end` exclusive). */
export interface StatusCue {
  start: number;
  end: number;
  text: string;
}

export interface DrugStatus {
  status: MedicationStatus;
  /** The trigger or heading that decided it; null for the default `active`. */
  cue: StatusCue | null;
}
