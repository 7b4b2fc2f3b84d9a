/**
 * The status step on trials and courses told in prose: a drug never tried (`has not tried`, `was
 * never tried`: `negated`, not a past trial); a past course that caused a side effect told after it
 * (`but it caused a cough`, `discontinued when he developed tuberculosis`, `intolerant of that`), a
 * state that worsened on a drug or a finding blamed on it (`allergy`); a course that ran until a
 * year or an event, prior trials, the history of a drug's use, a failed course's examples
 * (`stopped`); a trial that goes on, a drug screen's findings (`active`); a dose of the encounter
 * that failed, a topical agent the writer applied, a saline lavage (`given`); advice at a
 * sentence's head (`Try a non-prescription antifungal`: `planned`). Each case asserts the cue's
 * exact span; the look-alikes keep their status.
 */
import { describe, it } from 'vitest';
import { expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('trials made, never made, and what they did', () => {
  it.each<OneDrugCase>([
    ['She has not tried Tylenol.', 'Tylenol', 'negated', 'has not tried'],
    ["She hasn't yet tried Flonase.", 'Flonase', 'negated', "hasn't yet tried"],
    ['He did not try the Lyrica.', 'Lyrica', 'negated', 'did not try'],
    ['Tylenol was never tried.', 'Tylenol', 'negated', 'was never tried'],
    ['Gabapentin has not yet been tried.', 'Gabapentin', 'negated', 'has not yet been tried'],
    ['She has tried Tylenol.', 'Tylenol', 'stopped', 'has tried'],
    [
      'He was on lisinopril in the past but it caused a cough.',
      'lisinopril',
      'allergy',
      'but it caused a cough',
    ],
    [
      'He was on lisinopril but it caused him a cough.',
      'lisinopril',
      'allergy',
      'it caused him a cough',
    ],
    [
      'He tried losartan, but it gave him dizziness.',
      'losartan',
      'allergy',
      'it gave him dizziness',
    ],
    ['Statins cause her muscle aches.', 'Statins', 'allergy', 'cause her muscle aches'],
    [
      'She stopped metformin and it caused her blood sugar to rise.',
      'metformin',
      'stopped',
      'stopped',
    ],
    [
      'He had been on Humira, which was discontinued when he developed tuberculosis.',
      'Humira',
      'allergy',
      'when he developed tuberculosis',
    ],
    [
      'Lasix was stopped when she developed hypotension.',
      'Lasix',
      'allergy',
      'when she developed hypotension',
    ],
    [
      'Metformin was stopped when she developed renal failure.',
      'Metformin',
      'stopped',
      'was stopped',
    ],
    [
      'She thinks perhaps her mood got worse on the citalopram.',
      'citalopram',
      'allergy',
      'got worse on the',
    ],
    ['Her psoriasis worsened on lithium.', 'lithium', 'allergy', 'worsened on'],
    [
      'I could only blame Procrit initiation, as well as fluid retention, for her hypertension.',
      'Procrit',
      'allergy',
      'blame',
    ],
    [
      'He blamed his fatigue on the metoprolol.',
      'metoprolol',
      'allergy',
      'blamed his fatigue on the',
    ],
    ['She was on Plaquenil until 2019.', 'Plaquenil', 'stopped', 'until 2019'],
    ['He was on Zoloft until March of 2021.', 'Zoloft', 'stopped', 'until March of 2021'],
    ['She was on Plaquenil for her rash.', 'Plaquenil', 'active', 'was on'],
    [
      'She has been unresponsive to nonoperative treatment modalities including bed rest and analgesics.',
      'analgesics',
      'stopped',
      'unresponsive to nonoperative treatment modalities including',
    ],
    [
      'Try a non-prescription antifungal powder or cream available in drugstores.',
      'antifungal',
      'planned',
      'Try a',
    ],
    ['PLAN: Try Zyrtec daily.', 'Zyrtec', 'planned', 'Try'],
    ['He did try Zyrtec.', 'Zyrtec', 'stopped', 'did try'],
    [
      'The patient was transferred after being given doses of ampicillin.',
      'ampicillin',
      'given',
      'given',
    ],
    [
      'MEDICATIONS: , No medications other than recent amoxicillin.',
      'amoxicillin',
      'stopped',
      'other than recent',
    ],
    [
      'He has taken several Medrol dose packs, which has caused his blood sugars to increase.',
      'Medrol',
      'allergy',
      'which has caused his blood sugars to increase',
    ],
    ['She did have ampicillin for approximately 48 hours.', 'ampicillin', 'given', 'did have'],
    [
      'She stopped the hydrochlorothiazide because of frequent urination.',
      'hydrochlorothiazide',
      'allergy',
      'because of frequent urination',
    ],
    [
      'The headache did not respond to Fioricet in the ED.',
      'Fioricet',
      'given',
      'did not respond to',
    ],
    [
      'She was observed for two hours after the epinephrine.',
      'epinephrine',
      'given',
      'was observed for two hours after the',
    ],
    [
      'His pharmacy list also shows Plavix, which he says he no longer takes.',
      'Plavix',
      'stopped',
      'which he says he no longer takes',
    ],
    [
      'She was switched to Levemir because of hypoglycemia on Lantus.',
      'Lantus',
      'allergy',
      'because of hypoglycemia on',
    ],
    [
      'Patient states that she has not been taking her metformin for the last month.',
      'metformin',
      'stopped',
      'has not been taking',
    ],
    ['Lasix, which she has not been taking.', 'Lasix', 'stopped', 'which she has not been taking'],
    ['He took his last dose of Plavix 7 days ago.', 'Plavix', 'stopped', 'took his last dose of'],
    [
      'The patient improved remarkably over the night on IV steroids.',
      'steroids',
      'given',
      'improved remarkably over the night on',
    ],
    [
      'She tried Flonase nasal spray and has been taking it, without a dramatic improvement.',
      'Flonase',
      'active',
      'tried',
    ],
    [
      'In the emergency room, she had a strongly positive drug screen including methadone.',
      'methadone',
      'active',
      'drug screen including',
    ],
    [
      'Initially, she was treated with steroids but apparently was intolerant of that.',
      'steroids',
      'allergy',
      'was intolerant of that',
    ],
    [
      'The patient took one of his own nitroglycerin tablets without any relief.',
      'nitroglycerin',
      'given',
      'took one of his own',
    ],
    ['She took Tylenol without relief.', 'Tylenol', 'stopped', 'without relief'],
    [
      'She has tried taking Imitrex, without much relief.',
      'Imitrex',
      'stopped',
      'has tried taking',
    ],
    [
      "We were unable to discontinue the patient's inhaled steroids.",
      'steroids',
      'active',
      'were unable to discontinue',
    ],
    ['He received hand-held bronchodilator therapy.', 'bronchodilator', 'given', 'received'],
    ['The clot was lavaged with normal saline.', 'normal saline', 'given', 'was lavaged with'],
    ['The patient was administered TPA with no improvement.', 'TPA', 'given', 'was administered'],
    ['She was treated with Zoloft without benefit.', 'Zoloft', 'stopped', 'without benefit'],
    ['History of Accutane use.', 'Accutane', 'stopped', 'History of'],
    ['He denies any history of steroid use.', 'steroid', 'negated', 'denies any'],
    ['He has a history of chronic steroid use.', 'steroid', 'active', null],
    ['OK to restart Eliquis on Monday.', 'Eliquis', 'held', 'restart'],
    [
      'She has been using over-the-counter Tylenol without relief.',
      'Tylenol',
      'active',
      'has been using over-the-counter',
    ],
    [
      'Methotrexate was tried for several months with no benefit.',
      'Methotrexate',
      'stopped',
      'was tried for several months with no benefit',
    ],
    [
      'She was previously treated with Remicade and then Humira.',
      'Humira',
      'stopped',
      'previously treated with',
    ],
    [
      'He was originally treated with antibiotics as a possible tooth abscess.',
      'antibiotics',
      'stopped',
      'originally treated with',
    ],
    [
      'She was on birth control pills until she got pregnant.',
      'birth control pills',
      'stopped',
      'until she got',
    ],
    [
      'His warfarin was discontinued after the GI bleed.',
      'warfarin',
      'allergy',
      'after the GI bleed',
    ],
    ['Coumadin was discontinued after the procedure.', 'Coumadin', 'stopped', 'was discontinued'],
    [
      'She states that sulfa drugs make her break out.',
      'sulfa drugs',
      'allergy',
      'make her break out',
    ],
    ['Chemotherapy with FOLFOX is planned.', 'FOLFOX', 'planned', 'is planned'],
    [
      'He has been on intravenous heparin and hemodialysis is being planned.',
      'heparin',
      'active',
      'has been on',
    ],
    [
      'I gently lysed this today and applied antibiotic ointment.',
      'antibiotic',
      'given',
      'and applied',
    ],
    ['Apply Aristocort ointment twice daily.', 'Aristocort', 'active', null],
  ])('%s → %s %s', (...row) => expectStatusOf(row));
});
