/**
 * The status step on trials told in prose: a drug never tried (`has not tried`, `was never tried`:
 * `negated`, not a past trial), a past course that caused a side effect told after it (`but it
 * caused a cough`, `discontinued when he developed tuberculosis`: `allergy`), a state that worsened
 * on a drug or a finding blamed on it (`allergy`), a course that ran until a year (`stopped`), a
 * failed course's examples (`unresponsive to … modalities including`: `stopped`) and advice at a
 * sentence's head (`Try a non-prescription antifungal`: `planned`); a topical agent the writer
 * applied (`given`); a list entry's remark that it is stopped or held now (`which is currently
 * stopped`), a drug `on board` or that the patient `will be on` (`active`), one that `may have to
 * be restarted` or to `get started on` (`planned`), one the writer is `reluctant to recommend`
 * (`negated`); the drug a plan converts away from stays taken until then. Each case asserts the
 * cue's exact span; the look-alikes keep their status.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check, expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

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

describe("where a drug stands now: a list entry's remark, on board, a taper, to be restarted", () => {
  it.each<OneDrugCase>([
    ['Aspirin, currently stopped.', 'Aspirin', 'stopped', 'currently stopped'],
    ['Aspirin, which is stopped.', 'Aspirin', 'stopped', 'is stopped'],
    ['His Plavix is discontinued.', 'Plavix', 'stopped', 'is discontinued'],
    ['Lasix, currently on hold.', 'Lasix', 'held', 'currently on hold'],
    ['Lasix, temporarily held.', 'Lasix', 'held', 'temporarily held'],
    ['He has Lasix on board.', 'Lasix', 'active', 'on board'],
    [
      'I will start her home medications of Pulmicort twice daily.',
      'Pulmicort',
      'active',
      'start her home medications of',
    ],
    [
      "We will begin a weaning schedule for the patient's Avinza.",
      'Avinza',
      'active',
      "a weaning schedule for the patient's",
    ],
    [
      'It may be reasonable to consider weaning her Imuran.',
      'Imuran',
      'active',
      'consider weaning her',
    ],
    [
      'We will try to verify his pain medications with his pharmacy.',
      'pain medications',
      'active',
      null,
    ],
    ['We will try to use Inderal.', 'Inderal', 'planned', 'will try'],
    [
      'Plan to transition to p.o. Augmentin tomorrow.',
      'Augmentin',
      'planned',
      'Plan to transition to',
    ],
    [
      'We will also give him 10 mg of Zaroxolyn p.o. Discontinue all IV fluids.',
      'Zaroxolyn',
      'planned',
      'will also give',
    ],
    [
      'At discharge, the patient was given three additional days of Levaquin.',
      'Levaquin',
      'active',
      'was given',
    ],
    [
      'She is requesting to switch from Ortho-Tri-Cyclen to Seasonale.',
      'Seasonale',
      'planned',
      'is requesting to switch from Ortho-Tri-Cyclen to',
    ],
    [
      'She has a beta-blocker on board, so we discussed the risks and benefits.',
      'beta-blocker',
      'active',
      'on board',
    ],
    ['Prednisone may have to be restarted.', 'Prednisone', 'planned', 'may have to be restarted'],
    [
      'Postoperatively, the patient will be on Zithromax 500 mg daily, Lortab Elixir for pain.',
      'Lortab',
      'active',
      'will be on',
    ],
    [
      'She was advised to see her physician and get started on antihypertensives if it stays high.',
      'antihypertensives',
      'planned',
      'and get started on',
    ],
    [
      'In view of her age, I would be reluctant to recommend Coumadin.',
      'Coumadin',
      'negated',
      'be reluctant to recommend',
    ],
    [
      'We will convert the patient from IV amiodarone to oral amiodarone.',
      'amiodarone',
      'active',
      null,
    ],
  ])('%s → %s %s', (...row) => expectStatusOf(row));

  it("reaches back over the drug's own sig", () => {
    check([
      [
        'MEDICATIONS: Norvasc 10 mg daily, aspirin 500 mg three times a day, which is currently stopped, vitamin D.',
        [
          ['Norvasc', 'DRUG'],
          ['10 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['aspirin', 'DRUG'],
          ['500 mg', 'STRENGTH'],
          ['three times a day', 'FREQUENCY'],
          ['vitamin D', 'DRUG'],
        ],
        {
          Norvasc: ['active', 'MEDICATIONS:'],
          aspirin: ['stopped', 'is currently stopped'],
          'vitamin D': ['active', 'MEDICATIONS:'],
        },
      ],
    ]);
  });

  it('reads trials told as done and a heading of past medications', () => {
    check([
      [
        'Prior trials of Paxil and Zoloft. Previous meds: Celexa.',
        [
          ['Paxil', 'DRUG'],
          ['Zoloft', 'DRUG'],
          ['Celexa', 'DRUG'],
        ],
        {
          Paxil: ['stopped', 'Prior trials of'],
          Zoloft: ['stopped', 'Prior trials of'],
          Celexa: ['stopped', 'Previous meds:'],
        },
      ],
    ]);
  });

  it('reads a stop told after a relative clause without commas about the subject', () => {
    check([
      [
        'The Zyvox and Zosyn she received at the outside hospital were stopped on admission.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
        ],
        { Zyvox: ['stopped', 'were stopped'], Zosyn: ['stopped', 'were stopped'] },
      ],
      [
        'She said the Lasix she took this morning was effective.',
        [['Lasix', 'DRUG']],
        { Lasix: ['active', null] },
      ],
    ]);
  });
});
