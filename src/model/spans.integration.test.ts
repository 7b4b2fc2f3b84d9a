/**
 * The shipped model on text that mixes scripts, ends sentences in other scripts or hides
 * invisible characters inside words (issue 33, item 8): no entity joins two scripts or crosses a
 * sentence end, and an invisible character does not split a word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptOfChar } from '../core/decode/pretokenize.ts';
import { SENTENCE_END_MARKS } from '../core/decode/span-breaks.ts';
import { TEST_MODEL } from '../test/paths.ts';
import { loadMed7Model, type Med7Model } from './index.ts';

let model: Med7Model;
beforeAll(async () => {
  model = await loadMed7Model({ model: TEST_MODEL });
});
afterAll(async () => {
  await model.dispose();
});

/** The scripts of an entity's letters. */
const scripts = (text: string) =>
  new Set([...text].map(scriptOfChar).filter((script) => script !== undefined));

describe('entities across scripts and sentence ends (shipped model)', () => {
  it('never joins words of two scripts or crosses a sentence end', async () => {
    const texts = [
      '患者は Lasix 40 mg を 1日2回 服用。阿司匹林 100 mg',
      '患者はLasixを1日2回服用。阿司匹林',
      'المريض يتناول Lasix 40 mg',
      'תרופה Celexa 20 mg',
      'Lasix 40 mg daily। Celexa 20 mg؟ Tylenol！Zocor？ aspirin',
    ];
    for (const text of texts) {
      for (const entity of await model.extract(text)) {
        expect(scripts(entity.text).size, `${entity.text} in ${text}`).toBeLessThanOrEqual(1);
        expect(
          [...entity.text].some((c) => SENTENCE_END_MARKS.has(c)),
          entity.text,
        ).toBe(false);
      }
    }
    const drugs = async (text: string) =>
      (await model.extract(text)).filter((e) => e.label === 'DRUG').map((e) => e.text);
    expect(await drugs('患者は Lasix 40 mg')).toContain('Lasix');
    expect(await drugs('المريض يتناول Lasix 40 mg')).toContain('Lasix');
    expect(await drugs('תרופה Celexa 20 mg')).toContain('Celexa');
  });

  it('keeps a word with a soft hyphen or zero-width character one entity, offsets exact', async () => {
    for (const invisible of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `Las${invisible}ix 40 mg daily and Cel${invisible}exa 20 mg`;
      const entities = await model.extract(text);
      const drugs = entities.filter((e) => e.label === 'DRUG');
      expect(
        drugs.map((e) => [e.start, e.end, e.text]),
        JSON.stringify(invisible),
      ).toEqual([
        [0, 6, `Las${invisible}ix`],
        [23, 30, `Cel${invisible}exa`],
      ]);
      for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
