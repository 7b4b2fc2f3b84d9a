/** Plain-text tables for the terminal. */
import { MED7_LABELS } from '../core/labels.ts';
import type { EvalReport, Scores } from '../core/eval/metrics.ts';
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  type MedicationRecord,
} from '../core/records/group.ts';
import type { Entity } from '../core/types.ts';

function table(rows: string[][], alignRight: readonly boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Shows control characters (newlines, tabs) visibly so one entity stays on one row. */
function visible(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** The `--text` table: one row per entity. */
export function entityTable(entities: readonly Entity[]): string {
  if (entities.length === 0) return '(no entities)';
  const rows = [
    ['start', 'end', 'label', 'score', 'text'],
    ...entities.map((e) => [
      String(e.start),
      String(e.end),
      e.label,
      e.score.toFixed(2),
      visible(e.text),
    ]),
  ];
  return table(rows, [true, true, false, true, false]);
}

/** The `--text --records` table: one row per medication (drug, status, attributes), several spans joined with `; `. */
export function medicationTable(records: readonly MedicationRecord[]): string {
  if (records.length === 0) return '(no medications)';
  const fields = ATTRIBUTE_LABELS.map((label) => ATTRIBUTE_FIELDS[label]);
  const rows = [
    ['drug', 'status', ...fields],
    ...records.map((r) => [
      r.drug ? visible(r.drug.text) : '-',
      r.status,
      ...fields.map((field) => r[field].map((e) => visible(e.text)).join('; ')),
    ]),
  ];
  return table(
    rows,
    rows[0]!.map(() => false),
  );
}

const f = (x: number): string => x.toFixed(3);

function cells(s: Scores): string[] {
  return [f(s.precision), f(s.recall), f(s.f1)];
}

/** The `med7 eval` table: strict and lenient P/R/F1, per label and micro-averaged. */
export function evalTable(report: EvalReport): string {
  const rows = [
    ['', '', '', 'strict', '', '', 'lenient', '', ''],
    ['label', 'gold', 'pred', 'P', 'R', 'F1', 'P', 'R', 'F1'],
  ];
  for (const label of MED7_LABELS) {
    const r = report.perLabel[label];
    rows.push([
      label,
      String(r.strict.gold),
      String(r.strict.predicted),
      ...cells(r.strict),
      ...cells(r.lenient),
    ]);
  }
  const m = report.micro;
  rows.push([
    'micro',
    String(m.strict.gold),
    String(m.strict.predicted),
    ...cells(m.strict),
    ...cells(m.lenient),
  ]);
  return table(rows, [false, true, true, true, true, true, true, true, true]);
}
