/**
 * The status step on where a drug stands now, told in a plan or a list: a list entry's remark that
 * it is stopped or held now (`which is currently stopped`), a drug `on board` or that the patient
 * `will be on`, home medications started again, a taper or a wean of a drug taken (`active`); a
 * drug that `may have to be restarted`, to `get started on`, asked for, or led to by a route's dot
 * (`transition to p.o. Augmentin`: `planned`); one the writer is `reluctant to recommend`
 * (`negated`); doses given at discharge (`active`); a stop told after a relative clause without
 * commas. The drug a plan converts away from stays taken until then. Each case asserts the cue's
 * exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check, expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

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
    ['She is requesting antibiotics.', 'antibiotics', 'planned', 'is requesting'],
    ['2. Need for intravenous antibiotics.', 'antibiotics', 'planned', 'Need for intravenous'],
    [
      'Six months later, there was benefit without need for levodopa.',
      'levodopa',
      'negated',
      'without',
    ],
    [
      'She will return with plans for admission for next cycle of methotrexate.',
      'methotrexate',
      'planned',
      'next cycle of',
    ],
    [
      'There is no indication at this point for Xigris.',
      'Xigris',
      'negated',
      'no indication at this point for',
    ],
    [
      'Discussed with mother two options. Switch him to the Ritalin LA.',
      'Ritalin',
      'planned',
      'Switch him to the',
    ],
    [
      'I suspect a contact dermatitis and suggested hydrocortisone 1% cream.',
      'hydrocortisone',
      'planned',
      'and suggested',
    ],
    [
      'The findings suggest a reaction, and suggest that phenytoin be avoided.',
      'phenytoin',
      'active',
      null,
    ],
    [
      'I did encourage her to go back on the Mirapex.',
      'Mirapex',
      'planned',
      'did encourage her to go back on',
    ],
    ['Lower the Lasix to 20 mg daily.', 'Lasix', 'active', 'Lower the'],
    [
      'The right lower pulmonary artery filled, with a patent Glenn and negative contrast washout.',
      'contrast',
      'given',
      'contrast',
    ],
    ['We discussed Prolia versus Reclast for her osteoporosis.', 'Prolia', 'planned', 'discussed'],
    ['She is requesting refills of her Xanax.', 'Xanax', 'active', 'refills of'],
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
      'will convert the patient',
    ],
    [
      'I gave her a 2-week course of 750 mg a day of levofloxacin.',
      'levofloxacin',
      'active',
      'gave her a 2-week course of',
    ],
    ['We will wait until the patient is allowed to off her Coumadin.', 'Coumadin', 'active', null],
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

  it('reads a switch to come, in a sentence that also names the postoperative period', () => {
    check([
      [
        'We will switch her from IV Lasix to oral torsemide and check for an effusion in the postoperative period.',
        [
          ['Lasix', 'DRUG'],
          ['torsemide', 'DRUG'],
        ],
        { Lasix: ['active', 'will switch her'], torsemide: ['planned', 'from IV Lasix to'] },
      ],
      [
        'We can then switch him over from Lasix to torsemide.',
        [
          ['Lasix', 'DRUG'],
          ['torsemide', 'DRUG'],
        ],
        {
          Lasix: ['active', 'We can then switch him'],
          torsemide: ['planned', 'over from Lasix to'],
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
