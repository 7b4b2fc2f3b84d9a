/**
 * The extractor's interface: what it needs from a model (a tokenizer's `encode`, its special
 * tokens, a batched `forward`), its options, and what a run reports.
 */
import type { Entity } from '../types.ts';
/** A padded batch of sub-token sequences, row-major `[batch, length]`. */
export interface ForwardBatch {
  readonly inputIds: readonly (readonly number[])[];
  /** The length every row is padded to. */
  readonly length: number;
}

/** Logits for a batch, row-major `[batch, length, labels]`. */
export interface ForwardResult {
  readonly data: ArrayLike<number>;
  readonly dims: readonly number[];
}

export interface ExtractorOptions {
  /** The tokenizer on one pre-token, without special tokens. */
  readonly encode: (text: string) => readonly number[];
  /**
   * Whether the tokenizer marks words that follow a space (byte-level BPE: `Ġword`). If so, a
   * pre-token after whitespace is encoded as `" " + text`, as the model saw it in running text.
   * WordPiece (BERT) ignores spaces, so this stays false there and the ids are the pre-token's own.
   */
  readonly spaceSensitive?: boolean;
  /** Special tokens before and after the content of every sequence (BERT: [CLS] / [SEP]). */
  readonly prefix: readonly number[];
  readonly suffix: readonly number[];
  /** Runs the model; rows shorter than `length` are padded by the caller of this function. */
  readonly forward: (batch: ForwardBatch) => Promise<ForwardResult>;
  /** The model's tags by output index (`id2label`). */
  readonly tags: readonly string[];
  /** The model's maximum sequence length, special tokens included. */
  readonly maxLength: number;
  /** Most content sub-tokens per window (default: min(256, maxLength − specials)). */
  readonly windowSize?: number;
  /** Sub-tokens shared by consecutive windows (default: a quarter of the window). */
  readonly overlap?: number;
  /** Most windows per forward call (default 32). */
  readonly maxBatch?: number;
  /** Most padded sub-tokens per forward call (default 8192). */
  readonly maxBatchTokens?: number;
  /** Distinct pre-token strings kept in the tokenisation cache (default 50,000). */
  readonly cacheSize?: number;
  /**
   * How windows share model calls. `sentence` (default): each sentence's windows are a batch of
   * their own, so a sentence's result depends on its own text only (the int8 model quantizes its
   * activations per call, so batch-mates and padding would change it a little), and results are
   * kept per sentence: re-analysing a text where one sentence changed runs the model on that
   * sentence only. `pooled`: windows of all sentences and texts share calls (padding kept small),
   * nothing is kept; a sentence's result then depends a little on its neighbours.
   */
  readonly batching?: 'sentence' | 'pooled';
  /** Sentences whose results are kept, with `batching: 'sentence'` (default 4,096). */
  readonly sentenceCacheSize?: number;
}

/** An `AbortSignal`, as far as the core needs one (the core is typed against ES libs only). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface RunOptions {
  /** Checked before every model call: an aborted run rejects with the signal's reason. */
  readonly signal?: AbortSignalLike;
  /** Called after every model call with the sub-tokens analysed so far and in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once the run is done, with where its time went (for benchmarks). */
  readonly onTimings?: (timings: RunTimings) => void;
}

/** Where one `extractMany` spent its time, in milliseconds, and how much work it did. */
export interface RunTimings {
  /** Pre-tokenising, tokenising, sentences and windows. */
  readonly prepareMs: number;
  /** Model calls, inputs and outputs included (the tensors, the softmax). */
  readonly modelMs: number;
  /** Choosing tags and decoding entities. */
  readonly decodeMs: number;
  readonly calls: number;
  /** Sub-tokens the model read, special tokens included, and the same with padding. */
  readonly realTokens: number;
  readonly paddedTokens: number;
  readonly sentences: number;
  /** Sentences whose result was kept from an earlier run. */
  readonly cachedSentences: number;
}

export interface Extractor {
  readonly windowSize: number;
  readonly overlap: number;
  /** Model calls made and sentences taken from the cache so far (for benchmarks and tests). */
  readonly stats: { readonly calls: number; readonly cachedSentences: number };
  /** Entities of each text, in input order. */
  extractMany(texts: readonly string[], options?: RunOptions): Promise<Entity[][]>;
}
