/**
 * The demo page when the model is not where it should be: a wrong model URL is a readable error in
 * the element (no endless progress bar), and a folder without the int8 file runs its q8 file on
 * WASM and says why.
 */
import { expect, test } from '@playwright/test';
import { README_ENTITIES, README_SENTENCE, analyze, waitForReady, watchEvents } from './helpers.ts';

test('a wrong model URL shows a readable error in the element, no hang', async ({ page }) => {
  await watchEvents(page);
  let modelRequests = 0;
  // The page's, its worker's and its service worker's requests.
  page.context().on('request', (request) => {
    if (request.url().includes('/no-such-model/')) modelRequests++;
  });
  await page.goto('./?model=models/no-such-model/');
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Could not load the model from models/no-such-model/');
  await expect(page.locator('med7-ner progress')).toHaveCount(0);
  await expect(page.locator('med7-ner').getByRole('status').first()).toContainText(
    'Model not loaded',
  );
  const state = await page.evaluate(() => window.__med7);
  expect(state.ready).toBeUndefined();
  expect(state.errors.length).toBeGreaterThan(0);
  // The text is still shown, as plain text; asking for an analysis loads the model again (the
  // failure might have been passing) and fails fast, it does not hang.
  const requestsBefore = modelRequests;
  expect(requestsBefore).toBeGreaterThan(0);
  await expect(page.locator('med7-ner [part="text"]')).toContainText('Magnesium hydroxide');
  const outcome = await page.evaluate(async () => {
    const element = document.querySelector('med7-ner');
    try {
      await element?.analyze('Lasix 40 mg');
      return 'resolved';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  // It rejects with the load error itself (the one the alert shows), not with a misleading one.
  expect(outcome).not.toBe('resolved');
  expect(outcome).not.toMatch(/not connected/);
  expect(await alert.textContent()).toContain(outcome);
  expect(modelRequests).toBeGreaterThan(requestsBefore);
  // A model attribute that is not a URL at all: the same, from a new element asked at once.
  const invalid = await page.evaluate(async () => {
    const element = document.createElement('med7-ner');
    element.model = 'http://[';
    document.body.append(element);
    try {
      await element.analyze('Lasix 40 mg');
      return 'resolved';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      element.remove();
    }
  });
  expect(invalid).toMatch(/Invalid URL/);
});

test('a model folder without the int8 file runs its q8 file on WASM, and says why', async ({
  browser,
  baseURL,
}) => {
  // As a folder copied before it had the int8 file would be served. No service worker, so that
  // every request of the page and its worker reaches the route.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const served: string[] = [];
    await context.route('**/med7-ner/models/med7-compact/onnx/*.onnx', async (route) => {
      const path = new URL(route.request().url()).pathname;
      served.push(path);
      if (path.endsWith('/model_int8.onnx')) await route.fulfill({ status: 404, body: '' });
      else await route.continue();
    });
    const page = await context.newPage();
    await watchEvents(page);
    await page.goto('./?device=wasm');
    const ready = await waitForReady(page);
    expect(ready.device).toBe('wasm');
    expect(ready.dtype).toBe('q8');
    expect(ready.fallbackReason).toBe(
      'onnx/model_int8.onnx is missing, so onnx/model_quantized.onnx runs',
    );
    expect([...new Set(served)].sort()).toEqual([
      '/med7-ner/models/med7-compact/onnx/model_int8.onnx',
      '/med7-ner/models/med7-compact/onnx/model_quantized.onnx',
    ]);
    await expect(page.locator('med7-ner').getByRole('status').first()).toContainText(
      'model_int8.onnx is missing',
    );
    const { entities } = await analyze(page, README_SENTENCE);
    expect(entities.map((e) => [e.label, e.text])).toEqual(README_ENTITIES);
  } finally {
    await context.close();
  }
});
