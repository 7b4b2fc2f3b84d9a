/**
 * Page side of the integrity checks (docs/integrity.md). `npm run build` embeds in the drop-in
 * med7-ner.js a manifest of the SHA-384 of every file it loads next (build/manifest.ts), so the one
 * SRI hash of that script pins them all. Here: the worker is started only from bytes that match (a
 * `blob:` of them when code must run from checked bytes), and the load request carries the hashes
 * the worker checks onnxruntime-web's files and the model against (./worker-integrity.ts).
 * A copy without the manifest (the Vite dev server, a bundler's copy of the npm modules) checks
 * nothing, unless the page asks for `integrity="required"`, which it then refuses.
 */
import { errorMessage } from '../core/error-message.ts';
import { checkBytes } from '../model/verify-fetch.ts';
import { MODEL_FOLDER, ORT_FOLDER, WORKER_FILE, assetUrl, getBasePath } from './base-path.ts';
import type {
  LoadIntegrity,
  WorkerFactory,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from './protocol.ts';
import { spawnWorker, startFailure, startWorker } from './spawn.ts';

/** The hashes `npm run build` embeds: SRI hash by path inside the drop-in folder. */
export interface Med7Manifest {
  files: Record<string, string>;
}

declare const __MED7_MANIFEST__: Med7Manifest | undefined;

/** The manifest embedded in this script by `npm run build`; undefined in any other copy. */
export function embeddedManifest(): Med7Manifest | undefined {
  return typeof __MED7_MANIFEST__ === 'undefined' ? undefined : __MED7_MANIFEST__;
}

/**
 * Whether code (the worker, onnxruntime-web's `.mjs`) must run from its checked bytes through
 * `blob:` URLs: when the page asks for integrity, and when the element comes from another origin
 * (a CDN), which needs blob: workers anyway. From the page's own origin, by default, they are
 * checked and then started from their URLs, so a CSP without blob: keeps working.
 */
function codeFromBytes(required: boolean): boolean {
  return required || new URL(getBasePath()).origin !== globalThis.location.origin;
}

/**
 * The hashes a load of `model` (a folder URL ending in `/`) with onnxruntime-web's files in
 * `wasmPaths` checks, or undefined when there is nothing to check against. Throws when the page asks
 * for integrity and this copy of the element has no manifest.
 */
export function loadIntegrity(
  model: string,
  wasmPaths: string,
  required: boolean,
): LoadIntegrity | undefined {
  const manifest = embeddedManifest();
  if (manifest === undefined) {
    if (!required) return undefined;
    throw new Error(
      'integrity="required", but this copy of the element carries no manifest of hashes (only the ' +
        'drop-in med7-ner.js that `npm run build` writes does), so nothing it loads could be checked',
    );
  }
  const embeddedModel = assetUrl(MODEL_FOLDER);
  const files: Record<string, string> = {};
  for (const [path, hash] of Object.entries(manifest.files)) {
    // onnxruntime-web's files are the same bytes wherever `wasm-paths` points.
    if (path.startsWith(ORT_FOLDER)) files[`${wasmPaths}${path.slice(ORT_FOLDER.length)}`] = hash;
    else if (path.startsWith(MODEL_FOLDER) && model === embeddedModel) {
      files[`${model}${path.slice(MODEL_FOLDER.length)}`] = hash;
    }
  }
  return {
    files,
    modelManifest: model !== embeddedModel,
    required,
    codeFromBytes: codeFromBytes(required),
  };
}

/** Starts the worker from checked bytes when the manifest pins it; undefined: the default start. */
export function checkedWorkerFactory(required: boolean): WorkerFactory | undefined {
  const expected = embeddedManifest()?.files[WORKER_FILE];
  if (expected === undefined) return undefined;
  return () => new CheckedWorker(assetUrl(WORKER_FILE), expected, codeFromBytes(required));
}

type Listener = (event: Event) => void;

/**
 * A worker that exists only once its script's bytes matched: until then requests wait, and a
 * mismatch (or a failed fetch) is reported as a start failure naming the file and both hashes.
 */
class CheckedWorker implements WorkerLike {
  #inner: WorkerLike | undefined;
  #terminated = false;
  readonly #queue: WorkerRequest[] = [];
  readonly #listeners: [type: 'message' | 'error' | 'messageerror', listener: Listener][] = [];

  constructor(url: string, expected: string, fromBytes: boolean) {
    void this.#start(url, expected, fromBytes);
  }

  async #start(url: string, expected: string, fromBytes: boolean): Promise<void> {
    let inner: WorkerLike;
    try {
      const bytes = await fetchScript(url);
      await checkBytes(url, bytes, expected);
      if (this.#terminated) return;
      if (fromBytes) {
        const blob = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
        inner = startWorker(new URL(url), blob, true);
      } else {
        inner = spawnWorker(url);
      }
    } catch (error) {
      if (this.#terminated) return;
      const message = errorMessage(error);
      const failure = startFailure(`The model worker was not started: ${message}`);
      for (const [type, listener] of this.#listeners) if (type === 'error') listener(failure);
      return;
    }
    this.#inner = inner;
    for (const [type, listener] of this.#listeners)
      inner.addEventListener(type as 'error', listener);
    for (const message of this.#queue.splice(0)) inner.postMessage(message);
  }

  postMessage(message: WorkerRequest): void {
    if (this.#inner === undefined) this.#queue.push(message);
    else this.#inner.postMessage(message);
  }

  terminate(): void {
    this.#terminated = true;
    this.#queue.length = 0;
    this.#inner?.terminate();
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: Listener): void;
  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: Listener | ((event: MessageEvent<WorkerReply>) => void),
  ): void {
    this.#listeners.push([type, listener as Listener]);
    this.#inner?.addEventListener(type as 'error', listener as Listener);
  }
}

/** The worker script's bytes; a failure says why, as the unchecked start does (./spawn.ts). */
async function fetchScript(url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
  } catch {
    throw new Error(
      `${url} could not be fetched (the network, or a server on another origin that does not allow CORS)`,
    );
  }
  if (!response.ok) throw new Error(`${url}: the server answered HTTP ${response.status}`);
  return response.arrayBuffer();
}
