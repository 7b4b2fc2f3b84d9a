import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { Entity } from '../src/core/types.ts';
import {
  ARTIFACTS,
  README_ENTITIES,
  README_SENTENCE,
  analyze,
  longNote,
  recordTimings,
  waitForReady,
  watchEvents,
} from './helpers.ts';

// One page and one model load for the whole file (loaded in beforeAll); the tests run in order on
// it. Not `serial`: a failing test must not skip the others (Playwright then reloads the page).

let context: BrowserContext;
let page: Page;
const requests: { url: string; at: number }[] = [];
let origin = '';
let ready: Awaited<ReturnType<typeof waitForReady>>;
let loadWallMs = 0;
/** How long the 100 KB note took (set by its test, used by the one after it). */
let fullNoteMs = Infinity;

test.beforeAll(async ({ browser, baseURL }) => {
  origin = new URL(baseURL ?? '').origin;
  context = await browser.newContext({ baseURL });
  // Every request of the page, its workers and its service worker.
  context.on('request', (request: Request) =>
    requests.push({ url: request.url(), at: Date.now() }),
  );
  page = await context.newPage();
  page.on('websocket', (socket) => requests.push({ url: socket.url(), at: Date.now() }));
  await watchEvents(page);
  const started = Date.now();
  await page.goto('./');
  ready = await waitForReady(page);
  loadWallMs = Date.now() - started;
});

test.afterAll(async () => {
  await context.close();
});

test('loads the embedded model (auto falls back to WASM here and says why)', async () => {
  expect(['wasm', 'webgpu']).toContain(ready.device);
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  expect(isolated, 'COOP/COEP make the page cross-origin isolated').toBe(true);
  const status = page.locator('med7-ner').getByRole('status');
  if (ready.device === 'wasm') {
    // Plain headless Chromium offers no WebGPU adapter: auto must fall back and say so.
    expect(ready.fallbackReason ?? '').toMatch(/WebGPU/);
    await expect(status).toContainText(`WASM, ${ready.threads} thread`);
    await expect(status).toContainText('WebGPU');
  }
  // The download reported its progress, up to the whole model.
  const progress = await page.evaluate(() => window.__med7.progress);
  expect(progress.count).toBeGreaterThan(0);
  expect(progress.total).toBeGreaterThan(1_000_000);
  expect(progress.loaded).toBe(progress.total);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  recordTimings({
    load: {
      device: ready.device,
      threads: ready.threads,
      cores,
      loadMs: ready.loadMs,
      wallMs: loadWallMs,
    },
    fallbackReason: ready.fallbackReason ?? null,
  });
});

test('each highlight has an accessible name; one tab stop, arrow keys move between them', async () => {
  const { entities } = await analyze(
    page,
    'Lasix 40 mg PO b.i.d. for 3 days, then aspirin 81 mg daily.',
  );
  expect(entities.length).toBeGreaterThanOrEqual(2);
  const [first, second] = entities as [Entity, Entity];
  const mark = page.getByRole('group', { name: `${first.label}: ${first.text}`, exact: true });
  await expect(mark).toBeVisible();
  const last = entities[entities.length - 1]!;
  const named = (entity: Entity) =>
    page.getByRole('group', { name: `${entity.label}: ${entity.text}`, exact: true });
  // One tab stop for the whole text (a long note has thousands of highlights): the first one.
  await expect(page.locator('med7-ner mark[tabindex="0"]')).toHaveCount(1);
  await expect(mark).toHaveAttribute('tabindex', '0');
  await mark.focus();
  await expect(mark).toBeFocused();
  // Arrow keys move between highlights; End and Home jump to the last and the first.
  await page.keyboard.press('ArrowRight');
  await expect(named(second)).toBeFocused();
  await page.keyboard.press('End');
  await expect(named(last)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(named(first)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(named(second)).toBeFocused();
  // The tab stop follows the focus, and Tab leaves the text instead of visiting every highlight.
  await expect(named(second)).toHaveAttribute('tabindex', '0');
  await expect(page.locator('med7-ner mark[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  const focusedMark = await page.evaluate(
    () => document.querySelector('med7-ner')?.shadowRoot?.activeElement?.tagName ?? 'none',
  );
  expect(focusedMark).not.toBe('MARK');
});

test('legend counts and toggles labels', async () => {
  await analyze(page, README_SENTENCE);
  const drugToggle = page.locator('med7-ner').getByRole('button', { name: /^DRUG/ });
  await expect(drugToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(drugToggle).toContainText(/\d+/);
  await drugToggle.click();
  await expect(drugToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('med7-ner mark[data-label="DRUG"]')).toHaveCount(0);
  await drugToggle.click();
  await expect(page.locator('med7-ner mark[data-label="DRUG"]')).not.toHaveCount(0);
});

test('privacy: no request leaves the origin, none at all while analysing', async () => {
  // Let the service worker finish precaching first: it is part of loading, not of analysing.
  await page.evaluate(async () => {
    if ('serviceWorker' in navigator) await navigator.serviceWorker.ready;
  });
  await page.waitForTimeout(500);
  const before = requests.length;
  await analyze(
    page,
    'Lasix 40 mg IV b.i.d. for 3 days, then Tylenol #3 1-2 tabs PO q.4 h. p.r.n.',
  );
  // Typing in the paste area analyses too.
  const input = page.locator('med7-ner').getByRole('textbox');
  await input.fill('Metoprolol 25 mg tablets by mouth twice a day.');
  await expect(page.locator('med7-ner mark').first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.querySelector('med7-ner')?.entities.length ?? 0))
    .toBeGreaterThan(0);
  await page.waitForTimeout(500);
  const during = requests.slice(before).map((r) => r.url);
  expect(during, 'requests made while analysing').toEqual([]);
  const foreign = requests
    .map((r) => r.url)
    .filter(
      (url) =>
        !url.startsWith(`${origin}/`) &&
        !url.startsWith(`blob:${origin}/`) &&
        !url.startsWith('data:'),
    );
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

test('markup in the text is shown as text and runs nothing', async () => {
  await page.evaluate(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
  const hostile =
    'Lasix 40 mg <img src=x onerror="window.__xss=1"> PO daily <script>window.__xss=2</script> ' +
    '<b>bold</b> &amp; <svg onload="window.__xss=3"></svg> for 3 days.';
  await analyze(page, hostile);
  // The view's text, without the labels inside the highlights, is exactly the input.
  const shown = await page.evaluate(() => {
    const view = document.querySelector('med7-ner')?.shadowRoot?.querySelector('[part="text"]');
    const copy = view?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll('.label').forEach((label) => label.remove());
    return copy?.textContent;
  });
  expect(shown).toBe(hostile);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('med7-ner')?.shadowRoot;
    return root?.querySelectorAll(
      '[part="text"] img, [part="text"] script, [part="text"] svg, [part="text"] b',
    ).length;
  });
  expect(injected).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  // The demo's table is text too.
  expect(await page.locator('#entities img, #entities script').count()).toBe(0);
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
  const { text, lastParagraphStart } = longNote();
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
  const { text } = longNote();
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
  const { text } = longNote();
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

test('accessibility: axe finds no violations, light and dark', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await analyze(page, README_SENTENCE);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: unknown,
              options: unknown,
            ) => Promise<{
              violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target),
      }));
    });
    expect(violations, `axe violations (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('screenshot of the demo', async () => {
  await analyze(page, README_SENTENCE);
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'demo.png'), fullPage: true });
  // The README's picture: the first screen. `MED7_UPDATE_SCREENSHOT=1 npm run test:e2e` refreshes it.
  const first = join(ARTIFACTS, 'demo-first-screen.png');
  await page.screenshot({ path: first });
  if (process.env['MED7_UPDATE_SCREENSHOT'] === '1') {
    mkdirSync(join(import.meta.dirname, '..', 'docs'), { recursive: true });
    copyFileSync(first, join(import.meta.dirname, '..', 'docs', 'demo.png'));
  }
});

// Last: with a weak (smoke) model this is the test that fails, and nothing after it needs a reload.
test('the Med7 README sentence gives exactly its seven highlights', async () => {
  const { entities, ms } = await analyze(page, README_SENTENCE);
  recordTimings({ readmeSentence: { wallMs: ms, entities: entities.length } });
  expect(entities.map((e) => [e.label, e.text])).toEqual(README_ENTITIES);
  for (const e of entities) expect(README_SENTENCE.slice(e.start, e.end)).toBe(e.text);
  const marks = page.locator('med7-ner mark');
  await expect(marks).toHaveCount(README_ENTITIES.length);
  const shown = await marks.evaluateAll((elements) =>
    elements.map((mark) => [
      mark.getAttribute('data-label'),
      // The mark's own text nodes, without its small label.
      [...mark.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(''),
    ]),
  );
  expect(shown).toEqual(README_ENTITIES);
  await expect(page.getByRole('group', { name: 'DRUG: Magnesium hydroxide' })).toBeVisible();
  // Entity table of the demo.
  await expect(page.locator('#entities tbody tr')).toHaveCount(entities.length);
});
