/**
 * A stop or a refusal read for its reason (./status-qualify.ts): where the drug was stopped or is
 * not taken because of a side effect (`stopped because of a cough`, `but it caused a cough`,
 * `(ended 2021 - drowsiness)`), or was stopped for a harm it did (`discontinued due to liver
 * toxicity`, `after cycle 8 due to grade 3 colitis`), it is an intolerance: `allergy`. A pause for a
 * harm (`held this week for neutropenia`) stays `held`: the drug is to be given again.
 */
import type { Entity } from '../types.ts';
import { cueOf } from './status-context.ts';
import type { CuedStatus, DrugSentence, DrugStatus } from './status-types.ts';
import { BECAUSE, DRUG_HARM, REACTION, SIDE_EFFECT, TOLD_EFFECT } from './status-vocabulary.ts';

/** Side effects a drug is stopped `for` (`stopped for hyponatremia`): not pain, which it may have been taken for. */
const FOR_EFFECT =
  '(?:rash|hives|itching|angioedema|hyperkala?emia|hyponatra?emia|hypokala?emia|hypoglyca?emia|hypotension|bradycardia|side effects?|adverse effects?|reaction|intolerance|nausea|vomiting|diarrho?ea|cough|swelling|o?edema)';
/** After a stopped or refused drug, in its clause: the reason is a side effect (`because of a cough`). */
const BECAUSE_OF_EFFECT = new RegExp(
  `^[^.;]{0,60}?(?:\\b|(?<=\\s))(?:${BECAUSE} (?:his |her |the |a |an )?(?:[\\w.]+ ){0,4}?${SIDE_EFFECT}|for (?:an? )?(?:\\w+ )?${FOR_EFFECT})\\b`,
  'i',
);
/**
 * After a stopped drug: the harm it did (`due to liver toxicity`, `due to grade 3 colitis`). Not
 * after a drug refused or not given, where it is a contraindication (`not given due to prolonged
 * QTc`).
 */
const BECAUSE_OF_HARM = new RegExp(
  `^[^.;]{0,60}?\\b(?:${BECAUSE}|for) (?:his |her |the |a |an )?(?:[\\w.]+ ){0,4}?${DRUG_HARM}`,
  'i',
);
/**
 * After a stopped drug: `given` and a side effect (`Trial off amlodipine given postural
 * hypotension`), or harm to the stomach (`stopped aspirin due to gastritis`). Not after a drug to
 * avoid, where either is a contraindication (`avoid Haldol given prolonged QTc`, `no NSAIDs due
 * to gastritis`).
 */
const GIVEN_EFFECT = new RegExp(
  `^[^.;]{0,60}?\\b(?:given (?:his |her |the |a |an )?(?:\\w+ ){0,2}?(?:${SIDE_EFFECT}|${DRUG_HARM})|(?:${BECAUSE}|given) (?:his |her |the |a |an )?(?:\\w+ )?(?:gastritis|dyspepsia|acidity|heartburn))\\b`,
  'i',
);
/** After a stopped drug: the adverse event it was stopped for (`for elevated LFTs`, `after a bleed`). */
const STOPPED_FOR_EVENT = new RegExp(
  `^[^.;]{0,60}?\\b(?:for|after) (?:an? |the |his |her )?(?:\\w+ ){0,3}?(?:${DRUG_HARM}|LFTs|liver enzymes|bleed|bleeding|muscle aches)\\b`,
  'i',
);
/** Where the cause starts in a match of BECAUSE_OF_EFFECT or SHORTHAND_EFFECT. */
const CAUSE_WORDS = new RegExp(
  `(?:\\b|(?<=\\s))(?:${BECAUSE}|given|for|because|but|and|when|once|after) `,
  'gi',
);
/** What a drug did to the patient (`it made her …`, `it caused a cough`). */
const MADE = '(?:made|makes|caused|causes|gave|was (?:causing|making|giving))';
/**
 * After a stopped drug, the drug's own doing: a side effect after `because`, `but` or `and`
 * (`but it caused a cough`), anything after `because` (`because it made her feel numb`).
 */
const BECAUSE_IT = new RegExp(
  `^[^.;]{0,60}?\\b(?:(?:because|but|and) (?:it|they|this|that) ${MADE} (?:(?:him|her|them|me) )?(?:a |an )?(?:${REACTION}|${TOLD_EFFECT})|because (?:it|they|this|that) ${MADE} (?:him|her|them|me|(?:his|her|their) [\\w-]+)\\b(?: (?:feel )?[\\w-]+)?)`,
  'i',
);
/** After a stopped drug: stopped when a harm began (`when he developed tuberculosis`). */
const WHEN_HARM = new RegExp(
  `^[^.;]{0,60}?\\b(?:when|once) (?:he|she|they|the patient) (?:developed|experienced) (?:a |an |some )?(?:\\w+ ){0,2}?(?:${REACTION}|${SIDE_EFFECT}|${DRUG_HARM}|tuberculosis|TB|infections?)\\b`,
  'i',
);
/** `stopped 2/2 nausea`, read on the unmasked text. */
const SHORTHAND_EFFECT = new RegExp(
  `^[^.;]{0,60}?(?<=\\s)(?:2/2|d/t|b/c) (?:his |her |the )?(?:\\w+ ){0,2}?${SIDE_EFFECT}\\b`,
  'i',
);
/** In a bracketed stop remark, the reason after a dash or colon (`(ended 2021 - drowsiness)`). */
const REMARK_REASON = new RegExp(
  `^[^.;()]{0,60}?[ \\t][-–:][ \\t]*(?:\\w+ ){0,2}?(?:${SIDE_EFFECT}|${DRUG_HARM}|${REACTION})\\b`,
  'i',
);

/**
 * Before a drug stopped after it: a side effect the patient had on it (`had an episode of
 * hypoglycemia on glyburide, which was then discontinued`).
 */
const EFFECT_ON = new RegExp(
  `\\b(?:developed|had|experienced|got)(?: an?| some| several| recurrent| frequent)?(?: episodes? of)?(?: [\\w-]+)? ${SIDE_EFFECT} (?:while )?on (?:his |her |the )?$`,
  'i',
);

/** Opening the sentence of a drug stopped after it: the side effect it was stopped for (`Because of bradycardia, his metoprolol was stopped`). */
const FRONTED_EFFECT = new RegExp(
  `^[\\s,]*(?:${BECAUSE}|given) (?:his |her |the |a |an )?(?:[\\w-]+ ){0,2}?(?:${SIDE_EFFECT}|${DRUG_HARM})\\b`,
  'i',
);

/** An allergy cued from the last cause word of `found`, read right after `drug`, to its end. */
function allergyFrom(found: string, text: string, drug: Entity): DrugStatus {
  // The last cause word before the effect (`traded for Wellbutrin because of weight gain`); an
  // `and` after a cause word joins the effect to another (`because of a level … and bradycardia`).
  const causes = [...found.matchAll(CAUSE_WORDS)];
  const joins = causes.filter((c, i) => i === 0 || !/^\s*and\b/i.test(c[0]));
  const start = drug.end + (joins.at(-1)?.index ?? 0);
  return { status: 'allergy', cue: cueOf(text, start, drug.end + found.length) };
}

/** `allergy` where the stop or refusal `best` was for a harm the drug did, else null. */
export function harmReason(
  best: CuedStatus,
  { text, masked, drug, sentenceStart, sentenceEnd }: DrugSentence,
): DrugStatus | null {
  // Before the drug, near it (`had hypoglycemia on`) or opening its sentence (`Because of …,`).
  const nearFrom = Math.max(sentenceStart, drug.start - 120);
  const near =
    best.status === 'stopped' && best.cue.start >= drug.end
      ? EFFECT_ON.exec(masked.slice(nearFrom, drug.start))
      : null;
  const fronted =
    best.status === 'stopped' && best.cue.start >= drug.end && !near
      ? FRONTED_EFFECT.exec(masked.slice(sentenceStart, drug.start))
      : null;
  const before = near ?? fronted;
  if (before) {
    const from = (near ? nearFrom : sentenceStart) + before.index;
    return {
      status: 'allergy',
      cue: cueOf(text, from + before[0].search(/[^\s,]/), from + before[0].trimEnd().length),
    };
  }
  const after = masked.slice(drug.end, sentenceEnd);
  // Stopped or not to be taken because of a side effect: an intolerance (the sig is masked).
  // Shorthand on the text too: the model may tag `2/2` as a sig, which masking would hide.
  const effect =
    BECAUSE_OF_EFFECT.exec(after) ??
    BECAUSE_IT.exec(after) ??
    SHORTHAND_EFFECT.exec(text.slice(drug.end, sentenceEnd)) ??
    (best.status === 'stopped'
      ? (BECAUSE_OF_HARM.exec(after) ??
        STOPPED_FOR_EVENT.exec(after) ??
        GIVEN_EFFECT.exec(after) ??
        WHEN_HARM.exec(after))
      : null);
  const remark =
    !effect && best.status === 'stopped' && best.cue.text.startsWith('(')
      ? REMARK_REASON.exec(masked.slice(best.cue.end, sentenceEnd))
      : null;
  if (remark) {
    const start = best.cue.end + remark[0].search(/[-–:][ \t]*(?:\w+ ){0,2}?\w+$/);
    return { status: 'allergy', cue: cueOf(text, start, best.cue.end + remark[0].length) };
  }
  return effect && !/\beither\b/i.test(effect[0]) ? allergyFrom(effect[0], text, drug) : null;
}
