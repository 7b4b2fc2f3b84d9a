/**
 * Medication status (`../shared/STATUS.md`): for each DRUG mention, what the text says about it —
 * allergy, negated, stopped, held, planned, given or active — with the evidence (`cue`).
 *
 * ConText-style rules over the text around the drug, pure and shared by the browser and Node.
 * First, the note's line breaks (`status-lines.ts`): prose wrapped at a width reads as one line,
 * every other break ends a sentence, and a heading alone on its line heads the lines below. Then:
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
 * 3. The section heading above the drug: `ALLERGIES:` makes its list `allergy` (not a drug the
 *    list says is taken: `takes Claritin`); `MEDICATIONS:` and
 *    the like mark `active`; `ANESTHESIA:`, `PREMEDICATION:` `given`.
 * 4. Of what applies, the first in STATUS.md's order wins, read again with the rest of the
 *    sentence (`status-qualify.ts`): a stop with an end (`for now`, `for one month`, a later
 *    restart) is `held`, a stop for a side effect `allergy`, a hold with a parameter `active`.
 * 5. With nothing (`status-uncued.ts`): a course told at a time that is over (`in 2019`, `as a
 *    teenager`) is `stopped`; a drug with a course of its own (a recurring frequency or a
 *    duration) is `active`; a dose's effect seen (`with good response`) or a sentence about a
 *    procedure makes `given` (`planned` for a procedure to come); else the drug is `active`.
 * A record's own status (a `Status:` field, a table's status cell: `status-entries.ts`) wins, but
 * over an allergy.
 */
import type { Entity } from '../types.ts';
import { runSteps } from './steps.ts';
import {
  ADJACENT_GAP,
  cueOf,
  MAX_REACH,
  findHeadings,
  headingOver,
  maskSpans,
  opensList,
  reachesListFrom,
  scopeEnded,
  sentenceBounds,
  subjectRelative,
  wordCount,
  type Heading,
} from './status-context.ts';
import { UNTIL, findTriggers, lowerBound, type Trigger } from './status-triggers.ts';
import { qualify } from './status-qualify.ts';
import { isCourse, ownSig, sigEntities } from './status-sig.ts';
import { uncuedStatus } from './status-uncued.ts';
import { lineLayout, withBreaks } from './status-lines.ts';
import { entryStatuses } from './status-entries.ts';
import {
  drugBetween,
  hasObject,
  indicationNotReaction,
  otherClause,
  negationIsAboutHow,
  withoutIndications,
} from './status-cue-choice.ts';
import {
  MEDICATION_STATUSES,
  type DrugStatus,
  type CuedStatus,
  type MedicationStatus,
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
  written: string,
  entities: readonly Entity[],
): Generator<void, Map<Entity, DrugStatus>> {
  // Wrapped prose reads as one line; every other line break ends a sentence (./status-lines.ts).
  const layout = lineLayout(written, entities);
  const text = layout.flowed;
  const sentenceEnds = withBreaks(yield* sentenceBounds(text), layout.breaks);
  yield;
  const drugs = entities.filter((e) => e.label === 'DRUG').sort((a, b) => a.start - b.start);
  const headings = yield* findHeadings(text, sentenceEnds, drugs);
  yield;
  // A heading's words (`RECOMMENDED THERAPY:`) are not triggers either.
  const masked = yield* maskSpans(text, [...entities, ...headings]);
  yield;
  // Masked on a copy whose length is unchanged, so offsets hold.
  const triggers = yield* findTriggers(masked);
  const result = new Map<Entity, DrugStatus>();
  const note: Note = {
    text,
    masked,
    drugs,
    sigs: sigEntities(entities),
    triggers,
    sentenceEnds,
    headings,
  };
  // A record's own status field or cell names the status, unless the text tells of a reaction.
  const entries = entryStatuses(written, drugs);
  let done = 0;
  for (const drug of entities) {
    if (drug.label !== 'DRUG') continue;
    const ruled = statusAt(note, drug);
    const entry = entries.get(drug);
    const status = entry && ruled.status !== 'allergy' ? entry : ruled;
    // A cue across a wrapped line quotes the text as written.
    const cue = status.cue && {
      ...status.cue,
      text: written.slice(status.cue.start, status.cue.end),
    };
    result.set(drug, text === written ? status : { ...status, cue });
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

/** A plural passive (`X, Y and Z were weaned`) has the whole list before it as its subject. */
const PLURAL_PASSIVE = /^(?:were|have been)\b/i;
/** Between a drug and a backward trigger: only its own sig (masked), one comma and a word. */
const AFTER_OWN_SIG = /^[\s.]*,\s*(?:[a-z]+\s+)?$/;
/** Between a drug and a backward trigger: a clause about the drug (`that she was taking,`), a few words. */
const AFTER_RELATIVE = /^\s*(?:that|which) [^,.;:]{0,40},\s*(?:[a-z]+\s+){0,3}$/i;
/**
 * The same after a comma or the rest of the drug's list (`Zyvox and Zosyn, which she had been on
 * for two weeks, were stopped`): only with the trigger right after the clause.
 */
const AFTER_LIST_RELATIVE = /^[\s,]*(?:(?:and|or)\b[\s,]*)*(?:that|which) [^,.;:]{0,40},\s*$/i;
/** Between a drug and a backward trigger: a relative clause whose subject it is (`Levophed drip, which was`). */
const RELATIVE_SUBJECT =
  /^\s*(?:[a-z]+\s*)?,\s*(?:which|that) (?:was|were|has been|had been)?\s*$/i;
const BUT_SUBJECT = /^[^.;]*\bbut(?: (?:he|she|they|the patient)(?: \w+)?)? $/i;
/** A negation that the patient cannot take the drug (for a reason the sentence may give). */
const CANNOT_TAKE = /^(?:cannot|can not|can't|unable to) /i;

/**
 * `Flomax 0.4 mg qhs, finasteride held`: the drug's own sig, then another drug right before the
 * backward `trigger`, whose item the trigger closes.
 */
function sigThenDrug(note: Note, drug: Entity, trigger: Trigger): boolean {
  const { text, masked, drugs } = note;
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= drug.end)];
  if (next === undefined || next.start >= trigger.start) return false;
  // Between the two drugs, only masked entities (the sig) and punctuation.
  return (
    /\w/.test(text.slice(drug.end, next.start)) && !/\w/.test(masked.slice(drug.end, next.start))
  );
}

/** An `active` cue of a drug taken now (`takes`, `is on`, `uses`, `tolerates`, `carries an`). */
const TAKES =
  /^(?:(?:he|she|they|patient) )?(?:takes|is taking|taking|uses|is using|using|is on|on|(?:is |has been |has |have |had )?tolerat(?:es|ed|ing)(?: (?:his|her|the))?|carr(?:y|ies|ying) (?:an?|his|her))$/i;
/** A pronoun that points back to several drugs (`them`, `both of them`). */
const PLURAL_ANAPHOR = /\b(?:them|both|either|those|these|they|all)\b/i;

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

/** What the status of every drug in a text is read from. */
interface Note {
  text: string;
  /** The text with entities and headings masked (same length). */
  masked: string;
  /** DRUG entities, sorted by start. */
  drugs: readonly Entity[];
  /** FREQUENCY and DURATION entities, sorted by start (./status-sig.ts). */
  sigs: readonly Entity[];
  triggers: readonly Trigger[];
  sentenceEnds: readonly number[];
  headings: readonly Heading[];
}

function statusAt(note: Note, drug: Entity): DrugStatus {
  const { text, masked, drugs, triggers, sentenceEnds, headings } = note;
  // All three lists are sorted, and triggers do not overlap: binary searches keep long notes linear.
  const cut = (from: number, to: number): boolean => {
    const at = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > from);
    return at < sentenceEnds.length && sentenceEnds[at]! <= to;
  };
  const candidates: CuedStatus[] = [];

  // The nearest forward trigger before the drug, if its scope reaches it.
  let f = lowerBound(triggers.length, (i) => triggers[i]!.end > drug.start) - 1;
  while (f >= 0 && triggers[f]!.rule.direction === 'backward') f--;
  const forward = f >= 0 ? triggers[f] : undefined;
  // A sentence end between ends the scope (checked first: the gap may be long in a long note).
  if (forward && drug.start - forward.end <= MAX_REACH && !cut(forward.end, drug.start)) {
    const gap = text.slice(forward.end, drug.start);
    const rule = forward.rule;
    const commaEnds =
      (rule.direction === 'both' || rule.commaEnds === true) &&
      !opensList(masked, drugs, forward, drug.start);
    const ended =
      scopeEnded(gap, cut(forward.end, drug.start), commaEnds) ||
      // A bracket the trigger stood in closes: `(start 01/07/08) - Zithromax`.
      /^[^(]*\)/.test(gap) ||
      (rule.maxWords !== undefined &&
        wordCount(gap) > rule.maxWords &&
        !reachesListFrom(note, forward.end, drug, rule.maxWords)) ||
      (UNTIL.get(rule)?.test(gap) ?? false);
    // A trigger between (of another direction) also ends the scope.
    const after = triggers[f + 1];
    const between = after !== undefined && after.end <= drug.start;
    if (!ended && !between && !negationIsAboutHow(forward, note, drug)) {
      candidates.push({ status: rule.status, cue: cueOf(text, forward.start, forward.end) });
    }
  }
  // The nearest backward trigger after the drug, within its clause.
  const firstAfter = lowerBound(triggers.length, (i) => triggers[i]!.start >= drug.end);
  let b = firstAfter;
  while (b < triggers.length && triggers[b]!.rule.direction === 'forward') b++;
  const backward = triggers[b];
  if (backward && backward.start - drug.end <= MAX_REACH) {
    const gap = text.slice(drug.end, backward.start);
    // A short trigger between (`Marcaine without epinephrine was used`) belongs to the drug after it.
    const between = triggers
      .slice(firstAfter, b)
      .some((t) => t.end <= backward.start && t.rule.maxWords === undefined);
    const butRefused = backward.rule.crossesBut === true && BUT_SUBJECT.test(gap);
    const inScope = backward.rule.anaphor
      ? reachesBack(text, drug, backward, drugs, cut(drug.end, backward.start))
      : backward.rule.adjacent || backward.rule.single
        ? !cut(drug.end, backward.start) &&
          ADJACENT_GAP.test(masked.slice(drug.end, backward.start)) &&
          !(backward.rule.single && drugBetween(drugs, drug.end, backward.start))
        : backward.rule.list || PLURAL_PASSIVE.test(text.slice(backward.start, backward.end))
          ? !scopeEnded(gap.replace(/,/g, ' '), cut(drug.end, backward.start), false) &&
            wordCount(masked.slice(drug.end, backward.start)) <= 8
          : ((!scopeEnded(gap, cut(drug.end, backward.start), true) || butRefused) &&
              wordCount(masked.slice(drug.end, backward.start)) <= 8) ||
            (!cut(drug.end, backward.start) &&
              AFTER_OWN_SIG.test(masked.slice(drug.end, backward.start)) &&
              !(backward.rule.direction === 'both' && hasObject(masked, drugs, backward)) &&
              !sigThenDrug(note, drug, backward));
    // A clause about the drug stands between (`Premarin that she was taking, advised to
    // discontinue`): the trigger after it still reaches the drug, over the clause's own triggers.
    const relative =
      !backward.rule.anaphor &&
      !cut(drug.end, backward.start) &&
      (AFTER_RELATIVE.test(masked.slice(drug.end, backward.start)) ||
        AFTER_LIST_RELATIVE.test(masked.slice(drug.end, backward.start)) ||
        // `a Levophed drip, which was weaned off`: only a stop or a pause, whose subject is plain
        ((backward.rule.status === 'stopped' || backward.rule.status === 'held') &&
          (RELATIVE_SUBJECT.test(masked.slice(drug.end, backward.start)) ||
            subjectRelative(masked, sentenceEnds, drug, backward))));
    if (((!between && inScope) || relative) && !otherClause(masked, drugs, drug, backward)) {
      candidates.push({
        status: backward.rule.status,
        cue: cueOf(text, backward.start, backward.end),
      });
    }
  }
  // The heading above it: an allergy heading always counts; the others only where no trigger does.
  const heading = headingOver(headings, drug);
  const headed =
    heading?.status && drug.start < heading.until
      ? { status: heading.status, cue: cueOf(text, heading.start, heading.end) }
      : undefined;
  // `Allergies: seasonal allergies, takes Claritin`: a drug taken, named under the heading.
  const takenUnder = candidates.some(
    (c) =>
      c.status === 'active' &&
      heading !== undefined &&
      c.cue.start >= heading.end &&
      c.cue.end <= drug.start &&
      TAKES.test(c.cue.text),
  );
  if (headed && ((headed.status === 'allergy' && !takenUnder) || candidates.length === 0)) {
    candidates.push(headed);
  }
  candidates.sort((a, b) => rank(a.status) - rank(b.status));
  const choices = withoutIndications(candidates, drug, note, headed);
  // `denies dye allergy`, `no known allergy to aspirin` (under `Allergies:` too): a negated allergy
  // is no allergy; but `cannot take aspirin because of intolerance` tells why it cannot be taken.
  const negation = choices.find((c) => c.status === 'negated');
  if (
    negation &&
    !CANNOT_TAKE.test(negation.cue.text) &&
    choices[0]?.status === 'allergy' &&
    (choices[0].cue.start >= drug.end || /allerg/i.test(negation.cue.text))
  ) {
    return negation;
  }
  // `Continue Paxil … was recommended`: a plan to go on with a drug leaves it active.
  const continued = choices.find((c) => c.status === 'active' && /^continu/i.test(c.cue.text));
  if (choices[0]?.status === 'planned' && continued) return continued;
  const best = indicationNotReaction(choices, drug) ?? choices[0];
  // The drug's sentence, at most MAX_REACH on either side: the checks below read it for each drug.
  const sentenceEnd = Math.min(
    drug.end + MAX_REACH,
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.end)] ??
      text.length,
  );
  const sentenceStart = Math.max(
    drug.start - MAX_REACH,
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start) - 1] ?? 0,
  );
  if (best) {
    const course = isCourse(ownSig(drug, drugs, note.sigs, sentenceEnd));
    return qualify(best, { text, masked, drug, sentenceStart, sentenceEnd, course });
  }
  return uncuedStatus({ text, masked, drug, sentenceStart, sentenceEnd, drugs, sigs: note.sigs });
}
