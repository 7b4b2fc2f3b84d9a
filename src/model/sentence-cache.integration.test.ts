/**
 * The sentence cache on the real int8 model (onnxruntime-node): re-analysing an edited note gives
 * exactly what a full run of the edited note gives, scores included, although the model
 * quantizes its activations per call.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL } from '../test/paths.ts';
import { loadMed7Model, type Med7Model } from './index.ts';

const SENTENCES = [
  'Lasix 40 mg p.o. daily.',
  'Metoprolol 25 mg by mouth twice a day for 5 days.',
  'The patient was started on aspirin 81 mg daily.',
  'Continue insulin glargine 10 units subcutaneously at bedtime.',
  'No known drug allergies.',
  'Amoxicillin 500 mg capsules three times daily for 10 days.',
  'She takes vitamin D 1000 IU once a day.',
  'Discontinue warfarin.',
  'Follow up in two weeks.',
  'Prednisone taper: 40 mg for 3 days, then 20 mg for 3 days.',
];

let warm: Med7Model;
let full: Med7Model;

beforeAll(async () => {
  warm = await loadMed7Model({ model: TEST_MODEL, batching: 'sentence' });
  full = await loadMed7Model({ model: TEST_MODEL, batching: 'sentence', sentenceCacheSize: 0 });
}, 120_000);

afterAll(async () => {
  await warm?.dispose();
  await full?.dispose();
});

describe('the sentence cache on the real model', () => {
  it('property: after random edits, the result equals a full run of the edited note', async () => {
    const sentence = fc.constantFrom(...SENTENCES);
    const edit = fc.record({
      kind: fc.constantFrom('replace', 'insert', 'delete', 'typo'),
      at: fc.nat(),
      with: sentence,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence, { minLength: 2, maxLength: 8 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        async (first, edits) => {
          const sentences = [...first];
          await warm.extract(sentences.join(' '));
          for (const e of edits) {
            const at = e.at % sentences.length;
            if (e.kind === 'replace') sentences[at] = e.with;
            else if (e.kind === 'insert') sentences.splice(at, 0, e.with);
            else if (e.kind === 'delete' && sentences.length > 1) sentences.splice(at, 1);
            // a keystroke: one letter more in the middle of a word
            else sentences[at] = sentences[at]!.replace(/(\w)(\w)/, '$1x$2');
            const text = sentences.join(' ');
            expect(await warm.extract(text)).toEqual(await full.extract(text));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
