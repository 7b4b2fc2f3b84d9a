import { expect, test, type Worker } from '@playwright/test';
import { modelWorker, watchEvents, waitForReady } from './helpers.ts';

// The model worker ends without an error event, as when it calls self.close() or the browser
// kills it under memory pressure: the element restarts it once, then reports it failed.

/** Makes the worker close itself (from its own code, as a crash-free exit would). */
async function closeWorker(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    setTimeout(() => self.close(), 0);
  });
}

test('a worker that closes itself is restarted once, then reported; a new text reports again', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await watchEvents(page);
  await page.goto('./?device=wasm');
  await waitForReady(page);
  const first = await modelWorker(page);
  const status = page.locator('med7-ner').getByRole('status').first();
  await expect(status).toContainText('WASM');

  // 1. It closes itself while idle: it is found silent and restarted (the model loads again).
  // (A pending analysis is sent again to the new worker: client.test.ts. An answered analysis
  // would give the restart back, so none is asked for here.)
  await closeWorker(first);
  await page.waitForFunction(() => window.__med7.readies === 2, null, { timeout: 150_000 });
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
  await expect(status).toContainText('WASM');

  // 2. The restarted worker closes itself too: med7-error, and the status line says so.
  const second = await modelWorker(page, first);
  await closeWorker(second);
  await page.waitForFunction(() => window.__med7.errors.length > 0, null, { timeout: 90_000 });
  const [error] = await page.evaluate(() => window.__med7.errors);
  expect(error?.message).toMatch(/stopped responding/);
  await expect(page.locator('med7-ner').getByRole('alert')).toContainText('stopped responding');
  await expect(status).toContainText('Model not loaded');

  // 3. A new text for the failed element emits med7-error again (it does not wait forever).
  await page.evaluate(() => {
    document.querySelector('med7-ner')!.text = 'Aspirin 81 mg daily';
  });
  await page.waitForFunction(() => window.__med7.errors.length > 1, null, { timeout: 5_000 });

  // 4. analyze() tries again with a new worker and works.
  const again = await page.evaluate(async () => {
    const element = document.querySelector('med7-ner')!;
    return (await element.analyze('Aspirin 81 mg daily')).length;
  });
  expect(again).toBeGreaterThan(0);
  await expect(status).toContainText('WASM');
});
