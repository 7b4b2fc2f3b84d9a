/**
 * The batch's documents in IndexedDB (database `med7-demo`, store `documents`), so a reload finds
 * them as they were: texts, entities, edits and review state, in their order. Only this page's
 * origin can read them; "Forget all" deletes them.
 */
import type { BatchDoc } from './documents.ts';

const DB = 'med7-demo';
const STORE = 'documents';

interface Row {
  order: number;
  doc: BatchDoc;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export class DocumentStore {
  #db: Promise<IDBDatabase> | undefined;

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'doc.id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.#db;
  }

  /** Every stored document, in batch order. */
  async load(): Promise<BatchDoc[]> {
    const db = await this.#open();
    const rows = await request<Row[]>(db.transaction(STORE).objectStore(STORE).getAll());
    return rows.sort((a, b) => a.order - b.order).map((row) => row.doc);
  }

  /** Writes `docs` (each at its position `order(doc)`) in one transaction. */
  async save(docs: readonly BatchDoc[], order: (doc: BatchDoc) => number): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const doc of docs) store.put({ order: order(doc), doc } satisfies Row);
    await done(tx);
  }

  /** Deletes every document. */
  async clear(): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).clear();
    await done(tx);
  }
}
