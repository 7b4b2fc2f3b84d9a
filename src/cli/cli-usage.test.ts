/** The real `med7` command, spawned as users run it: usage, standard input and output, errors. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL } from '../test/paths.ts';
import { jsonl, runMed7, spawnMed7 } from '../test/run-med7.ts';
import { writeTinyModel } from '../test/tiny-model.ts';
import { failureLine } from './errors.ts';

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
      const run = await runMed7(args);
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
      const run = await runMed7(args);
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
    const bad = await runMed7(['annotate', '--input', '-', '--model', noModel], 'not json\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^med7: stdin, line 1: not valid JSON/);

    const gold = { text: 'Lasix 40 mg', entities: [[0, 5, 'DRUG']] };
    const predictions = join(scratch, 'dash-predictions.jsonl');
    await writeFile(predictions, jsonl([gold]));
    const run = await runMed7(['eval', '-', '--predictions', predictions, '--json'], jsonl([gold]));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 1, micro: { strict: { f1: 1 } } });
  });

  it('refuses standard input for both the gold file and --predictions', async () => {
    const run = await runMed7(['eval', '-', '--predictions', '-'], '');
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
      const run = await runMed7([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`med7: ${option} given twice; give it once\n`);
    }
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
    const run = await runMed7([
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
