/**
 * Word classes the status triggers (./status-triggers.ts) are written with: regular-expression
 * sources, matched case-insensitively inside a trigger's pattern.
 */

/**
 * A dose form's abbreviation written, capitalised, with a dot before its drug in Indian and
 * British prescriptions (`Tab. Metformin`, `Inj. Ceftriaxone`): the dot ends no sentence (status
 * step, ./status-context.ts) and the form is the next drug's (medication linker, ./group.ts).
 */
export const LEADING_FORM = 'Tab|TAB|Cap|CAP|Inj|INJ|Syp|SYP|Syr|SYR|Susp|SUSP|Oint|OINT|Neb|T';

/** A pattern source on word boundaries. */
export const W = (source: string): string => `\\b(?:${source})\\b`;

/** The patient, as the object of a verb (`put him on`). */
export const PRONOUN =
  '(?:him|her|them|the patient|patient|this patient|the child|this child|the baby|the infant)';

/** Reactions that make a drug an allergy where the patient had them (`developed hives on`). */
export const REACTION =
  '(?:rash|rashes|hives|urticaria|anaphylaxis|anaphylactic (?:reaction|shock)|angioedema|swelling|itching|reaction|allergic reaction|adverse reaction|intolerance|nausea|vomiting|throat swelling|shortness of breath|oversedation|somnolence|lethargy|mania|hallucinations|confusion|delirium|red man syndrome|Stevens[- ]Johnson syndrome|SJS|toxic epidermal necrolysis)';

/** Harm a drug did that ends its use (`discontinued due to liver toxicity`, `grade 3 colitis`). */
export const DRUG_HARM =
  '(?:[\\w-]*toxicity|(?:thyroid|liver|hepatic) (?:abnormalit(?:y|ies)|dysfunction|injury)|abnormal (?:thyroid|liver) (?:function )?(?:tests|labs|studies)|hypothyroidism|hyperthyroidism|transaminitis|elevated (?:liver enzymes|LFTs|transaminases)|pancreatitis|neutropenia|thrombocytopenia|agranulocytosis|leukopenia|QTc? prolongation|prolonged QTc?|myalgias?|myopathy|rhabdomyolysis|mucositis|hand-foot syndrome|pneumonitis|colitis)';

/** Side effects a drug may cause in this patient (`emesis related to Vicodin`). */
export const SIDE_EFFECT =
  '(?:rash|hives|itching|burning|stinging|irritation|nausea|vomiting|emesis|dizziness|drowsiness|confusion|hallucinations|constipation|diarrho?ea|cough|myalgias?|myositis|myopathy|rhabdomyolysis|aches|palpitations|swelling|o?edema|weight gain|(?:frequent )?urination|urinary frequency|hyperkala?emia|hyponatra?emia|hypokala?emia|hypoglyca?emi(?:a|c (?:episodes?|attacks?|events?))|hypotension|bradycardia|angioedema|insomnia|side effects?|adverse effects?|reaction|intolerance|allergy|(?:abdominal |stomach |GI )?(?:pains?|upset|cramps|cramping|discomfort))';

/**
 * Effects told of a drug the patient took (`but it caused a cough`, `it gave him diarrhea`): the
 * reactions and the common side effects, not pain or upset, which the drug may have been for.
 */
export const TOLD_EFFECT =
  '(?:cough|diarrhea|constipation|dizziness|drowsiness|palpitations|edema|weight gain|hyperkalemia|hyponatremia|hypotension|bradycardia|myalgias?|muscle (?:aches|cramps)|headaches?|insomnia)';

/** Adverse events named before the drug that caused them (`rhabdomyolysis, likely secondary to statins`). */
export const ADVERSE_EVENT =
  '(?:rhabdomyolysis|myopathy|myalgias?|hepatotoxicity|nephrotoxicity|ototoxicity|toxicity|(?:drug|medication)[- ]induced \\w+)';

/**
 * Findings a drug can cause, named before a causal link to it (`hyponatremia secondary to HCTZ`,
 * `renal failure after IV contrast`): disorders by their endings (-emia, -penia, -itis, -osis,
 * -pathy, -toxicity …) and a closed list of events. Chronic conditions share some endings
 * (`hyperlipidemia`), which is why only a causal link (CAUSED_BY), never `on`, ties them to a drug;
 * clots are left out, which an anticoagulant fails to prevent rather than causes.
 */
export const CAUSED_FINDING =
  '(?:(?!diagnosis|prognosis|thrombos|embol|\\w*dialysis|analysis)\\w+(?:emia|aemia|penia|cytosis|itis|osis|opathy|toxicity|algias?|rrhea|rrhoea|plegia|paresis|kinesias?|edema|iasis|lysis|plasia|trophy|spasm)|failure|injury|damage|bleeding|hemorrhage|haemorrhage|syndrome|seizures?|arrhythmias?|tachycardia|bradycardia|hypotension|prolongation|necrosis|insufficiency|dysfunction|eruption|lesions?|ulcers?|complications?|symptoms|effects?|reactions?|rash|hives|angioedema|swelling|delirium|psychosis|mania|priapism|alopecia|hair loss|pruritus|itching|infections?|encephalopathy|fever|SIADH|tremors?|tetany|arrest|amnesia|cataracts?|obstruction|discoloration|(?:hyper|hypo|de)?pigmentation|erythroderma|bullae|blisters?|torsades?(?: de pointes)?|TdP|NMS|infarction|abnormalit(?:y|ies)|hypertension|disturbances?|dizziness|somnolence|oversedation|lethargy|difficulty (?:to |in )?arous(?:e|ing)|hallucinations|(?<!\\s\\s)toxicity|SJS|Stevens[- ]Johnson|(?:status )?epilepticus)';

/**
 * A causal link from a finding to the drug after it. Not `on` or `with` alone, which also tie a
 * condition to its treatment (`hyperlipidemia on Lipitor`); `after` not where the drug was
 * stopped or missed (`dyspnea after missing doses of Lasix`). It takes in how the drug came
 * (`after oral administration of`), whose words would otherwise read as a cue of their own.
 */
export const CAUSED_BY =
  '(?:(?:probably |likely |possibly |presumably )?(?:associated with|in association with|due to|secondary to|caused by|induced by|related to|attributed to|attributable to)|(?:(?:shortly|soon|(?:(?:a few|several|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) )?(?:minutes|hours|days|weeks|months|years)) )?(?:after|following|within (?:\\d+|a few|several|one|two|three|four|five|six|seven|[\\d-]+) (?:minutes|hours|hrs?|days|weeks|months|years) of)(?! (?:stopping|missing|discontinu\\w*|coming off|running out|holding|being off|withdrawal|cessation|withdrawing|he |she |they |the patient ))(?: (?:taking|starting|receiving|beginning|initiating|using|ingesting|being (?:given|started on)))?|while (?:on|taking|receiving|using|being treated with)|during)(?: (?:(?:\\d+(?: \\d/\\d)?|a few|several|one|two|three|four|five|six) (?:days|weeks|months|years) of )?(?:the |an? |his |her )?(?:[\\w-]+ )?(?:administration|use|ingestion|injection|infusion|initiation|introduction|exposure|instillations?|treatment|therapy|cycles?|courses?|doses?)(?: of(?: (?:[\\w-]+ )?(?:chemotherapy|therapy|treatment))?| to| with)?(?: with)?)?';

/** A cause in a clinician's shorthand too (`d/c'd 2/2 hyperkalemia`, `d/t rash`). */
export const BECAUSE = '(?:because of|due to|secondary to|2/2|d/t|b/c)';

/** A procedure a drug is paused for (`before the biopsy`, `for the procedure`). */
export const PROCEDURE =
  '(?:surgery|procedure|operation|colonoscopy|biopsy|endoscopy|catheterization|cath|injection|LP|lumbar puncture|the (?:OR|operating room)|CT(?: scan)?|MRI|scan|angiogram|angiography|contrast study)';

/** Right after a drug: a time around a procedure (`for two weeks after surgery`, `before the procedure`). */
export const AROUND_PROCEDURE = new RegExp(
  `^[^.;]{0,40}?\\b(?:before|prior to|after|following|within) (?:the |his |her |your |an? )?(?:upcoming )?${PROCEDURE}\\b`,
  'i',
);
