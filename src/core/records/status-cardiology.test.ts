/**
 * The status step on cardiology and perioperative notes (probe ml22): a drip shut off before a
 * procedure, a dose's effect after its route and count, a change of dose told as `changed to`, a
 * patch taken off (part K) while a substance removed during the operation stays given.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('cardiology and perioperative notes', () => {
  it('reads a drip off for a procedure, a sublingual dose that worked, a dose changed', () => {
    check([
      [
        'Heparin drip off at 0600 for the cath.',
        [['Heparin', 'DRUG']],
        { Heparin: ['held', 'drip off'] },
      ],
      [
        'Nitroglycerin SL x1 with resolution of chest pain.',
        [['Nitroglycerin', 'DRUG']],
        { Nitroglycerin: ['given', 'with resolution'] },
      ],
      [
        'Lisinopril was changed to 20 mg daily.',
        [
          ['Lisinopril', 'DRUG'],
          ['20 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Lisinopril: ['active', 'was changed to'] },
      ],
    ]);
  });

  it('reads a patch taken off as stopped, not the substance the surgeon removed', () => {
    check([
      [
        'Borderline hypotension 250 mL fluid bolus given and nitroglycerin patch removed.',
        [
          ['nitroglycerin', 'DRUG'],
          ['patch', 'FORM'],
        ],
        { nitroglycerin: ['stopped', 'removed'] },
      ],
      [
        'Her Mirena was removed today.',
        [['Mirena', 'DRUG']],
        { Mirena: ['stopped', 'was removed'] },
      ],
      [
        'PROCEDURE: The viscoelastic was removed with the irrigation-aspiration handpiece.',
        [['viscoelastic', 'DRUG']],
        { viscoelastic: ['given', 'PROCEDURE:'] },
      ],
    ]);
  });
});
