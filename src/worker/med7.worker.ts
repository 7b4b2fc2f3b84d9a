/**
 * The model worker: loads the Med7 model once (WebGPU or WASM), then answers `extract` requests one
 * at a time. A queued `extract` can be cancelled before it starts; every request gets one answer.
 * Idle after a WASM load it may warm through (./warm-through.ts). Speaks only the protocol in
 * `protocol.ts`.
 */
import { env } from '@huggingface/transformers';
import { errorMessage } from '../core/error-message.ts';
import { loadMed7Model, type Med7Model } from '../model/index.ts';
import type { BrowserDevice } from '../model/types.ts';
import { isIntegrityError } from '../model/verify-fetch.ts';
import { probeWebgpu } from '../model/webgpu.ts';
import {
  assertNever,
  serializeError,
  type ExtractRequest,
  type LoadRequest,
  type LoadProgress,
  type ReadyInfo,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';
import { packedBuffers, packEntities } from './packed-entities.ts';
import { dropModelCache, dropStaleModelCache } from './model-cache.ts';
import { prefetchModelFile, shareDownloads, whileSharingDownloads } from './shared-downloads.ts';
import { armIntegrity } from './worker-integrity.ts';
import { wasmThreadCount } from './wasm-threads.ts';
import { timeWasmCompiles } from './wasm-timing.ts';
import { installWasmGate } from '../model/wasm-gate.ts';
import { WARM_THROUGH_CALLS, warmThroughSentence } from './warm-through.ts';

interface WorkerScope {
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

interface Loaded {
  model: Med7Model;
  info: ReadyInfo;
}

const scope = self as unknown as WorkerScope;
// The gate first, so that the timing around it covers a checked wasm's compile too.
installWasmGate();
timeWasmCompiles();
shareDownloads();
/** Progress replies per file are spaced at least this far apart (ms), except the last. */
const PROGRESS_INTERVAL_MS = 100;

let loaded: Promise<Loaded> | undefined;
const queue: ExtractRequest[] = [];
let busy = false;
/** The `extract` now in the model, so that `cancel` can stop it between model calls. */
let running: { id: number; controller: AbortController } | undefined;
/** The warm-through under way after a load: calls done and their time (ms). */
let warmThrough: { done: number; ms: number } | undefined;
/** The load whose model the warm-through was started for (once per model). */
let warmedThrough: Promise<Loaded> | undefined;

function post(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** onnxruntime-web's WASM threads (./wasm-threads.ts). */
function configureThreads(): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm === undefined) return;
  wasm.numThreads = wasmThreadCount(navigator.hardwareConcurrency || 1, self.crossOriginIsolated);
}

function wasmThreads(): number {
  const threads = env.backends.onnx.wasm?.numThreads;
  return typeof threads === 'number' && threads > 0 ? threads : 1;
}

async function load(request: LoadRequest): Promise<Loaded> {
  const started = performance.now();
  const lastSent = new Map<string, number>();
  // Without a Content-Length, transformers.js reports total === loaded for every chunk.
  const sizeUnknown = new Set<string>();
  const onProgress = (info: LoadProgress): void => {
    const now = performance.now();
    const first = !lastSent.has(info.file);
    if (first && info.loaded >= info.total) sizeUnknown.add(info.file);
    const finished = info.total > 0 && info.loaded >= info.total && !sizeUnknown.has(info.file);
    const due = now - (lastSent.get(info.file) ?? -Infinity) >= PROGRESS_INTERVAL_MS;
    if (!due && !finished) return;
    lastSent.set(info.file, now);
    post({ type: 'progress', id: request.id, info });
  };
  configureThreads();
  await dropStaleModelCache(request.model).catch(() => undefined);
  return whileSharingDownloads(request.model, () => loadOn(request, started, onProgress));
}

async function loadOn(
  request: LoadRequest,
  started: number,
  onProgress: (info: LoadProgress) => void,
): Promise<Loaded> {
  let device: BrowserDevice = request.device === 'webgpu' ? 'webgpu' : 'wasm';
  let fallbackReason: string | undefined;
  let adapter: string | undefined;
  if (request.device !== 'wasm') {
    const probe = await probeWebgpu();
    if (probe.reason !== undefined) {
      if (request.device === 'webgpu') throw new Error(`WebGPU is not available: ${probe.reason}.`);
      fallbackReason = `WebGPU unavailable: ${probe.reason}`;
    } else if (request.device === 'auto' && probe.software === true) {
      fallbackReason = `WebGPU passed by: its only adapter (${probe.adapter ?? ''}) is a software one, slower than WASM`;
    } else {
      device = 'webgpu';
      adapter = probe.adapter;
    }
  }

  const options = {
    model: request.model,
    dtype: request.dtype,
    wasmPaths: request.wasmPaths,
    onProgress,
    prefetch: (url: string) => void prefetchModelFile(url).catch(() => undefined),
  };
  let model: Med7Model;
  // Files are checked before use when the page sent hashes (./worker-integrity.ts).
  const integrity = await armIntegrity(request);
  try {
    try {
      // The loader runs the model once before resolving: that is the warm-up (and, on WebGPU, the
      // shader compilation), so a WebGPU failure surfaces here.
      // onnxruntime-web's files are fetched and checked while the model's config, tokenizer and
      // weights come down; the session waits for both
      const ortReady = integrity.prepareOrt(device);
      ortReady.catch(() => undefined);
      model = await loadMed7Model({ ...options, device, ortReady });
    } catch (error) {
      const failure = integrity.failure ?? error;
      if (request.device !== 'auto' || device !== 'webgpu' || isIntegrityError(failure)) {
        throw failure;
      }
      fallbackReason = `WebGPU failed: ${errorMessage(error)}`;
      device = 'wasm';
      adapter = undefined;
      await integrity.prepareOrt(device);
      model = await loadMed7Model({ ...options, device });
    }
  } catch (error) {
    throw integrity.failure ?? error;
  } finally {
    integrity.disarm();
  }

  const info: ReadyInfo = {
    device,
    dtype: model.dtype,
    threads: device === 'wasm' ? wasmThreads() : 0,
    loadMs: Math.round(performance.now() - started),
  };
  // the loader's own reason: under dtype auto, a missing file that made it run q8
  const reasons = [fallbackReason, model.fallbackReason].filter((r) => r !== undefined);
  if (reasons.length > 0) info.fallbackReason = reasons.join('; ');
  if (adapter !== undefined) info.adapter = adapter;
  return { model, info };
}

function handleLoad(request: LoadRequest): void {
  performance.mark('med7:load-request');
  const pending = (loaded ??= load(request));
  pending.then(
    ({ info }) => {
      post({ type: 'ready', id: request.id, info });
      // WebGPU's shaders are compiled by the warm-up; the warm-through is for WebAssembly
      const wanted = request.warmThrough === true && info.device === 'wasm';
      if (wanted && loaded === pending && warmedThrough !== pending) {
        warmedThrough = pending;
        warmThrough = { done: 0, ms: 0 };
        void pump();
      }
    },
    async (error: unknown) => {
      // A failed load is not cached, nor are the files it got: the next `load` fetches them again.
      if (loaded === pending) loaded = undefined;
      await dropModelCache(request.model).catch(() => undefined);
      post({ type: 'error', id: request.id, error: serializeError(error) });
    },
  );
}

/** An aborted WebAssembly instance (out of memory, a trap) cannot run again in this worker. */
function isFatal(error: unknown): boolean {
  const message = serializeError(error).message;
  return (
    error instanceof WebAssembly.RuntimeError ||
    /\bAborted\(|out of memory|memory access out of bounds/i.test(message)
  );
}

async function answer(request: ExtractRequest): Promise<void> {
  const { id } = request;
  const controller = new AbortController();
  running = { id, controller };
  try {
    if (loaded === undefined) throw new Error('The model is not loaded; send `load` first.');
    const { model } = await loaded;
    const started = performance.now();
    let lastSent = started;
    const flag = request.cancelFlag;
    const signal = {
      get aborted(): boolean {
        if (flag !== undefined && Atomics.load(flag, 0) === 1) controller.abort();
        return controller.signal.aborted;
      },
      get reason(): unknown {
        return controller.signal.reason;
      },
    };
    const entities = await model.extract(request.text, {
      signal,
      // the last analysis's breakdown, for `npm run bench` (bench/browser.ts)
      onTimings: (timings) => {
        performance.clearMarks('med7:extract');
        performance.mark('med7:extract', { detail: timings });
      },
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastSent < PROGRESS_INTERVAL_MS || done >= total) return;
        lastSent = now;
        post({ type: 'analysing', id, done, total });
      },
    });
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const packed = packEntities(entities);
    post({ type: 'result', id, entities: packed, ms }, packedBuffers(packed));
  } catch (error) {
    if (controller.signal.aborted) post({ type: 'cancelled', id });
    else post({ type: 'error', id, error: serializeError(error), fatal: isFatal(error) });
  } finally {
    running = undefined;
  }
}

/** Resolves after the messages already waiting for the worker have been taken in. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * One model call of the warm-through (./warm-through.ts). It ends for good on the first failure:
 * a broken model shows itself on the next request, which reports it.
 */
async function warmThroughStep(): Promise<void> {
  const current = warmThrough;
  if (current === undefined) return;
  if (loaded === undefined) {
    // no model any more: the pump loop must not come back for a step that cannot run
    warmThrough = undefined;
    return;
  }
  try {
    const { model } = await loaded;
    const started = performance.now();
    await model.extract(warmThroughSentence(current.done));
    current.ms += performance.now() - started;
    current.done++;
  } catch {
    current.done = WARM_THROUGH_CALLS;
  }
  if (current.done >= WARM_THROUGH_CALLS && warmThrough === current) {
    warmThrough = undefined;
    // read by `npm run bench` (bench/browser.ts): warm figures are taken after it
    performance.mark('med7:warm-through', {
      detail: { calls: current.done, ms: Math.round(current.ms) },
    });
  }
  await nextTask();
}

/** Answers the queued requests in order; with none left, runs the warm-through a call at a time. */
async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (;;) {
      const request = queue.shift();
      if (request !== undefined) await answer(request);
      else if (warmThrough !== undefined) await warmThroughStep();
      else break;
    }
  } finally {
    busy = false;
  }
}

function handleCancel(id: number): void {
  if (running?.id === id) {
    running.controller.abort(); // Stops before its next model call, then answers `cancelled`.
    return;
  }
  const index = queue.findIndex((request) => request.id === id);
  if (index < 0) return; // Already answered.
  queue.splice(index, 1);
  post({ type: 'cancelled', id });
}

async function handleDispose(id: number): Promise<void> {
  for (const request of queue.splice(0)) post({ type: 'cancelled', id: request.id });
  warmThrough = undefined;
  const pending = loaded;
  loaded = undefined;
  try {
    if (pending !== undefined) await (await pending).model.dispose();
  } catch {
    // A model that never loaded has nothing to free.
  }
  post({ type: 'disposed', id });
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      handleLoad(request);
      break;
    case 'extract':
      queue.push(request);
      void pump();
      break;
    case 'cancel':
      handleCancel(request.id);
      break;
    case 'dispose':
      void handleDispose(request.id);
      break;
    case 'ping':
      post({ type: 'pong', id: request.id });
      break;
    default:
      assertNever(request);
  }
});
