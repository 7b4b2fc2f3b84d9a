/**
 * `med7 annotate`: JSON Lines in, the same records out with their entities (and, on request, their
 * medications, FHIR Bundle or CSV rows), streamed in groups (docs/batch.md); or one `--text`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toCSV } from '../core/export/csv.ts';
import { toFhirBundle } from '../core/export/fhir.ts';
import { toPlainMedications } from '../core/export/json.ts';
import { groupMedications } from '../core/records/group.ts';
import { toTuples } from '../core/decode/tags.ts';
import type { Entity } from '../core/types.ts';
import type { Med7Dtype } from '../model/dtype.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { entityTable, medicationTable } from './format.ts';
import { createHeapBudget, HEAP_MARGIN } from './heap-budget.ts';
import { openInput } from './input.ts';
import { annotatedLine, parseStream, readLines, type InputRecord } from './jsonl.ts';
import { COMMON_OPTIONS, dtypeOf, jobsOf, rejectRepeats } from './options.ts';
import { Output } from './output.ts';
import { summaryLine } from './progress.ts';
import { analyse, groups, load, progressBar } from './run.ts';
import { ANNOTATE_USAGE } from './usage.ts';

/**
 * Extra output fields for each annotated record, computed from its text and entities. A flag that
 * adds fields (`--records`, `--fhir`) declares its option in ANNOTATE_OPTIONS and pushes an
 * enricher in `enrichersFor`; reading, batching and writing stay as they are.
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

export async function annotate(args: string[]): Promise<number> {
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
    // With the model in workers this thread only parses and writes: it keeps its heap small too
    // (12 MB less at the peak of 2,612 notes). With the model here it is left to V8, a little faster.
    const heap = engine.kind === 'pool' ? createHeapBudget(HEAP_MARGIN) : undefined;
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
          heap?.settle();
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
export async function annotateText(
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
