/** Gold and predicted spans must not cut a character in two (issue 33, item 9). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMed7 } from '../test/run-med7.ts';
import { splitCharacterAt } from './span-edges.ts';

describe('splitCharacterAt', () => {
  it('finds an offset between the two halves of a surrogate pair', () => {
    const text = '💊 Lasix';
    expect(splitCharacterAt(text, 0)).toBe(false);
    expect(splitCharacterAt(text, 1)).toBe(true);
    expect(splitCharacterAt(text, 2)).toBe(false);
    expect(splitCharacterAt(text, text.length)).toBe(false);
    // a lone surrogate is one code unit of its own: no pair to split
    expect(splitCharacterAt('\ud83d a', 1)).toBe(false);
    expect(splitCharacterAt('a\udc8a', 1)).toBe(false);
  });
});

describe('med7 eval: a span that splits a surrogate pair', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'med7-span-edges-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('is refused in gold with the line number and exit 2', async () => {
    const gold = join(scratch, 'gold.jsonl');
    const lines = [
      { text: 'Lasix', entities: [[0, 5, 'DRUG']] },
      { text: '💊 Lasix', entities: [[1, 8, 'DRUG']] },
    ];
    await writeFile(gold, lines.map((r) => JSON.stringify(r)).join('\n') + '\n');
    // --predictions: the gold is checked before any model is loaded
    const run = await runMed7(['eval', gold, '--predictions', gold]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2: entity 1 \[1,8,"DRUG"\] .*surrogate pair/);
    expect(run.stdout).toBe('');
  });

  it('is refused in predictions too', async () => {
    const gold = join(scratch, 'gold-ok.jsonl');
    const predictions = join(scratch, 'pred.jsonl');
    await writeFile(gold, JSON.stringify({ text: 'Lasix 💊', entities: [[0, 5, 'DRUG']] }) + '\n');
    await writeFile(
      predictions,
      JSON.stringify({ text: 'Lasix 💊', entities: [[0, 7, 'DRUG']] }) + '\n',
    );
    const run = await runMed7(['eval', gold, '--predictions', predictions]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pred\.jsonl, line 1: entity 1 .*surrogate pair/);
  });
});
