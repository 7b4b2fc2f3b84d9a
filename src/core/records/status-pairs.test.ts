/**
 * The status step on minimal pairs: one cue word read two ways, depending on what stands around
 * it (a dose missed or given, a reaction denied or possible, a drug not to be taken or the drug it
 * is not to be taken with). Each case asserts the status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('one cue word, read two ways', () => {
  it('reads a dose missed as a drug taken, a dose had as given', () => {
    check([
      [
        'She never misses a dose of Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', null] },
      ],
      [
        'He received a dose of Narcan in the field.',
        [['Narcan', 'DRUG']],
        { Narcan: ['given', 'a dose of'] },
      ],
    ]);
  });

  it('reads a reaction denied as no allergy, a possible one as an allergy', () => {
    check([
      [
        'No reaction to the flu vaccine last year.',
        [['flu vaccine', 'DRUG']],
        { 'flu vaccine': ['active', 'No reaction to the'] },
      ],
      [
        'Possible rash to PENICILLIN.',
        [['PENICILLIN', 'DRUG']],
        { PENICILLIN: ['allergy', 'rash to'] },
      ],
      ['Possible allergy to sulfa.', [['sulfa', 'DRUG']], { sulfa: ['allergy', 'allergy to'] }],
      [
        // A risk talked over is no allergy: the contrast is the study's.
        'Risks include bleeding, infection and possible allergic reaction to the contrast.',
        [['contrast', 'DRUG']],
        { contrast: ['given', 'contrast'] },
      ],
    ]);
  });

  it('reads the drug not to be taken, and the drug it is not to be taken with', () => {
    check([
      [
        'She should not take ibuprofen with her lisinopril.',
        [
          ['ibuprofen', 'DRUG'],
          ['lisinopril', 'DRUG'],
        ],
        { ibuprofen: ['negated', 'should not take'], lisinopril: ['active', null] },
      ],
      [
        'Do not take tetracycline with milk.',
        [['tetracycline', 'DRUG']],
        { tetracycline: ['active', null] },
      ],
    ]);
  });

  it('reads a drug tolerated or carried beside an allergy as taken, one hard to tolerate as not', () => {
    check([
      [
        'ALLERGIES: Codeine causes nausea but tolerates hydrocodone.',
        [
          ['Codeine', 'DRUG'],
          ['hydrocodone', 'DRUG'],
        ],
        { Codeine: ['allergy', 'causes nausea'], hydrocodone: ['active', 'tolerates'] },
      ],
      [
        'ALLERGIES: She had difficulty tolerating Ativan.',
        [['Ativan', 'DRUG']],
        { Ativan: ['allergy', 'ALLERGIES:'] },
      ],
      [
        'He is allergic to bees and carries an EpiPen.',
        [['EpiPen', 'DRUG']],
        { EpiPen: ['active', 'carries an'] },
      ],
    ]);
  });

  it('reads where a negation ends: nor, regularly, and take, not restarted', () => {
    check([
      [
        'Neither aspirin nor Plavix.',
        [
          ['aspirin', 'DRUG'],
          ['Plavix', 'DRUG'],
        ],
        { aspirin: ['negated', 'Neither'], Plavix: ['negated', 'nor'] },
      ],
      ['He does not take his Lasix regularly.', [['Lasix', 'DRUG']], { Lasix: ['active', null] }],
      [
        'She was told to avoid NSAIDs and take Tylenol instead.',
        [
          ['NSAIDs', 'DRUG'],
          ['Tylenol', 'DRUG'],
        ],
        { NSAIDs: ['negated', 'avoid'], Tylenol: ['active', null] },
      ],
      [
        'Aspirin was not restarted because of the bleed.',
        [['Aspirin', 'DRUG']],
        { Aspirin: ['negated', 'was not restarted'] },
      ],
    ]);
  });

  it('reads drugs that did not help as tried and over, one that helps little as still taken', () => {
    check([
      [
        'Tylenol and ibuprofen have not helped.',
        [
          ['Tylenol', 'DRUG'],
          ['ibuprofen', 'DRUG'],
        ],
        { Tylenol: ['stopped', 'have not helped'], ibuprofen: ['stopped', 'have not helped'] },
      ],
      [
        'No relief with Tylenol, ibuprofen or Norco.',
        [
          ['Tylenol', 'DRUG'],
          ['ibuprofen', 'DRUG'],
          ['Norco', 'DRUG'],
        ],
        {
          Tylenol: ['stopped', 'No relief with'],
          ibuprofen: ['stopped', 'No relief with'],
          Norco: ['stopped', 'No relief with'],
        },
      ],
      [
        'Claritin does not help much, so she rarely takes it.',
        [['Claritin', 'DRUG']],
        { Claritin: ['active', null] },
      ],
    ]);
  });

  it('reads a dose changed right before the drug, with no space in the cue', () => {
    check([
      [
        'RECOMMENDATIONS:\n3. Increase Neurontin to 300 mg per day.',
        [
          ['Neurontin', 'DRUG'],
          ['300 mg', 'STRENGTH'],
        ],
        { Neurontin: ['active', 'Increase'] },
      ],
      [
        'Decrease atenolol to 25 mg daily.',
        [
          ['atenolol', 'DRUG'],
          ['25 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { atenolol: ['active', 'Decrease'] },
      ],
      [
        'Taper off prednisone over two weeks.',
        [['prednisone', 'DRUG']],
        { prednisone: ['active', 'Taper off'] },
      ],
      [
        'Resume metformin 48 hours after the contrast study.',
        [['metformin', 'DRUG']],
        { metformin: ['held', 'Resume'] },
      ],
      [
        'She was started on Zanaflex for her lower extremity spasticity without benefit.',
        [['Zanaflex', 'DRUG']],
        { Zanaflex: ['stopped', 'without benefit'] },
      ],
    ]);
  });

  it('reads a stop wished for as no stop, and a drug after an allergy, in its own clause, as taken', () => {
    check([
      [
        'She is allergic to penicillin, so azithromycin was prescribed.',
        [
          ['penicillin', 'DRUG'],
          ['azithromycin', 'DRUG'],
        ],
        { penicillin: ['allergy', 'allergic to'], azithromycin: ['active', 'was prescribed'] },
      ],
      [
        'She is allergic to penicillin and so far has done well on azithromycin.',
        [
          ['penicillin', 'DRUG'],
          ['azithromycin', 'DRUG'],
        ],
        { penicillin: ['allergy', 'allergic to'], azithromycin: ['active', 'has done well on'] },
      ],
      [
        'He denies any medications besides his inhaler, albuterol.',
        [
          ['inhaler', 'FORM'],
          ['albuterol', 'DRUG'],
        ],
        { albuterol: ['active', null] },
      ],
      ['He wants to stop his Lipitor.', [['Lipitor', 'DRUG']], { Lipitor: ['active', 'stop'] }],
      [
        'She asked about stopping Prozac.',
        [['Prozac', 'DRUG']],
        { Prozac: ['active', 'stopping'] },
      ],
      [
        'He stopped his Lipitor last month.',
        [['Lipitor', 'DRUG']],
        { Lipitor: ['stopped', 'stopped his'] },
      ],
    ]);
  });

  it('reads a reaction after for, or treated with, as what the drug treats, not one it caused', () => {
    check([
      [
        'He was given Benadryl for an allergic reaction to shellfish.',
        [['Benadryl', 'DRUG']],
        { Benadryl: ['given', 'was given'] },
      ],
      [
        'Zyrtec and Flonase for his allergic rhinitis.',
        [
          ['Zyrtec', 'DRUG'],
          ['Flonase', 'DRUG'],
        ],
        { Zyrtec: ['active', null], Flonase: ['active', null] },
      ],
      [
        'He developed hives after amoxicillin and was given Benadryl for the reaction.',
        [
          ['amoxicillin', 'DRUG'],
          ['Benadryl', 'DRUG'],
        ],
        { amoxicillin: ['allergy', 'developed hives after'], Benadryl: ['given', 'was given'] },
      ],
      [
        'Anaphylaxis to peanuts treated with epinephrine.',
        [['epinephrine', 'DRUG']],
        { epinephrine: ['active', null] },
      ],
      [
        'Anaphylaxis to penicillin.',
        [['penicillin', 'DRUG']],
        { penicillin: ['allergy', 'Anaphylaxis to'] },
      ],
    ]);
  });
});
