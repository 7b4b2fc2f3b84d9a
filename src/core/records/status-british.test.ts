/**
 * The status step on British and Australian letters, discharge summaries and charts (probes
 * ml16, ml17): `Omit` and `withhold` pause a drug, `Commence` plans one, `Past medication:` and
 * `Ceased medications:` list what was stopped, a bracketed stop's reason after a dash, an allergy
 * list that a letter follows, `Allergies / adverse drug reactions:` as one heading, `Nil`.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('British letters and discharge summaries', () => {
  it('reads Omit and withhold as a pause, Commence in a plan as planned', () => {
    check([
      [
        'Plan:\n1. Omit metformin for 48 hours after the CT scan.\n2. Commence bisoprolol 1.25 mg OD if heart rate remains above 100.',
        [
          ['metformin', 'DRUG'],
          ['bisoprolol', 'DRUG'],
          ['1.25 mg', 'STRENGTH'],
          ['OD', 'FREQUENCY'],
        ],
        { metformin: ['held', 'Omit'], bisoprolol: ['planned', 'Commence'] },
      ],
      [
        'Withhold ramipril until the creatinine is rechecked.',
        [['ramipril', 'DRUG']],
        { ramipril: ['held', 'Withhold'] },
      ],
    ]);
  });

  it('reads a singular Past medication heading, and a stop remark whose reason is a side effect', () => {
    const text = [
      'Repeat medication:',
      'Levothyroxine 100 micrograms OD',
      'Past medication:',
      'Propranolol 40 mg BD (ended 2022)',
      'Ramipril 5 mg OD',
      'Amitriptyline 10 mg ON (ended 2021 - drowsiness)',
    ].join('\n');
    check([
      [
        text,
        [
          ['Levothyroxine', 'DRUG'],
          ['Propranolol', 'DRUG'],
          ['Ramipril', 'DRUG'],
          ['Amitriptyline', 'DRUG'],
        ],
        {
          Levothyroxine: ['active', 'Repeat medication'],
          Propranolol: ['stopped', '(ended'],
          Ramipril: ['stopped', 'Past medication'],
          Amitriptyline: ['allergy', '- drowsiness'],
        },
      ],
      [
        'Amitriptyline 10 mg ON (stopped 2021 - cost)',
        [['Amitriptyline', 'DRUG']],
        { Amitriptyline: ['stopped', '(stopped'] },
      ],
    ]);
  });

  it('ends an allergy list at a blank line before a letter, and reads a joined heading', () => {
    const letter = [
      'Allergies: Penicillin (rash)',
      '',
      'Dear Dr Evans,',
      '',
      'I reviewed Mrs Smith in clinic today. Her HbA1c remains raised at 68 mmol/mol despite good adherence to metformin.',
    ].join('\n');
    check([
      [
        letter,
        [
          ['Penicillin', 'DRUG'],
          ['metformin', 'DRUG'],
        ],
        { Penicillin: ['allergy', '(rash)'], metformin: ['active', null] },
      ],
      [
        'Allergies:\n\nPenicillin\nCodeine',
        [
          ['Penicillin', 'DRUG'],
          ['Codeine', 'DRUG'],
        ],
        { Penicillin: ['allergy', 'Allergies:'], Codeine: ['allergy', 'Allergies:'] },
      ],
      [
        'Allergies / adverse drug reactions: Codeine - vomiting; Trimethoprim - hyperkalaemia',
        [
          ['Codeine', 'DRUG'],
          ['Trimethoprim', 'DRUG'],
        ],
        {
          Codeine: ['allergy', 'Allergies / adverse drug reactions:'],
          Trimethoprim: ['allergy', 'Allergies / adverse drug reactions:'],
        },
      ],
    ]);
  });

  it('reads a drug reduced and now discontinued, and one stopped for a toxic level', () => {
    check([
      [
        'Medication review: Donepezil continued. Risperidone reduced and now discontinued.',
        [
          ['Donepezil', 'DRUG'],
          ['Risperidone', 'DRUG'],
        ],
        {
          Donepezil: ['active', null],
          Risperidone: ['stopped', 'reduced and now discontinued'],
        },
      ],
      [
        'On admission she was taking digoxin 125 micrograms OD, which was stopped because of a level of 2.8 and bradycardia.',
        [
          ['digoxin', 'DRUG'],
          ['125 micrograms', 'STRENGTH'],
          ['OD', 'FREQUENCY'],
        ],
        { digoxin: ['allergy', 'because of a level of 2.8 and bradycardia'] },
      ],
    ]);
  });

  it('reads ceased as stopped, for a side effect as an allergy, and Nil as a negation', () => {
    const text = [
      'Medications on discharge:',
      'Perindopril 5 mg mane',
      'Ceased medications:',
      'Indapamide 2.5 mg mane - ceased, not indicated',
      'Diltiazem 180 mg mane - ceased due to bradycardia',
      'Aspirin 100 mg mane',
    ].join('\n');
    check([
      [
        text,
        [
          ['Perindopril', 'DRUG'],
          ['Indapamide', 'DRUG'],
          ['Diltiazem', 'DRUG'],
          ['Aspirin', 'DRUG'],
        ],
        {
          Perindopril: ['active', 'Medications on discharge:'],
          Diltiazem: ['allergy', 'due to bradycardia'],
          Aspirin: ['stopped', 'Ceased medications'],
          Indapamide: ['stopped', 'ceased'],
        },
      ],
      [
        'Medication: Diltiazem 180 mg\nStatus: Ceased 03/2024',
        [['Diltiazem', 'DRUG']],
        { Diltiazem: ['stopped', 'Ceased'] },
      ],
      [
        'She self-ceased levothyroxine 3 months ago.',
        [['levothyroxine', 'DRUG']],
        { levothyroxine: ['stopped', 'ceased'] },
      ],
      [
        'Prednisolone to be weaned by 5 mg weekly until ceased.',
        [['Prednisolone', 'DRUG']],
        { Prednisolone: ['active', null] },
      ],
      [
        'Nil anticoagulants at present due to high bleed risk.',
        [['anticoagulants', 'DRUG']],
        { anticoagulants: ['negated', 'Nil'] },
      ],
      [
        'No aspirin as on clopidogrel monotherapy.',
        [
          ['aspirin', 'DRUG'],
          ['clopidogrel', 'DRUG'],
        ],
        { aspirin: ['negated', 'No'], clopidogrel: ['active', null] },
      ],
    ]);
  });

  it('reads a trial off for a side effect, a harm the drug is contributing to, months not taken', () => {
    check([
      [
        'Trial off amlodipine given postural hypotension; review BP in 2 weeks.',
        [['amlodipine', 'DRUG']],
        { amlodipine: ['allergy', 'given postural hypotension'] },
      ],
      [
        'Ativan PRN agitation; avoid Haldol given prolonged QTc.',
        [
          ['Ativan', 'DRUG'],
          ['PRN', 'FREQUENCY'],
          ['Haldol', 'DRUG'],
        ],
        { Haldol: ['negated', 'avoid'] },
      ],
      [
        'Stop ibuprofen - contributing to AKI.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['allergy', 'contributing to'] },
      ],
      [
        'Pharmacist reconciliation: patient reports not taking rosuvastatin for several months due to cost.',
        [['rosuvastatin', 'DRUG']],
        { rosuvastatin: ['stopped', 'not taking'] },
      ],
      [
        'Please withhold metformin on the morning of the test and give half the usual dose of insulin glargine at night.',
        [
          ['metformin', 'DRUG'],
          ['insulin glargine', 'DRUG'],
        ],
        { metformin: ['held', 'withhold'], 'insulin glargine': ['active', null] },
      ],
    ]);
  });
});
