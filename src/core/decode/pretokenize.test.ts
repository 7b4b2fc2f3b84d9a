import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, isPreTokenSpace, pretokenize } from './pretokenize.ts';

/** `[text, start, end]` triples, the compact form for exact expectations. */
const triples = (text: string) => pretokenize(text).map((t) => [t.text, t.start, t.end]);
const texts = (text: string) => pretokenize(text).map((t) => t.text);

describe('pretokenize', () => {
  it('splits attached units and ratios', () => {
    expect(triples('400mg/5ml')).toEqual([
      ['400', 0, 3],
      ['mg', 3, 5],
      ['/', 5, 6],
      ['5', 6, 7],
      ['ml', 7, 9],
    ]);
  });

  it('splits dotted abbreviations into letters and dots', () => {
    expect(texts('b.i.d.')).toEqual(['b', '.', 'i', '.', 'd', '.']);
    expect(triples('q.4 h.')).toEqual([
      ['q', 0, 1],
      ['.', 1, 2],
      ['4', 2, 3],
      ['h', 4, 5],
      ['.', 5, 6],
    ]);
  });

  it('splits ranges, numbers, list markers and decimals', () => {
    expect(texts('1-2')).toEqual(['1', '-', '2']);
    expect(texts('Tylenol #3')).toEqual(['Tylenol', '#', '3']);
    expect(triples('daily.,2. Lasix')).toEqual([
      ['daily', 0, 5],
      ['.', 5, 6],
      [',', 6, 7],
      ['2', 7, 8],
      ['.', 8, 9],
      ['Lasix', 10, 15],
    ]);
    expect(texts('1.25/250 0.5%')).toEqual(['1', '.', '25', '/', '250', '0', '.', '5', '%']);
  });

  it('keeps exact offsets across CRLF, tabs and runs of spaces', () => {
    const text = 'Lasix\r\n\t40  mg\r\nPO';
    expect(triples(text)).toEqual([
      ['Lasix', 0, 5],
      ['40', 8, 10],
      ['mg', 12, 14],
      ['PO', 16, 18],
    ]);
  });

  it('keeps surrogate pairs together and counts UTF-16 units', () => {
    const text = '💊 aspirin 😀x';
    expect(triples(text)).toEqual([
      ['💊', 0, 2],
      ['aspirin', 3, 10],
      ['😀', 11, 13],
      ['x', 13, 14],
    ]);
    // A lone surrogate is one pre-token of one code unit.
    expect(triples('a\ud800b')).toEqual([
      ['a', 0, 1],
      ['\ud800', 1, 2],
      ['b', 2, 3],
    ]);
  });

  it('handles non-Latin scripts, and digits of any script are digits', () => {
    expect(texts('Аспирин 100мг')).toEqual(['Аспирин', '100', 'мг']);
    expect(texts('阿司匹林100毫克')).toEqual(['阿司匹林', '100', '毫克']);
    expect(texts('دواء ٣ مرات')).toEqual(['دواء', '٣', 'مرات']);
    expect(texts('x١٢y')).toEqual(['x', '١٢', 'y']);
  });

  it("follows Python's [^\\W\\d_]: Nl/No numerals join letters, marks and _ stand alone", () => {
    expect(texts('m²')).toEqual(['m²']);
    expect(texts('1½tab')).toEqual(['1', '½tab']);
    expect(texts('cafe\u0301')).toEqual(['cafe', '\u0301']);
    expect(texts('a_b')).toEqual(['a', '_', 'b']);
  });

  it("uses Python's whitespace: NEL and U+001C-1F split, BOM and ZWSP do not", () => {
    expect(texts('a\u0085b\u001cc\u00a0d\u3000e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(texts('\ufeffa\u200b b')).toEqual(['\ufeff', 'a', '\u200b', 'b']);
    expect(isPreTokenSpace('\u0085')).toBe(true);
    expect(isPreTokenSpace('\ufeff')).toBe(false);
  });

  it('keeps a soft hyphen or zero-width character inside a word, with exact offsets', () => {
    for (const invisible of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(triples(`Las${invisible}ix 4${invisible}0`)).toEqual([
        [`Las${invisible}ix`, 0, 6],
        [`4${invisible}0`, 7, 10],
      ]);
    }
    // at a word's edge, or between a letter and a digit, it stands alone
    expect(texts('\u00adLasix\u200b 40\u200bmg')).toEqual([
      '\u00ad',
      'Lasix',
      '\u200b',
      '40',
      '\u200b',
      'mg',
    ]);
  });

  it('cuts a letter run where its script changes', () => {
    expect(triples('患者はLasixを')).toEqual([
      ['患者は', 0, 3],
      ['Lasix', 3, 8],
      ['を', 8, 9],
    ]);
    expect(texts('المريضLasix תרופהCelexa Аспирин½ café µg μg')).toEqual([
      'المريض',
      'Lasix',
      'תרופה',
      'Celexa',
      'Аспирин½',
      'café',
      'µg',
      'μg',
    ]);
    expect(texts('𠀀Lasix')).toEqual(['𠀀', 'Lasix']);
  });

  it('gives nothing for empty or blank text', () => {
    expect(pretokenize('')).toEqual([]);
    expect(pretokenize(' \t\r\n\u2028 ')).toEqual([]);
  });

  it('any string: ordered, non-empty, non-overlapping tokens that round-trip and cover every non-space', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({
        unit: fc.constantFrom(...'ab1 .\t\r\n/-#,\u0301²\ud83d\ude00\ud800\u0085'),
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = pretokenize(text);
        let previousEnd = 0;
        const covered = new Array<boolean>(text.length).fill(false);
        for (const token of tokens) {
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(text.slice(token.start, token.end)).toBe(token.text);
          for (let i = token.start; i < token.end; i++) covered[i] = true;
          previousEnd = token.end;
        }
        // Every code unit outside a token is whitespace.
        for (let i = 0; i < text.length; i++) {
          if (!covered[i]) expect(isPreTokenSpace(text[i]!)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Lasix 40mg\r\n\tPO  ')).toBe(3);
  });
});
