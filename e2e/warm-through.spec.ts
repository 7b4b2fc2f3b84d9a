import { expect, test, type Worker } from '@playwright/test';
import {
  analyze,
  modelWorker,
  modelWorkers,
  README_ENTITIES,
  README_SENTENCE,
  waitForReady,
  watchEvents,
} from './helpers.ts';

// After `med7-ready` on WASM the worker runs the model on made-up sentences while it is idle
// (src/worker/warm-through.ts). A request must not wait for it, and it must not change results.

/** The worker's `med7:warm-through` mark: model calls run, or null while it goes on. */
function warmThroughCalls(worker: Worker): Promise<number | null> {
  return worker.evaluate(() => {
    const mark = performance.getEntriesByName('med7:warm-through')[0] as
      PerformanceMark | undefined;
    return (mark?.detail as { calls: number } | undefined)?.calls ?? null;
  });
}

const byLabel = (entities: { label: string; text: string }[]) =>
  entities.map((e) => [e.label, e.text]);

test('the warm-through gives way to a request, then ends, and changes no result', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await watchEvents(page);
  await page.goto('./?empty&device=wasm');
  await waitForReady(page);
  const worker = await modelWorker(page);

  // asked at once: answered while the warm-through still has calls to run
  const first = await analyze(page, README_SENTENCE);
  expect(byLabel(first.entities)).toEqual(README_ENTITIES);
  expect(await warmThroughCalls(worker)).toBeNull();

  await expect.poll(() => warmThroughCalls(worker), { timeout: 120_000 }).toBe(400);
  // a text the warm-through's sentences did not put in the sentence cache
  const again = await analyze(page, `${README_SENTENCE} Lasix 40 mg p.o. daily.`);
  expect(byLabel(again.entities).slice(0, README_ENTITIES.length)).toEqual(README_ENTITIES);
  expect(again.entities.map((e) => [e.start, e.end])).toEqual([
    ...first.entities.map((e) => [e.start, e.end]),
    [108, 113],
    [114, 119],
    [120, 124],
    [125, 130],
  ]);
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
});

test('of two elements on a page, one worker warms through', async ({ page }) => {
  test.setTimeout(240_000);
  await watchEvents(page);
  await page.goto('./?empty&device=wasm');
  await waitForReady(page);
  await page.evaluate(() => {
    const second = document.createElement('med7-ner');
    second.setAttribute('device', 'wasm');
    second.id = 'second';
    document.body.append(second);
  });
  await page.waitForFunction(() => window.__med7.readies === 2, null, { timeout: 120_000 });
  const workers = () => modelWorkers(page);
  await expect.poll(() => workers().length, { timeout: 30_000 }).toBe(2);
  const marks = async () => Promise.all(workers().map((worker) => warmThroughCalls(worker)));
  await expect.poll(marks, { timeout: 120_000 }).toContain(400);
  // the other worker's would have ended by now too (it loaded later, and takes as long)
  await page.waitForTimeout(10_000);
  expect((await marks()).sort()).toEqual([400, null]);
  const second = await page.evaluate(
    async (text) =>
      (await (document.getElementById('second') as HTMLElementTagNameMap['med7-ner']).analyze(text))
        .length,
    README_SENTENCE,
  );
  expect(second).toBe(README_ENTITIES.length);
  expect(await page.evaluate(() => window.__med7.errors)).toEqual([]);
});
