/**
 * What runs the model for the `med7` command: one model in this thread (`threads`: onnxruntime's
 * intra-op threads share each model call) or a pool of worker threads, each with a model of its
 * own and one onnxruntime thread (`pool`: whole groups of records run side by side, tokenising and
 * decoding included). Both give the same entities for the same groups of texts.
 *
 * Measured on the 2-core machine of this project (docs/batch.md, "Every core"): the pool uses the
 * CPU time it gets about as well as one thread, intra-op threads about half as well, on short
 * records and on long notes alike, so `--jobs N` above 1 runs a pool of N workers.
 */
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunOptions } from '../core/decode/extract.ts';
import type { Entity } from '../core/types.ts';
import type { LoadOptions, Med7Dtype } from '../model/types.ts';

export interface Engine {
  readonly device: string;
  readonly dtype: string;
  readonly source: string;
  /** Workers (pool) or onnxruntime threads (threads) in use. */
  readonly jobs: number;
  readonly kind: EngineKind;
  extractMany(
    texts: readonly string[],
    options?: Pick<RunOptions, 'onProgress'>,
  ): Promise<Entity[][]>;
  dispose(): Promise<void>;
}

export type EngineKind = 'threads' | 'pool';

export interface EngineOptions {
  readonly model?: string | undefined;
  readonly dtype: Med7Dtype;
  /** Cores to use (default: all the process may use). */
  readonly jobs?: number | undefined;
  /** How to use them (default: `pool` for more than one job). */
  readonly kind?: EngineKind | undefined;
}

/** The cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** What a worker is told to load (structured-clonable). */
export interface WorkerLoad {
  readonly model: string | undefined;
  readonly dtype: Med7Dtype;
}

/** Messages between the pool and its workers. */
export type ToWorker = { id: number; texts: readonly string[] } | { close: true };
export type FromWorker =
  | { ready: { device: string; dtype: string; source: string } }
  | { id: number; progress: [number, number] }
  | { id: number; entities: Entity[][] }
  | { id: number; error: string }
  | { failed: string };

/** Loads the model and opens an engine of `options.jobs` cores. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const kind = options.kind ?? (jobs > 1 ? 'pool' : 'threads');
  if (kind === 'pool') return WorkerPool.open(jobs, { model: options.model, dtype: options.dtype });
  // Imported here so that usage and input errors are reported without loading onnxruntime.
  const { loadMed7Model } = await import('../model/index.ts');
  const load: LoadOptions = { dtype: options.dtype, device: 'cpu', threads: jobs };
  if (options.model !== undefined) load.model = options.model;
  const model = await loadMed7Model(load);
  return {
    device: model.device,
    dtype: model.dtype,
    source: model.source,
    jobs,
    kind,
    extractMany: (texts, run) => model.extractMany(texts, run),
    dispose: () => model.dispose(),
  };
}

/**
 * The worker script beside this file: `annotate-worker.js` when compiled (the package's dist/lib/,
 * or the bundle bin/med7.js builds in a checkout), `annotate-worker.ts` when this module itself
 * runs from the sources (tests and benchmarks, through tsx or Vitest).
 */
export function workerScript(): URL {
  const ext = extname(fileURLToPath(import.meta.url));
  return new URL(`./annotate-worker${ext}`, import.meta.url);
}

/**
 * Starts the worker. A compiled `.js` worker starts as it is; a `.ts` one is loaded through tsx's
 * API, scoped to the worker's own imports (no tsconfig read), since a worker thread does not
 * inherit the module hooks of the thread that starts it. That costs about 170 MB a worker (tsx
 * transforms transformers.js again in each), which is why the command itself runs compiled.
 */
function startWorker(workerData: WorkerLoad): Worker {
  const script = workerScript();
  const options = { workerData, resourceLimits: WORKER_LIMITS };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot =
    `import(${JSON.stringify(tsx)}).then(({ register }) => ` +
    `register({ namespace: 'med7-worker', tsconfig: false })` +
    `.import(${JSON.stringify(script.href)}, ${JSON.stringify(script.href)}))`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * A worker's young generation (V8's default is 16 MB a semi-space): 8 MB kept a pool of 2 workers
 * on the first 8,000 notes (24 MB) of the archive of docs/batch.md at 385 MB instead of 420 MB,
 * no slower on a loaded machine (116,000 words/s against 89,000, stand-in model); the whole
 * 100 MB archive then peaked at 400,492 kB instead of 425,244 kB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

interface Task {
  readonly id: number;
  readonly texts: readonly string[];
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  resolve(entities: Entity[][]): void;
  reject(error: Error): void;
}

/** A model per worker thread; each group of texts goes to the next free worker. */
export class WorkerPool implements Engine {
  readonly kind = 'pool';
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  private constructor(
    private readonly workers: Worker[],
    readonly device: string,
    readonly dtype: string,
    readonly source: string,
  ) {
    for (const worker of workers) {
      worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
      worker.on('error', (error: Error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a model worker stopped (exit code ${code})`));
      });
      this.idle.push(worker);
    }
  }

  get jobs(): number {
    return this.workers.length;
  }

  /** Starts `size` workers and waits until each has loaded its model. */
  static async open(size: number, load: WorkerLoad): Promise<WorkerPool> {
    const workers = Array.from({ length: size }, () => startWorker(load));
    // Every worker settles before any is ended: ending a worker while onnxruntime's native code
    // is still loading in it can take the whole process down with a signal.
    const settled = await Promise.allSettled(workers.map((worker) => readyOf(worker)));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed !== undefined) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw failed.reason;
    }
    const first = settled[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof readyOf>>>;
    const { device, dtype, source } = first.value;
    return new WorkerPool(workers, device, dtype, source);
  }

  extractMany(
    texts: readonly string[],
    options?: Pick<RunOptions, 'onProgress'>,
  ): Promise<Entity[][]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        texts,
        onProgress: options?.onProgress,
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map(async (worker) => {
        const exited = once(worker, 'exit');
        worker.postMessage({ close: true } satisfies ToWorker);
        await exited;
      }),
    );
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, texts: task.texts } satisfies ToWorker);
    }
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (!('id' in message)) return;
    const task = this.running.get(worker);
    if (task === undefined || task.id !== message.id) return;
    if ('progress' in message) {
      task.onProgress?.(...message.progress);
      return;
    }
    this.running.delete(worker);
    this.idle.push(worker);
    if ('entities' in message) task.resolve(message.entities);
    else task.reject(new Error(message.error));
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of [...this.running.values(), ...this.queue.splice(0)]) task.reject(error);
    this.running.clear();
  }
}

/** The worker's first message: its model loaded, or why it did not. */
async function readyOf(worker: Worker): Promise<{ device: string; dtype: string; source: string }> {
  const [message] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'exit').then(([code]) => {
      throw new Error(`a model worker stopped while loading (exit code ${String(code)})`);
    }),
  ])) as [FromWorker];
  if ('ready' in message) return message.ready;
  if ('failed' in message) throw new WorkerLoadError(message.failed);
  throw new Error('a model worker answered before loading');
}

/** A model that would not load in a worker: the loader's own message. */
export class WorkerLoadError extends Error {
  override readonly name = 'WorkerLoadError';
}
