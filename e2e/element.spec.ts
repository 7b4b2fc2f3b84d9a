import { expect, test, type Page } from '@playwright/test';

// The element itself in real Chromium, with a fake model worker: `Med7Ner.workerFactory` (set before
// the element is defined) spawns an object that speaks the worker protocol (src/worker/protocol.ts),
// records every request, and answers as `window.fake` says: after a delay per text, or with an error.
// It finds `Lasix`/`Aspirin` as DRUG and `<n> mg` as STRENGTH.

interface Call {
  worker: number;
  type: string;
  text?: string;
  model?: string;
  device?: string;
  dtype?: string;
}

declare global {
  interface Window {
    fake: {
      calls: Call[];
      workers: number;
      /** Milliseconds an `extract` of this text takes (default 0). */
      delays: Record<string, number>;
      failLoad?: string;
      failExtract?: string;
      events: { type: string; detail: unknown }[];
    };
  }
}

async function setUp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const fake: Window['fake'] = { calls: [], workers: 0, delays: {}, events: [] };
    window.fake = fake;
    class FakeWorker {
      readonly index = ++fake.workers;
      readonly listeners: ((event: { data: unknown }) => void)[] = [];
      addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
        if (type === 'message') this.listeners.push(listener);
      }
      terminate(): void {
        fake.calls.push({ worker: this.index, type: 'terminate' });
      }
      postMessage(message: Record<string, unknown> & { type: string; id: number }): void {
        const { type, id } = message;
        if (type === 'ping') return this.reply({ type: 'pong', id });
        const call: Call = { worker: this.index, type };
        for (const key of ['text', 'model', 'device', 'dtype'] as const) {
          if (typeof message[key] === 'string') call[key] = message[key];
        }
        fake.calls.push(call);
        if (type === 'dispose') this.reply({ type: 'disposed', id });
        if (type === 'load') {
          if (fake.failLoad !== undefined) {
            return this.reply({
              type: 'error',
              id,
              error: { name: 'Error', message: fake.failLoad },
            });
          }
          this.reply({ type: 'progress', id, info: { file: 'model.onnx', loaded: 5, total: 10 } });
          const info = { device: 'wasm', dtype: 'int8', threads: 1, loadMs: 7 };
          this.reply({ type: 'ready', id, info });
        }
        if (type === 'extract') {
          const text = String(message['text']);
          if (fake.failExtract !== undefined) {
            const error = { name: 'Error', message: fake.failExtract };
            return this.reply({ type: 'error', id, error }, fake.delays[text]);
          }
          const entities = [...text.matchAll(/\b(?:Lasix|Aspirin)\b|\b\d+ mg\b/g)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            label: /mg$/.test(m[0]) ? 'STRENGTH' : 'DRUG',
            text: m[0],
            score: 0.9,
          }));
          // packed as the real worker packs them (src/worker/packed-entities.ts)
          const labels = ['DRUG', 'STRENGTH', 'FORM', 'ROUTE', 'DOSAGE', 'FREQUENCY', 'DURATION'];
          const packed = {
            starts: Uint32Array.from(entities, (e) => e.start ?? 0),
            ends: Uint32Array.from(entities, (e) => e.end),
            labels: Uint8Array.from(entities, (e) => labels.indexOf(e.label)),
            scores: Float64Array.from(entities, (e) => e.score),
          };
          this.reply({ type: 'result', id, entities: packed, ms: 3 }, fake.delays[text]);
        }
      }
      reply(data: unknown, delay = 0): void {
        setTimeout(() => this.listeners.forEach((listener) => listener({ data })), delay);
      }
    }
    const define = customElements.define.bind(customElements);
    customElements.define = (name, constructor, options) => {
      if (name === 'med7-ner') {
        (constructor as unknown as { workerFactory: () => unknown }).workerFactory = () =>
          new FakeWorker();
      }
      define(name, constructor, options);
    };
    for (const type of ['med7-progress', 'med7-ready', 'med7-entities', 'med7-error']) {
      document.addEventListener(type, (event) => {
        if ((event.target as Element).id === 'under-test') {
          fake.events.push({ type, detail: (event as CustomEvent).detail });
        }
      });
    }
  });
  await page.goto('./?empty');
  await page.waitForFunction(() => customElements.get('med7-ner') !== undefined);
  // Only the element made by each test is watched: the demo's own goes.
  await page.evaluate(async () => {
    document.querySelectorAll('med7-ner').forEach((element) => element.remove());
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.fake.calls = [];
  });
}

/** Adds `<med7-ner id="under-test">` with these attributes and light-DOM text. */
async function addElement(
  page: Page,
  attributes: Record<string, string>,
  text = '',
): Promise<void> {
  await page.evaluate(
    ({ attributes, text }) => {
      const element = document.createElement('med7-ner');
      element.id = 'under-test';
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.textContent = text;
      document.body.append(element);
    },
    { attributes, text },
  );
}

const calls = (page: Page): Promise<Call[]> => page.evaluate(() => window.fake.calls);
const events = (page: Page): Promise<{ type: string; detail: unknown }[]> =>
  page.evaluate(() => window.fake.events);
const element = (page: Page) => page.locator('#under-test');

test.beforeEach(async ({ page }) => setUp(page));

test('properties become worker requests: load with the settings, extract the text, reload on a change', async ({
  page,
}) => {
  await addElement(
    page,
    { device: 'wasm', dtype: 'q8', model: 'models/elsewhere/' },
    'Lasix 40 mg',
  );
  await expect(element(page).locator('mark')).toHaveCount(2);
  const first = await calls(page);
  expect(first.map(({ type }) => type)).toEqual(['load', 'extract']);
  expect(first[0]).toMatchObject({ device: 'wasm', dtype: 'q8' });
  expect(new URL(first[0]!.model!).pathname).toBe('/models/elsewhere/');
  expect(first[1]).toMatchObject({ text: 'Lasix 40 mg', worker: first[0]!.worker });

  // The light-DOM text is watched; the `text` property wins over it.
  await page.evaluate(() => (document.querySelector('med7-ner')!.textContent = 'Aspirin 81 mg'));
  await expect(element(page).locator('mark').first()).toHaveText(/^Aspirin/);
  await page.evaluate(() => (document.querySelector('med7-ner')!.text = 'Lasix 20 mg'));
  await expect(element(page).locator('mark').first()).toHaveText(/^Lasix/);

  // A new dtype: the old worker is disposed, a new one loads, and the same text is analysed again.
  await page.evaluate(() => {
    window.fake.calls = [];
    document.querySelector('med7-ner')!.setAttribute('dtype', 'fp32');
  });
  await expect
    .poll(async () => (await calls(page)).map(({ type }) => type).sort())
    .toEqual(['dispose', 'extract', 'load', 'terminate'].sort());
  const reloaded = await calls(page);
  const load = reloaded.find(({ type }) => type === 'load')!;
  expect(load.dtype).toBe('fp32');
  expect(reloaded.find(({ type }) => type === 'extract')).toMatchObject({
    text: 'Lasix 20 mg',
    worker: load.worker,
  });
  expect(reloaded.find(({ type }) => type === 'dispose')!.worker).toBeLessThan(load.worker);
});

test('events: progress, ready, then entities with exact offsets', async ({ page }) => {
  await addElement(page, {}, 'Took Lasix 40 mg');
  await expect(element(page).locator('mark')).toHaveCount(2);
  const seen = await events(page);
  expect(seen.map(({ type }) => type)).toEqual(['med7-progress', 'med7-ready', 'med7-entities']);
  expect(seen[0]!.detail).toEqual({ loaded: 5, total: 10, file: 'model.onnx' });
  expect(seen[1]!.detail).toEqual({ device: 'wasm', dtype: 'int8', threads: 1, loadMs: 7 });
  expect(seen[2]!.detail).toMatchObject({
    text: 'Took Lasix 40 mg',
    ms: 3,
    entities: [
      { start: 5, end: 10, label: 'DRUG', text: 'Lasix' },
      { start: 11, end: 16, label: 'STRENGTH', text: '40 mg' },
    ],
  });
  await expect(element(page).locator('[part="status"]')).toContainText(
    'WASM, 1 thread, int8 · loaded in 7 ms',
  );
  const medications = await page.evaluate(() =>
    document
      .querySelector('med7-ner')!
      .medications.map((record) => [
        record.drug?.text,
        record.strength.map((entity) => entity.text),
      ]),
  );
  expect(medications).toEqual([['Lasix', ['40 mg']]]);
});

test('a result for an older text is dropped when the text changed meanwhile', async ({ page }) => {
  await addElement(page, {}, '');
  await expect(element(page).locator('[part="status"]')).toContainText('loaded in');
  const outcome = await page.evaluate(async () => {
    const element = document.querySelector('med7-ner')!;
    // The older text's answer arrives last.
    window.fake.delays['Lasix 40 mg daily'] = 400;
    const older = element.analyze('Lasix 40 mg daily').then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = (await element.analyze('Aspirin 81 mg')).length;
    const olderOutcome = await older;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { olderOutcome, newer };
  });
  expect(outcome).toEqual({ olderOutcome: 'AbortError', newer: 2 });
  const shown = (await events(page)).filter(({ type }) => type === 'med7-entities');
  expect(shown.map(({ detail }) => (detail as { text: string }).text)).toEqual([
    '',
    'Aspirin 81 mg',
  ]);
  await expect(element(page).locator('mark').first()).toHaveText(/^Aspirin/);
  expect((await calls(page)).filter(({ type }) => type === 'extract').map((c) => c.text)).toEqual([
    'Lasix 40 mg daily',
    'Aspirin 81 mg',
  ]);
});

test('errors are shown in the element and sent as med7-error', async ({ page }) => {
  await page.evaluate(() => (window.fake.failExtract = 'the model ran out of memory'));
  await addElement(page, {}, 'Lasix 40 mg');
  const error = element(page).locator('[part="error"]');
  await expect(error).toHaveText('Analysis failed: the model ran out of memory');
  await expect(error).toHaveAttribute('role', 'alert');
  expect((await events(page)).filter(({ type }) => type === 'med7-error')).toEqual([
    {
      type: 'med7-error',
      detail: { name: 'Error', message: 'Analysis failed: the model ran out of memory' },
    },
  ]);
  await expect(element(page).locator('mark')).toHaveCount(0);

  // A failed load: the message names the model folder, the status line says so.
  await page.evaluate(() => {
    window.fake.failExtract = undefined;
    window.fake.failLoad = 'no such file';
    document.querySelector('med7-ner')!.setAttribute('model', 'models/missing/');
  });
  await expect(error).toHaveText('Could not load the model from models/missing/: no such file');
  await expect(element(page).locator('[part="status"]')).toHaveText('Model not loaded.');
  // The next text says why again.
  await page.evaluate(() => (document.querySelector('med7-ner')!.text = 'Aspirin 81 mg'));
  await expect
    .poll(async () => (await events(page)).filter(({ type }) => type === 'med7-error').length)
    .toBe(3);
});

test('in a long text, the arrow keys, Home and End move between highlights across blocks', async ({
  page,
}) => {
  // 1,000 lines, 2,000 highlights, ~30,000 characters: shown in blocks (LONG_TEXT is 20,000).
  const line = (i: number): string => `${i}. Lasix ${i} mg today\n`;
  const text = Array.from({ length: 1000 }, (_, i) => line(i + 1)).join('');
  await addElement(page, {}, '');
  await page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner')!;
    await element.analyze(input);
    await element.updateComplete;
  }, text);
  const focused = (): Promise<string | null> =>
    page.evaluate(() => {
      const active = document.querySelector('med7-ner')!.shadowRoot!.activeElement;
      return active === null ? null : `${active.getAttribute('data-start')} ${active.textContent}`;
    });
  const first = element(page).locator('mark').first();
  await first.focus();
  expect(await focused()).toBe(`3 LasixDRUG`);
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe(`9 1 mgSTRENGTH`);
  await page.keyboard.press('End');
  const last = text.lastIndexOf('1000 mg');
  await expect.poll(focused).toBe(`${last} 1000 mgSTRENGTH`);
  await page.keyboard.press('ArrowUp');
  await expect.poll(focused).toBe(`${text.lastIndexOf('Lasix')} LasixDRUG`);
  await page.keyboard.press('Home');
  await expect.poll(focused).toBe(`3 LasixDRUG`);
  // The tab stop follows the focus: one highlight in the tab order.
  const tabbable = await page.evaluate(
    () =>
      document.querySelector('med7-ner')!.shadowRoot!.querySelectorAll('mark[tabindex="0"]').length,
  );
  expect(tabbable).toBe(1);
});
