import { expect, test } from '@playwright/test';
import { README_SENTENCE, analyze, recordTimings, waitForReady, watchEvents } from './helpers.ts';

test('a second visit works with the network off', async ({ page, context }) => {
  await watchEvents(page);
  await page.goto('./?device=wasm');
  await waitForReady(page);
  // The service worker has precached the app, the wasm and the model once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  const started = Date.now();
  await page.reload();
  const ready = await waitForReady(page);
  recordTimings({ offlineReload: { loadMs: ready.loadMs, wallMs: Date.now() - started } });
  const { entities } = await analyze(page, README_SENTENCE);
  expect(entities.length).toBeGreaterThan(0);
  await expect(page.locator('med7-ner mark').first()).toBeVisible();
  expect(failed, 'requests that failed offline').toEqual([]);
  await context.setOffline(false);
});
