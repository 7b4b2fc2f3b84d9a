import { groupMedications, type MedicationRecord } from '../../core/records/group.ts';
import type { Entity } from '../../core/types.ts';
import { abortError } from '../../worker/client.ts';
import { toChunks, toSegments, type Chunk } from './highlight-segments.ts';
import { recordIndexBySpan } from './medications.ts';
import { LONG_TEXT } from './render-parts.ts';

/** Characters per block of a long text. */
const CHUNK_SIZE = 4_000;

/** An analysed text, ready to be shown. */
export interface Analysis {
  text: string;
  entities: Entity[];
  /** Milliseconds the model took. */
  ms: number;
  /** The entities grouped per drug (see `groupMedications`). */
  records: MedicationRecord[];
  /** The index of each entity's record, by `spanKey`. */
  recordOf: Map<string, number>;
  /** A long text's blocks (./long-text-controller.ts), made ahead; undefined for a short text. */
  chunks: Chunk[] | undefined;
}

export const NOTHING_SHOWN: Analysis = {
  text: '',
  entities: [],
  ms: 0,
  records: [],
  recordOf: new Map(),
  chunks: undefined,
};

/** Resolves after `ms` (0: in a task of its own, so the page gets a turn); rejects on abort. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * What the element shows for `entities` of `text`: their medication records and, for a long text,
 * its blocks. A long text's steps each run in a task of their own (tens of thousands of entities).
 */
export async function present(
  text: string,
  entities: Entity[],
  ms: number,
  signal: AbortSignal,
): Promise<Analysis> {
  const long = text.length >= LONG_TEXT;
  if (long) await pause(0, signal);
  const records = groupMedications(text, entities);
  if (long) await pause(0, signal);
  const recordOf = recordIndexBySpan(records);
  let chunks: Chunk[] | undefined;
  if (long) {
    await pause(0, signal);
    chunks = toChunks(toSegments(text, entities), CHUNK_SIZE);
    await pause(0, signal);
  }
  return { text, entities, ms, records, recordOf, chunks };
}
