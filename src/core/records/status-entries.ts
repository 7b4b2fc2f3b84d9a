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
import { DRUG_HARM, REACTION, SIDE_EFFECT } from './status-vocabulary.ts';
import { statusOfWord } from './status-words.ts';

/** A field line: `Status: Discontinued`, `Medication Status: On hold 03/01/2024`. */
const FIELD = /^[ \t]*(?:(?:Medication|Order|Prescription|Rx) )?Status[ \t]*[:=][ \t]*/i;
/** What may follow a value in its field or cell: a date, a time, who and when (`on 3/2 by …`). */
const VALUE_TAIL = /(?:[ \t]+(?:on|by|since|as of|at)\b.*|[ \t]*[\d(-].*)$/i;
/** A table's row: cells set apart by a tab, a run of two spaces or more (no-break too), or a bar. */
const TABLE_LINE = /\t|[ \u00a0]{2,}\S| \| /;
/** A side effect named as the reason a drug was stopped (`Reason stopped: Insomnia, anxiety`). */
const SIDE_EFFECT_NAMED = new RegExp(`\\b(?:${REACTION}|${SIDE_EFFECT}|${DRUG_HARM})\\b`, 'i');
/**
 * Columns whose cells tell the status by their header: `Taking?` (`Yes` or `No`) and `Reason
 * stopped` (any reason stops the drug; a side effect makes it an allergy).
 */
const STATUS_COLUMNS: readonly [RegExp, (cell: string) => MedicationStatus | undefined][] = [
  [
    /^(?:patient )?taking\??$/i,
    (cell) => (/^yes$/i.test(cell) ? 'active' : /^no$/i.test(cell) ? 'negated' : undefined),
  ],
  [
    /^reason (?:stopped|discontinued|for (?:stopping|discontinuation))$/i,
    (cell) => (cell === '' ? undefined : SIDE_EFFECT_NAMED.test(cell) ? 'allergy' : 'stopped'),
  ],
];

interface Cell {
  /** Offset in its line. */
  start: number;
  text: string;
}

/** A row's cells: split at each tab (an empty cell keeps its column), else at runs of spaces or bars. */
function cellsOf(line: string): Cell[] {
  const gap = line.includes('\t') ? /\t/g : /[ \u00a0]{2,}|\s\|\s/g;
  const cells: Cell[] = [];
  let from = 0;
  for (const m of line.matchAll(gap)) {
    cells.push({ start: from, text: line.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  cells.push({ start: from, text: line.slice(from) });
  return cells;
}

/** A form's ticked box and its option (`[X] Hold`), beside the boxes not ticked. */
const TICKED = /\[[xX✓✔]\][ \t]*([A-Za-z][A-Za-z ]{0,24}?)(?=[ \t]*(?:\[|$)|[ \t]{2,})/g;
/** An export's remark on a list's line: `(Patient not taking: …)`, `(Patient taking differently: …)`. */
const REMARK = /\((?:patient|pt) (not taking|taking differently)\b/gi;
/** The start of a list's line before its first word: a bullet, a number, a bar. */
const LINE_LEAD = /^[ \t]*(?:[-*•+–|]\s*|\d{1,2}[.)]\s*)?/;

/** Harm named after a stop (`Discontinued - rhabdomyolysis`): the drug caused it. */
const HARM = new RegExp(`\\b(?:${REACTION}|${DRUG_HARM})\\b`, 'i');
/**
 * An allergic reaction named after a hold (`Held - hives`); a toxicity after a hold (`Held -
 * mucositis grade 3`) is a pause, to be given again.
 */
const ALLERGIC_SIGN = /\b(?:allerg\w*|anaphyla\w*|angioedema|hives|urticaria|rash)\b/i;
/** A status and what may follow it fit in this many characters; a longer text is cut first. */
const LONGEST_VALUE = 60;
/** The word of a field's or a cell's text, without a date or a signature after it. */
const valueWord = (value: string): string =>
  value.trim().slice(0, LONGEST_VALUE).replace(VALUE_TAIL, '').trim();
/**
 * The status a field's or a cell's text names, or none; a stop for a harm the drug did, or a hold
 * for an allergic reaction, is an allergy, as STATUS.md orders them.
 */
function valueStatus(value: string): MedicationStatus | undefined {
  const word = valueWord(value);
  const status = statusOfWord(word);
  const after = value.trim().slice(word.length, LONGEST_VALUE);
  const harmed =
    (status === 'stopped' && HARM.test(after)) || (status === 'held' && ALLERGIC_SIGN.test(after));
  return harmed ? 'allergy' : status;
}

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
  // The columns of the table being read whose header tells the status, by their index.
  let columns = new Map<number, (cell: string) => MedicationStatus | undefined>();
  let at = 0;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    if (line.trim() === '') {
      blockStart = at;
      columns = new Map();
      continue;
    }
    const field = FIELD.exec(line);
    if (field) {
      // A field governs the drugs of its entry: the lines above it, back to a blank line, the
      // field before it or another section's label.
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
    const cells = TABLE_LINE.test(line.trimEnd()) ? cellsOf(line) : [];
    const first = onLine[0];
    if (first === undefined) {
      cells.forEach((c, i) => {
        const column = STATUS_COLUMNS.find(([header]) => header.test(c.text.trim()));
        if (column) columns.set(i, column[1]);
      });
      continue;
    }
    // A list's line that starts with its drug may end with an export's remark.
    if (first.start === lineStart + LINE_LEAD.exec(line)![0].length) {
      for (const remark of line.matchAll(REMARK)) {
        const start = lineStart + remark.index;
        const before = onLine.filter((d) => d.end <= start);
        const status = remark[1]!.toLowerCase() === 'not taking' ? 'negated' : 'active';
        set(before, status, start + 1, start + remark[0].length);
      }
    }
    // A form's ticked option after the drug (`Metformin 500 mg   [ ] Continue  [X] Hold`).
    for (const box of line.trimEnd().matchAll(TICKED)) {
      const start = lineStart + box.index + box[0].length - box[1]!.length;
      const status = lineStart + box.index > first.start ? valueStatus(box[1]!) : undefined;
      if (status) set(onLine, status, start, start + box[1]!.length);
    }
    // A table's row, its drug in any cell (`03/04    Senna    8.6 mg    Given`): a cell after the
    // drug's own that names a status, or its cell under a header that tells one (`Taking?`).
    for (const cell of cells) {
      const status = lineStart + cell.start > first.start ? valueStatus(cell.text) : undefined;
      if (!status) continue;
      const start = lineStart + cell.start + cell.text.search(/\S/);
      set(onLine, status, start, start + valueWord(cell.text).length);
      break;
    }
    for (const [i, answer] of columns) {
      const cell = cells[i];
      const status = cell && answer(cell.text.trim());
      if (!cell || !status) continue;
      const start = lineStart + cell.start + cell.text.search(/\S/);
      set(onLine, status, start, start + cell.text.trim().length);
    }
  }
  return found;
}
