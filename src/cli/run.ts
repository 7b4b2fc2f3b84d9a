/**
 * What `med7 annotate` and `med7 eval` share: loading the engine, grouping records per model call,
 * and running the groups through it in input order with progress and totals.
 */
import { countWords } from '../core/decode/pretokenize.ts';
import type { Entity } from '../core/types.ts';
import type { Med7Dtype } from '../model/dtype.ts';
import { openEngine, type Engine } from './engine.ts';
import { InputError } from './errors.ts';
import { ProgressBar } from './progress.ts';

/** Records per model call are grouped up to this many characters (and MAX_GROUP records). */
const GROUP_CHARS = 50_000;
const MAX_GROUP = 256;

/**
 * Groups records as they come. When the input fails (a bad line), the group read so far is
 * yielded first, so that every record before the bad line is annotated and written.
 */
export async function* groups<T extends { text: string }>(
  items: AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<T[]> {
  let current: T[] = [];
  let chars = 0;
  try {
    for await (const item of items) {
      if (
        current.length > 0 &&
        (chars + item.text.length > GROUP_CHARS || current.length >= MAX_GROUP)
      ) {
        yield current;
        current = [];
        chars = 0;
      }
      current.push(item);
      chars += item.text.length;
    }
  } catch (error) {
    if (current.length > 0) yield current;
    throw error;
  }
  if (current.length > 0) yield current;
}

export interface Loaded {
  engine: Engine;
  loadSeconds: number;
}

/**
 * The model runtime is an optional peer dependency of the package (pages that use only the element
 * need no native onnxruntime): without it, say what to install.
 */
function explainMissingRuntime(error: unknown): never {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === 'ERR_MODULE_NOT_FOUND' && /@huggingface\/transformers/.test(String(message))) {
    throw new InputError(
      'the model runtime is not installed: npm install @huggingface/transformers',
    );
  }
  throw error;
}

export async function load(
  modelPath: string | undefined,
  dtype: Med7Dtype,
  jobs: number | undefined,
  kind?: 'threads',
): Promise<Loaded> {
  const started = performance.now();
  const engine = await openEngine({ model: modelPath, dtype, jobs, kind }).catch(
    explainMissingRuntime,
  );
  return { engine, loadSeconds: (performance.now() - started) / 1000 };
}

/** CPU time of this process so far (all its threads, workers included), seconds. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** What a run did, for the summary line. */
export interface Totals {
  records: number;
  words: number;
  seconds: number;
  /** CPU seconds per second of the run: the cores it used. */
  cores: number;
}

/**
 * Runs the model over groups of records as they are read, several groups in flight (two per
 * worker), and hands each group's entities to `each` in input order: the next group is read only
 * when there is room, and `each` (writing, with back-pressure) holds the run up as it must. When
 * the input fails, the groups before the failure are finished and handed on before the error.
 */
export async function analyse<T extends { text: string; bytes?: number }>(
  engine: Engine,
  input: AsyncIterator<T[]>,
  first: IteratorResult<T[]>,
  progress: ProgressBar,
  each: (group: readonly T[], entities: Entity[][]) => Promise<void>,
): Promise<Totals> {
  const started = performance.now();
  const cpu = cpuSeconds();
  const inFlight = engine.kind === 'pool' ? engine.jobs * 2 : 1;
  const pending: { group: T[]; result: Promise<Entity[][]> }[] = [];
  const totals = { records: 0, words: 0, seconds: 0, cores: 0 };
  progress.update(0, 0);
  const finishOne = async (): Promise<void> => {
    const { group, result } = pending.shift()!;
    await each(group, await result);
    totals.records += group.length;
    for (const record of group) totals.words += countWords(record.text);
    progress.update(group.at(-1)!.bytes ?? totals.records, totals.records);
  };
  let failure: unknown;
  let next = first;
  try {
    while (next.done !== true) {
      const group = next.value;
      const result = engine.extractMany(group.map((record) => record.text));
      // A failed group is reported when its turn comes, not as an unhandled rejection meanwhile.
      result.catch(() => undefined);
      pending.push({ group, result });
      if (pending.length >= inFlight) await finishOne();
      next = await input.next();
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    failure = error;
  }
  while (pending.length > 0) await finishOne();
  progress.clear();
  if (failure !== undefined) throw failure;
  totals.seconds = (performance.now() - started) / 1000;
  totals.cores = totals.seconds > 0 ? (cpuSeconds() - cpu) / totals.seconds : 0;
  return totals;
}

export function progressBar(quiet: boolean, total: number | undefined): ProgressBar {
  return new ProgressBar(quiet ? { write: () => true } : process.stderr, total, 'records');
}
