/** `med7 eval --status`: status gold read and checked, and the report as a table or JSON. */
import { isMedicationStatus, MEDICATION_STATUSES } from '../core/records/status.ts';
import {
  scoreStatusEndToEnd,
  scoreStatusOnGold,
  type EndToEndReport,
  type SafetyCase,
  type StatusGoldRecord,
  type StatusReport,
  type StatusTuple,
} from '../core/eval/status-eval.ts';
import type { Entity } from '../core/types.ts';
import { InputError } from './errors.ts';
import type { GoldRecord } from './jsonl.ts';

/**
 * The `status` of each gold record: one `[start, end, status]` per gold DRUG, with the DRUG's own
 * offsets, in the same order (STATUS.md's file format).
 */
export function readStatusGold(gold: readonly GoldRecord[], name: string): StatusGoldRecord[] {
  return gold.map((record) => {
    const where = `${name}, line ${record.line}`;
    const raw = record.record['status'];
    if (!Array.isArray(raw)) throw new InputError(`${where}: a status gold record needs "status"`);
    const drugs = record.entities.filter(([, , label]) => label === 'DRUG');
    if (raw.length !== drugs.length) {
      throw new InputError(
        `${where}: "status" has ${raw.length} items but the record has ${drugs.length} DRUG entities`,
      );
    }
    const status = raw.map((item: unknown, k): StatusTuple => {
      const drug = drugs[k]!;
      if (
        !Array.isArray(item) ||
        item.length !== 3 ||
        item[0] !== drug[0] ||
        item[1] !== drug[1] ||
        !isMedicationStatus(item[2])
      ) {
        throw new InputError(
          `${where}: status ${k + 1} ${JSON.stringify(item)} is not [${drug[0]}, ${drug[1]}, one of ${MEDICATION_STATUSES.join('|')}]`,
        );
      }
      return [drug[0], drug[1], item[2]];
    });
    const id = record.record['id'];
    return {
      ...(typeof id === 'string' && { id }),
      text: record.text,
      entities: record.entities,
      status,
    };
  });
}

const f = (x: number): string => x.toFixed(3);

function safetyLines(cases: readonly SafetyCase[]): string[] {
  return cases.map(
    (c) =>
      `  ${c.id ?? '?'}  ${JSON.stringify(c.drug)} at ${c.start}: gold ${c.gold}, got ${c.predicted}`,
  );
}

/** How many drugs no cue decided (`active` by default), and what their gold says they are. */
function uncuedLine(report: StatusReport): string {
  const { total, byGold } = report.uncued;
  const others = MEDICATION_STATUSES.filter((s) => s !== 'active' && byGold[s] > 0)
    .map((s) => `${s} ${byGold[s]}`)
    .join(', ');
  return `left at the default (no cue, so active): ${total} of ${report.total}, ${byGold.active} active by gold${others === '' ? '' : `; the others ${others}`}`;
}

/** The report as a plain-text table. */
export function statusTable(report: StatusReport, endToEnd: EndToEndReport): string {
  const rows = [
    ['status', 'precision', 'recall', 'f1', 'gold', 'predicted'],
    ...MEDICATION_STATUSES.map((s) => {
      const v = report.perStatus[s];
      return [s, f(v.precision), f(v.recall), f(v.f1), String(v.gold), String(v.predicted)];
    }),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
  return [
    'On gold entities:',
    ...lines,
    `macro-F1 ${f(report.macroF1)}  accuracy ${f(report.accuracy)} (${report.correct} of ${report.total})`,
    `safety count ${report.safety.length} (gold allergy/negated/stopped exported active or completed)`,
    ...safetyLines(report.safety),
    uncuedLine(report),
    '',
    `End to end (span and status): precision ${f(endToEnd.precision)}  recall ${f(endToEnd.recall)}  f1 ${f(endToEnd.f1)} (${endToEnd.correct} right; ${endToEnd.gold} gold, ${endToEnd.predicted} predicted)`,
    `end-to-end safety count ${endToEnd.safety.length}`,
    ...safetyLines(endToEnd.safety),
  ].join('\n');
}

/** Scores the status step; returns what to print (a table, or JSON with `fields` first). */
export function statusEval(
  gold: readonly StatusGoldRecord[],
  predicted: readonly (readonly Entity[])[],
  json: boolean,
  fields: Record<string, unknown>,
): string {
  const report = scoreStatusOnGold(gold);
  const endToEnd = scoreStatusEndToEnd(gold, predicted);
  if (json) {
    return `${JSON.stringify({ ...fields, command: 'eval --status', records: gold.length, onGoldEntities: report, endToEnd }, null, 2)}\n`;
  }
  return `${statusTable(report, endToEnd)}\n`;
}
