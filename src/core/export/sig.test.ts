import { describe, expect, it } from 'vitest';
import { normalizeSig, parseDuration, parseFrequency, parseNumber, parseQuantity } from './sig.ts';

describe('parseFrequency', () => {
  it.each([
    ['b.i.d.', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['bid', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['twice a day', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['twice a daily', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['q.d.', { frequency: 1, period: 1, periodUnit: 'd' }],
    ['daily', { frequency: 1, period: 1, periodUnit: 'd' }],
    ['once a day', { frequency: 1, period: 1, periodUnit: 'd' }],
    ['one a day', { frequency: 1, period: 1, periodUnit: 'd' }],
    ['on a daily basis', { frequency: 1, period: 1, periodUnit: 'd' }],
    ['t.i.d.', { frequency: 3, period: 1, periodUnit: 'd' }],
    ['three times a day', { frequency: 3, period: 1, periodUnit: 'd' }],
    ['four times a day', { frequency: 4, period: 1, periodUnit: 'd' }],
    ['5 times daily', { frequency: 5, period: 1, periodUnit: 'd' }],
    ['q6h', { frequency: 1, period: 6, periodUnit: 'h' }],
    ['q 6 h', { frequency: 1, period: 6, periodUnit: 'h' }],
    ['q.12h.', { frequency: 1, period: 12, periodUnit: 'h' }],
    ['every 6 hours', { frequency: 1, period: 6, periodUnit: 'h' }],
    ['every two hours', { frequency: 1, period: 2, periodUnit: 'h' }],
    ['q.4-6h.', { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }],
    ['q3-4h', { frequency: 1, period: 3, periodMax: 4, periodUnit: 'h' }],
    ['every four to six hours', { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }],
    ['every other day', { frequency: 1, period: 2, periodUnit: 'd' }],
    ['weekly', { frequency: 1, period: 1, periodUnit: 'wk' }],
    ['at h.s.', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }],
    ['at bedtime', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }],
    ['nightly', { frequency: 1, period: 1, periodUnit: 'd', when: ['NIGHT'] }],
    ['in the morning', { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] }],
    ['in the evening', { frequency: 1, period: 1, periodUnit: 'd', when: ['EVE'] }],
  ])('%j', (text, repeat) => {
    expect(parseFrequency(text)).toEqual({ repeat, asNeeded: false });
  });

  it.each([
    ['p.r.n.', undefined],
    ['as needed', undefined],
    ['q3-4h. p.r.n.', { frequency: 1, period: 3, periodMax: 4, periodUnit: 'h' }],
    ['q.h.s. p.r.n.', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }],
    ['every 4 hours as needed', { frequency: 1, period: 4, periodUnit: 'h' }],
    ['at bedtime as needed', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }],
  ])('%j is as needed', (text, repeat) => {
    expect(parseFrequency(text)).toEqual({ ...(repeat && { repeat }), asNeeded: true });
  });

  it.each(['sometimes', 'occasionally', 'frequent', 'q 6', 'every 6', 'q4-2h', ''])(
    '%j gives no repeat',
    (text) => {
      expect(parseFrequency(text).repeat).toBeUndefined();
    },
  );

  it('returns a fresh `when` array each time', () => {
    const a = parseFrequency('at bedtime').repeat?.when;
    a?.push('MORN');
    expect(parseFrequency('at bedtime').repeat?.when).toEqual(['HS']);
  });
});

describe('parseDuration', () => {
  it.each([
    ['x 10 days', { value: 10, unit: 'd' }],
    ['x10d', { value: 10, unit: 'd' }],
    ['for the next 5 days', { value: 5, unit: 'd' }],
    ['for 2 weeks', { value: 2, unit: 'wk' }],
    ['for one month', { value: 1, unit: 'mo' }],
    ['for seven days', { value: 7, unit: 'd' }],
    ['for 7-10 days', { value: 7, high: 10, unit: 'd' }],
    ['over 3 seconds', { value: 3, unit: 's' }],
    ['for a week', { value: 1, unit: 'wk' }],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['a short course', 'for a while', 'for 10-7 days', 'for 0 days'])(
    '%j gives nothing',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('parseQuantity', () => {
  it.each([
    ['30ml', { value: 30, unit: 'mL', code: 'mL' }],
    ['0.5 cc', { value: 0.5, unit: 'mL', code: 'mL' }],
    ['1 liter', { value: 1, unit: 'L', code: 'L' }],
    ['40 mg', { value: 40, unit: 'mg', code: 'mg' }],
    ['one mg', { value: 1, unit: 'mg', code: 'mg' }],
    ['0.25-0.5 mg', { value: 0.25, high: 0.5, unit: 'mg', code: 'mg' }],
    ['40,000 units', { value: 40000, unit: 'unit' }],
    ['20 mEq', { value: 20, unit: 'mEq', code: 'meq' }],
    ['2 teaspoons', { value: 2, unit: 'teaspoon', code: '[tsp_us]' }],
    ['2 puffs', { value: 2, unit: 'puff' }],
    ['two', { value: 2 }],
    ['half', { value: 0.5 }],
    ['1/2', { value: 0.5 }],
    ['1-2', { value: 1, high: 2 }],
  ])('%j', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });

  it.each([
    '400mg/5ml',
    '5/325 mg',
    '37/25',
    '1.25/250',
    '0.25%',
    '1:1000',
    '10 bananas',
    '2-1 mg',
  ])('%j is no plain amount', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe('parseNumber and normalizeSig', () => {
  it('reads digits, words and small fractions', () => {
    expect([
      parseNumber('12'),
      parseNumber('.5'),
      parseNumber('eight'),
      parseNumber('3/4'),
    ]).toEqual([12, 0.5, 8, 0.75]);
    expect(parseNumber('many')).toBeUndefined();
  });

  it('drops abbreviation dots but keeps decimals', () => {
    expect(normalizeSig('Q.4-6H. P.R.N.')).toBe('q4-6h prn');
    expect(normalizeSig('q.h.s.')).toBe('qhs');
    expect(normalizeSig('every 1.5 hours')).toBe('every 1.5 hours');
  });
});
