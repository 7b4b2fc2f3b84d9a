/**
 * The one model loader, for Node (onnxruntime-node, CPU) and browser Web Workers (WebGPU/WASM),
 * on `@huggingface/transformers`. Local files only: nothing is ever fetched from a hub or a CDN.
 * The jobs live beside it: ./locate.ts (where the folder is), ./validate.ts (what it holds),
 * ./session.ts (which ONNX file opens), ./run.ts (model calls), ./explain.ts (why a load failed).
 */
import {
  AutoConfig,
  AutoTokenizer,
  env,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { errorMessage } from '../core/error-message.ts';
import { createExtractor, type Extractor, type RunOptions } from '../core/decode/extract.ts';
import type { Med7Label } from '../core/labels.ts';
import { checkTagSet } from '../core/decode/tags.ts';
import type { Entity } from '../core/types.ts';
import { DTYPES, isDtype, ONNX_FILES } from './dtype.ts';
import { Med7ModelError } from './errors.ts';
import { explain, recordingRequests } from './explain.ts';
import { fetchTokenizer } from './fetch-tokenizer.ts';
import { IS_NODE, locate } from './locate.ts';
import { forwardOf } from './run.ts';
import { openSession, weightsUrl } from './session.ts';
import type { LoadDevice, LoadOptions, ResolvedDtype, RunDevice } from './types.ts';
import { checkSession, maxLengthOf, readTags, specialTokens, type ConfigLike } from './validate.ts';

export type { LoadOptions, LoadProgress } from './types.ts';
export { splitModelUrl } from './locate.ts';
export { failureKind, type RequestOutcome } from './explain.ts';
export { specialTokens } from './validate.ts';

export interface Med7Model {
  /** The device the model runs on: `cpu` (Node), `webgpu` or `wasm`. */
  readonly device: RunDevice;
  /** The ONNX file that runs (never `auto`): `int8`, `q8` or `fp32`. */
  readonly dtype: ResolvedDtype;
  /** The Med7 labels this model can produce, in Med7's order. */
  readonly labels: readonly Med7Label[];
  /** The model's raw tags by output index (`id2label`). */
  readonly tags: readonly string[];
  /** Longest sequence the model takes, special tokens included (at most 512). */
  readonly maxLength: number;
  /**
   * Why a Node run did not get the device asked for, and why `dtype: 'auto'` did not run the file
   * its folder names (a folder without it runs q8), if either happened.
   */
  readonly fallbackReason?: string;
  /** Where the model was loaded from (a folder path in Node, a URL in the browser). */
  readonly source: string;
  /**
   * The entities of one text. `options.signal` aborts between model calls (a long note makes
   * several); `options.onProgress` reports sub-tokens analysed so far and in all.
   */
  extract(text: string, options?: RunOptions): Promise<Entity[]>;
  /** Many texts at once, batched across texts: the fast path for corpora. */
  extractMany(texts: readonly string[], options?: RunOptions): Promise<Entity[][]>;
  dispose(): Promise<void>;
}

const DEVICES: readonly LoadDevice[] = ['auto', 'webgpu', 'wasm', 'cpu'];

/**
 * Padded sub-tokens per model call. Node runs corpora in pooled calls; onnxruntime keeps the
 * working memory of its largest call, so 2,048 instead of 8,192 lowers the peak of `med7 annotate`
 * with two workers, at the same words/s within the machine's drift (docs/batch.md). A page's calls
 * are single sentences and keep the extractor's default (8,192).
 */
const NODE_BATCH_TOKENS = 2048;

/** The tokens per call asked for, else Node's; a browser keeps the extractor's own default. */
function maxBatchTokensOf(options: LoadOptions): { maxBatchTokens?: number } {
  const asked = options.maxBatchTokens ?? (IS_NODE ? NODE_BATCH_TOKENS : undefined);
  return asked === undefined ? {} : { maxBatchTokens: asked };
}

/**
 * A User Timing entry `med7:NAME` from `start` to now: the load's phases, which `npm run bench`
 * reads from the worker (bench/browser.ts).
 */
function measure(name: string, start: number): void {
  performance.measure(`med7:${name}`, { start, end: performance.now() });
}

// transformers.js keeps its settings in one global `env`; loads run one at a time around it.
let loadChain: Promise<unknown> = Promise.resolve();

/** Loads a Med7 token-classification model folder and returns text → entities. */
export function loadMed7Model(options: LoadOptions = {}): Promise<Med7Model> {
  const run = loadChain.then(() =>
    IS_NODE ? load(options) : recordingRequests(() => load(options)),
  );
  loadChain = run.catch(() => undefined);
  return run;
}

/** The device a load runs on, and why it is not the one asked for (Node runs on the CPU). */
function runDevice(requested: LoadDevice): { device: RunDevice; reason?: string } {
  if (IS_NODE) {
    return requested === 'webgpu' || requested === 'wasm'
      ? {
          device: 'cpu',
          reason: `Node runs the model on the CPU (onnxruntime-node), not ${requested}`,
        }
      : { device: 'cpu' };
  }
  // The worker probes WebGPU itself (./webgpu.ts) and asks for a device by name.
  return { device: requested === 'webgpu' ? 'webgpu' : 'wasm' };
}

async function load(options: LoadOptions): Promise<Med7Model> {
  const asked = options.dtype ?? 'auto';
  if (!isDtype(asked)) {
    throw new Med7ModelError(`Unknown dtype "${String(asked)}": use ${DTYPES.join(', ')}`);
  }
  const requested = options.device ?? 'auto';
  if (!DEVICES.includes(requested)) {
    throw new Med7ModelError(
      `Unknown device "${String(requested)}": use auto, webgpu, wasm or cpu`,
    );
  }
  const location = await locate(options.model);

  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // transformers.js would fetch onnxruntime-web's wasm itself and hand over the bytes, which the
  // browser compiles anew on every visit. Left to onnxruntime-web, the wasm is compiled while it
  // streams in, and the browser's code cache keeps the compiled module for the next visit.
  if (!IS_NODE) env.useWasmCache = false;
  if (location.base !== undefined) env.localModelPath = location.base;
  // Replaces transformers.js's CDN default: onnxruntime-web's wasm files are always self-hosted.
  const ortFolder = IS_NODE
    ? ''
    : (options.wasmPaths ??
      new URL('/ort/', (globalThis as { location?: { href: string } }).location?.href).href);

  const pretrained = { local_files_only: true } as const;
  let phase = performance.now();
  let config: ConfigLike;
  try {
    config = (await AutoConfig.from_pretrained(location.id, pretrained)) as unknown as ConfigLike;
  } catch (error) {
    throw explain(error, 'config.json', location.source);
  }
  const tags = readTags(config, location.source);
  measure('config', phase);
  phase = performance.now();
  const { device, reason: deviceReason } = runDevice(requested);
  // the weights may come down while the tokenizer loads and onnxruntime-web's files are checked
  if (device !== 'cpu') options.prefetch?.(weightsUrl(location, asked, device, config));

  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = location.crossOrigin
      ? await fetchTokenizer(location.source)
      : await AutoTokenizer.from_pretrained(location.id, pretrained);
  } catch (error) {
    throw explain(error, 'tokenizer', location.source);
  }
  measure('tokenizer', phase);
  phase = performance.now();

  const opened = await openSession({
    location,
    config,
    dtype: asked,
    device,
    ortFolder,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.ortReady === undefined ? {} : { ortReady: options.ortReady }),
  });
  const { model, dtype } = opened;
  const inputNames = await checkSession(model, ONNX_FILES[dtype], location.source);
  measure('session', phase);

  const maxLength = maxLengthOf(config, tokenizer);
  const { prefix, suffix } = specialTokens(tokenizer);
  const bare = (text: string) => tokenizer.encode(text, { add_special_tokens: false });
  // Byte-level BPE tokenizers give a word after a space other ids than the same word alone.
  const spaceSensitive = ['a', 'the', 'mg'].some(
    (word) => bare(` ${word}`).join() !== bare(word).join(),
  );

  let extractor: Extractor;
  try {
    extractor = createExtractor({
      encode: bare,
      spaceSensitive,
      prefix,
      suffix,
      forward: forwardOf(model, inputNames, tokenizer.pad_token_id ?? 0),
      tags,
      maxLength,
      ...(options.window?.size === undefined ? {} : { windowSize: options.window.size }),
      ...(options.window?.overlap === undefined ? {} : { overlap: options.window.overlap }),
      // Node analyses corpora: pooled calls keep its throughput; a page re-analyses edited text.
      batching: options.batching ?? (IS_NODE ? 'pooled' : 'sentence'),
      ...maxBatchTokensOf(options),
      ...(options.sentenceCacheSize === undefined
        ? {}
        : { sentenceCacheSize: options.sentenceCacheSize }),
    });
    // One tiny run proves the whole path (inputs, output shape) before anyone relies on it.
    phase = performance.now();
    await extractor.extractMany(['Lasix 40 mg']);
    measure('warm-up', phase);
  } catch (error) {
    await model.dispose();
    throw error instanceof Med7ModelError
      ? error
      : new Med7ModelError(`The model in ${location.source} does not run: ${errorMessage(error)}`, {
          cause: error,
        });
  }

  const fallbackReason = [deviceReason, opened.fallbackReason].filter(Boolean).join('; ');
  let disposed = false;
  const live = (): void => {
    if (disposed) throw new Med7ModelError('This model has been disposed');
  };
  return {
    device,
    dtype,
    labels: checkTagSet(tags).labels,
    tags,
    maxLength,
    ...(fallbackReason === '' ? {} : { fallbackReason }),
    source: location.source,
    async extract(text, options) {
      live();
      const [entities] = await extractor.extractMany([text], options);
      return entities ?? [];
    },
    async extractMany(texts, options) {
      live();
      return extractor.extractMany(texts, options);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await model.dispose();
    },
  };
}
