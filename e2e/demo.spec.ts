/**
 * The built demo page as a visitor uses it: the embedded model loads (and says which device),
 * highlights are named and reachable by keyboard, the legend toggles labels, no request leaves the
 * origin, markup stays text, axe finds nothing, and the README sentence gives its seven entities.
 * Scheduling of analyses (stale results, long notes, aborts): demo-runs.spec.ts.
 *
 * One page and one model load for the whole file (loaded in beforeAll); the tests run in order on
 * it. Not `serial`: a failing test must not skip the others (Playwright then reloads the page).
 */
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
  foreignUrls,
  recordTimings,
  waitForReady,
  watchEvents,
} from './helpers.ts';

let context: BrowserContext;
let page: Page;
const requests: { url: string; at: number }[] = [];
let origin = '';
let ready: Awaited<ReturnType<typeof waitForReady>>;
let loadWallMs = 0;

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
  const foreign = foreignUrls(
    requests.map((r) => r.url),
    origin,
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
