/**
 * The status step on Indian outpatient and casualty notes (probe ml18): a dose form's abbreviation
 * before its drug (`Tab.`, `Inj.`) ends no sentence, `casualty` is the emergency department,
 * `Drug allergy: Nil known.` lists none, an `IV fluids:` heading gives its fluids, a stop for
 * gastritis or hypoglycaemic episodes is an intolerance; and, from the same round, a symptom in
 * brackets after a drug taken as needed or listed as taken is what it treats.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('Indian outpatient and casualty notes', () => {
  it('reads past a form’s abbreviation to the cue before it', () => {
    check([
      [
        'Pt refused Inj. TT booster.',
        [
          ['Inj', 'FORM'],
          ['TT', 'DRUG'],
        ],
        { TT: ['negated', 'refused'] },
      ],
      [
        'Plan: Start T. Atorvastatin 20 mg HS after lipid profile report.',
        [
          ['Atorvastatin', 'DRUG'],
          ['20 mg', 'STRENGTH'],
          ['HS', 'FREQUENCY'],
        ],
        { Atorvastatin: ['planned', 'Start'] },
      ],
    ]);
  });

  it('reads casualty as the emergency department', () => {
    check([
      [
        'Inj. Ceftriaxone 1 g IV stat given in casualty.',
        [
          ['Ceftriaxone', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['stat', 'FREQUENCY'],
        ],
        { Ceftriaxone: ['given', 'given'] },
      ],
      [
        'Pt had taken Tab. Crocin 500 mg at home before coming to casualty.',
        [
          ['Crocin', 'DRUG'],
          ['500 mg', 'STRENGTH'],
        ],
        { Crocin: ['given', 'taken Tab. Crocin 500 mg at home before coming to casualty'] },
      ],
    ]);
  });

  it('ends an allergy list of none with its sentence; gives the fluids of IV fluids:', () => {
    check([
      [
        'Drug allergy: Nil known. Not on any antihypertensives.',
        [['antihypertensives', 'DRUG']],
        { antihypertensives: ['negated', 'Not on any'] },
      ],
      [
        'IV fluids: NS 1 L over 2 hrs, RL 500 ml.',
        [
          ['NS', 'DRUG'],
          ['1 L', 'DOSAGE'],
          ['over 2 hrs', 'DURATION'],
          ['RL', 'DRUG'],
          ['500 ml', 'DOSAGE'],
        ],
        { NS: ['given', 'IV fluids:'], RL: ['given', 'IV fluids:'] },
      ],
    ]);
  });

  it('reads a stop for gastritis or hypoglycaemic episodes as an intolerance', () => {
    check([
      [
        'Stopped aspirin on own since 2 weeks due to gastritis.',
        [['aspirin', 'DRUG']],
        { aspirin: ['allergy', 'due to gastritis'] },
      ],
      [
        'Drug history: Glimepiride stopped 6 months back due to hypoglycaemic episodes.',
        [['Glimepiride', 'DRUG']],
        { Glimepiride: ['allergy', 'due to hypoglycaemic episodes'] },
      ],
      ['No NSAIDs due to gastritis.', [['NSAIDs', 'DRUG']], { NSAIDs: ['negated', 'No'] }],
    ]);
  });

  it('reads a symptom in brackets after a drug taken as needed or listed as taken as its use', () => {
    check([
      [
        'Medications: Zofran 4 mg PRN (nausea), Colace 100 mg (constipation).',
        [
          ['Zofran', 'DRUG'],
          ['4 mg', 'STRENGTH'],
          ['PRN', 'FREQUENCY'],
          ['Colace', 'DRUG'],
          ['100 mg', 'STRENGTH'],
        ],
        { Zofran: ['active', 'Medications:'], Colace: ['active', 'Medications:'] },
      ],
      [
        'Zofran 4 mg PRN (nausea)',
        [
          ['Zofran', 'DRUG'],
          ['4 mg', 'STRENGTH'],
          ['PRN', 'FREQUENCY'],
        ],
        { Zofran: ['active', null] },
      ],
      [
        'Allergies: Codeine (nausea), Penicillin (anaphylaxis).',
        [
          ['Codeine', 'DRUG'],
          ['Penicillin', 'DRUG'],
        ],
        { Codeine: ['allergy', '(nausea)'], Penicillin: ['allergy', '(anaphylaxis)'] },
      ],
      [
        'Current medications: Benadryl 25 mg PRN (itching), Keflex 500 mg (anaphylaxis).',
        [
          ['Benadryl', 'DRUG'],
          ['25 mg', 'STRENGTH'],
          ['PRN', 'FREQUENCY'],
          ['Keflex', 'DRUG'],
          ['500 mg', 'STRENGTH'],
        ],
        {
          Benadryl: ['active', 'Current medications:'],
          Keflex: ['allergy', '(anaphylaxis)'],
        },
      ],
      ['Sulfa (rash)', [['Sulfa', 'DRUG']], { Sulfa: ['allergy', '(rash)'] }],
    ]);
  });
});
