/**
 * The demo's batch review as a reviewer uses it: 200 MTSamples notes opened as .txt files
 * (setInputFiles), annotated in the worker with progress (timed, with the page's memory at the
 * end), Cancel, keyboard navigation, an edit and a status correction saved, a reload with
 * everything kept, the three exports, "Forget all", the JSONL export opened again with nothing
 * lost or duplicated, a drop, and the privacy check: every request stays on the page's origin and
 * none carries note text.
 *
 * One page for the whole file; the tests run in order on it (`serial`: each needs the one before).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { shuffled, uniqueNotes } from '../bench/notes.ts';
import { axeViolations } from './axe.ts';
import { correctFirstStatus, dump, expectCorrected, type Dump } from './batch-store.ts';
import { analyze, foreignUrls, recordTimings, waitForReady, watchEvents } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

/** 200 by default; MED7_BATCH_NOTES runs a smaller batch while working on the page. */
const BATCH = Number(process.env['MED7_BATCH_NOTES'] ?? 200);
/** The model's load on a busy machine (what the tests wait for, not what they are about). */
const READY_MS = 300_000;
let context: BrowserContext;
let page: Page;
let dir = '';
let origin = '';
const notes: { name: string; text: string }[] = [];
const requests: { url: string; body: string | null }[] = [];
/** The documents as stored before the export (to compare with the re-imported ones). */
let beforeExport: Dump = [];
/** The document whose drug status was corrected in review. */
let corrected = -1;

const summary = (): ReturnType<Page['locator']> => page.locator('#batch-summary');
const review = (): ReturnType<Page['locator']> => page.locator('#batch-ner');
const reviewText = (): Promise<string | undefined> =>
  page.evaluate(
    () => (document.getElementById('batch-ner') as HTMLElementTagNameMap['med7-ner'] | null)?.text,
  );

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(READY_MS + 60_000);
  origin = new URL(baseURL ?? '').origin;
  dir = mkdtempSync(join(tmpdir(), 'med7-batch-'));
  for (const [i, note] of shuffled(uniqueNotes(), 30)
    .slice(0, BATCH + 20)
    .entries()) {
    const name = `note-${String(i + 1).padStart(3, '0')}-mts${note.id}.txt`;
    writeFileSync(join(dir, name), note.text);
    notes.push({ name, text: note.text });
  }
  context = await browser.newContext({ baseURL });
  context.on('request', (request: Request) =>
    requests.push({ url: request.url(), body: request.postData() }),
  );
  page = await context.newPage();
  await watchEvents(page);
  // The element at the top of the page without a model (a viewer): the batch's worker is the only
  // model on the page, so the time for the notes is the batch's alone.
  await page.goto('./?device=wasm&model=none&empty');
});

test.afterAll(async () => {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`${BATCH} notes are opened and annotated in the worker, with progress`, async () => {
  // Generous: the time is measured and reported, not bounded (a busy 2-core machine needs ~10 min).
  test.setTimeout(1_800_000);
  const batch = notes.slice(0, BATCH);
  const started = Date.now();
  await page.locator('#batch-files').setInputFiles(batch.map((n) => join(dir, n.name)));
  await expect(page.locator('#batch-progress-text')).toContainText(new RegExp(`of ${BATCH}$`));
  await expect(summary()).toContainText(`${BATCH} documents, ${BATCH} annotated`, {
    timeout: 1_500_000,
  });
  const wallMs = Date.now() - started;
  await expect(page.locator('#batch-progress')).toHaveCount(0);
  // The page's memory at the end: the main thread's JS heap, and (cross-origin isolated) all of it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const all = await page.evaluate(async () => {
    const measure = (
      performance as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
    ).measureUserAgentSpecificMemory;
    if (!self.crossOriginIsolated || measure === undefined) return null;
    return (await measure.call(performance)).bytes;
  });
  const docs = await dump(page);
  expect(docs.map((d) => d.id)).toEqual(batch.map((n) => n.name));
  expect(docs.map((d) => d.text)).toEqual(batch.map((n) => n.text));
  const entities = docs.reduce((sum, d) => sum + (d.entities?.length ?? 0), 0);
  recordTimings({
    batchReview: {
      notes: BATCH,
      chars: batch.reduce((sum, n) => sum + n.text.length, 0),
      entities,
      wallMs,
      jsHeapUsedMB: Math.round(heap / 1e5) / 10,
      userAgentMemoryMB: all === null ? null : Math.round(all / 1e5) / 10,
    },
  });
  // Real model output: two documents' entities are exactly what the element finds in their texts
  // (the demo with its model, in another tab of the same browser).
  const other = await context.newPage();
  await watchEvents(other);
  await other.goto('./?device=wasm&empty');
  await waitForReady(other, READY_MS);
  for (const i of [0, BATCH - 1]) {
    const { entities: found } = await analyze(other, batch[i]!.text);
    expect(docs[i]?.entities).toEqual(found.map((e) => [e.start, e.end, e.label]));
  }
  await other.close();
  expect(entities).toBeGreaterThan(BATCH);
});

test('Cancel stops the annotation at once; the rest can be annotated later', async () => {
  test.setTimeout(300_000);
  const more = notes.slice(BATCH);
  await page.locator('#batch-files').setInputFiles(more.map((n) => join(dir, n.name)));
  await expect(page.locator('#batch-progress-text')).toContainText(`of ${more.length}`);
  // From the click to the progress bar gone, timed in the page.
  const cancelMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        document.getElementById('batch-cancel')?.click();
        const check = (): void => {
          if (document.getElementById('batch-progress') === null)
            resolve(performance.now() - started);
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  recordTimings({ batchCancelMs: cancelMs });
  const left = (await dump(page)).filter((d) => d.entities === null).length;
  expect(left).toBeGreaterThan(0);
  await expect(page.locator('#batch-notice')).toContainText('Cancelled');
  await page.locator('#batch-resume').click();
  const total = BATCH + more.length;
  await expect(summary()).toContainText(`${total} documents, ${total} annotated`, {
    timeout: 290_000,
  });
});

test('the keyboard moves between documents, and the selected one is under review', async () => {
  const list = page.locator('#batch-list');
  await list.focus();
  await expect(page.locator('#batch-doc-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#batch-doc-2')).toHaveAttribute('aria-selected', 'true');
  await expect(list).toHaveAttribute('aria-activedescendant', 'batch-doc-2');
  expect(await reviewText()).toBe(notes[2]?.text);
  await page.keyboard.press('End');
  await expect(page.locator(`#batch-doc-${notes.length - 1}`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(await reviewText()).toBe(notes.at(-1)?.text);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#batch-doc-0')).toHaveAttribute('aria-selected', 'true');
  // j/k from anywhere outside a text field
  await page.locator('#batch-heading').click();
  await page.keyboard.press('j');
  await expect(page.locator('#batch-doc-1')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(page.locator('#batch-doc-0')).toHaveAttribute('aria-selected', 'true');
  // The review element shows the document's own entities, not a model run of its own.
  const shown = await page.evaluate(() =>
    (document.getElementById('batch-ner') as HTMLElementTagNameMap['med7-ner']).entities.map(
      (e): [number, number, string] => [e.start, e.end, e.label],
    ),
  );
  expect(shown).toEqual((await dump(page))[0]?.entities);
});

test('accessibility: axe finds no violations in the batch section, light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page, '#batch');
    expect(violations, `axe violations (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a reviewed and an edited document keep their state, entities and edits across a reload', async () => {
  test.setTimeout(READY_MS + 120_000);
  // Document 0: marked reviewed by its button.
  await page.locator('#batch-reviewed').click();
  await expect(page.locator('#batch-doc-0')).toHaveAttribute('data-review', 'reviewed');
  // Document 1: an edit in the review element (the first entity removed, by keyboard).
  await page.locator('#batch-list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(review()).toBeVisible();
  const before = (await dump(page))[1]!;
  await removeFirstEntity();
  await expect(page.locator('#batch-doc-1')).toHaveAttribute('data-review', 'edited');
  await expect.poll(async () => (await dump(page))[1]?.entities).toEqual(before.entities?.slice(1));
  const edited = (await dump(page))[1]!;
  expect(edited.edits.length).toBeGreaterThan(0);
  // A later document with a drug: its first drug's status corrected in the Medications table.
  const { index, status, menu } = await correctFirstStatus(page, review());
  corrected = index;
  await expect
    .poll(async () => (await dump(page))[corrected]?.edits)
    .toEqual([expect.objectContaining({ kind: 'status', label: 'DRUG', status })]);
  // Away and back: the document is shown again with its correction.
  await page.locator('#batch-doc-0').click();
  await page.locator(`#batch-doc-${corrected}`).click();
  await expect(menu).toHaveValue(status);
  await expect(menu).toHaveAccessibleName(/\(corrected\)$/);
  const stored = await dump(page);
  await page.reload();
  await expect(summary()).toContainText(
    `${notes.length} documents, ${notes.length} annotated, 3 reviewed`,
  );
  expect(await dump(page)).toEqual(stored);
  await expect(page.locator('#batch-doc-1')).toHaveAttribute('data-review', 'edited');
  beforeExport = stored;
});

test('exports every document as one JSONL, one CSV and one Bundle of Bundles', async () => {
  const jsonl = await download('#batch-export-jsonl');
  expect(jsonl.name).toBe('med7-batch.jsonl');
  const records = jsonl.text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((r) => r['id'])).toEqual(beforeExport.map((d) => d.id));
  for (const record of records) {
    expect(Object.keys(record)).toEqual([
      'id',
      'text',
      'entities',
      'status',
      'medications',
      'review',
      'edits',
    ]);
  }
  expectCorrected(records[corrected]!, beforeExport[corrected]!.edits[0]);
  writeFileSync(join(dir, 'export.jsonl'), jsonl.text);

  const csv = await download('#batch-export-csv');
  expect(csv.name).toBe('med7-batch.csv');
  const rows = csv.text.split('\r\n');
  expect(rows[0]).toBe(
    'id,drug,strength,form,route,dosage,frequency,duration,status,cue,start,end',
  );
  const medications = records.reduce((sum, r) => sum + (r['medications'] as unknown[]).length, 0);
  expect(rows.length - 2).toBe(medications);
  expect(
    rows[1]?.startsWith(`${beforeExport.find((d) => (d.entities?.length ?? 0) > 0)?.id},`),
  ).toBe(true);

  const fhir = await download('#batch-export-fhir');
  const bundle = JSON.parse(fhir.text) as {
    type: string;
    entry: {
      resource: { resourceType: string; identifier: { value: string }; entry?: unknown[] };
    }[];
  };
  expect(bundle.type).toBe('collection');
  expect(bundle.entry.map((e) => e.resource.identifier.value)).toEqual(
    beforeExport.map((d) => d.id),
  );
  expect(bundle.entry.reduce((sum, e) => sum + (e.resource.entry?.length ?? 0), 0)).toBe(
    medications,
  );
});

test('Forget all empties the store; the export opened again restores every document once', async () => {
  test.setTimeout(READY_MS + 120_000);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('#batch-forget').click();
  await expect(page.locator('#batch-list')).toHaveCount(0);
  await expect(review()).toHaveCount(0);
  expect(await dump(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('#batch-ui')).toContainText('No documents yet.');
  // The export, opened twice: same documents, entities, review states and edits; none twice, none re-run.
  for (let i = 0; i < 2; i++) {
    await page.locator('#batch-files').setInputFiles(join(dir, 'export.jsonl'));
    await expect(summary()).toContainText(
      `${notes.length} documents, ${notes.length} annotated, 3 reviewed`,
    );
    await expect(page.locator('#batch-progress')).toHaveCount(0);
    await expect.poll(() => dump(page)).toEqual(beforeExport);
  }
});

test('files dropped on the page are opened too', async () => {
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(['Dropped: Lasix 40 mg PO daily.'], 'dropped.txt', { type: 'text/plain' }),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.locator(`#batch-doc-${notes.length}`)).toContainText('dropped.txt');
  await expect(page.locator(`#batch-doc-${notes.length}`)).toContainText(/\d+ entit/);
});

test('privacy: every request stays on the origin, and none carries note text', async () => {
  const foreign = foreignUrls(
    requests.map((r) => r.url),
    origin,
  );
  expect(foreign).toEqual([]);
  expect(new URL(origin).hostname).toBe('127.0.0.1');
  expect(requests.filter((r) => r.body !== null && r.body !== '')).toEqual([]);
  // No note's opening words in any URL, plain or encoded.
  const leaks = requests.filter((r) =>
    notes.some((n) => {
      const words = n.text.slice(0, 40);
      return r.url.includes(words) || r.url.includes(encodeURIComponent(words));
    }),
  );
  expect(leaks).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

/** Removes the first highlight of the review element with the keyboard (docs/element.md). */
async function removeFirstEntity(): Promise<void> {
  const mark = review().locator('mark').first();
  await mark.focus();
  await page.keyboard.press('Delete');
}
