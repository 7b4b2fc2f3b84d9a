/**
 * How the demo's element schedules analyses on the real model: a newer text makes an older
 * analysis stale or stops it while it runs, a 100 KB note is analysed to its end with the page
 * responsive, emptying the text ends the busy state, and a new element analyses at once.
 *
 * One page and one model load for the whole file (loaded in beforeAll); the tests run in order on
 * it. Not `serial`: a failing test must not skip the others (Playwright then reloads the page).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { longNote, recordTimings, waitForReady, watchEvents } from './helpers.ts';

let context: BrowserContext;
let page: Page;
/** How long the 100 KB note took (set by its test, used by the one after it). */
let fullNoteMs = Infinity;

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext({ baseURL });
  page = await context.newPage();
  await watchEvents(page);
  await page.goto('./');
  await waitForReady(page);
});

test.afterAll(async () => {
  await context.close();
});

test('a newer text makes the older analysis stale: it is dropped, the newer one shown', async () => {
  const newer = 'aspirin 81 mg PO daily';
  const outcome = await page.evaluate(async (text) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const shown: string[] = [];
    const onEntities = (event: CustomEvent<{ text: string }>): void => {
      shown.push(event.detail.text);
    };
    element.addEventListener('med7-entities', onEntities);
    const older = element.analyze('Lasix 40 mg PO daily. '.repeat(300)).then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    const entities = await element.analyze(text);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    element.removeEventListener('med7-entities', onEntities);
    return {
      older: await older,
      shown,
      inRange: entities.every((e) => e.end <= text.length),
      current: element.entities.every((e) => e.end <= text.length),
    };
  }, newer);
  expect(outcome.older).toBe('AbortError');
  expect(outcome.shown).toEqual([newer]);
  expect(outcome.inRange && outcome.current).toBe(true);
});

test('a 100 KB note is analysed to its end and the page stays responsive', async () => {
  const { text, lastParagraphStart } = longNote(100_000, 'a');
  expect(text.length).toBeGreaterThanOrEqual(100_000);
  // Start the analysis and watch the main thread (a timer every 25 ms) while the worker runs.
  await page.evaluate((input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 25);
    const started = performance.now();
    (window as unknown as { __long: Promise<unknown> }).__long = element
      .analyze(input)
      .then(async (entities) => {
        const analysedMs = performance.now() - started;
        clearInterval(timer);
        await element.updateComplete;
        gaps.sort((a, b) => a - b);
        return {
          count: entities.length,
          starts: entities.map((e) => e.start),
          ms: Math.round(analysedMs),
          renderedMs: Math.round(performance.now() - started),
          maxGap: Math.round(gaps.at(-1) ?? 0),
          p95Gap: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
        };
      });
  }, text);
  // While it runs, the page answers a click at once.
  await page.waitForTimeout(500);
  const toggle = page.locator('med7-ner').getByRole('button', { name: /^FORM/ });
  const clicked = Date.now();
  await toggle.click({ timeout: 5_000 });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 5_000 });
  const clickMs = Date.now() - clicked;
  await toggle.click();
  const result = await page.evaluate(
    () =>
      (
        window as unknown as {
          __long: Promise<{
            count: number;
            starts: number[];
            ms: number;
            renderedMs: number;
            maxGap: number;
            p95Gap: number;
          }>;
        }
      ).__long,
  );
  fullNoteMs = result.ms;
  recordTimings({
    note100k: {
      chars: text.length,
      wallMs: result.ms,
      withRenderMs: result.renderedMs,
      entities: result.count,
      mainThreadGapMs: { p95: result.p95Gap, max: result.maxGap },
      clickDuringAnalysisMs: clickMs,
    },
  });
  const inLast = result.starts.filter((start) => start >= lastParagraphStart);
  expect(inLast.length, 'highlights in the last paragraph').toBeGreaterThanOrEqual(3);
  expect(result.count).toBeGreaterThan(500);
  // A blocked main thread would stall for the whole analysis; allow for a busy machine.
  expect(result.p95Gap, '95th percentile of main-thread timer gaps (ms)').toBeLessThan(500);
  expect(result.maxGap, 'longest main-thread stall while analysing (ms)').toBeLessThan(3000);
  expect(clickMs, 'a legend click answered during the analysis (ms)').toBeLessThan(3000);
  const lastMark = page.locator('med7-ner mark').last();
  await expect(lastMark).toBeAttached();
  expect(Number(await lastMark.getAttribute('data-start'))).toBeGreaterThanOrEqual(
    lastParagraphStart,
  );
});

test('a newer text stops a long analysis that is already running', async () => {
  const { text } = longNote(100_000, 'b');
  const result = await page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const status = (): string =>
      element.shadowRoot?.querySelector('[part="status"]')?.textContent ?? '';
    const long = element.analyze(input).then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    // Wait until the worker reports progress on the long note: it is running, not queued.
    const waited = performance.now();
    while (!status().includes('analysing') && performance.now() - waited < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const sawProgress = status().includes('analysing');
    const started = performance.now();
    const entities = await element.analyze('Lasix 40 mg PO daily');
    return {
      long: await long,
      sawProgress,
      shortMs: Math.round(performance.now() - started),
      count: entities.length,
    };
  }, text);
  recordTimings({ newerTextAfterRunning100k: { wallMs: result.shortMs } });
  expect(result.long).toBe('AbortError');
  expect(result.sawProgress, 'the status line showed the analysis progress').toBe(true);
  expect(result.count).toBeGreaterThan(0);
  // The running analysis stops at its next model call: the newer text does not wait for all of it.
  expect(result.shortMs).toBeLessThan(0.75 * fullNoteMs);
});

test('emptying the text while a long note is analysed ends the busy state', async () => {
  const { text } = longNote(100_000, 'c');
  const result = await page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const busy = (): string | null | undefined =>
      element.shadowRoot?.querySelector('[part="text"]')?.getAttribute('aria-busy');
    const status = (): string =>
      element.shadowRoot?.querySelector('[part="status"]')?.textContent ?? '';
    const long = element.analyze(input).then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    const waited = performance.now();
    while (!status().includes('analysing') && performance.now() - waited < 20_000) await sleep(50);
    const wasBusy = busy();
    element.text = '';
    const outcome = await long;
    await element.updateComplete;
    await sleep(300);
    return { outcome, wasBusy, busy: busy(), status: status() };
  }, text);
  expect(result.wasBusy).toBe('true');
  expect(result.outcome).toBe('AbortError');
  expect(result.busy).toBe('false');
  expect(result.status).not.toContain('analysing');
});

test('a new element analyses at once, and a move keeps its typed text pending', async () => {
  const result = await page.evaluate(async () => {
    const element = document.createElement('med7-ner');
    element.model = 'med7-ner/models/med7-compact'; // no trailing slash: still a folder
    element.editable = true;
    document.body.append(element);
    // Called in the same task as append, before the element's first update.
    const first = await element.analyze('Lasix 40 mg PO daily');
    const typed = 'aspirin 81 mg PO daily';
    const shown = new Promise<string>((resolve) => {
      element.addEventListener('med7-entities', (event) => resolve(event.detail.text));
      setTimeout(() => resolve('(nothing within 10 s)'), 10_000);
    });
    const area = element.shadowRoot?.querySelector('textarea');
    if (area == null) throw new Error('no paste area');
    area.value = typed;
    area.dispatchEvent(new Event('input'));
    const box = document.createElement('div');
    document.body.append(box);
    box.append(element); // moved while the typed text waits for its debounce
    const text = await shown;
    const labels = element.entities.map((entity) => entity.label);
    box.remove();
    return { first: first.map((entity) => entity.label), text, labels };
  });
  expect(result.first).toEqual(['DRUG', 'STRENGTH', 'ROUTE', 'FREQUENCY']);
  expect(result.text).toBe('aspirin 81 mg PO daily');
  expect(result.labels).toEqual(['DRUG', 'STRENGTH', 'ROUTE', 'FREQUENCY']);
});
