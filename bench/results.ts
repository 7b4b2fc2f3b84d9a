/**
 * What `npm run bench` writes to bench/results.json, assembled from its parts, and the targets it
 * is read against: shared by the run (./run.ts) and the report (./report.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { countWords } from '../src/core/decode/pretokenize.ts';
import type { BrowserResult } from './browser.ts';
import type { CoresResult } from './cores.ts';
import {
  flopsPerToken,
  meanSequenceLength,
  parameterCount,
  type EncoderShape,
  type Work,
} from './flops.ts';
import type { NodeResult, Pass } from './node-bench.ts';
import { MTSAMPLES, REPO_ROOT, type Note } from './notes.ts';
import { quantile, spread, sum, type Spread } from './stats.ts';

export const OURS = join(REPO_ROOT, 'models', 'med7-compact');

export const TARGETS = {
  wasm500Ms: 150,
  readyMs: 2000,
  speedup: 15,
  nodeWordsPerSecond: 10_000,
  firstVisitBytes: 20 * 1024 * 1024,
} as const;

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

export function modelState() {
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
export interface ReferenceInfo {
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
export function summarise(
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

export function describeModel(result: NodeResult) {
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

export interface Parts {
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
export function assemble({
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
