/**
 * Load failures classified by their cause and reported without stray bytes (issue 33, items 3
 * and 6).
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFileNotFoundError } from '@huggingface/transformers';
import { TEST_MODEL } from '../test/paths.ts';
import { ONNX_FILES } from './dtype.ts';
import { loadMed7Model, Med7ModelError } from './index.ts';
import { failureKind } from './loader.ts';

let scratch: string;

beforeAll(async () => {
  // a path with "404" in it must not read as a missing file
  scratch = await mkdtemp(join(tmpdir(), 'med7-404-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the test model (ONNX files linked) with `change` applied. */
async function variant(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(scratch, name);
  await cp(TEST_MODEL, dir, { recursive: true, filter: (source) => !source.endsWith('.onnx') });
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const file of Object.values(ONNX_FILES)) {
    await symlink(join(TEST_MODEL, file), join(dir, file)).catch(() => undefined);
  }
  await change(dir);
  return dir;
}

async function loadError(dir: string): Promise<Error> {
  const error = await loadMed7Model({ model: dir }).then(
    async (model) => {
      await model.dispose();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Med7ModelError);
  return error as Error;
}

describe('a load failure is classified by its cause, not by words in its message', () => {
  it('does not fall back from a broken int8 file in a folder whose path holds "404"', async () => {
    const dir = await variant('models-404', async (d) => {
      const config = JSON.parse(await readFile(join(d, 'config.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      config['transformers.js_config'] = { dtype: 'int8' };
      await writeFile(join(d, 'config.json'), JSON.stringify(config));
      await rm(join(d, ONNX_FILES.int8));
      await writeFile(join(d, ONNX_FILES.int8), 'this is not an ONNX model');
    });
    const error = await loadError(dir);
    expect(error.message).toMatch(/ONNX file onnx\/model_int8\.onnx .* broken/);
  });

  it('tells a missing file from a request that failed (CSP, network)', () => {
    const notFound = new ModelFileNotFoundError('file was not found locally at "/m-404/x.onnx"');
    // Node: transformers.js's not-found error is raised only for a path that does not exist
    expect(failureKind(notFound, { node: true })).toBe('missing');
    expect(failureKind(Object.assign(new Error('x'), { code: 'ENOENT' }), { node: true })).toBe(
      'missing',
    );
    // browser: the same error follows a 404, or a fetch that threw (blocked by a CSP, offline)
    expect(failureKind(notFound, { node: false, requests: [{ status: 404 }] })).toBe('missing');
    const blocked = new TypeError('Failed to fetch');
    // the last failed request decides: a 404 after an earlier blocked one is a missing file
    expect(
      failureKind(notFound, { node: false, requests: [{ error: blocked }, { status: 404 }] }),
    ).toBe('missing');
    expect(
      failureKind(notFound, { node: false, requests: [{ status: 200 }, { error: blocked }] }),
    ).toBe('unreachable');
    // a message that merely holds "404" or "not found" is neither
    for (const message of [
      'Load model from /srv/404/onnx/model_int8.onnx failed: protobuf parsing failed',
      'Refused to connect: violates Content-Security-Policy (HTTP 404 page)',
      'Could not locate file ENOENT not found locally',
    ]) {
      expect(failureKind(new Error(message), { node: false, requests: [] })).toBe('other');
      expect(failureKind(new Error(message), { node: true })).toBe('other');
    }
    // the cause chain is followed
    const wrapped = new Med7ModelError('could not load', { cause: notFound });
    expect(failureKind(wrapped, { node: true })).toBe('missing');
  });
});

describe('a broken config or tokenizer file is reported with its own bytes only', () => {
  // transformers.js 4.3's Node file reader handed over the whole shared buffer behind an empty file
  const cases: [string, string, (text: string) => string, RegExp][] = [
    ['empty config.json', 'config.json', () => '', /config\.json in .* is empty/],
    [
      'truncated config.json',
      'config.json',
      (text) => text.slice(0, 50),
      /config\.json in .* is not valid JSON/,
    ],
    ['empty tokenizer.json', 'tokenizer.json', () => '', /tokenizer\.json in .* is empty/],
    [
      'truncated tokenizer.json',
      'tokenizer.json',
      (text) => text.slice(0, 3000),
      /tokenizer\.json in .* is not valid JSON/,
    ],
    [
      'empty tokenizer_config.json',
      'tokenizer_config.json',
      () => '',
      /tokenizer_config\.json in .* is empty/,
    ],
  ];
  for (const [name, file, cut, pattern] of cases) {
    it(name, async () => {
      const original = await readFile(join(TEST_MODEL, file), 'utf8');
      const kept = cut(original);
      const dir = await variant(name.replace(/\W+/g, '-'), (d) => writeFile(join(d, file), kept));
      for (let run = 0; run < 3; run++) {
        const error = await loadError(dir);
        expect(error.message).toMatch(pattern);
        // Whatever the message quotes must come from the file: never a NUL or other control
        // character, and never a token V8 found outside it.
        expect(
          [...error.message].some((c) => c === '\ufffd' || (c < ' ' && !'\t\n\r'.includes(c))),
        ).toBe(false);
        const quoted = /Unexpected token '(.)'/u.exec(error.message)?.[1];
        if (quoted !== undefined) expect(kept).toContain(quoted);
      }
    });
  }
});
