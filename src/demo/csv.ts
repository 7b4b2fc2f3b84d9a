import type { Entity } from '../core/types.ts';

/** Quotes a CSV cell and defuses spreadsheet formulas (a cell starting with = + - @ tab or CR). */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Entities as CSV (RFC 4180, CRLF line ends): label, text, start, end, score. */
export function entitiesToCsv(entities: readonly Entity[]): string {
  const rows = [['label', 'text', 'start', 'end', 'score']];
  const body = entities.map((e) => [e.label, e.text, e.start, e.end, e.score.toFixed(4)]);
  return [...rows, ...body].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
