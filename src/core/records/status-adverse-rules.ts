/**
 * Allergy triggers for adverse effects told the way case reports and consult letters tell them
 * (./status-allergy-rules.ts has the allergy lists and the reactions of everyday notes): a finding
 * `induced by` a drug, the `adverse effects of` a drug, a finding `in a patient on` a drug, a
 * patient treated with a drug `who developed` a finding, a finding `related to` a drug, and a drug
 * that `contributed to` one.
 */
import type { TriggerRule } from './status-types.ts';
import { CAUSED_FINDING, W } from './status-vocabulary.ts';

/** Effects a drug is meant to have, which `induced by` names as well (`diuresis induced by Lasix`). */
const INTENDED_EFFECT =
  '(?:anesthesia|anaesthesia|sedation|labor|labour|sleep|emesis|vomiting|diuresis|remission|ovulation|paralysis|hypothermia|coma|analgesia|relaxation|response|improvement|relief|contractions?|mydriasis|miosis)';

/** What a drug is given for, which a causal link names as well (`improvement due to the Lasix`). */
const BENEFIT =
  'improvement|improved|improving|better|response|responded|benefit|relief|control|controlled|resolution|resolved|recovery|success';

/** Who a case report is about (`in a 45-year-old man`, `in two children`, `in patients`). */
const SUBJECT =
  '(?:patients?|wom[ae]n|m[ae]n|child(?:ren)?|infants?|neonates?|newborns?|recipients?|girls?|boys?|adults?|adolescents?|subjects?|volunteers?|individuals?)';

/** How the drug came, between the cue and the drug (`the oral use of`, `therapy with`). */
const EXPOSURE =
  '(?: (?:the |an? |his |her |their )?(?:[\\w-]+ )?(?:use|administration|ingestion|injection|infusion|intake|exposure|treatment|therapy|doses?) (?:of|with|to))?';

export const ADVERSE_RULES: readonly TriggerRule[] = [
  {
    // `Cataracts induced by intermittent Decadron`, `hypokalemia … caused by licorice`; not an
    // effect the drug is given for (`diuresis induced by Lasix`) or one denied (`not caused by`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:induced|caused|provoked|precipitated|triggered)(?<!\\b(?:(?:${INTENDED_EFFECT})(?: (?:was|were|is|are|being|been|has been|had been))?|not|never) \\w+)(?<!\\b(?:no|not|never|without)\\b[^.;]{0,40}) (?:by|following|after)${EXPOSURE}`,
    ),
    maxWords: 4,
  },
  {
    // `haematological adverse effects of quetiapine`, `the untoward effects of lidocaine`; not
    // effects explained or watched for (`discussed the possible adverse effects of`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:adverse|untoward|toxic) (?:effects?|reactions?|events?)(?<!\\b(?:no|without|denies|denied|any|free of|absence of|negative for|discuss\\w*|explain\\w*|review\\w*|counsel\\w*|educat\\w*|inform\\w*|warn\\w*|risks?|benefits?|potential|possible|aware|about|regarding|monitor\\w*|watch\\w*)\\b[^.;]{0,60}) (?:of|to|from)`,
    ),
    maxWords: 8,
  },
  {
    // A case report's title: a finding `in a patient on` a drug (`Hemolytic uremic syndrome in a
    // patient on cis-platinum`, `Aplastic anemia in patients using methazolamide`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `in (?<!\\b(?:no|not|without|den(?:y|ies|ied)|(?:treatment|therapy|management|cure|prevention|prophylaxis) (?:of|for))\\b[^.;]{0,80})(?<=${CAUSED_FINDING}(?: [\\w,'-]+){0,7}? (?:(?:was|were) (?:observed|seen|reported|noted|described) )?in )(?:an? |the |two |three |four |five |\\d+ |several |some |our )?(?:[\\w-]+ ){0,3}?${SUBJECT}(?: with(?: [\\w'(),-]+){1,7}?)? (?:on|treated with|receiving|taking|using|given|exposed to|who (?:had )?(?:took|received|(?:was|were) (?:given|taking|receiving|treated with)))`,
    ),
    maxWords: 5,
  },
  {
    // `Successful desensitization to methotrexate`: only an allergy is desensitized to.
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      'desensiti[sz](?:ation|ed|ing) (?:to|with|for)(?: (?:the|his|her|their|high-dose|oral|IV))?',
    ),
    maxWords: 1,
  },
  {
    // A finding that began after the drug (`Celiac disease onset after pegylated interferon`); not
    // an effect the drug is given for (`onset of labor after Pitocin`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:onset|emergence)(?<!\\b(?:${INTENDED_EFFECT}) onset|\\b(?:no|not|without|den(?:y|ies|ied))\\b[^.;]{0,40}) (?:of (?!(?:the )?(?:treatment|therapy|${INTENDED_EFFECT})\\b)(?:[\\w-]+ ){1,4}?)?(?:after|following|during)${EXPOSURE}`,
    ),
    maxWords: 3,
  },
  {
    // A finding during the drug's course (`Drug-induced fever … during diltiazem therapy`, `a rash
    // while on amoxicillin treatment`): the course word after the drug, the finding before it.
    status: 'allergy',
    direction: 'backward',
    pattern: `(?:therapy|treatment|monotherapy|infusion|administration)\\b(?<=\\b${CAUSED_FINDING}\\b(?: [\\w,'()-]+){0,6}? (?:during|while (?:on|receiving|taking|undergoing)) (?:(?:the|his|her|their|a|an|[\\w-]+) )?\\s+(?:therapy|treatment|monotherapy|infusion|administration))`,
    adjacent: true,
  },
  {
    // A patient treated with the drug, then the finding (`was treated with MTX over a 6 month
    // period and developed an overwhelming hepatic necrosis`).
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:(?:and|who|then) (?:subsequently |later |then |eventually |soon )?(?:developed|experienced|suffered(?: from)?|presented with)|presenting with)(?! (?:no|not|any|neither)\\b)(?= (?:an? |the )?(?:[\\w-]+ ){0,3}?${CAUSED_FINDING}\\b)`,
    ),
    list: true,
  },
  {
    // A finding put down to the drug after it (`the JHR in our patient was probably related to
    // penicillin`); not an improvement (`her improvement is likely due to the Lasix`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:was|were|is|are|be) (?:probably |likely |possibly |most likely |thought to be |felt to be |believed to be )?(?:related|attributed|attributable|secondary|due) to(?<!\\b(?:${BENEFIT})\\b[^.;]{0,80})${EXPOSURE}`,
    ),
    maxWords: 3,
  },
  {
    // The drug as the cause of what followed (`foscarnet contributed to the electrolyte disorders`,
    // `ibuprofen at home, which likely contributed to his GI bleed`, `Stop ibuprofen - contributing to AKI`).
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:(?:which|that|this|it) )?(?:probably |likely |may have |might have |could have )?contribut(?:ed|ing) to(?! (?:\\w+ ){0,3}?(?:${BENEFIT}))`,
    ),
    anaphor: true,
  },
];
