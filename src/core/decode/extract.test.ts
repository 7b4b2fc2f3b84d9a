import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, softmaxInto, type ForwardBatch } from './extract.ts';
import { pretokenize } from './pretokenize.ts';

const TAGS = ['O', 'B-DRUG', 'I-DRUG', 'B-STRENGTH', 'I-STRENGTH'];
const CLS = 1;
const SEP = 2;

/**
 * A fake tokenizer: a pre-token gives one id per 3 characters (so long words have several
 * sub-tokens); ids encode the wanted tag: words starting with a capital → DRUG, digits and "mg"
 * → STRENGTH. Zero-width pre-tokens ("\u200b") give no ids.
 */
function encode(text: string): number[] {
  if (text === '\u200b') return [];
  const tag = /^[A-Z]/.test(text) ? 1 : /^(\d+|mg)$/.test(text) ? 3 : 0;
  const pieces = Math.max(1, Math.ceil(text.length / 3));
  return Array.from({ length: pieces }, (_, k) => 10 + tag * 10 + Math.min(k, 1));
}

/** A fake model: logits favour the tag coded in the id, and I- when the previous id had a tag. */
function makeForward(calls: ForwardBatch[]) {
  return async (batch: ForwardBatch) => {
    calls.push(batch);
    const k = TAGS.length;
    const data = new Float32Array(batch.inputIds.length * batch.length * k);
    batch.inputIds.forEach((row, r) => {
      row.forEach((id, c) => {
        const tag = Math.floor((id - 10) / 10);
        const previous = c > 0 ? Math.floor((row[c - 1]! - 10) / 10) : -1;
        let best = 0;
        if (id >= 10 && tag > 0) best = previous === tag && c > 1 ? tag + 1 : tag;
        for (let j = 0; j < k; j++) data[(r * batch.length + c) * k + j] = j === best ? 3 : 0;
      });
    });
    return { data, dims: [batch.inputIds.length, batch.length, k] };
  };
}

function extractor(maxLength: number, windowSize?: number, overlap?: number) {
  const calls: ForwardBatch[] = [];
  const ex = createExtractor({
    encode,
    prefix: [CLS],
    suffix: [SEP],
    forward: makeForward(calls),
    tags: TAGS,
    maxLength,
    ...(windowSize === undefined ? {} : { windowSize }),
    ...(overlap === undefined ? {} : { overlap }),
  });
  return { ex, calls };
}

describe('softmaxInto', () => {
  it('writes the softmax of one row at the given place, zeros for broken logits', () => {
    const out = new Float32Array(7).fill(-1);
    softmaxInto([9, 0, 0, Math.log(2)], 1, 3, out, 2);
    expect(Array.from(out.subarray(2, 5)).map((p) => Number(p.toFixed(4)))).toEqual([
      0.25, 0.25, 0.5,
    ]);
    expect(out[0]).toBe(-1);
    softmaxInto([NaN, 1], 0, 2, out, 0);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 0]);
    softmaxInto([1, Infinity], 0, 2, out, 0);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 0]);
  });
});

describe('createExtractor', () => {
  it('frames windows with special tokens and reads the first sub-token of each pre-token', async () => {
    const { ex, calls } = extractor(512);
    const text = 'Gave Magnesiumhydroxide 400 mg today';
    const [entities] = await ex.extractMany([text]);
    expect(entities!.map((e) => [e.text, e.label])).toEqual([
      ['Gave Magnesiumhydroxide', 'DRUG'],
      ['400 mg', 'STRENGTH'],
    ]);
    expect(calls).toHaveLength(1);
    const row = calls[0]!.inputIds[0]!;
    expect(row[0]).toBe(CLS);
    expect(row.at(-1)).toBe(SEP);
    expect(entities![0]!.score).toBeGreaterThan(0.8);
  });

  it('gives no entities and calls no model for empty text', async () => {
    const { ex, calls } = extractor(512);
    expect(await ex.extractMany(['', '  \n', '\u200b'])).toEqual([[], [], []]);
    expect(calls).toHaveLength(0);
  });

  it('tags a pre-token without sub-tokens O', async () => {
    const { ex } = extractor(512);
    const [entities] = await ex.extractMany(['Lasix\u200b40']);
    expect(entities!.map((e) => e.text)).toEqual(['Lasix', '40']);
  });

  it('batches many texts and keeps their order', async () => {
    const { ex, calls } = extractor(512);
    const texts = Array.from({ length: 50 }, (_, i) => `note: Aspirin ${i} mg`);
    const results = await ex.extractMany(texts);
    expect(calls.length).toBeLessThan(5);
    results.forEach((entities, i) => {
      expect(entities.map((e) => e.text)).toEqual(['Aspirin', `${i} mg`]);
    });
  });

  it('windowed and unwindowed runs agree on long texts, never truncating', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `take Lasix ${i} mg daily.`).join('\n');
    const whole = await extractor(4096, 4000).ex.extractMany([text]);
    const { ex, calls } = extractor(40, undefined, 9);
    const windowed = await ex.extractMany([text]);
    expect(calls.length).toBeGreaterThan(1);
    for (const batch of calls) expect(batch.length).toBeLessThanOrEqual(40);
    expect(windowed).toEqual(whole);
    expect(windowed[0]!.at(-1)!.text).toBe('299 mg');
  });

  it('property: any text gives ordered, disjoint entities whose text is the slice', async () => {
    const { ex } = extractor(24, undefined, 6);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...'Aa1 m g.\n\t\u200b💊é'), maxLength: 120 }),
        async (text) => {
          const [entities] = await ex.extractMany([text]);
          let previousEnd = 0;
          for (const e of entities!) {
            expect(e.start).toBeGreaterThanOrEqual(previousEnd);
            expect(e.end).toBeGreaterThan(e.start);
            expect(text.slice(e.start, e.end)).toBe(e.text);
            expect(e.score).toBeGreaterThan(0);
            expect(e.score).toBeLessThanOrEqual(1);
            previousEnd = e.end;
          }
          // Entity boundaries fall on pre-token boundaries.
          const starts = new Set(pretokenize(text).map((t) => t.start));
          const ends = new Set(pretokenize(text).map((t) => t.end));
          for (const e of entities!) {
            expect(starts.has(e.start)).toBe(true);
            expect(ends.has(e.end)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects logits of the wrong shape', async () => {
    const ex = createExtractor({
      encode,
      prefix: [CLS],
      suffix: [SEP],
      forward: async () => ({ data: new Float32Array(3), dims: [1, 1, 3] }),
      tags: TAGS,
      maxLength: 512,
    });
    await expect(ex.extractMany(['Lasix'])).rejects.toThrow(/logits of shape/);
  });
});

describe('space-sensitive tokenizers', () => {
  it('encode a pre-token after whitespace with its leading space', async () => {
    const seen: string[] = [];
    const ex = createExtractor({
      encode: (text) => {
        seen.push(text);
        return [10];
      },
      spaceSensitive: true,
      prefix: [CLS],
      suffix: [SEP],
      forward: makeForward([]),
      tags: TAGS,
      maxLength: 64,
    });
    await ex.extractMany(['Lasix 40mg\tdaily']);
    expect(seen).toEqual(['Lasix', ' 40', 'mg', ' daily']);
  });
});

describe('progress and abort', () => {
  const text = Array.from({ length: 200 }, (_, i) => `take Lasix ${i} mg daily.`).join('\n');

  it('reports sub-tokens analysed after every model call, ending at the total', async () => {
    const { ex, calls } = extractor(40, undefined, 8);
    const seen: [number, number][] = [];
    await ex.extractMany([text], { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toHaveLength(calls.length);
    expect(seen.length).toBeGreaterThan(1);
    const total = seen[0]![1];
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
    expect(seen.at(-1)).toEqual([total, total]);
  });

  it('stops between model calls when the signal aborts', async () => {
    const { ex, calls } = extractor(40, undefined, 8);
    const signal = { aborted: false, reason: undefined as unknown };
    const run = ex.extractMany([text], {
      signal,
      onProgress: () => {
        signal.aborted = true;
        signal.reason = new Error('stale');
      },
    });
    await expect(run).rejects.toThrow('stale');
    expect(calls).toHaveLength(1);
    await expect(ex.extractMany(['x'], { signal: { aborted: true } })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
