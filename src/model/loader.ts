/**
 * The one model loader, for Node (onnxruntime-node, CPU) and browser Web Workers (WebGPU/WASM),
 * on `@huggingface/transformers`. Local files only: nothing is ever fetched from a hub or a CDN.
 */
import {
  AutoConfig,
  AutoModelForTokenClassification,
  AutoTokenizer,
  env,
  Tensor,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import {
  createExtractor,
  type Extractor,
  type ForwardBatch,
  type RunOptions,
} from '../core/decode/extract.ts';
import type { Med7Label } from '../core/labels.ts';
import { checkTagSet } from '../core/decode/tags.ts';
import type { Entity } from '../core/types.ts';
import {
  DTYPES,
  isDtype,
  ONNX_FILES,
  resolveDtype,
  type Med7Dtype,
  type ResolvedDtype,
} from './dtype.ts';
import { Med7ModelError } from './errors.ts';
import { fetchTokenizer } from './fetch-tokenizer.ts';
import { chooseOrtBuild } from './ort-build.ts';

export interface LoadProgress {
  file: string;
  loaded: number;
  total: number;
}

export interface LoadOptions {
  /**
   * The model folder: a path in Node (relative to the working directory; default the package's
   * `models/med7-compact`), a URL in the browser (default `/models/med7-compact/` on the page's
   * origin).
   */
  model?: string;
  /** `auto` tries WebGPU, then WASM. Node always runs on the CPU. */
  device?: 'auto' | 'webgpu' | 'wasm' | 'cpu';
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
   * Tuning for long sentences: sub-tokens per window (default: the model's maximum length less its
   * special tokens, at most 256) and shared between windows (default: a quarter of the window).
   */
  window?: { size?: number; overlap?: number };
  /**
   * Node: the threads onnxruntime may use within one model call (its intra-op thread pool).
   * Default: onnxruntime's own choice. `med7 annotate --jobs` sets it, or runs one model per
   * worker thread with 1 here (src/cli/engine.ts).
   */
  threads?: number;
}

export interface Med7Model {
  /** The device the model runs on: `cpu` (Node), `webgpu` or `wasm`. */
  readonly device: string;
  /** The ONNX file that runs (never `auto`): `int8`, `q8` or `fp32`. */
  readonly dtype: ResolvedDtype;
  /** The Med7 labels this model can produce, in Med7's order. */
  readonly labels: readonly Med7Label[];
  /** The model's raw tags by output index (`id2label`). */
  readonly tags: readonly string[];
  /** Longest sequence the model takes, special tokens included (at most 512). */
  readonly maxLength: number;
  /**
   * Why `device: 'auto'` (or a Node run) did not get the device asked for, and why `dtype: 'auto'`
   * did not run the file its folder names (a folder without it runs q8), if either happened.
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

const IS_NODE =
  typeof process !== 'undefined' &&
  (process as { release?: { name?: string } }).release?.name === 'node';

/** A file the model folder lacks, found by our own check (Node). */
class MissingFileError extends Med7ModelError {}

const MODEL_FOLDER = 'models/med7-compact';
const MAX_LENGTH_CAP = 512;
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** Imports a Node built-in without letting a browser bundler see it. */
const nodeImport = <T>(name: string): Promise<T> => import(/* @vite-ignore */ name) as Promise<T>;

interface Location {
  /** What transformers.js is asked for: an absolute folder path (Node) or a folder name (browser). */
  readonly id: string;
  /** For messages. */
  readonly source: string;
  /** Browser: the URL of the folder holding the model folder. */
  readonly base?: string;
  /** Browser: the folder is on another origin than the page's (see ./fetch-tokenizer.ts). */
  readonly crossOrigin?: boolean;
}

async function locateNode(model: string | undefined): Promise<Location> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const url = await nodeImport<typeof import('node:url')>('node:url');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  const folder =
    model === undefined
      ? await embeddedModelFolder(url.fileURLToPath(import.meta.url))
      : path.resolve(model);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (stat === undefined) throw new Med7ModelError(`Model folder not found: ${folder}`);
  if (!stat.isDirectory()) throw new Med7ModelError(`Not a model folder: ${folder}`);
  await requireFiles(folder, REQUIRED_FILES);
  for (const file of REQUIRED_FILES) await checkJsonFile(folder, file);
  return { id: folder, source: folder };
}

/**
 * Node: the embedded model's folder, found upwards of this module: `models/med7-compact` in a
 * checkout of the repository, the drop-in folder's copy (`dist/med7-ner/models/med7-compact`) in
 * the npm package. The first that holds a config.json wins.
 */
async function embeddedModelFolder(modulePath: string): Promise<string> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const candidates = [MODEL_FOLDER, `dist/med7-ner/${MODEL_FOLDER}`];
  let dir = path.dirname(modulePath);
  for (;;) {
    for (const candidate of candidates) {
      const folder = path.join(dir, candidate);
      if (await hasFile(folder, 'config.json')) return folder;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Med7ModelError(
    `The embedded model was not found above ${path.dirname(modulePath)} ` +
      `(looked for ${candidates.join(' and ')}); pass a model folder`,
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Node: reads a JSON file of the folder with its exact length and checks that it parses, before
 * transformers.js reads it. Its Node file reader (4.3) hands over the whole shared buffer behind
 * a small file, so an empty or broken file made the error quote bytes of other memory; here a
 * message only ever quotes the file itself.
 */
async function checkJsonFile(folder: string, file: string): Promise<void> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  const where = `${file} in ${folder}`;
  const bytes = await fs.readFile(path.join(folder, file));
  if (bytes.length === 0) throw new Med7ModelError(`The ${where} is empty`);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new Med7ModelError(`The ${where} is not UTF-8 text`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Med7ModelError(`The ${where} is not valid JSON: ${describe(error)}`, {
      cause: error,
    });
  }
}

/** Node: whether `folder` holds the plain file `file`. */
async function hasFile(folder: string, file: string): Promise<boolean> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  return fs.stat(path.join(folder, file)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Node: a clear error naming every file of `files` that `folder` lacks. */
async function requireFiles(folder: string, files: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const file of files) if (!(await hasFile(folder, file))) missing.push(file);
  if (missing.length > 0) {
    throw new MissingFileError(
      `Model folder ${folder} lacks ${missing.join(', ')} (a Med7 model folder holds ${[...REQUIRED_FILES, 'onnx/<model file>'].join(', ')})`,
    );
  }
}

/**
 * Splits a model folder URL into the URL of its parent (transformers.js's `localModelPath`) and
 * the folder name (the model id), as transformers.js joins them back.
 */
export function splitModelUrl(model: string | undefined, pageUrl: string | undefined) {
  let url: URL;
  try {
    url =
      pageUrl === undefined ? new URL(model ?? '') : new URL(model ?? `/${MODEL_FOLDER}/`, pageUrl);
  } catch {
    throw new Med7ModelError(`Not a model URL: ${model ?? '(none)'}`);
  }
  url.search = '';
  url.hash = '';
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const name = decodeSegment(segments.pop() ?? '', url.href);
  // transformers.js only joins env.localModelPath with names that look like a model id.
  if (!/^[\w.-]{1,96}$/.test(name) || name.includes('..') || name.includes('--')) {
    throw new Med7ModelError(
      `The model folder name "${name}" in ${url.href} must be 1–96 letters, digits, "_", "." or "-" (no ".." or "--")`,
    );
  }
  url.pathname = `${segments.join('/')}/`;
  return { base: url.href, name, source: `${url.href}${name}/` };
}

/** A path segment without its %-escapes; a broken escape (`%zz`) is a clear model error. */
function decodeSegment(segment: string, href: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Med7ModelError(`The model folder name in ${href} has a broken %-escape`);
  }
}

function locateBrowser(model: string | undefined): Location {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  const { base, name, source } = splitModelUrl(model, here);
  // transformers.js 4.3.1 looks for tokenizer_config.json (get_file_metadata) only under a
  // localModelPath that is not a full URL; a same-origin model gets its path, so it is found.
  const parent = new URL(base);
  const local =
    here !== undefined && parent.origin === new URL(here).origin ? parent.pathname : base;
  return { id: name, base: local, source, crossOrigin: local === base };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a request made during a load ended in: an HTTP status, or the error `fetch` threw. */
export interface RequestOutcome {
  readonly status?: number;
  readonly error?: unknown;
}

/**
 * Why a load failed, read from the error's type, code and status (and its causes), never from
 * words in its message, which holds paths (`/srv/404/…`): `missing` — a file is not there
 * (our own check, ENOENT, or transformers.js's not-found error: in Node a path that does not
 * exist, in a browser a 404 unless a request threw); `unreachable` — a request threw (blocked by
 * a Content-Security-Policy or CORS, or the network failed), which transformers.js also reports
 * as not found; `other` — anything else (a broken file).
 */
export function failureKind(
  error: unknown,
  context: { readonly node: boolean; readonly requests?: readonly RequestOutcome[] },
): 'missing' | 'unreachable' | 'other' {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof MissingFileError) return 'missing';
    if ((e as { code?: unknown }).code === 'ENOENT') return 'missing';
    if (e.name === 'ModelFileNotFoundError') {
      if (context.node) return 'missing';
      // the error follows the request that failed: the last one that threw or got a 4xx/5xx
      return lastFailure(context.requests ?? [])?.error === undefined ? 'missing' : 'unreachable';
    }
  }
  return 'other';
}

/** The last request of `requests` that threw or got an error status. */
function lastFailure(requests: readonly RequestOutcome[]): RequestOutcome | undefined {
  for (let i = requests.length - 1; i >= 0; i--) {
    const request = requests[i]!;
    if (request.error !== undefined || (request.status ?? 200) >= 400) return request;
  }
  return undefined;
}

/** Browser: the outcome of every request transformers.js made during the current load. */
let requests: RequestOutcome[] = [];

function isMissingFile(error: unknown): boolean {
  return failureKind(error, { node: IS_NODE, requests }) === 'missing';
}

/**
 * Runs `body` with transformers.js's `fetch` wrapped to record each request's outcome, so that
 * a failure can be put down to its real cause (see {@link failureKind}). Loads run one at a time.
 */
async function recordingRequests<T>(body: () => Promise<T>): Promise<T> {
  const plain = env.fetch;
  requests = [];
  env.fetch = (input, init) =>
    plain(input, init).then(
      (response: { status?: number }) => {
        requests.push({ status: response.status });
        return response;
      },
      (error: unknown) => {
        requests.push({ error });
        throw error;
      },
    );
  try {
    return await body();
  } finally {
    env.fetch = plain;
  }
}

/** Turns a transformers.js / onnxruntime failure into a message a user can act on. */
function explain(error: unknown, what: string, source: string): Med7ModelError {
  if (error instanceof Med7ModelError) return error;
  const message = describe(error);
  const kind = failureKind(error, { node: IS_NODE, requests });
  if (kind === 'missing') {
    return new MissingFileError(
      `Model file missing while loading ${what} from ${source}: ${message}`,
      { cause: error },
    );
  }
  if (kind === 'unreachable') {
    return new Med7ModelError(
      `Could not fetch the ${what} from ${source} (the network failed, or a Content-Security-Policy or CORS rule blocked the request): ${describe(lastFailure(requests)?.error)}`,
      { cause: error },
    );
  }
  if (/JSON/i.test(message)) {
    return new Med7ModelError(`The ${what} in ${source} is not valid JSON: ${message}`, {
      cause: error,
    });
  }
  if (what.endsWith('.onnx') && /protobuf|failed to load|invalid model|onnx/i.test(message)) {
    return new Med7ModelError(
      `The ONNX file ${what} in ${source} is broken or not an ONNX model: ${message}`,
      { cause: error },
    );
  }
  if (/unsupported model type|Unknown model class|architecture/i.test(message)) {
    return new Med7ModelError(
      `The model in ${source} is not a token-classification model transformers.js can run: ${message}`,
      { cause: error },
    );
  }
  return new Med7ModelError(`Could not load the ${what} from ${source}: ${message}`, {
    cause: error,
  });
}

interface ConfigLike {
  model_type?: string;
  architectures?: string[];
  id2label?: Record<string, string>;
  max_position_embeddings?: number;
}

function readTags(config: ConfigLike, source: string): string[] {
  const architectures = config.architectures ?? [];
  if (
    architectures.length > 0 &&
    !architectures.some((a) => a.endsWith('ForTokenClassification'))
  ) {
    throw new Med7ModelError(
      `The model in ${source} is not a token-classification model (config.json architectures: ${architectures.join(', ')})`,
    );
  }
  const id2label = config.id2label;
  if (id2label === undefined || Object.keys(id2label).length === 0) {
    throw new Med7ModelError(
      `The model in ${source} is not a token-classification model: its config.json has no id2label`,
    );
  }
  const count = Object.keys(id2label).length;
  const tags: string[] = [];
  for (let i = 0; i < count; i++) {
    const tag = id2label[String(i)];
    if (typeof tag !== 'string') {
      throw new Med7ModelError(
        `config.json in ${source}: id2label must number its labels 0..${count - 1}, and ${i} is missing`,
      );
    }
    tags.push(tag);
  }
  const check = checkTagSet(tags);
  if (check.unknown.length > 0) {
    throw new Med7ModelError(
      `The model in ${source} has labels that are not Med7's: ${check.unknown.join(', ')} ` +
        `(Med7's are DRUG, STRENGTH, FORM, ROUTE, DOSAGE, FREQUENCY, DURATION, as BIO, BILUO or plain tags, and O)`,
    );
  }
  if (check.labels.length === 0) {
    throw new Med7ModelError(`The model in ${source} has no Med7 labels, only: ${tags.join(', ')}`);
  }
  return tags;
}

/** The special tokens around a sequence, found by encoding a probe with and without them. */
export function specialTokens(tokenizer: PreTrainedTokenizer): {
  prefix: number[];
  suffix: number[];
} {
  for (const probe of ['a', 'the', '1', 'x']) {
    const bare = tokenizer.encode(probe, { add_special_tokens: false });
    const framed = tokenizer.encode(probe, { add_special_tokens: true });
    if (bare.length === 0) continue;
    for (let at = 0; at + bare.length <= framed.length; at++) {
      if (bare.every((id, k) => framed[at + k] === id)) {
        return { prefix: framed.slice(0, at), suffix: framed.slice(at + bare.length) };
      }
    }
  }
  // A tokenizer that adds nothing recognisable around content: frame with what it adds to "".
  return { prefix: tokenizer.encode('', { add_special_tokens: true }), suffix: [] };
}

function toInt64(rows: readonly (readonly number[])[], length: number, fill: number): Tensor {
  const data = new BigInt64Array(rows.length * length).fill(BigInt(fill));
  rows.forEach((row, r) => row.forEach((value, c) => (data[r * length + c] = BigInt(value))));
  return new Tensor('int64', data, [rows.length, length]);
}

function maskOf(rows: readonly (readonly number[])[], length: number): Tensor {
  const data = new BigInt64Array(rows.length * length);
  rows.forEach((row, r) => data.fill(1n, r * length, r * length + row.length));
  return new Tensor('int64', data, [rows.length, length]);
}

type Device = 'cpu' | 'webgpu' | 'wasm';

async function webgpuAvailable(): Promise<string | undefined> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } })
    .navigator?.gpu;
  if (gpu === undefined) return 'this browser offers no WebGPU (navigator.gpu is missing)';
  try {
    const adapter = await gpu.requestAdapter();
    return adapter == null ? 'WebGPU offers no adapter here' : undefined;
  } catch (error) {
    return `WebGPU adapter request failed: ${describe(error)}`;
  }
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

async function load(options: LoadOptions): Promise<Med7Model> {
  const asked = options.dtype ?? 'auto';
  if (!isDtype(asked)) {
    throw new Med7ModelError(`Unknown dtype "${String(asked)}": use ${DTYPES.join(', ')}`);
  }
  const requested = options.device ?? 'auto';
  if (!['auto', 'webgpu', 'wasm', 'cpu'].includes(requested)) {
    throw new Med7ModelError(
      `Unknown device "${String(requested)}": use auto, webgpu, wasm or cpu`,
    );
  }
  const location = IS_NODE ? await locateNode(options.model) : locateBrowser(options.model);

  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  if (location.base !== undefined) env.localModelPath = location.base;
  // Replaces transformers.js's CDN default: onnxruntime-web's wasm files are always self-hosted.
  const ortFolder = IS_NODE
    ? ''
    : (options.wasmPaths ??
      new URL('/ort/', (globalThis as { location?: { href: string } }).location?.href).href);

  const pretrained = { local_files_only: true } as const;
  let config: ConfigLike;
  try {
    config = (await AutoConfig.from_pretrained(location.id, pretrained)) as unknown as ConfigLike;
  } catch (error) {
    throw explain(error, 'config.json', location.source);
  }
  const tags = readTags(config, location.source);

  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = location.crossOrigin
      ? await fetchTokenizer(location.source)
      : await AutoTokenizer.from_pretrained(location.id, pretrained);
  } catch (error) {
    throw explain(error, 'tokenizer', location.source);
  }

  const progress = options.onProgress;
  // the dtype and file of the last load tried (`auto` may choose another per device)
  let dtype: ResolvedDtype = resolveDtype(asked, IS_NODE ? 'cpu' : 'wasm', config);
  let onnxFile = ONNX_FILES[dtype];
  /** Why `auto` runs another file than the one its folder names for the device, if it does. */
  let dtypeFallback: string | undefined;
  const loadOn = async (device: Device): Promise<PreTrainedModel> => {
    const chosen = resolveDtype(asked, device, config);
    // A folder copied before it had the int8 file can name it without holding it: under `auto`, run
    // q8 and say so. A dtype asked for by name is never swapped.
    const fallback = asked === 'auto' && chosen !== 'q8' ? 'q8' : undefined;
    const missing = `${ONNX_FILES[chosen]} is missing, so ${ONNX_FILES.q8} runs`;
    dtypeFallback = undefined;
    if (IS_NODE && fallback !== undefined && !(await hasFile(location.id, ONNX_FILES[chosen]))) {
      if (!(await hasFile(location.id, ONNX_FILES[fallback]))) {
        await requireFiles(location.id, [ONNX_FILES[chosen], ONNX_FILES[fallback]]);
      }
      dtypeFallback = missing;
      return loadFile(device, fallback);
    }
    try {
      return await loadFile(device, chosen);
    } catch (error) {
      if (fallback === undefined || !isMissingFile(error)) throw error;
      dtypeFallback = missing;
      return loadFile(device, fallback);
    }
  };
  const loadFile = async (device: Device, file: ResolvedDtype): Promise<PreTrainedModel> => {
    dtype = file;
    onnxFile = ONNX_FILES[dtype];
    if (IS_NODE) await requireFiles(location.id, [onnxFile]);
    if (device !== 'cpu') chooseOrtBuild(device, ortFolder);
    try {
      return await AutoModelForTokenClassification.from_pretrained(location.id, {
        ...pretrained,
        config: config as never,
        device,
        dtype,
        // Int8 weights stored as DequantizeLinear → MatMul are folded to float once, at load, instead
        // of being fused into integer kernels: as fast as fp32 (about 1.5× faster than the fused path
        // on onnxruntime-node) with the download size of int8. No effect on the int8 file, whose
        // products are integer kernels by design (onnxruntime still fuses them), or on other styles.
        session_options: {
          extra: { session: { disable_quant_qdq: '1' } },
          ...(IS_NODE && options.threads !== undefined
            ? { intraOpNumThreads: options.threads, interOpNumThreads: 1 }
            : {}),
        },
        progress_callback:
          progress === undefined
            ? undefined
            : (info) => {
                if (info.status === 'progress') {
                  progress({ file: info.file, loaded: info.loaded, total: info.total });
                }
              },
      });
    } catch (error) {
      throw explain(error, onnxFile, location.source);
    }
  };

  let device: Device;
  let fallbackReason: string | undefined;
  let model: PreTrainedModel;
  if (IS_NODE) {
    device = 'cpu';
    if (requested === 'webgpu' || requested === 'wasm') {
      fallbackReason = `Node runs the model on the CPU (onnxruntime-node), not ${requested}`;
    }
    model = await loadOn(device);
  } else if (requested === 'auto') {
    const missing = await webgpuAvailable();
    if (missing === undefined) {
      try {
        device = 'webgpu';
        model = await loadOn(device);
      } catch (error) {
        fallbackReason = `WebGPU failed (${describe(error)}), so WASM is used`;
        device = 'wasm';
        model = await loadOn(device);
      }
    } else {
      fallbackReason = `${missing}, so WASM is used`;
      device = 'wasm';
      model = await loadOn(device);
    }
  } else {
    device = requested === 'cpu' ? 'wasm' : requested;
    model = await loadOn(device);
  }

  const session = (
    model as unknown as {
      sessions?: Record<string, { inputNames: string[]; outputNames: string[] }>;
    }
  ).sessions?.['model'];
  const inputNames = session?.inputNames ?? ['input_ids', 'attention_mask', 'token_type_ids'];
  if (session !== undefined && !session.outputNames.includes('logits')) {
    await model.dispose();
    throw new Med7ModelError(
      `${onnxFile} in ${location.source} has no "logits" output (outputs: ${session.outputNames.join(', ')})`,
    );
  }
  if (!inputNames.includes('input_ids')) {
    await model.dispose();
    throw new Med7ModelError(
      `${onnxFile} in ${location.source} has no "input_ids" input (inputs: ${inputNames.join(', ')})`,
    );
  }

  const limits = [
    MAX_LENGTH_CAP,
    config.max_position_embeddings ?? MAX_LENGTH_CAP,
    tokenizer.model_max_length,
  ].filter((n) => Number.isFinite(n) && n > 0);
  const maxLength = Math.min(...limits);
  const { prefix, suffix } = specialTokens(tokenizer);
  const bare = (text: string) => tokenizer.encode(text, { add_special_tokens: false });
  // Byte-level BPE tokenizers give a word after a space other ids than the same word alone.
  const spaceSensitive = ['a', 'the', 'mg'].some(
    (word) => bare(` ${word}`).join() !== bare(word).join(),
  );
  const padId = tokenizer.pad_token_id ?? 0;

  const forward = async ({ inputIds, length }: ForwardBatch) => {
    const feeds: Record<string, Tensor> = {
      input_ids: toInt64(inputIds, length, padId),
      attention_mask: maskOf(inputIds, length),
    };
    if (inputNames.includes('token_type_ids')) {
      feeds['token_type_ids'] = toInt64(
        inputIds.map(() => []),
        length,
        0,
      );
    }
    const output = (await model(feeds)) as { logits?: Tensor };
    const logits = output.logits;
    if (logits === undefined) throw new Med7ModelError('the model returned no logits');
    return { data: logits.data as Float32Array, dims: logits.dims };
  };

  let extractor: Extractor;
  try {
    extractor = createExtractor({
      encode: bare,
      spaceSensitive,
      prefix,
      suffix,
      forward,
      tags,
      maxLength,
      ...(options.window?.size === undefined ? {} : { windowSize: options.window.size }),
      ...(options.window?.overlap === undefined ? {} : { overlap: options.window.overlap }),
    });
    // One tiny run proves the whole path (inputs, output shape) before anyone relies on it.
    await extractor.extractMany(['Lasix 40 mg']);
  } catch (error) {
    await model.dispose();
    throw error instanceof Med7ModelError
      ? error
      : new Med7ModelError(`The model in ${location.source} does not run: ${describe(error)}`, {
          cause: error,
        });
  }

  const labels = checkTagSet(tags).labels;
  let disposed = false;
  const live = (): void => {
    if (disposed) throw new Med7ModelError('This model has been disposed');
  };
  return {
    device,
    dtype,
    labels,
    tags,
    maxLength,
    ...(fallbackReason === undefined && dtypeFallback === undefined
      ? {}
      : { fallbackReason: [fallbackReason, dtypeFallback].filter(Boolean).join('; ') }),
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
