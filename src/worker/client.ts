/* eslint-disable max-lines -- one class owns the liveness contract (deadlines, restarts, aborts), kept together so it reads whole */
/**
 * The page side of the model worker: starts it, matches replies to requests by id, drops results
 * that were aborted, turns worker errors back into `Error`s, and restarts a crashed worker (reloading
 * the model) on the next request.
 *
 * Liveness (docs/reliability.md): every request is answered or rejected within a deadline (an
 * `extract` within `extractBaseMs + extractPerCharMs × text.length`, queued ones after the ones
 * ahead), and the worker is pinged while it runs: one that stays silent for `silenceMs` after a
 * ping (closed, or killed without an `error` event) is restarted once, its pending analyses retried
 * on the new one; if that one dies too before it has answered an analysis, the client fails for
 * good (`onFailure`) and every request rejects at once.
 *
 * Over 350 lines: one class whose pending requests, deadlines, pings and restart share their
 * state; split apart, each part would need all of it.
 */
import type { Entity } from '../core/types.ts';
import { assetUrl, WORKER_FILE } from './base-path.ts';
import {
  assertNever,
  deserializeError,
  type LoadRequest,
  type LoadProgress,
  type ReadyInfo,
  type WorkerFactory,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';
import { unpackEntities } from './packed-entities.ts';
import { isStartFailure, spawnWorker } from './spawn.ts';

export type { WorkerFactory, WorkerLike };

/** What `load` asks the worker for: a `LoadRequest` without its wire fields. */
export type WorkerLoadOptions = Omit<LoadRequest, 'type' | 'id'>;

export interface ExtractResult {
  entities: Entity[];
  ms: number;
}

type FinalReply = Exclude<WorkerReply, { type: 'progress' | 'analysing' | 'pong' }>;

/** The deadlines of the liveness rule (milliseconds). */
export interface Liveness {
  /** How often a running worker is pinged. */
  pingIntervalMs: number;
  /** A worker that sends nothing for this long after a ping is dead. */
  silenceMs: number;
  /** The same while a load runs: creating the session blocks the worker for seconds at a time. */
  loadSilenceMs: number;
  /** An `extract` must be answered within `extractBaseMs + extractPerCharMs × text.length`. */
  extractBaseMs: number;
  extractPerCharMs: number;
  /** A `load` (download, compilation, warm-up) must be answered within this. */
  loadMs: number;
}

/**
 * Defaults: generous enough for a slow device (the 1 MB note takes ~25 s on a 2-core laptop, this
 * allows 17 min), tight enough that nothing waits forever. A busy worker still answers pings
 * between model calls, and its progress replies count as signs of life.
 */
export const DEFAULT_LIVENESS: Liveness = {
  pingIntervalMs: 2_000,
  silenceMs: 30_000,
  loadSilenceMs: 90_000,
  // above silenceMs + pingIntervalMs: a dead worker is found (and replaced) before this runs out
  extractBaseMs: 60_000,
  extractPerCharMs: 1,
  loadMs: 600_000,
};

/** The worker went silent and was replaced; the request may be sent again to the new one. */
class WorkerLostError extends Error {
  override name = 'WorkerLostError';
}

export function timeoutError(message: string): Error {
  return new DOMException(message, 'TimeoutError');
}

interface Pending {
  resolve(reply: FinalReply): void;
  reject(error: Error): void;
  kind: 'load' | 'extract' | 'dispose';
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
  onProgress: ((info: LoadProgress) => void) | undefined;
  /** Called when a crashed worker is being replaced, with the model's reload (settles like `load`). */
  onRestart: ((reloaded: Promise<ReadyInfo>) => void) | undefined;
  /** Called once when the worker died again after its restart: the client is failed for good. */
  onFailure: ((error: Error) => void) | undefined;

  readonly #spawn: WorkerFactory;
  readonly #liveness: Liveness;
  readonly #pending = new Map<number, Pending>();
  #worker: WorkerLike | undefined;
  #nextId = 1;
  #options: WorkerLoadOptions | undefined;
  #ready: Promise<ReadyInfo> | undefined;
  #crashed = false;
  #disposed = false;
  /** Restarts of a silent worker still allowed (one; given back by an analysis answered after it). */
  #restartsLeft = 1;
  /** Set when the worker died twice: every request rejects with it. */
  #failure: Error | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  /** When the last message of the current worker arrived, and when the unanswered ping was sent. */
  #heardAt = 0;
  #pingSentAt: number | undefined;
  /** When the last queued `extract` is due: a request's deadline starts after those ahead of it. */
  #extractsDueAt = 0;

  constructor(spawn: WorkerFactory = spawnMed7Worker, liveness: Partial<Liveness> = {}) {
    this.#spawn = spawn;
    this.#liveness = { ...DEFAULT_LIVENESS, ...liveness };
  }

  /** Requests currently awaiting a reply (for tests and diagnostics). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Loads the model in the worker; resolves once it is warmed up. A failed load can be retried. */
  load(options: WorkerLoadOptions): Promise<ReadyInfo> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#disposed = false;
    this.#options = options;
    const ready: Promise<ReadyInfo> = this.#call((id) => ({ type: 'load', id, ...options }), {
      kind: 'load',
      deadlineMs: this.#liveness.loadMs,
      what: 'Loading the model',
    }).then(
      (reply) => {
        if (reply.type !== 'ready') throw new Error(`Unexpected reply to load: ${reply.type}`);
        return reply.info;
      },
      (error: unknown) => {
        // The worker went silent and a new one is loading the model: this load follows that one.
        const reload = this.#ready;
        if (error instanceof WorkerLostError && reload !== undefined && reload !== ready) {
          return reload;
        }
        throw error;
      },
    );
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
    for (;;) {
      try {
        return await this.#extractOnce(text, signal, onAnalysing);
      } catch (error) {
        // Its worker went silent and is being replaced (at most once): ask the new one.
        if (!(error instanceof WorkerLostError)) throw error;
      }
    }
  }

  async #extractOnce(
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
    const { extractBaseMs, extractPerCharMs } = this.#liveness;
    const budget = extractBaseMs + extractPerCharMs * text.length;
    const now = Date.now();
    // The worker runs one analysis at a time: this one's clock starts after those queued ahead.
    const dueAt = Math.max(now, this.#pending.size === 0 ? now : this.#extractsDueAt) + budget;
    this.#extractsDueAt = dueAt;
    const reply = await this.#call(
      (id) => ({ type: 'extract', id, text, ...(cancelFlag === undefined ? {} : { cancelFlag }) }),
      {
        kind: 'extract',
        deadlineMs: dueAt - now,
        what: `The analysis of ${text.length.toLocaleString('en')} characters`,
        ...(signal === undefined ? {} : { signal }),
        ...(onAnalysing === undefined ? {} : { onAnalysing }),
        cancelFlag,
      },
    );
    if (reply.type !== 'result') throw new Error(`Unexpected reply to extract: ${reply.type}`);
    return { entities: unpackEntities(text, reply.entities), ms: reply.ms };
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
        this.#call((id) => ({ type: 'dispose', id }), {
          kind: 'dispose',
          deadlineMs: Infinity,
          what: '',
        }),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
    } catch {
      // The worker is terminated below either way.
    }
    this.#stop(new Error('The model worker was disposed.'));
  }

  #ensureReady(): Promise<ReadyInfo> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
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
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#heardAt = Date.now();
      this.#handleReply(event.data);
    });
    worker.addEventListener('error', (event) => this.#handleCrash(worker, event));
    worker.addEventListener('messageerror', (event) => this.#handleCrash(worker, event));
    this.#worker = worker;
    this.#heardAt = Date.now();
    this.#pingSentAt = undefined;
    clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => this.#checkAlive(worker), this.#liveness.pingIntervalMs);
    return worker;
  }

  /**
   * Pings the worker, or declares it dead when it has not answered the last ping (nor sent
   * anything else) within `silenceMs`. Measured from the ping, so a throttled timer in a
   * background tab delays the check but never makes a live worker look dead.
   */
  #checkAlive(worker: WorkerLike): void {
    if (worker !== this.#worker) return;
    const now = Date.now();
    const sent = this.#pingSentAt;
    if (sent !== undefined && this.#heardAt < sent) {
      if (now - sent > this.#silenceMs()) this.#handleSilence(worker);
      return;
    }
    this.#pingSentAt = now;
    worker.postMessage({ type: 'ping', id: 0 });
  }

  #silenceMs(): number {
    const loading = [...this.#pending.values()].some((pending) => pending.kind === 'load');
    return loading ? this.#liveness.loadSilenceMs : this.#liveness.silenceMs;
  }

  /** A silent worker: restart it once (reloading the model at once), then fail for good. */
  #handleSilence(worker: WorkerLike): void {
    const seconds = Math.round(this.#silenceMs() / 1000);
    const message = `The model worker stopped responding (no answer for ${seconds} s)`;
    const options = this.#options;
    if (this.#restartsLeft > 0 && options !== undefined && !this.#disposed) {
      this.#restartsLeft--;
      const loading = [...this.#pending.values()].some((pending) => pending.kind === 'load');
      // Rejects what was pending with WorkerLostError: a load follows the reload started here,
      // an `extract` is sent again once it is ready.
      this.#crash(new WorkerLostError(`${message}; it was restarted.`));
      const reloaded = this.load(options);
      reloaded.catch(() => undefined);
      if (!loading) this.onRestart?.(reloaded);
      return;
    }
    if (worker !== this.#worker) return;
    this.#fail(new Error(`${message}, again after a restart. Reload the page to try again.`));
  }

  /** Stops for good: the worker is gone, everything pending and every later request rejects. */
  #fail(error: Error): void {
    this.#failure = error;
    this.#ready = undefined;
    this.#stop(error);
    this.onFailure?.(error);
  }

  #call(
    build: (id: number) => WorkerRequest,
    options: {
      kind: 'load' | 'extract' | 'dispose';
      deadlineMs: number;
      what: string;
      signal?: AbortSignal;
      onAnalysing?: (done: number, total: number) => void;
      cancelFlag?: Int32Array | undefined;
    },
  ): Promise<FinalReply> {
    const { signal, onAnalysing, cancelFlag } = options;
    let worker: WorkerLike;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      // The browser refused to create the worker (CSP, another origin): the request fails with why.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const id = this.#nextId++;
    return new Promise<FinalReply>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const drop = (error: Error): void => {
        if (!this.#pending.delete(id)) return;
        settle();
        worker.postMessage({ type: 'cancel', id });
        if (cancelFlag !== undefined) Atomics.store(cancelFlag, 0, 1);
        reject(error);
      };
      const onAbort = (): void => drop(abortError());
      this.#pending.set(id, {
        resolve: (reply) => {
          settle();
          resolve(reply);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        kind: options.kind,
        ...(onAnalysing === undefined ? {} : { onAnalysing }),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      if (Number.isFinite(options.deadlineMs)) {
        timer = setTimeout(() => {
          const seconds = Math.round(options.deadlineMs / 1000);
          drop(timeoutError(`${options.what} took longer than ${seconds} s.`));
          // A load that overran leaves the worker in an unknown state: replace it.
          if (options.kind === 'load' && worker === this.#worker) {
            this.#crash(timeoutError(`${options.what} took longer than ${seconds} s.`));
          }
        }, options.deadlineMs);
      }
      worker.postMessage(build(id));
    });
  }

  #handleReply(reply: WorkerReply): void {
    if (reply.type === 'pong') return;
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
      case 'result':
        // An analysis answered: the worker works again, and may be restarted once more.
        this.#restartsLeft = 1;
        pending.resolve(reply);
        break;
      case 'ready':
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
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    worker?.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { reject } of pending) reject(reason);
  }
}
