/**
 * The status step's second look (./status.ts): the cue that won, read with the rest of the drug's
 * sentence. A stop or a hold may be a pause, an order with parameters or a stop for a side effect;
 * a resume may lie ahead; a course taken or given may be a past one; a dose given may be a
 * prescription handed over (./status-given-qualify.ts) or an order for a case to come
 * (./status-conditional.ts).
 */
import type { Entity } from '../types.ts';
import { CONTRAST_AGENT, cueOf } from './status-context.ts';
import type { CuedStatus, DrugSentence, DrugStatus } from './status-types.ts';
import { AROUND_PROCEDURE, CAUSED_FINDING, PROCEDURE, SIDE_EFFECT } from './status-vocabulary.ts';
import { conditionalOrder } from './status-conditional.ts';
import { givenReadAgain } from './status-given-qualify.ts';
import { pastCourse } from './status-past.ts';
import { trialOutcome } from './status-outcome.ts';
import { harmReason } from './status-harm-reason.ts';

/**
 * After `changed to`: the same drug at another dose (`20 mg`) or in another form (`the generic`,
 * `scheduled dosing`, `p.o.` at the sentence's end, `p.o. medications`), not another drug
 * (`changed to oral Augmentin`).
 */
const SAME_DRUG_AGAIN =
  /^\s*(?:\d|(?:the |a )?(?:generic|scheduled|standing|as needed|PRN|a (?:lower|higher) dose|(?:a |an )?(?:weekly|daily|monthly|nightly|once[- ]daily|twice[- ]daily|lower|higher|smaller|larger) (?:dose|dosing|regimen|schedule)|(?:oral|p\.?o\.?|IV|intravenous(?:ly)?|by mouth)(?: (?:dosing|form|route))?\s*(?:[.,;]|$)|(?:oral|p\.?o\.?|by mouth) (?:pain )?(?:medications?|meds|analgesics?)\b))/i;
/** Right before a stop cue, in its clause: the stop is hoped for, wished, weighed or not yet done. */
const HYPOTHETICAL =
  /\b(?:hope|hopes|hoping|consider|considering|reluctant|unsuccessful|before|wants? to|would like to|wish(?:es)? to|asked about|asking about|interested in|thinking about|(?:would|do|does|did|will) not (?:recommend|suggest|advise))\b[^.;,:]*$/i;
/** Later in the sentence, the drug is to be taken again: a stop that is a pause. */
const RESUMED = /\b(?:back on|resume[ds]?|restart(?:ed)?|re-?start(?:ed)?)\b/i;
/** Right after a stopped drug: the stop is for a while (`discontinue aspirin for now`). */
const FOR_NOW = /^\s*(?:\S+\s+){0,3}?(?:for now|for the time being|temporarily)\b/i;
/** Right after a drug stopped by a cue before it: the stop has an end (`stopped Imuran for one month`). */
const FOR_A_WHILE =
  /^\s*(?:\S+\s+){0,2}?(?:for (?:a|one|two|three|\d+|several|a few|the next) (?:\w+ )?(?:days?|weeks?|months?)|until)\b/i;
/** Right after a drug not taken: for months or years, so it was taken before (`in months`). */
const NOT_SINCE =
  /^\s*(?:\S+\s+){0,3}?(?:in|for|since) (?:(?:over|more than|about|almost|nearly|at least) )?(?:(?:(?:a few|several|many|a couple of|\d+|two|three|four|five|six|seven|ten) )?(?:days|weeks|months|years)|a (?:week|month|year|while|long time)|the (?:last|past) (?:(?:few|several|\d+|two|three|four|six) )?(?:days?|weeks?|months?|years?))\b/i;
/** Right after a drug to be resumed: when, in the future (`Resume Eliquis on postoperative day 2`). */
const RESUME_LATER = new RegExp(
  `^\\s*(?:\\S+\\s+){0,4}?(?:on (?:post-?op(?:erative)? day|POD|day)|in (?:\\d+|one|two|three|a few|several) (?:days?|weeks?)|(?:\\d+|one|two|three|a few|several) (?:hours?|days?|weeks?) (?:after|post)|after (?:the |his |her )?(?:${PROCEDURE}|discharge)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|next week|tomorrow|once|when|if)\\b`,
  'i',
);
/** Right after a drug to hold: the condition of an order to take it (`Hold lisinopril if SBP < 100`). */
const HOLD_PARAMETER =
  /^\s*(?:\S+\s+){0,4}?(?:if|when|for (?:a |an )?(?:SBP|systolic|diastolic|blood pressure|BP|heart rate|HR|pulse|glucose|blood sugar|fingerstick|INR|potassium|K|sedation|RR|respiratory rate))\b/i;
/** Right after a drug to avoid or not take: for a while, or until a procedure (`avoid aspirin for 7 days before surgery`). */
const AVOID_UNTIL = new RegExp(
  `^\\s*(?:\\S+\\s+){0,3}?(?:for (?:a|one|two|three|\\d+|several|a few|the next) (?:\\w+ )?(?:days?|weeks?)|until|(?:before|prior to|(?:on )?the (?:morning|day|night) of|the (?:morning|day|night) before) (?:the |his |her |your )?${PROCEDURE})\\b`,
  'i',
);
/** Right after a stopped drug: stopped ahead of a procedure, so paused (`stopped 5 days prior to surgery`). */
const BEFORE_PROCEDURE = new RegExp(
  `^\\s*(?:\\S+\\s+){0,4}?(?:(?:for )?(?:\\d+|one|two|three|four|five|seven|several|a few) (?:days?|weeks?) )?(?:in (?:preparation|anticipation) )?(?:prior to|before|for) (?:the |his |her |your |an? )?(?:upcoming )?${PROCEDURE}\\b`,
  'i',
);
/** Later in a held drug's sentence, it was taken again already (`held on admission and resumed at discharge`). */
const RESUMED_SINCE =
  /^[^.;]*?\b(?:(?:and|but|then|was|were|has been|have been) (?:later |then |subsequently )?(?:resumed|restarted)|(?:and|but) (?:is|are) (?:now )?back on|(?:and|but) (?:was|were) (?:put|placed) back on)\b/i;
/** Right before a hold: it is yet to come (`will be held`, `should be held`). */
const HOLD_TO_COME = /\b(?:will|to|should|shall|would|must)\s+be\s+$/i;
/** Right before a resume: it is yet to come (`will be resumed`, `to restart`, `plan to resume`). */
const YET_TO_COME = /\b(?:be|to|will|would|shall|may|can|plan|then)\s+$/i;
/**
 * `taken off Coumadin … then resume` / `… placed back on Coumadin` (the same drug, or no object):
 * `later` where the resume is yet to come, `since` where it was done (`they resumed the statin`).
 */
function resumedWhen(text: string, drug: Entity, sentenceEnd: number): 'later' | 'since' | null {
  const after = text.slice(drug.end, sentenceEnd);
  const match = RESUMED.exec(after);
  if (!match) return null;
  const next = after.slice(match.index + match[0].length, match.index + match[0].length + 40);
  const same =
    /^\s*(?:[.,;]|$|(?:it|them|this)\b)/.test(next) ||
    next.toLowerCase().includes(drug.text.toLowerCase());
  if (!same) return null;
  const before = after.slice(Math.max(0, match.index - 16), match.index);
  // `had been out of her Tapazole for a while, now back on it`: taken again already.
  const backNow =
    /^back on$/i.test(match[0]) && /\b(?:now|is|are|(?:has|have) been)\s*$/i.test(before);
  const done =
    backNow ||
    (/^(?:resumed|restarted|re-?started)$/i.test(match[0]) &&
      !YET_TO_COME.test(after.slice(Math.max(0, match.index - 12), match.index)));
  return done ? 'since' : 'later';
}

/** Where the drug stands: the full text, the text with entities masked, its sentence's bounds. */

/** A switch of route or form, not of drug (`Switch from IV to PO Keppra`): the drug goes on. */
const ROUTE_SWITCH =
  /^(?:over )?from (?:IV|intravenous|PO|p\.o\.|oral|IM|SC|subcutaneous|SL|sublingual|NG|PR|drip|infusion|patch|pump) (?:over )?to$/i;

/** The status the winning cue `best` gives the drug, once the rest of its sentence is read. */
export function qualify(best: CuedStatus, at: DrugSentence): DrugStatus {
  if (best.status === 'planned' && ROUTE_SWITCH.test(best.cue.text)) {
    return { status: 'active', cue: best.cue };
  }
  return (
    deniedFinding(best, at) ??
    studyToCome(best, at) ??
    conditionalOrder(best, at) ??
    ordersAndPauses(best, at) ??
    (best.status === 'stopped' || best.status === 'negated' ? stopsAndRefusals(best, at) : null) ??
    givenReadAgain(best, at) ??
    pastCourse(best, at) ??
    best
  );
}

/**
 * Between a negation and the drug after it: a finding the drug did not bring (`No hypoglycemia on
 * glipizide`, `Without complications from her Coumadin`, `Denies missing any doses of her
 * insulin`). What is denied is the finding; the drug is taken.
 */
const FINDING_DENIED = new RegExp(
  `^\\s*(?:any |recent |further |new |significant )?(?:${SIDE_EFFECT}|${CAUSED_FINDING}|problems?|issues?|difficult(?:y|ies)|trouble|missed doses|missing (?:any )?doses)\\s+(?:on|from|with|of|to|after|while (?:on|taking))\\s+(?:(?:his|her|their|the|this) )?$`,
  'i',
);
function deniedFinding(best: CuedStatus, { text, masked, drug }: DrugSentence): DrugStatus | null {
  if (best.status !== 'negated' || best.cue.end > drug.start) return null;
  if (!FINDING_DENIED.test(masked.slice(best.cue.end, drug.start))) return null;
  return {
    status: 'active',
    cue: cueOf(text, best.cue.start, text.slice(0, drug.start).trimEnd().length),
  };
}

/**
 * A contrast agent named by the study a pause or a refusal is about (`hold her Glucophage for 48
 * hours after the contrast study`): the study is to come.
 */
function studyToCome(best: CuedStatus, { text, masked, drug }: DrugSentence): DrugStatus | null {
  if (!(best.status === 'held' || best.status === 'negated') || !CONTRAST_AGENT.test(drug.text)) {
    return null;
  }
  const before = /\b(?:after|before|prior to|following) (?:the|a|an|his|her|your) $/i.exec(
    masked.slice(Math.max(0, drug.start - 20), drug.start),
  );
  if (!before) return null;
  const start = drug.start - (before.input.length - before.index);
  return { status: 'planned', cue: cueOf(text, start, drug.start - 1) };
}

/** Between a proposal and the drug: a switch away from it (`recommended switching from`). */
const SWITCH_FROM =
  /^\s*(?:(?:him|her|them|the patient) )?(?:switching|changing|converting|transitioning|moving|going) (?:(?:him|her|them|the patient) )?(?:over )?from\s+(?:(?:the|his|her|their)\s+)?$/i;
/** Resumes to come, holds with a parameter or already over, pauses around a procedure. */
function ordersAndPauses(
  best: CuedStatus,
  { masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  // `recommended switching from simvastatin to rosuvastatin`: the drug switched from is taken
  // until the switch is made.
  if (
    best.status === 'planned' &&
    best.cue.end <= drug.start &&
    SWITCH_FROM.test(masked.slice(best.cue.end, drug.start))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `Resume Eliquis on postoperative day 2`: paused until then; `will decide whether to restart
  // his lisinopril`: paused until someone decides.
  if (
    best.status === 'active' &&
    best.cue.end <= drug.start &&
    /^(?:resume|restart)$/i.test(best.cue.text) &&
    (RESUME_LATER.test(masked.slice(drug.end, sentenceEnd)) ||
      /\b(?:whether|if) (?:or not )?to\s+$/i.test(
        masked.slice(Math.max(sentenceStart, best.cue.start - 30), best.cue.start),
      ))
  ) {
    return { status: 'held', cue: best.cue };
  }
  // `Hold lisinopril if SBP < 100`, `If blood pressure …, hold metoprolol`: an order to take it,
  // with a parameter.
  if (
    best.status === 'held' &&
    best.cue.end <= drug.start &&
    /^hold$/i.test(best.cue.text) &&
    (HOLD_PARAMETER.test(masked.slice(drug.end, sentenceEnd)) ||
      /\bif\b[^.;]*$/i.test(masked.slice(sentenceStart, best.cue.start)))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `No aspirin or NSAIDs for two weeks after surgery`: a pause around a procedure.
  if (
    best.status === 'negated' &&
    /^no$/i.test(best.cue.text) &&
    AROUND_PROCEDURE.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'held', cue: best.cue };
  }
  // `has not used her inhaler in months`: used before, and no longer.
  if (
    best.status === 'negated' &&
    /^(?:(?:has|have|had) not (?:used|taken|been taking|been using)|(?:is |are )?not (?:taking|using))/i.test(
      best.cue.text,
    ) &&
    NOT_SINCE.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'stopped', cue: best.cue };
  }
  // `avoid aspirin for 7 days before surgery`: a pause, not a drug never to take.
  if (
    best.status === 'negated' &&
    best.cue.end <= drug.start &&
    /^(?:avoid|(?:do|does|should|must|will) not (?:take|use|give|restart|resume|start)|don't|not to)/i.test(
      best.cue.text,
    ) &&
    AVOID_UNTIL.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'held', cue: best.cue };
  }
  // `held on admission and resumed at discharge`: taken again (not `will be held tonight and
  // restarted tomorrow`, a hold to come).
  if (
    best.status === 'held' &&
    !HOLD_TO_COME.test(masked.slice(Math.max(0, best.cue.start - 20), best.cue.start)) &&
    RESUMED_SINCE.test(masked.slice(drug.end, sentenceEnd))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `stopped 5 days prior to surgery`: paused for the procedure.
  if (best.status === 'stopped' && BEFORE_PROCEDURE.test(masked.slice(drug.end, sentenceEnd))) {
    return { status: 'held', cue: best.cue };
  }
  return null;
}

/** Right after a switch's `to`: the same drug by another route (`Dilaudid PCA was converted to oral Dilaudid`). */
function sameDrugNext(after: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^\\s*(?:(?:the |an? )?(?:oral|p\\.?o\\.?|IV|intravenous|sublingual|SL|subcutaneous|SQ|SC|IM|by mouth)\\s+)?${escaped}(?![\\w-])`,
    'i',
  ).test(after);
}

/** A stop or a refusal read again: hoped for, undone, a pause, or for a side effect. */
function stopsAndRefusals(
  best: CuedStatus,
  { text, masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  const outcome = trialOutcome(best, { text, masked, drug, sentenceStart, sentenceEnd });
  if (outcome) return outcome;
  const after = text.slice(drug.end, sentenceEnd);
  // `stopped Imuran for one month` is a pause; `has been off Coumadin for 2 weeks` says how long.
  const sinceThen =
    /\b(?:has|have|had) been\s*$/i.test(
      masked.slice(Math.max(0, best.cue.start - 20), best.cue.start),
    ) || /^(?:has|have|had) been\b/i.test(best.cue.text);
  // `had been on HRT until her diagnosis`: a past course that ended then, not a pause.
  const pastCourse =
    /^(?:had been|(?:was|were) \w+ on|previously|formerly|used to|tried|trial)\b/i.test(
      best.cue.text,
    );
  const pause =
    FOR_NOW.test(after) ||
    (best.cue.end <= drug.start && !sinceThen && !pastCourse && FOR_A_WHILE.test(after));
  // A stop only hoped for or weighed (`hope to get her off`, `consider having her go off`):
  // the drug is still taken.
  const before = masked.slice(Math.max(0, best.cue.start - 50), best.cue.start);
  if (best.status === 'stopped' && best.cue.end <= drug.start && HYPOTHETICAL.test(before)) {
    return { status: 'active', cue: best.cue };
  }
  // `will remain off Coumadin for now`, `will not restart methotrexate for now`: a pause too.
  const remainsOff =
    best.status === 'negated' &&
    /\b(?:(?:remain|remains|stay|stays) off|not (?:restart|resume))\b/i.test(best.cue.text);
  const resumed = best.status === 'stopped' ? resumedWhen(text, drug, sentenceEnd) : null;
  // `Lipitor was changed to the generic`, `Tylenol was changed to scheduled dosing`: the same
  // drug, still taken.
  if (
    best.status === 'stopped' &&
    /\b(?:changed|switched|converted|transitioned) (?:over )?to$/i.test(best.cue.text) &&
    (SAME_DRUG_AGAIN.test(text.slice(best.cue.end, sentenceEnd)) ||
      sameDrugNext(text.slice(best.cue.end, sentenceEnd), drug.text))
  ) {
    return { status: 'active', cue: best.cue };
  }
  // `tried stopping the statin …, they resumed the statin`: taken again.
  if (resumed === 'since') return { status: 'active', cue: best.cue };
  if ((best.status === 'stopped' && (resumed === 'later' || pause)) || (remainsOff && pause)) {
    return { status: 'held', cue: best.cue };
  }
  return harmReason(best, { text, masked, drug, sentenceStart, sentenceEnd });
}
