/**
 * JSON export: medication records as plain objects, each span as `{start, end, text}` (the label
 * is the field's name; offsets are UTF-16 indices into the analysed text, `end` exclusive), then
 * the drug's `status` and its evidence `cue` (a span, or null), and `corrected: true` where a
 * reviewer set the status.
 */
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  type AttributeField,
  type MedicationRecord,
} from '../records/group.ts';
import type { MedicationStatus } from '../records/status.ts';
import type { Entity } from '../types.ts';

export interface PlainSpan {
  start: number;
  end: number;
  text: string;
}

export type PlainMedication = { drug: PlainSpan | null } & Record<AttributeField, PlainSpan[]> & {
    status: MedicationStatus;
    cue: PlainSpan | null;
    /** Present where a reviewer corrected the status. */
    corrected?: true;
  };

const plainSpan = ({ start, end, text }: Entity): PlainSpan => ({ start, end, text });

/** Records as plain objects, fields in the order drug, strength, form, route, dosage, frequency, duration, status, cue. */
export function toPlainMedications(records: readonly MedicationRecord[]): PlainMedication[] {
  return records.map((record) => {
    const plain = { drug: record.drug ? plainSpan(record.drug) : null } as PlainMedication;
    for (const label of ATTRIBUTE_LABELS) {
      const field = ATTRIBUTE_FIELDS[label];
      plain[field] = record[field].map(plainSpan);
    }
    plain.status = record.status;
    plain.cue = record.cue ? { ...record.cue } : null;
    if (record.corrected) plain.corrected = true;
    return plain;
  });
}

/** Records as a JSON document (an array), indented by `space` (default 2). */
export function toJSON(records: readonly MedicationRecord[], space: number = 2): string {
  return JSON.stringify(toPlainMedications(records), null, space);
}
