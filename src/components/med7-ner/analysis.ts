import {
  groupMedicationSteps,
  recordEntities,
  type MedicationRecord,
} from '../../core/records/group.ts';
import { runSteps } from '../../core/records/steps.ts';
import {
  NO_CORRECTIONS,
  applyCorrections,
  type StatusCorrections,
} from '../../core/review/statuses.ts';
import type { Entity } from '../../core/types.ts';
import { abortError } from '../../worker/client.ts';
import { toChunks, toSegments, type Chunk } from './highlight-segments.ts';
import { spanKey } from './medications.ts';
import { LONG_TEXT } from './render-parts.ts';

/** Characters per block of a long text. */
const CHUNK_SIZE = 4_000;
/** Milliseconds of work a long text's steps may take before the page gets a turn. */
const STEP_BUDGET_MS = 25;

/** An analysed text, ready to be shown. */
export interface Analysis {
  text: string;
  entities: Entity[];
  /** Milliseconds the model took. */
  ms: number;
  /** The entities grouped per drug (see `groupMedications`), with a reviewer's status corrections. */
  records: MedicationRecord[];
  /** The index of each entity's record, by `spanKey`. */
  recordOf: Map<string, number>;
  /** A long text's blocks (./long-text-controller.ts), made ahead; undefined for a short text. */
  chunks: Chunk[] | undefined;
  /** Where the entities come from: the model, given ones (or review edits), or none (`model="none"`). */
  source: AnalysisSource;
}

export type AnalysisSource = 'model' | 'given' | 'none';

export const NOTHING_SHOWN: Analysis = {
  text: '',
  entities: [],
  ms: 0,
  records: [],
  recordOf: new Map(),
  chunks: undefined,
  source: 'none',
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
 * its blocks. A long text's work is spread over tasks of about `STEP_BUDGET_MS` each (a 1 MB note
 * has ~43,000 entities: in one task its records alone blocked the page for a few hundred ms).
 */
export async function present(
  text: string,
  entities: Entity[],
  ms: number,
  signal: AbortSignal,
  source: AnalysisSource = 'model',
  statuses: StatusCorrections = NO_CORRECTIONS,
): Promise<Analysis> {
  const steps = presentSteps(text, entities, ms, source, statuses);
  if (text.length < LONG_TEXT) return runSteps(steps);
  let since = performance.now();
  await pause(0, signal);
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      await pause(0, signal);
      return step.value;
    }
    if (performance.now() - since > STEP_BUDGET_MS) {
      await pause(0, signal);
      since = performance.now();
    }
  }
}

/** Records indexed between two yields. */
const RECORDS_PER_STEP = 500;

function* presentSteps(
  text: string,
  entities: Entity[],
  ms: number,
  source: AnalysisSource,
  statuses: StatusCorrections,
): Generator<void, Analysis> {
  const records = applyCorrections(yield* groupMedicationSteps(text, entities), statuses);
  // For each entity (by `spanKey`), the index of the record that holds it.
  const recordOf = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    for (const entity of recordEntities(record)) recordOf.set(spanKey(entity), i);
    if ((i + 1) % RECORDS_PER_STEP === 0) yield;
  }
  if (text.length < LONG_TEXT)
    return { text, entities, ms, records, recordOf, chunks: undefined, source };
  yield;
  const segments = toSegments(text, entities);
  yield;
  const chunks = toChunks(segments, CHUNK_SIZE);
  return { text, entities, ms, records, recordOf, chunks, source };
}

/** The blocks of a long text (./long-text-controller.ts) with `entities` in them. */
export function blocksOf(text: string, entities: readonly Entity[]): Chunk[] {
  return toChunks(toSegments(text, entities), CHUNK_SIZE);
}
