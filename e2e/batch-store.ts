/** The demo's batch documents as IndexedDB holds them, and a status correction (for e2e/demo-review.spec.ts). */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Entity } from '../src/core/types.ts';

export type Dump = {
  id: string;
  text: string;
  entities: [number, number, string][] | null;
  review: string;
  edits: unknown[];
}[];

/** The documents in IndexedDB, in batch order, entities as `[start, end, label]`. */
export function dump(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('med7-demo');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('documents').objectStore('documents').getAll();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            type Row = {
              order: number;
              doc: Omit<Dump[number], 'entities'> & { entities: Entity[] | null };
            };
            const rows = (get.result as Row[]).sort((a, b) => a.order - b.order);
            open.result.close();
            resolve(
              rows.map(({ doc }) => ({
                id: doc.id,
                text: doc.text,
                entities:
                  doc.entities?.map((e): [number, number, string] => [e.start, e.end, e.label]) ??
                  null,
                review: doc.review,
                edits: doc.edits,
              })),
            );
          };
        };
      }),
  );
}

/**
 * Selects the first document after the second with a drug and corrects its first drug's status
 * in the review element's Medications table (to `stopped`, or `negated` where it is `stopped`).
 */
export async function correctFirstStatus(
  page: Page,
  review: Locator,
): Promise<{ index: number; status: string; menu: Locator }> {
  const index = (await dump(page)).findIndex(
    (d, i) => i > 1 && (d.entities ?? []).some(([, , label]) => label === 'DRUG'),
  );
  await page.locator(`#batch-doc-${index}`).click();
  const menu = review.locator('[part="status-select"]').first();
  const status = (await menu.inputValue()) === 'stopped' ? 'negated' : 'stopped';
  await menu.selectOption(status);
  await expect(page.locator(`#batch-doc-${index}`)).toHaveAttribute('data-review', 'edited');
  return { index, status, menu };
}

/** A document's exported record has the status its review `edit` set, in `status` and its medications. */
export function expectCorrected(record: Record<string, unknown>, edit: unknown): void {
  const { start, end, status } = edit as { start: number; end: number; status: string };
  expect(record['status']).toContainEqual([start, end, status]);
  const medications = record['medications'] as { drug: { start: number } | null }[];
  expect(medications.find((m) => m.drug?.start === start)).toMatchObject({
    status,
    corrected: true,
  });
}
