import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

/**
 * For e2e/review.spec.ts: a fake model worker in the pattern of e2e/element.spec.ts
 * (`Med7Ner.workerFactory` set before the element is defined) whose output for a text is fixed by
 * `window.fakeModel[text]` (tuples), so the model's mistakes to correct are known; every worker
 * request and every `med7-change` is recorded.
 */

export type Tuple = [number, number, string];

declare global {
  interface Window {
    fakeModel: Record<string, Tuple[]>;
    fakeCalls: { type: string; text?: string }[];
    fakeWorkers: number;
    changes: { entities: { start: number; end: number; label: string }[]; edits: unknown[] }[];
  }
}

/** Installs the fake worker (unless `real`), records `med7-change`, opens the empty demo page. */
export async function openPage(page: Page, { real = false } = {}): Promise<void> {
  await page.addInitScript((real) => {
    window.fakeModel = {};
    window.fakeCalls = [];
    window.fakeWorkers = 0;
    window.changes = [];
    document.addEventListener('med7-change', (event) => {
      const { entities, edits } = event.detail;
      window.changes.push({ entities, edits });
    });
    if (real) return;
    const LABELS = ['DRUG', 'STRENGTH', 'FORM', 'ROUTE', 'DOSAGE', 'FREQUENCY', 'DURATION'];
    class FakeWorker {
      readonly listeners: ((event: { data: unknown }) => void)[] = [];
      constructor() {
        window.fakeWorkers++;
      }
      addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
        if (type === 'message') this.listeners.push(listener);
      }
      terminate(): void {}
      postMessage(message: { type: string; id: number; text?: string }): void {
        const { type, id } = message;
        if (type === 'ping') return this.reply({ type: 'pong', id });
        window.fakeCalls.push({
          type,
          ...(message.text === undefined ? {} : { text: message.text }),
        });
        if (type === 'dispose') this.reply({ type: 'disposed', id });
        if (type === 'load') {
          this.reply({
            type: 'ready',
            id,
            info: { device: 'wasm', dtype: 'int8', threads: 1, loadMs: 7 },
          });
        }
        if (type === 'extract') {
          const tuples = window.fakeModel[message.text ?? ''] ?? [];
          const entities = {
            starts: Uint32Array.from(tuples, (t) => t[0]),
            ends: Uint32Array.from(tuples, (t) => t[1]),
            labels: Uint8Array.from(tuples, (t) => LABELS.indexOf(t[2])),
            scores: Float64Array.from(tuples, () => 0.9),
          };
          this.reply({ type: 'result', id, entities, ms: 3 });
        }
      }
      reply(data: unknown): void {
        setTimeout(() => this.listeners.forEach((listener) => listener({ data })), 0);
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
  }, real);
  await page.goto('./?empty');
  await page.waitForFunction(() => customElements.get('med7-ner') !== undefined);
  // Only the element each test adds is watched: the demo's own goes.
  await page.evaluate(async () => {
    document.querySelectorAll('med7-ner').forEach((element) => element.remove());
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.fakeCalls = [];
    window.fakeWorkers = 0;
  });
}

/** Adds `<med7-ner id="under-test" review>` with these attributes, then sets its text. */
export async function addReviewElement(
  page: Page,
  text: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  await page.evaluate(
    ({ text, attributes }) => {
      const element = document.createElement('med7-ner');
      element.id = 'under-test';
      element.setAttribute('review', '');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.text = text;
      // In the page's landmark, first in it: axe wants content in landmarks.
      (document.querySelector('main') ?? document.body).prepend(element);
    },
    { text, attributes },
  );
}

/** The highlights as `[start, end, label]`, read from the marks drawn. */
export function shownTuples(page: Page): Promise<Tuple[]> {
  return page.evaluate(() =>
    [...document.querySelector('#under-test')!.shadowRoot!.querySelectorAll('mark')].map(
      (mark): [number, number, string] => [
        Number(mark.dataset['start']),
        Number(mark.dataset['end']),
        mark.dataset['label']!,
      ],
    ),
  );
}

/** What has the focus inside the element: a highlight's `start:end:label`, or a description. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('#under-test')?.shadowRoot?.activeElement;
    if (!(active instanceof HTMLElement)) return 'outside';
    if (active.localName === 'mark') {
      return `${active.dataset['start']}:${active.dataset['end']}:${active.dataset['label']}`;
    }
    if (active.classList.contains('text')) return 'text';
    return `${active.getAttribute('role') ?? active.localName}:${active.textContent?.trim().replace(/\s+/g, ' ')}`;
  });
}

/** Presses Tab until `target` has the focus (at most 40 times): the keyboard's only way in. */
export async function tabTo(page: Page, target: (focus: string) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (target(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the target; focus at ${await focused(page)}`);
}

/**
 * Selects `[start, end)` of the element's shown text with the Selection API, then releases the
 * mouse over the text (a real `mouseup`), as the end of a mouse selection.
 */
export async function selectByMouse(page: Page, start: number, end: number): Promise<void> {
  const point = await page.evaluate(
    ({ start, end }) => {
      const region = document.querySelector('#under-test')!.shadowRoot!.querySelector('.text')!;
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (node.parentElement?.closest('.label')) continue;
        const length = (node as Text).data.length;
        if (start >= at && start < at + length) range.setStart(node, start - at);
        if (end > at && end <= at + length) range.setEnd(node, end - at);
        at += length;
      }
      document
        .getSelection()!
        .setBaseAndExtent(
          range.startContainer,
          range.startOffset,
          range.endContainer,
          range.endOffset,
        );
      const rect = range.getBoundingClientRect();
      return { x: rect.right - 2, y: rect.top + rect.height / 2 };
    },
    { start, end },
  );
  await page.mouse.move(point.x, point.y);
  await page.evaluate(() =>
    document
      .querySelector('#under-test')!
      .shadowRoot!.querySelector('.text')!
      .dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true })),
  );
}

/** Runs axe-core on the page and expects no violations. */
export async function expectNoAxeViolations(page: Page, when: string): Promise<void> {
  expect(await axeViolations(page), `axe violations ${when}`).toEqual([]);
}

/** Each shown highlight's text is the text's slice at its offsets. */
export async function expectOffsetsMatchText(page: Page, text: string): Promise<void> {
  const marks = await page.evaluate(() =>
    [...document.querySelector('med7-ner')!.shadowRoot!.querySelectorAll('mark')].map((mark) => ({
      start: Number(mark.dataset['start']),
      end: Number(mark.dataset['end']),
      // the mark's own text nodes: not its label, not Lit's comment markers
      shown: [...mark.childNodes]
        .filter((node): node is Text => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.data)
        .join(''),
    })),
  );
  for (const { start, end, shown } of marks) expect(shown).toBe(text.slice(start, end));
}

/** Scores `pred` against `gold` (JSONL records) with the repository's `med7 eval`. */
export function med7Eval(gold: object, pred: object, ...flags: string[]): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'med7-review-'));
  writeFileSync(join(dir, 'gold.jsonl'), `${JSON.stringify(gold)}\n`);
  writeFileSync(join(dir, 'pred.jsonl'), `${JSON.stringify(pred)}\n`);
  const args = ['bin/med7.js', 'eval', join(dir, 'gold.jsonl'), '--predictions'];
  const out = execFileSync('node', [...args, join(dir, 'pred.jsonl'), '--json', ...flags], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}
