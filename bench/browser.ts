/* eslint-disable max-lines -- one visit-and-measure sequence per device, its steps sharing the page and plan */
/**
 * The browser half of the benchmark: the built demo (`npm run build`, copied to bench/tmp/dist, served by
 * `vite preview` with the COOP/COEP headers) in headless Debian Chromium, launched as the e2e
 * tests launch it (the flags come from playwright.config.ts, SwiftShader WebGPU included).
 *
 * Per device (WASM with threads; WebGPU on Chromium's SwiftShader adapter): time from navigation
 * to `med7-ready` on first visits (a fresh browser context each, so nothing is cached), then warm
 * latencies of `<med7-ner>.analyze()` on notes of 100, 500 and 2,000 words. On the first WASM
 * visit every request of the page, its worker and its service worker is recorded: the download
 * (./downloads.ts); each visit's time to ready is broken down (./ready-breakdown.ts), and each
 * analysis's from the worker's `med7:extract` mark; then visits from the cache and keystrokes.
 * Over 350 lines: one visit-and-measure sequence per device whose steps share the page and plan.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import playwrightConfig from '../playwright.config.ts';
import { REPO_ROOT } from './notes.ts';
import { errorMessage } from '../src/core/error-message.ts';
import type { RunTimings } from '../src/core/decode/extract.ts';
import { recorder, type Download } from './downloads.ts';
import { askWorker, readBreakdown, type ReadyBreakdown } from './ready-breakdown.ts';

export type { Download };

export const DIST = join(REPO_ROOT, 'bench', 'tmp', 'dist');

/**
 * Builds the demo as `npm run build` does (the drop-in folder first: the demo page loads it) and
 * copies it to DIST, where variants may change files without touching dist/.
 */
export function buildDemo(): void {
  execFileSync('npx', ['tsx', 'build/build.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(DIST, { recursive: true, force: true });
  cpSync(join(REPO_ROOT, 'dist'), DIST, { recursive: true });
}

/** How much to measure on one device. */
export interface DevicePlan {
  /** First visits timed (0: the device is not measured, and its browser not launched). */
  readonly visits: number;
  /** Time for the warm latencies, ms: a length whose predicted time does not fit is skipped. */
  readonly budgetMs: number;
  /** Warm up before each length (true), or only once before the first (slow devices). */
  readonly warmUpEach: boolean;
  /** Most notes timed per length. */
  readonly maxNotes: number;
}

export interface BrowserOptions {
  readonly port: number;
  readonly wasm: DevicePlan;
  readonly webgpu: DevicePlan;
  /** Notes per length, timed one after the other (warm-up: the first note). */
  readonly lengths: Readonly<Record<string, readonly string[]>>;
  /** Analysed on each first visit as soon as it is ready, while the warm-through runs (WASM). */
  readonly firstNote?: string;
  /** Cap on one visit or one analysis, ms. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

export interface Visit {
  /** `performance.now()` at `med7-ready`: ms from the start of the navigation. */
  readonly readyMs: number;
  /** The worker's own load time (`loadMs` of the `med7-ready` detail). */
  readonly loadMs: number;
}

export interface DeviceResult {
  readonly requested: 'wasm' | 'webgpu';
  readonly error?: string;
  readonly device?: string;
  readonly threads?: number;
  readonly crossOriginIsolated?: boolean;
  readonly hardwareConcurrency?: number;
  readonly adapter?: Record<string, unknown> | null;
  readonly fallbackReason?: string;
  readonly visits: Visit[];
  /** Per length: wall ms of `analyze()` (page → worker → page, rendered) and the worker's own ms. */
  readonly lengths: Record<string, LengthResult>;
  /** Where each first visit's time to ready went (./breakdown.ts). */
  readonly readyBreakdown?: ReadyBreakdown[];
  /** Visits again in the last visit's browser context: the model and wasm from the cache. */
  readonly cachedVisits?: Visit[];
  /** Where each of those visits' time to ready went. */
  readonly cachedBreakdown?: ReadyBreakdown[];
  /** One letter typed into the longest note, analysed again (the sentence cache at work). */
  readonly keystroke?: LengthResult;
  /** `firstNote` analysed on each first visit right after `med7-ready`: wall ms. */
  readonly firstNoteMs?: number[];
  /** The worker's warm-through (src/worker/warm-through.ts) before the warm latencies. */
  readonly warmThrough?: WarmThrough;
}

export interface WarmThrough {
  readonly calls: number;
  /** The model's time in it, ms. */
  readonly ms: number;
  /** From the last visit's `med7-ready` to its end, ms (first analyses and visits in between). */
  readonly endedMs: number;
}

export interface LengthResult {
  readonly wallMs: number[];
  readonly workerMs: number[];
  /** The worker's breakdown of each timed analysis. */
  readonly timings?: RunTimings[];
  /** Why it was not measured (or not as often as asked). */
  readonly skipped?: string;
}

export interface BrowserResult {
  readonly chromium: string;
  readonly userAgent: string;
  readonly launchArgs: { wasm: string[]; webgpu: string[] };
  readonly wasm: DeviceResult;
  readonly webgpu: DeviceResult;
  readonly downloads: Download[];
  /** Requests whose path is not a file of the build (none expected). */
  readonly unmatched: string[];
}

interface LaunchOptions {
  executablePath?: string;
  args?: string[];
}

export function launchOptions(project: string): LaunchOptions {
  const base = (playwrightConfig.use?.launchOptions ?? {}) as LaunchOptions;
  const named = playwrightConfig.projects?.find((p) => p.name === project);
  const own = (named?.use?.launchOptions ?? {}) as LaunchOptions;
  return { ...base, ...own };
}

export async function startPreview(port: number): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      relative(REPO_ROOT, DIST),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: REPO_ROOT, stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((done) => setTimeout(done, 200));
  }
  stopPreview(server);
  throw new Error(`vite preview did not answer on ${url}`);
}

export function stopPreview(server: ChildProcess): void {
  // Its own process group (detached): npx and the vite it started.
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

interface PageState {
  ready?: {
    device: string;
    threads: number;
    loadMs: number;
    fallbackReason?: string;
    adapter?: string;
  };
  readyAt?: number;
  errors: string[];
  lastMs?: number;
}

declare global {
  interface Window {
    __bench: PageState;
  }
}

/** Records the element's events from before the page's own scripts run. */
async function watch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__bench = { errors: [] };
    document.addEventListener('med7-ready', (event) => {
      window.__bench.readyAt = performance.now();
      window.__bench.ready = (event as CustomEvent<PageState['ready']>).detail;
    });
    document.addEventListener('med7-error', (event) => {
      window.__bench.errors.push((event as CustomEvent<{ message: string }>).detail.message);
    });
    document.addEventListener('med7-entities', (event) => {
      window.__bench.lastMs = (event as CustomEvent<{ ms: number }>).detail.ms;
    });
  });
}

/** Chromium's network emulation (DevTools protocol; it covers the worker's requests too) on `page`. */
export async function emulateNetwork(page: Page, mbit: number, rttMs: number): Promise<void> {
  const bytesPerSecond = (mbit * 1e6) / 8;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: rttMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
}

export async function visit(
  context: BrowserContext,
  base: string,
  device: string,
  timeout: number,
  /** Runs on the new page before it navigates (network emulation, say). */
  prepare?: (page: Page) => Promise<void>,
): Promise<{ page: Page; state: PageState }> {
  const page = await context.newPage();
  await prepare?.(page);
  await watch(page);
  await page.goto(`${base}?empty&device=${device}`);
  await page.waitForFunction(
    () => window.__bench.ready !== undefined || window.__bench.errors.length > 0,
    null,
    { timeout },
  );
  const state = await page.evaluate(() => window.__bench);
  if (state.errors.length > 0) throw new Error(state.errors.join('; '));
  return { page, state };
}

async function adapterInfo(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    interface Adapter {
      info?: Record<string, unknown>;
      features?: Iterable<string>;
      isFallbackAdapter?: boolean;
    }
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const adapter = await gpu?.requestAdapter();
    if (adapter == null) return null;
    const info: Record<string, unknown> = {};
    for (const key of ['vendor', 'architecture', 'device', 'description']) {
      info[key] = adapter.info?.[key];
    }
    info['features'] = [...(adapter.features ?? [])].sort();
    if (adapter.isFallbackAdapter !== undefined)
      info['isFallbackAdapter'] = adapter.isFallbackAdapter;
    return info;
  });
}

interface Analysis {
  wallMs: number;
  workerMs: number;
  timings?: RunTimings;
}

async function analyze(page: Page, text: string): Promise<Analysis> {
  const timed = await page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const started = performance.now();
    await element.analyze(input);
    await element.updateComplete;
    return { wallMs: performance.now() - started, workerMs: window.__bench.lastMs ?? NaN };
  }, text);
  const timings = await lastTimings(page);
  return timings === undefined ? timed : { ...timed, timings };
}

/** The worker's breakdown of its last analysis (the `med7:extract` mark, src/worker/med7.worker.ts). */
/** The model worker of each page, once found (the others are onnxruntime-web's threads). */
const modelWorkers = new WeakMap<Page, Worker>();

async function lastTimings(page: Page): Promise<RunTimings | undefined> {
  const known = modelWorkers.get(page);
  for (const worker of known === undefined ? page.workers() : [known]) {
    const detail = await askWorker(worker, () => {
      const marks = performance.getEntriesByName('med7:extract');
      return (marks[marks.length - 1] as PerformanceMark | undefined)?.detail as unknown;
    });
    if (detail !== undefined && detail !== null) {
      modelWorkers.set(page, worker);
      return detail as RunTimings;
    }
  }
  return undefined;
}

async function runDevice(
  browser: Browser,
  base: string,
  requested: 'wasm' | 'webgpu',
  options: BrowserOptions,
  record?: (context: BrowserContext) => () => Promise<Download[]>,
): Promise<{ result: DeviceResult; downloads?: Download[] }> {
  const plan = options[requested];
  const visits: Visit[] = [];
  const readyBreakdown: ReadyBreakdown[] = [];
  const firstNoteMs: number[] = [];
  let last: { page: Page; state: PageState; context: BrowserContext } | undefined;
  let downloads: Download[] | undefined;
  for (let i = 0; i < plan.visits; i++) {
    await last?.context.close();
    const context = await browser.newContext();
    const finish = i === 0 ? record?.(context) : undefined;
    const { page, state } = await visit(context, base, requested, options.timeoutMs);
    visits.push({ readyMs: state.readyAt ?? NaN, loadMs: state.ready?.loadMs ?? NaN });
    options.log(`  ${requested} visit ${i + 1}: ready at ${Math.round(state.readyAt ?? NaN)} ms`);
    if (requested === 'wasm' && options.firstNote !== undefined) {
      firstNoteMs.push((await analyze(page, options.firstNote)).wallMs);
    }
    const breakdown = await readBreakdown(page, state.readyAt ?? NaN);
    if (breakdown !== undefined) readyBreakdown.push(breakdown);
    if (finish !== undefined) downloads = await finish();
    last = { page, state, context };
  }
  if (last === undefined) throw new Error('visits must be at least 1');
  // a second visit in the same browser context: the wasm and the model come from its caches
  const cachedVisits: Visit[] = [];
  const cachedBreakdown: ReadyBreakdown[] = [];
  for (let i = 0; i < Math.min(2, plan.visits); i++) {
    // the open page's warm-through would take the cores from the new visit's load
    if (requested === 'wasm') await waitForWarmThrough(last.page, last.state, options.timeoutMs);
    const again = await visit(last.context, base, requested, options.timeoutMs);
    cachedVisits.push({
      readyMs: again.state.readyAt ?? NaN,
      loadMs: again.state.ready?.loadMs ?? NaN,
    });
    options.log(
      `  ${requested} visit from the cache: ready at ${Math.round(again.state.readyAt ?? NaN)} ms`,
    );
    const breakdown = await readBreakdown(again.page, again.state.readyAt ?? NaN);
    if (breakdown !== undefined) cachedBreakdown.push(breakdown);
    await last.page.close();
    last = { ...again, context: last.context };
  }
  const { page, state } = last;
  const env = await page.evaluate(() => ({
    crossOriginIsolated: self.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
  }));
  const adapter = requested === 'webgpu' ? await adapterInfo(page) : undefined;
  page.setDefaultTimeout(options.timeoutMs);
  const warmThrough =
    requested === 'wasm' ? await waitForWarmThrough(page, state, options.timeoutMs) : undefined;
  if (warmThrough !== undefined) {
    options.log(
      `  warm-through: ${warmThrough.calls} calls, ${warmThrough.ms} ms of model time, ended ${warmThrough.endedMs} ms after ready`,
    );
  }

  const lengths: Record<string, LengthResult> = {};
  const started = Date.now();
  let msPerWord: number | undefined;
  let warm = false;
  for (const [words, texts] of Object.entries(options.lengths)) {
    const left = (): number => plan.budgetMs - (Date.now() - started);
    const predict = (calls: number): number => (msPerWord ?? 0) * Number(words) * calls;
    if (predict(1 + (plan.warmUpEach || !warm ? 1 : 0)) > left()) {
      lengths[words] = {
        wallMs: [],
        workerMs: [],
        skipped: `predicted ${Math.round(predict(1) / 1000)} s a call, over the bench's time budget for ${requested}`,
      };
      options.log(`  ${requested} ${words} words: skipped (${lengths[words].skipped})`);
      continue;
    }
    if (plan.warmUpEach || !warm) {
      const t = await analyze(page, texts[0] ?? '');
      msPerWord = t.wallMs / Number(words);
      warm = true;
    }
    const wallMs: number[] = [];
    const workerMs: number[] = [];
    const timings: RunTimings[] = [];
    // the warm-up note is not timed: with the sentence cache it would be a note seen before
    for (const text of texts.slice(1, 1 + plan.maxNotes)) {
      if (wallMs.length > 0 && predict(1) > left()) break;
      const t = await analyze(page, text);
      wallMs.push(t.wallMs);
      workerMs.push(t.workerMs);
      if (t.timings !== undefined) timings.push(t.timings);
      msPerWord = t.wallMs / Number(words);
    }
    lengths[words] = {
      wallMs,
      workerMs,
      timings,
      ...(wallMs.length < Math.min(plan.maxNotes, texts.length - 1)
        ? {
            skipped: `${wallMs.length} of ${Math.min(plan.maxNotes, texts.length - 1)} notes: time budget`,
          }
        : {}),
    };
    options.log(
      `  ${requested} ${words} words: ${wallMs.map((ms) => Math.round(ms)).join(', ')} ms`,
    );
  }
  const keystroke = await typeInto(page, Object.values(options.lengths).at(-1)?.[0], 5);
  await last.context.close();
  const result: DeviceResult = {
    requested,
    visits,
    lengths,
    readyBreakdown,
    cachedVisits,
    cachedBreakdown,
    ...(keystroke === undefined ? {} : { keystroke }),
    ...(firstNoteMs.length === 0 ? {} : { firstNoteMs }),
    ...(warmThrough === undefined ? {} : { warmThrough }),
    ...env,
    ...(state.ready === undefined
      ? {}
      : { device: state.ready.device, threads: state.ready.threads }),
    ...(adapter === undefined ? {} : { adapter }),
    ...(state.ready?.fallbackReason === undefined
      ? {}
      : { fallbackReason: state.ready.fallbackReason }),
  };
  return downloads === undefined ? { result } : { result, downloads };
}

/** Waits for the worker's `med7:warm-through` mark (undefined: no warm-through in `timeout` ms). */
async function waitForWarmThrough(
  page: Page,
  state: PageState,
  timeout: number,
): Promise<WarmThrough | undefined> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const worker of page.workers()) {
      const found = await askWorker(worker, () => {
        const mark = performance.getEntriesByName('med7:warm-through')[0] as
          PerformanceMark | undefined;
        if (mark === undefined) return undefined;
        const detail = mark.detail as { calls: number; ms: number };
        return { ...detail, at: performance.timeOrigin + mark.startTime };
      });
      if (found !== undefined) {
        const readyAt = await page.evaluate(() => performance.timeOrigin);
        return {
          calls: found.calls,
          ms: found.ms,
          endedMs: Math.round(found.at - readyAt - (state.readyAt ?? NaN)),
        };
      }
    }
    await page.waitForTimeout(250);
  }
  return undefined;
}

/**
 * A keystroke's re-analysis: `text` analysed once, then `count` times with one more letter typed
 * at a different place each time (one sentence changes each time).
 */
async function typeInto(
  page: Page,
  text: string | undefined,
  count: number,
): Promise<LengthResult | undefined> {
  if (text === undefined) return undefined;
  await analyze(page, text);
  let current = text;
  const wallMs: number[] = [];
  const workerMs: number[] = [];
  const timings: RunTimings[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(current.length * (0.1 + (0.8 * i) / count));
    current = `${current.slice(0, at)}x${current.slice(at)}`;
    const t = await analyze(page, current);
    wallMs.push(t.wallMs);
    workerMs.push(t.workerMs);
    if (t.timings !== undefined) timings.push(t.timings);
  }
  return { wallMs, workerMs, timings };
}

export async function runBrowser(options: BrowserOptions): Promise<BrowserResult> {
  // Service-worker requests reported on the context too (the offline precache).
  process.env['PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS'] = '1';
  const server = await startPreview(options.port);
  const base = `http://127.0.0.1:${options.port}/`;
  const wasmLaunch = launchOptions('chromium');
  const webgpuLaunch = launchOptions('chromium-webgpu');
  const unmatched: string[] = [];
  try {
    const results: Partial<Record<'wasm' | 'webgpu', DeviceResult>> = {};
    let downloads: Download[] = [];
    let chromiumVersion = '';
    let userAgent = '';
    for (const [device, launch] of [
      ['wasm', wasmLaunch],
      ['webgpu', webgpuLaunch],
    ] as const) {
      if (options[device].visits === 0) {
        results[device] = { requested: device, error: 'not measured', visits: [], lengths: {} };
        continue;
      }
      const browser = await chromium.launch({ ...launch, headless: true });
      chromiumVersion = browser.version();
      try {
        const probe = await browser.newPage();
        userAgent = await probe.evaluate(() => navigator.userAgent);
        await probe.close();
        const run = await runDevice(
          browser,
          base,
          device,
          options,
          device === 'wasm' ? recorder(DIST, base, unmatched) : undefined,
        );
        results[device] = run.result;
        if (run.downloads !== undefined) downloads = run.downloads;
      } catch (error) {
        options.log(`  ${device} failed: ${String(error)}`);
        results[device] = {
          requested: device,
          error: errorMessage(error),
          visits: [],
          lengths: {},
        };
      } finally {
        await browser.close();
      }
    }
    const wasm = results.wasm!;
    const webgpu = results.webgpu!;
    return {
      chromium: chromiumVersion,
      userAgent,
      launchArgs: { wasm: wasmLaunch.args ?? [], webgpu: webgpuLaunch.args ?? [] },
      wasm,
      webgpu,
      downloads,
      unmatched,
    };
  } finally {
    stopPreview(server);
  }
}
