/**
 * The browser half of the benchmark: the built demo (vite build into bench/tmp/dist, served by
 * `vite preview` with the COOP/COEP headers) in headless Debian Chromium, launched as the e2e
 * tests launch it (the flags come from playwright.config.ts, SwiftShader WebGPU included).
 *
 * Per device (WASM with threads; WebGPU on Chromium's SwiftShader adapter): time from navigation
 * to `med7-ready` on first visits (a fresh browser context each, so nothing is cached), then warm
 * latencies of `<med7-ner>.analyze()` on notes of 100, 500 and 2,000 words. On the first WASM
 * visit every request of the page, its worker and its service worker is recorded: the download.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config.ts';
import { REPO_ROOT } from './notes.ts';
import { errorMessage } from '../src/core/error-message.ts';

export const DIST = join(REPO_ROOT, 'bench', 'tmp', 'dist');

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
}

export interface LengthResult {
  readonly wallMs: number[];
  readonly workerMs: number[];
  /** Why it was not measured (or not as often as asked). */
  readonly skipped?: string;
}

export interface Download {
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
  /** Fetched by the page or its worker (needed to run), not only by the service worker's precache. */
  readonly byPage: boolean;
  /** First requested before `med7-ready`. */
  readonly beforeReady: boolean;
  /** Body bytes as `vite preview` sent them (Playwright's `request.sizes()`), summed over fetches. */
  readonly wire: number;
  readonly fetches: number;
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

function launchOptions(project: string): LaunchOptions {
  const base = (playwrightConfig.use?.launchOptions ?? {}) as LaunchOptions;
  const named = playwrightConfig.projects?.find((p) => p.name === project);
  const own = (named?.use?.launchOptions ?? {}) as LaunchOptions;
  return { ...base, ...own };
}

async function startPreview(port: number): Promise<ChildProcess> {
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

function stopPreview(server: ChildProcess): void {
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

async function visit(
  context: BrowserContext,
  base: string,
  device: string,
  timeout: number,
): Promise<{ page: Page; state: PageState }> {
  const page = await context.newPage();
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

async function analyze(page: Page, text: string): Promise<{ wallMs: number; workerMs: number }> {
  return page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const started = performance.now();
    await element.analyze(input);
    await element.updateComplete;
    return { wallMs: performance.now() - started, workerMs: window.__bench.lastMs ?? NaN };
  }, text);
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
  let last: { page: Page; state: PageState; context: BrowserContext } | undefined;
  let downloads: Download[] | undefined;
  for (let i = 0; i < plan.visits; i++) {
    await last?.context.close();
    const context = await browser.newContext();
    const finish = i === 0 ? record?.(context) : undefined;
    const { page, state } = await visit(context, base, requested, options.timeoutMs);
    visits.push({ readyMs: state.readyAt ?? NaN, loadMs: state.ready?.loadMs ?? NaN });
    options.log(`  ${requested} visit ${i + 1}: ready at ${Math.round(state.readyAt ?? NaN)} ms`);
    if (finish !== undefined) downloads = await finish();
    last = { page, state, context };
  }
  if (last === undefined) throw new Error('visits must be at least 1');
  const { page, state } = last;
  const env = await page.evaluate(() => ({
    crossOriginIsolated: self.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
  }));
  const adapter = requested === 'webgpu' ? await adapterInfo(page) : undefined;
  page.setDefaultTimeout(options.timeoutMs);

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
    for (const text of texts.slice(0, plan.maxNotes)) {
      if (wallMs.length > 0 && predict(1) > left()) break;
      const t = await analyze(page, text);
      wallMs.push(t.wallMs);
      workerMs.push(t.workerMs);
      msPerWord = t.wallMs / Number(words);
    }
    lengths[words] = {
      wallMs,
      workerMs,
      ...(wallMs.length < Math.min(plan.maxNotes, texts.length)
        ? {
            skipped: `${wallMs.length} of ${Math.min(plan.maxNotes, texts.length)} notes: time budget`,
          }
        : {}),
    };
    options.log(
      `  ${requested} ${words} words: ${wallMs.map((ms) => Math.round(ms)).join(', ')} ms`,
    );
  }
  await last.context.close();
  const result: DeviceResult = {
    requested,
    visits,
    lengths,
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

/** Records every request of a context; the returned function settles and sizes them. */
function recorder(base: string, unmatched: string[]) {
  return (context: BrowserContext) => {
    const seen = new Map<string, { at: number; wire: number; fetches: number; byPage: boolean }>();
    const pending: Promise<void>[] = [];
    let readyAtWall = Infinity;
    let lastRequest = Date.now();
    context.on('request', (request) => {
      lastRequest = Date.now();
      const url = new URL(request.url());
      // onnxruntime-web starts its threads from a blob: URL of code it already holds: no download.
      if (url.protocol === 'blob:' || url.protocol === 'data:') return;
      if (`${url.origin}/` !== new URL(base).href) {
        unmatched.push(request.url());
        return;
      }
      const path = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
      const entry = seen.get(path) ?? { at: Date.now(), wire: 0, fetches: 0, byPage: false };
      entry.fetches += 1;
      if (request.serviceWorker() === null) entry.byPage = true;
      seen.set(path, entry);
      pending.push(
        (async () => {
          const response = await request.response().catch(() => null);
          await response?.finished().catch(() => undefined);
          const sizes = await request.sizes().catch(() => undefined);
          entry.wire += sizes?.responseBodySize ?? 0;
        })(),
      );
    });
    return async (): Promise<Download[]> => {
      readyAtWall = Date.now();
      // Let the service worker install (it precaches the app for offline use): quiet for 3 s.
      const page = context.pages()[0];
      await page
        ?.evaluate(() => navigator.serviceWorker?.ready.then(() => true))
        .catch(() => undefined);
      while (Date.now() - lastRequest < 3000) await new Promise((done) => setTimeout(done, 250));
      await Promise.all(pending);
      const downloads: Download[] = [];
      for (const [path, entry] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
        const file = join(DIST, path);
        let bytes: Buffer;
        try {
          if (!statSync(file).isFile()) throw new Error('not a file');
          bytes = readFileSync(file);
        } catch {
          unmatched.push(path);
          continue;
        }
        downloads.push({
          path,
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          byPage: entry.byPage,
          beforeReady: entry.at <= readyAtWall,
          wire: entry.wire,
          fetches: entry.fetches,
        });
      }
      return downloads;
    };
  };
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
          device === 'wasm' ? recorder(base, unmatched) : undefined,
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
