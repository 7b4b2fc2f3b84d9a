/** Exports of medication records: JSON, CSV, FHIR R4. */
export { toJSON, toPlainMedications, type PlainMedication, type PlainSpan } from './json.ts';
export { toCSV, csvField, CSV_COLUMNS, type CsvOptions } from './csv.ts';
export {
  toFhirBundle,
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
export { parseDuration, parseFrequency, parseQuantity, parseNumber } from './sig.ts';
