import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, type ForwardBatch, type ForwardResult } from './extract.ts';

const TAGS = ['O', 'B-DRUG', 'I-DRUG', 'B-STRENGTH', 'I-STRENGTH'];

/** Ids code the wanted tag, as the real tokenizer would not, but enough to make entities. */
function encode(text: string): number[] {
  const tag = /^[A-Z]/.test(text) ? 1 : /^(\d+|mg)$/.test(text) ? 3 : 0;
  return Array.from({ length: Math.max(1, Math.ceil(text.length / 4)) }, () => 10 + tag * 10);
}

/**
 * A fake model that, like the int8 model's dynamic quantization, gives a row slightly different
 * logits depending on what it is batched with: the batch's shape and largest id shift them.
 */
function forwardOf(calls: ForwardBatch[]) {
  return async (batch: ForwardBatch): Promise<ForwardResult> => {
    calls.push(batch);
    const k = TAGS.length;
    const rows = batch.inputIds.length;
    const largest = Math.max(...batch.inputIds.flat());
    const shift = rows * 0.013 + batch.length * 0.0071 + largest * 0.0003;
    const data = new Float32Array(rows * batch.length * k);
    batch.inputIds.forEach((row, r) =>
      row.forEach((id, c) => {
        const tag = Math.floor((id - 10) / 10);
        const best = id >= 10 && tag > 0 ? tag : 0;
        for (let j = 0; j < k; j++)
          data[(r * batch.length + c) * k + j] = (j === best ? 2 : 0) + shift * (j + 1) + c * 1e-3;
      }),
    );
    return { data, dims: [rows, batch.length, k] };
  };
}

function make(options: { cache?: number; windowSize?: number } = {}) {
  const calls: ForwardBatch[] = [];
  const ex = createExtractor({
    encode,
    prefix: [1],
    suffix: [2],
    forward: forwardOf(calls),
    tags: TAGS,
    maxLength: 40,
    windowSize: options.windowSize ?? 24,
    ...(options.cache === undefined ? {} : { sentenceCacheSize: options.cache }),
  });
  return { ex, calls };
}

const word = fc.constantFrom('Lasix', '40', 'mg', 'daily', 'Aspirin', 'with', 'food', 'tablets');
const sentence = fc
  .array(word, { minLength: 1, maxLength: 14 })
  .map((words) => `${words.join(' ')}.`);
const note = fc.array(sentence, { minLength: 1, maxLength: 8 });

type Edit = { kind: 'replace' | 'insert' | 'delete'; at: number; with: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  at: fc.nat(),
  with: sentence,
});

function apply(sentences: readonly string[], e: Edit): string[] {
  const out = [...sentences];
  const at = e.at % (out.length + (e.kind === 'insert' ? 1 : 0));
  if (e.kind === 'replace') out[at] = e.with;
  else if (e.kind === 'insert') out.splice(at, 0, e.with);
  else if (out.length > 1) out.splice(at, 1);
  return out;
}

describe('the sentence cache', () => {
  it('property: re-analysing an edited note gives exactly what a fresh full run gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        note,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        async (first, edits) => {
          const warm = make();
          let sentences = first;
          await warm.ex.extractMany([sentences.join(' ')]);
          for (const e of edits) {
            sentences = apply(sentences, e);
            const text = sentences.join(' ');
            const [incremental] = await warm.ex.extractMany([text]);
            const [full] = await make({ cache: 0 }).ex.extractMany([text]);
            expect(incremental).toEqual(full);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('runs the model on the changed sentence only', async () => {
    const { ex, calls } = make();
    const before = ['Lasix 40 mg daily.', 'Aspirin with food.', 'Metoprolol daily.'];
    await ex.extractMany([before.join(' ')]);
    expect(calls).toHaveLength(3);
    calls.length = 0;
    await ex.extractMany([['Lasix 40 mg daily.', 'Aspirin 81 mg.', 'Metoprolol daily.'].join(' ')]);
    expect(calls.map((c) => c.inputIds.length)).toEqual([1]);
    expect(ex.stats.cachedSentences).toBe(2);
  });

  it('gives a sentence the same result whatever it is analysed beside', async () => {
    const alone = await make().ex.extractMany(['Aspirin 81 mg.']);
    const { ex } = make();
    const [, beside] = await ex.extractMany(['Lasix 40 mg daily with food.', 'Aspirin 81 mg.']);
    expect(beside).toEqual(alone[0]);
    // pooled batching shares calls across sentences, so the fake model's batch shift shows
    const pooled = createExtractor({
      encode,
      prefix: [1],
      suffix: [2],
      forward: forwardOf([]),
      tags: TAGS,
      maxLength: 40,
      windowSize: 24,
      batching: 'pooled',
    });
    const [, shared] = await pooled.extractMany(['Lasix 40 mg daily with food.', 'Aspirin 81 mg.']);
    expect(shared).not.toEqual(alone[0]);
  });

  it('keeps at most sentenceCacheSize sentences, dropping the least recently used', async () => {
    const { ex, calls } = make({ cache: 2 });
    await ex.extractMany(['Lasix 40 mg.', 'Aspirin daily.', 'Metoprolol with food.']);
    calls.length = 0;
    await ex.extractMany(['Metoprolol with food.']);
    expect(calls).toHaveLength(0);
    await ex.extractMany(['Lasix 40 mg.']);
    expect(calls).toHaveLength(1);
  });
});
