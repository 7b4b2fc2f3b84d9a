/**
 * The status step on a hospital course's drips, infusions and doses (a written probe,
 * gold/status-probes.jsonl `probe-p24-…`): drips weaned off, antibiotics broadened or narrowed, a
 * dose counted, doses required. Each case asserts the status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('drips, infusions and doses of a hospital course', () => {
  it('reads a drip weaned off, also in a clause about it, as stopped', () => {
    check([
      [
        'Pressors were weaned off.',
        [['Pressors', 'DRUG']],
        { Pressors: ['stopped', 'were weaned off'] },
      ],
      [
        'She was placed on a Levophed drip, which was weaned off on day 2.',
        [['Levophed', 'DRUG']],
        { Levophed: ['stopped', 'which was weaned off'] },
      ],
      [
        'He was weaned off Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['stopped', 'was weaned off'] },
      ],
    ]);
  });

  it('reads antibiotics broadened, narrowed or de-escalated as stopped, the new one as taken', () => {
    check([
      [
        'Vancomycin and Zosyn were broadened to meropenem.',
        [
          ['Vancomycin', 'DRUG'],
          ['Zosyn', 'DRUG'],
          ['meropenem', 'DRUG'],
        ],
        {
          Vancomycin: ['stopped', 'were broadened to'],
          Zosyn: ['stopped', 'were broadened to'],
          meropenem: ['active', null],
        },
      ],
      [
        'Cefepime was de-escalated to cefazolin.',
        [
          ['Cefepime', 'DRUG'],
          ['cefazolin', 'DRUG'],
        ],
        { Cefepime: ['stopped', 'was de-escalated to'], cefazolin: ['active', null] },
      ],
      [
        'Tylenol was changed to scheduled dosing.',
        [['Tylenol', 'DRUG']],
        { Tylenol: ['active', 'was changed to'] },
      ],
      [
        'IV Unasyn was changed to oral Augmentin.',
        [
          ['IV', 'ROUTE'],
          ['Unasyn', 'DRUG'],
          ['oral', 'ROUTE'],
          ['Augmentin', 'DRUG'],
        ],
        { Unasyn: ['stopped', 'was changed to'], Augmentin: ['active', null] },
      ],
    ]);
  });

  it('reads a counted or pushed parenteral dose and doses required as given', () => {
    check([
      [
        'Versed 2 mg IV push x1 for agitation.',
        [
          ['Versed', 'DRUG'],
          ['2 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['x1', 'FREQUENCY'],
        ],
        { Versed: ['given', 'x1'] },
      ],
      [
        'Diflucan 150 mg PO x1.',
        [
          ['Diflucan', 'DRUG'],
          ['150 mg', 'STRENGTH'],
          ['PO', 'ROUTE'],
          ['x1', 'FREQUENCY'],
        ],
        { Diflucan: ['active', null] },
      ],
      [
        'He required two doses of Ativan overnight.',
        [['Ativan', 'DRUG']],
        { Ativan: ['given', 'required two doses of'] },
      ],
      [
        'Epinephrine 1 mg was pushed twice.',
        [
          ['Epinephrine', 'DRUG'],
          ['1 mg', 'STRENGTH'],
        ],
        { Epinephrine: ['given', 'was pushed'] },
      ],
      [
        '60 mg of papaverine was then slowly infused into the internal carotid artery.',
        [
          ['60 mg', 'STRENGTH'],
          ['papaverine', 'DRUG'],
        ],
        { papaverine: ['given', 'was then slowly infused'] },
      ],
    ]);
  });

  it('reads a drug the patient was covered or an eye dilated with as given', () => {
    check([
      [
        'Blood cultures grew MRSA and she was covered with vancomycin.',
        [['vancomycin', 'DRUG']],
        { vancomycin: ['given', 'covered with'] },
      ],
      [
        'The eye was dilated with Mydriacyl and Neo-Synephrine drops.',
        [
          ['Mydriacyl', 'DRUG'],
          ['Neo-Synephrine', 'DRUG'],
          ['drops', 'FORM'],
        ],
        { Mydriacyl: ['given', 'dilated with'], 'Neo-Synephrine': ['given', 'dilated with'] },
      ],
    ]);
  });
});
