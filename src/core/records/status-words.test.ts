/**
 * The one table of a record's status words: a field's or a cell's value, a status alone on its
 * line and a heading that is such a word read alike.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';
import { STATUS_NAME, statusOfWord } from './status-words.ts';

describe('status words', () => {
  it('names a status for a whole word or phrase in any case, and none for a part', () => {
    expect(statusOfWord('On Hold')).toBe('held');
    expect(statusOfWord('NOT TAKING')).toBe('negated');
    expect(statusOfWord('weaned off')).toBe('stopped');
    expect(statusOfWord('Cancelled')).toBe('negated');
    expect(statusOfWord('Continue')).toBe('active');
    expect(statusOfWord('on hold until')).toBeUndefined();
    expect(statusOfWord('Activated')).toBeUndefined();
  });

  it('heads a sub-list in sentence case, title case or capitals', () => {
    const alone = new RegExp(`^${STATUS_NAME}$`);
    for (const form of [
      'Not taking',
      'Not Taking',
      'NOT TAKING',
      'Not-Taking',
      'On hold',
      'ACTIVE',
    ]) {
      expect(form).toMatch(alone);
    }
    expect('not taking').not.toMatch(alone);
  });

  it('reads the same word in a field, over a sub-list and as a heading', () => {
    const field = 'Medication: Warfarin 5 mg\nStatus: On hold';
    const sublist = 'Outpatient medications\nOn Hold\nWarfarin 5 mg daily';
    const heading = 'ON HOLD: Warfarin 5 mg daily.';
    check([
      [field, [['Warfarin', 'DRUG']], { Warfarin: ['held', 'On hold'] }],
      [sublist, [['Warfarin', 'DRUG']], { Warfarin: ['held', 'On Hold'] }],
      [heading, [['Warfarin', 'DRUG']], { Warfarin: ['held', 'ON HOLD:'] }],
    ]);
  });
});
