import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../core/types.ts';
import { DEV_GOLD, TEST_MODEL } from '../test/paths.ts';
import { ONNX_FILES, resolveDtype, type Med7Dtype } from './dtype.ts';
import { loadMed7Model, Med7ModelError, type Med7Model } from './index.ts';
import { splitModelUrl } from './loader.ts';

const README =
  'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.';

let scratch: string;

/** A copy of the test model (ONNX files linked, not copied) with `change` applied. */
async function variant(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(scratch, name);
  await cp(TEST_MODEL, dir, {
    recursive: true,
    filter: (source) => !source.endsWith('.onnx'),
  });
  for (const file of Object.values(ONNX_FILES)) {
    await symlink(join(TEST_MODEL, file), join(dir, file)).catch(() => undefined);
  }
  await change(dir);
  return dir;
}

async function editConfig(
  dir: string,
  edit: (config: Record<string, unknown>) => void,
): Promise<void> {
  const path = join(dir, 'config.json');
  const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(config);
  await writeFile(path, JSON.stringify(config));
}

async function expectModelError(dir: string, pattern: RegExp, dtype?: Med7Dtype) {
  const error = await loadMed7Model({ model: dir, ...(dtype ? { dtype } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Med7ModelError);
  expect((error as Error).message).toMatch(pattern);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'med7-model-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('loadMed7Model (Node)', () => {
  let model: Med7Model;

  beforeAll(async () => {
    model = await loadMed7Model({ model: TEST_MODEL });
  });

  afterAll(async () => {
    await model.dispose();
  });

  it('loads on the CPU the file its config.json names for the CPU, with Med7 labels', async () => {
    const config: unknown = JSON.parse(await readFile(join(TEST_MODEL, 'config.json'), 'utf8'));
    expect(model.device).toBe('cpu');
    expect(model.dtype).toBe(resolveDtype('auto', 'cpu', config));
    expect(model.labels.length).toBeGreaterThan(0);
    expect(model.maxLength).toBeGreaterThan(8);
    expect(model.maxLength).toBeLessThanOrEqual(512);
  });

  it('extracts entities whose offsets round-trip', async () => {
    const entities = await model.extract(README);
    expect(entities.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const e of entities) {
      expect(README.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeGreaterThanOrEqual(previousEnd);
      expect(e.score).toBeGreaterThan(0);
      expect(e.score).toBeLessThanOrEqual(1);
      previousEnd = e.end;
    }
  });

  it('gives the same entities one by one and batched, and none for empty text', async () => {
    const texts = [README, '', 'Lasix 40 mg IV b.i.d.', '\r\n\t', README.toUpperCase()];
    const batched = await model.extractMany(texts);
    for (let i = 0; i < texts.length; i++) {
      const single = await model.extract(texts[i]!);
      expect(batched[i]!.map((e) => [e.start, e.end, e.label])).toEqual(
        single.map((e) => [e.start, e.end, e.label]),
      );
    }
    expect(batched[1]).toEqual([]);
    expect(batched[3]).toEqual([]);
  });

  it('analyses a long note to its end (windowing, no truncation)', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `${i}. ${README}`).join('\n');
    const entities = await model.extract(text);
    const last = text.lastIndexOf(README);
    expect(entities.some((e) => e.start >= last)).toBe(true);
    const perCopy = (await model.extract(README)).length;
    // Windows see nearly the same context as a lone sentence: allow a little drift.
    expect(entities.length).toBeGreaterThan(perCopy * 400 * 0.9);
  });

  it('gives the sentences of a note the entities they get alone', async () => {
    // The model was fine-tuned on single sentences; before windows followed sentences, the dev
    // sentences joined ten at a time lost about a third of their entities.
    const sentences = (await readFile(DEV_GOLD, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const alone = await model.extractMany(sentences);
    const key = (e: Entity, shift = 0) => `${e.start + shift}-${e.end + shift} ${e.label}`;
    let expected = 0;
    let differences = 0;
    for (let k = 0; k < sentences.length; k += 10) {
      const group = sentences.slice(k, k + 10);
      const shifted = group.flatMap((_, j) => {
        const shift = group.slice(0, j).reduce((sum, s) => sum + s.length + 1, 0);
        return alone[k + j]!.map((e) => key(e, shift));
      });
      const joined = new Set((await model.extract(group.join(' '))).map((e) => key(e)));
      expected += shifted.length;
      differences += shifted.filter((k2) => !joined.has(k2)).length;
      differences += joined.size - shifted.filter((k2) => joined.has(k2)).length;
    }
    expect(expected).toBeGreaterThan(300);
    expect(differences).toBeLessThanOrEqual(3);
  });

  it('finds with integer products (int8) what the float products (q8) find', async () => {
    // the same int8 weights in two graphs: only the activations' rounding to uint8 differs
    const sentences = (await readFile(DEV_GOLD, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const int8 = await loadMed7Model({ model: TEST_MODEL, dtype: 'int8' });
    const q8 = await loadMed7Model({ model: TEST_MODEL, dtype: 'q8' });
    expect([int8.dtype, q8.dtype]).toEqual(['int8', 'q8']);
    const a = await int8.extractMany(sentences);
    const b = await q8.extractMany(sentences);
    await Promise.all([int8.dispose(), q8.dispose()]);
    const show = (es: readonly Entity[]) => es.map((e) => `${e.start}-${e.end} ${e.label}`).join();
    const differing = sentences.filter((_, k) => show(a[k]!) !== show(b[k]!));
    expect(sentences.length).toBeGreaterThan(100);
    expect(differing.length).toBeLessThanOrEqual(2);
    const readme = sentences.indexOf(README);
    expect(readme).toBeGreaterThanOrEqual(0);
    expect(show(a[readme]!)).toBe(show(b[readme]!));
    expect(a[readme]!.map((e) => `${e.label} ${e.text}`)).toEqual([
      'DRUG Magnesium hydroxide',
      'STRENGTH 400mg/5ml',
      'FORM suspension',
      'ROUTE PO',
      'DOSAGE 30ml',
      'FREQUENCY bid',
      'DURATION for the next 5 days',
    ]);
  });

  it('reads every item of a line-by-line medication list, markers left out', async () => {
    const items = ['Lasix 40 mg p.o. daily', 'Coumadin 5 mg every evening', 'Zocor 20 mg q.h.s.'];
    for (const marker of ['-', '•', '1)', '2.']) {
      const lines = Array.from({ length: 6 }, () => items).flat();
      const text = `MEDICATIONS:\n${lines.map((item) => `${marker} ${item}`).join('\n')}`;
      const entities = await model.extract(text);
      const drugs = entities.filter((e) => e.label === 'DRUG').map((e) => e.text);
      expect(drugs).toEqual(lines.map((item) => item.split(' ')[0]));
      // no entity holds a list marker or runs on into the next line
      for (const e of entities) expect(e.text).not.toMatch(/\n|^(?:[-•]|\d+[.)])\s/);
    }
  });

  it('reports Node runs on the CPU when WebGPU or WASM is asked for', async () => {
    const other = await loadMed7Model({ model: TEST_MODEL, device: 'webgpu' });
    expect(other.device).toBe('cpu');
    expect(other.fallbackReason).toMatch(/CPU/);
    await other.dispose();
    await expect(other.extract('x')).rejects.toThrow(/disposed/);
  });
});

describe('loadMed7Model errors', () => {
  it('names a missing folder', async () => {
    await expectModelError(join(scratch, 'nowhere'), /Model folder not found/);
  });

  it('lists missing files', async () => {
    const dir = await variant('no-tokenizer', (d) => rm(join(d, 'tokenizer.json')));
    await expectModelError(dir, /lacks tokenizer\.json/);
    const noOnnx = await variant('no-onnx', (d) => rm(join(d, 'onnx/model_quantized.onnx')));
    await expectModelError(noOnnx, /lacks onnx\/model_quantized\.onnx/, 'q8');
    const neither = await variant('no-int8-no-q8', async (d) => {
      await rm(join(d, 'onnx/model_int8.onnx'));
      await rm(join(d, 'onnx/model_quantized.onnx'));
    });
    await expectModelError(neither, /lacks onnx\/model_int8\.onnx \(/, 'int8');
    await expectModelError(neither, /lacks onnx\/model_int8\.onnx, onnx\/model_quantized\.onnx/);
  });

  it('runs q8, and says why, where the folder names a file it lacks (auto only)', async () => {
    const noInt8 = await variant('no-int8', async (d) => {
      await rm(join(d, 'onnx/model_int8.onnx'));
      await editConfig(d, (config) => {
        config['transformers.js_config'] = { dtype: 'int8' };
      });
    });
    const model = await loadMed7Model({ model: noInt8 });
    expect(model.dtype).toBe('q8');
    expect(model.fallbackReason).toBe(
      'onnx/model_int8.onnx is missing, so onnx/model_quantized.onnx runs',
    );
    expect((await model.extract(README)).map((e) => e.label)).toContain('DRUG');
    await model.dispose();
    await expectModelError(noInt8, /lacks onnx\/model_int8\.onnx/, 'int8');
  });

  it('runs q8 where config.json names no dtype, and the dtype asked for over the folder', async () => {
    const plain = await variant('no-dtype', (d) =>
      editConfig(d, (config) => {
        delete config['transformers.js_config'];
      }),
    );
    const fallback = await loadMed7Model({ model: plain });
    expect(fallback.dtype).toBe('q8');
    await fallback.dispose();
    const asked = await loadMed7Model({ model: plain, dtype: 'fp32' });
    expect(asked.dtype).toBe('fp32');
    await asked.dispose();
    await expectModelError(
      plain,
      /Unknown dtype "q4": use auto, int8, q8, fp32/,
      'q4' as Med7Dtype,
    );
  });

  it("lists labels that are not Med7's", async () => {
    const dir = await variant('foreign', (d) =>
      editConfig(d, (config) => {
        const id2label = config['id2label'] as Record<string, string>;
        id2label['1'] = 'B-DISEASE';
        id2label['2'] = 'I-DISEASE';
      }),
    );
    await expectModelError(dir, /not Med7's: B-DISEASE, I-DISEASE/);
  });

  it('says when the model is not a token-classification model', async () => {
    const dir = await variant('base', (d) =>
      editConfig(d, (config) => {
        config['architectures'] = ['BertModel'];
      }),
    );
    await expectModelError(dir, /not a token-classification model/);
    const noLabels = await variant('no-labels', (d) =>
      editConfig(d, (config) => {
        delete config['id2label'];
        delete config['label2id'];
        delete config['architectures'];
      }),
    );
    await expectModelError(noLabels, /not a token-classification model|id2label/);
  });

  it('says when the ONNX file is broken', async () => {
    const dir = await variant('corrupt', async (d) => {
      for (const file of ['onnx/model_quantized.onnx', 'onnx/model_int8.onnx']) {
        await rm(join(d, file));
        await writeFile(join(d, file), 'this is not an ONNX model');
      }
    });
    await expectModelError(dir, /ONNX file onnx\/model_quantized\.onnx .* broken/, 'q8');
    await expectModelError(dir, /ONNX file onnx\/model_int8\.onnx .* broken/, 'int8');
  });

  it('says when config.json is not JSON', async () => {
    const dir = await variant('bad-json', (d) => writeFile(join(d, 'config.json'), '{ nope'));
    await expectModelError(dir, /config\.json/);
  });

  it('loads the same model relabelled with BILUO tags through the same path', async () => {
    const dir = await variant('biluo', (d) =>
      editConfig(d, (config) => {
        const id2label = config['id2label'] as Record<string, string>;
        for (const [id, tag] of Object.entries(id2label)) {
          id2label[id] = tag.replace(/^B-/, 'U-').replace(/^I-/, 'L-');
        }
        config['label2id'] = Object.fromEntries(
          Object.entries(id2label).map(([id, tag]) => [tag, Number(id)]),
        );
      }),
    );
    const model = await loadMed7Model({ model: dir });
    expect(model.tags.some((tag) => tag.startsWith('U-'))).toBe(true);
    await model.dispose();
  });
});

describe('splitModelUrl (browser)', () => {
  it('splits a folder URL into localModelPath and the model id', () => {
    expect(splitModelUrl(undefined, 'http://127.0.0.1:5173/demo/index.html?x=1')).toEqual({
      base: 'http://127.0.0.1:5173/models/',
      name: 'med7-compact',
      source: 'http://127.0.0.1:5173/models/med7-compact/',
    });
    expect(splitModelUrl('./m/other_model.v2', 'https://x.org/app/')).toMatchObject({
      base: 'https://x.org/app/m/',
      name: 'other_model.v2',
    });
    expect(splitModelUrl('https://cdn.x.org/a/b/', undefined)).toMatchObject({
      base: 'https://cdn.x.org/a/',
      name: 'b',
    });
  });

  it('refuses folder names transformers.js would not join', () => {
    expect(() => splitModelUrl('/models/my%20model/', 'http://h/')).toThrow(Med7ModelError);
    expect(() => splitModelUrl('/', 'http://h/')).toThrow(/folder name/);
    // A broken %-escape is a model error that names the URL, not a bare URIError.
    expect(() => splitModelUrl('/models/bad%zz/', 'http://h/')).toThrow(Med7ModelError);
    expect(() => splitModelUrl('/models/bad%zz/', 'http://h/')).toThrow(/bad%zz.*%-escape/);
  });
});
