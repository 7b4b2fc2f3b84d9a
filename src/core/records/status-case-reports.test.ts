/**
 * The status step on adverse effects told the way case reports and consult letters tell them: a
 * finding `induced by` or `caused by` a drug, `the adverse effects of` a drug, a finding `in a
 * patient on` a drug, a patient treated with a drug `and developed` a finding, a finding put down
 * to a drug or `within days of starting` it, a reaction or toxicity named by the drug (`a
 * penicillin reaction`, `carbamazepine toxicity`), a finding during its course, a desensitization to
 * it (STATUS.md: `allergy`). Each case asserts the
 * cue's exact span; the look-alikes must keep their status: an effect the drug is given for, a
 * cause denied, effects discussed or denied, an improvement put down to the drug.
 */
import { describe, it } from 'vitest';
import { expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('adverse effects in the words of case reports', () => {
  it.each<OneDrugCase>([
    ['Cataracts induced by long-term prednisone.', 'prednisone', 'allergy', 'Cataracts induced by'],
    [
      'Hypokalemia caused by the use of licorice.',
      'licorice',
      'allergy',
      'Hypokalemia caused by the use of',
    ],
    [
      'Neutropenia is a known adverse effect of clozapine.',
      'clozapine',
      'allergy',
      'is a known adverse effect of',
    ],
    [
      'Aplastic anemia in a patient treated with carbamazepine.',
      'carbamazepine',
      'allergy',
      'in a patient treated with',
    ],
    [
      'Hepatitis in a previously healthy young woman exposed to amodiaquine.',
      'amodiaquine',
      'allergy',
      'in a previously healthy young woman exposed to',
    ],
    [
      'A delayed hypersensitivity reaction in a 46-year-old woman who received parenteral aminophylline.',
      'aminophylline',
      'allergy',
      'in a 46-year-old woman who received',
    ],
    [
      'Successful desensitization to methotrexate.',
      'methotrexate',
      'allergy',
      'desensitization to',
    ],
    [
      'Celiac disease onset after pegylated interferon.',
      'pegylated interferon',
      'allergy',
      'onset after',
    ],
    [
      'Hypotension was noted in the PACU during propofol infusion.',
      'propofol',
      'allergy',
      'infusion',
    ],
    [
      'Pancreatitis in a 60-year-old woman with diabetes on exenatide.',
      'exenatide',
      'allergy',
      'in a 60-year-old woman with diabetes on',
    ],
    [
      'He was treated with isoniazid for 6 months and developed hepatitis.',
      'isoniazid',
      'allergy',
      'and developed',
    ],
    [
      'She was on amiodarone, presenting with pulmonary fibrosis.',
      'amiodarone',
      'allergy',
      'presenting with',
    ],
    [
      'His bruising was likely related to the aspirin.',
      'aspirin',
      'allergy',
      'was likely related to',
    ],
    [
      'Lisinopril probably contributed to her acute kidney injury.',
      'Lisinopril',
      'allergy',
      'probably contributed to',
    ],
    [
      'Thrombocytopenia within 5 days of starting heparin.',
      'heparin',
      'allergy',
      'Thrombocytopenia within 5 days of starting',
    ],
    [
      'Rash developed after 10 days of therapy with phenytoin.',
      'phenytoin',
      'allergy',
      'Rash developed after 10 days of therapy with',
    ],
    [
      'QT prolongation 3 days after starting methadone.',
      'methadone',
      'allergy',
      'prolongation 3 days after starting',
    ],
    [
      'Seizure occurred a few minutes after injection of bupivacaine.',
      'bupivacaine',
      'allergy',
      'Seizure occurred a few minutes after injection of',
    ],
    [
      'Tremor developed during the second cycle of chemotherapy with ifosfamide.',
      'ifosfamide',
      'allergy',
      'Tremor developed during the second cycle of chemotherapy with',
    ],
    [
      'Statins have been associated with myopathy.',
      'Statins',
      'allergy',
      'have been associated with myopathy',
    ],
    [
      'Niacin causes a reversible toxic cystoid maculopathy.',
      'Niacin',
      'allergy',
      'causes a reversible toxic cystoid maculopathy',
    ],
    [
      'Severe toxicity after intrathecal methotrexate.',
      'methotrexate',
      'allergy',
      'toxicity after',
    ],
    [
      'He developed hiccups (singultus) after dexamethasone.',
      'dexamethasone',
      'allergy',
      'developed hiccups (singultus) after',
    ],
    [
      'Hyponatremia (SIADH) following carboplatin.',
      'carboplatin',
      'allergy',
      'Hyponatremia (SIADH) following',
    ],
    ['Vincristine toxicity following five daily doses.', 'Vincristine', 'allergy', 'toxicity'],
    [
      'He had been taking ibuprofen at home, which likely contributed to his GI bleed.',
      'ibuprofen',
      'allergy',
      'which likely contributed to',
    ],
    [
      'Please evaluate stomatitis, possibly methotrexate related.',
      'methotrexate',
      'allergy',
      'related',
    ],
    [
      'She states that the Cetaphil lotion apparently is causing some burning and pain.',
      'Cetaphil',
      'allergy',
      'causing some burning',
    ],
    [
      'Elevated creatine kinase. It could be a result of Crestor alone.',
      'Crestor',
      'allergy',
      'be a result of',
    ],
    ['She had a penicillin reaction as a child.', 'penicillin', 'allergy', 'reaction'],
    [
      'Methotrexate may produce an erosive stomatitis.',
      'Methotrexate',
      'allergy',
      'may produce an erosive stomatitis',
    ],
    [
      'She had her first course with intraperitoneal cisplatin, which was very difficultly tolerated by her.',
      'cisplatin',
      'allergy',
      'was very difficultly tolerated',
    ],
    [
      'She developed a severe infliximab infusion reaction.',
      'infliximab',
      'allergy',
      'infusion reaction',
    ],
    [
      'The patient was diagnosed with carbamazepine toxicity related to the introduction of ritonavir.',
      'carbamazepine',
      'allergy',
      'toxicity',
    ],
  ])('%s → %s %s', (...row) => expectStatusOf(row));

  it.each<OneDrugCase>([
    ['Her diuresis was induced by Lasix 40 mg IV.', 'Lasix', 'given', 'induced'],
    ['The rash was not caused by penicillin.', 'penicillin', 'active', null],
    ['We discussed the possible adverse effects of methotrexate.', 'methotrexate', 'active', null],
    ['She had no adverse reaction to the contrast.', 'contrast', 'given', 'contrast'],
    ['Her improvement is likely due to the Lasix.', 'Lasix', 'active', null],
    ['Weight loss contributed to better control on metformin.', 'metformin', 'active', null],
    [
      'He was treated with DPH, but developed neutropenia, so it was discontinued.',
      'DPH',
      'stopped',
      'it was discontinued',
    ],
    ['Patient on Coumadin for atrial fibrillation.', 'Coumadin', 'active', null],
    [
      'Objective improvement of tremor after use of metoprolol.',
      'metoprolol',
      'given',
      'after use of',
    ],
    [
      'Quality of life was assessed in hemodialysis patients during treatment with erythropoietin.',
      'erythropoietin',
      'active',
      null,
    ],
    [
      'She responded to risperidone and experienced no extrapyramidal side effects.',
      'risperidone',
      'given',
      'responded to',
    ],
    ['There were no problems with healing caused by the heparin.', 'heparin', 'active', null],
    [
      'Successful treatment of histoplasmosis in a transplant recipient using amphotericin B.',
      'amphotericin B',
      'active',
      null,
    ],
    ['Insulin related questions were answered.', 'Insulin', 'active', null],
    ['Onset of labor after Pitocin was slow.', 'Pitocin', 'active', null],
    ['Scans were done at onset of treatment with imatinib.', 'imatinib', 'active', null],
    ['Biopsies were taken at diagnosis and during imatinib therapy.', 'imatinib', 'active', null],
    ['There were no complications as a result of naloxone therapy.', 'naloxone', 'active', null],
    ['She developed WE as a result of thiamine deficiency.', 'thiamine', 'active', null],
    ['No reactions occurred to methylprednisolone.', 'methylprednisolone', 'negated', 'No'],
    [
      'Her drug-induced lupus is followed by rheumatology, hydroxychloroquine per them.',
      'hydroxychloroquine',
      'active',
      null,
    ],
    [
      'After noting that there was no evidence of a protamine reaction, we removed the cannula.',
      'protamine',
      'given',
      'cannula',
    ],
    [
      'Risks of the procedure including risks of conscious sedation, death, stroke, dye reaction and infection were discussed.',
      'dye',
      'given',
      'dye',
    ],
  ])('leaves %s → %s %s', (...row) => expectStatusOf(row));
});
