/**
 * Medication status (`../shared/STATUS.md`): for each DRUG mention, what the text says about it —
 * allergy, negated, stopped, held, planned, given or active — with the evidence (`cue`).
 *
 * ConText-style rules over the text around the drug, pure and shared by the browser and Node:
 * 1. Trigger terms (`status-triggers.ts`: `allergic to`, `stopped`, `hold`, `will start`, `was
 *    given`, `continue` …) each with a status and a direction: forward (applies to drugs after
 *    it), backward (to drugs before it) or both. Overlapping matches keep the longest.
 * 2. A trigger's scope follows the structure of the text (`status-context.ts`): it ends at a
 *    sentence end, a list break (line, `;`, numbered item), a terminator (`but`, `however`, a
 *    new clause with its own subject: `as he is …`) and at the next trigger; a drug takes the
 *    nearest forward trigger and the nearest backward one in scope. Backward scopes and the
 *    forward scope of a two-way trigger or a cause (`hyperkalemia due to`) also end at a comma (a
 *    list item: `Lipitor discontinued, Vioxx 25 mg`) unless only the drug's own sig stands before
 *    it, or a list of drugs follows the cue; a cue that
 *    tells a list's outcome (`X, Y and Z without relief`) reaches the whole list.
 * 3. The section heading above the drug: `ALLERGIES:` makes its list `allergy`; `MEDICATIONS:` and
 *    the like mark `active`; `ANESTHESIA:`, `PREMEDICATION:` `given`.
 * 4. Of what applies, the first in STATUS.md's order wins; a stop with an end (`for now`,
 *    `for one month`, a later restart) is `held`, a stop for a side effect `allergy`; with
 *    nothing, a sentence about a procedure makes `given`, else the drug is `active`.
 */
import type { Entity } from '../types.ts';
import { runSteps } from './steps.ts';
import {
  CONSENT_CONTEXT,
  CONTRAST_AGENT,
  PROCEDURE_CONTEXT,
  cueOf,
  findHeadings,
  maskSpans,
  opensList,
  scopeEnded,
  sentenceBounds,
  wordCount,
  type Heading,
} from './status-context.ts';
import { SIDE_EFFECT, UNTIL, findTriggers, lowerBound, type Trigger } from './status-triggers.ts';
import {
  MEDICATION_STATUSES,
  type DrugStatus,
  type MedicationStatus,
  type StatusCue,
} from './status-types.ts';

export {
  MEDICATION_STATUSES,
  isMedicationStatus,
  type DrugStatus,
  type MedicationStatus,
  type StatusCue,
} from './status-types.ts';

const rank = (status: MedicationStatus): number => MEDICATION_STATUSES.indexOf(status);

/**
 * The status of each DRUG entity in `entities`, by the entity (other labels are skipped). The
 * other entities' texts are masked while triggers are sought, so a drug named `Stop-it` or a sig
 * word never acts as a trigger.
 */
export function drugStatuses(text: string, entities: readonly Entity[]): Map<Entity, DrugStatus> {
  return runSteps(drugStatusSteps(text, entities));
}

/** Drugs whose status is found between two yields of `drugStatusSteps`. */
const DRUGS_PER_STEP = 200;

/** `drugStatuses` in steps (./steps.ts); its return value is the map. */
export function* drugStatusSteps(
  text: string,
  entities: readonly Entity[],
): Generator<void, Map<Entity, DrugStatus>> {
  const sentenceEnds = yield* sentenceBounds(text);
  yield;
  const headings = yield* findHeadings(text, sentenceEnds);
  yield;
  // A heading's words (`RECOMMENDED THERAPY:`) are not triggers either.
  const masked = yield* maskSpans(text, [...entities, ...headings]);
  yield;
  // Masked on a copy whose length is unchanged, so offsets hold.
  const triggers = yield* findTriggers(masked);
  const result = new Map<Entity, DrugStatus>();
  const drugs = entities.filter((e) => e.label === 'DRUG').sort((a, b) => a.start - b.start);
  let done = 0;
  for (const drug of entities) {
    if (drug.label !== 'DRUG') continue;
    result.set(drug, statusAt(text, masked, drugs, drug, triggers, sentenceEnds, headings));
    if (++done % DRUGS_PER_STEP === 0) yield;
  }
  return result;
}

/** The status of one drug span. */
export function statusOf(text: string, drug: Pick<Entity, 'start' | 'end'>): DrugStatus {
  const entity: Entity = {
    ...drug,
    label: 'DRUG',
    text: text.slice(drug.start, drug.end),
    score: 1,
  };
  return drugStatuses(text, [entity]).get(entity) as DrugStatus;
}

/** A time before the encounter the note describes. */
const PAST_TIME =
  /\b(?:(?:in|since|during) (?:(?:January|February|March|April|May|June|July|August|September|October|November|December|the fall|the spring|the summer|the winter) (?:of )?)?(?:19|20)\d\d|\d+ (?:years?|months?|weeks?) ago|(?:\d+|one|two|three|a) (?:weeks?|months?|years?) (?:prior to|before) (?:(?:this |his |her )?admission|presentation)|last (?:week|month|year)|until (?:recently|last (?:year|month))|years ago|in the past|as a (?:child|teenager))\b/i;
/** An `active` cue in a past tense: with a past time, a past course. */
const PAST_USE = /^(?:(?:was|were|had been) (?:\w+ )?(?:on|taking|using)|took)$/i;
/** Right after a drug taken in the simple past: for how long (`took steroids for about 3 days`). */
const TAKEN_FOR =
  /^\s*(?:\S+\s+){0,3}?for (?:about |over |almost |nearly )?(?:a|one|two|three|four|five|six|\d+|several|a few|many) (?:\w+ )?(?:days?|weeks?|months?|years?)\b/i;
/** Right before a stop cue, in its clause: the stop is hoped for, weighed or not yet done. */
const HYPOTHETICAL =
  /\b(?:hope|hopes|hoping|consider|considering|reluctant|unsuccessful|before)\b[^.;,:]*$/i;
/** A plural passive (`X, Y and Z were weaned`) has the whole list before it as its subject. */
const PLURAL_PASSIVE = /^(?:were|have been)\b/i;
/** Between a drug and a backward trigger: only its own sig (masked), one comma and a word. */
const AFTER_OWN_SIG = /^[\s.]*,\s*(?:[a-z]+\s+)?$/;
/** Between a drug and a backward trigger: a clause about the drug (`that she was taking,`), a few words. */
const AFTER_RELATIVE = /^\s*(?:that|which) [^,.;:]{0,40},\s*(?:[a-z]+\s+){0,3}$/i;
const BUT_SUBJECT = /^[^.;]*\bbut(?: (?:he|she|they|the patient)(?: \w+)?)? $/i;
/** Between drugs that share a following `allergy`: only other drugs (masked), commas, and/or. */
const ADJACENT_GAP = /^[\s,/]*(?:(?:and|or)[\s,]*)*$/i;
/** Later in the sentence, the drug is to be taken again: a stop that is a pause. */
const RESUMED = /\b(?:back on|resume[ds]?|restart(?:ed)?|re-?start(?:ed)?)\b/i;
/** Right after a stopped drug: the stop is for a while (`discontinue aspirin for now`). */
const FOR_NOW = /^\s*(?:\S+\s+){0,2}?(?:for now|for the time being|temporarily)\b/i;
/** Right after a drug stopped by a cue before it: the stop has an end (`stopped Imuran for one month`). */
const FOR_A_WHILE =
  /^\s*(?:\S+\s+){0,2}?(?:for (?:a|one|two|three|\d+|several|a few|the next) (?:\w+ )?(?:days?|weeks?|months?)|until)\b/i;
/** After a stopped drug, in its clause: the reason is a side effect (`stopped it because of …`). */
const BECAUSE_OF_EFFECT = new RegExp(
  `^[^.;]{0,60}?\\b(?:because of|due to|secondary to) (?:his |her |the |a |an )?(?:\\w+ ){0,2}?${SIDE_EFFECT}`,
  'i',
);
/** `taken off Coumadin … then resume` / `… placed back on Coumadin`: the same drug, or no object. */
function isResumed(text: string, drug: Entity, sentenceEnd: number): boolean {
  const after = text.slice(drug.end, sentenceEnd);
  const match = RESUMED.exec(after);
  if (!match) return false;
  const next = after.slice(match.index + match[0].length, match.index + match[0].length + 40);
  return /^\s*(?:[.,;]|$)/.test(next) || next.toLowerCase().includes(drug.text.toLowerCase());
}

/** A negation that the patient cannot take the drug (for a reason the sentence may give). */
const CANNOT_TAKE = /^(?:cannot|can not|can't|unable to) /i;

/** Whether a drug follows a two-way `trigger` as its object (`Continue Lasix, stop Aldactone`). */
function hasObject(masked: string, drugs: readonly Entity[], trigger: Trigger): boolean {
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= trigger.end)];
  if (!next || next.start - trigger.end > 20) return false;
  return /^\s*(?:(?:the|his|her|all)\s+)?$/i.test(masked.slice(trigger.end, next.start));
}

/** A pronoun that points back to several drugs (`them`, `both of them`). */
const PLURAL_ANAPHOR = /\b(?:them|both|either)\b/i;

/** `Do not take Tetracycline with milk`: an instruction on how to take it, not a negation. */
const HOW_TO_TAKE =
  /^\s*(?:\S+\s+){0,3}?(?:with|more than|unless|until|on an empty|before|after|within|at the same time)\b/i;
function isHowToTake(trigger: Trigger, text: string, drug: Entity): boolean {
  return (
    trigger.rule.status === 'negated' &&
    /\b(?:take|use)$/i.test(text.slice(trigger.start, trigger.end)) &&
    HOW_TO_TAKE.test(text.slice(drug.end, drug.end + 40))
  );
}

/** Whether an anaphoric backward trigger reaches back to `drug`. */
function reachesBack(
  text: string,
  drug: Entity,
  trigger: Trigger,
  drugs: readonly Entity[],
  sentenceCut: boolean,
): boolean {
  const gap = text.slice(drug.end, trigger.start);
  if (sentenceCut || /\n/.test(gap) || wordCount(gap) > 14) return false;
  const plural = PLURAL_ANAPHOR.test(text.slice(trigger.start, trigger.end));
  if (plural) return true;
  // drugs is sorted: is there a drug between this one and the trigger?
  const next = lowerBound(drugs.length, (i) => drugs[i]!.start >= drug.end);
  return !(next < drugs.length && drugs[next]!.start < trigger.start);
}

function statusAt(
  text: string,
  masked: string,
  drugs: readonly Entity[],
  drug: Entity,
  triggers: readonly Trigger[],
  sentenceEnds: readonly number[],
  headings: readonly Heading[],
): DrugStatus {
  // All three lists are sorted, and triggers do not overlap: binary searches keep long notes linear.
  const cut = (from: number, to: number): boolean => {
    const at = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > from);
    return at < sentenceEnds.length && sentenceEnds[at]! <= to;
  };
  const candidates: { status: MedicationStatus; cue: StatusCue }[] = [];

  // The nearest forward trigger before the drug, if its scope reaches it.
  let f = lowerBound(triggers.length, (i) => triggers[i]!.end > drug.start) - 1;
  while (f >= 0 && triggers[f]!.rule.direction === 'backward') f--;
  const forward = f >= 0 ? triggers[f] : undefined;
  // A sentence end between ends the scope (checked first: the gap may be long in a long note).
  if (forward && !cut(forward.end, drug.start)) {
    const gap = text.slice(forward.end, drug.start);
    const rule = forward.rule;
    const commaEnds =
      (rule.direction === 'both' || rule.commaEnds === true) &&
      !opensList(masked, drugs, forward, drug.start);
    const ended =
      scopeEnded(gap, cut(forward.end, drug.start), commaEnds) ||
      (rule.maxWords !== undefined && wordCount(gap) > rule.maxWords) ||
      (UNTIL.get(rule)?.test(gap) ?? false);
    // A trigger between (of another direction) also ends the scope.
    const after = triggers[f + 1];
    const between = after !== undefined && after.end <= drug.start;
    if (!ended && !between && !isHowToTake(forward, text, drug)) {
      candidates.push({ status: rule.status, cue: cueOf(text, forward.start, forward.end) });
    }
  }
  // The nearest backward trigger after the drug, within its clause.
  const firstAfter = lowerBound(triggers.length, (i) => triggers[i]!.start >= drug.end);
  let b = firstAfter;
  while (b < triggers.length && triggers[b]!.rule.direction === 'forward') b++;
  const backward = triggers[b];
  if (backward) {
    const gap = text.slice(drug.end, backward.start);
    // A short trigger between (`Marcaine without epinephrine was used`) belongs to the drug after it.
    const between = triggers
      .slice(firstAfter, b)
      .some((t) => t.end <= backward.start && t.rule.maxWords === undefined);
    const butRefused = backward.rule.crossesBut === true && BUT_SUBJECT.test(gap);
    const inScope = backward.rule.anaphor
      ? reachesBack(text, drug, backward, drugs, cut(drug.end, backward.start))
      : backward.rule.adjacent
        ? ADJACENT_GAP.test(masked.slice(drug.end, backward.start))
        : backward.rule.list || PLURAL_PASSIVE.test(text.slice(backward.start, backward.end))
          ? !scopeEnded(gap.replace(/,/g, ' '), cut(drug.end, backward.start), false) &&
            wordCount(masked.slice(drug.end, backward.start)) <= 8
          : ((!scopeEnded(gap, cut(drug.end, backward.start), true) || butRefused) &&
              wordCount(masked.slice(drug.end, backward.start)) <= 8) ||
            (!cut(drug.end, backward.start) &&
              AFTER_OWN_SIG.test(masked.slice(drug.end, backward.start)) &&
              !(backward.rule.direction === 'both' && hasObject(masked, drugs, backward)));
    // A clause about the drug stands between (`Premarin that she was taking, advised to
    // discontinue`): the trigger after it still reaches the drug, over the clause's own triggers.
    const relative =
      !backward.rule.anaphor &&
      !cut(drug.end, backward.start) &&
      AFTER_RELATIVE.test(masked.slice(drug.end, backward.start));
    if ((!between && inScope) || relative) {
      candidates.push({
        status: backward.rule.status,
        cue: cueOf(text, backward.start, backward.end),
      });
    }
  }
  // The heading above it: an allergy heading always counts; the others only where no trigger does.
  const heading = headings[lowerBound(headings.length, (i) => headings[i]!.end > drug.start) - 1];
  const headed =
    heading?.status && drug.start < heading.until
      ? { status: heading.status, cue: cueOf(text, heading.start, heading.end) }
      : undefined;
  if (headed && (headed.status === 'allergy' || candidates.length === 0)) candidates.push(headed);
  candidates.sort((a, b) => rank(a.status) - rank(b.status));
  // `denies dye allergy`, `no penicillin allergy`: a negated allergy is no allergy; but `cannot
  // take aspirin because of intolerance` tells why it cannot be taken.
  const negation = candidates.find((c) => c.status === 'negated');
  if (
    negation &&
    !CANNOT_TAKE.test(negation.cue.text) &&
    candidates[0]?.status === 'allergy' &&
    candidates[0].cue.start >= drug.end
  ) {
    return negation;
  }
  // `Continue Paxil … was recommended`: a plan to go on with a drug leaves it active.
  const continued = candidates.find((c) => c.status === 'active' && /^continu/i.test(c.cue.text));
  if (candidates[0]?.status === 'planned' && continued) return continued;
  const best = candidates[0];
  const sentenceEnd =
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.end)] ??
    text.length;
  if (best?.status === 'stopped' || best?.status === 'negated') {
    const after = text.slice(drug.end, sentenceEnd);
    // `stopped Imuran for one month` is a pause; `has been off Coumadin for 2 weeks` says how long.
    const sinceThen = /\b(?:has|have|had) been\s*$/i.test(
      masked.slice(Math.max(0, best.cue.start - 20), best.cue.start),
    );
    const pause =
      FOR_NOW.test(after) || (best.cue.end <= drug.start && !sinceThen && FOR_A_WHILE.test(after));
    // A stop only hoped for or weighed (`hope to get her off`, `consider having her go off`):
    // the drug is still taken.
    const before = masked.slice(Math.max(0, best.cue.start - 50), best.cue.start);
    if (best.status === 'stopped' && best.cue.end <= drug.start && HYPOTHETICAL.test(before)) {
      return { status: 'active', cue: best.cue };
    }
    if (best.status === 'stopped' && (isResumed(text, drug, sentenceEnd) || pause)) {
      return { status: 'held', cue: best.cue };
    }
    // Stopped or not to be taken because of a side effect: an intolerance (the sig is masked).
    const effect = BECAUSE_OF_EFFECT.exec(masked.slice(drug.end, sentenceEnd));
    if (effect && !/\beither\b/i.test(effect[0])) {
      const start = drug.end + effect[0].search(/\b(?:because of|due to|secondary to)\b/i);
      return { status: 'allergy', cue: cueOf(text, start, drug.end + effect[0].length) };
    }
  }

  // Given, or taken (`was on`, `had been taking`), at a time before the encounter (`In August of
  // 2007, she was treated with`, `she was on Lexapro in 2005`), or taken for a length of time in
  // the simple past (`took Paxil for 2 years`): a past course.
  if (best?.status === 'given' || (best?.status === 'active' && PAST_USE.test(best.cue.text))) {
    const sentenceStart =
      sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start) - 1] ?? 0;
    const tookFor =
      /^took$/i.test(best.cue.text) && TAKEN_FOR.test(masked.slice(drug.end, sentenceEnd));
    if (tookFor || PAST_TIME.test(masked.slice(sentenceStart, sentenceEnd))) {
      return { status: 'stopped', cue: best.cue };
    }
  }
  if (best) return best;
  if (CONTRAST_AGENT.test(drug.text)) {
    return { status: 'given', cue: cueOf(text, drug.start, drug.end) };
  }

  const sentenceStart =
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start) - 1] ?? 0;
  const sentence = masked.slice(sentenceStart, sentenceEnd);
  const consent = CONSENT_CONTEXT.exec(sentence);
  if (consent) {
    const start = sentenceStart + consent.index;
    return { status: 'planned', cue: cueOf(text, start, start + consent[0].length) };
  }
  const context = PROCEDURE_CONTEXT.exec(sentence);
  if (context) {
    const start = sentenceStart + context.index;
    return { status: 'given', cue: cueOf(text, start, start + context[0].length) };
  }
  return { status: 'active', cue: null };
}
