import { describe, expect, it } from 'vitest';
import { pretokenize } from './pretokenize.ts';
import { listMarkerTokens, segmentStarts } from './sentences.ts';

/** The text of each segment, from its first pre-token to the last one before the next segment. */
function segments(text: string): string[] {
  const tokens = pretokenize(text);
  const starts = segmentStarts(text, tokens);
  return starts.map((start, k) => {
    const end = (starts[k + 1] ?? tokens.length) - 1;
    return text.slice(tokens[start]!.start, tokens[end]!.end);
  });
}

function markers(text: string): string[] {
  const tokens = pretokenize(text);
  return listMarkerTokens(text, tokens).map((i) => tokens[i]!.text);
}

describe('segmentStarts', () => {
  it('splits sentences where the gold files do', () => {
    expect(segments('Lasix 40 mg daily. Celexa 20 mg at bedtime? 2 tablets! stop')).toEqual([
      'Lasix 40 mg daily.',
      'Celexa 20 mg at bedtime?',
      '2 tablets! stop',
    ]);
  });

  it('keeps dotted abbreviations, decimals and lower-case continuations together', () => {
    for (const text of [
      'Take 1 tab p.o. b.i.d. with food.',
      'Synthroid 0.1 mg daily.',
      'He takes it q.d. as needed.',
    ]) {
      expect(segments(text)).toEqual([text]);
    }
  });

  it('splits before an upper-case heading after a comma, as the gold split does', () => {
    expect(segments('No other complaints.,ALLERGIES: , Penicillin.,MEDICATIONS:, Lasix')).toEqual([
      'No other complaints.,',
      'ALLERGIES: , Penicillin.,',
      'MEDICATIONS:, Lasix',
    ]);
    expect(segments('Lasix, Celexa and PO: none')).toEqual(['Lasix, Celexa and PO: none']);
  });

  it('starts a segment at each line-initial list item, but not at other line breaks', () => {
    expect(segments('MEDICATIONS:\n1. Lasix 40 mg\n2) Celexa\n- Zocor\n  • Colace 100 mg')).toEqual(
      ['MEDICATIONS:', '1. Lasix 40 mg', '2) Celexa', '- Zocor', '• Colace 100 mg'],
    );
    expect(segments('He was given Lasix\n40 mg p.o. daily\nfor 5 days')).toEqual([
      'He was given Lasix\n40 mg p.o. daily\nfor 5 days',
    ]);
  });

  it('splits after the sentence ends of other scripts, with or without a space', () => {
    expect(segments('患者は Lasix を 1日2回 服用。阿司匹林 100 mg！痛み？ Tylenol')).toEqual([
      '患者は Lasix を 1日2回 服用。',
      '阿司匹林 100 mg！',
      '痛み？',
      'Tylenol',
    ]);
    expect(segments('Lasix 40 mg daily। Celexa 20 mg؟ Tylenol۔ aspirin')).toEqual([
      'Lasix 40 mg daily।',
      'Celexa 20 mg؟',
      'Tylenol۔',
      'aspirin',
    ]);
  });

  it('gives nothing for a text without pre-tokens and one segment for one word', () => {
    expect(segmentStarts(' \r\n', pretokenize(' \r\n'))).toEqual([]);
    expect(segmentStarts('Lasix', pretokenize('Lasix'))).toEqual([0]);
  });
});

describe('listMarkerTokens', () => {
  it('finds numbering and bullets at line starts, CRLF included', () => {
    expect(markers('1. Lasix\r\n(2) Celexa\r\n3) Zocor\r\n* Colace\n\t– Aspirin')).toEqual([
      '1',
      '.',
      '(',
      '2',
      ')',
      '3',
      ')',
      '*',
      '–',
    ]);
  });

  it('leaves numbers, hyphens and dots that are not list markers alone', () => {
    expect(markers('0.5 mg daily\n40 mg\n-2 units\n1.5 tablets\nx-ray 1. Lasix')).toEqual([]);
    expect(markers('Take 2. Then stop')).toEqual([]);
  });
});
