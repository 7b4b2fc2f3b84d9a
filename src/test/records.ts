/** Entities and medication records written by hand, for the tests of the linker and the exports. */
import type { Med7Label } from '../core/labels.ts';
import { groupMedications, type MedicationRecord } from '../core/records/group.ts';
import type { Entity } from '../core/types.ts';

/**
 * Entities from `[piece, label]` pairs: each piece is searched for in `text` after the previous
 * one, so repeated words (`q.d.`) resolve left to right.
 */
export function spans(text: string, pieces: [string, Med7Label][]): Entity[] {
  let from = 0;
  return pieces.map(([piece, label]) => {
    const start = text.indexOf(piece, from);
    if (start < 0) throw new Error(`${piece} not found after ${from}`);
    from = start + piece.length;
    return { start, end: from, label, text: piece, score: 1 };
  });
}

/** A record as `{drug: 'Lasix', strength: ['40 mg'], …}`, only the fields that hold something. */
export function summary(record: MedicationRecord): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = { drug: record.drug?.text ?? null };
  for (const field of ['strength', 'form', 'route', 'dosage', 'frequency', 'duration'] as const) {
    if (record[field].length > 0) out[field] = record[field].map((e) => e.text);
  }
  return out;
}

/** The summaries of the records the linker makes of `pieces` in `text`. */
export const group = (text: string, pieces: [string, Med7Label][]) =>
  groupMedications(text, spans(text, pieces)).map(summary);
