/** `med7 annotate` with the real model (and the stand-in), spawned as users run it. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MED7_LABELS } from '../core/labels.ts';
import { DEV_GOLD, TEST_MODEL } from '../test/paths.ts';
import { jsonl, runMed7 } from '../test/run-med7.ts';
import { writeTinyModel } from '../test/tiny-model.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'med7-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Checks an annotated record's entities: integers, inside the text, Med7 labels, sorted, disjoint. */
function expectValidEntities(record: { text: string; entities: unknown }) {
  expect(Array.isArray(record.entities)).toBe(true);
  let previousEnd = 0;
  for (const entity of record.entities as [number, number, string][]) {
    const [start, end, label] = entity;
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(record.text.length);
    expect(MED7_LABELS).toContain(label);
    const span = record.text.slice(start, end);
    expect(span.trim()).toBe(span);
    previousEnd = end;
  }
}

describe('med7 annotate with the model', () => {
  it('keeps every field, adds entities, and gives none for empty text', async () => {
    const input = jsonl([
      { id: 'r1', text: 'Lasix 40 mg IV b.i.d. for 3 days.', source: 'x', n: 1 },
      { id: 'empty', text: '' },
      { text: '   \r\n\t' },
    ]);
    const run = await runMed7(['annotate', '--model', TEST_MODEL], input);
    expect(run.code, run.stderr).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ id: 'r1', source: 'x', n: 1 });
    expect(records[1]).toEqual({ id: 'empty', text: '', entities: [] });
    expect(records[2]!['entities']).toEqual([]);
    for (const r of records) expectValidEntities(r as { text: string; entities: unknown });
    // The summary line goes to stderr, never to the data.
    expect(run.stderr).toMatch(/med7 annotate: 3 records, \d+ words, [\d.]+ s, [\d,]+ words\/s/);
  });

  it('keeps every other field byte for byte: big and out-of-range numbers, escapes (#33)', async () => {
    const input =
      '{"id": 12345678901234567890, "text": "Lasix 40 mg", "x": 1e999, "s": "\\u00e9\\/", "o": {"n": 1.0}}\n';
    const run = await runMed7(['annotate', '--model', TEST_MODEL, '--quiet'], input);
    expect(run.code, run.stderr).toBe(0);
    // JSON.parse and JSON.stringify gave 12345678901234567000, null, "é/" and {"n":1}.
    expect(run.stdout).toBe(
      '{"id":12345678901234567890,"text":"Lasix 40 mg","x":1e999,"s":"\\u00e9\\/","o":{"n": 1.0},' +
        '"entities":[[0,5,"DRUG"],[6,11,"STRENGTH"]]}\n',
    );
  });

  it('prints one string as a table with --text', async () => {
    const run = await runMed7([
      'annotate',
      '--model',
      TEST_MODEL,
      '--text',
      'Lasix 40 mg IV daily',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^start\s+end\s+label\s+score\s+text/);
  });

  it('round-trips 1,000 records through files with valid offsets', async () => {
    const gold = (await readFile(DEV_GOLD, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string });
    const records = Array.from({ length: 1000 }, (_, i) => ({
      id: `rec-${i}`,
      text:
        i % 97 === 0
          ? ''
          : `${gold[i % gold.length]!.text}${i % 3 === 0 ? '\r\n\tNext: 💊 ' + gold[(i * 7) % gold.length]!.text : ''}`,
      meta: { i },
    }));
    const input = join(scratch, 'thousand.jsonl');
    const output = join(scratch, 'thousand.out.jsonl');
    await writeFile(input, jsonl(records));
    const run = await runMed7([
      'annotate',
      '--model',
      TEST_MODEL,
      '--input',
      input,
      '--output',
      output,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = (await readFile(output, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    let entities = 0;
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as {
        id: string;
        text: string;
        meta: unknown;
        entities: unknown[];
      };
      expect(record.id).toBe(`rec-${i}`);
      expect(record.text).toBe(records[i]!.text);
      expect(record.meta).toEqual({ i });
      expectValidEntities(record);
      entities += record.entities.length;
    });
    expect(entities).toBeGreaterThan(1000);
  });

  /** A 1 MB note from dev sentences, ending with a known sig. */
  async function bigNote(): Promise<string> {
    const gold = (await readFile(DEV_GOLD, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string });
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `${gold[i % gold.length]!.text}\n`;
    return `${text}Finally: Lasix 40 mg p.o. daily.`;
  }

  async function annotateBigNote(model: string): Promise<void> {
    const text = await bigNote();
    const run = await runMed7(
      ['annotate', '--model', model, '--quiet'],
      jsonl([{ id: 'big', text }]),
    );
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout) as { text: string; entities: [number, number, string][] };
    expect(record.text).toBe(text);
    expectValidEntities(record);
    const tail = text.lastIndexOf('Finally');
    expect(record.entities.some(([start]) => start > tail)).toBe(true);
  }

  // A lookup-table stand-in with the real tokenizer checks reading, windowing (about 1,300 windows)
  // and offsets to the last line in seconds; the real model (about a CPU-minute for 1 MB, 160,000
  // words) then proves the shipped path end to end.
  it('annotates a 1 MB note to its end (stand-in model)', async () => {
    const tiny = join(scratch, 'tiny-model');
    await writeTinyModel(TEST_MODEL, tiny);
    await annotateBigNote(tiny);
  });

  it(
    'annotates a 1 MB note to its end with the real model',
    () => annotateBigNote(TEST_MODEL),
    600_000,
  );
});
