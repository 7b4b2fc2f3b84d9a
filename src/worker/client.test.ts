/* eslint-disable max-lines -- one scenario per rule of the liveness contract in ./client.ts */
/**
 * The client's protocol against a fake worker: replies, aborts, errors, deadlines and restarts.
 * Over 350 lines: one scenario per rule of the liveness contract (./client.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Med7WorkerClient, isAbortError, type Liveness, type WorkerLike } from './client.ts';
import { packEntities } from './packed-entities.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

type Listener = (event: Event) => void;

/** A scripted stand-in for the model worker: records requests, replies when told to. */
class FakeWorker implements WorkerLike {
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  /** Whether it answers pings (false: closed or killed without an error event). */
  alive = true;
  readonly #listeners = new Map<string, Listener[]>();

  postMessage(message: WorkerRequest): void {
    if (message.type === 'ping') {
      if (this.alive && !this.terminated) this.reply({ type: 'pong', id: message.id });
      return;
    }
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener as Listener]);
  }

  reply(message: WorkerReply): void {
    for (const listener of this.#listeners.get('message') ?? []) {
      listener({ data: message } as unknown as Event);
    }
  }

  crash(message: string): void {
    for (const listener of this.#listeners.get('error') ?? []) {
      listener({ message } as unknown as Event);
    }
  }

  last(type: WorkerRequest['type']): WorkerRequest {
    const found = this.sent.filter((m) => m.type === type).at(-1);
    if (found === undefined) throw new Error(`no ${type} sent`);
    return found;
  }
}

const LOAD = {
  model: 'http://x/models/m/',
  device: 'wasm',
  dtype: 'q8',
  wasmPaths: 'http://x/ort/',
} as const;
const READY = { device: 'wasm', dtype: 'q8', threads: 2, loadMs: 5 } as const;
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup(liveness: Partial<Liveness> = {}): {
  client: Med7WorkerClient;
  workers: FakeWorker[];
} {
  const workers: FakeWorker[] = [];
  const client = new Med7WorkerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, liveness);
  return { client, workers };
}

async function loaded(
  liveness: Partial<Liveness> = {},
): Promise<{ client: Med7WorkerClient; workers: FakeWorker[] }> {
  const { client, workers } = setup(liveness);
  const ready = client.load(LOAD);
  const worker = workers[0]!;
  worker.reply({ type: 'ready', id: worker.last('load').id, info: READY });
  await ready;
  return { client, workers };
}

describe('Med7WorkerClient', () => {
  it('matches replies to requests by id and reports progress', async () => {
    const { client, workers } = setup();
    const progress: number[] = [];
    client.onProgress = (info) => progress.push(info.loaded);
    const ready = client.load(LOAD);
    const worker = workers[0]!;
    const id = worker.last('load').id;
    worker.reply({
      type: 'progress',
      id,
      info: { file: 'onnx/model_quantized.onnx', loaded: 10, total: 20 },
    });
    worker.reply({ type: 'ready', id, info: READY });
    await expect(ready).resolves.toEqual(READY);
    expect(progress).toEqual([10]);

    const first = client.extract('Lasix 40 mg');
    const second = client.extract('aspirin');
    await tick();
    const [a, b] = worker.sent.filter((m) => m.type === 'extract');
    const entity = { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 0.9 } as const;
    worker.reply({ type: 'result', id: b!.id, entities: packEntities([]), ms: 1 });
    worker.reply({ type: 'result', id: a!.id, entities: packEntities([entity]), ms: 2 });
    await expect(first).resolves.toEqual({ entities: [entity], ms: 2 });
    await expect(second).resolves.toEqual({ entities: [], ms: 1 });
    expect(client.pendingCount).toBe(0);
  });

  it('passes analysis progress to the extract that asked for it', async () => {
    const { client, workers } = await loaded();
    const seen: number[] = [];
    const result = client.extract('a long note', undefined, (done, total) =>
      seen.push(done / total),
    );
    await tick();
    const worker = workers[0]!;
    const id = worker.last('extract').id;
    worker.reply({ type: 'analysing', id, done: 256, total: 1024 });
    worker.reply({ type: 'analysing', id: id + 99, done: 1, total: 2 }); // someone else's: ignored
    worker.reply({ type: 'result', id, entities: packEntities([]), ms: 1 });
    await result;
    expect(seen).toEqual([0.25]);
  });

  it('rebuilds worker errors as Errors with their name', async () => {
    const { client, workers } = await loaded();
    const result = client.extract('x');
    await tick();
    const worker = workers[0]!;
    worker.reply({
      type: 'error',
      id: worker.last('extract').id,
      error: { name: 'Med7ModelError', message: 'boom' },
    });
    await expect(result).rejects.toMatchObject({ name: 'Med7ModelError', message: 'boom' });
  });

  it('drops an aborted request: rejects at once, sends cancel, ignores its late result', async () => {
    const { client, workers } = await loaded();
    const abort = new AbortController();
    const stale = client.extract('old text', abort.signal);
    await tick();
    const worker = workers[0]!;
    const id = worker.last('extract').id;
    abort.abort();
    await expect(stale).rejects.toSatisfy(isAbortError);
    expect(worker.last('cancel')).toEqual({ type: 'cancel', id });
    worker.reply({ type: 'result', id, entities: packEntities([]), ms: 1 }); // late: ignored
    expect(client.pendingCount).toBe(0);
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.extract('never sent', aborted.signal)).rejects.toSatisfy(isAbortError);
  });

  it('treats a cancelled reply as an AbortError', async () => {
    const { client, workers } = await loaded();
    const result = client.extract('x');
    await tick();
    const worker = workers[0]!;
    worker.reply({ type: 'cancelled', id: worker.last('extract').id });
    await expect(result).rejects.toSatisfy(isAbortError);
  });

  it('rejects everything pending when the worker crashes, then restarts it on the next request', async () => {
    const { client, workers } = await loaded();
    let restarts = 0;
    let reloaded: Promise<unknown> | undefined;
    client.onRestart = (reload) => {
      restarts++;
      reloaded = reload;
    };
    const pending = client.extract('x');
    await tick();
    workers[0]!.crash('out of memory');
    await expect(pending).rejects.toThrow(/crashed: out of memory/);
    expect(workers[0]!.terminated).toBe(true);
    expect(client.pendingCount).toBe(0);

    const next = client.extract('Lasix');
    await tick();
    expect(workers).toHaveLength(2);
    expect(restarts).toBe(1);
    const worker = workers[1]!;
    const load = worker.last('load');
    expect(load).toMatchObject({ type: 'load', ...LOAD });
    worker.reply({ type: 'ready', id: load.id, info: READY });
    // The reload handed to onRestart settles with the new worker's ready info (the element shows it).
    await expect(reloaded).resolves.toEqual(READY);
    await tick();
    worker.reply({
      type: 'result',
      id: worker.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(next).resolves.toEqual({ entities: [], ms: 1 });
  });

  it('replaces the worker after a fatal error (an aborted WebAssembly instance)', async () => {
    const { client, workers } = await loaded();
    const failing = client.extract('x');
    const queued = client.extract('y');
    await tick();
    const worker = workers[0]!;
    const [first] = worker.sent.filter((m) => m.type === 'extract');
    worker.reply({
      type: 'error',
      id: first!.id,
      error: { name: 'RuntimeError', message: 'Aborted(OOM)' },
      fatal: true,
    });
    await expect(failing).rejects.toThrow('Aborted(OOM)');
    await expect(queued).rejects.toThrow(/worker failed/);
    expect(worker.terminated).toBe(true);
    const next = client.extract('Lasix');
    await tick();
    expect(workers).toHaveLength(2);
    const fresh = workers[1]!;
    fresh.reply({ type: 'ready', id: fresh.last('load').id, info: READY });
    await tick();
    fresh.reply({
      type: 'result',
      id: fresh.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(next).resolves.toEqual({ entities: [], ms: 1 });
  });

  it('lets a failed load be retried and refuses work before any load', async () => {
    const { client, workers } = setup();
    await expect(client.extract('x')).rejects.toThrow(/not loaded/);
    const first = client.load(LOAD);
    const worker = workers[0]!;
    worker.reply({
      type: 'error',
      id: worker.last('load').id,
      error: { name: 'Med7ModelError', message: '404' },
    });
    await expect(first).rejects.toThrow('404');
    const second = client.extract('x');
    await tick();
    worker.reply({ type: 'ready', id: worker.last('load').id, info: READY });
    await tick();
    worker.reply({
      type: 'result',
      id: worker.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(second).resolves.toEqual({ entities: [], ms: 1 });
  });

  it('dispose terminates the worker and rejects what is pending', async () => {
    const { client, workers } = await loaded();
    const pending = client.extract('x');
    await tick();
    const disposed = client.dispose();
    const worker = workers[0]!;
    worker.reply({ type: 'disposed', id: worker.last('dispose').id });
    await disposed;
    await expect(pending).rejects.toThrow(/disposed/);
    expect(worker.terminated).toBe(true);
    await expect(client.extract('x')).rejects.toThrow(/not loaded/);
  });
});

describe('Med7WorkerClient liveness', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const FAST = { pingIntervalMs: 100, silenceMs: 500, loadSilenceMs: 500 };

  it('restarts a worker that went silent once and sends the pending analysis again', async () => {
    vi.useFakeTimers();
    const { client, workers } = await loaded(FAST);
    let restarts = 0;
    client.onRestart = () => restarts++;
    const result = client.extract('Lasix');
    await vi.advanceTimersByTimeAsync(0);
    workers[0]!.alive = false; // self.close(): no error event, no reply, ever
    await vi.advanceTimersByTimeAsync(800);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts).toBe(1);
    const fresh = workers[1]!;
    fresh.reply({ type: 'ready', id: fresh.last('load').id, info: READY });
    await vi.advanceTimersByTimeAsync(0);
    fresh.reply({
      type: 'result',
      id: fresh.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(result).resolves.toEqual({ entities: [], ms: 1 });
  });

  it('fails for good when the restarted worker goes silent too: onFailure, everything rejects', async () => {
    vi.useFakeTimers();
    const { client, workers } = await loaded(FAST);
    const failures: string[] = [];
    client.onFailure = (error) => failures.push(error.message);
    const result = client.extract('Lasix');
    const outcome = result.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(0);
    workers[0]!.alive = false;
    await vi.advanceTimersByTimeAsync(800);
    workers[1]!.alive = false; // dies while reloading the model
    await vi.advanceTimersByTimeAsync(800);
    expect(await outcome).toMatch(/stopped responding .*again after a restart/);
    expect(failures).toHaveLength(1);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(true);
    // Later requests reject at once instead of waiting forever.
    await expect(client.extract('x')).rejects.toThrow(/stopped responding/);
    expect(client.pendingCount).toBe(0);
  });

  it('a silent worker during the first load: the load follows the restarted one', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup(FAST);
    let restarts = 0;
    client.onRestart = () => restarts++;
    const ready = client.load(LOAD);
    workers[0]!.alive = false;
    await vi.advanceTimersByTimeAsync(800);
    const fresh = workers[1]!;
    fresh.reply({ type: 'ready', id: fresh.last('load').id, info: READY });
    await expect(ready).resolves.toEqual(READY);
    expect(restarts).toBe(0); // the caller of load hears it, not as a restart
  });

  it('a busy worker that answers pings or reports progress is alive', async () => {
    vi.useFakeTimers();
    const { client, workers } = await loaded({ ...FAST, extractBaseMs: 60_000 });
    const result = client.extract('a long note');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    worker.alive = false; // busy in the model: no pongs, but progress replies
    for (let i = 0; i < 20; i++) {
      worker.reply({ type: 'analysing', id: worker.last('extract').id, done: i, total: 20 });
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(workers).toHaveLength(1);
    worker.reply({
      type: 'result',
      id: worker.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(result).resolves.toEqual({ entities: [], ms: 1 });
  });

  it('rejects an analysis past its deadline, which scales with the length of the text', async () => {
    vi.useFakeTimers();
    const liveness = { extractBaseMs: 1_000, extractPerCharMs: 10 };
    const { client, workers } = await loaded(liveness);
    const text = 'x'.repeat(100); // 1 s + 100 × 10 ms
    const outcome = client.extract(text).then(
      () => 'resolved',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    await vi.advanceTimersByTimeAsync(1_900);
    expect(client.pendingCount).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await outcome).toBe(
      'TimeoutError: The analysis of 100 characters took longer than 2 s.',
    );
    const worker = workers[0]!;
    expect(worker.last('cancel')).toEqual({ type: 'cancel', id: worker.last('extract').id });
    // A longer text gets a longer deadline.
    const long = client.extract('x'.repeat(1_000));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(client.pendingCount).toBe(1);
    worker.reply({
      type: 'result',
      id: worker.last('extract').id,
      entities: packEntities([]),
      ms: 1,
    });
    await expect(long).resolves.toEqual({ entities: [], ms: 1 });
  });
});
