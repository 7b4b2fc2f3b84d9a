/** Exports of medication records: JSON, CSV, FHIR R4. */
export { toJSON, toPlainMedications, type PlainMedication, type PlainSpan } from './json.ts';
export { toCSV, csvField, CSV_COLUMNS, type CsvOptions } from './csv.ts';
export {
  toFhirBundle,
  contentUrn,
  toFhirResource,
  toAllergyIntolerance,
  toMedicationStatement,
  STATEMENT_STATUS,
  dosageOf,
  doseOf,
  type FhirAllergyIntolerance,
  type FhirBundle,
  type FhirResource,
  type FhirDosage,
  type FhirExportOptions,
  type FhirMedicationStatement,
} from './fhir.ts';
export {
  toBatchCsv,
  toBatchFhir,
  toBatchJsonl,
  toBatchRecord,
  type BatchDocument,
  type BatchFhirBundle,
  type BatchRecord,
} from './batch.ts';
export { parseDuration, parseFrequency, parseQuantity, parseNumber } from './sig.ts';
