/**
 * The page side of the model worker: starts it, matches replies to requests by id, drops results
 * that were aborted, turns worker errors back into `Error`s, and restarts a crashed worker (reloading
 * the model) on the next request.
 */
import type { Entity } from '../core/types.ts';
import { assetUrl, WORKER_FILE } from './base-path.ts';
import {
  assertNever,
  deserializeError,
  type LoadRequest,
  type ProgressInfo,
  type ReadyInfo,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';
import { isStartFailure, spawnWorker } from './spawn.ts';

/** The subset of `Worker` the client needs, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type WorkerFactory = () => WorkerLike;

export type LoadOptions = Omit<LoadRequest, 'type' | 'id'>;

export interface ExtractResult {
  entities: Entity[];
  ms: number;
}

type FinalReply = Exclude<WorkerReply, { type: 'progress' | 'analysing' }>;

interface Pending {
  resolve(reply: FinalReply): void;
  reject(error: Error): void;
  /** Progress of this request's analysis (`analysing` replies). */
  onAnalysing?: (done: number, total: number) => void;
}

/** Spawns the model worker from the element's own folder (see ./base-path.ts). */
export const spawnMed7Worker: WorkerFactory = () => spawnWorker(assetUrl(WORKER_FILE));

/** A shared Int32 the worker can read while busy, where the page is cross-origin isolated. */
function sharedFlag(): Int32Array | undefined {
  if (typeof SharedArrayBuffer === 'undefined' || globalThis.crossOriginIsolated !== true) return;
  return new Int32Array(new SharedArrayBuffer(4));
}

export function abortError(message = 'The analysis was superseded by a newer one.'): Error {
  return new DOMException(message, 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export class Med7WorkerClient {
  /** Called with every download progress report of the current (re)load. */
  onProgress: ((info: ProgressInfo) => void) | undefined;
  /** Called when a crashed worker is being replaced, with the model's reload (settles like `load`). */
  onRestart: ((reloaded: Promise<ReadyInfo>) => void) | undefined;

  readonly #spawn: WorkerFactory;
  readonly #pending = new Map<number, Pending>();
  #worker: WorkerLike | undefined;
  #nextId = 1;
  #options: LoadOptions | undefined;
  #ready: Promise<ReadyInfo> | undefined;
  #crashed = false;
  #disposed = false;

  constructor(spawn: WorkerFactory = spawnMed7Worker) {
    this.#spawn = spawn;
  }

  /** Requests currently awaiting a reply (for tests and diagnostics). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Loads the model in the worker; resolves once it is warmed up. A failed load can be retried. */
  load(options: LoadOptions): Promise<ReadyInfo> {
    this.#disposed = false;
    this.#options = options;
    const ready = this.#call((id) => ({ type: 'load', id, ...options })).then((reply) => {
      if (reply.type !== 'ready') throw new Error(`Unexpected reply to load: ${reply.type}`);
      return reply.info;
    });
    this.#ready = ready;
    ready.catch(() => {
      if (this.#ready === ready) this.#ready = undefined;
    });
    return ready;
  }

  /**
   * Finds the entities in `text`. Aborting `signal` rejects at once with an `AbortError` and drops
   * the result whenever it comes; the worker skips a queued request and stops a running one at its
   * next model call. `onAnalysing` hears how far a long text has got (sub-tokens done, in all).
   */
  async extract(
    text: string,
    signal?: AbortSignal,
    onAnalysing?: (done: number, total: number) => void,
  ): Promise<ExtractResult> {
    signal?.throwIfAborted();
    await this.#ensureReady();
    signal?.throwIfAborted();
    const cancelFlag = sharedFlag();
    if (cancelFlag !== undefined) {
      signal?.addEventListener('abort', () => Atomics.store(cancelFlag, 0, 1), { once: true });
    }
    const reply = await this.#call(
      (id) => ({ type: 'extract', id, text, ...(cancelFlag === undefined ? {} : { cancelFlag }) }),
      signal,
      onAnalysing,
    );
    if (reply.type !== 'result') throw new Error(`Unexpected reply to extract: ${reply.type}`);
    return { entities: reply.entities, ms: reply.ms };
  }

  /** Frees the model and stops the worker; pending requests reject. `load` starts afresh. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#options = undefined;
    this.#ready = undefined;
    const worker = this.#worker;
    if (worker === undefined) return;
    try {
      await Promise.race([
        this.#call((id) => ({ type: 'dispose', id })),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
    } catch {
      // The worker is terminated below either way.
    }
    this.#stop(new Error('The model worker was disposed.'));
  }

  #ensureReady(): Promise<ReadyInfo> {
    if (this.#ready !== undefined && !this.#crashed) return this.#ready;
    if (this.#options === undefined || this.#disposed) {
      return Promise.reject(new Error('The model is not loaded; call load() first.'));
    }
    const crashed = this.#crashed;
    const reloaded = this.load(this.#options);
    if (crashed) this.onRestart?.(reloaded);
    return reloaded;
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker !== undefined && !this.#crashed) return this.#worker;
    this.#crashed = false;
    const worker = this.#spawn();
    worker.addEventListener('message', (event) => this.#handleReply(event.data));
    worker.addEventListener('error', (event) => this.#handleCrash(worker, event));
    worker.addEventListener('messageerror', (event) => this.#handleCrash(worker, event));
    this.#worker = worker;
    return worker;
  }

  #call(
    build: (id: number) => WorkerRequest,
    signal?: AbortSignal,
    onAnalysing?: (done: number, total: number) => void,
  ): Promise<FinalReply> {
    let worker: WorkerLike;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      // The browser refused to create the worker (CSP, another origin): the request fails with why.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const id = this.#nextId++;
    return new Promise<FinalReply>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.#pending.delete(id)) return;
        worker.postMessage({ type: 'cancel', id });
        reject(abortError());
      };
      this.#pending.set(id, {
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        ...(onAnalysing === undefined ? {} : { onAnalysing }),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(build(id));
    });
  }

  #handleReply(reply: WorkerReply): void {
    if (reply.type === 'progress') {
      if (this.#pending.has(reply.id)) this.onProgress?.(reply.info);
      return;
    }
    if (reply.type === 'analysing') {
      this.#pending.get(reply.id)?.onAnalysing?.(reply.done, reply.total);
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return; // Aborted or from a worker we already replaced: stale.
    this.#pending.delete(reply.id);
    switch (reply.type) {
      case 'ready':
      case 'result':
      case 'disposed':
        pending.resolve(reply);
        break;
      case 'cancelled':
        pending.reject(abortError());
        break;
      case 'error':
        pending.reject(deserializeError(reply.error));
        if (reply.fatal === true)
          this.#crash(new Error(`The model worker failed: ${reply.error.message}`));
        break;
      default:
        assertNever(reply);
    }
  }

  #handleCrash(worker: WorkerLike, event: Event): void {
    if (worker !== this.#worker) return;
    const message = (event as Partial<ErrorEvent>).message;
    if (isStartFailure(event)) {
      this.#crash(new Error(event.message));
      return;
    }
    const detail = typeof message === 'string' && message !== '' ? `: ${message}` : '';
    this.#crash(new Error(`The model worker crashed${detail}. It restarts on the next request.`));
  }

  /** Drops a worker that cannot go on; the next request starts a new one and reloads the model. */
  #crash(reason: Error): void {
    this.#crashed = true;
    this.#stop(reason);
  }

  /** Terminates the worker and rejects everything still pending with `reason`. */
  #stop(reason: Error): void {
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { reject } of pending) reject(reason);
  }
}
