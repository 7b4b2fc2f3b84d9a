/**
 * Of the cues that apply to a drug (./status.ts), an allergy read from a cause after the drug
 * (`because of leg swelling`) gives way where a cue before it says the drug is taken, started or
 * given: the cause is then what the drug is for.
 */
import type { Entity } from '../types.ts';
import type { MedicationStatus, StatusCue } from './status-types.ts';

/** A cause after the drug (`because of leg swelling`): a reaction, or what the drug is for. */
const CAUSE_AFTER = /^(?:due to|because of|secondary to|d\/t|2\/2)\b/i;
/**
 * `She takes Lasix because of leg swelling`, `was started on Benadryl because of itching`: where a
 * cue before the drug says it is taken, started or given, a cause after it is why, not a reaction
 * to it; that cue decides. A stop for a cause stays an intolerance (`Lasix was stopped because of
 * hypotension`).
 */
export function indicationNotReaction(
  candidates: readonly { status: MedicationStatus; cue: StatusCue }[],
  drug: Entity,
): { status: MedicationStatus; cue: StatusCue } | undefined {
  const first = candidates[0];
  if (
    first?.status !== 'allergy' ||
    first.cue.start < drug.end ||
    !CAUSE_AFTER.test(first.cue.text)
  ) {
    return undefined;
  }
  return candidates.find(
    (c) =>
      (c.status === 'active' || c.status === 'planned' || c.status === 'given') &&
      c.cue.end <= drug.start,
  );
}
