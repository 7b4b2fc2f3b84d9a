import { expect, test, type Page } from '@playwright/test';
import { addReviewElement, openPage } from './review-fixture.ts';

const TEXT = 'Lasix 40 mg daily for swelling of both legs, and aspirin 81 mg daily at night.';

/** The viewport point just inside character `offset` of the element's text (labels skipped). */
async function pointAt(page: Page, offset: number): Promise<{ x: number; y: number }> {
  return page.evaluate((offset) => {
    const region = document.querySelector('#under-test')!.shadowRoot!.querySelector('.text')!;
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (node.parentElement?.closest('.label')) continue;
      const length = (node as Text).data.length;
      if (offset >= at && offset < at + length) {
        const range = document.createRange();
        range.setStart(node, offset - at);
        range.setEnd(node, offset - at + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }
      at += length;
    }
    throw new Error(`no character at ${offset}`);
  }, offset);
}

// A real drag of the mouse (not a selection made by script) over plain text between highlights:
// the selection survives the pointer passing highlights' hover handlers, and key 7 labels it.
test('mouse: a real drag selects text between highlights, and a key adds its label at exact offsets', async ({
  page,
}) => {
  await openPage(page);
  await addReviewElement(page, TEXT, { model: 'none' });
  await page.evaluate((text) => {
    document.querySelector('med7-ner')!.showAnnotations(text, [
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [49, 56, 'DRUG'],
    ]);
  }, TEXT);
  await expect(page.locator('#under-test mark')).toHaveCount(3);
  const from = await pointAt(page, 22); // the "s" of "swelling"
  const to = await pointAt(page, 42); // the "s" of "legs": the snap takes the whole word
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('#under-test')).toContainText('Selected “swelling of both legs”');
  await page.keyboard.press('7');
  const record = await page.evaluate(() => document.querySelector('med7-ner')!.exportAnnotations());
  expect(record.entities).toEqual([
    [0, 5, 'DRUG'],
    [6, 11, 'STRENGTH'],
    [22, 43, 'DURATION'],
    [49, 56, 'DRUG'],
  ]);
  expect(TEXT.slice(22, 43)).toBe('swelling of both legs');
});
