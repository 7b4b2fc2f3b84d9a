/**
 * The status of a drug no trigger and no heading decided (./status.ts, step 5): read from the
 * rest of its sentence. A contrast agent belongs to its study; a finding that arose in a patient
 * on the drug is its adverse effect; a drug in a consent talk is proposed; a course told at a past
 * time (`in 2019`, `as a teenager`) is over; a drug with a course of its own is taken; a dose's
 * effect seen, a procedure's words or an `injection of` it make it `given`; else it is `active`.
 */
import {
  CONSENT_CONTEXT,
  CONTRAST_AGENT,
  EFFECT_SEEN,
  PROCEDURE_AHEAD,
  PROCEDURE_CONTEXT,
  STUDY_TO_COME,
  cueMatch,
  cueOf,
} from './status-context.ts';
import { countedDose, isCourse, ownSig } from './status-sig.ts';
import { uncuedCourseOver } from './status-past.ts';
import type { DrugStatus, StatusCue, UncuedDrug } from './status-types.ts';

/** Right before the drug: `on` opening a clause (`s/p LR bolus, on norepinephrine`). */
const ON_NOW = /(?:^|[,;:(]|\band|\bnow|\bstill|\bremains)\s*on\s*$/i;

/**
 * Right after the drug: the harm it did, named by it (`carbamazepine toxicity related to …`),
 * where a longer cue about the drug after it took the word.
 */
const NAMED_HARM = /^\s*(?:[\w-]*toxicity|hypersensitivity)\b/i;

/**
 * The drug's sentence opens with `After` or `Following` and a dose (the dose itself is masked):
 * `After 1 amp of D50`, `After two doses of albuterol`, `Following IVIG`.
 */
const AFTER_A_DOSE =
  /^\s*(after|following)(?:\s+(?:a|an|one|two|three|four|another|the|his|her|IV|oral|sublingual|nebulized|\d+(?:\.\d+)?))*(?:\s+(?:doses?|amps?|ampules?|bolus|puffs?|tabs?|tablets?|treatments?|nebs?|mg|mcg|g|units?|mL|cc|L|liters?))?(?:\s+of)?\s*$/i;
/** Right after the drug and its dose words, past a comma: a finding that answered. */
const RESPONSE_LATER =
  /^(?:\s+(?:infusion|injection|administration|bolus|push|IV|nebs?|treatments?|dose))*\s*,[^.;]*\b(?:improved|resolved|decreased|came down|went down|normalized|subsided|dropped|cleared|eased|abated)\b/i;

/** Right before the drug: an injection of it (`each injection of phenol`), the form a FORM entity. */
const INJECTION_OF = /\binjections? of\s*$/i;

/**
 * A case report's frame, `A patient on phenytoin therapy … developed hemiparesis`, `Eleven days
 * after initiation of therapy with amiodarone, the patient experienced syncope`: the patient took
 * the drug, then a finding arose. Right before the drug, what it was taken as; later in its
 * sentence, the onset.
 */
const TAKEN_AS =
  /\b(?:on|receiving|taking|treated with|(?:initiation|start|onset|introduction) of (?:(?:therapy|treatment) with )?|exposure to|(?:days?|weeks?|months?|hours?) (?:after|of) (?:starting |beginning |taking |receiving )?)\s*(?:(?:oral|intravenous|IV|high-dose|low-dose|long-term|adjuvant|the|his|her) )*$/i;
const ONSET_AFTER =
  /^\s*(?:(?:therapy|treatment|infusion|injections?|administration)\s*)?(?:for [\w\s-]{1,40}?\s*)?,?\s*(?:(?:he|she|they|the patient|who|the child|the infant)\s+)?(?:(?:subsequently|later|then|suddenly|acutely)\s+)?(developed|experienced|presented with|suffered)\b/i;

function onsetOnDrug({
  text,
  masked,
  drug,
  sentenceStart,
  sentenceEnd,
}: UncuedDrug): StatusCue | null {
  const before = masked.slice(Math.max(sentenceStart, drug.start - 80), drug.start);
  if (!TAKEN_AS.test(before)) return null;
  const onset = ONSET_AFTER.exec(masked.slice(drug.end, Math.min(sentenceEnd, drug.end + 120)));
  if (!onset) return null;
  const start = drug.end + onset.index + onset[0].length - onset[1]!.length;
  return cueOf(text, start, start + onset[1]!.length);
}

/** The status of a drug that no cue decided. */
export function uncuedStatus(at: UncuedDrug): DrugStatus {
  const { text, masked, drug, sentenceStart, sentenceEnd } = at;
  if (CONTRAST_AGENT.test(drug.text)) {
    const study = cueMatch(STUDY_TO_COME, text, masked, sentenceStart, drug.start);
    if (study) return { status: 'planned', cue: study };
    return { status: 'given', cue: cueOf(text, drug.start, drug.end) };
  }
  const harm = NAMED_HARM.exec(masked.slice(drug.end, sentenceEnd));
  if (harm) {
    const start = drug.end + harm[0].search(/\S/);
    return { status: 'allergy', cue: cueOf(text, start, drug.end + harm[0].length) };
  }
  const onset = onsetOnDrug(at);
  if (onset) return { status: 'allergy', cue: onset };
  const consent = cueMatch(CONSENT_CONTEXT, text, masked, sentenceStart, sentenceEnd);
  if (consent) return { status: 'planned', cue: consent };
  const past = uncuedCourseOver(at);
  if (past) return past;
  // `Instill Vigamox in the operative eye four times daily`: prescribed, not given.
  const own = ownSig(drug, at.drugs, at.sigs, sentenceEnd);
  if (isCourse(own)) return { status: 'active', cue: null };
  const onNow = ON_NOW.exec(masked.slice(sentenceStart, drug.start));
  if (onNow) {
    const on = sentenceStart + onNow.index + onNow[0].search(/on\s*$/i);
    return { status: 'active', cue: cueOf(text, on, on + 2) };
  }
  // `After 1 amp of D50, his glucose improved to 110`: a dose whose effect the sentence tells.
  const after = AFTER_A_DOSE.exec(masked.slice(sentenceStart, drug.start));
  if (after && RESPONSE_LATER.test(masked.slice(drug.end, sentenceEnd))) {
    const start = sentenceStart + after[0].search(/\S/);
    return { status: 'given', cue: cueOf(text, start, start + after[1]!.length) };
  }
  const effect = EFFECT_SEEN.exec(masked.slice(drug.end, sentenceEnd));
  if (effect) {
    const start = drug.end + effect[0].search(/with/i);
    return { status: 'given', cue: cueOf(text, start, drug.end + effect[0].length) };
  }
  const context = cueMatch(PROCEDURE_CONTEXT, text, masked, sentenceStart, sentenceEnd);
  const ahead = context && cueMatch(PROCEDURE_AHEAD, text, masked, sentenceStart, sentenceEnd);
  if (ahead) return { status: 'planned', cue: ahead };
  if (context) return { status: 'given', cue: context };
  // `prior to each injection of phenol`: the dose form, masked as an entity, names the act.
  const near = Math.max(sentenceStart, drug.start - 40);
  const injection = INJECTION_OF.exec(text.slice(near, drug.start));
  if (injection) {
    const start = near + injection.index;
    return { status: 'given', cue: cueOf(text, start, start + injection[0].trimEnd().length) };
  }
  // `Versed 2 mg IV push x1 for agitation`: one dose of the encounter.
  const counted = countedDose(text, drug, own);
  if (counted) return { status: 'given', cue: cueOf(text, counted.start, counted.end) };
  return { status: 'active', cue: null };
}
