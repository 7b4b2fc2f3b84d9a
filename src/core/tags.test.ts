import { describe, expect, it } from 'vitest';
import { pretokenize } from './pretokenize.ts';
import { checkTagSet, decodeTags, parseTag, toTuples } from './tags.ts';

/** Decodes `tags` (one per pre-token of `text`) into `[text, label]` pairs. */
function spans(text: string, tags: string[], scores?: number[]) {
  return decodeTags(text, pretokenize(text), tags, scores).map((e) => [e.text, e.label]);
}

describe('parseTag', () => {
  it('reads BIO, BILUO/BIOES, plain labels, any case and separator', () => {
    expect(parseTag('O')).toEqual({ role: 'O' });
    expect(parseTag('')).toEqual({ role: 'O' });
    expect(parseTag('B-DRUG')).toEqual({ role: 'B', label: 'DRUG' });
    expect(parseTag('i_drug')).toEqual({ role: 'I', label: 'DRUG' });
    expect(parseTag('E-ROUTE')).toEqual({ role: 'L', label: 'ROUTE' });
    expect(parseTag('L-ROUTE')).toEqual({ role: 'L', label: 'ROUTE' });
    expect(parseTag('S-FORM')).toEqual({ role: 'U', label: 'FORM' });
    expect(parseTag('U-FORM')).toEqual({ role: 'U', label: 'FORM' });
    expect(parseTag('Dosage')).toEqual({ role: 'I', label: 'DOSAGE' });
  });
});

describe('checkTagSet', () => {
  it('lists foreign labels and the Med7 labels found', () => {
    expect(
      checkTagSet(['O', 'B-DRUG', 'I-DRUG', 'B-DISEASE', 'I-DISEASE', 'TEST', 'B-DISEASE']),
    ).toEqual({
      unknown: ['B-DISEASE', 'I-DISEASE', 'TEST'],
      labels: ['DRUG'],
    });
    expect(checkTagSet(['O', 'U-DURATION', 'DRUG', 's-route']).labels).toEqual([
      'DRUG',
      'ROUTE',
      'DURATION',
    ]);
  });
});

describe('decodeTags', () => {
  const text = 'Lasix 40 mg IV b.i.d. for the next 5 days.';
  // Lasix 40 mg IV b . i . d . for the next 5 days .
  const bio = [
    'B-DRUG',
    'B-STRENGTH',
    'I-STRENGTH',
    'B-ROUTE',
    'B-FREQUENCY',
    'I-FREQUENCY',
    'I-FREQUENCY',
    'I-FREQUENCY',
    'I-FREQUENCY',
    'I-FREQUENCY',
    'B-DURATION',
    'I-DURATION',
    'I-DURATION',
    'I-DURATION',
    'I-DURATION',
    'O',
  ];

  it('decodes well-formed BIO with exact offsets, inner spaces included', () => {
    const entities = decodeTags(text, pretokenize(text), bio);
    expect(toTuples(entities)).toEqual([
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [12, 14, 'ROUTE'],
      [15, 21, 'FREQUENCY'],
      [22, 41, 'DURATION'],
    ]);
    expect(entities.map((e) => e.text)).toEqual([
      'Lasix',
      '40 mg',
      'IV',
      'b.i.d.',
      'for the next 5 days',
    ]);
  });

  it('decodes BILUO and plain IO the same way', () => {
    const biluo = bio.map((tag, i) => {
      if (tag === 'O') return tag;
      const next = bio[i + 1] ?? 'O';
      const continues = next.startsWith('I-');
      const [p, label] = tag.split('-') as [string, string];
      if (p === 'B') return continues ? tag : `U-${label}`;
      return continues ? tag : `L-${label}`;
    });
    expect(spans(text, biluo)).toEqual(spans(text, bio));
    // Plain IO cannot separate two adjacent entities of one label, otherwise it is the same.
    const io = bio.map((tag) => (tag === 'O' ? tag : tag.slice(2)));
    expect(spans(text, io)).toEqual(spans(text, bio));
  });

  it('tolerates ill-formed sequences', () => {
    const t = 'a b c d e';
    // I- without B- starts an entity.
    expect(spans(t, ['O', 'I-DRUG', 'I-DRUG', 'O', 'O'])).toEqual([['b c', 'DRUG']]);
    // A label change ends one and starts another, even on I-.
    expect(spans(t, ['B-DRUG', 'I-DRUG', 'I-FORM', 'I-FORM', 'O'])).toEqual([
      ['a b', 'DRUG'],
      ['c d', 'FORM'],
    ]);
    // B- starts a new entity unless it directly follows its own label on the same line.
    expect(spans(t, ['B-DRUG', 'B-DRUG', 'I-DRUG', 'O', 'B-DRUG'])).toEqual([
      ['a b c', 'DRUG'],
      ['e', 'DRUG'],
    ]);
    expect(spans('a\nb\r\nc\u2028d e', ['B-DRUG', 'B-DRUG', 'B-DRUG', 'B-DRUG', 'B-DRUG'])).toEqual(
      [
        ['a', 'DRUG'],
        ['b', 'DRUG'],
        ['c', 'DRUG'],
        ['d e', 'DRUG'],
      ],
    );
    expect(spans(t, ['U-DRUG', 'B-DRUG', 'L-DRUG', 'B-DRUG', 'O'])).toEqual([
      ['a', 'DRUG'],
      ['b c', 'DRUG'],
      ['d', 'DRUG'],
    ]);
    // L-/E- ends, U-/S- stands alone, a stray L- is a one-token entity.
    expect(spans(t, ['B-ROUTE', 'E-ROUTE', 'I-ROUTE', 'S-ROUTE', 'L-ROUTE'])).toEqual([
      ['a b', 'ROUTE'],
      ['c', 'ROUTE'],
      ['d', 'ROUTE'],
      ['e', 'ROUTE'],
    ]);
    // Unknown labels act as O.
    expect(spans(t, ['B-DRUG', 'I-DISEASE', 'I-DRUG', 'X', 'O'])).toEqual([
      ['a', 'DRUG'],
      ['c', 'DRUG'],
    ]);
  });

  it('averages scores over an entity', () => {
    const [entity] = decodeTags('a b', pretokenize('a b'), ['B-DRUG', 'I-DRUG'], [0.5, 1]);
    expect(entity?.score).toBeCloseTo(0.75);
  });

  it('returns nothing for no tokens and refuses mismatched lengths', () => {
    expect(decodeTags('', [], [])).toEqual([]);
    expect(() => decodeTags('a b', pretokenize('a b'), ['O'])).toThrow(RangeError);
  });
});
