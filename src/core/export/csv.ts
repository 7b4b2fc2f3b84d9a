/**
 * CSV export (RFC 4180): a header, then one row per medication. Several spans in one field are
 * joined with `; `. Fields holding a comma, a quote, or a line break are quoted, quotes doubled;
 * lines end with CRLF; spreadsheet formulas are defused.
 */
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  recordExtent,
  type MedicationRecord,
} from '../records/group.ts';

export const CSV_COLUMNS = [
  'drug',
  ...ATTRIBUTE_LABELS.map((label) => ATTRIBUTE_FIELDS[label]),
  'status',
  'cue',
  'start',
  'end',
] as const;

/**
 * One CSV field, quoted when it must be. Text that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, as the demo's entity CSV does.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** Prepend an `id` column with this value (for several documents in one file). */
  id?: string;
  /** Write the header line (default true). */
  header?: boolean;
}

/**
 * One row per record: drug, strength, form, route, dosage, frequency, duration (the spans' texts),
 * status and cue (the drug's status and the text of its evidence, empty for none), and start, end
 * (the record's extent in the text).
 */
export function toCSV(records: readonly MedicationRecord[], options: CsvOptions = {}): string {
  const lines: string[] = [];
  const lead = options.id === undefined ? [] : [options.id];
  if (options.header ?? true) {
    lines.push(
      [...(options.id === undefined ? [] : ['id']), ...CSV_COLUMNS].map(csvField).join(','),
    );
  }
  for (const record of records) {
    const { start, end } = recordExtent(record);
    const fields = [
      record.drug?.text ?? '',
      ...ATTRIBUTE_LABELS.map((label) =>
        record[ATTRIBUTE_FIELDS[label]].map((e) => e.text).join('; '),
      ),
      record.status,
      record.cue?.text ?? '',
      start,
      end,
    ];
    lines.push([...lead, ...fields].map(csvField).join(','));
  }
  return lines.map((line) => `${line}\r\n`).join('');
}
