/**
 * What the e2e specs share: the Med7 README sentence and its expected entities, waiting for the
 * element to be ready, analysing a text through the page, watching the element's events, a long
 * note, and the timings file (e2e/artifacts/timings.json).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, type Page, type Worker } from '@playwright/test';
import type { Entity } from '../src/core/types.ts';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/** The example sentence of Med7's README and the seven entities a good model finds in it. */
export const README_SENTENCE =
  'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.';
export const README_ENTITIES: readonly [string, string][] = [
  ['DRUG', 'Magnesium hydroxide'],
  ['STRENGTH', '400mg/5ml'],
  ['FORM', 'suspension'],
  ['ROUTE', 'PO'],
  ['DOSAGE', '30ml'],
  ['FREQUENCY', 'bid'],
  ['DURATION', 'for the next 5 days'],
];

export interface ReadyDetail {
  device: string;
  dtype: string;
  threads: number;
  loadMs: number;
  fallbackReason?: string;
}

declare global {
  interface Window {
    __med7: {
      ready?: ReadyDetail;
      /** `med7-ready` events seen (a restarted worker, or a second element, adds one). */
      readies: number;
      errors: { name: string; message: string }[];
      entities: number;
      progress: { count: number; loaded: number; total: number };
      navigationStart: number;
      readyAt?: number;
    };
  }
}

/** Records the element's events on `window.__med7` from before the page's own scripts run. */
export async function watchEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__med7 = {
      readies: 0,
      errors: [],
      entities: 0,
      progress: { count: 0, loaded: 0, total: 0 },
      navigationStart: performance.now(),
    };
    document.addEventListener('med7-progress', (event) => {
      const { loaded, total } = (event as CustomEvent<{ loaded: number; total: number }>).detail;
      window.__med7.progress = { count: window.__med7.progress.count + 1, loaded, total };
    });
    document.addEventListener('med7-ready', (event) => {
      window.__med7.ready = (event as CustomEvent<ReadyDetail>).detail;
      window.__med7.readyAt = performance.now();
      window.__med7.readies += 1;
    });
    document.addEventListener('med7-error', (event) => {
      window.__med7.errors.push((event as CustomEvent<{ name: string; message: string }>).detail);
    });
    document.addEventListener('med7-entities', () => {
      window.__med7.entities += 1;
    });
  });
}

/** Waits for `med7-ready` (fails early on `med7-error`); returns its detail and the page-load time. */
export async function waitForReady(
  page: Page,
  timeout = 90_000,
): Promise<ReadyDetail & { pageMs: number }> {
  await page.waitForFunction(
    () => window.__med7.ready !== undefined || window.__med7.errors.length > 0,
    null,
    {
      timeout,
    },
  );
  const state = await page.evaluate(() => ({
    ready: window.__med7.ready,
    errors: window.__med7.errors,
    pageMs: (window.__med7.readyAt ?? 0) - window.__med7.navigationStart,
  }));
  expect(state.errors, 'no med7-error while loading').toEqual([]);
  if (state.ready === undefined) throw new Error('not ready');
  return { ...state.ready, pageMs: Math.round(state.pageMs) };
}

/**
 * The page's model workers (med7-ner.worker.js in the build, med7.worker-*.js from Vite), other
 * than `not`: not onnxruntime's WASM threads, which run its ort-wasm-*.mjs.
 */
export function modelWorkers(page: Page, not?: Worker): Worker[] {
  return page
    .workers()
    .filter((worker) => worker !== not && /med7[^/]*\.worker[^/]*\.js/.test(worker.url()));
}

/** The page's one model worker other than `not`, once it exists. */
export async function modelWorker(page: Page, not?: Worker): Promise<Worker> {
  await expect.poll(() => modelWorkers(page, not).length, { timeout: 60_000 }).toBe(1);
  return modelWorkers(page, not)[0]!;
}

/** Calls the element's public `analyze()` and returns its entities and the wall-clock time. */
export async function analyze(
  page: Page,
  text: string,
): Promise<{ entities: Entity[]; ms: number }> {
  return page.evaluate(async (input) => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const started = performance.now();
    const entities = await element.analyze(input);
    await element.updateComplete;
    return { entities, ms: Math.round(performance.now() - started) };
  }, text);
}

/** Merges `values` into e2e/artifacts/timings.json (the lead reports these numbers). */
export function recordTimings(values: Record<string, unknown>): void {
  const file = join(ARTIFACTS, 'timings.json');
  mkdirSync(dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // First entry of this run.
  }
  writeFileSync(file, JSON.stringify({ ...current, ...values }, null, 2) + '\n');
}

/** A ~100 KB clinical note: varied paragraphs, the last one unlike the others. */
export function longNote(
  bytes = 100_000,
  unique?: string,
): { text: string; lastParagraphStart: number } {
  const paragraphs = [
    'Patient seen in clinic for follow-up of hypertension and type 2 diabetes. Blood pressure 142/88, heart rate 76. She reports good adherence and no side effects.',
    'Medications: Lisinopril 20 mg PO daily. Metformin 500 mg tablets, take 1 tablet by mouth twice a day with meals. Atorvastatin 40 mg at bedtime.',
    'Plan: continue current regimen, repeat HbA1c in 3 months, dietary advice given. Return to clinic in 12 weeks or sooner if symptoms worsen.',
    'He was given 1 g Rocephin IV in the emergency department and discharged on Augmentin 875 mg PO b.i.d. for 10 days.',
    'Albuterol inhaler 2 puffs inhaled every 4 hours as needed for wheeze. Prednisone 40 mg daily for 5 days.',
  ];
  // With `unique`, every sentence starts with its own tag (`Visit a3.2:`), so that no sentence
  // repeats within the note or across notes of other tags: the element keeps each sentence's
  // result, and a test that times the model must not be served from that cache.
  const tagged = (paragraph: string, i: number): string =>
    unique === undefined
      ? paragraph
      : paragraph
          .split(/(?<=[.]) (?=[A-Z])/)
          .map((sentence, j) => `Visit ${unique}${i + 1}.${j + 1}: ${sentence}`)
          .join(' ');
  const last =
    'FINAL PARAGRAPH: discharged home on Lasix 40 mg p.o. daily and Potassium chloride 20 mEq PO daily for 2 weeks.';
  const parts: string[] = [];
  let size = last.length;
  for (let i = 0; size < bytes; i++) {
    const paragraph = `${i + 1}. ${tagged(paragraphs[i % paragraphs.length] ?? '', i)}`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  const body = parts.join('\n\n') + '\n\n';
  return { text: body + last, lastParagraphStart: body.length };
}

/** Waits for the README sentence's seven highlights and checks them; ms from navigation. */
export async function expectReadmeHighlights(page: Page): Promise<number> {
  const marks = page.locator('med7-ner mark');
  await expect(marks).toHaveCount(README_ENTITIES.length, { timeout: 90_000 });
  const shown = await marks.evaluateAll((elements) =>
    elements.map((mark) => [
      mark.getAttribute('data-label'),
      [...mark.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(''),
      Number(mark.getAttribute('data-start')),
    ]),
  );
  expect(shown.map(([label, text]) => [label, text])).toEqual(README_ENTITIES);
  for (const [, text, start] of shown) {
    expect(README_SENTENCE.slice(start as number, (start as number) + String(text).length)).toBe(
      text,
    );
  }
  return page.evaluate(() => performance.now());
}

/** The URLs that left the page's origin (its own blob: and data: URLs stay inside the page). */
export function foreignUrls(urls: readonly string[], origin: string): string[] {
  return urls.filter(
    (url) =>
      !url.startsWith(`${origin}/`) &&
      !url.startsWith(`blob:${origin}/`) &&
      !url.startsWith('data:'),
  );
}
