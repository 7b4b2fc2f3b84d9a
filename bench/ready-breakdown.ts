/**
 * Where a visit's time to `med7-ready` went, read after the fact from the page's and the model
 * worker's own performance timelines: navigation and resource timing, and the User Timing entries
 * the worker and the loader write (`med7:load-request`, `med7:config`, `med7:tokenizer`,
 * `med7:session`, `med7:warm-up`). All times are ms from the start of the navigation.
 */
import type { Page, Worker } from '@playwright/test';

export interface ReadyBreakdown {
  /** The page's own scripts parsed and run (DOMContentLoaded ended). */
  readonly pageMs: number;
  /** The model worker's time origin: when the page created it. */
  readonly workerCreatedMs: number;
  /** The worker got the `load` request (its script fetched, parsed and run). */
  readonly loadRequestMs: number;
  readonly configMs: number;
  readonly tokenizerMs: number;
  /** Opening the session: the wasm and model fetches, compiling, graph optimisation. */
  readonly sessionMs: number;
  /** The wasm and the ONNX file on the wire (resource timing, start to end). */
  readonly wasmFetchMs: number;
  readonly modelFetchMs: number;
  /** The session's time after both fetches ended: wasm compile and session creation. */
  readonly afterFetchesMs: number;
  /** onnxruntime-web's `instantiateStreaming`, call to instance (it overlaps the wasm's fetch). */
  readonly wasmCompileMs: number;
  /** The session's time after the wasm was compiled and the model fetched: creating the session. */
  readonly sessionCreateMs: number;
  readonly warmUpMs: number;
  /** `med7-ready` in the page. */
  readonly readyMs: number;
}

interface WorkerTimeline {
  origin: number;
  loadRequest?: number;
  measures: Record<string, { start: number; end: number }>;
  resources: { name: string; start: number; end: number }[];
}

export async function readBreakdown(
  page: Page,
  readyMs: number,
): Promise<ReadyBreakdown | undefined> {
  const pageSide = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return { origin: performance.timeOrigin, dcl: nav?.domContentLoadedEventEnd ?? NaN };
  });
  let timeline: WorkerTimeline | undefined;
  for (const worker of page.workers()) {
    const found = await askWorker(worker, (): WorkerTimeline | undefined => {
      const request = performance.getEntriesByName('med7:load-request')[0];
      if (request === undefined) return undefined;
      const measures: Record<string, { start: number; end: number }> = {};
      for (const m of performance.getEntriesByType('measure')) {
        if (m.name.startsWith('med7:'))
          measures[m.name.slice(5)] = { start: m.startTime, end: m.startTime + m.duration };
      }
      const resources = (
        performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      ).map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd }));
      return {
        origin: performance.timeOrigin,
        loadRequest: request.startTime,
        measures,
        resources,
      };
    }).catch(() => undefined);
    if (found !== undefined) timeline = found;
  }
  if (timeline === undefined) return undefined;
  const offset = timeline.origin - pageSide.origin;
  const span = (name: string): number => {
    const m = timeline.measures[name];
    return m === undefined ? NaN : m.end - m.start;
  };
  const fetched = (suffix: string) =>
    timeline.resources.filter((r) => new URL(r.name).pathname.endsWith(suffix));
  const wasm = fetched('.wasm');
  const onnx = fetched('.onnx');
  const duration = (list: { start: number; end: number }[]): number =>
    list.length === 0
      ? 0
      : Math.max(...list.map((r) => r.end)) - Math.min(...list.map((r) => r.start));
  const session = timeline.measures['session'];
  const lastFetch = Math.max(...[...wasm, ...onnx].map((r) => r.end), session?.start ?? NaN);
  const compile = timeline.measures['wasm-compile'];
  const sessionFrom = Math.max(compile?.end ?? NaN, ...onnx.map((r) => r.end));
  return {
    pageMs: pageSide.dcl,
    workerCreatedMs: offset,
    loadRequestMs: offset + (timeline.loadRequest ?? NaN),
    configMs: span('config'),
    tokenizerMs: span('tokenizer'),
    sessionMs: span('session'),
    wasmFetchMs: duration(wasm),
    modelFetchMs: duration(onnx),
    afterFetchesMs: session === undefined ? NaN : session.end - lastFetch,
    wasmCompileMs: compile === undefined ? NaN : compile.end - compile.start,
    sessionCreateMs: session === undefined ? NaN : session.end - sessionFrom,
    warmUpMs: span('warm-up'),
    readyMs,
  };
}

/**
 * `worker.evaluate(fn)` with a deadline: onnxruntime-web's thread workers wait on a lock between
 * calls and never answer, so each worker of the page is asked for at most `ms`.
 */
export function askWorker<T>(worker: Worker, fn: () => T, ms = 1500): Promise<T | undefined> {
  return Promise.race([
    worker.evaluate(fn).catch(() => undefined),
    new Promise<undefined>((done) => setTimeout(() => done(undefined), ms)),
  ]);
}
