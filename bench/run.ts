/**
 * `npm run bench`: speed and size of med7-web, beside a RoBERTa-base-shaped reference generated in
 * the same run. Writes bench/results.json (everything measured) and bench/RESULTS.md (the report).
 *
 *     npm run bench [-- --notes 80 --ref-words 2000 --repeats 3 --visits 3 --length-notes 5
 *                        --webgpu-visits 1 --webgpu-budget-s 200 --webgpu-notes 2]
 *     npm run bench -- --notes all      (every unique note: long on 2 cores)
 *     npm run bench -- --quick          (a few minutes: wiring check, numbers not meaningful)
 *     npm run bench -- --skip-browser   (Node and the reference only)
 *     npm run bench -- --skip-cores     (without the "Cores" section: one core against all, by
 *                                        `med7 annotate`'s engine; bench/cores.ts)
 *     npm run bench -- --report-only    (RESULTS.md again from results.json, nothing measured)
 *
 * Uses only public tools: Node's `performance.now()`, `process.resourceUsage()`, Playwright, the
 * library's own `loadMed7Model` and the training pipeline's own export and quantization.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { countWords } from '../src/core/decode/pretokenize.ts';
import { runBrowser, DIST, type BrowserResult } from './browser.ts';
import {
  flopsPerToken,
  meanSequenceLength,
  parameterCount,
  type EncoderShape,
  type Work,
} from './flops.ts';
import type { Inputs, NodeResult, Pass } from './node-bench.ts';
import { MTSAMPLES, notesOfLength, REPO_ROOT, shuffled, uniqueNotes, type Note } from './notes.ts';
import { renderReport } from './report.ts';
import { renderCores, type CoresResult } from './cores.ts';

/** The report with its "Cores" section, when it was measured. */
function withCores(report: string, cores: CoresResult | undefined): string {
  return cores === undefined ? report : `${report.trimEnd()}\n\n${renderCores(cores).join('\n')}\n`;
}
import { quantile, spread, sum, type Spread } from './stats.ts';

const BENCH = join(REPO_ROOT, 'bench');
const TMP = join(BENCH, 'tmp');
const OURS = join(REPO_ROOT, 'models', 'med7-compact');
const REFERENCE = join(TMP, 'reference');
const SEED = 20260107;
const LENGTHS = [100, 500, 2000] as const;

export const TARGETS = {
  wasm500Ms: 150,
  readyMs: 2000,
  speedup: 15,
  nodeWordsPerSecond: 10_000,
  firstVisitBytes: 20 * 1024 * 1024,
} as const;

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function version(pkg: string): string {
  try {
    const file = join(REPO_ROOT, 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function cpuFlags(): string[] {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('flags'));
    const flags = new Set(line?.split(':')[1]?.trim().split(/\s+/) ?? []);
    return ['avx2', 'fma', 'avx512f', 'avx512_vnni', 'avx_vnni', 'amx_int8'].filter((f) =>
      flags.has(f),
    );
  } catch {
    return [];
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed: ${signal ?? `exit ${code}`}`)),
    );
  });
}

async function nodeBench(
  model: string,
  inputs: Inputs,
  name: string,
  batched: boolean,
  pair?: string,
) {
  const inputFile = join(TMP, `inputs-${name}.json`);
  const outFile = join(TMP, `node-${name}.json`);
  writeFileSync(inputFile, JSON.stringify(inputs));
  const args = ['--import', 'tsx', join(BENCH, 'node-bench.ts'), '--model', model];
  args.push('--inputs', inputFile, '--out', outFile);
  if (batched) args.push('--batched');
  if (pair !== undefined) args.push('--pair', pair);
  await run(process.execPath, args);
  return JSON.parse(readFileSync(outFile, 'utf8')) as NodeResult;
}

function modelState() {
  let preset = 'unknown';
  try {
    const metrics = JSON.parse(readFileSync(join(REPO_ROOT, 'training', 'metrics.json'), 'utf8'));
    preset = String((metrics as { preset?: string }).preset ?? 'unknown');
  } catch {
    // No training metrics next to the model.
  }
  // the file the CPU and WASM run (config.json's transformers.js_config; WebGPU runs the q8 file)
  const onnx = join(OURS, 'onnx', 'model_int8.onnx');
  const bytes = readFileSync(onnx);
  return {
    preset,
    onnxBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    modified: statSync(onnx).mtime.toISOString(),
  };
}

/** What bench/make_reference.py writes to reference.json, and how long making it took. */
interface ReferenceInfo {
  n_params: number;
  quantized_matrices: number;
  onnx_bytes: number;
  export_s: number;
  quantize_s: number;
  seed: number;
  torch: string;
  onnx: string;
  generateS: number;
}

/** Summaries of one model's Node run over the first `count` notes of the sample. */
function summarise(
  passes: readonly Pass[],
  work: readonly Work[],
  shape: EncoderShape,
  words: readonly number[],
  count: number,
) {
  const noteWords = sum(words.slice(0, count));
  const passMs = passes.map((pass) => sum(pass.ms.slice(0, count)));
  const used = work.slice(0, count);
  const flops = sum(used.map((w) => w.flops));
  const tokens = sum(used.map((w) => w.tokens));
  const realTokens = sum(used.map((w) => w.realTokens));
  const total: Work = { calls: sum(used.map((w) => w.calls)), tokens, realTokens, flops };
  return {
    notes: count,
    words: noteWords,
    passes: passes.length,
    wordsPerSecond: spread(passMs.map((ms) => noteWords / (ms / 1000))),
    p50Ms: spread(passes.map((pass) => quantile(pass.ms.slice(0, count), 0.5))),
    p95Ms: spread(passes.map((pass) => quantile(pass.ms.slice(0, count), 0.95))),
    passMs: spread(passMs),
    /** CPU time over wall time of the whole passes: the cores this process actually got. */
    coresUsed: spread(passes.map((pass) => pass.cpuMs / pass.totalMs)),
    /** Words per second of CPU time (all threads): less sensitive to other load than words/s. */
    wordsPerCpuSecond: spread(passes.map((pass) => noteWords / (pass.cpuMs / 1000))),
    gflops: spread(passMs.map((ms) => flops / (ms / 1000) / 1e9)),
    work: total,
    tokensPerWord: realTokens / noteWords,
    flopsPerWord: flops / noteWords,
    meanSequenceLength: meanSequenceLength(total, shape),
  };
}

function describeModel(result: NodeResult) {
  const shape = result.shape;
  return {
    shape,
    parameters: parameterCount(shape),
    flopsPerToken: {
      at128: flopsPerToken(shape, 128),
      atFullWindow: flopsPerToken(shape, 258),
    },
    loadMs: {
      first: result.loadMs[0] ?? NaN,
      later: spread(result.loadMs.slice(1)),
    },
    memory: result.memory,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string', default: '80' },
      'ref-words': { type: 'string', default: '2000' },
      repeats: { type: 'string', default: '3' },
      loads: { type: 'string', default: '5' },
      visits: { type: 'string', default: '3' },
      'webgpu-visits': { type: 'string', default: '1' },
      'webgpu-budget-s': { type: 'string', default: '200' },
      'webgpu-notes': { type: 'string', default: '2' },
      'length-notes': { type: 'string', default: '5' },
      group: { type: 'string', default: '32' },
      port: { type: 'string', default: '4329' },
      quick: { type: 'boolean', default: false },
      'skip-browser': { type: 'boolean', default: false },
      'skip-cores': { type: 'boolean', default: false },
      'keep-reference': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
    },
  });
  if (values['report-only']) {
    // Rewrites RESULTS.md from results.json (after a change to the report's wording).
    const saved = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')) as Results;
    writeFileSync(join(BENCH, 'RESULTS.md'), withCores(renderReport(saved), saved.cores));
    log('rewrote bench/RESULTS.md from bench/results.json');
    return;
  }
  const quick = values.quick;
  const int = (v: string | undefined, q: number): number => (quick ? q : Number(v));
  const settings = {
    seed: SEED,
    notes: values.notes === 'all' && !quick ? Infinity : int(values.notes, 12),
    refWords: int(values['ref-words'], 600),
    repeats: int(values.repeats, 1),
    loads: int(values.loads, 2),
    visits: int(values.visits, 1),
    webgpuVisits: int(values['webgpu-visits'], 1),
    webgpuBudgetS: int(values['webgpu-budget-s'], 20),
    webgpuNotes: int(values['webgpu-notes'], 1),
    lengthNotes: int(values['length-notes'], 2),
    group: Number(values.group),
    quick,
  };
  const started = performance.now();
  const startedAt = new Date();
  const loadStart = loadavg();
  /** 1-minute load average as each phase ends: how shared the machine was while it ran. */
  const phaseLoad: Record<string, number> = {};
  const mark = (phase: string): void => void (phaseLoad[phase] = loadavg()[0] ?? NaN);
  mkdirSync(TMP, { recursive: true });

  // ---- inputs -------------------------------------------------------------------------------
  const unique = uniqueNotes();
  const sample = shuffled(unique, SEED).slice(0, settings.notes);
  const words = sample.map((note) => note.words);
  let refCount = 0;
  while (refCount < sample.length && sum(words.slice(0, refCount)) < settings.refWords) refCount++;
  const lengthSource = shuffled(unique, SEED + 1);
  const lengths: Record<string, string[]> = {};
  for (const n of LENGTHS) {
    lengths[String(n)] = notesOfLength(lengthSource, n, settings.lengthNotes);
  }
  log(
    `${unique.length} unique MTSamples notes; sample ${sample.length} notes / ${sum(words)} words; ` +
      `reference subset ${refCount} notes / ${sum(words.slice(0, refCount))} words`,
  );

  // ---- the reference, generated now ------------------------------------------------------------
  const state = modelState();
  const refT0 = performance.now();
  const referenceJson = join(REFERENCE, 'reference.json');
  if (!values['keep-reference'] || !statExists(referenceJson)) {
    log('generating the RoBERTa-base-shaped reference (training/ export + int8 quantization)');
    await run(
      '/usr/bin/python3',
      [join(BENCH, 'make_reference.py'), '--like', OURS, '--out', REFERENCE],
      {
        OMP_NUM_THREADS: '2',
      },
    );
  }
  const referenceInfo: ReferenceInfo = {
    ...(JSON.parse(readFileSync(referenceJson, 'utf8')) as Omit<ReferenceInfo, 'generateS'>),
    generateS: (performance.now() - refT0) / 1000,
  };

  // ---- Node ---------------------------------------------------------------------------------
  const texts = sample.map((note) => note.text);
  log(
    `Node, our model: ${settings.repeats} per-note and batched passes over ${sample.length} notes`,
  );
  const ours = await nodeBench(
    OURS,
    {
      sample: texts,
      count: sample.length,
      repeats: settings.repeats,
      loads: settings.loads,
      group: settings.group,
      lengths,
      pairs: 0,
    },
    'ours',
    true,
  );
  mark('node-ours');
  // One core against all, in a process of its own (its CPU time is the engine's alone).
  let cores: CoresResult | undefined;
  if (!values['skip-cores']) {
    log('Node, cores: one model on 1 core, a pool of workers and intra-op threads on all');
    const coresFile = join(TMP, 'cores.json');
    const q = (n: number) => String(quick ? Math.min(n, 2) : n);
    await run(process.execPath, [
      '--import',
      'tsx',
      join(BENCH, 'cores.ts'),
      '--repeats',
      q(settings.repeats),
      '--short',
      quick ? '500' : '20000',
      '--long',
      quick ? '4' : '48',
      '--out',
      coresFile,
    ]);
    cores = JSON.parse(readFileSync(coresFile, 'utf8')) as CoresResult;
    mark('node-cores');
  }
  log(`Node, reference: ${settings.repeats} per-note passes over ${refCount} notes`);
  // Separate processes: in one process the two sessions' spinning worker threads slow each other
  // down (measured: our model ~3× slower right after the reference), which would bias the ratio.
  const reference = await nodeBench(
    REFERENCE,
    {
      sample: texts,
      count: refCount,
      repeats: settings.repeats,
      loads: Math.min(2, settings.loads),
      group: settings.group,
      lengths: {},
      pairs: 0,
    },
    'reference',
    false,
  );
  mark('node-reference');

  const oursAll = summarise(ours.perNote, ours.workPerNote, ours.shape, words, sample.length);
  const oursSubset = summarise(ours.perNote, ours.workPerNote, ours.shape, words, refCount);
  const refSubset = summarise(
    reference.perNote,
    reference.workPerNote,
    reference.shape,
    words,
    refCount,
  );
  const batchedMs = ours.batched.map((pass) => pass.totalMs);
  const batched = {
    group: settings.group,
    wordsPerSecond: spread(batchedMs.map((ms) => sum(words) / (ms / 1000))),
    coresUsed: spread(ours.batched.map((pass) => pass.cpuMs / pass.totalMs)),
    wordsPerCpuSecond: spread(ours.batched.map((pass) => sum(words) / (pass.cpuMs / 1000))),
    gflops: spread(batchedMs.map((ms) => ours.workBatched.flops / (ms / 1000) / 1e9)),
    work: ours.workBatched,
    meanSequenceLength: meanSequenceLength(ours.workBatched, ours.shape),
  };
  // The reference's time over ours on the same notes: median over median, and the extremes.
  const oursMs = ours.perNote.map((pass) => sum(pass.ms.slice(0, refCount)));
  const refMs = reference.perNote.map((pass) => sum(pass.ms.slice(0, refCount)));
  const speedup: Spread = {
    median: spread(refMs).median / spread(oursMs).median,
    min: Math.min(...refMs) / Math.max(...oursMs),
    max: Math.max(...refMs) / Math.min(...oursMs),
    n: Math.min(refMs.length, oursMs.length),
  };
  const nodeLengths = Object.fromEntries(
    Object.entries(ours.lengths).map(([n, { ms }]) => [n, spread(ms)]),
  );

  // ---- browser ------------------------------------------------------------------------------
  let browser: BrowserResult | { skipped: true } | { error: string } = { skipped: true };
  if (!values['skip-browser']) {
    log('building the demo into bench/tmp/dist');
    await run('npx', [
      'vite',
      'build',
      '--outDir',
      relative(REPO_ROOT, DIST),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ]);
    log('browser: headless Chromium on the built demo');
    try {
      browser = await runBrowser({
        port: Number(values.port),
        wasm: {
          visits: settings.visits,
          budgetMs: 240_000,
          warmUpEach: true,
          maxNotes: settings.lengthNotes,
        },
        webgpu: {
          visits: settings.webgpuVisits,
          budgetMs: settings.webgpuBudgetS * 1000,
          warmUpEach: false,
          maxNotes: settings.webgpuNotes,
        },
        lengths,
        timeoutMs: 180_000,
        log,
      });
    } catch (error) {
      log(`browser failed: ${String(error)}`);
      browser = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  if (!values['skip-browser']) mark('browser');
  let chromiumVersion: string | undefined;
  if ('chromium' in browser) chromiumVersion = browser.chromium;
  else {
    try {
      chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      chromiumVersion = undefined;
    }
  }

  const results = assemble({
    startedAt,
    started,
    settings,
    loadStart,
    phaseLoad,
    chromiumVersion,
    referenceInfo,
    unique,
    sample,
    words,
    refCount,
    lengths,
    state,
    ours,
    reference,
    oursAll,
    oursSubset,
    refSubset,
    batched,
    nodeLengths,
    speedup,
    browser,
    cores,
  });
  writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(BENCH, 'RESULTS.md'), withCores(renderReport(results), results.cores));
  log(`wrote bench/results.json and bench/RESULTS.md in ${Math.round(results.durationS)} s`);
}

interface Parts {
  cores: CoresResult | undefined;
  startedAt: Date;
  started: number;
  settings: Record<string, number | boolean>;
  loadStart: number[];
  phaseLoad: Record<string, number>;
  chromiumVersion: string | undefined;
  referenceInfo: ReferenceInfo;
  unique: readonly Note[];
  sample: readonly Note[];
  words: readonly number[];
  refCount: number;
  lengths: Record<string, string[]>;
  state: ReturnType<typeof modelState>;
  ours: NodeResult;
  reference: NodeResult;
  oursAll: Summary;
  oursSubset: Summary;
  refSubset: Summary;
  batched: {
    group: number;
    wordsPerSecond: Spread;
    coresUsed: Spread;
    wordsPerCpuSecond: Spread;
    gflops: Spread;
    work: Work;
    meanSequenceLength: number;
  };
  nodeLengths: Record<string, Spread>;
  speedup: Spread;
  browser: BrowserResult | { skipped: true } | { error: string };
}

type Summary = ReturnType<typeof summarise>;

/** Everything measured, as written to bench/results.json. */
function assemble({
  startedAt,
  started,
  settings,
  loadStart,
  phaseLoad,
  chromiumVersion,
  referenceInfo,
  unique,
  sample,
  words,
  refCount,
  lengths,
  state,
  ours,
  reference,
  oursAll,
  oursSubset,
  refSubset,
  batched,
  nodeLengths,
  speedup,
  browser,
  cores,
}: Parts) {
  const cpu = cpus();
  return {
    date: startedAt.toISOString(),
    durationS: (performance.now() - started) / 1000,
    settings,
    machine: {
      cpu: cpu[0]?.model ?? 'unknown',
      logicalCores: cpu.length,
      availableParallelism: availableParallelism(),
      cpuFlags: cpuFlags(),
      memoryBytes: totalmem(),
      loadAverageStart: loadStart,
      loadAverageEnd: loadavg(),
      loadAverageAfterPhase: phaseLoad,
    },
    versions: {
      node: process.version,
      transformers: version('@huggingface/transformers'),
      onnxruntimeNode: version('onnxruntime-node'),
      onnxruntimeWeb: version('onnxruntime-web'),
      playwright: version('@playwright/test'),
      vite: version('vite'),
      chromium: chromiumVersion,
      torch: referenceInfo.torch,
      onnx: referenceInfo.onnx,
    },
    data: {
      source: relative(REPO_ROOT, MTSAMPLES),
      uniqueNotes: unique.length,
      uniqueWords: sum(unique.map((n) => n.words)),
      sampleNotes: sample.length,
      sampleWords: sum(words),
      sampleIds: sample.map((n) => n.id),
      referenceNotes: refCount,
      referenceWords: sum(words.slice(0, refCount)),
      lengthNoteWords: Object.fromEntries(
        Object.entries(lengths).map(([n, list]) => [n, list.map(countWords)]),
      ),
    },
    model: { ...state, ...describeModel(ours) },
    reference: { ...referenceInfo, ...describeModel(reference) },
    node: {
      threads: 'onnxruntime-node defaults (transformers.js sets no thread count)',
      overheadMs: ours.overheadMs,
      ours: { all: oursAll, subset: oursSubset, batched, lengths: nodeLengths },
      reference: { subset: refSubset },
      speedup,
      flopsRatio: refSubset.work.flops / oursSubset.work.flops,
    },
    browser,
    /** `med7 annotate`'s engine on one core and on all (bench/cores.ts); absent with --skip-cores. */
    cores,
    targets: TARGETS,
  };
}

export type Results = ReturnType<typeof assemble>;

function statExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

await main();
