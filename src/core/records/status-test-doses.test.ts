/**
 * The status step on the encounter's doses told in a procedure or test report: a dose the writer
 * gave (`I have given the patient 600 mg of oral Plavix`), a stress test's agent (`during
 * dobutamine stress`), a drug after whose use a test was repeated (`After the use of
 * bronchodilator`), a rate `brought down with`, a code's `multiple rounds of`, a `PREPARATION:`
 * heading, a `MEDICATIONS AT THE TIME OF STUDY` list, a drug started `in the ED`. Found by reading
 * MTSamples drugs that no cue decided and by batteries; each case asserts the cue's exact span. A
 * stress dose to come, a drug that keeps a disease controlled and one started elsewhere stay taken.
 */
import { describe, it } from 'vitest';
import { expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('doses of a procedure or a test', () => {
  it.each<OneDrugCase>([
    ['He was placed on a nitroglycerin drip in the ED.', 'nitroglycerin', 'given', 'in the ED'],
    [
      'He was started on heparin in the emergency room and admitted.',
      'heparin',
      'given',
      'in the emergency room',
    ],
    [
      'MEDICATIONS AT THE TIME OF STUDY,1. Vancomycin 1 g.,2. Versed 10 mg.,CLINICAL HISTORY: He has a cardiomyopathy.',
      'Versed',
      'given',
      'MEDICATIONS AT THE TIME OF STUDY,',
    ],
    [
      'STRESS TECHNIQUE: The patient was infused with dobutamine to a maximum heart rate of 142.',
      'dobutamine',
      'given',
      'was infused with',
    ],
    [
      'I have given the patient 600 mg of oral Plavix.',
      'Plavix',
      'given',
      'have given the patient',
    ],
    [
      'Basic rhythm of atrial fibrillation with no change during dobutamine stress, maximum heart rate of 142.',
      'dobutamine',
      'given',
      'stress',
    ],
    [
      'After the use of bronchodilator, there is some improvement with 10%.',
      'bronchodilator',
      'given',
      'After the use of',
    ],
    ['He needs steroid stress doses for surgery.', 'steroid', 'active', null],
    [
      'Her arthritis is controlled with the use of prednisone and methotrexate.',
      'prednisone',
      'active',
      null,
    ],
    ['She was brought down with Cardizem.', 'Cardizem', 'given', 'was brought down with'],
    [
      'The patient was administered D5W, Narcan, and multiple rounds of epinephrine and atropine.',
      'epinephrine',
      'given',
      'multiple rounds of',
    ],
    ['PREPARATION: Povidone-iodine.', 'Povidone-iodine', 'given', 'PREPARATION:'],
  ])('%s → %s %s', (...row) => expectStatusOf(row));

  it.each<OneDrugCase>([
    // started elsewhere than the emergency department
    ['He was started on heparin, and then seen in the ER.', 'heparin', 'active', 'started on'],
    ['He was started on Lasix at his last visit.', 'Lasix', 'active', 'started on'],
  ])('leaves %s → %s %s', (...row) => expectStatusOf(row));
});
