/**
 * Scores the model where issue #34 asks: DRUG recall per status context (allergy, stopped, held,
 * planned, negated, …) on the status gold, beside the usual per-label table, the stray DRUGs on
 * each set, and the share of medication-free sentences with any entity.
 *
 *   npx tsx scripts/eval-contexts.ts [NAME=FILE[,FILE…] …] [--quiet FILE] [--model DIR]
 *                                    [--dtype int8|q8|fp32|auto] [--json]
 *
 * Sets default to `status-dev` (every gold/status-dev*.jsonl pooled) and `status-test`
 * (gold/status-test.jsonl); a set without `status` gets no context table. `--quiet FILE` takes
 * JSON Lines of medication-free sentences (`(cd training && python3 -m med7_train.quiet_sentences)`,
 * the same sentences training/eval.sh counts). Only totals are printed, never single sentences, so
 * held-out parts can be scored without reading their errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  drugRecallByStatus,
  strayDrugs,
  strayRate,
  type ContextRecall,
  type StrayDrugs,
  type StrayRate,
} from '../src/core/eval/contexts.ts';
import { evaluate, type EvalReport } from '../src/core/eval/metrics.ts';
import type { StatusTuple } from '../src/core/eval/status-eval.ts';
import { MED7_LABELS } from '../src/core/labels.ts';
import { MEDICATION_STATUSES } from '../src/core/records/status.ts';
import type { EntityTuple } from '../src/core/types.ts';
import { isDtype } from '../src/model/dtype.ts';
import { loadMed7Model, type Med7Model } from '../src/model/index.ts';

interface GoldLine {
  text: string;
  entities?: EntityTuple[];
  status?: StatusTuple[];
}

interface SetReport {
  name: string;
  files: string[];
  eval: EvalReport;
  contexts?: ContextRecall;
  stray: StrayDrugs;
}

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quiet: { type: 'string' },
    model: { type: 'string' },
    dtype: { type: 'string', default: 'int8' },
    json: { type: 'boolean' },
  },
});
if (!isDtype(values.dtype))
  throw new Error(`--dtype must be int8, q8, fp32 or auto, not ${values.dtype}`);

const readJsonl = (path: string): GoldLine[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldLine);

function defaultSets(): [string, string[]][] {
  const gold = join(root, 'gold');
  const dev = readdirSync(gold)
    .filter((f) => /^status-dev(-[a-z])?\.jsonl$/.test(f))
    .sort()
    .map((f) => join('gold', f));
  return [
    ['status-dev', dev],
    ['status-test', ['gold/status-test.jsonl']],
  ];
}

const sets: [string, string[]][] =
  positionals.length > 0
    ? positionals.map((arg) => {
        const [name, files] = arg.includes('=') ? arg.split('=', 2) : [arg, arg];
        return [name!, files!.split(',')];
      })
    : defaultSets();

const tuples = (entities: { start: number; end: number; label: string }[]): EntityTuple[] =>
  entities.map((e) => [e.start, e.end, e.label] as EntityTuple);

async function scoreSet(model: Med7Model, name: string, files: string[]): Promise<SetReport> {
  const records = files.flatMap((f) => readJsonl(resolve(root, f)));
  const gold = records.map((r) => r.entities ?? []);
  const pred = (await model.extractMany(records.map((r) => r.text))).map(tuples);
  const withStatus = records.every((r) => Array.isArray(r.status));
  return {
    name,
    files,
    eval: evaluate(gold, pred),
    contexts: withStatus
      ? drugRecallByStatus(
          records.map((r) => r.status ?? []),
          pred,
        )
      : undefined,
    stray: strayDrugs(gold, pred),
  };
}

const f3 = (x: number): string => x.toFixed(3);
const share = (a: number, b: number): string => (b === 0 ? '–' : f3(a / b));

function printSet(r: SetReport): void {
  const m = r.eval.micro;
  console.log(`\n## ${r.name} (${r.eval.records} records: ${r.files.join(', ')})\n`);
  console.log('| label | gold | strict P | strict R | strict F1 | lenient F1 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const label of MED7_LABELS) {
    const s = r.eval.perLabel[label];
    if (s.strict.gold === 0 && s.strict.predicted === 0) continue;
    console.log(
      `| ${label} | ${s.strict.gold} | ${f3(s.strict.precision)} | ${f3(s.strict.recall)} | ${f3(s.strict.f1)} | ${f3(s.lenient.f1)} |`,
    );
  }
  console.log(
    `| **all** | ${m.strict.gold} | ${f3(m.strict.precision)} | ${f3(m.strict.recall)} | **${f3(m.strict.f1)}** | ${f3(m.lenient.f1)} |`,
  );
  console.log(
    `\nStray DRUGs (over no gold DRUG): ${r.stray.stray} in ${r.stray.records} records, ${r.stray.onOtherEntity} of them on a gold entity of another label.`,
  );
  if (!r.contexts) return;
  console.log('\n| status context | gold DRUGs | recall strict | recall lenient |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const status of MEDICATION_STATUSES) {
    const c = r.contexts.byStatus[status];
    if (c.gold === 0) continue;
    console.log(
      `| ${status} | ${c.gold} | ${share(c.strict, c.gold)} | ${share(c.lenient, c.gold)} |`,
    );
  }
  const a = r.contexts.all;
  console.log(`| **all** | ${a.gold} | ${share(a.strict, a.gold)} | ${share(a.lenient, a.gold)} |`);
}

function printQuiet(q: StrayRate, file: string): void {
  console.log(`\n## medication-free sentences (${file})\n`);
  console.log(
    `${q.withEntity} of ${q.sentences} sentences with an entity (${(100 * q.rate).toFixed(2)} %), ` +
      `${q.withDrug} with a DRUG; ${q.entities} entities in all.`,
  );
}

const model = await loadMed7Model({ model: values.model, dtype: values.dtype, device: 'cpu' });
try {
  const reports: SetReport[] = [];
  for (const [name, files] of sets) reports.push(await scoreSet(model, name, files));
  let quiet: StrayRate | undefined;
  if (values.quiet) {
    const texts = readJsonl(resolve(values.quiet)).map((r) => r.text);
    quiet = strayRate((await model.extractMany(texts)).map(tuples));
  }
  if (values.json) {
    console.log(
      JSON.stringify({ model: model.source, dtype: model.dtype, sets: reports, quiet }, null, 1),
    );
  } else {
    console.log(`model ${model.source}, ${model.dtype}`);
    reports.forEach(printSet);
    if (quiet && values.quiet) printQuiet(quiet, values.quiet);
  }
} finally {
  await model.dispose();
}
