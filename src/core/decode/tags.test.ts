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

  it('drops a DRUG that is one word never naming a drug, a table’s status column too', () => {
    const row = 'Metformin 500 mg BID Active';
    const tags = ['B-DRUG', 'B-STRENGTH', 'I-STRENGTH', 'B-FREQUENCY', 'B-DRUG'];
    expect(toTuples(decodeTags(row, pretokenize(row), tags))).toEqual([
      [0, 9, 'DRUG'],
      [10, 16, 'STRENGTH'],
      [17, 20, 'FREQUENCY'],
    ]);
  });

  it('reads a British sig’s frequency the model took for a DRUG as a FREQUENCY; drops weekdays', () => {
    const sig = 'Ramipril 5 mg BD\nWarfarin 5 mg Mon/Wed/Fri';
    const tags = ['B-DRUG', 'B-STRENGTH', 'I-STRENGTH', 'B-DRUG'];
    tags.push(
      'B-DRUG',
      'B-STRENGTH',
      'I-STRENGTH',
      'B-DRUG',
      'I-DRUG',
      'I-DRUG',
      'I-DRUG',
      'I-DRUG',
    );
    expect(toTuples(decodeTags(sig, pretokenize(sig), tags))).toEqual([
      [0, 8, 'DRUG'],
      [9, 13, 'STRENGTH'],
      [14, 16, 'FREQUENCY'],
      [17, 25, 'DRUG'],
      [26, 30, 'STRENGTH'],
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
    // (`v`, not `a`: no entity ends with the article `a`, span-grammar.ts)
    const t = 'v b c d e';
    // I- without B- starts an entity.
    expect(spans(t, ['O', 'I-DRUG', 'I-DRUG', 'O', 'O'])).toEqual([['b c', 'DRUG']]);
    // A label change ends one and starts another, even on I-.
    expect(spans(t, ['B-DRUG', 'I-DRUG', 'I-FORM', 'I-FORM', 'O'])).toEqual([
      ['v b', 'DRUG'],
      ['c d', 'FORM'],
    ]);
    // B- starts a new entity unless it directly follows its own label on the same line.
    expect(spans(t, ['B-DRUG', 'B-DRUG', 'I-DRUG', 'O', 'B-DRUG'])).toEqual([
      ['v b c', 'DRUG'],
      ['e', 'DRUG'],
    ]);
    expect(spans('v\nb\r\nc\u2028d e', ['B-DRUG', 'B-DRUG', 'B-DRUG', 'B-DRUG', 'B-DRUG'])).toEqual(
      [
        ['v', 'DRUG'],
        ['b', 'DRUG'],
        ['c', 'DRUG'],
        ['d e', 'DRUG'],
      ],
    );
    expect(spans(t, ['U-DRUG', 'B-DRUG', 'L-DRUG', 'B-DRUG', 'O'])).toEqual([
      ['v', 'DRUG'],
      ['b c', 'DRUG'],
      ['d', 'DRUG'],
    ]);
    // L-/E- ends, U-/S- stands alone, a stray L- is a one-token entity.
    expect(spans(t, ['B-ROUTE', 'E-ROUTE', 'I-ROUTE', 'S-ROUTE', 'L-ROUTE'])).toEqual([
      ['v b', 'ROUTE'],
      ['c', 'ROUTE'],
      ['d', 'ROUTE'],
      ['e', 'ROUTE'],
    ]);
    // Unknown labels act as O.
    expect(spans(t, ['B-DRUG', 'I-DISEASE', 'I-DRUG', 'X', 'O'])).toEqual([
      ['v', 'DRUG'],
      ['c', 'DRUG'],
    ]);
  });

  it('trims symbols without a letter or digit ([UNK] to the model) off entity edges', () => {
    // The tags the shipped model gave these texts before the decoder trimmed them.
    const list = '• Lasix 40 mg daily\n• Celexa 20 mg at bedtime';
    const listTags =
      'B-DRUG I-DRUG B-STRENGTH I-STRENGTH B-FREQUENCY B-DRUG I-DRUG B-STRENGTH I-STRENGTH B-FREQUENCY I-FREQUENCY';
    expect(spans(list, listTags.split(' '))).toEqual([
      ['Lasix', 'DRUG'],
      ['40 mg', 'STRENGTH'],
      ['daily', 'FREQUENCY'],
      ['Celexa', 'DRUG'],
      ['20 mg', 'STRENGTH'],
      ['at bedtime', 'FREQUENCY'],
    ]);
    expect(
      spans('Plan: ✔ Aspirin 81 mg', 'O O B-DRUG I-DRUG B-STRENGTH I-STRENGTH'.split(' ')),
    ).toEqual([
      ['Aspirin', 'DRUG'],
      ['81 mg', 'STRENGTH'],
    ]);
    expect(spans('Take → Lasix', ['O', 'B-DRUG', 'I-DRUG'])).toEqual([['Lasix', 'DRUG']]);
    expect(spans('Tylenol ⚕ 500 mg', ['B-DRUG', 'I-DRUG', 'B-STRENGTH', 'I-STRENGTH'])).toEqual([
      ['Tylenol', 'DRUG'],
      ['500 mg', 'STRENGTH'],
    ]);
    // Symbols inside an entity stay; symbols alone make no entity.
    expect(spans('Lasix • Celexa', ['B-DRUG', 'I-DRUG', 'I-DRUG'])).toEqual([
      ['Lasix • Celexa', 'DRUG'],
    ]);
    expect(spans('• ✔ →', ['B-DRUG', 'I-DRUG', 'B-FORM'])).toEqual([]);
  });

  it('trims emoji whole, without splitting a surrogate pair or a ZWJ sequence', () => {
    const text = '💊💊 Lasix';
    expect(toTuples(decodeTags(text, pretokenize(text), ['B-DRUG', 'I-DRUG', 'I-DRUG']))).toEqual([
      [5, 10, 'DRUG'],
    ]);
    // 𝐀𝐁 (a letter run) 👨 ZWJ 👩 ZWJ 👧 Metformin, with tags that cut the family emoji into
    // `𝐀𝐁 👨` and `👧 Metformin`. A letter run stays, even one the model cannot read.
    const family = '𝐀𝐁 👨\u200d👩\u200d👧 Metformin';
    const tags = 'B-DRUG I-DRUG O O O B-DRUG I-DRUG'.split(' ');
    const entities = decodeTags(family, pretokenize(family), tags);
    expect(entities.map((e) => [e.text, e.label])).toEqual([
      ['𝐀𝐁', 'DRUG'],
      ['Metformin', 'DRUG'],
    ]);
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const e of entities) {
      expect(e.text).toBe(family.slice(e.start, e.end));
      expect(e.text).not.toMatch(loneSurrogate);
    }
  });

  it('keeps the edge symbols the annotations use, next to a letter or digit', () => {
    // Gold and annotated sets: 480 entities end in `.`, 237 in `%`, 1 in `+`, 1 begins with `#`.
    const text = 'K+ #2 0.25%, 1 % q.d.';
    const tags =
      'B-DRUG I-DRUG B-DOSAGE I-DOSAGE B-STRENGTH I-STRENGTH I-STRENGTH I-STRENGTH O B-STRENGTH I-STRENGTH B-FREQUENCY I-FREQUENCY I-FREQUENCY I-FREQUENCY';
    expect(spans(text, tags.split(' '))).toEqual([
      ['K+', 'DRUG'],
      ['#2', 'DOSAGE'],
      ['0.25%', 'STRENGTH'],
      ['1 %', 'STRENGTH'],
      ['q.d.', 'FREQUENCY'],
    ]);
    // Not at the other edge, and not away from a letter or digit.
    expect(spans('+Lasix# %q', ['B-DRUG', 'I-DRUG', 'I-DRUG', 'I-DRUG', 'O'])).toEqual([
      ['Lasix', 'DRUG'],
    ]);
    expect(spans('Lasix •. # 2', ['B-DRUG', 'I-DRUG', 'I-DRUG', 'B-DOSAGE', 'I-DOSAGE'])).toEqual([
      ['Lasix', 'DRUG'],
      ['# 2', 'DOSAGE'],
    ]);
  });

  it('keeps combining marks with the character they are written on', () => {
    // `1` + U+FE0F + U+20E3 is the keycap 1️⃣; `x` + U+0308 is a decomposed `ẍ`.
    const tags = 'B-DOSAGE I-DOSAGE I-DOSAGE B-DRUG I-DRUG I-DRUG'.split(' ');
    expect(spans('1\ufe0f\u20e3 Lasix\u0308 •', tags)).toEqual([
      ['1\ufe0f\u20e3', 'DOSAGE'],
      ['Lasix\u0308', 'DRUG'],
    ]);
    // A mark after a trimmed symbol or a space goes with it.
    expect(spans('Lasix •\u0301 \u0301', ['B-DRUG', 'I-DRUG', 'I-DRUG', 'I-DRUG'])).toEqual([
      ['Lasix', 'DRUG'],
    ]);
  });

  it('averages scores over the tokens an entity keeps', () => {
    const [entity] = decodeTags(
      '• Lasix ⚕',
      pretokenize('• Lasix ⚕'),
      ['B-DRUG', 'I-DRUG', 'I-DRUG'],
      [0.2, 0.9, 0.1],
    );
    expect(entity?.text).toBe('Lasix');
    expect(entity?.score).toBeCloseTo(0.9);
  });

  it('averages scores over an entity', () => {
    const [entity] = decodeTags('a b', pretokenize('a b'), ['B-DRUG', 'I-DRUG'], [0.5, 1]);
    expect(entity?.score).toBeCloseTo(0.75);
  });

  it('scores a span the rules widened over the tokens the model tagged into it', () => {
    const text = 'Keflex for 2 to 3 weeks';
    const entities = decodeTags(
      text,
      pretokenize(text),
      ['B-DRUG', 'B-DURATION', 'I-DURATION', 'I-DURATION', 'I-DURATION', 'O'],
      [1, 0.8, 0.6, 0.7, 0.9, 0.99],
    );
    expect(entities.map((e) => [e.start, e.end, e.label])).toEqual([
      [0, 6, 'DRUG'],
      [7, 23, 'DURATION'],
    ]);
    // the O of `weeks` (0.99) is not a DURATION score
    expect(entities[1]?.score).toBeCloseTo(0.75);
  });

  it('returns nothing for no tokens and refuses mismatched lengths', () => {
    expect(decodeTags('', [], [])).toEqual([]);
    expect(() => decodeTags('a b', pretokenize('a b'), ['O'])).toThrow(RangeError);
  });
});
