import { expect, test, type Page } from '@playwright/test';
import type { EntityTuple } from '../src/core/types.ts';
import { addReviewElement, expectNoAxeViolations, openPage } from './review-fixture.ts';

// Review mode's Status menus (docs/element.md, "Review"): a reviewer corrects a drug's status in
// the Medications table; the highlight, the tables, the edits, undo/redo and every export follow
// it. The text's entities are given (model="none"), so the status step's answers are known.

const TEXT = 'Coumadin 5 mg daily. Lasix 40 mg daily. Aspirin was stopped.';
const ENTITIES: EntityTuple[] = [
  [0, 8, 'DRUG'],
  [9, 13, 'STRENGTH'],
  [14, 19, 'FREQUENCY'],
  [21, 26, 'DRUG'],
  [27, 32, 'STRENGTH'],
  [33, 38, 'FREQUENCY'],
  [40, 47, 'DRUG'],
];

const element = (page: Page) => page.locator('#under-test');
const statusMenu = (page: Page, drug: string) =>
  element(page).getByRole('combobox', { name: new RegExp(`^Status of ${drug}`) });
const mark = (page: Page, start: number) => element(page).locator(`mark[data-start="${start}"]`);

async function showGiven(page: Page): Promise<void> {
  await openPage(page);
  await addReviewElement(page, TEXT, { model: 'none' });
  await page.evaluate(
    ({ text, entities }) => document.querySelector('med7-ner')!.showAnnotations(text, entities),
    { text: TEXT, entities: ENTITIES },
  );
  await expect(statusMenu(page, 'Coumadin')).toHaveValue('active');
}

const call = <T>(page: Page, fn: (element: HTMLElementTagNameMap['med7-ner']) => T) =>
  page.evaluate(fn, undefined as never);

test('a reviewer corrects statuses by keyboard: the highlight, the edits, undo/redo and the exports follow', async ({
  page,
}) => {
  await showGiven(page);
  await expect(statusMenu(page, 'Aspirin')).toHaveValue('stopped');
  // The rules' cue stays in sight beside the menu and describes it.
  await expect(statusMenu(page, 'Aspirin')).toHaveAccessibleDescription('“was stopped”');
  await expect(mark(page, 40)).toHaveAttribute('data-status', 'stopped');

  // Coumadin, which the text lists as taken, is one the patient stopped: by keyboard only.
  await statusMenu(page, 'Coumadin').focus();
  await page.keyboard.press('s'); // type-ahead: the first status that starts with `s`
  await expect(statusMenu(page, 'Coumadin')).toHaveValue('stopped');
  await expect(statusMenu(page, 'Coumadin')).toHaveAccessibleName('Status of Coumadin (corrected)');
  await expect(mark(page, 0)).toHaveAttribute('data-status', 'stopped');
  await expect(mark(page, 0)).toHaveAccessibleName(/DRUG, stopped/);
  await expect(element(page).locator('[part="status"]')).toContainText('1 edit');
  const statusEdit = {
    kind: 'status',
    start: 0,
    end: 8,
    label: 'DRUG',
    status: 'stopped',
    from: 'active',
  };
  expect(await call(page, () => document.querySelector('med7-ner')!.edits)).toEqual([statusEdit]);
  expect(await page.evaluate(() => window.changes.at(-1)!.edits)).toEqual([statusEdit]);

  // Lasix is an allergy (by the mouse's menu): its row moves to the Allergies table.
  await statusMenu(page, 'Lasix').selectOption('allergy');
  await expect(
    element(page).locator('[part="allergies-table"]').getByRole('combobox'),
  ).toHaveAccessibleName('Status of Lasix (corrected)');
  await expect(mark(page, 21)).toHaveAttribute('data-status', 'allergy');

  expect(await call(page, () => document.querySelector('med7-ner')!.exportAnnotations())).toEqual({
    text: TEXT,
    entities: ENTITIES,
    status: [
      [0, 8, 'stopped'],
      [21, 26, 'allergy'],
      [40, 47, 'stopped'],
    ],
  });
  const json = JSON.parse(
    await call(page, () => document.querySelector('med7-ner')!.exportMedications('json')),
  ) as { drug: { text: string }; status: string; cue: unknown; corrected?: boolean }[];
  expect(json.map((r) => [r.drug.text, r.status, r.cue === null, r.corrected])).toEqual([
    ['Coumadin', 'stopped', true, true],
    ['Lasix', 'allergy', true, true],
    ['Aspirin', 'stopped', false, undefined],
  ]);
  const bundle = JSON.parse(
    await call(page, () => document.querySelector('med7-ner')!.exportMedications('fhir')),
  ) as {
    entry: { resource: { resourceType: string; status?: string; code?: { text: string } } }[];
  };
  expect(
    bundle.entry.map(({ resource }) => [resource.resourceType, resource.status ?? null]),
  ).toEqual([
    ['MedicationStatement', 'stopped'],
    ['AllergyIntolerance', null],
    ['MedicationStatement', 'stopped'],
  ]);
  const csv = await call(page, () => document.querySelector('med7-ner')!.exportMedications('csv'));
  expect(csv.split('\n')[1]).toMatch(/^Coumadin,5 mg,.*,stopped,,/);

  // Undo and redo, with the focus in the element.
  await mark(page, 0).focus();
  await page.keyboard.press('Control+z');
  await expect(statusMenu(page, 'Lasix')).toHaveValue('active');
  await page.keyboard.press('Control+z');
  await expect(statusMenu(page, 'Coumadin')).toHaveValue('active');
  await expect(statusMenu(page, 'Coumadin')).toHaveAccessibleName('Status of Coumadin');
  await expect(mark(page, 0)).not.toHaveAttribute('data-status');
  expect(await call(page, () => document.querySelector('med7-ner')!.edits)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(statusMenu(page, 'Coumadin')).toHaveValue('stopped');

  // Setting it back to the status step's own answer is no edit.
  await statusMenu(page, 'Coumadin').selectOption('active');
  expect(await call(page, () => document.querySelector('med7-ner')!.edits)).toEqual([]);
});

test('a correction goes with its drug: removing the highlight drops it; outside review mode it is marked', async ({
  page,
}) => {
  await showGiven(page);
  await statusMenu(page, 'Coumadin').selectOption('negated');
  await statusMenu(page, 'Lasix').selectOption('held');
  // Remove Lasix's highlight (Delete on it): its correction goes, Coumadin's stays.
  await mark(page, 21).focus();
  await page.keyboard.press('Delete');
  await expect(mark(page, 21)).toHaveCount(0);
  expect(await call(page, () => document.querySelector('med7-ner')!.edits)).toEqual([
    { kind: 'status', start: 0, end: 8, label: 'DRUG', status: 'negated', from: 'active' },
    { kind: 'remove', start: 21, end: 26, label: 'DRUG' },
  ]);
  // The saved review, shown again, has its correction and its edits back.
  const saved = await call(page, () => document.querySelector('med7-ner')!.exportAnnotations());
  await page.evaluate(
    ({ saved, base }) => {
      const element = document.querySelector('med7-ner')!;
      return element.showAnnotations(saved.text, saved.entities, base, saved.status);
    },
    { saved, base: ENTITIES },
  );
  await expect(statusMenu(page, 'Coumadin')).toHaveValue('negated');
  await expect(element(page).locator('[part="status"]')).toContainText('2 edits');
  // Review mode off: no menus; the corrected status is shown as such.
  await page.evaluate(() => (document.querySelector('med7-ner')!.review = false));
  await expect(element(page).getByRole('combobox')).toHaveCount(0);
  const coumadin = element(page).locator('[part="medications-table"] tbody tr').first();
  await expect(coumadin.locator('td.status')).toHaveText('negated (corrected)');
  await expect(mark(page, 0)).toHaveAttribute('data-status', 'negated');
});

test('accessibility: axe finds no violations with the Status menus and a corrected status', async ({
  page,
}) => {
  await showGiven(page);
  await statusMenu(page, 'Coumadin').selectOption('stopped');
  await statusMenu(page, 'Coumadin').focus();
  await expectNoAxeViolations(page, 'with the Status menus');
});
