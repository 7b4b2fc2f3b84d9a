import { expect, test, type Page } from '@playwright/test';
import { README_ENTITIES, README_SENTENCE } from './helpers.ts';
import {
  addReviewElement,
  selectByMouse,
  expectNoAxeViolations,
  expectOffsetsMatchText,
  focused,
  med7Eval,
  openPage,
  shownTuples,
  tabTo,
  type Tuple,
} from './review-fixture.ts';

// Review mode of <med7-ner> (docs/element.md, "Review"): every edit by mouse and by keyboard alone,
// offsets checked against the text, undo/redo, the viewer without a model, axe, and the export as
// gold for `med7 eval`. The model's output is fixed by a fake worker (./review-fixture.ts) so its
// mistakes are known; one case runs the real model.

const TEXT = 'Aspirin 81 mg daily by mouth. Rest in bed.';
/** The "model": `daily` labelled DURATION (wrong), `bed` a DRUG (false), `by mouth` missed. */
const MODEL: Tuple[] = [
  [0, 7, 'DRUG'],
  [8, 13, 'STRENGTH'],
  [14, 19, 'DURATION'],
  [38, 41, 'DRUG'],
];
/** The reviewed entities: relabel `daily`, remove `bed`, add `by mouth`. */
const GOLD: Tuple[] = [
  [0, 7, 'DRUG'],
  [8, 13, 'STRENGTH'],
  [14, 19, 'FREQUENCY'],
  [20, 28, 'ROUTE'],
];
const EDITS = [
  { kind: 'relabel', start: 14, end: 19, label: 'FREQUENCY', from: 'DURATION' },
  { kind: 'add', start: 20, end: 28, label: 'ROUTE' },
  { kind: 'remove', start: 38, end: 41, label: 'DRUG' },
];

const element = (page: Page) => page.locator('#under-test');
const menu = (page: Page) => element(page).locator('[role="menu"]');
const status = (page: Page) => element(page).locator('[part="status"]');

async function reviewFakeModel(page: Page): Promise<void> {
  await openPage(page);
  await page.evaluate(({ text, model }) => (window.fakeModel[text] = model), {
    text: TEXT,
    model: MODEL,
  });
  await addReviewElement(page, TEXT);
  await expect.poll(() => shownTuples(page)).toEqual(MODEL);
}

const exported = (page: Page) =>
  page.evaluate(() => document.querySelector('med7-ner')!.exportAnnotations());

test('keyboard only: fix a wrong label, remove a false highlight, add a missed one; the export is gold for med7 eval with exactly those edits', async ({
  page,
}) => {
  await reviewFakeModel(page);
  await tabTo(page, (at) => at === '0:7:DRUG');

  // Fix a wrong label: arrows to `daily`, Enter opens the menu with the focus on its label, 6 = FREQUENCY.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toBe('14:19:DURATION');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toBeVisible();
  expect(await focused(page)).toBe('menuitemradio:7 DURATION');
  await page.keyboard.press('6');
  await expect(menu(page)).toHaveCount(0);
  expect(await focused(page)).toBe('14:19:FREQUENCY');
  await expect(element(page).locator('mark[data-start="14"]')).toHaveAttribute(
    'aria-label',
    'daily FREQUENCY, corrected',
  );
  await expect(status(page)).toContainText('1 edit');

  // Remove a false highlight: to `bed`, Enter, End (Remove), Enter; the focus goes to the text.
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toBe('38:41:DRUG');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  expect(await focused(page)).toBe('menuitem:Del Remove');
  await page.keyboard.press('Enter');
  await expect(element(page).locator('mark')).toHaveCount(3);
  expect(await focused(page)).toBe('text');

  // Add a missed one: on the text region the arrows select whole pre-tokens, Shift extends; 4 = ROUTE.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(element(page).locator('[part="review-selection"]')).toContainText('Selected “by”');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(element(page).locator('[part="review-selection"]')).toContainText(
    'Selected “by mouth”',
  );
  await page.keyboard.press('4');
  await expect.poll(() => shownTuples(page)).toEqual(GOLD);
  expect(await focused(page)).toBe('20:28:ROUTE');
  await expectOffsetsMatchText(page, TEXT);
  await expect(status(page)).toContainText('3 edits');

  const changes = await page.evaluate(() => window.changes);
  expect(changes).toHaveLength(3);
  expect(changes[2]!.edits).toEqual(EDITS);
  expect(changes[2]!.entities.map((e) => [e.start, e.end, e.label])).toEqual(GOLD);

  const record = await exported(page);
  expect(record).toEqual({ text: TEXT, entities: GOLD, status: [[0, 7, 'active']] });

  // `med7 eval`: the export is valid gold (scored against itself: all right), and the model's
  // output scored against it misses exactly the edits: 2 of 4 right, one per edit wrong.
  const self = med7Eval(record, record, '--status') as {
    onGoldEntities: { accuracy: number };
  };
  expect(self.onGoldEntities.accuracy).toBe(1);
  const scored = med7Eval(record, { text: TEXT, entities: MODEL }) as {
    micro: { strict: { tp: number; predicted: number; gold: number } };
    perLabel: Record<string, { strict: { tp: number; predicted: number; gold: number } }>;
  };
  expect(scored.micro.strict).toMatchObject({ tp: 2, predicted: 4, gold: 4 });
  const counts = Object.fromEntries(
    Object.entries(scored.perLabel).map(([label, s]) => [
      label,
      [s.strict.tp, s.strict.predicted, s.strict.gold],
    ]),
  );
  expect(counts).toMatchObject({
    DRUG: [1, 2, 1], // `bed` removed
    DURATION: [0, 1, 0], // `daily` relabelled ...
    FREQUENCY: [0, 0, 1], // ... to FREQUENCY
    ROUTE: [0, 0, 1], // `by mouth` added
    STRENGTH: [1, 1, 1],
  });

  // Undo all three, then redo two (Ctrl+Shift+Z and Ctrl+Y).
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect.poll(() => shownTuples(page)).toEqual(MODEL);
  await expect(status(page)).toContainText('0 edits');
  await expect(element(page).locator('mark[data-edited]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => shownTuples(page)).toEqual([MODEL[0], MODEL[1], GOLD[2], MODEL[3]]);
  await page.keyboard.press('Control+y');
  await expect.poll(() => shownTuples(page)).toEqual([MODEL[0], MODEL[1], GOLD[2]]);
  await expect(status(page)).toContainText('2 edits');
  // Nothing ever went to the model but the one text.
  const calls = await page.evaluate(() => window.fakeCalls.map((c) => c.type));
  expect(calls).toEqual(['load', 'extract']);
});

test('mouse: a highlight’s menu relabels and removes, a selection snaps to whole pre-tokens and gets a label; Escape returns the focus', async ({
  page,
}) => {
  await reviewFakeModel(page);
  const mark = (start: number) => element(page).locator(`mark[data-start="${start}"]`);

  await mark(14).click();
  await expect(menu(page)).toBeVisible();
  await expect(menu(page).locator('[role="menuitemradio"]')).toHaveCount(7);
  await expect(menu(page).locator('[aria-checked="true"]')).toHaveText(/DURATION/);
  // Escape closes it and gives the focus back to the highlight.
  await page.keyboard.press('Escape');
  await expect(menu(page)).toHaveCount(0);
  expect(await focused(page)).toBe('14:19:DURATION');

  await mark(14).click();
  await menu(page).getByText('FREQUENCY').click();
  await expect(mark(14)).toHaveAttribute('data-label', 'FREQUENCY');
  await expect(mark(14)).toHaveAttribute('part', /\bmark-edited\b/);

  await mark(38).click();
  await menu(page).getByText('Remove').click();
  await expect(mark(38)).toHaveCount(0);

  // A mouse selection from the `y` of `by` to the `u` of `mouth`, snapped to `by mouth` (20–28).
  // The selection is made through the Selection API and ended by a real mouseup: a drag by
  // page.mouse collapsed in headless Chromium here (with review mode off too), see the report.
  await selectByMouse(page, 21, 26);
  const bar = element(page).locator('[part="review-selection"]');
  await expect(bar).toContainText('Selected “by mouth”');
  await expect(menu(page)).toHaveCount(0); // a selection ending on text opens no menu
  await bar.getByRole('button', { name: 'Add label…' }).click();
  await expect(menu(page)).toHaveAttribute('aria-label', 'Add a label');
  await menu(page).getByText('ROUTE').click();

  await expect.poll(() => shownTuples(page)).toEqual(GOLD);
  await expectOffsetsMatchText(page, TEXT);
  await expect(mark(20)).toHaveAttribute('aria-label', 'by mouth ROUTE, corrected');
  await expect(element(page).locator('mark[data-edited]')).toHaveCount(2);
  await expect(status(page)).toContainText('3 edits');
  // The legend, the medications table and its exports follow the reviewed entities.
  await expect(element(page).locator('[data-label="ROUTE"] .count')).toHaveText('1');
  await expect(element(page).locator('[part~="medications-table"]')).toContainText('by mouth');
  const json = await page.evaluate(() =>
    document.querySelector('med7-ner')!.exportMedications('json'),
  );
  expect(json).toContain('"by mouth"');
  expect(json).not.toContain('"bed"');
  expect(await exported(page)).toEqual({ text: TEXT, entities: GOLD, status: [[0, 7, 'active']] });
  expect(await page.evaluate(() => window.changes.at(-1)!.edits)).toEqual(EDITS);
});

test('viewer: model="none" starts no worker and fetches nothing; given entities are shown as they are, a new text plain', async ({
  page,
}) => {
  // The fake worker factory keeps the demo's own element (removed by openPage) from fetching the
  // model while this test listens; the element under test must not even ask the factory.
  await openPage(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.evaluate(() => {
    const Original = window.Worker;
    (window as unknown as { workersStarted: number }).workersStarted = 0;
    window.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        (window as unknown as { workersStarted: number }).workersStarted++;
      }
    };
  });
  await addReviewElement(page, TEXT, { model: 'none' });
  // Without given entities: the plain text.
  await expect(element(page).locator('.text')).toHaveText(TEXT);
  await expect(element(page).locator('mark')).toHaveCount(0);
  await expect(status(page)).toHaveText('No model: the given entities are shown. · 0 edits');

  // Tuples and Entity objects (their text comes from the text).
  await page.evaluate(() => {
    document.querySelector('med7-ner')!.entities = [
      [0, 7, 'DRUG'],
      { start: 14, end: 19, label: 'FREQUENCY', text: '', score: 1 },
    ];
  });
  await expect
    .poll(() => shownTuples(page))
    .toEqual([
      [0, 7, 'DRUG'],
      [14, 19, 'FREQUENCY'],
    ]);
  await expectOffsetsMatchText(page, TEXT);
  expect(await exported(page)).toEqual({
    text: TEXT,
    entities: [
      [0, 7, 'DRUG'],
      [14, 19, 'FREQUENCY'],
    ],
    status: [[0, 7, 'active']],
  });
  // Overlapping given spans are refused.
  const refused = await page.evaluate(() => {
    try {
      document.querySelector('med7-ner')!.entities = [
        [0, 7, 'DRUG'],
        [5, 10, 'STRENGTH'],
      ];
      return 'accepted';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(refused).toBe('RangeError');

  // A new text drops the given entities: shown plain (there is no model to ask).
  await page.evaluate(() => (document.querySelector('med7-ner')!.text = 'Lasix 40 mg.'));
  await expect(element(page).locator('.text')).toHaveText('Lasix 40 mg.');
  await expect(element(page).locator('mark')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('med7-ner')!.entities)).toEqual([]);

  // showAnnotations: a saved review shown again with its edits counted against its base.
  await page.evaluate(() =>
    document.querySelector('med7-ner')!.showAnnotations(
      'Lasix 40 mg.',
      [
        [0, 5, 'DRUG'],
        [6, 11, 'STRENGTH'],
      ],
      [[0, 5, 'DRUG']],
    ),
  );
  await expect(status(page)).toContainText('1 edit');
  await expect(element(page).locator('mark[data-edited]')).toHaveAttribute('data-start', '6');

  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { workersStarted: number }).workersStarted),
  ).toBe(0);
  expect(await page.evaluate(() => window.fakeWorkers)).toBe(0);
  expect(requests.filter((url) => /worker|\/models\/|\/ort\/|\.onnx|\.wasm/.test(url))).toEqual([]);
});

test('accessibility: axe finds no violations in review mode (edited highlights, a selection, the open menu)', async ({
  page,
}) => {
  await reviewFakeModel(page);
  await page.evaluate(() => {
    const element = document.querySelector('med7-ner')!;
    element.entities = [
      [0, 7, 'DRUG'],
      [8, 13, 'STRENGTH'],
    ];
  });
  await tabTo(page, (at) => at === '0:7:DRUG');
  await page.keyboard.press('Enter');
  await page.keyboard.press('6');
  await page.keyboard.press('Shift+Tab'); // to the text region
  expect(await focused(page)).toBe('text');
  await page.keyboard.press('End');
  await expect(element(page).locator('[part="review-selection"]')).toContainText('Selected “.”');
  await expectNoAxeViolations(page, 'with an edit and a selection');
  await element(page).locator('mark').first().click();
  await expect(menu(page)).toBeVisible();
  await expectNoAxeViolations(page, 'with the menu open');
});

test('the real model: review its entities of the README sentence by keyboard, the export keeps exact offsets', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPage(page, { real: true });
  await addReviewElement(page, README_SENTENCE, { device: 'wasm' });
  await expect(element(page).locator('mark')).toHaveCount(README_ENTITIES.length, {
    timeout: 120_000,
  });
  const model = await page.evaluate(() =>
    document.querySelector('med7-ner')!.entities.map((e): Tuple => [e.start, e.end, e.label]),
  );
  await tabTo(page, (at) => at.endsWith(':DRUG'));
  // DRUG -> FORM (key 3), then remove the next highlight (Delete).
  await page.keyboard.press('Enter');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(element(page).locator('mark')).toHaveCount(README_ENTITIES.length - 1);
  const record = await exported(page);
  // The model's entities with the first (the DRUG) relabelled FORM and the second removed.
  const [drug, , ...rest] = model;
  expect(record.entities).toEqual([[drug![0], drug![1], 'FORM'], ...rest]);
  expect(record.entities.map(([start, end]) => README_SENTENCE.slice(start, end))).toEqual(
    README_ENTITIES.filter((_, i) => i !== 1).map(([, text]) => text),
  );
  expect(record.status).toEqual([]); // no DRUG left
  await expectOffsetsMatchText(page, README_SENTENCE);
});
