/**
 * The status step on sentences of real MTSamples notes that probes drew (gold/status-probes.jsonl,
 * `probe-k…`): stops undone, dated courses, prescriptions handed over, holds with a condition,
 * reactions after drugs given. Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, statusesOf } from '../../test/statuses.ts';

describe('sentences drawn from MTSamples notes (the ninth probe)', () => {
  it('reads a stop already undone as active, and a restart to come as a pause', () => {
    check([
      [
        'They did try stopping the statin that he was taking, but there was no improvement, so they resumed the statin.',
        [['statin', 'DRUG']],
        { statin: ['active', 'stopping'] },
      ],
      [
        'We stopped his Coumadin and will resume it after the procedure.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'stopped his'] },
      ],
    ]);
  });

  it('reads a course with a month and year as a past one', () => {
    check([
      [
        'In 11/91 she received BCNU and Procarbazine chemotherapy protocols.',
        [
          ['BCNU', 'DRUG'],
          ['Procarbazine', 'DRUG'],
        ],
        { BCNU: ['stopped', 'received'], Procarbazine: ['stopped', 'received'] },
      ],
    ]);
  });

  it('reads a drug handed over with a count to dispense as a prescription', () => {
    check([
      [
        'She was given Vicodin 5/500 mg #30 1-2 p.o. q.4-6h. p.r.n. pain.',
        [
          ['Vicodin', 'DRUG'],
          ['5/500 mg', 'STRENGTH'],
          ['1-2', 'DOSAGE'],
          ['p.o.', 'ROUTE'],
          ['q.4-6h. p.r.n.', 'FREQUENCY'],
        ],
        { Vicodin: ['active', 'was given'] },
      ],
      [
        'The space was irrigated with antibiotic solution and #19 Blake drain was placed.',
        [['antibiotic', 'DRUG']],
        { antibiotic: ['given', 'was irrigated with'] },
      ],
    ]);
  });

  it('does not read a finding denied after a contrast agent as the agent denied', () => {
    const text = 'There is no abnormal enhancement with gadolinium administration.';
    expect(statusesOf(text, [['gadolinium', 'DRUG']]).gadolinium?.status).toBe('given');
  });
});

describe('more sentences drawn from MTSamples notes (the tenth probe)', () => {
  it('reads a hold with its condition before it as an order to take the drug', () => {
    check([
      [
        'If blood pressure more than 160/90, we will hold metoprolol and lisinopril.',
        [
          ['metoprolol', 'DRUG'],
          ['lisinopril', 'DRUG'],
        ],
        { metoprolol: ['active', 'hold'], lisinopril: ['active', 'hold'] },
      ],
    ]);
  });

  it('reads a drug handed over with a quantity or how to take it as a prescription', () => {
    check([
      [
        'The patient was given pain medications of Tylenol #3, quantity 30 to be taken as necessary.',
        [
          ['pain medications', 'DRUG'],
          ['Tylenol #3', 'DRUG'],
        ],
        { 'Tylenol #3': ['active', 'was given'] },
      ],
    ]);
  });

  it('reads a course weeks ago, spelled out, as a past one; a drug never taken as negated', () => {
    check([
      [
        'Two weeks ago he was diagnosed with otitis media and was treated with antibiotics.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['stopped', 'was treated with'] },
      ],
      [
        'She does not think that she has ever taken muscle relaxants.',
        [['muscle relaxants', 'DRUG']],
        { 'muscle relaxants': ['negated', 'not think that she has ever taken'] },
      ],
    ]);
  });
});

describe('a fourth set of MTSamples sentences (the thirteenth probe)', () => {
  it('reads a reaction after drugs given as an allergy to each of them', () => {
    check([
      [
        'She was given Paxil and Tramadol and subsequently developed an unfortunate side effect of grand mal seizure.',
        [
          ['Paxil', 'DRUG'],
          ['Tramadol', 'DRUG'],
        ],
        {
          Paxil: ['allergy', 'and subsequently developed an unfortunate side effect'],
          Tramadol: ['allergy', 'and subsequently developed an unfortunate side effect'],
        },
      ],
      [
        'Codeine caused her to be excitable.',
        [['Codeine', 'DRUG']],
        { Codeine: ['allergy', 'caused her to be excitable'] },
      ],
    ]);
  });

  it('reads a prescription to be provided as planned, a list item no longer used as stopped', () => {
    check([
      [
        'If he remains symptomatic, a prescription for Zantac 150 mg per day will be provided.',
        [
          ['Zantac', 'DRUG'],
          ['150 mg', 'STRENGTH'],
          ['per day', 'FREQUENCY'],
        ],
        { Zantac: ['planned', 'will be provided'] },
      ],
      [
        'Chondroitin/glucosamine - no longer using.',
        [['Chondroitin', 'DRUG']],
        { Chondroitin: ['stopped', 'no longer using'] },
      ],
      [
        'The patient will not restart methotrexate for now.',
        [['methotrexate', 'DRUG']],
        { methotrexate: ['held', 'will not restart'] },
      ],
    ]);
  });
});
