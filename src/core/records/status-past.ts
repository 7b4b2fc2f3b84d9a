/**
 * Courses told as over (./status-qualify.ts, ./status-uncued.ts): a drug given or taken at a time
 * before the encounter (`In August of 2007, she was treated with`, `took Paxil for 2 years`,
 * `Accutane as a teenager`) is `stopped`.
 */
import type { Entity } from '../types.ts';
import { cueOf } from './status-context.ts';
import { lowerBound } from './status-triggers.ts';
import type { CuedStatus, DrugSentence, DrugStatus, UncuedDrug } from './status-types.ts';

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/**
 * A time told as over, by itself: a year, a stage of life, a season or year gone, years or
 * months ago, a range of ages, a treatment named as prior, a history's line that starts with its
 * year (`- 2019: lumpectomy, then 4 cycles of AC`).
 */
export const OVER_AT = new RegExp(
  `(?<=(?:^|\\n)[ \\t]*(?:[-*•][ \\t]*)?)(?:19|20)\\d\\d(?:[ \\t]*[-–][ \\t]*(?:19|20)\\d\\d)?:|\\b(?:(?:in|during|back in) (?:(?:early |late |mid-?)?(?:${MONTH}|the (?:fall|spring|summer|winter)) (?:of )?)?(?:19|20)\\d\\d|(?:last|this past) (?:year|spring|summer|fall|autumn|winter|month|week)|(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many|a couple of) (?:years?|months?) ago|as an? (?:child|kid|teenager|teen|infant|baby|toddler|adolescent|newborn|young (?:man|woman|adult))|in (?:his|her|their) (?:teens|twenties|thirties|forties|fifties|sixties|seventies|youth|childhood|adolescence|(?:early|late) (?:teens|twenties|thirties|forties|fifties|sixties))|in (?:childhood|infancy|high school|college)|from (?:age )?\\d{1,2} to \\d{1,2}|in the (?:distant |remote )?past(?! (?:(?:several|few|many|couple of|\\d+|two|three|four|five|six) )?(?:days|weeks|months|years))|(?:prior|previous|past) (?:treatments?|therap(?:y|ies)|courses?|regimens?))\\b`,
  'i',
);
/** A month without a year (`was in March`): a past time only where the clause is in a past tense. */
const MONTH_GONE = new RegExp(`\\b(?:in|during|back in) ${MONTH}\\b(?! \\d)`, 'i');
/** A course's length right before the drug (`Three months of terbinafine`, `a week of Keflex`). */
const LENGTH_OF = new RegExp(
  `\\b(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several) (?:days?|weeks?|months?|years?) of\\s*$`,
  'i',
);
/** A verb in a past tense. */
const PAST_VERB = /\b(?:was|were|had|did|\w{3,}ed)\b/i;
/** Words that tell the course goes on, or is to come: the past time is not the drug's end. */
const GOES_ON =
  /\b(?:now|currently|still|since|continues?|continued|continuing|remains?|ongoing|at present|presently|today|is|are|am|takes|uses|gets|receives|has been|have been|started|starting|began|begun|initiated|added|restarted|resumed|switched|changed|converted|transitioned|will|plans?|planned|next|due|scheduled|return|every|each|on|has|have|current|includes?|adjusted|increased|decreased|titrated|reduced|lowered|raised|refilled|renewed)\b/i;
/** Taken just before coming in (`Prior to arrival, she had taken two Tylenol`). */
const BEFORE_ARRIVAL =
  /\b(?:PTA|prior to arrival|before arrival|before coming in|before presentation)\b[^.;]*\b(?:took|taken)\b|\b(?:took|taken)\b[^;]*?\b(?:PTA|prior to arrival|before arrival|before coming (?:in|to (?:the )?(?:hospital|ED|ER|casualty|A&E)))(?!\w)/i;

/** A time before the encounter the note describes. */
const PAST_TIME = new RegExp(
  `(?<=(?:^|\\n)[ \\t]*(?:[-*•][ \\t]*)?)(?:19|20)\\d\\d(?:[ \\t]*[-–][ \\t]*(?:19|20)\\d\\d)?:|\\b(?:(?:in|since|during) (?:(?:${MONTH}|the fall|the spring|the summer|the winter) (?:of )?)?(?:19|20)\\d\\d|(?:\\d+|an?|one|two|three|four|five|six|several|a few|a couple of) (?:years?|months?|weeks?) ago|(?:\\d+|one|two|three|a) (?:weeks?|months?|years?) (?:prior to|before) (?:(?:this |his |her )?admission|presentation)|last (?:week|month|year|season|winter|spring|summer|fall|autumn)|until (?:recently|last (?:year|month))|years ago|in the past|as a (?:child|teenager)|at (?:the )?age (?:of )?\\d{1,2}|(?:was|were|had been) recently)\\b`,
  'i',
);
/** A dose tied to the study or procedure the note describes (`premedicated … prior to the study`). */
const FOR_THIS_PROCEDURE =
  /\b(?:prior to|before|for) (?:the|this|today's) (?:study|procedure|scan|CT|MRI|exam|examination|surgery|operation|injection|catheterization|cath)\b/i;
/** A sentence that opens on a past history (`History of anaphylaxis to bee stings, treated with …`). */
const HISTORY_OF = /^\s*(?:(?:past )?history of|h\/o|hx of)\b(?! present illness)/i;

/** A time before now, for a course told in the present perfect (`In the past she has been on`). */
const BEFORE_NOW =
  /\b(?:in the past|previously|at one point|at some point|as a (?:child|teenager))\b/i;
/** An `active` cue in the present perfect: a course up to now, unless told as past. */
const UP_TO_NOW = /^(?:has|have) (?:also )?been (?:on|taking|using|treated with)$/i;
/** The last visit, before the encounter the note describes (`the last time he was here`). */
const LAST_VISIT =
  /\b(?:the last time (?:he|she|they|the patient|I saw (?:him|her|them)) (?:was|were) (?:here|seen)|at (?:his|her|their|the) (?:last|previous|prior) (?:visit|appointment)|(?:he|she|they|the patient) (?:was|were) last seen)\b/i;
/** The encounter as a hospital stay (`throughout her hospital stay`, `during this admission`, `in the ICU`). */
const HOSPITAL_STAY =
  /\b(?:(?:throughout|during|for the (?:rest|remainder) of) (?:his|her|their|the|this) (?:hospital |inpatient |ICU )?(?:stay|hospitalization|admission|hospital course)|in the (?:ICU|CCU|MICU|SICU|intensive care unit))\b/i;
/** A month and year (`In 11/91 she received`): read only next to the cue or the drug. */
const PAST_MONTH = /\b(?:in|since|during) \d{1,2}\/(?:19|20)?\d\d(?!\/)\b/i;
/** An `active` cue in a past tense: with a past time, a past course. */
const PAST_USE = /^(?:(?:was|were|had been) (?:\w+ )?(?:on|taking|using)|took)$/i;
/** After a drug the patient `was on`: another course now, or the date or event it ran until. */
const ENDED_AFTER = new RegExp(
  `^[^.;]{0,80}?\\b((?:(?:is|are) )?now (?:on|taking|using)\\b(?! (?:a|an|the|this|that|it|same|day|hospital|his|her)\\b)|until (?:\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|(?:(?:${MONTH}) (?:of )?)?(?:19|20)\\d\\d\\b|yesterday|recently|last (?:week|month|year)|(?:a few|several|\\d+|two|three|four) (?:days|weeks|months|years) ago|(?:he|she|they|the patient) (?:got|became|was|were|had|developed|moved|started)\\b))`,
  'i',
);
/** After a drug given or taken in the past: the event its course lasted until (`until the cultures returned`). */
const UNTIL_EVENT =
  /^[^.;]{0,60}?\b(until (?:the |his |her |their )?(?:[\w-]+ ){0,3}?(?:returned|came back|resulted|cleared|resolved|improved|normalized|was|were|had))\b/i;
/** Cues of a course received (not of a dose given during a procedure, `was given until … was obtained`). */
const COURSE_TAKEN =
  /^(?:received|(?:was|were|had been) (?:on|taking|treated with|continued on|maintained on)|(?:was|were) continued|remained on)$/i;
/** A course the sentence says was the first, then changed (`was initially started on`). */
const INITIALLY =
  /\b(?:initially|originally|at first)(?:,? (?:he|she|they|the patient|patient))?\s+$/i;
/** Cues of a course (not of one dose) that `initially` makes a course since changed. */
const COURSE_CUE =
  /^(?:(?:was|were) )?(?:(?:started|begun|placed|put|maintained|kept) on|(?:was|were) on|treated with)$/i;
/** Right after a drug taken in the simple past: for how long (`took steroids for about 3 days`). */
const TAKEN_FOR =
  /^\s*(?:\S+\s+){0,3}?(?:for (?:about |over |almost |nearly )?(?:(?:a|one|two|three|four|five|six|\d+|several|a few|many) (?:\w+ )?)?(?:days?|weeks?|months?|years?|decades)|briefly)\b/i;

/**
 * Whether `clause` tells a past time that is the cue's (at `cueAt`): not, for a dose tied to the
 * study the note describes, one told before an `and` that opens the cue's own predicate (`had a
 * reaction to contrast in the past and was premedicated … prior to the study`).
 */
function pastTimeOf(clause: string, cueAt: number, forThisStudy: boolean): boolean {
  // A month without a year after the cue (`received his flu shot in October`) is a past one.
  const time =
    PAST_TIME.exec(clause) ?? OVER_AT.exec(clause) ?? MONTH_GONE.exec(clause.slice(cueAt));
  if (!time) return false;
  return !forThisStudy || !/\band\b/i.test(clause.slice(time.index + time[0].length, cueAt));
}

/** A course given or taken at a past time, or one that ended. */
export function pastCourse(
  best: CuedStatus,
  { text, masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  // Given, or taken (`was on`, `had been taking`), at a time before the encounter (`In August of
  // 2007, she was treated with`, `she was on Lexapro in 2005`), or taken for a length of time in
  // the simple past (`took Paxil for 2 years`): a past course.
  // `He was initially started on Zyvox and Zosyn, then changed to Cipro`: the first course, since changed.
  if (
    (best.status === 'given' || best.status === 'active') &&
    COURSE_CUE.test(best.cue.text) &&
    INITIALLY.test(masked.slice(Math.max(sentenceStart, best.cue.start - 40), best.cue.start))
  ) {
    return { status: 'stopped', cue: best.cue };
  }
  // `He received Zyvox and Zosyn until the cultures returned negative`: a course that ended.
  const until = COURSE_TAKEN.test(best.cue.text)
    ? UNTIL_EVENT.exec(masked.slice(drug.end, sentenceEnd))
    : null;
  if (until) {
    const start = drug.end + until.index + until[0].length - until[1]!.length;
    return { status: 'stopped', cue: cueOf(text, start, start + until[1]!.length) };
  }
  if (best.status === 'given' || (best.status === 'active' && PAST_USE.test(best.cue.text))) {
    const tookFor =
      PAST_USE.test(best.cue.text) && TAKEN_FOR.test(text.slice(drug.end, sentenceEnd));
    const near =
      masked.slice(Math.max(sentenceStart, best.cue.start - 30), best.cue.start) +
      ' ' +
      masked.slice(drug.end, Math.min(sentenceEnd, drug.end + 30));
    // A time in a clause the cue's clause only explains (`has had strokes in the past because he
    // was taking aspirin`) is not the course's time.
    const from = Math.max(sentenceStart, best.cue.start - 200);
    const because = masked.slice(from, best.cue.start).toLowerCase().lastIndexOf('because ');
    const clauseStart = because < 0 ? sentenceStart : from + because;
    if (
      tookFor ||
      pastTimeOf(
        masked.slice(clauseStart, sentenceEnd),
        Math.max(0, best.cue.start - clauseStart),
        best.status === 'given' && FOR_THIS_PROCEDURE.test(masked.slice(drug.end, sentenceEnd)),
      ) ||
      HISTORY_OF.test(masked.slice(sentenceStart, best.cue.start)) ||
      LAST_VISIT.test(masked.slice(sentenceStart, sentenceEnd)) ||
      PAST_MONTH.test(near) ||
      // `At one point he was on lithium` (not `required Ativan and at one point scheduled it`)
      (PAST_USE.test(best.cue.text) &&
        /\bat (?:one|some) (?:point|time)\b/i.test(masked.slice(sentenceStart, best.cue.start)))
    ) {
      return { status: 'stopped', cue: best.cue };
    }
  }
  // `Was on Zyvox, now on doxycycline`, `was on Zyvox until 9/12`, `had been taking ibuprofen until
  // 3 days ago`: a course that ended, with the words that end it as the cue (on the text: the
  // model may take a date for a sig).
  const ended =
    best.status === 'active' && /^(?:was|were|had been) (?:on|taking|using)$/i.test(best.cue.text)
      ? ENDED_AFTER.exec(text.slice(drug.end, sentenceEnd))
      : null;
  if (ended) {
    const start = drug.end + ended.index + ended[0].length - ended[1]!.length;
    return { status: 'stopped', cue: { start, end: start + ended[1]!.length, text: ended[1]! } };
  }
  // `had been taking Celebrex, but her insurance would no longer cover it`: a course that ended.
  if (
    best.status === 'active' &&
    /^had been (?:on|taking|using)$/i.test(best.cue.text) &&
    /^[^.;]{0,40}?,? but\b/i.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'stopped', cue: best.cue };
  }
  // `He was previously maintained on Depakote`: a course told as over.
  if (
    best.status === 'active' &&
    /^(?:maintained|kept) on$/i.test(best.cue.text) &&
    BEFORE_NOW.test(masked.slice(Math.max(sentenceStart, best.cue.start - 25), best.cue.start))
  ) {
    return { status: 'stopped', cue: best.cue };
  }
  // `was maintained on a heparin drip throughout her hospital stay`, `was on a nitroglycerin drip in
  // the ICU`: the encounter's treatment.
  if (
    best.status === 'active' &&
    /^(?:maintained|kept|remained|was|were) on$/i.test(best.cue.text) &&
    HOSPITAL_STAY.test(masked.slice(sentenceStart, sentenceEnd))
  ) {
    return { status: 'given', cue: best.cue };
  }
  // `In the past she has been on penicillin`: a course told as over.
  if (
    best.status === 'active' &&
    UP_TO_NOW.test(best.cue.text) &&
    BEFORE_NOW.test(masked.slice(Math.max(sentenceStart, best.cue.start - 25), best.cue.start))
  ) {
    return { status: 'stopped', cue: best.cue };
  }
  return null;
}

/** Before a drug: shots had before (`has had two cortisone shots`, `has had his hepatitis B vaccine`). */
const HAD_COUNTED =
  /\b(?:has|have|had) (?:had|received|gotten|got) (?:two|three|four|five|several|multiple|many|a few|a couple of|\d+)\s*$/i;
const HAD_OWN =
  /\b(?:has|have|had) (?:had|received|gotten|got)(?: all)? (?:his|her|their|the)\s*$/i;
/** Right after (or in) the drug: the word for a shot. */
const SHOT =
  /^[^.;]{0,20}?\b(?:vaccines?|vaccinations?|shots?|immunizations?|boosters?|injections?)\b/i;

/** `stopped` for a vaccine or shots the patient had before the encounter, with the words as the cue. */
function shotsHad(text: string, masked: string, drug: Entity, from: number): DrugStatus | null {
  // The words right before the drug only: a scan of the whole clause for each drug is quadratic.
  const at = Math.max(from, drug.start - 60);
  const before = masked.slice(at, drug.start);
  const had = HAD_COUNTED.exec(before) ?? HAD_OWN.exec(before);
  if (!had || !SHOT.test(text.slice(drug.start, drug.end + 30))) return null;
  const start = at + had.index;
  return { status: 'stopped', cue: cueOf(text, start, start + had[0].trimEnd().length) };
}

/**
 * A course told at a time that is over (`She was treated for H. pylori with amoxicillin in 2019`,
 * `Accutane as a teenager`, `Three months of terbinafine cleared the fungus`): `stopped`, with the
 * time as the cue; a dose taken just before coming in: `given`. Not where the clause says the
 * course goes on (`since`, `is on`, `started`) or is to come.
 */
export function uncuedCourseOver({
  text,
  masked,
  drug,
  drugs,
  sentenceStart,
  sentenceEnd,
}: UncuedDrug): DrugStatus | null {
  // The drug's clause: from the last `;` before it to the next one.
  // Searched within the sentence only: a search of the whole text for each drug is quadratic.
  const from = sentenceStart + masked.slice(sentenceStart, drug.start).lastIndexOf(';') + 1;
  const semicolon = masked.slice(drug.end, sentenceEnd).indexOf(';');
  const to = semicolon >= 0 ? drug.end + semicolon : sentenceEnd;
  const clause = masked.slice(from, to);
  const had = shotsHad(text, masked, drug, from);
  if (had) return had;
  const arrival = BEFORE_ARRIVAL.exec(clause);
  if (arrival)
    return {
      status: 'given',
      cue: cueOf(text, from + arrival.index, from + arrival.index + arrival[0].length),
    };
  if (GOES_ON.test(clause)) return null;
  const past = OVER_AT.exec(clause) ?? (PAST_VERB.test(clause) ? MONTH_GONE.exec(clause) : null);
  // A time after another drug and a comma before this one is that drug's (`Rash to amoxicillin as
  // a child, tolerated cephalexin`).
  const at = from + (past?.index ?? 0);
  const before = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= at) - 1];
  const othersTime =
    past !== null &&
    at < drug.start &&
    before !== undefined &&
    before.start >= from &&
    /,/.test(masked.slice(at, drug.start));
  if (past && !othersTime)
    return {
      status: 'stopped',
      cue: cueOf(text, from + past.index, from + past.index + past[0].length),
    };
  const length = LENGTH_OF.exec(masked.slice(from, drug.start));
  if (length && PAST_VERB.test(clause)) {
    const start = from + length.index;
    return { status: 'stopped', cue: cueOf(text, start, start + length[0].trimEnd().length) };
  }
  return null;
}
