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

describe('sentences drawn from MTSamples notes (the sixteenth probe)', () => {
  it('reads a course told as over in the present perfect as stopped, not one still taken', () => {
    check([
      [
        'In the past she has been on penicillin, azathioprine, and hydroxychloroquine, but she has not had Azulfidine.',
        [
          ['penicillin', 'DRUG'],
          ['azathioprine', 'DRUG'],
          ['hydroxychloroquine', 'DRUG'],
          ['Azulfidine', 'DRUG'],
        ],
        {
          penicillin: ['stopped', 'has been on'],
          hydroxychloroquine: ['stopped', 'has been on'],
          Azulfidine: ['negated', 'has not had'],
        },
      ],
      [
        'In the past, he has been diagnosed and treated for ADHD, combined type, and has been on Concerta 54 mg.',
        [
          ['Concerta', 'DRUG'],
          ['54 mg', 'STRENGTH'],
        ],
        { Concerta: ['active', 'has been on'] },
      ],
      [
        'He said that the last time he was here he got a steroid injection by Dr. Blackman.',
        [['steroid', 'DRUG']],
        { steroid: ['stopped', 'got a'] },
      ],
    ]);
  });

  it('reads a hold told of one drug of a list, and a restart to come, as held', () => {
    check([
      [
        'Nexium, Synthroid, hydrocortisone, and Angiomax, which is currently on hold.',
        [
          ['Nexium', 'DRUG'],
          ['Synthroid', 'DRUG'],
          ['hydrocortisone', 'DRUG'],
          ['Angiomax', 'DRUG'],
        ],
        {
          Nexium: ['active', null],
          hydrocortisone: ['active', null],
          Angiomax: ['held', 'which is currently on hold'],
        },
      ],
      [
        'He is to restart his Coumadin not before Sunday.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'is to restart'] },
      ],
    ]);
  });

  it('reads a drug put down as the cause, or stopped to the patient’s good, as an allergy', () => {
    check([
      [
        'This was presumed due to the corticosteroids.',
        [['corticosteroids', 'DRUG']],
        { corticosteroids: ['allergy', 'This was presumed due to'] },
      ],
      [
        'She dramatically improved with this discontinuation of her Prozac.',
        [['Prozac', 'DRUG']],
        { Prozac: ['allergy', 'She dramatically improved with this discontinuation of'] },
      ],
    ]);
  });

  it('reads a dose given without adverse effect, and saline in a lavage, as given', () => {
    check([
      [
        'The patient was given normal saline 2 liters over 1 hour without any adverse effect.',
        [
          ['normal saline', 'DRUG'],
          ['2 liters', 'DOSAGE'],
          ['over 1 hour', 'DURATION'],
        ],
        { 'normal saline': ['given', 'was given'] },
      ],
      [
        'The bronchoscope was readvanced and additional aliquots of normal saline lavage until cleared.',
        [['normal saline', 'DRUG']],
        { 'normal saline': ['given', 'bronchoscope'] },
      ],
    ]);
  });

  it('reads bleeding stopped by a drug as the drug given, a contrast study to come as planned', () => {
    check([
      [
        'Minimal hemorrhage occurred after the biopsy, which stopped after 1 cc of 1:1000 epinephrine.',
        [
          ['1 cc', 'DOSAGE'],
          ['1:1000', 'STRENGTH'],
          ['epinephrine', 'DRUG'],
        ],
        { epinephrine: ['given', 'which stopped after'] },
      ],
      [
        'We will evaluate with a CT scan of the brain with and without contrast.',
        [['contrast', 'DRUG']],
        { contrast: ['planned', 'will evaluate'] },
      ],
      [
        'We will obtain an MRI of the brain with gadolinium.',
        [['gadolinium', 'DRUG']],
        { gadolinium: ['planned', 'will obtain'] },
      ],
    ]);
  });

  it('reads a drug believed to have caused problems as an allergy, a course a year ago as over', () => {
    check([
      [
        'She believes the Allegra may have caused problems with balance to worsen.',
        [['Allegra', 'DRUG']],
        { Allegra: ['allergy', 'may have caused problems'] },
      ],
      [
        'Little over a year ago, the patient was found to have lumbar discitis and was treated with antibiotics.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['stopped', 'was treated with'] },
      ],
    ]);
  });

  it('reads a drug a plan would go on to as planned (`then we would do the Ritalin LA`)', () => {
    check([
      [
        'But if there are any problems, especially in the morning then we would do the Ritalin LA.',
        [['Ritalin', 'DRUG']],
        { Ritalin: ['planned', 'would do'] },
      ],
    ]);
  });
});
