/**
 * The status step on decisions about a drug told in a note's plan or hospital course: a drug not
 * recommended, not discharged on, decided against, not a good candidate for, not required
 * (`negated`); withheld, or not to take the morning of surgery (`held`). Found by a battery of
 * everyday phrasings; each case asserts the cue's exact span. A drug on hand but not needed lately
 * (`has not needed his rescue inhaler`) stays taken.
 */
import { describe, expect, it } from 'vitest';
import { of } from '../../test/statuses.ts';

describe('decisions not to give a drug, and pauses', () => {
  it.each<[text: string, drug: string, status: string, cue: string | null]>([
    ['Statins were not recommended.', 'Statins', 'negated', 'were not recommended'],
    [
      'He was not discharged on aspirin because of his bleed.',
      'aspirin',
      'negated',
      'was not discharged on',
    ],
    ['We decided against starting Humira.', 'Humira', 'negated', 'decided against starting'],
    [
      'He was not a good candidate for Coumadin due to falls.',
      'Coumadin',
      'negated',
      'not a good candidate for',
    ],
    ['She has not required any insulin.', 'insulin', 'negated', 'has not required any'],
    ['Antibiotics were withheld pending cultures.', 'Antibiotics', 'held', 'withheld'],
    [
      'She was told not to take her metformin the morning of surgery.',
      'metformin',
      'held',
      'not to take',
    ],
    [
      'He has not needed his rescue inhaler since the last visit.',
      'rescue inhaler',
      'active',
      null,
    ],
  ])('%s → %s %s', (text, drug, status, cue) => {
    const start = cue === null ? -1 : text.indexOf(cue);
    expect(of(text, drug)).toEqual({
      status,
      cue: cue === null ? null : { start, end: start + cue.length, text: cue },
    });
  });
});
