/**
 * The status step on the phrasing of specialty clinics (a written probe, gold/status-probes.jsonl
 * `probe-p17-…`): trials that failed, a drug too sedating, chemotherapy cycles, an induction
 * planned, vaccines due, a refusal, an offer, a prescription for a case to come. Each case asserts
 * the status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('the phrasing of specialty clinics', () => {
  it('reads trials told as failed, a course too short or too sedating, as over', () => {
    check([
      [
        'Trials of Lyrica and Cymbalta were unsuccessful.',
        [
          ['Lyrica', 'DRUG'],
          ['Cymbalta', 'DRUG'],
        ],
        { Lyrica: ['stopped', 'were unsuccessful'], Cymbalta: ['stopped', 'were unsuccessful'] },
      ],
      [
        'He was on Seroquel briefly but it was too sedating.',
        [['Seroquel', 'DRUG']],
        { Seroquel: ['allergy', 'it was too sedating'] },
      ],
      ['He was on Seroquel briefly.', [['Seroquel', 'DRUG']], { Seroquel: ['stopped', 'was on'] }],
    ]);
  });

  it('reads a cycle under way as active, a procedure to come as planned', () => {
    check([
      [
        'He is currently on cycle 3 of FOLFOX.',
        [['FOLFOX', 'DRUG']],
        { FOLFOX: ['active', 'cycle 3 of'] },
      ],
      [
        'She presented for cycle seven of VP-16.',
        [['VP-16', 'DRUG']],
        { 'VP-16': ['given', 'cycle seven of'] },
      ],
      [
        'Plan induction with Pitocin tomorrow morning.',
        [['Pitocin', 'DRUG']],
        { Pitocin: ['planned', 'Plan'] },
      ],
    ]);
  });

  it('reads a vaccine due, an offer and a prescription for a case as planned', () => {
    check([
      [
        'Flu vaccine is due next month.',
        [['Flu vaccine', 'DRUG']],
        { 'Flu vaccine': ['planned', 'is due'] },
      ],
      [
        'Trigger point injections with lidocaine were offered.',
        [
          ['injections', 'FORM'],
          ['lidocaine', 'DRUG'],
        ],
        { lidocaine: ['planned', 'were offered'] },
      ],
      [
        'Will send a prescription for Paxlovid if her test is positive.',
        [['Paxlovid', 'DRUG']],
        { Paxlovid: ['planned', 'prescription for'] },
      ],
      [
        'I will send a prescription for Keflex.',
        [['Keflex', 'DRUG']],
        { Keflex: ['active', 'prescription for'] },
      ],
    ]);
  });

  it('reads a refusal by wish as negated, a dose done right after the drug as given', () => {
    check([
      [
        'She does not want to take opioids.',
        [['opioids', 'DRUG']],
        { opioids: ['negated', 'does not want to take'] },
      ],
      [
        'Trigger point injections with lidocaine were performed today.',
        [
          ['injections', 'FORM'],
          ['lidocaine', 'DRUG'],
        ],
        { lidocaine: ['given', 'were performed'] },
      ],
      ['IVIG was done x1.', [['IVIG', 'DRUG']], { IVIG: ['given', 'was done'] }],
      [
        'We will continue with the Ecotrin as swallowing evaluation was done.',
        [['Ecotrin', 'DRUG']],
        { Ecotrin: ['active', 'continue with'] },
      ],
    ]);
  });
});
