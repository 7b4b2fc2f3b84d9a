/**
 * `med7 eval`: strict and lenient scores of the model (or of `--predictions`) against gold, or with
 * `--status` the scores of each drug's status (src/cli/status-eval.ts).
 */
import { parseArgs } from 'node:util';
import { toTuples } from '../core/decode/tags.ts';
import { evaluate } from '../core/eval/metrics.ts';
import type { Entity } from '../core/types.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { evalTable } from './format.ts';
import { readInput } from './input.ts';
import { parseGold, parseRecords, type GoldRecord } from './jsonl.ts';
import { COMMON_OPTIONS, dtypeOf, jobsOf, rejectRepeats } from './options.ts';
import { STDIO } from './output.ts';
import { summaryLine } from './progress.ts';
import { analyse, groups, load, progressBar } from './run.ts';
import { readStatusGold, statusEval } from './status-eval.ts';
import { EVAL_USAGE } from './usage.ts';

export async function evalCommand(args: string[]): Promise<number> {
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
