/**
 * The status step on courses that ended, as hospital courses and histories tell them: given for a
 * time and then stopped, a list `all of which were discontinued`, a relative clause between the
 * drugs and their stop, `these were discontinued` after a semicolon, a course `until the cultures
 * returned`, a course `initially` started and then changed, `despite two courses of`, `was recently
 * treated with`, a trial that failed (`was tried without improvement`), an end dated (`until 3 days
 * ago`), a course ended by harm (`due to liver toxicity`), a course the illness was `unresponsive
 * to`. Found by batteries of everyday phrasings; each case asserts the cue's exact span, and the
 * look-alikes keep theirs: a dose given until a procedure's goal, a dose `initially given`, a
 * relative clause with a time after it, a dose given elsewhere just before the transfer (`given`,
 * as the probes have it), a course recently started.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check, expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('courses that ended', () => {
  it('reads a course given and then stopped, or stopped by a clause about the list, as stopped', () => {
    check([
      [
        'Zyvox and Zosyn were given for 7 days and then stopped.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['for 7 days', 'DURATION'],
        ],
        {
          Zyvox: ['stopped', 'were given for 7 days and then stopped'],
          Zosyn: ['stopped', 'were given for 7 days and then stopped'],
        },
      ],
      [
        'She was treated with vancomycin, Zyvox, and Zosyn, all of which were discontinued once her cultures were negative.',
        [
          ['vancomycin', 'DRUG'],
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
        ],
        {
          vancomycin: ['stopped', 'all of which were discontinued'],
          Zyvox: ['stopped', 'all of which were discontinued'],
          Zosyn: ['stopped', 'all of which were discontinued'],
        },
      ],
      [
        'Zyvox and Zosyn, which she had been on for two weeks, were stopped.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['for two weeks', 'DURATION'],
        ],
        { Zyvox: ['stopped', 'were stopped'], Zosyn: ['stopped', 'were stopped'] },
      ],
      [
        'The patient was on Zyvox and Zosyn; these were discontinued on 3/3.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
        ],
        {
          Zyvox: ['stopped', 'these were discontinued'],
          Zosyn: ['stopped', 'these were discontinued'],
        },
      ],
      [
        'He received Zyvox and Zosyn until the cultures returned negative.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
        ],
        {
          Zyvox: ['stopped', 'until the cultures returned'],
          Zosyn: ['stopped', 'until the cultures returned'],
        },
      ],
      [
        'He was initially started on Zyvox and Zosyn, then changed to Cipro.',
        [
          ['Zyvox', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['Cipro', 'DRUG'],
        ],
        {
          Zyvox: ['stopped', 'started on'],
          Zosyn: ['stopped', 'then changed to'],
          Cipro: ['active', null],
        },
      ],
      [
        'Initially he was treated with Zyvox; when cultures returned, he was changed to cefazolin.',
        [
          ['Zyvox', 'DRUG'],
          ['cefazolin', 'DRUG'],
        ],
        { Zyvox: ['stopped', 'was treated with'], cefazolin: ['active', null] },
      ],
      [
        'Despite two courses of antibiotics, her cough persists.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['stopped', 'Despite two courses of'] },
      ],
      [
        'She was recently treated with antibiotics for a urinary tract infection.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['stopped', 'was recently treated with'] },
      ],
      [
        'On admission she was on Zosyn from the outside hospital, which we discontinued.',
        [['Zosyn', 'DRUG']],
        { Zosyn: ['stopped', 'which we discontinued'] },
      ],
    ]);
  });

  it('leaves doses of a procedure, doses given just before coming in and courses going on as they were', () => {
    check([
      [
        'Versed was given until appropriate sedation was obtained.',
        [['Versed', 'DRUG']],
        { Versed: ['given', 'was given'] },
      ],
      [
        'The wound was irrigated with saline until clear.',
        [['saline', 'DRUG']],
        { saline: ['given', 'was irrigated with'] },
      ],
      [
        'She was initially given 2 mg of morphine with relief.',
        [
          ['2 mg', 'DOSAGE'],
          ['morphine', 'DRUG'],
        ],
        { morphine: ['given', 'given'] },
      ],
      [
        'He is on Coumadin, which is currently subtherapeutic, multiple CVAs in the past.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', 'is on'] },
      ],
      [
        'The first patient was treated with an intravenous phosphorus infusion.',
        [['phosphorus', 'DRUG']],
        { phosphorus: ['given', 'was treated with'] },
      ],
      ['Pt s/p tPA at outside hospital.', [['tPA', 'DRUG']], { tPA: ['given', 's/p'] }],
      [
        'She was recently started on Lipitor.',
        [['Lipitor', 'DRUG']],
        { Lipitor: ['active', 'started on'] },
      ],
    ]);
  });

  it('reads a course the illness did not respond to, or cycles after status post, as stopped', () => {
    check([
      [
        'The Parkinsonism had been unresponsive to Sinemet.',
        [['Sinemet', 'DRUG']],
        { Sinemet: ['stopped', 'unresponsive to'] },
      ],
      [
        'Her cytopenias were refractory to treatment with prednisone and rituximab.',
        [
          ['prednisone', 'DRUG'],
          ['rituximab', 'DRUG'],
        ],
        {
          prednisone: ['stopped', 'refractory to treatment with'],
          rituximab: ['stopped', 'refractory to treatment with'],
        },
      ],
      [
        'She is status post hysterectomy and 6 cycles of carboplatin and Taxol chemotherapy.',
        [
          ['carboplatin', 'DRUG'],
          ['Taxol', 'DRUG'],
        ],
        { carboplatin: ['stopped', '6 cycles of'], Taxol: ['stopped', '6 cycles of'] },
      ],
      [
        'Plan: 6 cycles of carboplatin.',
        [['carboplatin', 'DRUG']],
        { carboplatin: ['active', null] },
      ],
      [
        'Tremor unresponsive to pharmacological treatment, who greatly benefited from low doses of topiramate.',
        [['topiramate', 'DRUG']],
        { topiramate: ['active', null] },
      ],
    ]);
  });

  it('reads a dose lowered then stopped, a drip turned off, a course not continued or completed as stopped', () => {
    check([
      [
        'Her Seroquel dose was decreased and eventually stopped.',
        [['Seroquel', 'DRUG']],
        { Seroquel: ['stopped', 'was decreased and eventually stopped'] },
      ],
      [
        'The diltiazem drip was turned off.',
        [
          ['diltiazem', 'DRUG'],
          ['drip', 'FORM'],
        ],
        { diltiazem: ['stopped', 'was turned off'] },
      ],
      [
        'Antibiotics were not continued at discharge.',
        [['Antibiotics', 'DRUG']],
        { Antibiotics: ['stopped', 'were not continued'] },
      ],
      [
        'MEDICATIONS: Prednisone taper, completed.',
        [['Prednisone', 'DRUG']],
        { Prednisone: ['stopped', 'taper, completed'] },
      ],
      [
        'MEDICATIONS: Lovenox injections, completed post-op.',
        [
          ['Lovenox', 'DRUG'],
          ['injections', 'FORM'],
        ],
        { Lovenox: ['stopped', ', completed'] },
      ],
      [
        'He was given amoxicillin for otitis media and completed the course.',
        [['amoxicillin', 'DRUG']],
        { amoxicillin: ['stopped', 'and completed the course'] },
      ],
      [
        'We will cross-taper from Zoloft to Wellbutrin.',
        [
          ['Zoloft', 'DRUG'],
          ['Wellbutrin', 'DRUG'],
        ],
        // Taken until the switch, as in `will switch from … to …`; the drug switched to is planned.
        { Zoloft: ['active', 'will cross-taper'], Wellbutrin: ['planned', 'from Zoloft to'] },
      ],
      [
        'She was initially begun on vancomycin. She was switched to IV Levaquin.',
        [
          ['vancomycin', 'DRUG'],
          ['IV', 'ROUTE'],
          ['Levaquin', 'DRUG'],
        ],
        { vancomycin: ['stopped', 'begun on'] },
      ],
      [
        'Her aspirin was never restarted.',
        [['aspirin', 'DRUG']],
        { aspirin: ['negated', 'was never restarted'] },
      ],
    ]);
  });
});

describe('trials that failed, dated ends and harm that ended a course', () => {
  it.each<OneDrugCase>([
    ['Flomax was tried without improvement.', 'Flomax', 'stopped', 'was tried without improvement'],
    ['Tylenol was tried without relief.', 'Tylenol', 'stopped', 'was tried without relief'],
    [
      'She had been taking ibuprofen for the pain until 3 days ago.',
      'ibuprofen',
      'stopped',
      'until 3 days ago',
    ],
    ['Her symptoms did not improve with Protonix.', 'Protonix', 'stopped', 'did not improve with'],
    ['Remote history of amiodarone use.', 'amiodarone', 'stopped', 'Remote history of'],
    [
      'He then changed antibiotic regiment to vancomycin and doripenem.',
      'antibiotic',
      'stopped',
      'changed',
    ],
    [
      'Methotrexate was discontinued due to liver toxicity.',
      'Methotrexate',
      'allergy',
      'due to liver toxicity',
    ],
    [
      'Lipitor was stopped because of elevated liver enzymes.',
      'Lipitor',
      'allergy',
      'because of elevated liver enzymes',
    ],
  ])('%s → %s %s', (...row) => expectStatusOf(row));

  it.each<OneDrugCase>([
    // a trial that helped, a cause the drug treats, a pause for harm, a remote history of a disease
    ['Tylenol was tried with good relief.', 'Tylenol', 'active', null],
    ['She was started on Neupogen due to neutropenia.', 'Neupogen', 'active', 'started on'],
    ['Coumadin was held due to thrombocytopenia.', 'Coumadin', 'held', 'held'],
    ['Her pain improved with morphine.', 'morphine', 'given', 'improved with'],
    ['Remote history of MI, on aspirin.', 'aspirin', 'active', 'on'],
    ['He then changed antibiotic regiment to vancomycin.', 'vancomycin', 'active', null],
  ])('leaves %s → %s %s', (...row) => expectStatusOf(row));
});
