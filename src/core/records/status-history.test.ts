/**
 * The status step on a problem-oriented plan, a nurse's and a clinic's messages, and a history told
 * in prose (written probes, gold/status-probes.jsonl `probe-p25-…` to `probe-p27-…`): a course told
 * at a time that is over, switches to come, doses charted as given. Each case asserts the status
 * and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('a history told in prose', () => {
  it('reads a course told at a past time as over, with the time as its cue', () => {
    check([
      [
        'Past conservative treatments include NSAID and muscle relaxant medications.',
        [
          ['NSAID', 'DRUG'],
          ['muscle relaxant medications', 'DRUG'],
        ],
        {
          NSAID: ['stopped', 'Past conservative treatments include'],
          'muscle relaxant medications': ['stopped', 'Past conservative treatments include'],
        },
      ],
      [
        'She was treated for H. pylori with amoxicillin, clarithromycin and omeprazole in 2019.',
        [
          ['amoxicillin', 'DRUG'],
          ['clarithromycin', 'DRUG'],
          ['omeprazole', 'DRUG'],
        ],
        {
          amoxicillin: ['stopped', 'in 2019'],
          clarithromycin: ['stopped', 'in 2019'],
          omeprazole: ['stopped', 'in 2019'],
        },
      ],
      [
        'Accutane as a teenager for acne.',
        [['Accutane', 'DRUG']],
        { Accutane: ['stopped', 'as a teenager'] },
      ],
      [
        'Her seizures were controlled with phenobarbital as an infant.',
        [['phenobarbital', 'DRUG']],
        { phenobarbital: ['stopped', 'were controlled with'] },
      ],
      [
        'Estrogen therapy from age 50 to 55.',
        [['Estrogen', 'DRUG']],
        { Estrogen: ['stopped', 'from age 50 to 55'] },
      ],
      [
        'Her last chemotherapy with carboplatin was in March.',
        [['carboplatin', 'DRUG']],
        { carboplatin: ['stopped', 'in March'] },
      ],
      [
        'Three months of terbinafine cleared the toenail fungus.',
        [['terbinafine', 'DRUG']],
        { terbinafine: ['stopped', 'Three months of'] },
      ],
      [
        'His only prior treatment was a week of Keflex from urgent care.',
        [['Keflex', 'DRUG']],
        { Keflex: ['stopped', 'prior treatment'] },
      ],
      [
        'Her TB was treated with nine months of isoniazid in her twenties.',
        [['isoniazid', 'DRUG']],
        { isoniazid: ['stopped', 'was treated with'] },
      ],
      [
        'She was on methadone maintenance for five years and is now on Suboxone.',
        [
          ['methadone', 'DRUG'],
          ['for five years', 'DURATION'],
          ['Suboxone', 'DRUG'],
        ],
        { methadone: ['stopped', 'was on'], Suboxone: ['active', 'is now on'] },
      ],
      [
        'Took ibuprofen regularly for years for back pain until her ulcer.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['stopped', 'Took'] },
      ],
      [
        'Her rheumatologist had her on hydroxychloroquine for several years before switching to methotrexate.',
        [
          ['hydroxychloroquine', 'DRUG'],
          ['methotrexate', 'DRUG'],
        ],
        {
          hydroxychloroquine: ['stopped', 'before switching to'],
          methotrexate: ['active', null],
        },
      ],
      [
        'Prior to arrival, she had taken two Tylenol at 6 am.',
        [
          ['two', 'DOSAGE'],
          ['Tylenol', 'DRUG'],
        ],
        { Tylenol: ['given', 'Prior to arrival, she had taken'] },
      ],
    ]);
  });

  it('keeps a course that goes on, or a time that is another drug’s, as active', () => {
    check([
      [
        'He has been on lisinopril since 2015.',
        [['lisinopril', 'DRUG']],
        { lisinopril: ['active', 'has been on'] },
      ],
      [
        'Diagnosed with diabetes in 2010, metformin was added last year.',
        [['metformin', 'DRUG']],
        { metformin: ['active', null] },
      ],
      [
        'Rash to amoxicillin as a child, tolerated cephalexin.',
        [
          ['amoxicillin', 'DRUG'],
          ['cephalexin', 'DRUG'],
        ],
        { amoxicillin: ['allergy', 'Rash to'], cephalexin: ['active', null] },
      ],
      [
        'In the past several months she has needed Advil and Tylenol PM.',
        [
          ['Advil', 'DRUG'],
          ['Tylenol PM', 'DRUG'],
        ],
        { Advil: ['active', null], 'Tylenol PM': ['active', null] },
      ],
      [
        'He gets Botox for migraines every three months, last in October.',
        [
          ['Botox', 'DRUG'],
          ['every three months', 'FREQUENCY'],
        ],
        { Botox: ['active', null] },
      ],
    ]);
  });

  it('reads a course the patient was on at one point as over, not a dose of the stay', () => {
    check([
      [
        'At one point he was on lithium.',
        [['lithium', 'DRUG']],
        { lithium: ['stopped', 'was on'] },
      ],
      [
        'She required Ativan and at one point scheduled the doses.',
        [['Ativan', 'DRUG']],
        { Ativan: ['given', 'required'] },
      ],
    ]);
  });

  it('reads a dose taken just before coming in as given, and a course no longer taken as over', () => {
    check([
      [
        'She took some Benadryl this morning.',
        [['Benadryl', 'DRUG']],
        { Benadryl: ['given', 'took'] },
      ],
      [
        'He took Advil for the pain without much improvement.',
        [['Advil', 'DRUG']],
        { Advil: ['stopped', 'without much improvement'] },
      ],
      [
        'He was previously maintained on Depakote.',
        [['Depakote', 'DRUG']],
        { Depakote: ['stopped', 'maintained on'] },
      ],
      [
        'He no longer uses his albuterol inhaler.',
        [
          ['albuterol', 'DRUG'],
          ['inhaler', 'FORM'],
        ],
        { albuterol: ['stopped', 'no longer uses his'] },
      ],
    ]);
  });
});
