/**
 * The status step on courses told in a hospital course or a medication list: antibiotics narrowed
 * or switched, courses that ran until a date, drugs the patient did poorly on or ran out of, a
 * reaction a drug brought on, and a medication list's remarks (`- not taking`, `(expired)`). Found
 * by batteries of everyday phrasings, not by a probe; each case asserts the status and the cue's
 * exact span, and where a phrasing could be read too widely, the case it must leave alone.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('courses and medication-list remarks', () => {
  it('reads a course switched away from as stopped, and the drug switched to as taken', () => {
    check([
      [
        'We replaced his hydrochlorothiazide with chlorthalidone.',
        [
          ['hydrochlorothiazide', 'DRUG'],
          ['chlorthalidone', 'DRUG'],
        ],
        {
          hydrochlorothiazide: ['stopped', 'replaced his'],
          chlorthalidone: ['active', null],
        },
      ],
      [
        'We replaced her potassium this morning.',
        [['potassium', 'DRUG']],
        { potassium: ['active', null] },
      ],
      [
        'He was started on vancomycin and Zosyn, then narrowed to ceftriaxone.',
        [
          ['vancomycin', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['ceftriaxone', 'DRUG'],
        ],
        {
          vancomycin: ['stopped', 'then narrowed to'],
          Zosyn: ['stopped', 'then narrowed to'],
          ceftriaxone: ['active', null],
        },
      ],
      [
        'Initially treated with vancomycin and Zosyn, narrowed to cefazolin.',
        [
          ['vancomycin', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['cefazolin', 'DRUG'],
        ],
        {
          vancomycin: ['stopped', 'narrowed to'],
          Zosyn: ['stopped', 'narrowed to'],
          cefazolin: ['active', null],
        },
      ],
      [
        'Zosyn was transitioned to oral Augmentin.',
        [
          ['Zosyn', 'DRUG'],
          ['oral', 'ROUTE'],
          ['Augmentin', 'DRUG'],
        ],
        { Zosyn: ['stopped', 'was transitioned to'], Augmentin: ['active', null] },
      ],
      [
        'The heparin drip was transitioned to Lovenox.',
        [
          ['heparin', 'DRUG'],
          ['Lovenox', 'DRUG'],
        ],
        { heparin: ['stopped', 'was transitioned to'], Lovenox: ['active', null] },
      ],
      [
        'Was on Zyvox, now on doxycycline.',
        [
          ['Zyvox', 'DRUG'],
          ['doxycycline', 'DRUG'],
        ],
        { Zyvox: ['stopped', 'now on'] },
      ],
      [
        'She was on aspirin and is now on Plavix.',
        [
          ['aspirin', 'DRUG'],
          ['Plavix', 'DRUG'],
        ],
        { aspirin: ['stopped', 'is now on'] },
      ],
      [
        'He was on prednisone at admission and now on a taper.',
        [['prednisone', 'DRUG']],
        { prednisone: ['active', 'was on'] },
      ],
      [
        'His pain medications were transitioned to p.o. medications rather than the PCA.',
        [['pain medications', 'DRUG']],
        { 'pain medications': ['active', 'were transitioned to'] },
      ],
    ]);
  });
  it('reads a course that ended as stopped, and one still under way as taken', () => {
    check([
      ['He was on Zyvox until 9/12.', [['Zyvox', 'DRUG']], { Zyvox: ['stopped', 'until 9/12'] }],
      [
        'Continue Keflex until 9/20.',
        [
          ['Keflex', 'DRUG'],
          ['9/20', 'STRENGTH'],
        ],
        { Keflex: ['active', 'Continue'] },
      ],
      ['Zyvox course complete.', [['Zyvox', 'DRUG']], { Zyvox: ['stopped', 'course complete'] }],
      [
        'After finishing Zyvox, the rash resolved.',
        [['Zyvox', 'DRUG']],
        { Zyvox: ['stopped', 'After finishing'] },
      ],
      [
        'She is finishing her course of Keflex.',
        [['Keflex', 'DRUG']],
        { Keflex: ['active', null] },
      ],
      [
        'Recent course of Levaquin.',
        [['Levaquin', 'DRUG']],
        { Levaquin: ['stopped', 'Recent course of'] },
      ],
      [
        'Status post 2 weeks of Zyvox.',
        [['Zyvox', 'DRUG']],
        { Zyvox: ['stopped', 'Status post 2 weeks of'] },
      ],
      [
        'She did not do well on Zoloft.',
        [['Zoloft', 'DRUG']],
        { Zoloft: ['stopped', 'did not do well on'] },
      ],
      [
        'She did poorly on lithium.',
        [['lithium', 'DRUG']],
        { lithium: ['stopped', 'did poorly on'] },
      ],
      [
        'She has been out of her Lasix for a week.',
        [
          ['Lasix', 'DRUG'],
          ['for a week', 'DURATION'],
        ],
        { Lasix: ['stopped', 'has been out of her'] },
      ],
      [
        'She had been out of her Tapazole for a while, now back on it.',
        [['Tapazole', 'DRUG']],
        { Tapazole: ['active', 'had been out of'] },
      ],
      [
        'He has had 2 doses of the MMR vaccine.',
        [['MMR vaccine', 'DRUG']],
        { 'MMR vaccine': ['given', 'has had 2 doses of the'] },
      ],
    ]);
  });
  it('reads a drug not taken, and a symptom denied on a drug taken', () => {
    check([
      [
        'He has not been on Coumadin for several years.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['negated', 'has not been on'] },
      ],
      [
        'No further need for Zosyn.',
        [['Zosyn', 'DRUG']],
        { Zosyn: ['negated', 'No further need for'] },
      ],
      ['Negative for chest pain on Lipitor.', [['Lipitor', 'DRUG']], { Lipitor: ['active', null] }],
      ['Denies side effects on Lipitor.', [['Lipitor', 'DRUG']], { Lipitor: ['active', null] }],
      ['Denies taking Lipitor.', [['Lipitor', 'DRUG']], { Lipitor: ['negated', 'Denies taking'] }],
    ]);
  });
  it('reads a reaction or an infection a drug brought on as an allergy', () => {
    check([
      [
        'Bactrim gave her Stevens-Johnson syndrome in 2015.',
        [['Bactrim', 'DRUG']],
        { Bactrim: ['allergy', 'gave her Stevens-Johnson syndrome'] },
      ],
      [
        'Vancomycin resulted in red man syndrome.',
        [['Vancomycin', 'DRUG']],
        { Vancomycin: ['allergy', 'resulted in red man syndrome'] },
      ],
      [
        'He became hypotensive after the nitroglycerin.',
        [['nitroglycerin', 'DRUG']],
        { nitroglycerin: ['allergy', 'became hypotensive after the'] },
      ],
      [
        'The wound was flushed with sterile saline.',
        [['saline', 'DRUG']],
        { saline: ['given', 'The wound'] },
      ],
      [
        'She had C. diff after clindamycin.',
        [['clindamycin', 'DRUG']],
        { clindamycin: ['allergy', 'had C. diff after'] },
      ],
      ['Aspirin sensitivity.', [['Aspirin', 'DRUG']], { Aspirin: ['allergy', 'sensitivity'] }],
      [
        'Culture and sensitivity pending; continue Keflex.',
        [['Keflex', 'DRUG']],
        { Keflex: ['active', 'continue'] },
      ],
      [
        'Allergy list reviewed: latex, iodine, shellfish, penicillin.',
        [['penicillin', 'DRUG']],
        { penicillin: ['allergy', 'Allergy list reviewed:'] },
      ],
      [
        'Cipro (allergy - hives).',
        [['Cipro', 'DRUG']],
        { Cipro: ['allergy', '(allergy - hives)'] },
      ],
      [
        'Zyrtec 10 mg daily (allergies).',
        [
          ['Zyrtec', 'DRUG'],
          ['10 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Zyrtec: ['active', null] },
      ],
    ]);
  });
  it("reads a medication list's remark after the entry, and an instruction heading over its sentence", () => {
    check([
      [
        'Lisinopril 10 mg daily - not taking.',
        [
          ['Lisinopril', 'DRUG'],
          ['10 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Lisinopril: ['negated', 'not taking'] },
      ],
      [
        'Gabapentin 300 mg tid: patient stopped taking.',
        [
          ['Gabapentin', 'DRUG'],
          ['300 mg', 'STRENGTH'],
          ['tid', 'FREQUENCY'],
        ],
        { Gabapentin: ['stopped', 'patient stopped taking'] },
      ],
      [
        'Tramadol (no longer needed).',
        [['Tramadol', 'DRUG']],
        { Tramadol: ['stopped', 'no longer needed'] },
      ],
      [
        'Meloxicam 15 mg daily (expired).',
        [
          ['Meloxicam', 'DRUG'],
          ['15 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Meloxicam: ['stopped', 'expired'] },
      ],
      [
        'Oxycodone - patient denies taking.',
        [['Oxycodone', 'DRUG']],
        { Oxycodone: ['negated', 'patient denies taking'] },
      ],
      [
        'Flexeril: does not take.',
        [['Flexeril', 'DRUG']],
        { Flexeril: ['negated', 'does not take'] },
      ],
      [
        'Med rec: pt no longer taking metoprolol.',
        [['metoprolol', 'DRUG']],
        { metoprolol: ['stopped', 'no longer taking'] },
      ],
      [
        'Discontinue: metformin, glipizide. Lasix 40 mg daily.',
        [
          ['metformin', 'DRUG'],
          ['glipizide', 'DRUG'],
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        {
          metformin: ['stopped', 'Discontinue:'],
          glipizide: ['stopped', 'Discontinue:'],
          Lasix: ['active', null],
        },
      ],
      [
        'HOLD: Coumadin. Continue aspirin.',
        [
          ['Coumadin', 'DRUG'],
          ['aspirin', 'DRUG'],
        ],
        { Coumadin: ['held', 'HOLD:'], aspirin: ['active', 'Continue'] },
      ],
    ]);
  });

  it('reads a dose adjusted or a bridge to another drug as taken', () => {
    check([
      [
        'Insulin was adjusted to a basal-bolus regimen.',
        [['Insulin', 'DRUG']],
        { Insulin: ['active', 'was adjusted'] },
      ],
      [
        'He was anticoagulated with heparin and bridged to Coumadin.',
        [
          ['heparin', 'DRUG'],
          ['Coumadin', 'DRUG'],
        ],
        { heparin: ['given', 'anticoagulated with'], Coumadin: ['active', 'bridged to'] },
      ],
    ]);
  });
});
