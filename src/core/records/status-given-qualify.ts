/**
 * A `given` or `took` cue read again with the rest of the drug's sentence (./status-qualify.ts):
 * a study yet to be done, a dose still to come, a dose taken just before coming in, a
 * prescription or samples handed over to take home, a course of cycles under way.
 */
import { STUDY_TO_COME, cueMatch, cueOf } from './status-context.ts';
import type { CuedStatus, DrugSentence, DrugStatus } from './status-types.ts';
import { ANSWERED } from './status-given-rules.ts';

/** Right after a drug handed over: how many to dispense, refills, how to take it (`#30`, `quantity 30`, `to be taken`). */
const PRESCRIBED_AMOUNT =
  /\bq(?:uanti)?ty:? ?#?\d+|\bto be taken\b|#\s?\d{2,}(?=\s*(?:[,.;)]|$|\d|one|two|three|with|refills?|tabs?|tablets?|caps|p\.?o\b))|\bdisp(?:ense)?\b|\brefills?\b/i;

/** A cue of a finding that answered to a dose (./status-given-rules.ts: `improved with`, `responded to`). */
const EFFECT_CUE = new RegExp(`^${ANSWERED}\\b`, 'i');
/** Later in the sentence: the drug goes on being taken (`and she will just continue that`). */
const GOES_ON_AFTER =
  /\b(?:continu\w*|still (?:on|takes|taking|uses|using)|remains? on|(?:we|I|she|he|they) (?:started|began|added|increased)|(?:was|were|is|are) (?:increased|decreased|adjusted|titrated|started|restarted|continued|added|changed))\b/i;

/** The status a `given` or `took` cue gives once its sentence is read, or null to read on. */
/** A time just before the encounter (`PTA`, `this morning`, `last night`, `two hours ago`). */
export const JUST_BEFORE =
  /\b(?:PTA|prior to arrival|before (?:coming (?:in|to (?:the )?(?:hospital|ED|ER|casualty|A&E|clinic))|arrival|calling (?:EMS|911|the ambulance))|this (?:morning|AM|afternoon|evening)|last night|earlier today|yesterday|(?:an|one|two|three|four|\d+) hours? ago)\b/i;

/** After a dose given: the same drug goes on (`and then placed on maintenance dosing`). */
const MAINTENANCE_AFTER =
  /^[^.;]*?\b(?:and|then) (?:then )?(?:placed|started|continued|maintained|kept) on (?:a |his |her )?(?:maintenance|daily|standing|scheduled)\b/i;

/** Before a `given` cue, in its sentence: the time is discharge (`At discharge, … was given`). */
const AT_DISCHARGE = /\b(?:at|upon|on) (?:the time of )?discharge\b[^.;]*$/i;

/** Before a drug (and the drugs of its list): a prescription, a sample or a refill handed over. */
const HANDED_OVER =
  /\b((?:prescriptions?|samples?|refills?)(?: (?:was|were) (?:given|sent|called in|provided))? (?:for|of)(?: (?:his|her|their|the))?)(?:\s|,|\band\b|\bor\b)*$/i;

/** After a drug started, in its clause: where, the emergency department (`in the ED`). */
export const IN_THE_ED =
  /^[^.;,]{0,40}?\b((?:in|at) (?:the (?:ED|ER|emergency (?:room|department))|casualty|A&E))(?!\w)/i;

export function givenReadAgain(
  best: CuedStatus,
  { text, masked, drug, sentenceStart, sentenceEnd, course }: DrugSentence,
): DrugStatus | null {
  // `At discharge, the patient was given three additional days of p.o. Levaquin`: to take home.
  if (best.status === 'given' && AT_DISCHARGE.test(masked.slice(sentenceStart, best.cue.start))) {
    return { status: 'active', cue: best.cue };
  }
  // `We will evaluate with a CT scan with and without contrast`: a study yet to be done.
  if (best.status === 'given' && /^with ?(?:and|\/) ?without$/i.test(best.cue.text)) {
    const study = cueMatch(STUDY_TO_COME, text, masked, sentenceStart, best.cue.start);
    if (study) return { status: 'planned', cue: study };
  }
  // `Depression improved with Lexapro and she will just continue that`, `Her edema improved with
  // Lasix 40 mg daily`: a course that goes on.
  if (
    best.status === 'given' &&
    EFFECT_CUE.test(best.cue.text) &&
    (course === true || GOES_ON_AFTER.test(masked.slice(drug.end, sentenceEnd)))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `loaded with Dilantin 1 g IV and then placed on maintenance dosing`: the course goes on.
  if (
    best.status === 'given' &&
    MAINTENANCE_AFTER.test(masked.slice(drug.end, Math.min(sentenceEnd, drug.end + 120)))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `She will be scheduled for her first dose of Reclast`: a dose still to come.
  if (
    best.status === 'given' &&
    /\b(?:first|next|initial|second|third) doses? of$/i.test(best.cue.text) &&
    /\b(?:will|to be|plans? to|planned|scheduled for|is due)\b[^.;]*$/i.test(
      masked.slice(sentenceStart, best.cue.start),
    )
  ) {
    return { status: 'planned', cue: best.cue };
  }
  // `Pt took 2 tabs of Benadryl PTA`, `took some Benadryl this morning`: a dose taken just before
  // coming in, as part of this encounter.
  if (
    best.status === 'active' &&
    /^took$/i.test(best.cue.text) &&
    JUST_BEFORE.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'given', cue: best.cue };
  }
  // `He was placed on a nitroglycerin drip in the ED`: started there, a dose of this encounter (as
  // `was started in the emergency room` is).
  const inEd =
    best.status === 'active' && /^(?:placed|started|put) on$/i.test(best.cue.text)
      ? IN_THE_ED.exec(masked.slice(drug.end, sentenceEnd))
      : null;
  if (inEd) {
    const start = drug.end + inEd.index + inEd[0].length - inEd[1]!.length;
    return { status: 'given', cue: cueOf(text, start, start + inEd[1]!.length) };
  }
  // `was placed on a Protonix drip`: a drip runs only in the encounter.
  if (
    best.status === 'active' &&
    /^(?:placed|started|put) on$/i.test(best.cue.text) &&
    /^\s*(?:drip|gtt|infusion)\b/i.test(text.slice(drug.end, Math.min(sentenceEnd, drug.end + 12)))
  ) {
    return { status: 'given', cue: best.cue };
  }
  // `Prescription for trazodone 50 mg was given`, `Samples of Crestor given`, `Refills were given
  // for his Norvasc and hydrochlorothiazide`: handed over to take (other drugs of the list masked).
  const prescription = HANDED_OVER.exec(
    masked.slice(Math.max(sentenceStart, drug.start - 200), drug.start),
  );
  if (best.status === 'given' && prescription) {
    const start = Math.max(sentenceStart, drug.start - 200) + prescription.index;
    return { status: 'active', cue: cueOf(text, start, start + prescription[1]!.length) };
  }
  // `is currently on cycle 3 of FOLFOX`: a course under way, not a dose of this encounter.
  if (
    best.status === 'given' &&
    /^(?:cycle|course|round)\b/i.test(best.cue.text) &&
    /\b(?:is|are) (?:currently |now |still )?on $/i.test(
      masked.slice(sentenceStart, best.cue.start),
    )
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `Lorcet and Xanax prescriptions given`: the other drugs of the list are masked.
  const named = /^([\s,]*(?:(?:and|or)\s+)*)(prescriptions?|samples?)\b/i.exec(
    masked.slice(drug.end, sentenceEnd),
  );
  if (best.status === 'given' && named) {
    const start = drug.end + named[1]!.length;
    return { status: 'active', cue: cueOf(text, start, start + named[2]!.length) };
  }
  // `She was given Vicodin 5/500 mg #30 1-2 p.o. q.4-6h. p.r.n.`: a prescription to take home.
  if (
    best.status === 'given' &&
    best.cue.end <= drug.start &&
    PRESCRIBED_AMOUNT.test(text.slice(drug.end, Math.min(sentenceEnd, drug.end + 40)))
  ) {
    return { status: 'active', cue: best.cue };
  }
  return null;
}
