/**
 * Notes pasted from a record system's exports: an entry's own status field, a table's status or
 * action column, an export's remark on a list's line, and the headings such exports print
 * (`Allergies as of …`, `Immunization History`, `Medications Discontinued During This
 * Encounter`). The layouts follow Epic, Cerner and VA (CPRS) printouts.
 */
import { describe, expect, it } from 'vitest';
import { entryStatuses } from './status-entries.ts';
import { checkStatuses as check, entitiesOf } from '../../test/statuses.ts';

describe('a record entry’s own status', () => {
  it('reads a Status: field under the drug, for the drugs of its entry only', () => {
    const text = [
      'Medication: Warfarin 5 mg tablet',
      'Status: Discontinued',
      'Discontinued by: J. Smith, MD on 03/02/2024',
      '',
      'Medication: Apixaban 5 mg tablet',
      'Sig: 1 tablet by mouth twice daily',
      'Medication Status: On hold since 03/04/2024',
    ].join('\n');
    check([
      [
        text,
        [
          ['Warfarin', 'DRUG'],
          ['Apixaban', 'DRUG'],
        ],
        { Warfarin: ['stopped', 'Discontinued'], Apixaban: ['held', 'On hold'] },
      ],
    ]);
  });

  it('reads a table’s status column; a row’s cue never reaches the next row', () => {
    const text = [
      'Drug            Dose     Route  Frequency  Status',
      'Metformin       500 mg   PO     BID        Active',
      'Aspirin         81 mg    PO     daily      On hold',
      'Insulin glargine  20 units SC   nightly    Taking',
      'Simvastatin     20 mg    PO     nightly    Completed',
    ].join('\n');
    const spans = entitiesOf(text, [
      ['Metformin', 'DRUG'],
      ['Aspirin', 'DRUG'],
      ['Insulin glargine', 'DRUG'],
      ['Simvastatin', 'DRUG'],
    ]);
    const cues = [...entryStatuses(text, spans).values()].map((s) => [s.status, s.cue.text]);
    expect(cues).toEqual([
      ['active', 'Active'],
      ['held', 'On hold'],
      ['active', 'Taking'],
      ['stopped', 'Completed'],
    ]);
    check([
      [
        text,
        [
          ['Insulin glargine', 'DRUG'],
          ['Simvastatin', 'DRUG'],
        ],
        { 'Insulin glargine': ['active', 'Taking'], Simvastatin: ['stopped', 'Completed'] },
      ],
    ]);
  });

  it('reads a reconciliation’s action column with one wide gap, and a table drawn with bars', () => {
    const reconciliation = [
      'Medication                      Action',
      'Warfarin 5 mg daily             Hold',
      'Apixaban 5 mg BID               New',
    ].join('\n');
    const bars = [
      '| Medication | Dose | Status |',
      '|---|---|---|',
      '| Trazodone | 50 mg | Discontinued |',
    ].join('\n');
    check([
      [
        reconciliation,
        [
          ['Warfarin', 'DRUG'],
          ['Apixaban', 'DRUG'],
        ],
        { Warfarin: ['held', 'Hold'], Apixaban: ['active', 'New'] },
      ],
      [bars, [['Trazodone', 'DRUG']], { Trazodone: ['stopped', 'Discontinued'] }],
    ]);
  });

  it('reads an export’s remark on a list line, for the drug and its brand in brackets', () => {
    const text = [
      'Current Outpatient Medications on File Prior to Visit',
      'Medication\tSig',
      '• omeprazole (PRILOSEC) 20 MG capsule\tTake 20 mg by mouth daily before breakfast. (Patient not taking: Reported on 10/12/2023)',
      '• metformin 500 MG tablet\tTake 1 tablet by mouth 2 times daily. (Patient taking differently: once daily)',
    ].join('\n');
    check([
      [
        text,
        [
          ['omeprazole', 'DRUG'],
          ['PRILOSEC', 'DRUG'],
          ['metformin', 'DRUG'],
        ],
        {
          omeprazole: ['negated', 'Patient not taking'],
          PRILOSEC: ['negated', 'Patient not taking'],
          metformin: ['active', 'Patient taking differently'],
        },
      ],
    ]);
  });

  it('reads sub-lists named by a status, tags in brackets and a vaccine due', () => {
    const sublists = [
      'Current Medications',
      'Taking',
      ' • Lisinopril 20 MG Tablet 1 tablet Orally Once a day',
      'Not Taking',
      ' • Ibuprofen 600 MG Tablet 1 tablet Orally every 6 hrs',
      'Discontinued',
      ' • Naproxen 500 MG Tablet 1 tablet with food Orally twice a day',
    ].join('\n');
    const tags = [
      '[START ON 03/05/2024] Finasteride 5 mg tablet, take 1 tablet daily',
      'Oxybutynin 5 mg tablet, take 1 tablet twice daily',
    ].join('\n');
    const vaccines = ['Vaccines', 'Shingrix dose 2 - due 04/2024'].join('\n');
    check([
      [
        sublists,
        [
          ['Lisinopril', 'DRUG'],
          ['Ibuprofen', 'DRUG'],
          ['Naproxen', 'DRUG'],
        ],
        {
          Lisinopril: ['active', 'Taking'],
          Ibuprofen: ['negated', 'Not Taking'],
          Naproxen: ['stopped', 'Discontinued'],
        },
      ],
      [
        tags,
        [
          ['Finasteride', 'DRUG'],
          ['Oxybutynin', 'DRUG'],
        ],
        { Finasteride: ['planned', 'START ON'], Oxybutynin: ['active', null] },
      ],
      [vaccines, [['Shingrix', 'DRUG']], { Shingrix: ['planned', '- due'] }],
    ]);
  });

  it('reads a table pasted with no-break spaces, a cancelled order, and Windows line ends', () => {
    const nbsp = [
      'Medication\u00a0\u00a0\u00a0Instructions\u00a0\u00a0\u00a0Confirmed',
      'Potassium Chloride 20 meq ER\u00a0\u00a0\u00a020 meq PO DAILY\u00a0\u00a0\u00a0Not Taking',
    ].join('\n');
    const orders = [
      'Order Summary',
      'Heparin 5,000 units SC q8h\tCanceled\t03/03/2024 22:01',
      'Cefdinir 300 mg PO BID\tActive\t03/04/2024 10:14',
    ].join('\r\n');
    check([
      [nbsp, [['Potassium Chloride', 'DRUG']], { 'Potassium Chloride': ['negated', 'Not Taking'] }],
      [
        orders,
        [
          ['Heparin', 'DRUG'],
          ['Cefdinir', 'DRUG'],
        ],
        { Heparin: ['negated', 'Canceled'], Cefdinir: ['active', 'Active'] },
      ],
    ]);
  });

  it('reads a status cell after a drug in any column, and a record’s lists of what is taken', () => {
    const history = [
      'Date     Medication                 Dose     Result',
      '03/04    Docusate                   100 mg   Refused',
      '03/04    Senna                      8.6 mg   Given',
      '03/04    Norepinephrine    0.05 mcg/kg/min    weaned off 03/04 1400',
    ].join('\n');
    const lists = [
      'Outpatient Prescriptions Not Taking',
      'Montelukast 10 mg tablet, take 1 tablet nightly',
      'You told us you are no longer taking:',
      'Trazodone 50 mg tablet',
    ].join('\n');
    check([
      [
        history,
        [
          ['Docusate', 'DRUG'],
          ['Senna', 'DRUG'],
          ['Norepinephrine', 'DRUG'],
        ],
        {
          Docusate: ['negated', 'Refused'],
          Senna: ['given', 'Given'],
          Norepinephrine: ['stopped', 'weaned off'],
        },
      ],
      [
        lists,
        [
          ['Montelukast', 'DRUG'],
          ['Trazodone', 'DRUG'],
        ],
        {
          Montelukast: ['negated', 'Outpatient Prescriptions Not Taking'],
          Trazodone: ['stopped', 'You told us you are no longer taking'],
        },
      ],
    ]);
  });

  it('keeps an allergy entry an allergy whatever its status field says', () => {
    const text = [
      'Allergies',
      'Allergen: Penicillin',
      'Reaction: Anaphylaxis',
      'Status: Active',
      '',
      'Allergen: Codeine',
      'Status: Inactive',
    ].join('\n');
    check([
      [
        text,
        [
          ['Penicillin', 'DRUG'],
          ['Codeine', 'DRUG'],
        ],
        { Penicillin: ['allergy', 'Allergies'], Codeine: ['allergy', 'Allergies'] },
      ],
    ]);
  });

  it('leaves prose, a sig’s own words and another section’s status alone', () => {
    const text = [
      'Lisinopril was held.  Continue metformin 500 mg daily.',
      'Aspirin 81 mg daily',
      'Problem: Hypertension',
      'Status: Inactive',
    ].join('\n');
    const spans = entitiesOf(text, [
      ['Lisinopril', 'DRUG'],
      ['metformin', 'DRUG'],
      ['Aspirin', 'DRUG'],
    ]);
    expect(entryStatuses(text, spans).size).toBe(0);
  });
});

describe('the headings and remarks of exported notes', () => {
  it('reads the headings of an export: discontinued this encounter, allergies as of a date', () => {
    const text = [
      'Medications Discontinued During This Encounter',
      'Medication\tReason',
      '• hydrochlorothiazide 25 MG tablet\tChange in therapy',
      '',
      'Allergies as of 03/04/2024',
      'Reviewed on 03/04/2024',
      'Allergen\tReactions',
      '• Sulfa Antibiotics\tHives',
      '',
      'Current Medications',
      '• losartan 50 MG tablet, Take 1 tablet by mouth daily',
    ].join('\n');
    check([
      [
        text,
        [
          ['hydrochlorothiazide', 'DRUG'],
          ['Sulfa Antibiotics', 'DRUG'],
          ['losartan', 'DRUG'],
        ],
        {
          hydrochlorothiazide: ['stopped', 'Medications Discontinued During This Encounter'],
          'Sulfa Antibiotics': ['allergy', 'Allergies as of 03/04/2024'],
          losartan: ['active', 'Current Medications'],
        },
      ],
    ]);
  });

  it('reads vaccines of an immunization history as had before, those due as planned, those given today as given', () => {
    const history = ['Immunization History', 'Name\tDate', 'Tdap\t05/12/2019'].join('\n');
    const due = ['Immunizations Due', 'Shingrix dose 2'].join('\n');
    const today = [
      'Immunizations Administered Today',
      'Influenza vaccine, quadrivalent, 0.5 mL IM, left deltoid',
    ].join('\n');
    const ed = [
      'Medications Administered in the ED',
      'ketorolac (TORADOL) injection 30 mg (30 mg Intravenous Given 03/04/24 1420)',
    ].join('\n');
    check([
      [history, [['Tdap', 'DRUG']], { Tdap: ['stopped', 'Immunization History'] }],
      [due, [['Shingrix', 'DRUG']], { Shingrix: ['planned', 'Immunizations Due'] }],
      [
        today,
        [['Influenza vaccine', 'DRUG']],
        { 'Influenza vaccine': ['given', 'Immunizations Administered Today'] },
      ],
      [
        ed,
        [
          ['ketorolac', 'DRUG'],
          ['injection', 'FORM'],
        ],
        { ketorolac: ['given', 'Medications Administered in the ED'] },
      ],
    ]);
  });

  it('reads a course completed in a list line’s remark, and not a drug after the remark', () => {
    const text = [
      'Home Medications',
      'Prednisone 10 mg PO daily -- completed taper 2/20',
      'Med rec: pt no longer taking metoprolol.',
    ].join('\n');
    check([
      [
        text,
        [
          ['Prednisone', 'DRUG'],
          ['10 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['2/20', 'STRENGTH'],
          ['metoprolol', 'DRUG'],
        ],
        {
          Prednisone: ['stopped', 'completed taper'],
          metoprolol: ['stopped', 'no longer taking'],
        },
      ],
    ]);
  });
});
