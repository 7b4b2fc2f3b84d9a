/**
 * A load failure in the browser is put down to its real cause: a request that
 * could not be made (as under a Content-Security-Policy that forbids it) is not a missing file,
 * and a broken int8 file is not a reason to run another one, whatever its URL holds.
 */
import { expect, test } from '@playwright/test';
import { watchEvents } from './helpers.ts';

test('a model request that cannot be made is reported as such, not as a missing file', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    // what fetch sees when a CSP or CORS rule blocks it: a network error, no status
    await context.route('**/models/med7-compact/config.json', (route) =>
      route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await watchEvents(page);
    await page.goto('./?device=wasm');
    const alert = page.locator('med7-ner').getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText('Could not fetch the config.json');
    await expect(alert).not.toContainText('Model file missing');
  } finally {
    await context.close();
  }
});

test('a broken int8 file is reported, not swapped for the q8 file, in a folder named "404"', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    // the shipped model served as models/m404/, its int8 file broken
    const served: string[] = [];
    await context.route('**/models/m404/**', async (route) => {
      const url = route.request().url();
      served.push(new URL(url).pathname);
      if (url.endsWith('/model_int8.onnx')) {
        await route.fulfill({ status: 200, body: 'not an ONNX model' });
        return;
      }
      // a folder without med7-manifest.json: loaded unchecked, so the loader sees the broken file
      if (url.endsWith('/med7-manifest.json')) {
        await route.fulfill({ status: 404, body: 'Not found' });
        return;
      }
      const response = await route.fetch({
        url: url.replace('/models/m404/', '/med7-ner/models/med7-compact/'),
      });
      await route.fulfill({ response });
    });
    const page = await context.newPage();
    await watchEvents(page);
    await page.goto('./?device=wasm&model=models/m404/');
    const alert = page.locator('med7-ner').getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText('onnx/model_int8.onnx');
    await expect(alert).toContainText('broken');
    expect(served).not.toContain('/models/m404/onnx/model_quantized.onnx');
  } finally {
    await context.close();
  }
});

test('an empty or truncated config or tokenizer file is reported with its own bytes only', async ({
  browser,
  baseURL,
}) => {
  // The browser reads a response with its exact length (unlike transformers.js's Node file
  // reader, issue 33 item 6), so this guards that the worker's message quotes nothing else.
  const cases: [string, (text: string) => string][] = [
    ['config.json', () => ''],
    ['config.json', (text) => text.slice(0, 50)],
    ['tokenizer.json', () => ''],
    ['tokenizer.json', (text) => text.slice(0, 3000)],
  ];
  for (const [file, cut] of cases) {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    try {
      let served = '';
      // the shipped model as models/plain/, without med7-manifest.json: a folder loaded unchecked
      // (the embedded model's files are checked against the element's hashes before parsing)
      await context.route('**/models/plain/**', async (route) => {
        const url = route.request().url();
        if (url.endsWith('/med7-manifest.json')) {
          await route.fulfill({ status: 404, body: 'Not found' });
          return;
        }
        const response = await route.fetch({
          url: url.replace('/models/plain/', '/med7-ner/models/med7-compact/'),
        });
        if (!url.endsWith(`/${file}`)) {
          await route.fulfill({ response });
          return;
        }
        served = cut(await response.text());
        await route.fulfill({ response, body: served });
      });
      const page = await context.newPage();
      await watchEvents(page);
      await page.goto('./?device=wasm&model=models/plain/');
      const alert = page.locator('med7-ner').getByRole('alert');
      await expect(alert).toBeVisible({ timeout: 30_000 });
      const message = (await alert.textContent()) ?? '';
      expect(message).toMatch(/JSON/);
      expect(
        [...message].some((c) => c === '\ufffd' || c < ' '),
        message,
      ).toBe(false);
      const quoted = /Unexpected token '(.)'/u.exec(message)?.[1];
      if (quoted !== undefined) expect(served).toContain(quoted);
    } finally {
      await context.close();
    }
  }
});
