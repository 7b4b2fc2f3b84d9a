import { toCSV } from '../../core/export/csv.ts';
import { toFhirBundle } from '../../core/export/fhir.ts';
import { toJSON } from '../../core/export/json.ts';
import { recordEntities, type MedicationRecord } from '../../core/records/group.ts';
import type { Entity } from '../../core/types.ts';
import { saveFile } from './save-file.ts';

/** The formats of the element's export buttons and of `exportMedications()`. */
export type MedicationExportFormat = 'json' | 'csv' | 'fhir';

export const EXPORT_FORMATS: readonly {
  format: MedicationExportFormat;
  label: string;
  type: string;
  filename: string;
}[] = [
  { format: 'json', label: 'JSON', type: 'application/json', filename: 'medications.json' },
  { format: 'csv', label: 'CSV', type: 'text/csv', filename: 'medications.csv' },
  {
    format: 'fhir',
    label: 'FHIR',
    type: 'application/fhir+json',
    filename: 'medications.fhir.json',
  },
];

/** Medication records in one of the export formats. */
export function exportRecords(
  records: readonly MedicationRecord[],
  format: MedicationExportFormat,
): string {
  switch (format) {
    case 'json':
      return `${toJSON(records)}\n`;
    case 'csv':
      return toCSV(records);
    case 'fhir':
      return `${JSON.stringify(toFhirBundle(records), null, 2)}\n`;
  }
}

/** `start:end` of an entity: the key that ties a highlight to its record. */
export const spanKey = (entity: Pick<Entity, 'start' | 'end'>): string =>
  `${entity.start}:${entity.end}`;

/** For each entity (by `spanKey`), the index of the record that holds it. */
export function recordIndexBySpan(records: readonly MedicationRecord[]): Map<string, number> {
  const index = new Map<string, number>();
  records.forEach((record, i) => {
    for (const entity of recordEntities(record)) index.set(spanKey(entity), i);
  });
  return index;
}

/** The texts of a record's field, joined for a table cell. */
export const cellText = (entities: readonly Entity[]): string =>
  entities.map((e) => e.text).join('; ');

/** Saves the records as a file in one of the export formats (the export buttons). */
export function saveRecords(
  records: readonly MedicationRecord[],
  format: MedicationExportFormat,
): void {
  const { type, filename } = EXPORT_FORMATS.find((f) => f.format === format)!;
  saveFile(exportRecords(records, format), type, filename);
}
