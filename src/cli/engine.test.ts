/** The model engines of `med7 annotate`: a pool of worker threads, started from TypeScript. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL } from '../test/paths.ts';
import { writeTinyModel } from '../test/tiny-model.ts';
import { openEngine, workerScript } from './engine.ts';

describe('the worker script', () => {
  it('is the sibling with this module’s own extension (.ts from the sources)', () => {
    const script = fileURLToPath(workerScript());
    expect(script.endsWith(join('src', 'cli', 'annotate-worker.ts'))).toBe(true);
    expect(existsSync(script)).toBe(true);
  });
});

describe('a pool of model workers', () => {
  let scratch: string;
  let tiny: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'med7-engine-'));
    tiny = join(scratch, 'tiny-model');
    await writeTinyModel(TEST_MODEL, tiny);
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('loads a model per worker through tsx and answers like one model, in order', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Lasix ${i} mg p.o. daily. Note ${i}.`);
    const one = await openEngine({ model: tiny, dtype: 'auto', jobs: 1 });
    const pool = await openEngine({ model: tiny, dtype: 'auto', jobs: 2 });
    try {
      expect([one.kind, one.jobs, pool.kind, pool.jobs]).toEqual(['threads', 1, 'pool', 2]);
      const groups = [texts.slice(0, 10), texts.slice(10, 25), texts.slice(25)];
      const expected = await Promise.all(groups.map((group) => one.extractMany(group)));
      const progress: number[] = [];
      const got = await Promise.all(
        groups.map((group) =>
          pool.extractMany(group, { onProgress: (done, total) => progress.push(done / total) }),
        ),
      );
      expect(got).toEqual(expected);
      expect(progress.at(-1)).toBe(1);
    } finally {
      await Promise.all([one.dispose(), pool.dispose()]);
    }
  }, 120_000);

  it("fails with the loader's message when the model will not load", async () => {
    await expect(
      openEngine({ model: join(scratch, 'no-model'), dtype: 'auto', jobs: 2 }),
    ).rejects.toThrow(/Model folder not found/);
  }, 120_000);
});
