/** `med7 annotate`, spawned as users run it: bad input, unreadable files and failed runs. */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL } from '../test/paths.ts';
import { jsonl, runMed7 } from '../test/run-med7.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'med7-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('med7 annotate: bad input stops with the line number and exit 2', () => {
  const good = JSON.stringify({ id: 'a', text: 'Lasix 40 mg' });
  // [name, input, message, records before the bad line]
  const cases: [string, string | Buffer, RegExp, number][] = [
    [
      'a line that is not JSON',
      `${good}\n{"id": "b", "text": }\n`,
      /stdin, line 2: not valid JSON/,
      1,
    ],
    [
      'a record without text',
      `${good}\n${good}\n{"id": "c"}\n`,
      /line 3: the record has no "text" field/,
      2,
    ],
    [
      'a text that is not a string',
      `{"id": 1, "text": 42}\n`,
      /line 1: "text" must be a string, got a number/,
      0,
    ],
    [
      'a text that is an object',
      `{"id": 1, "text": {"note": "Lasix"}}\n`,
      /line 1: "text" must be a string, got an object/,
      0,
    ],
    [
      'a line that is not an object',
      `${good}\n["text"]\n`,
      /line 2: expected a JSON object.*got an array/,
      1,
    ],
    ['null', `null\n`, /line 1: expected a JSON object.*got null/, 0],
    ['an empty line between records', `${good}\n\n${good}\n`, /line 2: empty line/, 1],
    [
      'bytes that are not UTF-8',
      Buffer.concat([
        Buffer.from(`${good}\n{"text": "`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n'),
      ]),
      /line 2: not valid UTF-8/,
      1,
    ],
  ];
  for (const [name, input, message, before] of cases) {
    it(`${name}${before > 0 ? ', after writing the records before it' : ''}`, async () => {
      const run = await runMed7(['annotate', '--model', TEST_MODEL], input);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      // Streaming: exactly the records before the bad line, whole, and nothing after it.
      const lines = run.stdout === '' ? [] : run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(before);
      for (const line of lines) {
        expect(JSON.parse(line)).toMatchObject({ id: 'a', text: 'Lasix 40 mg' });
      }
      if (before > 0) expect(run.stdout.endsWith('\n')).toBe(true);
    });
  }

  it('reports a bad line far into the input after writing every record before it', async () => {
    const records = Array.from({ length: 1500 }, (_, id) => ({ id, text: 'Lasix 40 mg daily' }));
    const run = await runMed7(
      ['annotate', '--model', TEST_MODEL, '--quiet', '--jobs', '2'],
      `${jsonl(records)}{"id": 1500, "text": }\n${jsonl(records)}`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^med7: stdin, line 1501: not valid JSON/);
    const ids = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids).toEqual(records.map((r) => r.id));
  });

  it('writes no output file when the input is bad', async () => {
    const input = join(scratch, 'bad.jsonl');
    const output = join(scratch, 'never.jsonl');
    await writeFile(input, `${good}\nnot json\n`);
    const run = await runMed7([
      'annotate',
      '--input',
      input,
      '--output',
      output,
      '--model',
      TEST_MODEL,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.jsonl, line 2: not valid JSON/);
    await expect(stat(output)).rejects.toThrow();
  });

  it('names an input file that cannot be read', async () => {
    const run = await runMed7(['annotate', '--input', join(scratch, 'missing.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*missing\.jsonl/);
  });

  it('names an output file that cannot be written', async () => {
    const output = join(scratch, 'no-such-dir', 'out.jsonl');
    const run = await runMed7(['annotate', '--output', output, '--model', TEST_MODEL], `${good}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*out\.jsonl/);
  });

  it('says clearly when the model folder is wrong (exit 1)', async () => {
    const run = await runMed7(['annotate', '--model', join(scratch, 'no-model')], `${good}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Model folder not found/);
  });

  it('leaves the output file as it was when the run fails, even when it is the input', async () => {
    const notes = join(scratch, 'notes.jsonl');
    await writeFile(notes, `${good}\n`);
    const run = await runMed7([
      'annotate',
      '--input',
      notes,
      '--output',
      notes,
      '--model',
      join(scratch, 'no-model'),
    ]);
    expect(run.code).toBe(1);
    expect(await readFile(notes, 'utf8')).toBe(`${good}\n`);
    expect((await readdir(scratch)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The same command with a model that loads replaces the file with its annotated records.
    const ok = await runMed7([
      'annotate',
      '--input',
      notes,
      '--output',
      notes,
      '--model',
      TEST_MODEL,
    ]);
    expect(ok.code).toBe(0);
    const [record] = (await readFile(notes, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(record).toMatchObject(JSON.parse(good));
    expect(Array.isArray(record.entities)).toBe(true);
  });

  it('refuses a folder as the output file', async () => {
    const run = await runMed7(
      ['annotate', '--output', scratch, '--model', TEST_MODEL],
      `${good}\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*: it is a folder/);
  });
});
