/**
 * The status step on geriatric, palliative and home-health notes (probe ml21): drugs
 * deprescribed, the drugs a stop names after `including`, a trial to come.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('geriatric, palliative and home-health notes', () => {
  it('reads drugs deprescribed, a stop that names its drugs after, and a trial to come', () => {
    check([
      [
        'Deprescribing: simvastatin stopped given limited life expectancy; aspirin deprescribed.',
        [
          ['simvastatin', 'DRUG'],
          ['aspirin', 'DRUG'],
        ],
        { simvastatin: ['stopped', 'Deprescribing'], aspirin: ['stopped', 'deprescribed'] },
      ],
      [
        'Transitioned to comfort care; all non-essential medications discontinued, including metformin and lisinopril.',
        [
          ['metformin', 'DRUG'],
          ['lisinopril', 'DRUG'],
        ],
        {
          metformin: ['stopped', 'discontinued, including'],
          lisinopril: ['stopped', 'discontinued, including'],
        },
      ],
      [
        'Will trial mirtazapine 7.5 mg at bedtime for appetite and sleep.',
        [
          ['mirtazapine', 'DRUG'],
          ['7.5 mg', 'STRENGTH'],
          ['at bedtime', 'FREQUENCY'],
        ],
        { mirtazapine: ['planned', 'Will trial'] },
      ],
    ]);
  });
});
