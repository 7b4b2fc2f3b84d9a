/**
 * The status step on instructions, tapers and switches (a probe of ordinary plan and
 * hospital-course sentences, gold/status-probes.jsonl `probe-p11-…`). Each case asserts the status
 * and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, statusesOf } from '../../test/statuses.ts';

describe('instructions, tapers and switches', () => {
  it('reads an instruction to take or use a drug as active, a suggestion to try one as planned', () => {
    check([
      [
        'He was told to apply bacitracin twice a day to the wound.',
        [
          ['bacitracin', 'DRUG'],
          ['twice a day', 'FREQUENCY'],
        ],
        { bacitracin: ['active', 'told to apply'] },
      ],
      [
        'I have advised him to take Lasix 40 mg p.o. b.i.d.',
        [
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['p.o.', 'ROUTE'],
          ['b.i.d.', 'FREQUENCY'],
        ],
        { Lasix: ['active', 'advised him to take'] },
      ],
      [
        'I advised her to try melatonin for sleep.',
        [['melatonin', 'DRUG']],
        { melatonin: ['planned', 'advised her to try'] },
      ],
    ]);
  });

  it('reads a taper to come as a drug still taken, not a stop', () => {
    check([
      [
        'Plan is to taper off the oxycodone over the next month.',
        [['oxycodone', 'DRUG']],
        { oxycodone: ['active', 'Plan is to taper off the'] },
      ],
      [
        'She will continue Flomax and will wean off the Urecholine to two times daily.',
        [
          ['Flomax', 'DRUG'],
          ['Urecholine', 'DRUG'],
          ['two times daily', 'FREQUENCY'],
        ],
        { Urecholine: ['active', 'will wean off the'] },
      ],
    ]);
  });

  it('reads a course told in the past with its length, or up to an event, as stopped', () => {
    check([
      [
        'She was on Lexapro for several years.',
        [['Lexapro', 'DRUG']],
        { Lexapro: ['stopped', 'was on'] },
      ],
      [
        'She had been on hormone replacement therapy until her diagnosis.',
        [['hormone replacement therapy', 'DRUG']],
        { 'hormone replacement therapy': ['stopped', 'had been on'] },
      ],
    ]);
  });

  it('reads a drug switched away from by `which was transitioned to` as stopped', () => {
    check([
      [
        'The patient was placed on a heparin drip, which was transitioned to Lovenox at discharge.',
        [
          ['heparin', 'DRUG'],
          ['Lovenox', 'DRUG'],
        ],
        {
          heparin: ['stopped', 'which was transitioned to'],
          Lovenox: ['active', null],
        },
      ],
    ]);
    // A change of route is no switch away from the drug.
    const route = 'His pain medications were transitioned to p.o. medications rather than the PCA.';
    const statuses = statusesOf(route, [
      ['pain medications', 'DRUG'],
      ['p.o.', 'ROUTE'],
    ]);
    expect(statuses['pain medications']?.status).toBe('active');
  });
});
