/**
 * The `med7` command: `med7 annotate` (JSON Lines in, the same records with entities out) and
 * `med7 eval` (strict and lenient scores against gold). Run through `bin/med7.js`.
 *
 * `med7 annotate` streams: it reads, annotates and writes in groups of records (docs/batch.md),
 * so its memory does not grow with the input, and it runs the model on every core (--jobs).
 *
 * Exit status: 0 done, 1 the model or the run failed, 2 bad usage or bad input (reported with its
 * line number; the records before it are written to standard output, an --output file is left
 * as it was).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toCSV } from '../core/export/csv.ts';
import { toFhirBundle } from '../core/export/fhir.ts';
import { toPlainMedications } from '../core/export/json.ts';
import { evaluate } from '../core/eval/metrics.ts';
import { countWords } from '../core/decode/pretokenize.ts';
import { groupMedications } from '../core/records/group.ts';
import { toTuples } from '../core/decode/tags.ts';
import type { Entity } from '../core/types.ts';
import { DTYPES, isDtype } from '../model/dtype.ts';
import type { Med7Dtype } from '../model/types.ts';
import { openEngine, type Engine } from './engine.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, failureLine, InputError } from './errors.ts';
import { evalTable, entityTable, medicationTable } from './format.ts';
import { readStatusGold, statusEval } from './status-eval.ts';
import {
  annotatedLine,
  parseGold,
  parseRecords,
  parseStream,
  readFileChunks,
  readLines,
  type GoldRecord,
  type InputRecord,
} from './jsonl.ts';
import { Output, STDIO } from './output.ts';
import { ProgressBar, summaryLine } from './progress.ts';
import { errorMessage } from '../core/error-message.ts';

const USAGE = `Usage: med7 <command> [options]

Finds the seven Med7 entities (DRUG, STRENGTH, FORM, ROUTE, DOSAGE, FREQUENCY, DURATION) in text.

Commands:
  annotate   JSON Lines in ({"id", "text", …} per line), the same records out with
             "entities": [[start, end, label], …] (UTF-16 offsets, end exclusive)
  eval       strict and lenient precision, recall and F1 of the model on a gold file;
             with --status, the scores of each drug's status against status gold

Run "med7 <command> --help" for its options.`;

const ANNOTATE_USAGE = `Usage: med7 annotate [--model DIR] [--input FILE] [--output FILE] [--records] [--fhir] [--jobs N] [--dtype auto|int8|q8|fp32] [--quiet]
       med7 annotate [--input FILE] [--output FILE] [--jobs N] --csv
       med7 annotate --text "…" [--records | --fhir | --csv] [--model DIR]

  --input FILE    JSON Lines to read (default, or "-": standard input)
  --output FILE   where to write the annotated JSON Lines (default, or "-": standard output)
  --text "…"      annotate one string and print a table of its entities
  --records       also group the entities per drug: adds "medications": [{"drug", "strength",
                  "form", "route", "dosage", "frequency", "duration"}, …] to each record (each
                  a span {start, end, text}, or a list of them; "drug" null for a sig without
                  one), each with its "status" (allergy, negated, stopped, held, planned,
                  given, active) and the "cue" span that decided it (null for the default
                  active); with --text, prints a table of medications too
  --fhir          adds "fhir" to each record: its FHIR R4 Bundle (one per input record; an
                  allergy as an AllergyIntolerance, every other drug as a MedicationStatement
                  whose status follows the drug's); with --text, prints the Bundle
  --csv           writes the medications table as CSV instead of JSON Lines: one row per
                  medication, an "id" column (the record's "id", else its line number), then
                  drug, strength, form, route, dosage, frequency, duration, status, cue, start, end
  --model DIR     model folder (default: the package's models/med7-compact)
  --dtype auto|int8|q8|fp32
                  the model file: auto (default) takes the folder's choice (the embedded
                  model: int8, integer products); int8 onnx/model_int8.onnx, q8
                  onnx/model_quantized.onnx (int8 weights, float products), fp32 onnx/model.onnx
  --jobs N        cores to use: N model workers (default: every core this process may use)
  --quiet         no progress bar, no summary line
  -h, --help      this help

Every input line must be a JSON object with a string "text"; its other fields are kept byte for
byte. Records are read, annotated and written in groups, in input order, so memory stays flat
however long the input. A bad line stops the run with its line number and exit status 2: on
standard output the records before it have been written (whole lines), an --output file is left
as it was. See docs/batch.md for archives and many machines.`;

const EVAL_USAGE = `Usage: med7 eval GOLD.jsonl [--model DIR] [--json] [--dtype auto|int8|q8|fp32] [--quiet]
       med7 eval GOLD.jsonl --predictions PRED.jsonl [--json]

  GOLD.jsonl      records with "text" and gold "entities" (format of shared/ANNOTATION.md);
                  "-" reads them from standard input
  --json          print the scores as JSON instead of a table
  --status        score each drug's status (shared/STATUS.md): GOLD.jsonl records carry
                  "status": [[start, end, status], …]; reports per-status precision, recall,
                  F1, macro-F1 and accuracy on the gold entities, the safety count (gold
                  allergy/negated/stopped drugs exported active or completed), and end to
                  end (span and status) on the model's entities (or --predictions')
  --predictions PRED.jsonl
                  score these entities instead of running the model (another system's
                  output, e.g. a rule-based labeller): the same records, line for line,
                  with the same "text" and their own "entities" ("-": standard input)
  --model DIR     model folder (default: the package's models/med7-compact)
  --dtype auto|int8|q8|fp32
                  the model file: auto (default) takes the folder's choice (the embedded
                  model: int8, integer products); int8 onnx/model_int8.onnx, q8
                  onnx/model_quantized.onnx (int8 weights, float products), fp32 onnx/model.onnx
  --jobs N        cores to use (default: every core this process may use)
  --quiet         no progress bar, no summary line
  -h, --help      this help

strict: same start, end and label; lenient: overlapping spans with the same label (one-to-one).`;

const COMMON_OPTIONS = {
  model: { type: 'string' },
  dtype: { type: 'string' },
  jobs: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Extra output fields for each annotated record, computed from its text and entities.
 * A flag that adds fields (such as a future `--records` with the medication records of
 * `src/core/records/group.ts`) declares its option in ANNOTATE_OPTIONS and pushes an enricher in
 * `enrichersFor`; reading, batching and writing stay as they are.
 */
export type RecordEnricher = (text: string, entities: readonly Entity[]) => Record<string, unknown>;

const ANNOTATE_OPTIONS = {
  ...COMMON_OPTIONS,
  input: { type: 'string' },
  output: { type: 'string' },
  text: { type: 'string' },
  records: { type: 'boolean' },
  fhir: { type: 'boolean' },
  csv: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type AnnotateValues = ReturnType<typeof parseAnnotate>['values'];

function parseAnnotate(args: string[]) {
  const parsed = parseArgs({
    args,
    options: ANNOTATE_OPTIONS,
    allowPositionals: false,
    strict: true,
    tokens: true,
  });
  rejectRepeats(parsed.tokens);
  return parsed;
}

/**
 * parseArgs keeps only the last value of an option given twice, so `--text A --text B` would
 * annotate B alone; a value given twice is refused instead. A flag given twice means what it
 * means once, so it is let be.
 */
function rejectRepeats(tokens: readonly { kind: string; rawName?: string; value?: unknown }[]) {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined || token.rawName === undefined) {
      continue;
    }
    if (seen.has(token.rawName)) throw new InputError(`${token.rawName} given twice; give it once`);
    seen.add(token.rawName);
  }
}

/** `--records`: the entities grouped into medication records (src/core/records/group.ts). */
export const medicationsEnricher: RecordEnricher = (text, entities) => ({
  medications: toPlainMedications(groupMedications(text, entities)),
});

/** `--fhir`: the record's medications as a FHIR R4 Bundle (src/core/export/fhir.ts). */
export const fhirEnricher: RecordEnricher = (text, entities) => ({
  fhir: toFhirBundle(groupMedications(text, entities)),
});

/** The enrichers the command line asks for. */
function enrichersFor(values: AnnotateValues): RecordEnricher[] {
  if (values.csv === true && (values.records === true || values.fhir === true)) {
    throw new InputError('--csv writes a table of its own; give it without --records and --fhir');
  }
  return [
    ...(values.records === true ? [medicationsEnricher] : []),
    ...(values.fhir === true ? [fhirEnricher] : []),
  ];
}

/** `--csv`: one record's medications as CSV rows, the header before the first record's. */
function csvRows(input: InputRecord, entities: readonly Entity[], first: boolean): string {
  const id = input.record['id'];
  return toCSV(groupMedications(input.text, entities), {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : String(input.line),
    header: first,
  });
}

/** Records per model call are grouped up to this many characters (and MAX_GROUP records). */
const GROUP_CHARS = 50_000;
const MAX_GROUP = 256;

/**
 * Groups records as they come. When the input fails (a bad line), the group read so far is
 * yielded first, so that every record before the bad line is annotated and written.
 */
async function* groups<T extends { text: string }>(
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

function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) {
    throw new InputError(`--jobs must be a whole number of cores from 1, not "${value}"`);
  }
  return Number(value);
}

function dtypeOf(value: string | undefined): Med7Dtype {
  if (value === undefined) return 'auto';
  if (isDtype(value)) return value;
  throw new InputError(`--dtype must be one of ${DTYPES.join(', ')}, not "${value}"`);
}

/** Reads a file, or standard input for `-` or no path. */
async function readInput(path: string | undefined): Promise<{ bytes: Uint8Array; name: string }> {
  if (path !== undefined && path !== STDIO) {
    try {
      return { bytes: await readFile(path), name: path };
    } catch (error) {
      const reason = errorMessage(error);
      throw new InputError(`cannot read ${path}: ${reason}`);
    }
  }
  // Without --input a terminal is most likely a mistake; an explicit "-" reads it, as `cat -` does.
  if (path === undefined && process.stdin.isTTY) {
    throw new InputError(
      'no input: pipe JSON Lines on standard input, or give --input FILE or --text "…"\n\n' +
        ANNOTATE_USAGE,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), name: 'stdin' };
}

/** The input of `med7 annotate` as a stream of chunks, with its size when it is a file. */
async function openInput(
  path: string | undefined,
): Promise<{ chunks: AsyncIterable<Uint8Array>; name: string; size: number | undefined }> {
  if (path !== undefined && path !== STDIO) {
    const info = await stat(path).catch((error: Error) => {
      throw new InputError(`cannot read ${path}: ${error.message}`);
    });
    return {
      chunks: readFileChunks(path),
      name: path,
      size: info.isFile() ? info.size : undefined,
    };
  }
  if (path === undefined && process.stdin.isTTY) {
    throw new InputError(
      'no input: pipe JSON Lines on standard input, or give --input FILE or --text "…"\n\n' +
        ANNOTATE_USAGE,
    );
  }
  return { chunks: process.stdin, name: 'stdin', size: undefined };
}

interface Loaded {
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

async function load(
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
interface Totals {
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
async function analyse<T extends { text: string; bytes?: number }>(
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

function progressBar(quiet: boolean, total: number | undefined): ProgressBar {
  return new ProgressBar(quiet ? { write: () => true } : process.stderr, total, 'records');
}

async function annotate(args: string[]): Promise<number> {
  const { values } = parseAnnotate(args);
  if (values.help === true) {
    process.stdout.write(`${ANNOTATE_USAGE}\n`);
    return EXIT_OK;
  }
  const dtype = dtypeOf(values.dtype);
  const jobs = jobsOf(values.jobs);
  const quiet = values.quiet === true;
  if (values.text !== undefined) {
    if (values.input !== undefined) throw new InputError('give either --text or --input, not both');
    return annotateText(values.text, values, dtype, jobs);
  }
  const enrichers = enrichersFor(values);
  const input = await openInput(values.input);
  const reader = groups(parseStream(readLines(input.chunks, input.name), input.name))[
    Symbol.asyncIterator
  ]();
  // The first group is read before the output is opened and the model loaded: a bad first line
  // (the most common mistake: not JSON Lines at all) leaves everything as it was, at once.
  const first = await reader.next();

  const output = await Output.open(values.output);
  let firstRow = true;
  try {
    const { engine, loadSeconds } = await load(values.model, dtype, jobs);
    try {
      const totals = await analyse(
        engine,
        reader,
        first,
        progressBar(quiet, input.size),
        async (group, results) => {
          let lines = '';
          group.forEach((record, i) => {
            const entities = results[i]!;
            if (values.csv === true) {
              lines += csvRows(record, entities, firstRow);
              firstRow = false;
              return;
            }
            const extra = enrichers.flatMap((enrich) =>
              Object.entries(enrich(record.text, entities)),
            );
            lines += `${annotatedLine(record, [['entities', toTuples(entities)], ...extra])}\n`;
          });
          await output.write(lines);
        },
      );
      await output.close();
      if (!quiet) {
        process.stderr.write(
          `${summaryLine({ command: 'annotate', ...totals, loadSeconds, device: engine.device, dtype: engine.dtype, jobs: engine.kind === 'pool' ? engine.jobs : undefined })}\n`,
        );
      }
    } finally {
      await engine.dispose();
    }
  } catch (error) {
    await output.discard();
    throw error;
  }
  return EXIT_OK;
}

/** `--text`: one string, its entities (and medications) as tables, the model in this thread. */
async function annotateText(
  text: string,
  values: AnnotateValues,
  dtype: Med7Dtype,
  jobs: number | undefined,
): Promise<number> {
  const { engine } = await load(values.model, dtype, jobs ?? 1, 'threads');
  try {
    const [entities = []] = await engine.extractMany([text]);
    if (values.csv === true) {
      process.stdout.write(csvRows({ line: 1, raw: '', record: {}, text }, entities, true));
      return EXIT_OK;
    }
    process.stdout.write(`${entityTable(entities)}\n`);
    if (values.records === true) {
      process.stdout.write(`\n${medicationTable(groupMedications(text, entities))}\n`);
    }
    if (values.fhir === true) {
      const bundle = toFhirBundle(groupMedications(text, entities));
      process.stdout.write(`\n${JSON.stringify(bundle, null, 2)}\n`);
    }
  } finally {
    await engine.dispose();
  }
  return EXIT_OK;
}

async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args,
    options: {
      ...COMMON_OPTIONS,
      json: { type: 'boolean' },
      predictions: { type: 'string' },
      status: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  rejectRepeats(tokens);
  if (values.help === true) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new InputError(
      `med7 eval takes one gold file, got ${positionals.length}\n\n${EVAL_USAGE}`,
    );
  }
  const path = positionals[0]!;
  if (path === STDIO && values.predictions === STDIO) {
    throw new InputError('only one of GOLD and --predictions can be standard input ("-")');
  }
  const { bytes, name } = await readInput(path);
  const gold = parseRecords(bytes, name).map((record) => parseGold(record, name));
  // Scores over no records are all zero, which would read as a real result.
  if (gold.length === 0) throw new InputError(`${name} has no records`);
  if (values.status === true) {
    const statusGold = readStatusGold(gold, name);
    const predicted = await predictedEntities(gold, values);
    process.stdout.write(
      statusEval(statusGold, predicted.entities, values.json === true, {
        gold: path,
        ...predicted.source,
      }),
    );
    return EXIT_OK;
  }
  const output = (report: ReturnType<typeof evaluate>, fields: Record<string, unknown>) => {
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify({ gold: path, ...fields, ...report }, null, 2)}\n`);
    } else {
      process.stdout.write(`${evalTable(report)}\n`);
    }
  };
  if (values.predictions !== undefined) {
    if (values.model !== undefined || values.dtype !== undefined) {
      throw new InputError('--predictions scores a file, so --model and --dtype do not apply');
    }
    const predictions = await readPredictions(values.predictions, gold);
    const report = evaluate(
      gold.map((record) => record.entities),
      predictions.map((record) => record.entities),
    );
    output(report, { predictions: values.predictions, command: 'eval', records: gold.length });
    return EXIT_OK;
  }
  const dtype = dtypeOf(values.dtype);
  const jobs = jobsOf(values.jobs);
  const quiet = values.quiet === true;

  const { engine, loadSeconds } = await load(values.model, dtype, jobs);
  try {
    const predicted: Entity[][] = [];
    const reader = groups(gold)[Symbol.asyncIterator]();
    const totals = await analyse(
      engine,
      reader,
      await reader.next(),
      progressBar(quiet, gold.length),
      async (_group, entities) => {
        predicted.push(...entities);
      },
    );
    const report = evaluate(
      gold.map((record) => record.entities),
      predicted.map((entities) => toTuples(entities)),
    );
    const summary = {
      command: 'eval',
      records: gold.length,
      words: totals.words,
      seconds: totals.seconds,
      loadSeconds,
      device: engine.device,
      dtype: engine.dtype,
    };
    const wordsPerSecond = totals.seconds > 0 ? summary.words / totals.seconds : 0;
    output(report, { model: engine.source, ...summary, wordsPerSecond });
    if (!quiet) {
      process.stderr.write(
        `${summaryLine({ ...summary, cores: totals.cores, jobs: engine.kind === 'pool' ? engine.jobs : undefined })}\n`,
      );
    }
  } finally {
    await engine.dispose();
  }
  return EXIT_OK;
}

/** The entities to score end to end: `--predictions`' or the model's. */
async function predictedEntities(
  gold: readonly GoldRecord[],
  values: { predictions?: string; model?: string; dtype?: string; quiet?: boolean },
): Promise<{ entities: Entity[][]; source: Record<string, unknown> }> {
  if (values.predictions !== undefined) {
    const predictions = await readPredictions(values.predictions, gold);
    return {
      entities: predictions.map((p) =>
        p.entities.map(([start, end, label]) => ({
          start,
          end,
          label,
          text: p.text.slice(start, end),
          score: 1,
        })),
      ),
      source: { predictions: values.predictions },
    };
  }
  const { engine } = await load(values.model, dtypeOf(values.dtype), undefined);
  try {
    const entities = await engine.extractMany(gold.map((record) => record.text));
    return { entities, source: { model: engine.source } };
  } finally {
    await engine.dispose();
  }
}

/**
 * `--predictions`: another system's entities for the gold records, checked like gold (offsets in
 * the text, Med7 labels, sorted, disjoint) and required to be the same records in the same order,
 * so a shifted or edited file cannot be scored against the wrong sentences.
 */
async function readPredictions(path: string, gold: readonly GoldRecord[]): Promise<GoldRecord[]> {
  const { bytes, name } = await readInput(path);
  const predictions = parseRecords(bytes, name).map((record) => parseGold(record, name));
  if (predictions.length !== gold.length) {
    throw new InputError(
      `${name} has ${predictions.length} records but the gold file has ${gold.length}`,
    );
  }
  predictions.forEach((prediction, k) => {
    if (prediction.text !== gold[k]!.text) {
      throw new InputError(
        `${name}, line ${prediction.line}: its "text" differs from the gold record's on line ${gold[k]!.line}`,
      );
    }
  });
  return predictions;
}

/**
 * Ends the run when standard output fails. A closed pipe (`med7 annotate | head`) is not a
 * failure; anything else (a full disk: ENOSPC) is one line on stderr and exit status 1, not an
 * uncaught exception with a stack trace.
 */
function stdoutFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
  process.stderr.write(`med7: cannot write standard output: ${error.message}\n`);
  process.exit(EXIT_FAILURE);
}

/** Runs the command line; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', stdoutFailed);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'annotate':
        return await annotate(rest);
      case 'eval':
        return await evalCommand(rest);
      case undefined:
        process.stderr.write(`${USAGE}\n`);
        return EXIT_BAD_INPUT;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      default:
        throw new InputError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    const usage =
      error instanceof InputError ||
      (error instanceof Error &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = errorMessage(error);
    // A usage message may end with the usage text; a failure is one line.
    process.stderr.write(`med7: ${usage ? message : failureLine(message)}\n`);
    return usage ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}
