/**
 * One model's Node measurements, in a process of its own (so its peak memory is its own). Run by
 * bench/run.ts:
 *
 *     tsx bench/node-bench.ts --model DIR --inputs bench/tmp/inputs.json --out FILE [--batched]
 *                             [--pair OTHER_DIR]
 *
 * Loads the model through `loadMed7Model` (the library's one code path) and times `extract(text)`
 * one note at a time (the latency a user sees), optionally `extractMany` over groups of notes (the
 * corpus path of `med7 annotate`), and records the exact batch shapes the model is fed, for FLOPs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoTokenizer } from '@huggingface/transformers';
import { createExtractor } from '../src/core/decode/extract.ts';
import { loadMed7Model, type Med7Model } from '../src/model/index.ts';
import { specialTokens } from '../src/model/loader.ts';
import { addBatch, emptyWork, shapeOf, type EncoderShape, type Work } from './flops.ts';

/** What bench/run.ts writes to --inputs. */
export interface Inputs {
  /** The fixed seeded sample of unique notes (texts), timed one at a time. */
  readonly sample: readonly string[];
  /** How many notes (a prefix of `sample`) this model is timed on. */
  readonly count: number;
  /** Passes over the notes. */
  readonly repeats: number;
  /** Loads timed (the model is disposed and loaded again). */
  readonly loads: number;
  /** Notes per `extractMany` call in the batched passes. */
  readonly group: number;
  /** Paired passes with the `--pair` model, interleaved note by note. */
  readonly pairs: number;
  /** Notes of exactly 100, 500, 2,000 words (several of each), timed one at a time. */
  readonly lengths: Readonly<Record<string, readonly string[]>>;
}

export interface Pass {
  /** Milliseconds per note, in sample order. */
  readonly ms: number[];
  readonly totalMs: number;
  /** CPU time of this process during the pass (all its threads, user + system), ms. */
  readonly cpuMs: number;
}

/** CPU time of this process so far, ms. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface NodeResult {
  readonly model: string;
  readonly device: string;
  readonly dtype: string;
  readonly config: Record<string, unknown>;
  readonly shape: EncoderShape;
  /** Milliseconds of each `loadMed7Model` (config, tokenizer, ONNX session, one warm-up run). */
  readonly loadMs: number[];
  readonly count: number;
  readonly perNote: Pass[];
  readonly batched: Pass[];
  /**
   * With `--pair`: per-note passes of the other model and of this one, interleaved note by note
   * (other, self, other; the other's time per note is the mean of its two runs).
   */
  readonly pairs: { other: Pass; self: Pass }[];
  readonly lengths: Record<string, { ms: number[] }>;
  /** What the model computes for each note on its own (one per-note pass, in sample order). */
  readonly workPerNote: Work[];
  /** What it computes in one batched pass. */
  readonly workBatched: Work;
  /**
   * One pass of the library's extractor around a no-op model (zero logits): tokenising, windowing
   * and decoding, i.e. the time outside the model, per-note and batched.
   */
  readonly overheadMs: { perNote: number; batched: number };
  readonly memory: {
    /** `process.resourceUsage().maxRSS`, bytes: the peak resident set of this process. */
    readonly maxRss: number;
    /** Peaks of `process.memoryUsage()` sampled every 20 ms, bytes. */
    readonly rss: number;
    readonly heapUsed: number;
    readonly external: number;
    readonly arrayBuffers: number;
  };
}

function memorySampler() {
  const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = (): void => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { maxRss: process.resourceUsage().maxRSS * 1024, ...peak };
    },
  };
}

/**
 * The batch shapes the model is fed, from the library's own extractor with the model's tokenizer
 * and a forward that only records (returns zero logits): the same windows, batches and padding.
 */
async function measureWork(
  folder: string,
  model: Med7Model,
  shape: EncoderShape,
  calls: readonly (readonly string[])[],
): Promise<{ work: Work[]; overheadMs: number }> {
  const tokenizer = await AutoTokenizer.from_pretrained(folder, { local_files_only: true });
  const { prefix, suffix } = specialTokens(tokenizer);
  let work = emptyWork();
  const extractor = createExtractor({
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }),
    prefix,
    suffix,
    tags: model.tags,
    maxLength: model.maxLength,
    forward: (batch) => {
      addBatch(work, shape, batch);
      const dims = [batch.inputIds.length, batch.length, model.tags.length];
      return Promise.resolve({ data: new Float32Array(dims[0]! * dims[1]! * dims[2]!), dims });
    },
  });
  const out: Work[] = [];
  for (const texts of calls) {
    work = emptyWork();
    await extractor.extractMany(texts);
    out.push(work);
  }
  // Again, timed, with the tokenisation cache as warm as the real model's: the cost of everything
  // but the model (tokenising, windowing, decoding, the logits read-out over zeros).
  work = emptyWork(); // counts nothing that is returned
  const started = performance.now();
  for (const texts of calls) await extractor.extractMany(texts);
  return { work: out, overheadMs: performance.now() - started };
}

/** One `extract` per note, timed. */
async function perNotePass(model: Med7Model, notes: readonly string[]): Promise<Pass> {
  const ms: number[] = [];
  const cpu = cpuMs();
  const started = performance.now();
  for (const text of notes) {
    const t = performance.now();
    await model.extract(text);
    ms.push(performance.now() - t);
  }
  return { ms, totalMs: performance.now() - started, cpuMs: cpuMs() - cpu };
}

function groups<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      inputs: { type: 'string' },
      out: { type: 'string' },
      batched: { type: 'boolean', default: false },
      pair: { type: 'string' },
    },
  });
  if (values.model === undefined || values.inputs === undefined || values.out === undefined) {
    throw new Error(
      'usage: node-bench.ts --model DIR --inputs FILE --out FILE [--batched] [--pair DIR]',
    );
  }
  const folder = resolve(values.model);
  const inputs = JSON.parse(readFileSync(values.inputs, 'utf8')) as Inputs;
  const notes = inputs.sample.slice(0, inputs.count);
  const config = JSON.parse(readFileSync(resolve(folder, 'config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const shape = shapeOf(config);
  const memory = memorySampler();

  const loadMs: number[] = [];
  let model: Med7Model | undefined;
  for (let i = 0; i < inputs.loads; i++) {
    await model?.dispose();
    const started = performance.now();
    // dtype auto: the file each folder's config.json names for the CPU, as users get it
    model = await loadMed7Model({ model: folder });
    loadMs.push(performance.now() - started);
  }
  if (model === undefined) throw new Error('loads must be at least 1');

  const perNote: Pass[] = [];
  for (let r = 0; r < inputs.repeats; r++) {
    perNote.push(await perNotePass(model, notes));
    process.stderr.write(
      `  pass ${r + 1}/${inputs.repeats}: ${(perNote.at(-1)!.totalMs / 1000).toFixed(1)} s\n`,
    );
  }

  const batched: Pass[] = [];
  if (values.batched) {
    for (let r = 0; r < inputs.repeats; r++) {
      const ms: number[] = [];
      const cpu = cpuMs();
      const started = performance.now();
      for (const group of groups(notes, inputs.group)) {
        const t = performance.now();
        await model.extractMany(group);
        ms.push(performance.now() - t);
      }
      batched.push({ ms, totalMs: performance.now() - started, cpuMs: cpuMs() - cpu });
    }
  }

  const lengths: Record<string, { ms: number[] }> = {};
  for (const [words, texts] of Object.entries(inputs.lengths)) {
    await model.extract(texts[0] ?? '');
    const ms: number[] = [];
    for (const text of texts) {
      const t = performance.now();
      await model.extract(text);
      ms.push(performance.now() - t);
    }
    lengths[words] = { ms };
  }
  const mem = memory.stop();

  // Paired passes for the speed ratio, interleaved note by note — the other model, this one, the
  // other again (its time is the mean of the two runs around this one's) — so that both see the
  // same machine load. Memory above is measured before the other model is loaded.
  const pairs: { other: Pass; self: Pass }[] = [];
  if (values.pair !== undefined && inputs.pairs > 0) {
    const other = await loadMed7Model({ model: resolve(values.pair) });
    await other.extract(notes[0] ?? '');
    const timed = async (m: Med7Model, text: string): Promise<[number, number]> => {
      const cpu = cpuMs();
      const t = performance.now();
      await m.extract(text);
      return [performance.now() - t, cpuMs() - cpu];
    };
    for (let r = 0; r < inputs.pairs; r++) {
      const a = { ms: [] as number[], totalMs: 0, cpuMs: 0 };
      const b = { ms: [] as number[], totalMs: 0, cpuMs: 0 };
      for (const text of notes) {
        const [a1, c1] = await timed(other, text);
        const [ms, cpu] = await timed(model, text);
        const [a2, c2] = await timed(other, text);
        a.ms.push((a1 + a2) / 2);
        a.totalMs += (a1 + a2) / 2;
        a.cpuMs += (c1 + c2) / 2;
        b.ms.push(ms);
        b.totalMs += ms;
        b.cpuMs += cpu;
      }
      pairs.push({ other: a, self: b });
      process.stderr.write(
        `  pair ${r + 1}/${inputs.pairs}: ${(a.totalMs / 1000).toFixed(1)} s / ${(b.totalMs / 1000).toFixed(1)} s\n`,
      );
    }
    await other.dispose();
  }

  const perNoteWork = await measureWork(
    folder,
    model,
    shape,
    notes.map((text) => [text]),
  );
  const batchedWork = await measureWork(folder, model, shape, groups(notes, inputs.group));
  const workBatched = emptyWork();
  for (const w of batchedWork.work) {
    workBatched.calls += w.calls;
    workBatched.tokens += w.tokens;
    workBatched.realTokens += w.realTokens;
    workBatched.flops += w.flops;
  }
  const result: NodeResult = {
    model: folder,
    device: model.device,
    dtype: model.dtype,
    config,
    shape,
    loadMs,
    count: notes.length,
    perNote,
    batched,
    pairs,
    lengths,
    workPerNote: perNoteWork.work,
    workBatched,
    overheadMs: { perNote: perNoteWork.overheadMs, batched: batchedWork.overheadMs },
    memory: mem,
  };
  await model.dispose();
  writeFileSync(values.out, JSON.stringify(result));
}

await main();
