/* eslint-disable max-lines -- the one bench entry point: its phases share the build, the notes and the results */
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
 * Over 350 lines: one script running the bench's phases in order; what it writes is assembled
 * in ./results.ts and rendered in ./report.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemo, runBrowser, type BrowserResult } from './browser.ts';
import type { Inputs, NodeResult } from './node-bench.ts';
import { notesOfLength, REPO_ROOT, shuffled, uniqueNotes } from './notes.ts';
import { meanSequenceLength } from './flops.ts';
import { renderReport } from './report.ts';
import { renderCores, type CoresResult } from './cores.ts';

import { spread, sum, type Spread } from './stats.ts';
import { errorMessage } from '../src/core/error-message.ts';
import {
  assemble,
  modelState,
  OURS,
  summarise,
  type ReferenceInfo,
  type Results,
} from './results.ts';

/** The report with its "Cores" section, when it was measured. */
function withCores(report: string, cores: CoresResult | undefined): string {
  return cores === undefined ? report : `${report.trimEnd()}\n\n${renderCores(cores).join('\n')}\n`;
}

const BENCH = join(REPO_ROOT, 'bench');
const TMP = join(BENCH, 'tmp');
const REFERENCE = join(TMP, 'reference');
const SEED = 20260107;
const LENGTHS = [100, 500, 2000] as const;

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
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
      port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4329' },
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
  // a warm-up note and the timed ones per length, each length from other notes (the sentence
  // cache would otherwise serve sentences a shorter length already analysed)
  LENGTHS.forEach((n, k) => {
    lengths[String(n)] = notesOfLength(lengthSource.slice(k * 400), n, settings.lengthNotes + 1);
  });
  // analysed right after ready on each first visit: 500 words from notes none of the lengths use
  const firstNote = notesOfLength(lengthSource.slice(LENGTHS.length * 400), 500, 1)[0];
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
    buildDemo();
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
        ...(firstNote === undefined ? {} : { firstNote }),
        timeoutMs: 180_000,
        log,
      });
    } catch (error) {
      log(`browser failed: ${String(error)}`);
      browser = { error: errorMessage(error) };
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

function statExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

await main();
