/**
 * Text → entities around any token-classification model, without knowing the model: the caller
 * supplies the tokenizer's `encode` (no special tokens), the special tokens that frame a sequence,
 * and a batched `forward` returning logits. Pre-tokenises, tokenises each pre-token separately
 * (cached), windows each sentence on its own (`sentences.ts`; a long one in overlapping windows),
 * batches windows across texts, keeps each pre-token's prediction from its best window, reads
 * the tag probabilities of its FIRST sub-token, chooses tags that keep written words whole
 * (`choose-tags.ts`) and decodes them into entities.
 */
import { isPreTokenSpace, pretokenize, type PreToken } from './pretokenize.ts';
import { chooseTags } from './choose-tags.ts';
import { decodeTags, parseTag } from './tags.ts';
import { segmentText } from './sentences.ts';
import { clampCount, planSegmentWindows, type TokenWindow } from './windows.ts';

import type {
  AbortSignalLike,
  Extractor,
  ExtractorOptions,
  ForwardBatch,
  ForwardResult,
  RunOptions,
  RunTimings,
} from './extract-types.ts';

export type {
  AbortSignalLike,
  Extractor,
  ExtractorOptions,
  ForwardBatch,
  ForwardResult,
  RunOptions,
  RunTimings,
};

const clock = (): number =>
  (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

function abortError(signal: AbortSignalLike): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('The analysis was aborted');
  error.name = 'AbortError';
  return error;
}

interface Job {
  readonly doc: number;
  /** The window's pre-tokens, as indices into the whole text's pre-tokens. */
  readonly window: TokenWindow;
  readonly ids: readonly number[];
  /** For each pre-token of the window, the position of its first sub-token in `ids`, or -1. */
  readonly firsts: readonly number[];
}

/** One sentence of a text: its windows, and where its probabilities go once known. */
interface Sentence {
  readonly doc: number;
  /** Its first pre-token in the text. */
  readonly start: number;
  readonly tokenCount: number;
  /** What the model sees of it (its sub-token ids per pre-token): the cache key. */
  readonly key: string;
  readonly jobs: readonly Job[];
}

interface Doc {
  readonly text: string;
  readonly tokens: PreToken[];
  /** Softmax over the tags for each pre-token, row-major `[tokens, tags]`; all 0 = not read. */
  readonly probabilities: Float32Array;
  /** Pre-tokens of line-initial list markers (`sentences.ts`), tagged `O` whatever the model says. */
  readonly listMarkers: readonly number[];
  readonly sentences: readonly Sentence[];
}

/**
 * Writes the softmax of `logits[offset .. offset + n)` into `out[at .. at + n)`. NaN or infinite
 * logits (a broken model) give a row of zeros, which reads as "no prediction", never as NaN scores.
 */
export function softmaxInto(
  logits: ArrayLike<number>,
  offset: number,
  n: number,
  out: Float32Array,
  at: number,
): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, logits[offset + k]!);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(logits[offset + k]! - max);
  for (let k = 0; k < n; k++) {
    const p = Math.exp(logits[offset + k]! - max) / sum;
    out[at + k] = Number.isFinite(p) ? p : 0;
  }
}

/**
 * Most padded sub-tokens per real one in a batch. Windows follow sentences, so their lengths vary
 * widely; padding all the windows of a note to its longest sentence made 1.6× the work per word
 * and halved Node throughput. The jobs are sorted by length, so a window that would pass this
 * ratio starts a new batch. 1.5 measured best of 1.25, 1.5 and 2 (`npm run bench`, Node part).
 */
const MAX_PADDING = 1.5;

export function createExtractor(options: ExtractorOptions): Extractor {
  const specials = options.prefix.length + options.suffix.length;
  const capacity = Math.floor(options.maxLength) - specials;
  if (!(capacity >= 1)) {
    throw new RangeError(`maximum length ${options.maxLength} leaves no room for content`);
  }
  const windowSize = Math.min(options.windowSize ?? 256, capacity);
  const overlap = Math.min(options.overlap ?? Math.floor(windowSize / 4), windowSize - 1);
  const maxBatch = Math.max(1, options.maxBatch ?? 32);
  const maxBatchTokens = Math.max(1, options.maxBatchTokens ?? 8192);
  const cacheSize = options.cacheSize ?? 50_000;
  const numTags = options.tags.length;
  const outsideTag = options.tags.findIndex((tag) => parseTag(tag).role === 'O');
  const cache = new Map<string, readonly number[]>();

  const encode = (text: string): readonly number[] => {
    let ids = cache.get(text);
    if (ids === undefined) {
      ids = options.encode(text);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(text, ids);
    }
    return ids;
  };

  const pooled = options.batching === 'pooled';
  const sentenceCacheSize = pooled ? 0 : Math.max(0, options.sentenceCacheSize ?? 4096);
  /** Each sentence's probabilities `[tokens, tags]` by its key, oldest first. */
  const sentenceCache = new Map<string, Float32Array>();
  const stats = { calls: 0, cachedSentences: 0 };

  const prepare = (text: string, doc: number): Doc => {
    const tokens = pretokenize(text);
    const ids = tokens.map((token) =>
      options.spaceSensitive === true && token.start > 0 && isPreTokenSpace(text[token.start - 1]!)
        ? encode(` ${token.text}`)
        : encode(token.text),
    );
    const counts = ids.map((list) => clampCount(list.length, windowSize));
    // Each sentence gets windows of its own: the model was fine-tuned on single sentences.
    const segments = segmentText(text, tokens);
    const sentences = segments.starts.map((start, k): Sentence => {
      const end = segments.starts[k + 1] ?? tokens.length;
      const { windows, owners } = planSegmentWindows(counts.slice(start, end), [0], {
        size: windowSize,
        overlap,
      });
      const jobs = windows.map((local, w): Job => {
        const jobIds: number[] = [];
        const firsts: number[] = [];
        for (let i = start + local.start; i < start + local.end; i++) {
          // Only tokens owned by this window need a reading; the rest are context.
          firsts.push(counts[i]! > 0 && owners[i - start] === w ? jobIds.length : -1);
          const list = ids[i]!;
          for (let k = 0; k < counts[i]!; k++) jobIds.push(list[k]!);
        }
        const window = { start: start + local.start, end: start + local.end, length: local.length };
        return { doc, window, ids: jobIds, firsts };
      });
      const key = pooled
        ? ''
        : ids
            .slice(start, end)
            .map((list, i) => list.slice(0, counts[start + i]).join(' '))
            .join(',');
      return { doc, start, tokenCount: end - start, key, jobs };
    });
    return {
      text,
      tokens,
      listMarkers: segments.markers,
      probabilities: new Float32Array(tokens.length * numTags),
      sentences,
    };
  };

  const runBatch = async (batch: readonly Job[], docs: readonly Doc[]): Promise<void> => {
    const length = specials + Math.max(...batch.map((job) => job.ids.length));
    const inputIds = batch.map((job) => [...options.prefix, ...job.ids, ...options.suffix]);
    stats.calls++;
    const result = await options.forward({ inputIds, length });
    const [b, l, k] = result.dims;
    if (b !== batch.length || l !== length || k !== numTags) {
      throw new Error(
        `the model returned logits of shape [${result.dims.join(', ')}], expected [${batch.length}, ${length}, ${numTags}]`,
      );
    }
    batch.forEach((job, row) => {
      const doc = docs[job.doc]!;
      job.firsts.forEach((position, offset) => {
        if (position < 0) return;
        const base = (row * length + options.prefix.length + position) * numTags;
        const index = job.window.start + offset;
        softmaxInto(result.data, base, numTags, doc.probabilities, index * numTags);
      });
    });
  };

  /**
   * Cuts `jobs` (sorted by length) into model calls: at most `maxBatch` windows and
   * `maxBatchTokens` padded sub-tokens per call, and at most MAX_PADDING padded per real one.
   */
  const batchesOf = (jobs: readonly Job[]): Job[][] => {
    const batches: Job[][] = [];
    let batch: Job[] = [];
    let batchTokens = 0;
    for (const job of jobs) {
      const rows = batch.length + 1;
      const padded = rows * (job.ids.length + specials);
      if (
        batch.length > 0 &&
        (rows > maxBatch ||
          padded > maxBatchTokens ||
          padded > MAX_PADDING * (batchTokens + job.ids.length + specials))
      ) {
        batches.push(batch);
        batch = [];
        batchTokens = 0;
      }
      batch.push(job);
      batchTokens += job.ids.length + specials;
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  };

  const needed = (job: Job): boolean => job.firsts.some((position) => position >= 0);
  const byLength = (a: Job, b: Job): number => a.ids.length - b.ids.length;

  /**
   * The model calls for `docs`: pooled, all windows sorted by length; else each sentence not in
   * the cache on its own (the same text twice in one run is analysed once).
   */
  const plan = (docs: readonly Doc[]): { batches: Job[][]; fresh: Sentence[] } => {
    if (pooled) {
      const jobs = docs.flatMap((doc) => doc.sentences.flatMap((s) => s.jobs.filter(needed)));
      return { batches: batchesOf(jobs.sort(byLength)), fresh: [] };
    }
    const batches: Job[][] = [];
    const fresh: Sentence[] = [];
    const planned = new Set<string>();
    for (const doc of docs) {
      for (const sentence of doc.sentences) {
        if (sentenceCache.has(sentence.key) || planned.has(sentence.key)) continue;
        planned.add(sentence.key);
        fresh.push(sentence);
        batches.push(...batchesOf(sentence.jobs.filter(needed).sort(byLength)));
      }
    }
    return { batches, fresh };
  };

  /** Keeps the fresh sentences' results, then fills every sentence from the cache. */
  const remember = (docs: readonly Doc[], fresh: readonly Sentence[]): void => {
    const width = (s: Sentence): number => s.tokenCount * numTags;
    const results = new Map<string, Float32Array>();
    const analysed = new Set(fresh);
    for (const s of fresh) {
      const at = s.start * numTags;
      results.set(s.key, docs[s.doc]!.probabilities.slice(at, at + width(s)));
    }
    for (const doc of docs) {
      for (const s of doc.sentences) {
        const known = results.get(s.key) ?? sentenceCache.get(s.key);
        if (known === undefined) throw new Error('a sentence was neither analysed nor kept');
        if (!analysed.has(s)) {
          doc.probabilities.set(known, s.start * numTags);
          stats.cachedSentences++;
        }
        // most recently used last, so the oldest go first
        sentenceCache.delete(s.key);
        sentenceCache.set(s.key, known);
      }
    }
    while (sentenceCache.size > sentenceCacheSize) {
      sentenceCache.delete(sentenceCache.keys().next().value!);
    }
  };

  return {
    windowSize,
    overlap,
    stats,
    async extractMany(texts, run = {}) {
      const { signal, onProgress, onTimings } = run;
      const t0 = clock();
      const before = { ...stats };
      const stopIfAborted = (): void => {
        if (signal?.aborted === true) throw abortError(signal);
      };
      stopIfAborted();
      const docs = texts.map((text, doc) => prepare(text, doc));
      const { batches, fresh } = plan(docs);
      const t1 = clock();
      const size = (batch: readonly Job[]): number =>
        batch.reduce((sum, job) => sum + job.ids.length, 0);
      const total = batches.reduce((sum, batch) => sum + size(batch), 0);
      let done = 0;
      for (const batch of batches) {
        stopIfAborted();
        await runBatch(batch, docs);
        done += size(batch);
        onProgress?.(done, total);
      }
      if (!pooled) remember(docs, fresh);
      const t2 = clock();
      const entities = docs.map((doc) => {
        if (outsideTag >= 0) {
          // Line-initial numbering and bullets are never entities; the model never saw line breaks.
          for (const i of doc.listMarkers) {
            doc.probabilities.fill(0, i * numTags, (i + 1) * numTags);
            doc.probabilities[i * numTags + outsideTag] = 1;
          }
        }
        const { tags, scores } = chooseTags(doc.tokens, options.tags, doc.probabilities);
        return decodeTags(doc.text, doc.tokens, tags, scores);
      });
      if (onTimings !== undefined) {
        const real = batches.flat().reduce((sum, job) => sum + job.ids.length + specials, 0);
        const padded = batches.reduce(
          (sum, batch) =>
            sum + batch.length * (specials + Math.max(...batch.map((j) => j.ids.length))),
          0,
        );
        onTimings({
          prepareMs: t1 - t0,
          modelMs: t2 - t1,
          decodeMs: clock() - t2,
          calls: stats.calls - before.calls,
          realTokens: real,
          paddedTokens: padded,
          sentences: docs.reduce((sum, doc) => sum + doc.sentences.length, 0),
          cachedSentences: stats.cachedSentences - before.cachedSentences,
        });
      }
      return entities;
    },
  };
}
