/** `med7 eval`, spawned as users run it: bad gold, no records, and `--predictions`. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

describe('med7 eval: bad gold stops with the line number and exit 2', () => {
  const text = 'Lasix 40 mg';
  const cases: [string, unknown, RegExp][] = [
    ['no entities', { text }, /line 1: a gold record needs "entities"/],
    [
      'offsets past the text',
      { text, entities: [[0, 99, 'DRUG']] },
      /line 1: entity 1 .* outside the text/,
    ],
    ['an unknown label', { text, entities: [[0, 5, 'DISEASE']] }, /not one of Med7's seven/],
    [
      'overlapping entities',
      {
        text,
        entities: [
          [0, 5, 'DRUG'],
          [3, 8, 'STRENGTH'],
        ],
      },
      /overlaps/,
    ],
    ['a malformed entity', { text, entities: [[0, 5]] }, /is not \[start, end, label\]/],
    [
      'entities that are an object',
      { text, entities: { DRUG: [0, 5] } },
      /"entities" must be an array of \[start, end, label\], got an object/,
    ],
  ];
  for (const [name, record, message] of cases) {
    it(name, async () => {
      const path = join(scratch, `gold-${name.replace(/\W+/g, '-')}.jsonl`);
      await writeFile(path, jsonl([record]));
      const run = await runMed7(['eval', path, '--model', TEST_MODEL]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    });
  }
});

describe('med7 eval: a gold file without records', () => {
  // Scores over nothing are all zero and would read as a real (terrible) result.
  it('exits 2 before loading the model', async () => {
    const path = join(scratch, 'gold-empty.jsonl');
    await writeFile(path, '');
    const run = await runMed7(['eval', path, '--model', join(scratch, 'no-model')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`med7: ${path} has no records\n`);
    expect(run.stdout).toBe('');
    const scored = await runMed7(['eval', path, '--predictions', path]);
    expect(scored.code).toBe(2);
    expect(scored.stderr).toMatch(/has no records/);
  });

  it('reports a file of blank lines as an empty line', async () => {
    const path = join(scratch, 'gold-blank.jsonl');
    await writeFile(path, '\n\n');
    const run = await runMed7(['eval', path, '--model', join(scratch, 'no-model')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 1: empty line/);
  });
});

describe("med7 eval --predictions: scores another system's output without a model", () => {
  const text = 'Lasix 40 mg p.o. daily';
  const gold = {
    id: 'g1',
    text,
    entities: [
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [12, 16, 'ROUTE'],
      [17, 22, 'FREQUENCY'],
    ],
  };
  // one exact, one boundary error (lenient only), one wrong label, one missed
  const predicted = {
    id: 'g1',
    text,
    entities: [
      [0, 5, 'DRUG'],
      [6, 8, 'STRENGTH'],
      [12, 16, 'FREQUENCY'],
    ],
  };

  async function files(pred: unknown[]): Promise<[string, string]> {
    const goldPath = join(scratch, 'pred-gold.jsonl');
    const predPath = join(scratch, `pred-${pred.length}-${Math.random()}.jsonl`);
    await writeFile(goldPath, jsonl([gold, { id: 'g2', text: 'No drugs.', entities: [] }]));
    await writeFile(predPath, jsonl(pred));
    return [goldPath, predPath];
  }

  it('gives the exact strict and lenient counts', async () => {
    const [goldPath, predPath] = await files([predicted, { text: 'No drugs.', entities: [] }]);
    const run = await runMed7(['eval', goldPath, '--predictions', predPath, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      predictions: string;
      micro: Record<'strict' | 'lenient', { tp: number; predicted: number; gold: number }>;
    };
    expect(report.predictions).toBe(predPath);
    expect(report.micro.strict).toMatchObject({ tp: 1, predicted: 3, gold: 4 });
    expect(report.micro.lenient).toMatchObject({ tp: 2, predicted: 3, gold: 4 });
  });

  it('refuses a file with other records, other texts, or with --model', async () => {
    const [goldPath, shortPath] = await files([predicted]);
    const short = await runMed7(['eval', goldPath, '--predictions', shortPath]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/has 1 records but the gold file has 2/);

    const [, otherPath] = await files([predicted, { text: 'No drugs!', entities: [] }]);
    const other = await runMed7(['eval', goldPath, '--predictions', otherPath]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/line 2: its "text" differs from the gold record's on line 2/);

    const [, okPath] = await files([predicted, { text: 'No drugs.', entities: [] }]);
    const withModel = await runMed7([
      'eval',
      goldPath,
      '--predictions',
      okPath,
      '--model',
      TEST_MODEL,
    ]);
    expect(withModel.code).toBe(2);
    expect(withModel.stderr).toMatch(/--model and --dtype do not apply/);
  });
});
