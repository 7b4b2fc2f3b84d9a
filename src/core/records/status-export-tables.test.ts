/**
 * Tables, lists and words of exported notes beyond an entry's own status field: a `Taking?` or
 * `Reason stopped` column, a table that names its list in its header, a form's ticked box, an
 * after-visit summary (`Commonly known as:`, `Medicines you were given today`, `You may use`),
 * sub-lists of past drugs, intolerances, `Contraindicated:`, a hold for a harm the drug did.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('the columns and headers of exported tables', () => {
  it('reads a Taking? column: Yes is taken, No is not', () => {
    const text = [
      'Prior to Admission medications',
      'Medication\tSig\tLast Dose\tTaking?\tAuthorizing Provider',
      'apixaban (ELIQUIS) 5 mg tablet\tTake 5 mg by mouth 2 times daily.\t03/04/2024 at 0800\tYes\tLee, Ann, MD',
      'furosemide (LASIX) 20 mg tablet\tTake 20 mg by mouth daily.\tUnknown\tNo\tLee, Ann, MD',
    ].join('\n');
    check([
      [
        text,
        [
          ['apixaban', 'DRUG'],
          ['ELIQUIS', 'DRUG'],
          ['furosemide', 'DRUG'],
          ['LASIX', 'DRUG'],
        ],
        {
          apixaban: ['active', 'Yes'],
          ELIQUIS: ['active', 'Yes'],
          furosemide: ['negated', 'No'],
          LASIX: ['negated', 'No'],
        },
      ],
    ]);
  });

  it('reads a table that names its list in its header: vaccines had, allergens', () => {
    const vaccines = [
      'Vaccine\tDate Given\tNext Due',
      'Tdap\t06/02/2016\t06/02/2026',
      'Shingrix #1\t01/10/2024\t03/10/2024',
    ].join('\n');
    const allergens = ['Note reviewed.', '', 'Allergen    Reaction', 'Codeine     Nausea'].join(
      '\n',
    );
    check([
      [
        vaccines,
        [
          ['Tdap', 'DRUG'],
          ['Shingrix', 'DRUG'],
        ],
        { Tdap: ['stopped', 'Vaccine'], Shingrix: ['stopped', 'Vaccine'] },
      ],
      [allergens, [['Codeine', 'DRUG']], { Codeine: ['allergy', 'Allergen'] }],
    ]);
  });

  it('reads a course completed in a cell, a dose changed from before, meds held on admission', () => {
    const table = [
      'MEDICATIONS',
      'Levothyroxine 50 mcg\tdaily\tActive',
      'Prednisone 5 mg\tdaily\tCompleted course',
    ].join('\n');
    const changed = [
      'Changed Medications:',
      '- Metformin 500 mg PO BID (previously 1000 mg BID)',
    ].join('\n');
    const held = 'Home meds held on admission: lisinopril, metformin';
    check([
      [
        table,
        [
          ['Levothyroxine', 'DRUG'],
          ['Prednisone', 'DRUG'],
        ],
        {
          Levothyroxine: ['active', 'Active'],
          Prednisone: ['stopped', 'Completed course'],
        },
      ],
      [
        changed,
        [
          ['Metformin', 'DRUG'],
          ['500 mg', 'STRENGTH'],
          ['PO', 'ROUTE'],
          ['BID', 'FREQUENCY'],
          ['1000 mg', 'STRENGTH'],
          ['BID', 'FREQUENCY'],
        ],
        { Metformin: ['active', 'Changed Medications'] },
      ],
      [
        held,
        [
          ['lisinopril', 'DRUG'],
          ['metformin', 'DRUG'],
        ],
        {
          lisinopril: ['held', 'Home meds held on admission:'],
          metformin: ['held', 'Home meds held on admission:'],
        },
      ],
    ]);
  });

  it('reads a numbered item wrapped under its own text, and a list of what is not taken now', () => {
    const plan = [
      '1. CHF exacerbation - diuresed with IV Lasix 40 mg x2, transition to PO',
      '   torsemide 20 mg daily tomorrow. Continue carvedilol 6.25 mg BID.',
    ].join('\n');
    const home = [
      'Home Medications (not currently taking):',
      'Zolpidem 10 mg qhs',
      'Cyclobenzaprine 10 mg TID PRN',
    ].join('\n');
    check([
      [
        plan,
        [
          ['Lasix', 'DRUG'],
          ['torsemide', 'DRUG'],
          ['carvedilol', 'DRUG'],
        ],
        {
          Lasix: ['given', 'diuresed with'],
          torsemide: ['planned', 'transition to'],
          carvedilol: ['active', 'Continue'],
        },
      ],
      [
        home,
        [
          ['Zolpidem', 'DRUG'],
          ['Cyclobenzaprine', 'DRUG'],
        ],
        {
          Zolpidem: ['negated', 'Home Medications (not currently taking)'],
          Cyclobenzaprine: ['negated', 'Home Medications (not currently taking)'],
        },
      ],
    ]);
  });

  it('reads a form’s ticked box, an entry’s other name, and a sub-list of past drugs', () => {
    const form = [
      'Lisinopril 10 mg PO daily    [X] Continue  [ ] Discontinue',
      'Metformin 500 mg PO BID        [ ] Continue  [X] Hold  [ ] Discontinue',
    ].join('\n');
    const avs = [
      'STOP taking these medications',
      '  • aspirin 81 MG EC tablet',
      '      Commonly known as: Bayer',
    ].join('\n');
    const past = [
      'Medications',
      'Active',
      '  Tamsulosin 0.4 mg daily',
      'Past',
      '  Finasteride 5 mg daily',
    ].join('\n');
    check([
      [
        form,
        [
          ['Lisinopril', 'DRUG'],
          ['Metformin', 'DRUG'],
        ],
        { Lisinopril: ['active', 'Continue'], Metformin: ['held', 'Hold'] },
      ],
      [
        avs,
        [
          ['aspirin', 'DRUG'],
          ['Bayer', 'DRUG'],
        ],
        {
          aspirin: ['stopped', 'STOP taking these medications'],
          Bayer: ['stopped', 'STOP taking these medications'],
        },
      ],
      [
        past,
        [
          ['Tamsulosin', 'DRUG'],
          ['Finasteride', 'DRUG'],
        ],
        { Tamsulosin: ['active', 'Active'], Finasteride: ['stopped', 'Past'] },
      ],
    ]);
  });

  it('reads an after-visit summary told to the patient: medicines given, not taking, allergies, you may use', () => {
    const given = ['Medicines you were given today', 'Ceftriaxone 1 gram shot in the muscle'].join(
      '\n',
    );
    const allergies = ['Your Allergies', 'Penicillin: hives', 'Codeine: nausea'].join('\n');
    const prose = 'You may use acetaminophen (Tylenol) for pain instead.';
    const notTaking = ['Not taking:', 'Lipitor 20 mg'].join('\n');
    check([
      [
        given,
        [['Ceftriaxone', 'DRUG']],
        { Ceftriaxone: ['given', 'Medicines you were given today'] },
      ],
      [notTaking, [['Lipitor', 'DRUG']], { Lipitor: ['negated', 'Not taking'] }],
      [
        allergies,
        [
          ['Penicillin', 'DRUG'],
          ['Codeine', 'DRUG'],
        ],
        { Penicillin: ['allergy', ': hives'], Codeine: ['allergy', 'Your Allergies'] },
      ],
      [
        prose,
        [
          ['acetaminophen', 'DRUG'],
          ['Tylenol', 'DRUG'],
        ],
        { acetaminophen: ['active', 'You may use'], Tylenol: ['active', 'You may use'] },
      ],
    ]);
  });

  it('reads a hold for a toxicity as a pause, a supply run out, not taking for a time, an allergy denied', () => {
    const plan = [
      'Oxaliplatin\t85 mg/m2 IV\tGiven',
      'Fluorouracil\t2400 mg/m2 CIVI over 46 h\tHeld - mucositis grade 3',
    ].join('\n');
    const triage = 'Also takes metoprolol but ran out 3 days ago.';
    const allergies = [
      'Medication Allergies:',
      'Morphine - itching',
      'No known allergy to aspirin.',
    ].join('\n');
    check([
      [
        plan,
        [
          ['Oxaliplatin', 'DRUG'],
          ['Fluorouracil', 'DRUG'],
        ],
        { Oxaliplatin: ['given', 'Given'], Fluorouracil: ['held', 'Held'] },
      ],
      [triage, [['metoprolol', 'DRUG']], { metoprolol: ['stopped', 'ran out'] }],
      [
        'glipizide 5mg daily - not taking x 1 month',
        [['glipizide', 'DRUG']],
        { glipizide: ['negated', 'not taking x 1 month'] },
      ],
      [
        allergies,
        [
          ['Morphine', 'DRUG'],
          ['aspirin', 'DRUG'],
        ],
        {
          Morphine: ['allergy', 'Medication Allergies:'],
          aspirin: ['negated', 'No known allergy to'],
        },
      ],
    ]);
  });

  it('reads a Reason stopped column: a reason stops the drug, a side effect makes it an allergy', () => {
    const text = [
      'Psychiatric Medication History',
      'Medication\tDates\tMax dose\tReason stopped',
      'Sertraline\t2019-2020\t150 mg\tIneffective',
      'Bupropion\t2021\t300 mg\tInsomnia, anxiety',
      'Escitalopram\t2022-present\t20 mg\t',
    ].join('\n');
    check([
      [
        text,
        [
          ['Sertraline', 'DRUG'],
          ['Bupropion', 'DRUG'],
          ['Escitalopram', 'DRUG'],
        ],
        {
          Sertraline: ['stopped', 'Ineffective'],
          Bupropion: ['allergy', 'Insomnia, anxiety'],
          Escitalopram: ['active', null],
        },
      ],
    ]);
  });

  it('reads an intolerance list and a drug named after Contraindicated:', () => {
    const intolerances = ['Intolerances', 'Metformin - diarrhea'].join('\n');
    const contraindicated = 'Contraindicated: NSAIDs (CKD stage 4)';
    check([
      [intolerances, [['Metformin', 'DRUG']], { Metformin: ['allergy', 'Intolerances'] }],
      [contraindicated, [['NSAIDs', 'DRUG']], { NSAIDs: ['negated', 'Contraindicated'] }],
    ]);
  });
});
