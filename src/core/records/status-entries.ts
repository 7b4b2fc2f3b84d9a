/**
 * A record system's own word for an entry's status, in a note pasted from it: a `Status:` field
 * under the drug (`Medication: Warfarin 5 mg⏎Status: Discontinued`), a table's status cell
 * (`Glipizide   5 mg   PO   daily   Discontinued`) or the remark an export adds to a list's line
 * (`(Patient not taking: Reported on 10/12/2023)`). Where one stands, it is the drug's status.
 */
import type { Entity } from '../types.ts';
import type { CuedStatus, MedicationStatus } from './status-types.ts';
import { cueOf } from './status-context.ts';
import { opensSection } from './status-lines.ts';
import { lowerBound } from './status-triggers.ts';

/** The values a status field or cell takes, and the status each means. */
const VALUES: readonly [RegExp, MedicationStatus][] = [
  // A cancelled order was never given.
  [/^(?:not taking|never started|not started|refused|declined|cancell?ed)$/i, 'negated'],
  [
    /^(?:discontinued?|stop(?:ped)?|inactive|expired|completed|ended|removed|weaned(?: off)?)$/i,
    'stopped',
  ],
  [/^(?:on hold|hold|held|suspended|paused)$/i, 'held'],
  [/^(?:pending|planned|not yet started)$/i, 'planned'],
  [/^(?:given|administered)$/i, 'given'],
  // A reconciliation's actions too: `Continue`, `New`.
  [/^(?:active|taking|current|continued?|ongoing|new|filled)$/i, 'active'],
];
/** A field line: `Status: Discontinued`, `Medication Status: On hold 03/01/2024`. */
const FIELD = /^[ \t]*(?:(?:Medication|Order|Prescription|Rx) )?Status[ \t]*[:=][ \t]*/i;
/** What may follow a value in its field or cell: a date, a time, who and when (`on 3/2 by …`). */
const VALUE_TAIL = /(?:[ \t]+(?:on|by|since|as of|at)\b.*|[ \t]*[\d(-].*)$/i;
/** A table's cells: set apart by a tab, a run of two spaces or more (no-break too), or a bar. */
const CELL_GAP = /\t+|[ \u00a0]{2,}|\s\|\s/;
/** An export's remark on a list's line: `(Patient not taking: …)`, `(Patient taking differently: …)`. */
const REMARK = /\((?:patient|pt) (not taking|taking differently)\b/gi;
/** The start of a list's line before its first word: a bullet, a number, a bar. */
const LINE_LEAD = /^[ \t]*(?:[-*•+–|]\s*|\d{1,2}[.)]\s*)?/;

/** A status and what may follow it fit in this many characters; a longer text is cut first. */
const LONGEST_VALUE = 60;
/** The word of a field's or a cell's text, without a date or a signature after it. */
const valueWord = (value: string): string =>
  value.trim().slice(0, LONGEST_VALUE).replace(VALUE_TAIL, '').trim();
/** The status a field's or a cell's text names, or none. */
const valueStatus = (value: string): MedicationStatus | undefined =>
  VALUES.find(([re]) => re.test(valueWord(value)))?.[1];

/** The status each drug's entry names for it, with the value as the cue; `drugs` sorted by start. */
export function entryStatuses(text: string, drugs: readonly Entity[]): Map<Entity, CuedStatus> {
  const found = new Map<Entity, CuedStatus>();
  if (!text.includes('\n') && !text.includes('\t')) return found;
  // The drugs whose start lies in [from, to).
  const drugsIn = (from: number, to: number): Entity[] => {
    const out: Entity[] = [];
    for (let i = lowerBound(drugs.length, (k) => drugs[k]!.start >= from); i < drugs.length; i++) {
      if (drugs[i]!.start >= to) break;
      out.push(drugs[i]!);
    }
    return out;
  };
  const set = (targets: Entity[], status: MedicationStatus, start: number, end: number): void => {
    for (const drug of targets) {
      if (!found.has(drug)) found.set(drug, { status, cue: cueOf(text, start, end) });
    }
  };
  let blockStart = 0;
  let at = 0;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    if (line.trim() === '') {
      blockStart = at;
      continue;
    }
    const field = FIELD.exec(line);
    if (field) {
      // A field governs the drugs of its entry: the lines above it, up to a blank line.
      const value = line.slice(field[0].length);
      const status = valueStatus(value);
      const start = lineStart + field[0].length;
      if (status)
        set(drugsIn(blockStart, lineStart), status, start, start + valueWord(value).length);
      blockStart = at;
      continue;
    }
    // Another section's label (`Problem: Hypertension`) starts another entry.
    if (opensSection(line)) blockStart = lineStart;
    const onLine = drugsIn(lineStart, lineStart + line.length);
    const first = onLine[0];
    if (first === undefined) continue;
    // A list's line that starts with its drug may end with an export's remark.
    if (first.start === lineStart + LINE_LEAD.exec(line)![0].length) {
      for (const remark of line.matchAll(REMARK)) {
        const start = lineStart + remark.index;
        const before = onLine.filter((d) => d.end <= start);
        const status = remark[1]!.toLowerCase() === 'not taking' ? 'negated' : 'active';
        set(before, status, start + 1, start + remark[0].length);
      }
    }
    // A table's row (its drug in any cell: `03/04    Senna    8.6 mg    Given`).
    if (!/\t|[ \u00a0]{2,}\S| \| /.test(line.trimEnd())) continue;
    // A cell after the drug's own that names a status.
    let offset = 0;
    for (const cell of line.split(CELL_GAP)) {
      const cellStart = line.indexOf(cell, offset);
      offset = cellStart + cell.length;
      if (lineStart + cellStart <= first.start) continue;
      const status = valueStatus(cell);
      if (status) {
        const start = lineStart + cellStart + cell.search(/\S/);
        set(onLine, status, start, start + valueWord(cell).length);
        break;
      }
    }
  }
  return found;
}
