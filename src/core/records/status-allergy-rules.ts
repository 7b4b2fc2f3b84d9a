/**
 * The allergy triggers of the status step (./status-triggers.ts has the others and how they are
 * found): allergy lists and headings, intolerance, reactions and adverse effects a drug caused.
 */
import type { TriggerRule } from './status-types.ts';
import {
  ADVERSE_EVENT,
  CAUSED_BY,
  CAUSED_FINDING,
  DRUG_HARM,
  REACTION,
  SIDE_EFFECT,
  TOLD_EFFECT,
  W,
} from './status-vocabulary.ts';

export const ALLERGY_RULES: readonly TriggerRule[] = [
  {
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:(?:has|have|had) not|never|unable to|could not|cannot|can not|did not|does not|do not|(?:was|were|is|are) not able to) (?:\\w+ )?tolerated?|not tolerated|(?:allergic|adverse) reaction,? [^.;]{0,40}?(?:suspicious for|suspected to be from|attributed to|likely (?:due to|from|secondary to))|(?<!\\b(?:potential|(?:risks?|including|such as|of|for|and|or) (?:a )?possible|risks? of|any|no|without)\\b[^.;]{0,40})(?<!\\b(?:never|not) (?:had|developed|experienced|have|has) (?:a |an |any )?)(?:allergic|allergy|allergies|hypersensitivity|(?:sensitivity|sensitive)(?<!\\b(?:grew|grows|growing|cultures?|organisms?|isolates?|coli|aureus|bacteria|MRSA|MSSA|Staph\\w*|Strep\\w*|Pseudomonas|Klebsiella|Enterococcus|species|pan)\\b[^.;]{0,60}(?:sensitivity|sensitive))|intolerant|intolerance|reaction|reactions|anaphylaxis|rash|hives)["”\']? (?:to|of|with|from)|(?<!\\b(?:never|not) )(?:(?:developed|had|has|(?:does |did )?have|got|gets|experienced|reports|reported|broke out in) (?:a |an |some )?|(?:history of|h/o) (?:an? )?)(?!no |not |any )(?:\\w+ )?(?:' +
        REACTION +
        '|' +
        SIDE_EFFECT +
        ') (?:on|to|after|from|with)|' +
        // not a finding denied (`No side effects from metformin`, `denies any side effects from`)
        `(?:${SIDE_EFFECT}|${ADVERSE_EVENT})(?<!\\b(?:no|without|denies|denied|any|free of|absence of|negative for)\\b(?:(?!\\bbut\\b)[^.;]){0,20}(?:${SIDE_EFFECT}|${ADVERSE_EVENT})),? (?:(?!not\\b|never\\b)\\w+ ){0,4}?(?:related to|secondary to|caused by|attributed to|from)`,
    ),
    // `Anaphylaxis to peanuts treated with epinephrine`: what treated the reaction is no cause of it.
    until: '\\b(?:treated|managed|controlled|relieved|reversed) (?:with|by)\\b',
  },
  {
    // A reaction told tersely at a clause's start (`Rash on amoxicillin.`, `History of depression,
    // panic attacks on Doxepin`): in this patient, by the drug; not pain or low blood pressure,
    // which it may be for (`Hypotension on Levophed`).
    status: 'allergy',
    direction: 'forward',
    pattern: `(?<=(?:^|[.;:,(]|\\band)\\s{0,4})(?:${REACTION}|cough|diarrhea|constipation|dizziness|drowsiness|palpitations|edema|weight gain|myalgias?|muscle aches|insomnia|headaches?|panic attacks) (?:on|after|from)\\b`,
    maxWords: 1,
  },
  {
    // A state the drug left the patient in (`she is somnolent from her pain medications`); not
    // `sedated on propofol`, the state it was given for.
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:somnolent|oversedated|drowsy|lethargic|groggy|obtunded|nauseated|nauseous) (?:from|due to|because of|secondary to)(?: (?:his|her|their|the))?',
    ),
    maxWords: 1,
  },
  {
    // A reaction, then the stop (`developed some ulcerations of the mouth and was instructed to
    // discontinue the methotrexate`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:developed|experienced|had) (?:a |an |some )?(?:[\\w-]+ ){0,3}?(?:ulcerations?|${REACTION}|${SIDE_EFFECT})(?: \\w+){0,4}? and (?:was |were )?(?:(?:instructed|told|advised|asked) to )?(?:discontinue|stop)(?:ped|d)?(?: taking)?`,
    ),
    maxWords: 2,
  },
  {
    // A symptom gone once the drug was stopped (`Cough improved after stopping lisinopril`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:${SIDE_EFFECT}|${ADVERSE_EVENT}) (?:has |have |had )?(?:\\w+ )?(?:improved|resolved|subsided|went away|disappeared|cleared|stopped) (?:\\w+ )?(?:after|since|with|upon|on|once) (?:stopping|discontinuing|discontinuation of|coming off|being taken off|holding)`,
    ),
  },
  {
    // The patient better once the drug was stopped (`She dramatically improved with this
    // discontinuation of her Prozac`), and a finding referred to by a pronoun put down to the drug
    // (`This was presumed due to the corticosteroids`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:he|she|they|the patient) (?:has |have |had )?(?:\\w+ )?(?:improved|got better) (?:\\w+ )?(?:after|since|with|upon|on|once) (?:this |the |her |his )?(?:stopping|discontinuing|discontinuation of|coming off|being taken off)|(?:this|it) (?:was|is) (?:\\w+ )?(?:presumed|thought|felt|believed|suspected|likely|probably|possibly)(?: to be)? (?:due to|secondary to|caused by|related to|a result of)',
    ),
    maxWords: 3,
  },
  {
    // A list in a sentence (`Allergies include aspirin and morphine`)
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:drug |medication |known )?allerg(?:y|ies) (?:include|includes|included|are|were|is|consist of|listed as)(?: to)?',
    ),
  },
  {
    // A list after a colon (`Allergies: codeine`); not in W, whose closing \b fails after `:`.
    status: 'allergy',
    direction: 'forward',
    pattern:
      '\\b(?:allergies?(?: (?:include|includes|are|is|to))?|adverse (?:drug )?reactions?|(?:drug )?intolerances?|drug sensitivities):',
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:makes|made|make) (?:him|her|them|me) (?:feel )?(?:\\w+ )?(?:dizzy|sick|nauseated|nauseous|drowsy|groggy|sleepy|disoriented|jittery|confused|itchy|itch|break out|swell up)|(?:upsets?|upset) (?:his|her|their|my) stomach|caused (?:him|her|them) to (?:be|feel|become|get) \\w+|(?:gives|gave|give) (?:him|her|them|me) (?:a |an )?(?:\\w+ )?(?:headaches?|heartburn|upset stomach|stomach upset|${TOLD_EFFECT})|(?:he|she|they|the patient) (?:had|developed|experienced|got|broke out in|broke out with) (?:a |an )?(?:\\w+ )?${REACTION}(?! (?:on|to|after|from|with)\\b)|developed (?:\\w+ ){0,4}?(?:toxicity|reaction|rash|hives|side effects?)(?: \\([^)]*\\))? (?:on|to|from|with) (?:this|that|the) (?:medication|medicine|drug)|(?:which|that|it|this) (?:\\w+ ){0,3}?(?:(?:caused?|causes|cause of|gave (?:him|her)) (?:\\w+ ){0,3}?(?:${REACTION}|${TOLD_EFFECT})|made (?:him|her|them) (?:feel )?(?:\\w+ )?(?:dizzy|sick|nauseated|drowsy|confused|itchy|bad|terrible|awful|worse|funny|weird|strange))|(?:but |and )?(?:had|has|have|experienced) (?:some |many |a lot of |significant )?(?:problems|trouble|issues|difficulties) with (?:the|this|that) (?:medication|medicine|drug)|(?:it|this|that|which) (?:was|is) too (?:sedating|strong|stimulating|activating)|which (?:has |have |had )?caused (?:his|her|their|the) (?:\\w+ ){1,3}?to (?:increase|rise|go up|spike|drop|fall|decrease|worsen)|(?:was|is|were|are|became) (?:\\w+ )?intolerant (?:of|to) (?:that|it|this|them|these)`,
    ),
    anaphor: true,
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:due to|because of|secondary to|d/t|2/2) (?:a |an )?(?:\\w+ )?(?:${REACTION}|${DRUG_HARM})|toxicity|allergic|intolerance|intolerant|(?:(?:caused?|causes|causing)(?: (?:him|her|them|me))?|resulted in|results in|led to|(?:gave|gives|give|(?:has|have|had) given) (?:him|her|them|me)) (?:a |an |some )?(?:\\w+ )?(?:${REACTION}|${SIDE_EFFECT})|(?:caused?|causes|causing) (?:a |an |some )?(?:\\w+ )?${CAUSED_FINDING}(?! (?:healing|resolution|regression|improvement|clearance|remission)\\b)|(?:may|might|could) have caused (?:\\w+ )?problems|(?:was|were|is|are|has been|have been) (?:very )?(?:not|poorly|badly|difficultly) tolerated`,
    ),
  },
  {
    // A change made because of a side effect on a drug (`switched to Levemir because of
    // hypoglycemia on Lantus`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?:because of|due to|secondary to) (?:\\w+ )?(?:${SIDE_EFFECT}|${DRUG_HARM}) (?:on|from|with)(?: (?:the|his|her|their))?`,
    ),
    maxWords: 1,
  },
  {
    // A finding the patient or the doctor puts down to the drug (`I could only blame Procrit
    // initiation`, `blamed his fatigue on the metoprolol`).
    status: 'allergy',
    direction: 'forward',
    pattern: W('blam(?:e|es|ed|ing)(?: (?:\\w+ ){1,3}?on)?(?: (?:the|his|her|their))?'),
    maxWords: 2,
  },
  {
    // A change in the patient right after a dose (`became hypotensive after the nitroglycerin`),
    // a state that worsened on a drug (`her mood got worse on the citalopram`) and an infection
    // an antibiotic brought on (`had C. diff after clindamycin`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:(?:got|gets|became|has gotten|had gotten) (?:much |somewhat |a little )?worse|worsened) on(?: (?:the|his|her))?|(?:gets|got|becomes|became|feels|felt) (?:very |really |too |a little |a bit )?(?:jittery|dizzy|nauseated|nauseous|drowsy|sleepy|groggy|shaky|itchy|sick|lightheaded|light-headed|constipated|loopy|wired) (?:with|on|from|after)(?: (?:the|his|her))?|(?:became|becomes|become|got|was|were) (?:very |profoundly |acutely )?(?:hypotensive|bradycardic|hypoxic|apneic|somnolent|obtunded|lethargic|delirious|pruritic|hyperkalemic|hyponatremic|hypoglycemic)(?: (?:shortly|immediately|soon))? (?:after|following|with)(?: (?:the|his|her|a|an|IV))?|(?:developed|had|got|gets|has) (?:a )?(?:C\\.? ?diff(?:icile)?(?: colitis| infection)?|thrush|yeast infection|oral candidiasis) (?:after|from|following)(?: (?:the|his|her|a|an))?',
    ),
    maxWords: 4,
  },
  {
    // A reaction after a dash or a colon (`PCN - rash`, `Sulfa - SJS`, `Penicillin: hives`): only
    // reactions no drug is listed for.
    status: 'allergy',
    direction: 'backward',
    pattern:
      '(?:(?<=\\s)[-–]|:)\\s*(?:rash|hives|urticaria|red man(?: syndrome)?|myalgias?|myopathy|rhabdomyolysis|muscle (?:aches|pain)|anaphylaxis|anaphylactic (?:reaction|shock)|angioedema|throat swelling|SJS|Stevens[- ]Johnson(?: syndrome)?|allergic reaction|allergy)\\b',
    adjacent: true,
  },
  {
    // A reaction after drugs given, to all of them (`was given Paxil and Tramadol and subsequently
    // developed an unfortunate side effect`).
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      '(?:and|then|but) (?:subsequently |later |then )?developed (?:a |an )?(?:\\w+ ){0,2}?(?:side effects?|adverse (?:effects?|reactions?)|allergic reactions?|rash|hives|anaphylaxis|angioedema)',
    ),
    list: true,
  },
  {
    // `courses of methotrexate have been complicated by … mania`: the drug's course went wrong.
    status: 'allergy',
    direction: 'backward',
    pattern: W('(?:has|have|had|was|were) (?:been )?complicated by'),
  },
  {
    // A reaction in brackets after the drug (`Sulfa (rash)`); not in W, whose \b fails at brackets.
    status: 'allergy',
    direction: 'backward',
    pattern: `\\((?:${REACTION}|${SIDE_EFFECT})s?\\)|\\((?:allergy|allergic|intolerance)\\s*[-–:,]\\s*(?:${REACTION}|${SIDE_EFFECT})s?\\)`,
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W('(?<!\\bfor (?:\\w+ )?)(?:allergy|allergies)'),
    adjacent: true,
  },
  {
    // A side effect tied to the drug after it by a plain cause (`Cough due to lisinopril`); not by
    // `after`, which also tells only when (`one episode of vomiting after receiving Maalox`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:cough|nausea|vomiting|diarrhea|constipation|dizziness|headaches?|drowsiness|sedation|insomnia|weight gain|myalgias?|muscle aches)(?<!\\b(?:no|without|denies|denied|any|free of|absence of|negative for) (?:\\w+ ){0,2}(?:cough|nausea|vomiting|diarrhea|constipation|dizziness|headaches?|drowsiness|sedation|insomnia|weight gain|myalgias?|muscle aches)) (?:probably |likely |possibly |presumably )?(?:due to|secondary to|caused by|induced by|related to|attributed to)(?: (?:the|his|her|taking|using))?',
    ),
    maxWords: 4,
  },
  {
    // A finding tied to the drug after it by a cause (`hyponatremia secondary to HCTZ`, `renal
    // failure after IV contrast`, `developed a bullous eruption while on prednisone`); not a
    // finding denied or improving (`no complications after`, `symptoms improved after`).
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      `(?<!\\b(?:no|without|denies|denied|any|free of|absence of|negative for|rule out|r/o|risks? of|monitor(?:ed|ing)? for|watch for|relief of|resolution of|remission of|reversal of|improvement (?:of|in)) (?:\\w+ ){0,2})${CAUSED_FINDING}\\)?,? (?:(?!(?:not|never|improved|resolved|better|relieved|responded|subsided|abated|cleared|decreased|controlled|treated|managed|recurred|returned|reappeared|recurs|stopped|ceased|disappeared|broke|eased|settled|came|normalized|corrected|lessened|diminished|improving|resolving)\\b)[\\w()-]+ ){0,3}?${CAUSED_BY}|(?:developed|experienced|presented with) (?!no |not |any )(?:[\\w,()-]+ ){0,9}?${CAUSED_BY}`,
    ),
    maxWords: 8,
    commaEnds: true,
    // A verb between starts another clause (`induced by surgery in Parkinson's disease are
    // unresponsive to amantadine`); `with` another attachment (`hemorrhage during biopsy with thrombin`).
    until: W('is|are|was|were|has|have|had|with'),
  },
  {
    // Right after the drug: `heparin-induced thrombocytopenia`, `vincristine induced neuropathy`,
    // `stomatitis, possibly methotrexate related`.
    status: 'allergy',
    direction: 'backward',
    pattern:
      '-(?:induced|associated|related|mediated|provoked)\\b|\\b(?:induced|associated)\\b(?! (?:with|by|general|anesthesia|sedation|labor|sleep)\\b)|\\brelated(?=[.,;:)]|$)',
    adjacent: true,
  },
  {
    // Named by the drug: `Coumadin hypersensitivity`, `cyclosporine nephrotoxicity`, `Aspirin
    // sensitivity` (not a culture's `sensitivity to` or `sensitivity results`), `a penicillin
    // reaction`, `a severe infliximab infusion reaction` (right after the drug, which is blanked,
    // so that `No reactions occurred to …` keeps its `No`; not in a denial or a list of risks).
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      '(?:infusion |injection |allergic |adverse |drug )?reactions?(?<=\\s\\s(?:infusion |injection |allergic |adverse |drug )?reactions?)(?! to\\b)(?<!\\b(?:no|without|any|risks?|possible|potential|denies|denied)\\b[^.;:]{0,100})|hypersensitivity|\\w+toxicity|embryopathy|teratogenicity|maculopathy|myopathy|sensitivity(?! (?:to|of|and|testing|tests?|results?|pending|showed|analysis|profile|panel|data|report)\\b)',
    ),
    adjacent: true,
  },
  {
    // `her cough is likely a side effect of lisinopril`, `a well-documented complication of
    // lithium`, `It could be a result of Crestor`.
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:is|was|are|were|as|be) (?:likely |probably |possibly |also )?(?:a |an |the )?(?:[\\w-]+ ){0,2}?(?:complication|side effect|adverse effect|adverse reaction|consequence) of|(?:is|was|are|were|be) (?:likely |probably |possibly |also )?(?:a |the )?(?:direct )?result of',
    ),
    maxWords: 5,
  },
  {
    // `Lisinopril was felt to be the cause of her cough`.
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      '(?:was|were|is|are|as)(?: \\w+){0,4}? (?:the |a )?(?:\\w+ )?(?:cause|culprit|etiology) (?:of|for)',
    ),
  },
  {
    // The drug as the subject (`Tetracycline can cause vaginitis`, `Gemcitabine is an agent that may
    // cause side effects`): the verb follows the drug itself (masked to spaces, or joined by a
    // hyphen: `Methotrexate-induced necrosis`) or a relative pronoun, not another noun (`showed
    // catheter induced pulmonary insufficiency`).
    status: 'allergy',
    direction: 'backward',
    pattern: `(?:(?<=\\s)-|(?<=(?:^|\\s)\\s|\\b(?:that|which|who)\\s))(?:(?:therapy|treatment|use|administration|application|injection|infusion) )?(?:(?:may|can|could|might|will|to) (?:cause|induce|produce)|(?:has |have )?(?:caused|causes|induced|induces|precipitated|provoked|triggered|exacerbated|worsened|aggravated)|(?:may be|has been|have been|is|are|was|were) (?:\\w+ )?associated (?:\\w+ )?with) (?:[\\w-]+ ){0,4}?${CAUSED_FINDING}\\b`,
  },
];
