import { describe, expect, it } from 'vitest';
import { snapToPreTokens } from './snap.ts';

/** The snapped span's text, for readable expectations. */
function snapped(text: string, start: number, end: number): [number, number, string] | undefined {
  const span = snapToPreTokens(text, start, end);
  return span && [span.start, span.end, text.slice(span.start, span.end)];
}

describe('snapToPreTokens', () => {
  it('widens part of a word to the whole word', () => {
    expect(snapped('Lasix 40 mg', 1, 3)).toEqual([0, 5, 'Lasix']);
    expect(snapped('Lasix 40 mg', 4, 7)).toEqual([0, 8, 'Lasix 40']);
  });

  it('drops the spaces around a selection', () => {
    expect(snapped('Lasix 40 mg', 5, 9)).toEqual([6, 8, '40']);
    expect(snapped('take  Lasix  daily', 4, 13)).toEqual([6, 11, 'Lasix']);
  });

  it('finds nothing in whitespace alone', () => {
    expect(snapToPreTokens('Lasix 40 mg', 5, 6)).toBeUndefined();
    expect(snapToPreTokens('Lasix\r\n40 mg', 5, 7)).toBeUndefined();
  });

  it('keeps a CRLF line break out of the span and counts it as two code units', () => {
    const text = 'Lasix\r\n40 mg';
    expect(snapped(text, 3, 8)).toEqual([0, 9, 'Lasix\r\n40']);
    expect(snapped(text, 6, 12)).toEqual([7, 12, '40 mg']);
  });

  it('never cuts an emoji (a surrogate pair) in half', () => {
    const text = 'Take 💊 Lasix';
    expect(text.slice(5, 7)).toBe('💊');
    expect(snapped(text, 6, 7)).toEqual([5, 7, '💊']);
    expect(snapped(text, 6, 9)).toEqual([5, 13, '💊 Lasix']);
    // offsets after the emoji stay UTF-16 indices
    expect(snapped(text, 9, 10)).toEqual([8, 13, 'Lasix']);
  });

  it('cuts at punctuation and digit/letter edges as the model does', () => {
    expect(snapped('40mg.', 2, 3)).toEqual([2, 4, 'mg']);
    expect(snapped('b.i.d.', 0, 6)).toEqual([0, 6, 'b.i.d.']);
    expect(snapped('b.i.d.', 1, 2)).toEqual([1, 2, '.']);
  });

  it('cuts a letter run where its script changes', () => {
    expect(snapped('患者はLasix', 4, 5)).toEqual([3, 8, 'Lasix']);
  });

  it('takes the pre-token an empty selection stands in, and accepts reversed or outside edges', () => {
    expect(snapped('Lasix 40 mg', 2, 2)).toEqual([0, 5, 'Lasix']);
    expect(snapped('Lasix 40 mg', 11, 6)).toEqual([6, 11, '40 mg']);
    expect(snapped('Lasix 40 mg', -3, 99)).toEqual([0, 11, 'Lasix 40 mg']);
  });
});
