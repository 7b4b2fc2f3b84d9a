/**
 * The status step on phrasings of clinic notes met in medExtractR's Vanderbilt notes and written
 * discharge summaries: an avoidance regimen, a course had before, a drug not needed, a sig until
 * discontinued, a cue in brackets, a singular stop after a new subject.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('phrasings of clinic notes', () => {
  it('reads an avoidance regimen, a course had before, and a drug not needed', () => {
    check([
      [
        'Status post thymoglobulin induction, now on steroid avoidance regimen.',
        [['steroid', 'DRUG']],
        { steroid: ['negated', 'avoidance'] },
      ],
      [
        'Heartburn taking Pepcid BID. Was on nexium before and did well.',
        [
          ['Pepcid', 'DRUG'],
          ['nexium', 'DRUG'],
        ],
        { Pepcid: ['active', 'taking'], nexium: ['stopped', 'before'] },
      ],
      [
        'He should contact us about the tubes; he will not necessarily need abx first.',
        [['abx', 'DRUG']],
        { abx: ['negated', 'will not necessarily need'] },
      ],
    ]);
  });

  it('leaves a sig until discontinued, a dose before a time and a before of a list alone', () => {
    check([
      [
        'cilostazol 100 mg twice daily until discontinued',
        [['cilostazol', 'DRUG']],
        { cilostazol: ['active', null] },
      ],
      [
        'Supplement with multivitamin and folate upon discharge and before.',
        [['folate', 'DRUG']],
        { folate: ['active', null] },
      ],
      [
        'Some patients received lamivudine before, during, or after the infusions.',
        [['lamivudine', 'DRUG']],
        { lamivudine: ['given', 'received'] },
      ],
    ]);
  });
  it('ends a cue in brackets at the bracket, and a singular stop at its own subject', () => {
    check([
      [
        'Prednisone 10 mg daily (start 01/07/08) - Zithromax Z-Pak 250 mg daily for five days',
        [
          ['Prednisone', 'DRUG'],
          ['Zithromax Z-Pak', 'DRUG'],
        ],
        { 'Zithromax Z-Pak': ['active', null] },
      ],
      [
        'She was transitioned to oral cefpodoxime and the ceftriaxone was discontinued.',
        [
          ['cefpodoxime', 'DRUG'],
          ['ceftriaxone', 'DRUG'],
        ],
        {
          cefpodoxime: ['active', 'transitioned to'],
          ceftriaxone: ['stopped', 'was discontinued'],
        },
      ],
      [
        'Maintained on FK/MMF/steroid avoidance.',
        [
          ['FK', 'DRUG'],
          ['MMF', 'DRUG'],
          ['steroid', 'DRUG'],
        ],
        { MMF: ['active', 'Maintained on'], steroid: ['negated', 'avoidance'] },
      ],
    ]);
  });
});
