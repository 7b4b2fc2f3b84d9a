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
});
