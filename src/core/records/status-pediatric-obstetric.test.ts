/**
 * The status step on pediatric, obstetric and emergency notes (probe ml20): a course had last
 * season, labor augmented with a drug, a dose to be given within a time, a dose taken just before
 * arrival that did not help, doses in the ED with their effect, a dose given in triage; a tocolytic
 * the patient was kept stable on (part K).
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('pediatric, obstetric and emergency notes', () => {
  it('reads a course last season, labor augmented, and a dose to be given within a time', () => {
    check([
      [
        'Received 2 doses of Synagis last season.',
        [['Synagis', 'DRUG']],
        { Synagis: ['stopped', 'Received 2 doses of'] },
      ],
      [
        'Labor augmented with Pitocin.',
        [['Pitocin', 'DRUG']],
        { Pitocin: ['given', 'augmented with'] },
      ],
      [
        'RhoGAM to be given within 72 hours of delivery.',
        [['RhoGAM', 'DRUG']],
        { RhoGAM: ['planned', 'to be given'] },
      ],
    ]);
  });

  it('reads doses of the encounter: before arrival, in the ED with an effect, in triage', () => {
    check([
      [
        'She took ibuprofen 400 mg at home 2 hours before arrival with little relief.',
        [
          ['ibuprofen', 'DRUG'],
          ['400 mg', 'STRENGTH'],
        ],
        { ibuprofen: ['given', 'with little relief'] },
      ],
      [
        'Nebulized albuterol x3 in ED with improvement; sent home on prednisolone 2 mg/kg daily x 5 days.',
        [
          ['albuterol', 'DRUG'],
          ['prednisolone', 'DRUG'],
          ['2 mg/kg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['x 5 days', 'DURATION'],
        ],
        {
          albuterol: ['given', 'with improvement'],
          prednisolone: ['active', 'sent home on'],
        },
      ],
      [
        'Zofran ODT given in triage; tolerated PO challenge.',
        [['Zofran', 'DRUG']],
        { Zofran: ['given', 'given'] },
      ],
    ]);
  });

  it('reads a drug the patient was kept stable on as taken', () => {
    check([
      [
        'She had preterm labor and was treated with nifedipine and was stable on nifedipine and bed rest.',
        [
          ['nifedipine', 'DRUG'],
          ['nifedipine', 'DRUG'],
        ],
        { nifedipine: ['active', 'was stable on'] },
      ],
    ]);
  });
});
