import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { FaultServer, distFile } from './fault-server.ts';
import { README_SENTENCE, analyze, recordTimings, waitForReady, watchEvents } from './helpers.ts';

// The built demo behind a static server that can serve broken files, each test in a fresh
// browser profile (its own service worker and caches).
const MODEL = '/med7-ner/models/med7-compact/';
const WEIGHTS = `${MODEL}onnx/model_int8.onnx`;

// Each test loads the model two or three times; on a loaded 2-core machine a load takes up to 45 s.
test.describe.configure({ timeout: 300_000 });

const server = new FaultServer();
let origin = '';

test.beforeAll(async () => {
  origin = await server.start();
});

test.afterAll(async () => {
  await server.stop();
});

test.beforeEach(() => {
  server.clear();
  server.resetCounts();
});

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await watchEvents(page);
  await page.goto(`${origin}/?device=wasm`);
  return page;
}

/** Waits for the first med7-error and returns its message. */
async function firstError(page: Page): Promise<string> {
  await page.waitForFunction(() => window.__med7.errors.length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => window.__med7.errors[0]?.message ?? '');
}

/** Waits until the service worker is active (its install, precache included, has finished). */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('a first visit downloads the model weights once', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await open(context);
    await waitForReady(page);
    await serviceWorkerReady(page);
    // Let anything started by the service worker's install or the worker finish.
    await page.waitForTimeout(2000);
    const size = distFile(WEIGHTS).length;
    const weights = server.count(WEIGHTS);
    recordTimings({
      firstVisitWeights: { fileBytes: size, gets: weights.gets, bytes: weights.bytes },
    });
    expect(weights.gets, 'GET requests of model_int8.onnx').toBe(1);
    expect(weights.bytes, 'bytes of model_int8.onnx sent').toBe(size);
    // and each other model file once as well
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      expect(server.count(`${MODEL}${file}`).gets, file).toBe(1);
    }
  } finally {
    await context.close();
  }
});

test("the weights are asked for while onnxruntime-web's wasm is still coming down", async ({
  browser,
}) => {
  const wasm = '/med7-ner/ort/ort-wasm-simd-threaded.wasm';
  // the wasm is answered only once the weights are asked for: a load that fetched them only
  // after the wasm had come would wait out the timeout
  server.hold(wasm, WEIGHTS, 60_000);
  const context = await browser.newContext();
  try {
    const page = await open(context);
    await waitForReady(page);
    expect(server.released(wasm)).toBe('by request');
    expect(server.count(WEIGHTS).gets, 'GET requests of model_int8.onnx').toBe(1);
  } finally {
    await context.close();
  }
});

const faults = [
  {
    name: 'a truncated weights file',
    path: WEIGHTS,
    body: () => distFile(WEIGHTS).subarray(0, 100_000),
    contentType: 'application/octet-stream',
  },
  {
    name: 'an HTML page for config.json',
    path: `${MODEL}config.json`,
    body: () => '<!doctype html><title>Maintenance</title><p>Back soon.</p>',
    contentType: 'text/html',
  },
] as const;

for (const fault of faults) {
  test(`${fault.name}, once served, does not outlive the repair of the server`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    try {
      server.inject(fault.path, { body: fault.body(), contentType: fault.contentType });
      const page = await open(context);
      const message = await firstError(page);
      expect(message).toMatch(/Could not load the model/);
      // The service worker installs (and precaches) during the failed visit.
      await serviceWorkerReady(page);
      await page.waitForTimeout(1000);
      // The server is repaired: the next load, and a new tab, get the right file.
      server.clear();
      await page.reload();
      await waitForReady(page);
      const { entities } = await analyze(page, README_SENTENCE);
      expect(entities.length).toBeGreaterThan(0);
      const second = await open(context);
      await waitForReady(second);
    } finally {
      await context.close();
    }
  });
}

test('a model replaced on the server is picked up on the next load', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await open(context);
    await waitForReady(page);
    await serviceWorkerReady(page);
    // A new deploy puts a broken file in place: the next load must see it (and say so) ...
    server.inject(WEIGHTS, { body: distFile(WEIGHTS).subarray(0, 100_000) });
    await page.reload();
    expect(await firstError(page)).toMatch(/Could not load the model/);
    // ... and the fixed deploy after it too.
    server.clear();
    await page.reload();
    await waitForReady(page);
  } finally {
    await context.close();
  }
});
