import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { analyze, waitForReady, watchEvents } from './helpers.ts';

// Medication status in <med7-ner>: the Medications table's Status column with its cue
// on focus, allergies in a table of their own, highlights of drugs not taken drawn and named by
// their status, and axe still clean. Expectations come from the element's own `medications`.

test.describe.configure({ mode: 'serial' });

const ISSUE =
  'ALLERGIES: Penicillin and sulfa. He stopped taking Coumadin 5 mg daily last week. Do not restart aspirin. Will start metformin 500 mg b.i.d. next visit.';

let page: Page;

test.beforeAll(async ({ browser, baseURL }) => {
  // The model load is slow on a loaded machine (91 s seen at load average 20).
  test.setTimeout(300_000);
  page = await (await browser.newContext({ baseURL })).newPage();
  await watchEvents(page);
  await page.goto('./');
  await waitForReady(page, 240_000);
  await analyze(page, ISSUE);
});

test.afterAll(async () => {
  await page.context().close();
});

/** The element's [drug, status, cue] per record. */
function statuses(): Promise<[string | null, string, string | null][]> {
  return page.evaluate(() => {
    const element = document.querySelector('med7-ner');
    if (element === null) throw new Error('no <med7-ner>');
    return element.medications.map((r) => [r.drug?.text ?? null, r.status, r.cue?.text ?? null]);
  });
}

test('the Status column and the Allergies table', async () => {
  const records = await statuses();
  const byDrug = new Map(records.map(([drug, status]) => [drug, status]));
  // The model must find the five drugs for this test to mean anything.
  expect(byDrug.get('Penicillin')).toBe('allergy');
  expect(byDrug.get('sulfa')).toBe('allergy');
  expect(byDrug.get('Coumadin')).toBe('stopped');
  expect(byDrug.get('aspirin')).toBe('negated');
  expect(byDrug.get('metformin')).toBe('planned');

  const element = page.locator('med7-ner');
  const medications = element.getByRole('table', { name: 'Medications' });
  await expect(medications.locator('thead th').nth(1)).toHaveText('Status');
  const rowsOf = (table: typeof medications) =>
    table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        // The Status cell's text without its (hidden) cue.
        const cell = tr.querySelector('td.status');
        const cue = cell?.querySelector('.cue')?.textContent ?? '';
        return [
          tr.querySelector('th')?.textContent?.trim(),
          (cell?.textContent ?? '').replace(cue, '').trim(),
        ];
      }),
    );
  expect(await rowsOf(medications)).toEqual([
    ['Coumadin', 'stopped'],
    ['aspirin', 'negated'],
    ['metformin', 'planned'],
  ]);
  const allergies = element.getByRole('table', { name: 'Allergies' });
  expect(await rowsOf(allergies)).toEqual([
    ['Penicillin', 'allergy'],
    ['sulfa', 'allergy'],
  ]);
});

test('the cue shows on keyboard focus and describes the status', async () => {
  const value = page
    .locator('med7-ner')
    .getByRole('table', { name: 'Medications' })
    .locator('tbody tr', { hasText: 'Coumadin' })
    .locator('.status-value');
  const cue = value.locator('.cue');
  await expect(cue).toBeHidden();
  await value.focus();
  await expect(cue).toBeVisible();
  await expect(cue).toHaveText('“stopped taking”');
  await expect(value).toHaveAccessibleDescription('“stopped taking”');
  await value.blur();
  await expect(cue).toBeHidden();
});

test('highlights of drugs not taken are distinct and named by their status', async () => {
  const drug = (name: string) =>
    page.locator('med7-ner mark[data-label="DRUG"]', { hasText: name }).first();
  await expect(drug('Penicillin')).toHaveAttribute('aria-label', 'DRUG, allergy: Penicillin');
  await expect(drug('Coumadin')).toHaveAttribute('aria-label', 'DRUG, stopped: Coumadin');
  await expect(drug('aspirin')).toHaveAttribute('aria-label', 'DRUG, negated: aspirin');
  await expect(drug('metformin')).toHaveAttribute('aria-label', 'DRUG, planned: metformin');
  const look = (name: string) =>
    drug(name).evaluate((m) => {
      const style = getComputedStyle(m);
      return { line: style.textDecorationLine, outline: style.outlineStyle };
    });
  expect((await look('Coumadin')).line).toContain('line-through');
  expect((await look('aspirin')).line).toContain('line-through');
  expect((await look('Penicillin')).outline).toBe('solid');
  expect((await look('metformin')).outline).toBe('dotted');

  // An active drug keeps the plain look and name.
  await analyze(page, 'Lasix 40 mg p.o. daily.');
  await expect(drug('Lasix')).toHaveAttribute('aria-label', 'DRUG: Lasix');
  expect(await look('Lasix')).toEqual({ line: 'none', outline: 'none' });
  await analyze(page, ISSUE);
});

test('accessibility: axe finds no violations with statuses shown, light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    expect(violations, `axe violations (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a note pasted with its line breaks: each list takes the status of its heading', async () => {
  const pasted = [
    'CONTINUE taking these medications',
    '  lisinopril 10 mg tablet, take 1 tablet daily',
    'STOP taking these medications',
    '  ibuprofen 800 mg tablet',
    '  naproxen 500 mg tablet',
    'Allergies',
    '  Sulfa Antibiotics - Rash',
  ].join('\n');
  await analyze(page, pasted);
  expect(await statuses()).toEqual([
    ['lisinopril', 'active', 'CONTINUE taking these medications'],
    ['ibuprofen', 'stopped', 'STOP taking these medications'],
    ['naproxen', 'stopped', 'STOP taking these medications'],
    ['Sulfa Antibiotics', 'allergy', '- Rash'],
  ]);
  const allergies = page.locator('med7-ner').getByRole('table', { name: 'Allergies' });
  await expect(allergies.locator('tbody th')).toHaveText(['Sulfa Antibiotics']);
});

test('a record export’s own status: a Status: field, a table’s status column, an export’s remark', async () => {
  const exported = [
    'Medication: Warfarin 5 mg tablet',
    'Status: Discontinued',
    '',
    'Drug         Dose     Status',
    'Lisinopril   10 mg    On hold',
    'Atorvastatin 40 mg    Active',
    '',
    '• omeprazole 20 MG capsule\tTake 20 mg by mouth daily. (Patient not taking: Reported on 10/12/2023)',
  ].join('\n');
  await analyze(page, exported);
  expect(await statuses()).toEqual([
    ['Warfarin', 'stopped', 'Discontinued'],
    ['Lisinopril', 'held', 'On hold'],
    ['Atorvastatin', 'active', 'Active'],
    ['omeprazole', 'negated', 'Patient not taking'],
  ]);
  // In the note, the drugs not taken are named by their status and struck through.
  const drug = (name: string) =>
    page.locator('med7-ner mark[data-label="DRUG"]', { hasText: name }).first();
  await expect(drug('omeprazole')).toHaveAttribute('aria-label', 'DRUG, negated: omeprazole');
  await expect(drug('Warfarin')).toHaveAttribute('aria-label', 'DRUG, stopped: Warfarin');
  const line = await drug('Warfarin').evaluate((m) => getComputedStyle(m).textDecorationLine);
  expect(line).toContain('line-through');
});
