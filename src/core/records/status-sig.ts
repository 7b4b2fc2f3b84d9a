/**
 * A drug's own sig, as the status step reads it: a prescription's recurring frequency or its
 * duration (`four times daily`, `every 6 hours as needed`, `for 10 days`) right after the drug says
 * it goes on being taken. In a sentence with a procedure's words (`to the wound`, `Instill … in the
 * operative eye`, `for postoperative pain`) such a drug is prescribed, not given in the encounter.
 */
import type { Entity } from '../types.ts';
import { lowerBound } from './status-triggers.ts';

/** A frequency that counts doses had, not a course (`once`, `x1`, `x3`, `stat`). */
const DOSES_HAD = /^(?:once|one time|[x×] ?\d+|stat|now|(?:a )?single dose|one dose|1 dose)$/i;

/** The sig entities the status step reads (FREQUENCY and DURATION), sorted by start. */
export function sigEntities(entities: readonly Entity[]): Entity[] {
  return entities
    .filter((e) => e.label === 'FREQUENCY' || e.label === 'DURATION')
    .sort((a, b) => a.start - b.start);
}

/**
 * The drug's own sig: the FREQUENCY and DURATION entities after `drug` in its sentence, before the
 * next drug (`drugs` and `sigs` sorted by start).
 */
export function ownSig(
  drug: Entity,
  drugs: readonly Entity[],
  sigs: readonly Entity[],
  sentenceEnd: number,
): Entity[] {
  const nextDrug = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= drug.end)];
  const limit = Math.min(sentenceEnd, nextDrug?.start ?? sentenceEnd);
  const own: Entity[] = [];
  for (let i = lowerBound(sigs.length, (k) => sigs[k]!.start >= drug.end); i < sigs.length; i++) {
    if (sigs[i]!.start >= limit) break;
    own.push(sigs[i]!);
  }
  return own;
}

/** Whether a drug's own sig is a course: a recurring frequency or a duration. */
export function isCourse(own: readonly Entity[]): boolean {
  return own.some((sig) => sig.label === 'DURATION' || !DOSES_HAD.test(sig.text.trim()));
}

/** A parenteral route, given by a nurse or a doctor, not taken at home. */
const PARENTERAL = /\b(?:IV|IM|intravenous(?:ly)?|intramuscular(?:ly)?|IV push|push|bolus)\b/i;

/**
 * A counted dose of the encounter (`Versed 2 mg IV push x1`): a dose count in the drug's own sig,
 * with a parenteral route between the drug and it; the count, else null.
 */
export function countedDose(text: string, drug: Entity, own: readonly Entity[]): Entity | null {
  const count = own.find((sig) => sig.label === 'FREQUENCY' && DOSES_HAD.test(sig.text.trim()));
  return count && PARENTERAL.test(text.slice(drug.end, count.start)) ? count : null;
}
