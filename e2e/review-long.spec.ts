import { expect, test } from '@playwright/test';
import { addReviewElement, openPage } from './review-fixture.ts';

// A text of 20,000 characters or more is drawn in blocks by the long-text path: in review mode its
// corrected highlights must look and be named as corrected there too.
test('review mode on a long text: a corrected highlight is drawn and named as corrected', async ({
  page,
}) => {
  await openPage(page);
  const text = 'Lasix 40 mg daily. '.repeat(1_100); // 20,900 characters, one line
  await addReviewElement(page, text, { model: 'none' });
  await page.evaluate(
    (text) =>
      document.querySelector('med7-ner')!.showAnnotations(
        text,
        [
          [0, 5, 'DRUG'],
          [6, 11, 'DOSAGE'],
        ],
        [
          [0, 5, 'DRUG'],
          [6, 11, 'STRENGTH'],
        ],
      ),
    text,
  );
  const marks = page.locator('#under-test mark');
  await expect(marks).toHaveCount(2);
  const edited = page.locator('#under-test mark[data-edited]');
  await expect(edited).toHaveCount(1);
  await expect(edited).toHaveAttribute('data-start', '6');
  await expect(edited).toHaveAttribute('aria-label', /DOSAGE, corrected$/);
  await expect(marks.first()).not.toHaveAttribute('data-edited', /.*/);
});
