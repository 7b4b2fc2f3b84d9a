import { describe, expect, it } from 'vitest';
import cases from './decode.cases.json' with { type: 'json' };
import { chooseTags, wordGroups } from './choose-tags.ts';
import { pretokenize } from './pretokenize.ts';
import { decodeTags, toTuples } from './tags.ts';

/** Row-major probabilities from one sparse `{tag: p}` object per token. */
function dense(
  tags: readonly string[],
  rows: ReadonlyArray<Partial<Record<string, number>>>,
): Float32Array {
  const out = new Float32Array(rows.length * tags.length);
  rows.forEach((row, i) => {
    for (const [tag, p] of Object.entries(row)) out[i * tags.length + tags.indexOf(tag)] = p ?? 0;
  });
  return out;
}

function groupTexts(text: string): string[] {
  const tokens = pretokenize(text);
  return wordGroups(tokens).map(([a, b]) => text.slice(tokens[a]!.start, tokens[b - 1]!.end));
}

describe('wordGroups', () => {
  it('joins letter/digit runs written together, dots inside them and the final dot of a dotted abbreviation', () => {
    expect(groupTexts('Take q.d. 400mg/5ml D3 h.s., 0.5% q8h')).toEqual([
      'Take',
      'q.d.',
      '400mg',
      '/',
      '5ml',
      'D3',
      'h.s.',
      ',',
      '0.5',
      '%',
      'q8h',
    ]);
    // not an abbreviation: a long last piece, a decimal, a plain word, a spaced dot
    expect(groupTexts('q.daily. 0.5. daily. q.d .')).toEqual([
      'q.daily',
      '.',
      '0.5',
      '.',
      'daily',
      '.',
      'q.d',
      '.',
    ]);
    expect(groupTexts('b.i.d.. q.12h.')).toEqual(['b.i.d.', '.', 'q.12h.']);
    expect(groupTexts('a. b .c a .. b')).toEqual(['a', '.', 'b', '.', 'c', 'a', '.', '.', 'b']);
    expect(wordGroups([])).toEqual([]);
  });
});

describe('chooseTags + decodeTags (cases shared with training/med7_train/decode.py)', () => {
  for (const c of cases.cases) {
    it(c.name, () => {
      const tokens = pretokenize(c.text);
      expect(tokens).toHaveLength(c.probs.length);
      const { tags, scores } = chooseTags(tokens, cases.tags, dense(cases.tags, c.probs));
      expect(toTuples(decodeTags(c.text, tokens, tags, scores))).toEqual(c.entities);
      for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    });
  }
});

describe('chooseTags', () => {
  it('scores a word by the probability of its chosen label', () => {
    const text = 'q.d';
    const tags = ['O', 'B-FREQUENCY', 'I-FREQUENCY'];
    const rows = [
      { 'B-FREQUENCY': 0.6, 'I-FREQUENCY': 0.2, O: 0.2 },
      { 'I-FREQUENCY': 1 },
      { O: 1 },
    ];
    const chosen = chooseTags(pretokenize(text), tags, dense(tags, rows));
    expect(chosen.tags).toEqual(['B-FREQUENCY', 'I-FREQUENCY', 'I-FREQUENCY']);
    expect(chosen.scores[0]).toBeCloseTo(0.8);
    expect(chosen.scores[2]).toBe(0);
  });

  it('keeps words whole for BILUO and plain IO tag sets too', () => {
    const text = 'D3 x';
    const biluo = ['O', 'B-DRUG', 'I-DRUG', 'L-DRUG', 'U-DRUG', 'U-STRENGTH'];
    const rows = [{ 'U-DRUG': 0.9, O: 0.1 }, { 'U-STRENGTH': 0.6, 'L-DRUG': 0.4 }, { O: 1 }];
    const tokens = pretokenize(text);
    const chosen = chooseTags(tokens, biluo, dense(biluo, rows));
    expect(toTuples(decodeTags(text, tokens, chosen.tags))).toEqual([[0, 2, 'DRUG']]);
    const io = ['O', 'DRUG', 'STRENGTH'];
    const ioRows = [{ DRUG: 0.9, O: 0.1 }, { STRENGTH: 0.6, DRUG: 0.4 }, { O: 1 }];
    const ioTags = chooseTags(tokens, io, dense(io, ioRows)).tags;
    expect(toTuples(decodeTags(text, tokens, ioTags))).toEqual([[0, 2, 'DRUG']]);
  });

  it('treats NaN probabilities as 0 and foreign labels as outside', () => {
    const text = 'D3';
    const tags = ['O', 'B-DISEASE', 'B-DRUG'];
    const probabilities = new Float32Array([NaN, 0.9, 0.1, 0.2, 0.8, 0]);
    const chosen = chooseTags(pretokenize(text), tags, probabilities);
    // DISEASE counts as outside: O ≈ 0.9 × 1.0 beats DRUG 0.1 × 0.
    expect(chosen.tags).toEqual(['O', 'O']);
    expect(chosen.scores.every(Number.isFinite)).toBe(true);
  });

  it('refuses probabilities of the wrong length', () => {
    expect(() => chooseTags(pretokenize('a b'), ['O'], new Float32Array(1))).toThrow(RangeError);
  });
});
