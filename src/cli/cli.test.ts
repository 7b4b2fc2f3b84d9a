/** The real `med7` command, spawned as users run it. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MED7_LABELS } from '../core/labels.ts';
import { DEV_GOLD, MED7_BIN, TEST_MODEL } from '../test/paths.ts';
import { runMed7, type Med7Run } from '../test/run-med7.ts';
import { writeTinyModel } from '../test/tiny-model.ts';
import { failureLine } from './errors.ts';

const med7 = runMed7;

const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

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

interface SpawnOptions {
  /** A file (a device, say) to open as the command's standard output instead of a pipe. */
  stdout?: string;
  cwd?: string;
  input?: string;
}

interface Started {
  child: ChildProcess;
  done: Promise<Med7Run & { signal: NodeJS.Signals | null }>;
}

/** Starts `med7` like `runMed7`, with a working folder or a file as standard output. */
function startMed7(args: string[], options: SpawnOptions = {}): Started {
  const fd = options.stdout === undefined ? 'pipe' : openSync(options.stdout, 'w');
  const child = spawn(process.execPath, [MED7_BIN, ...args], {
    cwd: options.cwd,
    stdio: ['pipe', fd, 'pipe'],
  });
  if (typeof fd === 'number') closeSync(fd);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(options.input ?? '');
  const done = new Promise<Med7Run & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
  });
  return { child, done };
}

const spawnMed7 = (args: string[], options: SpawnOptions = {}) => startMed7(args, options).done;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'med7-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('med7 usage', () => {
  it('prints help and exits 0', async () => {
    for (const args of [['--help'], ['annotate', '--help'], ['eval', '-h']]) {
      const run = await med7(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: med7/);
    }
  });

  it('exits 2 on no command, an unknown command or option, or a bad --dtype', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['annotate', '--bogus'],
      ['annotate', '--dtype', 'q4'],
      ['eval'],
    ]) {
      const run = await med7(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toBe('');
    }
  });
});

describe('med7: standard output that cannot be written', () => {
  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))('says so in one line and exits 1', async () => {
    const run = await spawnMed7(['annotate', '--help'], { stdout: '/dev/full' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^med7: cannot write standard output: ENOSPC\b[^\n]*\n$/);
  });
});

describe('med7: "-" is standard input or output', () => {
  it('reads --input - and eval - from standard input', async () => {
    const noModel = join(scratch, 'no-model');
    const bad = await med7(['annotate', '--input', '-', '--model', noModel], 'not json\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^med7: stdin, line 1: not valid JSON/);

    const gold = { text: 'Lasix 40 mg', entities: [[0, 5, 'DRUG']] };
    const predictions = join(scratch, 'dash-predictions.jsonl');
    await writeFile(predictions, jsonl([gold]));
    const run = await med7(['eval', '-', '--predictions', predictions, '--json'], jsonl([gold]));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 1, micro: { strict: { f1: 1 } } });
  });

  it('refuses standard input for both the gold file and --predictions', async () => {
    const run = await med7(['eval', '-', '--predictions', '-'], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/only one of GOLD and --predictions can be standard input/);
  });

  it('writes --output - to standard output, not to a file named "-"', async () => {
    const model = join(scratch, 'dash-model');
    await writeTinyModel(TEST_MODEL, model);
    const cwd = await mkdtemp(join(scratch, 'dash-'));
    const input = jsonl([{ id: 'a', text: 'Lasix 40 mg' }]);
    const run = await spawnMed7(['annotate', '--model', model, '--output', '-', '--quiet'], {
      cwd,
      input,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'a', text: 'Lasix 40 mg' });
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe('med7: an option given twice', () => {
  // parseArgs keeps the last value only, so `--text A --text B` annotated B alone.
  it('exits 2 and names it, before loading the model', async () => {
    const noModel = join(scratch, 'no-model');
    for (const [args, option] of [
      [['annotate', '--text', 'Lasix', '--text', 'Aspirin', '--model', noModel], '--text'],
      [['annotate', '--input', 'a.jsonl', '--input=b.jsonl', '--model', noModel], '--input'],
      [['annotate', '--model', noModel, '--model', noModel, '--text', 'Lasix'], '--model'],
      [
        ['eval', 'g.jsonl', '--predictions', 'p.jsonl', '--predictions', 'q.jsonl'],
        '--predictions',
      ],
    ] as const) {
      const run = await med7([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`med7: ${option} given twice; give it once\n`);
    }
  });
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
      const run = await med7(['annotate', '--model', TEST_MODEL], input);
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
    const run = await med7(
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
    const run = await med7([
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
    const run = await med7(['annotate', '--input', join(scratch, 'missing.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*missing\.jsonl/);
  });

  it('names an output file that cannot be written', async () => {
    const output = join(scratch, 'no-such-dir', 'out.jsonl');
    const run = await med7(['annotate', '--output', output, '--model', TEST_MODEL], `${good}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*out\.jsonl/);
  });

  it('says clearly when the model folder is wrong (exit 1)', async () => {
    const run = await med7(['annotate', '--model', join(scratch, 'no-model')], `${good}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Model folder not found/);
  });

  it('leaves the output file as it was when the run fails, even when it is the input', async () => {
    const notes = join(scratch, 'notes.jsonl');
    await writeFile(notes, `${good}\n`);
    const run = await med7([
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
    const ok = await med7(['annotate', '--input', notes, '--output', notes, '--model', TEST_MODEL]);
    expect(ok.code).toBe(0);
    const [record] = (await readFile(notes, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(record).toMatchObject(JSON.parse(good));
    expect(Array.isArray(record.entities)).toBe(true);
  });

  it('refuses a folder as the output file', async () => {
    const run = await med7(['annotate', '--output', scratch, '--model', TEST_MODEL], `${good}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*: it is a folder/);
  });
});

describe('a failure is reported on one line', () => {
  it("drops onnxruntime's C++ source position and signature, and the final newline", () => {
    const message =
      'The ONNX file onnx/model_quantized.onnx in /m is broken or not an ONNX model: Load model from ' +
      '/m/onnx/model_quantized.onnx failed:/onnxruntime_src/onnxruntime/core/graph/model.cc:187 ' +
      'onnxruntime::Model::Model(onnx::ModelProto&&, const onnxruntime::PathString&, const ' +
      'onnxruntime::IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const ' +
      'onnxruntime::ModelOptions&) ModelProto does not have a graph.\n';
    expect(failureLine(message)).toBe(
      'The ONNX file onnx/model_quantized.onnx in /m is broken or not an ONNX model: Load model from ' +
        '/m/onnx/model_quantized.onnx failed: ModelProto does not have a graph.',
    );
    expect(failureLine('first line\n  second line\n\n')).toBe('first line second line');
    expect(failureLine('Model folder not found: /m')).toBe('Model folder not found: /m');
  });

  it('for an empty ONNX file (exit 1)', async () => {
    const model = join(scratch, 'empty-onnx-model');
    await writeTinyModel(TEST_MODEL, model);
    await truncate(join(model, 'onnx', 'model_quantized.onnx'), 0);
    const run = await med7([
      'annotate',
      '--model',
      model,
      '--dtype',
      'q8',
      '--text',
      'Lasix 40 mg',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^med7: The ONNX file onnx\/model_quantized\.onnx in .* is broken or not an ONNX model: [^\n]+\n$/,
    );
    expect(run.stderr).not.toMatch(/\.cc:\d+|onnxruntime::/);
  });
});

describe('med7 annotate --output to what is not a plain file', () => {
  const posix = process.platform !== 'win32';
  const record = { id: 'a', text: 'Lasix 40 mg' };
  let model: string;
  let dir: string;
  beforeAll(async () => {
    model = join(scratch, 'output-model');
    await writeTinyModel(TEST_MODEL, model);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(scratch, 'output-'));
  });

  const annotateTo = (output: string) =>
    med7(['annotate', '--model', model, '--output', output, '--quiet'], jsonl([record]));
  const temps = async (folder: string) =>
    (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

  it.skipIf(!posix)('writes through a symbolic link, which stays a link', async () => {
    const real = join(dir, 'real');
    await mkdir(real);
    const file = join(real, 'notes.jsonl');
    const link = join(dir, 'link.jsonl');
    await writeFile(file, 'old\n');
    await symlink(file, link);
    const run = await annotateTo(link);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
    expect([...(await temps(dir)), ...(await temps(real))]).toEqual([]);
  });

  it.skipIf(!posix)('creates the file a dangling link names', async () => {
    const file = join(dir, 'new.jsonl');
    const link = join(dir, 'link.jsonl');
    await symlink('new.jsonl', link);
    const run = await annotateTo(link);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
  });

  it.skipIf(!posix)("keeps the replaced file's permissions", async () => {
    const file = join(dir, 'private.jsonl');
    await writeFile(file, 'old\n');
    await chmod(file, 0o600);
    const run = await annotateTo(file);
    expect(run.code, run.stderr).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
  });

  // Devices (/dev/null, /dev/full, /dev/stdout) take the same path as a FIFO; they are not used
  // here because the old behaviour, run as root, replaced them with a regular file.
  it.skipIf(!posix)('writes into a FIFO, which stays a FIFO', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader is a process, so it can be stopped if the FIFO is replaced under it.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const read: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => read.push(chunk));
    const readerDone = once(reader, 'close');
    const run = await annotateTo(fifo);
    const stillFifo = (await lstat(fifo)).isFIFO();
    if (!stillFifo) reader.kill();
    await readerDone;
    expect(stillFifo).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(Buffer.concat(read).toString())).toMatchObject(record);
    expect(await temps(dir)).toEqual([]);
  });

  it.skipIf(!posix)(
    'fails when a write fails after it was accepted (the reader left)',
    async () => {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      // Opens the FIFO, which lets med7 open it too, and closes it before med7 writes.
      const reader = spawn('sh', ['-c', 'exec 3< "$1"', 'sh', fifo], { stdio: 'ignore' });
      const readerDone = once(reader, 'close');
      const run = await annotateTo(fifo);
      await readerDone;
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^med7: cannot write .*fifo: EPIPE/);
    },
  );
});

/** Waits until `check` holds, polling. */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('med7 annotate --output, interrupted', () => {
  let model: string;
  beforeAll(async () => {
    model = join(scratch, 'signal-model');
    await writeTinyModel(TEST_MODEL, model);
  });

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it.skipIf(process.platform === 'win32')(
      `removes its temporary file on ${signal} and leaves the file as it was`,
      async () => {
        const dir = await mkdtemp(join(scratch, 'signal-'));
        const file = join(dir, 'notes.jsonl');
        await writeFile(file, 'old\n');
        const input = jsonl(
          Array.from({ length: 2000 }, (_, id) => ({ id, text: 'Lasix 40 mg p.o. daily' })),
        );
        const { child, done } = startMed7(
          ['annotate', '--model', model, '--output', file, '--quiet'],
          { input },
        );
        // The temporary file is made before the model loads, so the signal comes mid-run.
        await until(async () => (await readdir(dir)).length > 1);
        child.kill(signal);
        const run = await done;
        expect(run.signal === signal || run.code === status, `${run.signal} ${run.code}`).toBe(
          true,
        );
        expect(await readdir(dir)).toEqual(['notes.jsonl']);
        expect(await readFile(file, 'utf8')).toBe('old\n');
      },
    );
  }
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
      const run = await med7(['eval', path, '--model', TEST_MODEL]);
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
    const run = await med7(['eval', path, '--model', join(scratch, 'no-model')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`med7: ${path} has no records\n`);
    expect(run.stdout).toBe('');
    const scored = await med7(['eval', path, '--predictions', path]);
    expect(scored.code).toBe(2);
    expect(scored.stderr).toMatch(/has no records/);
  });

  it('reports a file of blank lines as an empty line', async () => {
    const path = join(scratch, 'gold-blank.jsonl');
    await writeFile(path, '\n\n');
    const run = await med7(['eval', path, '--model', join(scratch, 'no-model')]);
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
    const run = await med7(['eval', goldPath, '--predictions', predPath, '--json']);
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
    const short = await med7(['eval', goldPath, '--predictions', shortPath]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/has 1 records but the gold file has 2/);

    const [, otherPath] = await files([predicted, { text: 'No drugs!', entities: [] }]);
    const other = await med7(['eval', goldPath, '--predictions', otherPath]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/line 2: its "text" differs from the gold record's on line 2/);

    const [, okPath] = await files([predicted, { text: 'No drugs.', entities: [] }]);
    const withModel = await med7([
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

describe('med7 annotate with the model', () => {
  it('keeps every field, adds entities, and gives none for empty text', async () => {
    const input = jsonl([
      { id: 'r1', text: 'Lasix 40 mg IV b.i.d. for 3 days.', source: 'x', n: 1 },
      { id: 'empty', text: '' },
      { text: '   \r\n\t' },
    ]);
    const run = await med7(['annotate', '--model', TEST_MODEL], input);
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
    const run = await med7(['annotate', '--model', TEST_MODEL, '--quiet'], input);
    expect(run.code, run.stderr).toBe(0);
    // JSON.parse and JSON.stringify gave 12345678901234567000, null, "é/" and {"n":1}.
    expect(run.stdout).toBe(
      '{"id":12345678901234567890,"text":"Lasix 40 mg","x":1e999,"s":"\\u00e9\\/","o":{"n": 1.0},' +
        '"entities":[[0,5,"DRUG"],[6,11,"STRENGTH"]]}\n',
    );
  });

  it('prints one string as a table with --text', async () => {
    const run = await med7(['annotate', '--model', TEST_MODEL, '--text', 'Lasix 40 mg IV daily']);
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
    const run = await med7([
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
    const run = await med7(['annotate', '--model', model, '--quiet'], jsonl([{ id: 'big', text }]));
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
