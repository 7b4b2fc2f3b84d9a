/**
 * Cues that apply to a drug (./status.ts) but do not decide it: a cause after a drug taken, or a
 * reaction after `for`, is what it is for, not a reaction to it; a negation before a drug may be
 * an instruction on how to take it, or name it as what another drug must not be taken with; a
 * trigger right before another drug, or after another drug's own clause, is that drug's; a symptom
 * in brackets after a drug taken as needed, or listed as taken, is what it is for.
 */
import type { Entity } from '../types.ts';
import { lowerBound, type Trigger } from './status-triggers.ts';
import type { CuedStatus } from './status-types.ts';
import { AROUND_PROCEDURE } from './status-vocabulary.ts';

/** A cause after the drug (`because of leg swelling`): a reaction, or what the drug is for. */
const CAUSE_AFTER = /^(?:due to|because of|secondary to|d\/t|2\/2)\b/i;
/**
 * `She takes Lasix because of leg swelling`, `was started on Benadryl because of itching`: where a
 * cue before the drug says it is taken, started or given, a cause after it is why, not a reaction
 * to it; that cue decides. A stop for a cause stays an intolerance (`Lasix was stopped because of
 * hypotension`).
 */
export function indicationNotReaction(
  candidates: readonly CuedStatus[],
  drug: Entity,
): CuedStatus | undefined {
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

/** Between a drug and an allergy cue after it: `for` (`given Benadryl for an allergic reaction`). */
const FOR_BEFORE =
  /\bfor\s+(?:(?:an?|the|his|her|their|possible|presumed|suspected|mild|severe|acute|presumptive)\s+)*$/i;
/**
 * `He was given Benadryl for an allergic reaction to shellfish`: a reaction named after `for` is
 * what the drug treats, not one it caused; such allergy cues are left out, as is a symptom treated
 * in brackets. Where that leaves no cue, the `heading` the drug stands under decides.
 */
export function withoutIndications(
  candidates: readonly CuedStatus[],
  drug: Entity,
  { text, masked }: { text: string; masked: string },
  heading: CuedStatus | undefined,
): readonly CuedStatus[] {
  const kept = candidates.filter(
    (c) =>
      c.status !== 'allergy' ||
      c.cue.start < drug.end ||
      (!FOR_BEFORE.test(masked.slice(drug.end, c.cue.start)) &&
        !symptomTreated(c.cue, text.slice(drug.end, c.cue.start), heading?.status === 'active')),
  );
  return kept.length === 0 && heading ? [heading] : kept;
}

/** Between a drug and a bracket after it: `as needed` (`Zofran 4 mg PRN (nausea)`). */
const AS_NEEDED = /\b(?:p\.?r\.?n\.?|as needed)(?!\w)/i;
/** Words in brackets that name a reaction, never a symptom treated (`(anaphylaxis)`, `(allergy)`). */
const REACTION_ONLY = /anaphyla|angioedema|allerg|intoleran|reaction|stevens|SJS/i;

/**
 * `Zofran 4 mg PRN (nausea)`, `Colace 100 mg (constipation)` under `Medications:`: the symptom
 * in brackets is what the drug treats, where the drug is taken as needed or listed as taken; an
 * allergy's brackets (`Penicillin (rash)`) stand under an allergy heading or alone.
 */
function symptomTreated(cue: CuedStatus['cue'], between: string, listedAsTaken: boolean): boolean {
  return (
    cue.text.startsWith('(') &&
    !REACTION_ONLY.test(cue.text) &&
    (listedAsTaken || AS_NEEDED.test(between))
  );
}

/** After a drug: how it is to be taken (`Do not take Tetracycline with milk`). */
const HOW_TO_TAKE =
  /^\s*(?:\S+\s+){0,3}?(?:with|more than|unless|on an empty|before|after|within|at the same time|regularly|consistently|as prescribed|as directed|every day)\b/i;
/** Right before a drug: `with` (`ibuprofen with her lisinopril`). */
const WITH_BEFORE = /\bwith\s+(?:(?:his|her|your|their|the)\s+)?$/i;
/**
 * Whether a negation before `drug` is not about taking it: an instruction on how to take it
 * (`Do not take Tetracycline with milk`), or `drug` is what another is not to be taken with
 * (`should not take ibuprofen with her lisinopril`: lisinopril; ibuprofen stays negated).
 */
export function negationIsAboutHow(
  trigger: Trigger,
  { text, masked, drugs }: { text: string; masked: string; drugs: readonly Entity[] },
  drug: Entity,
): boolean {
  if (trigger.rule.status !== 'negated') return false;
  // `should not take ibuprofen with her lisinopril`: lisinopril is what it is not taken with.
  const before = drugs[lowerBound(drugs.length, (i) => drugs[i]!.end > drug.start) - 1];
  if (
    before &&
    before.start >= trigger.end &&
    WITH_BEFORE.test(masked.slice(before.end, drug.start))
  ) {
    return true;
  }
  // … and ibuprofen is not to be taken, as it is before another drug, not food or a time.
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= drug.end)];
  const withDrug = next !== undefined && WITH_BEFORE.test(masked.slice(drug.end, next.start));
  return (
    /\b(?:take|use)$/i.test(text.slice(trigger.start, trigger.end)) &&
    !withDrug &&
    HOW_TO_TAKE.test(text.slice(drug.end, drug.end + 40)) &&
    !AROUND_PROCEDURE.test(masked.slice(drug.end, drug.end + 60))
  );
}

/** Whether a drug follows a two-way `trigger` as its object (`Continue Lasix, stop Aldactone`). */
export function hasObject(masked: string, drugs: readonly Entity[], trigger: Trigger): boolean {
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= trigger.end)];
  if (!next || next.start - trigger.end > 20) return false;
  return /^\s*(?:(?:the|his|her|all)\s+)?$/i.test(masked.slice(trigger.end, next.start));
}

/** Between two drugs: the second starts a new subject (`and the`, `and her`). */
const NEW_SUBJECT = /\b(?:and|but|while) (?:the|his|her|their)\s*$/i;
/** Between two drugs: a verb of the first drug's own clause (`regimen was simplified and her`). */
const CLAUSE_GAP = /\b(?:was|were|is|are|has been|have been|had been|will be)\b/i;
/**
 * Whether another drug stands between `drug` and the backward `trigger` in a clause of its own
 * (`Her insulin regimen was simplified and her Januvia was stopped`): the trigger is that drug's.
 */
export function otherClause(
  masked: string,
  drugs: readonly Entity[],
  drug: Entity,
  trigger: Trigger,
): boolean {
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= drug.end)];
  if (!next || next.start >= trigger.start) return false;
  const gap = masked.slice(drug.end, next.start);
  // `transitioned to cefpodoxime and the ceftriaxone was discontinued`: a singular verb's subject.
  const singular = /^\s*(?:was|has been|is)\b/i.test(masked.slice(trigger.start, trigger.end));
  return CLAUSE_GAP.test(gap) || (singular && NEW_SUBJECT.test(gap));
}

/** Whether a drug starts between `from` and `to` (`drugs` sorted by start). */
export function drugBetween(drugs: readonly Entity[], from: number, to: number): boolean {
  const next = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= from)];
  return next !== undefined && next.start < to;
}
