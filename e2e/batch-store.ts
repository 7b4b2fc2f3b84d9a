/** The demo's batch documents as IndexedDB holds them (for e2e/demo-review.spec.ts). */
import type { Page } from '@playwright/test';
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
