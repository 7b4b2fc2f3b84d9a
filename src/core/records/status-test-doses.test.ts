/**
 * The status step on the encounter's doses told in a procedure or test report: a dose the writer
 * gave (`I have given the patient 600 mg of oral Plavix`), a stress test's agent (`during
 * dobutamine stress`), a drug after whose use a test was repeated (`After the use of
 * bronchodilator`), a rate `brought down with`, a code's `multiple rounds of`, a `PREPARATION:`
 * heading, a `MEDICATIONS AT THE TIME OF STUDY` or `PREOPERATIVE MEDICATIONS:` list, a bare
 * `MEDICATIONS:` among a procedure report's sections (not beside a history's), a drug started `in
 * the ED`, a dose whose effect the sentence tells (`After 1 amp of D50, his glucose improved`).
 * Found by reading MTSamples drugs that no cue decided and by batteries; each case asserts the
 * cue's exact span. A stress dose to come, a drug that keeps a disease controlled and one started
 * elsewhere stay taken.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check, expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('doses of a procedure or a test', () => {
  it.each<OneDrugCase>([
    [
      'CRYSTALLOIDS GIVEN: , 2700 cc.,INDICATIONS FOR THIS PROCEDURE: ,The patient is 53.',
      'CRYSTALLOIDS',
      'given',
      'CRYSTALLOIDS GIVEN:',
    ],
    [
      'She had IV Pitocin augmentation of labor and became completely dilated.',
      'Pitocin',
      'given',
      'augmentation',
    ],
    [
      'She required augmentation with Pitocin to achieve a good active phase.',
      'Pitocin',
      'given',
      'required',
    ],
    ['Normal response to Lexiscan.', 'Lexiscan', 'given', 'Normal response to'],
    ['IV FLUIDS:, A 700 mL of crystalloid.,EBL:, Minimum.', 'IV FLUIDS', 'given', 'IV FLUIDS:'],
    [
      '60 milligrams of papaverine infused leading to increased flow in the vessels.',
      'papaverine',
      'given',
      'infused',
    ],
    [
      'The patient did receive one gram of magnesium sulfate shortly after his arrival.',
      'magnesium sulfate',
      'given',
      'did receive',
    ],
    [
      'No ischemic ST segment changes were seen during dobutamine infusion.',
      'dobutamine',
      'given',
      'infusion',
    ],
    [
      'FLUID REPLACEMENT: 2700 cc crystalloid. URINE: 500 cc clear yellow urine.',
      'crystalloid',
      'given',
      'FLUID REPLACEMENT:',
    ],
    [
      'INJECTATE INCLUDED: Methyl Prednisolone (DepoMedrol): 20 mg, Ketorolac (Toradol): 6 mg.',
      'Ketorolac',
      'given',
      'INJECTATE INCLUDED:',
    ],
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
      'PREOPERATIVE MEDICATIONS:, ,1. Lortab (10 mg) plus Phenergan (25 mg), p.o. 1 hour before the procedure.',
      'Phenergan',
      'given',
      'PREOPERATIVE MEDICATIONS:',
    ],
    [
      'POSTOPERATIVE DIAGNOSIS: Two colon polyps.,MEDICATIONS: , Fentanyl 150 mcg and Versed 7 mg slow IV push.,INDICATIONS: , Adenomas.',
      'Versed',
      'given',
      'MEDICATIONS:',
    ],
    [
      'MEDICATIONS:,  Midazolam 2 mg IV, Fentanyl 100 mcg IV,PROCEDURE:,  A history was taken.',
      'Midazolam',
      'given',
      'MEDICATIONS:',
    ],
    [
      'PAST SURGICAL HISTORY: Knee surgery.,MEDICATIONS: , Mirapex, ibuprofen.,ALLERGIES: None.',
      'Mirapex',
      'active',
      'MEDICATIONS:',
    ],
    [
      'PROCEDURE: Colonoscopy.,MEDICATIONS: Lasix 40 mg daily.,ALLERGIES: None.',
      'Lasix',
      'active',
      'MEDICATIONS:',
    ],
    ['After 1 amp of D50, his glucose improved to 110.', 'D50', 'given', 'After'],
    ['Uterus firmed up well with IV Pitocin.', 'Pitocin', 'given', 'firmed up well with'],
    ['Following 1 mg of Dilaudid, her pain decreased to 4/10.', 'Dilaudid', 'given', 'Following'],
    [
      'She was much more comfortable after morphine.',
      'morphine',
      'given',
      'was much more comfortable after',
    ],
    [
      'After several days of heparin therapy, the platelet count decreased.',
      'heparin',
      'active',
      null,
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
    ['Continue heparin infusion.', 'heparin', 'active', 'Continue'],
    ['FLUID RESTRICTION: He should limit free water. Lasix 40 mg daily.', 'Lasix', 'active', null],
  ])('leaves %s → %s %s', (...row) => expectStatusOf(row));
});

describe('a short cue before a list', () => {
  it('reaches every drug of the list it opens, in its clause', () => {
    check([
      [
        'He is status post Rocephin and Cleocin.',
        [
          ['Rocephin', 'DRUG'],
          ['Cleocin', 'DRUG'],
        ],
        { Rocephin: ['given', 'status post'], Cleocin: ['given', 'status post'] },
      ],
      [
        // a drug after the next sentence (`. ,`, a line break in MTSamples), under a heading
        'Diet: No restriction. ,Medications: Lasix 40 mg daily, digoxin.',
        [
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['digoxin', 'DRUG'],
        ],
        { Lasix: ['active', 'Medications:'], digoxin: ['active', 'Medications:'] },
      ],
    ]);
  });
});
