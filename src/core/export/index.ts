/** Exports of medication records: JSON, CSV, FHIR R4. */
export { toJSON, toPlainMedications, type PlainMedication, type PlainSpan } from './json.ts';
export { toCSV, csvField, CSV_COLUMNS, type CsvOptions } from './csv.ts';
export {
  toFhirBundle,
  toMedicationStatement,
  dosageOf,
  doseOf,
  type FhirBundle,
  type FhirDosage,
  type FhirExportOptions,
  type FhirMedicationStatement,
} from './fhir.ts';
export { parseDuration, parseFrequency, parseQuantity, parseNumber } from './sig.ts';
