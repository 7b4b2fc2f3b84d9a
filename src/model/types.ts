/**
 * The types that cross the project's boundaries — loader options, the device and the ONNX file a
 * model runs on, download progress, what a loaded model reports — declared once here and used by
 * the loader, the worker protocol, the element's events and the CLI.
 */

/** Where a model runs: Node's onnxruntime is `cpu`; a browser runs `webgpu` or `wasm`. */
export type RunDevice = 'cpu' | 'wasm' | 'webgpu';
/** A browser's devices. */
export type BrowserDevice = Exclude<RunDevice, 'cpu'>;
/** The device a page asks for: `auto` tries WebGPU and falls back to WASM, saying why. */
export type Med7Device = 'auto' | BrowserDevice;
/** The device the loader is asked for (Node always runs on the CPU). */
export type LoadDevice = Med7Device | 'cpu';

/**
 * The ONNX file of a model folder, under transformers.js's names: `int8` (integer products),
 * `q8` (int8 weights, float products), `fp32`; `auto` takes the folder's choice (./dtype.ts).
 */
export type Med7Dtype = 'auto' | 'int8' | 'q8' | 'fp32';
export type ResolvedDtype = Exclude<Med7Dtype, 'auto'>;

/** Download progress of one model file. */
export interface LoadProgress {
  file: string;
  loaded: number;
  total: number;
}

/** What the loader is asked for: `loadMed7Model(options)`. */
export interface LoadOptions {
  /**
   * The model folder: a path in Node (relative to the working directory; default the package's
   * `models/med7-compact`), a URL in the browser (default `/models/med7-compact/` on the page's
   * origin).
   */
  model?: string;
  /**
   * Node always runs on the CPU (another device is reported in `fallbackReason`). In a browser
   * `webgpu` or `wasm` (`auto` and `cpu` mean `wasm`): the worker chooses between them.
   */
  device?: LoadDevice;
  /**
   * The ONNX file: `int8` loads `onnx/model_int8.onnx` (int8 weights and integer products), `q8`
   * `onnx/model_quantized.onnx` (int8 weights, float products), `fp32` `onnx/model.onnx`. `auto`
   * (default) takes the folder's choice for the device from config.json's `transformers.js_config`
   * (the embedded model: `int8` on the CPU and WASM, `q8` on WebGPU), else `q8`. See ./dtype.ts.
   */
  dtype?: Med7Dtype;
  /**
   * Browser: the URL of the self-hosted folder of onnxruntime-web's `ort-wasm-simd-threaded.*`
   * files, ending in `/` (default `/ort/`); see ./ort-build.ts for which are used.
   */
  wasmPaths?: string;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Browser: settles once onnxruntime-web's files are ready to use (the worker fetches and checks
   * them meanwhile, ./worker-integrity.ts); the session opens only then, and fails with its error.
   */
  ortReady?: Promise<void>;
  /**
   * Browser: called with the URL of the weights file the session will read as soon as config.json
   * is read, so that a caller whose fetch shares one download per URL (the worker) can start the
   * download while the tokenizer loads and onnxruntime-web's files are checked, not after them.
   */
  prefetch?: (url: string) => void;
  /**
   * Tuning for long sentences: sub-tokens per window (default: the model's maximum length less its
   * special tokens, at most 256) and shared between windows (default: a quarter of the window).
   */
  window?: { size?: number; overlap?: number };
  /**
   * How windows share model calls (see `ExtractorOptions.batching` in src/core/decode/extract.ts):
   * `sentence` (the browser's default) runs each sentence on its own and keeps its result, so
   * re-analysing an edited text runs the model on the changed sentences only; `pooled` (Node's
   * default: about twice the throughput on a corpus) batches all windows of all texts together
   * and keeps nothing.
   */
  batching?: 'sentence' | 'pooled';
  /**
   * Padded sub-tokens per model call, at most (default 2,048 in Node, 8,192 in a browser). A call's
   * working memory grows with it; the entities do not change.
   */
  maxBatchTokens?: number;
  /** Sentences whose results are kept, with `batching: 'sentence'` (default 4,096; 0: none). */
  sentenceCacheSize?: number;
  /**
   * Node: the threads onnxruntime may use within one model call (its intra-op thread pool).
   * Default: onnxruntime's own choice. `med7 annotate --jobs` sets it, or runs one model per
   * worker thread with 1 here (src/cli/engine.ts).
   */
  threads?: number;
}

/** What a browser's loaded model runs on, as the worker reports it in `ready`. */
export interface ReadyInfo {
  /** The device actually used: `webgpu` or `wasm`. */
  device: BrowserDevice;
  /** The ONNX file that runs: what `auto` chose for the device, or the dtype asked for. */
  dtype: ResolvedDtype;
  /** WASM threads (1 when the page is not cross-origin isolated); 0 on WebGPU. */
  threads: number;
  /** Milliseconds from the load request to a warmed-up model. */
  loadMs: number;
  /**
   * Why device `auto` did not use WebGPU, and why dtype `auto` did not run the file its folder names
   * (the folder lacks it, so q8 runs); absent when neither happened.
   */
  fallbackReason?: string;
  /** The WebGPU adapter's vendor/architecture, when known. */
  adapter?: string;
}
