/**
 * Orders for a case to come. A stop that is only an instruction for a case (`If you develop a
 * rash, stop the Bactrim`, `Stop taking ibuprofen if you notice black stools`, `Flomax daily, may
 * discontinue after the catheter is removed`) leaves the drug taken now, `active` (STATUS.md: a
 * conditional mention with a present prescription); a prescription only for a case (`Will send a
 * prescription for Paxlovid if her test is positive`) is `planned`; the patient's leave to take a
 * drug (`May use ibuprofen or Tylenol for discomfort`) is `active`. The cue stays the evidence.
 */
import type { CuedStatus, DrugSentence, DrugStatus } from './status-types.ts';

/** An order to stop (not a stop told as done: `stopped`, `was discontinued`). */
const STOP_ORDER = /^(?:stop|discontinue|d\/c)(?: (?:taking|using|the use of))?$/i;
/** Right before the stop order: a possibility (`may discontinue`, `could stop`). */
const MODAL_BEFORE = /\b(?:may|can|could|might)\s+$/i;
/** After the drug: the stop is for now (`can stop the antibiotics now`), not for a case to come. */
const NOW = /\b(?:now|today|at this (?:time|point))\b/i;
/** Before the stop order in its sentence: the case it is for (`If you develop a rash,`). */
const CASE_BEFORE = /\b(?:if|should (?:you|he|she|they)|in case|whenever)\b[^.;]*$/i;
/** Right after the drug: the case or the time the stop is for (`if you notice`, `once the catheter is out`). */
const CASE_AFTER =
  /^\s*(?:(?!and\b|or\b|but\b)[^\s,;]+\s+){0,2}?(?:if|should (?:you|he|she|they)|in case|when|whenever|once|as soon as)\b/i;

/** The drug's status when its winning cue is an order for a case to come. */
export function conditionalOrder(
  best: CuedStatus,
  { masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  const before = masked.slice(sentenceStart, best.cue.start);
  const after = masked.slice(Math.max(drug.end, best.cue.end), sentenceEnd);
  if (
    best.status === 'active' &&
    /^(?:(?:given|gave|wrote|written) (?:a |her |him |them )?)?prescriptions? (?:for|of)$/i.test(
      best.cue.text,
    )
  ) {
    return CASE_AFTER.test(after) ? { status: 'planned', cue: best.cue } : null;
  }
  // `May use ibuprofen if Tylenol is not effective`: the patient's leave, with no subject, at the
  // sentence's start (`We may use` stays a clinician's option, planned).
  if (
    best.status === 'planned' &&
    /^may (?:use|take|apply)$/i.test(best.cue.text) &&
    /^[\s\d.)-]*$/.test(before)
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `Start Senna at bedtime if you have not had a bowel movement`: an instruction to the patient
  // for a case to come, the drug in hand.
  if (
    best.status === 'planned' &&
    /^(?:start|begin)$/i.test(best.cue.text) &&
    /^[\s\d.)-]*$/.test(before) &&
    /\bif (?:you|your)\b/i.test(after)
  ) {
    return { status: 'active', cue: best.cue };
  }
  if (best.status !== 'stopped' || !STOP_ORDER.test(best.cue.text)) return null;
  const conditional =
    (MODAL_BEFORE.test(before) && !NOW.test(after)) ||
    CASE_BEFORE.test(before) ||
    // the case right after the order's object (`Stop taking ibuprofen if …`), not after a stop
    // told after the drug (`… to discontinue the drug when it occurs`)
    (best.cue.end <= drug.start && CASE_AFTER.test(after));
  return conditional ? { status: 'active', cue: best.cue } : null;
}
