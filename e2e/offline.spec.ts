import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { README_SENTENCE, analyze, recordTimings, waitForReady, watchEvents } from './helpers.ts';
import { wasmThreadCount } from '../src/worker/wasm-threads.ts';

// One context: the first test is the first visit (device="wasm"), the second the offline revisit.
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext({ baseURL });
  page = await context.newPage();
  await watchEvents(page);
});

test.afterAll(async () => {
  await context.close();
});

/** The names of the files under `folder` in `urls`, each once, sorted. */
function filesUnder(folder: string, urls: readonly string[]): string[] {
  const paths = new Set(urls.map((url) => new URL(url).pathname));
  return [...paths]
    .filter((path) => path.startsWith(folder))
    .map((path) => path.slice(folder.length))
    .sort();
}
const ortFiles = (urls: readonly string[]): string[] => filesUnder('/med7-ner/ort/', urls);
const onnxFiles = (urls: readonly string[]): string[] =>
  filesUnder('/med7-ner/models/med7-compact/onnx/', urls);

test('device="wasm" works, with threads when cross-origin isolated', async () => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('./?device=wasm');
  const ready = await waitForReady(page);
  expect(ready.device).toBe('wasm');
  // WASM loads onnxruntime-web's WASM-only build, not the twice larger one that carries WebGPU.
  expect(ortFiles(requested)).toEqual([
    'ort-wasm-simd-threaded.mjs',
    'ort-wasm-simd-threaded.wasm',
  ]);
  // and the model's integer-product file, the one its config.json names for WASM
  expect(ready.dtype).toBe('int8');
  expect(onnxFiles(requested)).toEqual(['model_int8.onnx']);
  expect(ready.fallbackReason).toBeUndefined();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(ready.threads).toBe(wasmThreadCount(cores, true));
  await expect(page.locator('med7-ner').getByRole('status').first()).toContainText(
    `WASM, ${ready.threads} thread`,
  );
  const { entities, ms } = await analyze(page, README_SENTENCE);
  recordTimings({ wasm: { threads: ready.threads, loadMs: ready.loadMs, readmeSentenceMs: ms } });
  expect(entities.length).toBeGreaterThan(0);
  for (const e of entities) expect(README_SENTENCE.slice(e.start, e.end)).toBe(e.text);
});

test('a second visit works with the network off', async () => {
  // Once the service worker is active it has precached the app, the wasm and the model.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // It keeps the WebGPU build and the model file WebGPU runs only where the browser offers a
  // WebGPU adapter.
  const { cached, adapter } = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return { cached: urls, adapter: (await gpu?.requestAdapter()) != null };
  });
  const webgpuBuild = [
    'ort-wasm-simd-threaded.asyncify.mjs',
    'ort-wasm-simd-threaded.asyncify.wasm',
  ];
  expect(ortFiles(cached)).toEqual(
    [
      ...(adapter ? webgpuBuild : []),
      'ort-wasm-simd-threaded.mjs',
      'ort-wasm-simd-threaded.wasm',
    ].sort(),
  );
  expect(onnxFiles(cached)).toEqual(
    adapter ? ['model_int8.onnx', 'model_quantized.onnx'] : ['model_int8.onnx'],
  );
  await context.setOffline(true);
  const failed: string[] = [];
  const onFailed = (request: { url(): string; method(): string }): void => {
    // The worker's freshness check of the cached weights (a HEAD per file) may run before its
    // navigator.onLine turns false; it fails offline by design and the cached model is kept.
    if (request.method() === 'HEAD') return;
    failed.push(request.url());
  };
  page.on('requestfailed', onFailed);
  try {
    const started = Date.now();
    await page.reload();
    const ready = await waitForReady(page);
    recordTimings({ offlineReload: { loadMs: ready.loadMs, wallMs: Date.now() - started } });
    const { entities } = await analyze(page, README_SENTENCE);
    expect(entities.length).toBeGreaterThan(0);
    await expect(page.locator('med7-ner mark').first()).toBeVisible();
    // Only the service worker's own network attempt for the page may fail (it then serves its copy).
    expect(failed.filter((url) => !url.includes('?device=wasm'))).toEqual([]);
  } finally {
    page.off('requestfailed', onFailed);
    await context.setOffline(false);
  }
});
