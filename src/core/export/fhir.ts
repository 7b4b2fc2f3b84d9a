/**
 * FHIR R4 export: a `collection` Bundle with one resource per medication record, by its status
 * (`../shared/STATUS.md`): an allergy becomes an unconfirmed `AllergyIntolerance`, never a
 * `MedicationStatement`, so it is never exported as a drug the patient takes; every other record
 * becomes a `MedicationStatement` (`not-taken`, `stopped`, `on-hold`, `intended`, `completed` or
 * `active`) that keeps the sig as written and adds what parses (`toMedicationStatement`).
 */
import type { Entity } from '../types.ts';
import { recordAttributes, type MedicationRecord } from '../records/group.ts';
import type { MedicationStatus } from '../records/status.ts';
import {
  parseDuration,
  parseFrequency,
  parseQuantity,
  parseUnit,
  type ParsedQuantity,
  type Repeat,
  type TimeUnit,
} from './sig.ts';

// The few R4 shapes this export writes (kept here so the core has no dependency).
export interface FhirQuantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}
export interface FhirRange {
  low: FhirQuantity;
  high: FhirQuantity;
}
export interface FhirExtension {
  url: string;
  valueCode?: string;
}
export interface FhirCodeableConcept {
  text?: string;
  extension?: FhirExtension[];
}
export interface FhirReference {
  reference?: string;
  display?: string;
}
export interface FhirTimingRepeat extends Repeat {
  boundsDuration?: FhirQuantity;
  boundsRange?: FhirRange;
}
export interface FhirDosage {
  text?: string;
  timing?: { repeat?: FhirTimingRepeat; code?: FhirCodeableConcept };
  asNeededBoolean?: boolean;
  route?: FhirCodeableConcept;
  doseAndRate?: { doseQuantity?: FhirQuantity; doseRange?: FhirRange }[];
}
export type MedicationStatementStatus =
  | 'active'
  | 'completed'
  | 'entered-in-error'
  | 'intended'
  | 'stopped'
  | 'on-hold'
  | 'unknown'
  | 'not-taken';
export interface FhirMedicationStatement {
  resourceType: 'MedicationStatement';
  status: MedicationStatementStatus;
  medicationCodeableConcept: FhirCodeableConcept;
  subject: FhirReference;
  dateAsserted?: string;
  dosage?: FhirDosage[];
}
export interface FhirCoding {
  system: string;
  code: string;
}
export interface FhirAllergyIntolerance {
  resourceType: 'AllergyIntolerance';
  clinicalStatus: { coding: FhirCoding[] };
  verificationStatus: { coding: FhirCoding[] };
  code: FhirCodeableConcept;
  patient: FhirReference;
  recordedDate?: string;
}
export type FhirResource = FhirMedicationStatement | FhirAllergyIntolerance;
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp?: string;
  entry?: { fullUrl: string; resource: FhirResource }[];
}

export interface FhirExportOptions {
  /** The patient; R4 requires a subject, so without one it is `{display: "Unknown patient"}`. */
  subject?: FhirReference;
  /** `Bundle.timestamp` and `MedicationStatement.dateAsserted` (an ISO 8601 date-time). */
  timestamp?: string;
  /** `Entry.fullUrl` of the i-th record; default a `urn:uuid:` derived from the record's content. */
  fullUrl?: (record: MedicationRecord, index: number) => string;
}

export const UCUM = 'http://unitsofmeasure.org';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ALLERGY_VERIFICATION =
  'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** `MedicationStatement.status` for each status but `allergy` (STATUS.md's table). */
export const STATEMENT_STATUS = {
  negated: 'not-taken',
  stopped: 'stopped',
  held: 'on-hold',
  planned: 'intended',
  given: 'completed',
  active: 'active',
} as const satisfies Record<Exclude<MedicationStatus, 'allergy'>, MedicationStatementStatus>;
const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

const joinTexts = (entities: readonly Entity[], separator = ' '): string =>
  entities.map((e) => e.text).join(separator);

function quantity(value: number, unit: string | undefined, code: string | undefined): FhirQuantity {
  return {
    value,
    ...(unit !== undefined && { unit }),
    ...(code !== undefined && { system: UCUM, code }),
  };
}

function timeQuantity(value: number, unit: TimeUnit): FhirQuantity {
  return { value, unit, system: UCUM, code: unit };
}

/** The dose of a record: its DOSAGE (with the FORM word as unit for a bare count), else one plain STRENGTH. */
export function doseOf(record: MedicationRecord): ParsedQuantity | undefined {
  if (record.dosage.length > 0) {
    if (record.dosage.length !== 1) return undefined;
    const dose = parseQuantity((record.dosage[0] as Entity).text);
    if (!dose) return undefined;
    if (dose.unit !== undefined) return dose;
    // `two tablets`: DOSAGE `two`, FORM `tablets`.
    const form = record.form.length === 1 ? parseUnit((record.form[0] as Entity).text) : undefined;
    return form ? { ...dose, ...form } : undefined;
  }
  if (record.strength.length !== 1) return undefined;
  const strength = parseQuantity((record.strength[0] as Entity).text);
  return strength?.unit !== undefined ? strength : undefined;
}

function doseAndRate(dose: ParsedQuantity): NonNullable<FhirDosage['doseAndRate']> {
  if (dose.high === undefined)
    return [{ doseQuantity: quantity(dose.value, dose.unit, dose.code) }];
  return [
    {
      doseRange: {
        low: quantity(dose.value, dose.unit, dose.code),
        high: quantity(dose.high, dose.unit, dose.code),
      },
    },
  ];
}

/** The one Dosage of a record, or undefined for a record with no attributes. */
export function dosageOf(record: MedicationRecord): FhirDosage | undefined {
  const attributes = recordAttributes(record);
  if (attributes.length === 0) return undefined;
  const dosage: FhirDosage = { text: joinTexts(attributes) };

  const timingWords = [...record.frequency, ...record.duration].sort((a, b) => a.start - b.start);
  const frequencies = record.frequency.map((f) => parseFrequency(f.text));
  if (timingWords.length > 0) {
    const repeat: FhirTimingRepeat = {};
    // Only a single frequency becomes structured; several (`25 mg in the morning and 15 mg in
    // the evening`) stay in the text.
    if (frequencies.length === 1) Object.assign(repeat, frequencies[0]?.repeat);
    if (record.duration.length === 1) {
      const duration = parseDuration((record.duration[0] as Entity).text);
      if (duration?.high !== undefined) {
        repeat.boundsRange = {
          low: timeQuantity(duration.value, duration.unit),
          high: timeQuantity(duration.high, duration.unit),
        };
      } else if (duration) {
        repeat.boundsDuration = timeQuantity(duration.value, duration.unit);
      }
    }
    dosage.timing = {
      ...(Object.keys(repeat).length > 0 && { repeat }),
      code: { text: joinTexts(timingWords) },
    };
  }
  if (frequencies.some((f) => f.asNeeded)) dosage.asNeededBoolean = true;
  if (record.route.length > 0) dosage.route = { text: joinTexts(record.route, ', ') };
  const dose = doseOf(record);
  if (dose) dosage.doseAndRate = doseAndRate(dose);
  return dosage;
}

/**
 * One MedicationStatement for one record that is not an allergy (an allergy record throws: it
 * must go through `toAllergyIntolerance`):
 *
 * - `medicationCodeableConcept.text`: the drug as written (a record with no drug gets a
 *   data-absent-reason extension instead: R4 requires a medication).
 * - `dosage[0].text`: the whole sig as written (strength, form, route, dose, frequency, duration).
 * - `dosage[0].timing`: `code.text` keeps the frequency and duration as written; `repeat` holds
 *   what parses (`b.i.d.` → 2 per 1 d, `q.4-6h.` → every 4–6 h, `x 10 days` → bounds 10 d).
 * - `dosage[0].asNeededBoolean`: true for `prn`/`as needed`; absent otherwise (not known false).
 * - `dosage[0].route.text`; `dosage[0].doseAndRate`: the DOSAGE when it parses (`30ml` → 30 mL,
 *   `two tablets` → 2 tablet), else a single plain STRENGTH (`40 mg` → 40 mg).
 */
export function toMedicationStatement(
  record: MedicationRecord,
  options: FhirExportOptions = {},
): FhirMedicationStatement {
  if (record.status === 'allergy') {
    throw new Error('an allergy is exported as an AllergyIntolerance, not a MedicationStatement');
  }
  const dosage = dosageOf(record);
  return {
    resourceType: 'MedicationStatement',
    status: STATEMENT_STATUS[record.status],
    medicationCodeableConcept: record.drug
      ? { text: record.drug.text }
      : { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'unknown' }] },
    subject: options.subject ?? { display: 'Unknown patient' },
    ...(options.timestamp !== undefined && { dateAsserted: options.timestamp }),
    ...(dosage && { dosage: [dosage] }),
  };
}

/**
 * One AllergyIntolerance for an allergy record: `code.text` the substance as written,
 * `clinicalStatus` active, `verificationStatus` unconfirmed (a note's mention is not a confirmed
 * allergy).
 */
export function toAllergyIntolerance(
  record: MedicationRecord,
  options: FhirExportOptions = {},
): FhirAllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
    verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: 'unconfirmed' }] },
    code: record.drug
      ? { text: record.drug.text }
      : { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'unknown' }] },
    patient: options.subject ?? { display: 'Unknown patient' },
    ...(options.timestamp !== undefined && { recordedDate: options.timestamp }),
  };
}

/** The resource of one record: AllergyIntolerance for `allergy`, else MedicationStatement. */
export function toFhirResource(
  record: MedicationRecord,
  options: FhirExportOptions = {},
): FhirResource {
  return record.status === 'allergy'
    ? toAllergyIntolerance(record, options)
    : toMedicationStatement(record, options);
}

/** A FHIR R4 `collection` Bundle, one resource per record (`toFhirResource`), in record order. */
export function toFhirBundle(
  records: readonly MedicationRecord[],
  options: FhirExportOptions = {},
): FhirBundle {
  const fullUrl = options.fullUrl ?? defaultFullUrl;
  const entry = records.map((record, i) => ({
    fullUrl: fullUrl(record, i),
    resource: toFhirResource(record, options),
  }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
    ...(entry.length > 0 && { entry }),
  };
}

/** A stable `urn:uuid:` for a record: the same record at the same index gives the same id. */
function defaultFullUrl(record: MedicationRecord, index: number): string {
  return contentUrn(
    `${index}|${recordAttributes(record)
      .concat(record.drug ? [record.drug] : [])
      .map((e) => `${e.start}:${e.end}:${e.label}:${e.text}`)
      .join('|')}`,
  );
}

/**
 * A `urn:uuid:` that depends only on `content`, so exports are reproducible: a version-8 (custom)
 * UUID from four FNV-1a hashes of it.
 */
export function contentUrn(content: string): string {
  const hex = [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2d]
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < content.length; i++) {
        h ^= content.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
