/**
 * A stop told by a trial's outcome, read again (./status-qualify.ts): a dose of the encounter that
 * failed (`was administered TPA with no improvement`, `did not respond to Fioricet in the ED`,
 * `took ibuprofen … before arrival with little relief`: `given`), a course that goes on all the same (`has been using Tylenol without relief`, `tried
 * Flonase … and has been taking it`: `active`).
 */
import { cueOf } from './status-context.ts';
import { IN_THE_ED, JUST_BEFORE } from './status-given-qualify.ts';
import type { CuedStatus, DrugSentence, DrugStatus } from './status-types.ts';

/** Before a drug whose trial failed: a dose of the encounter (`was administered`, `took one of`). */
const DOSE_OF_ENCOUNTER =
  /\b(?:(?:was|were) (?:then |also )?(?:administered|given|pushed|bolused|infused)(?: (?:with|a dose of|another dose of))?|took (?:one|a|an|two|three|another|\d+)(?: (?:of (?:his|her|their) (?:own )?|dose of |doses of ))?)\s*$/i;

/** Before a drug whose outcome failed: a course that goes on (`has been using Tylenol`). */
const STILL_TAKING =
  /\b(?:(?:has|have) been |(?:is|are) (?:still |currently )?)(?:using|taking|on)(?: (?:over-the-counter|OTC|his|her|the))?\s*$/i;

/** After a drug tried: it is still taken (`and has been taking it`, `and continues it`). */
const TRIAL_GOES_ON =
  /\band (?:has been|is|is still|continues) (?:taking|using|on) (?:it|this|them)\b|\band continues (?:it|this|them)\b/i;

/** Before a drug whose trial failed, the words that say what it was, in the order they are tried. */
const FAILED_OUTCOMES: readonly (readonly [RegExp, 'given' | 'active'])[] = [
  [DOSE_OF_ENCOUNTER, 'given'],
  [STILL_TAKING, 'active'],
];

/** The status a failed or ongoing trial gives the drug, or null to read on. */
export function trialOutcome(
  best: CuedStatus,
  { text, masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  // `The patient was administered TPA with no improvement`: a dose given that failed; `has been
  // using Tylenol without relief`: a course that goes on.
  if (best.status === 'stopped' && /^with(?:out)?\b/i.test(best.cue.text)) {
    const before = masked.slice(sentenceStart, drug.start);
    for (const [words, status] of FAILED_OUTCOMES) {
      const found = words.exec(before);
      if (found === null) continue;
      const start = sentenceStart + found.index;
      return { status, cue: cueOf(text, start, start + found[0].trimEnd().length) };
    }
  }
  // `She took ibuprofen 400 mg at home 2 hours before arrival with little relief`: a dose taken
  // just before coming in, part of this encounter.
  if (
    best.status === 'stopped' &&
    /^with(?:out)?\b/i.test(best.cue.text) &&
    /\btook\s*$/i.test(masked.slice(sentenceStart, drug.start)) &&
    JUST_BEFORE.test(masked.slice(drug.end, best.cue.start))
  ) {
    return { status: 'given', cue: best.cue };
  }
  // `The headache did not respond to Fioricet in the ED`: a dose of the encounter.
  if (
    best.status === 'stopped' &&
    /respond/i.test(best.cue.text) &&
    IN_THE_ED.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'given', cue: best.cue };
  }
  // `She tried Flonase … and has been taking it`: a trial that goes on.
  if (
    best.status === 'stopped' &&
    /^(?:has |have |had )?tried$/i.test(best.cue.text) &&
    TRIAL_GOES_ON.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'active', cue: best.cue };
  }
  return null;
}
