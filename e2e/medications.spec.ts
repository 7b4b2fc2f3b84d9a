import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { README_ENTITIES, README_SENTENCE, analyze, waitForReady, watchEvents } from './helpers.ts';

// Medication records in <med7-ner>: hovering or focusing a highlight outlines its medication's
// highlights, a "Medications" table lists them, and buttons export them. Expectations come from
// the element's own `medications` (the linker of src/core/records/group.ts on the model's entities).

test.describe.configure({ mode: 'serial' });

let page: Page;

interface Shown {
  drug: string | null;
  spans: string[];
  cells: string[];
}

/** The element's medications: drug text, `start:end` of every span, and the table's cells. */
function medications(): Promise<Shown[]> {
  return page.evaluate(() => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    const fields = ['strength', 'form', 'route', 'dosage', 'frequency', 'duration'] as const;
    return element.medications.map((r) => ({
      drug: r.drug?.text ?? null,
      spans: [...(r.drug ? [r.drug] : []), ...fields.flatMap((f) => r[f])].map(
        (e) => `${e.start}:${e.end}`,
      ),
      cells: [
        r.drug?.text ?? '(no drug)',
        // The Status cell holds the status and, hidden until focus, its cue.
        r.cue ? `${r.status}“${r.cue.text}”` : r.status,
        ...fields.map((f) => r[f].map((e) => e.text).join('; ')),
      ],
    }));
  });
}

/** `start:end` of the highlights that are outlined now. */
function linked(): Promise<string[]> {
  return page
    .locator('med7-ner mark.linked')
    .evaluateAll((marks) =>
      marks.map((m) => `${m.getAttribute('data-start')}:${m.getAttribute('data-end')}`),
    );
}

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  page = await context.newPage();
  await watchEvents(page);
  await page.goto('./');
  await waitForReady(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test('the Medications table has one row per medication, in text order', async () => {
  await analyze(page, `${README_SENTENCE}\n1. Lasix 40 mg p.o. daily. 2. Celexa 20 mg at bedtime.`);
  const expected = await medications();
  expect(expected.length).toBeGreaterThan(0);
  const table = page.locator('med7-ner').getByRole('table', { name: 'Medications' });
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toHaveText([
    'Drug',
    'Status',
    'Strength',
    'Form',
    'Route',
    'Dose',
    'Frequency',
    'Duration',
  ]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  expect(cells).toEqual(expected.map((m) => m.cells));
});

test('the README sentence gives one medication with all six attributes', async () => {
  const { entities } = await analyze(page, README_SENTENCE);
  expect(entities.map((e) => [e.label, e.text])).toEqual(README_ENTITIES);
  const rows = page
    .locator('med7-ner')
    .getByRole('table', { name: 'Medications' })
    .locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th, td')).toHaveText([
    'Magnesium hydroxide',
    'active“prescribed”',
    '400mg/5ml',
    'suspension',
    'PO',
    '30ml',
    'bid',
    'for the next 5 days',
  ]);
});

test('hovering or focusing a drug outlines its attributes, and only them', async () => {
  await analyze(page, `${README_SENTENCE} Lasix 40 mg p.o. daily and Zofran 4 mg IV.`);
  const all = await medications();
  const index = all.findIndex((m) => m.drug !== null && m.spans.length > 1);
  expect(index, 'a medication with a drug and an attribute').toBeGreaterThanOrEqual(0);
  const record = all[index]!;
  const drug = page.locator(`med7-ner mark[data-label="DRUG"][data-record="${index}"]`);
  expect(await linked()).toEqual([]);

  await drug.hover();
  expect((await linked()).sort()).toEqual([...record.spans].sort());
  await expect(page.locator('med7-ner mark.linked[data-label="DRUG"]')).toHaveCount(1);
  await expect(page.locator(`med7-ner tbody tr[data-record="${index}"]`)).toHaveClass(/active/);
  await page.mouse.move(0, 0);
  await expect(page.locator('med7-ner mark.linked')).toHaveCount(0);

  // Keyboard: focus does the same, blur undoes it.
  await drug.focus();
  expect((await linked()).sort()).toEqual([...record.spans].sort());
  await drug.blur();
  await expect(page.locator('med7-ner mark.linked')).toHaveCount(0);

  // Hovering a row of the table outlines its highlights too.
  await page.locator(`med7-ner tbody tr[data-record="${index}"]`).hover();
  expect((await linked()).sort()).toEqual([...record.spans].sort());
  await page.mouse.move(0, 0);
});

test('exports the medications as JSON, CSV and FHIR', async () => {
  await analyze(page, `${README_SENTENCE} Lasix 40 mg p.o. daily.`);
  const expected = await medications();
  const download = async (name: string): Promise<{ file: string; text: string }> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('med7-ner').getByRole('button', { name }).click(),
    ]);
    const path = await file.path();
    return { file: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };

  const json = await download('Download JSON');
  expect(json.file).toBe('medications.json');
  const records = JSON.parse(json.text) as { drug: { text: string } | null }[];
  expect(records.map((r) => r.drug?.text ?? null)).toEqual(expected.map((m) => m.drug));

  const csv = await download('Download CSV');
  expect(csv.file).toBe('medications.csv');
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('drug,strength,form,route,dosage,frequency,duration,status,cue,start,end');
  expect(lines).toHaveLength(expected.length + 1);

  const fhir = await download('Download FHIR');
  expect(fhir.file).toBe('medications.fhir.json');
  const bundle = JSON.parse(fhir.text) as {
    resourceType: string;
    type: string;
    entry: { resource: { resourceType: string; medicationCodeableConcept: { text?: string } } }[];
  };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(
    expected.map(() => 'MedicationStatement'),
  );
  expect(bundle.entry.map((e) => e.resource.medicationCodeableConcept.text ?? null)).toEqual(
    expected.map((m) => m.drug),
  );
});

test('hide-medications hides the table and the buttons', async () => {
  await page.evaluate(() =>
    document.querySelector('med7-ner')?.setAttribute('hide-medications', ''),
  );
  await expect(page.locator('med7-ner').getByRole('table', { name: 'Medications' })).toHaveCount(0);
  await expect(page.locator('med7-ner').getByRole('button', { name: /^Download/ })).toHaveCount(0);
  await page.evaluate(() =>
    document.querySelector('med7-ner')?.removeAttribute('hide-medications'),
  );
  await expect(page.locator('med7-ner').getByRole('table', { name: 'Medications' })).toBeVisible();
});

test('accessibility: axe finds no violations in the table, at rest and while hovering', async () => {
  const axeSource = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await analyze(page, `${README_SENTENCE} Lasix 40 mg p.o. daily.`);
  await page.evaluate(axeSource);
  const run = () =>
    page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      };
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
    });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await run(), `axe at rest (${colorScheme})`).toEqual([]);
    await page.locator('med7-ner mark[data-label="DRUG"]').first().hover();
    expect(await run(), `axe while hovering (${colorScheme})`).toEqual([]);
    await page.mouse.move(0, 0);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
