import { describe, expect, it } from 'vitest';
import { WARM_THROUGH_CALLS, warmThroughSentence } from './warm-through.ts';

describe('warmThroughSentence', () => {
  const sentences = Array.from({ length: WARM_THROUGH_CALLS }, (_, i) => warmThroughSentence(i));

  it('gives a new text every call, so the sentence cache never answers one', () => {
    expect(new Set(sentences).size).toBe(WARM_THROUGH_CALLS);
  });

  it('fills every placeholder', () => {
    expect(sentences.filter((s) => s.includes('{'))).toEqual([]);
    expect(warmThroughSentence(0)).toBe('Lasix 10 mg daily.');
    expect(warmThroughSentence(9)).toBe('Metoprolol 11 mg p.o. b.i.d. for 3 days.');
  });

  it('spans short and long sentences', () => {
    const words = sentences.map((s) => s.split(' ').length);
    expect(Math.min(...words)).toBeLessThanOrEqual(4);
    expect(Math.max(...words)).toBeGreaterThanOrEqual(45);
  });
});
