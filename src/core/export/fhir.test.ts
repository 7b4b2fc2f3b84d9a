/**
 * The FHIR R4 export of medication records: every bundle is checked valid R4 (src/test/fhir-r4.ts)
 * and compared exactly. Medication status in the export: fhir-status.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Med7Label } from '../labels.ts';
import { groupMedications, type MedicationRecord } from '../records/group.ts';
import { spans } from '../../test/records.ts';
import { statement, validate } from '../../test/fhir-r4.ts';
import { tuplesToEntities } from '../eval/records-eval.ts';
import type { EntityTuple } from '../types.ts';
import { dosageOf, toFhirBundle, type FhirBundle } from './fhir.ts';

const README =
  'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.';
const readmeRecords = (): MedicationRecord[] =>
  groupMedications(
    README,
    spans(README, [
      ['Magnesium hydroxide', 'DRUG'],
      ['400mg/5ml', 'STRENGTH'],
      ['suspension', 'FORM'],
      ['PO', 'ROUTE'],
      ['30ml', 'DOSAGE'],
      ['bid', 'FREQUENCY'],
      ['for the next 5 days', 'DURATION'],
    ]),
  );

/** The single record of a one-drug sig. */
function one(text: string, pieces: [string, Med7Label][]): MedicationRecord {
  const records = groupMedications(text, spans(text, pieces));
  expect(records).toHaveLength(1);
  return records[0] as MedicationRecord;
}

describe('toFhirBundle', () => {
  it('writes the README sentence as one valid MedicationStatement', () => {
    const bundle = toFhirBundle(readmeRecords(), {
      subject: { reference: 'Patient/example' },
      timestamp: '2026-11-25T10:00:00Z',
    });
    expect(validate(bundle)).toEqual([]);
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry?.[0]?.fullUrl).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2026-11-25T10:00:00Z',
    });
    expect(bundle.entry?.[0]?.resource).toEqual({
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { text: 'Magnesium hydroxide' },
      subject: { reference: 'Patient/example' },
      dateAsserted: '2026-11-25T10:00:00Z',
      dosage: [
        {
          text: '400mg/5ml suspension PO 30ml bid for the next 5 days',
          timing: {
            repeat: {
              frequency: 2,
              period: 1,
              periodUnit: 'd',
              boundsDuration: {
                value: 5,
                unit: 'd',
                system: 'http://unitsofmeasure.org',
                code: 'd',
              },
            },
            code: { text: 'bid for the next 5 days' },
          },
          route: { text: 'PO' },
          doseAndRate: [
            {
              doseQuantity: {
                value: 30,
                unit: 'mL',
                system: 'http://unitsofmeasure.org',
                code: 'mL',
              },
            },
          ],
        },
      ],
    });
  });

  it('is reproducible: the same records give the same bundle', () => {
    expect(toFhirBundle(readmeRecords())).toEqual(toFhirBundle(readmeRecords()));
  });

  it.each([
    ['Lasix 40 mg p.o. b.i.d.', 'b.i.d.', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['Lasix 40 mg twice a day', 'twice a day', { frequency: 2, period: 1, periodUnit: 'd' }],
    ['Tylenol 650 mg q6h', 'q6h', { frequency: 1, period: 6, periodUnit: 'h' }],
    ['Tylenol 650 mg every 6 hours', 'every 6 hours', { frequency: 1, period: 6, periodUnit: 'h' }],
    [
      'Percocet 5 mg q.4-6h.',
      'q.4-6h.',
      { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' },
    ],
    ['Ambien 5 mg q.h.s.', 'q.h.s.', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }],
  ] as const)('parses %j into timing.repeat', (text, frequency, repeat) => {
    const record = one(text, [
      [text.split(' ')[0] as string, 'DRUG'],
      [text.split(' ').slice(1, 3).join(' '), 'STRENGTH'],
      [frequency, 'FREQUENCY'],
    ]);
    const dosage = dosageOf(record);
    expect(dosage?.timing).toEqual({ repeat, code: { text: frequency } });
    expect(validate(toFhirBundle([record]))).toEqual([]);
  });

  it('writes durations as bounds, prn as asNeededBoolean, and keeps the words', () => {
    const record = one('Keflex 500 mg p.o. q.i.d. p.r.n. x 10 days', [
      ['Keflex', 'DRUG'],
      ['500 mg', 'STRENGTH'],
      ['p.o.', 'ROUTE'],
      ['q.i.d. p.r.n.', 'FREQUENCY'],
      ['x 10 days', 'DURATION'],
    ]);
    const dosage = dosageOf(record);
    expect(dosage).toEqual({
      text: '500 mg p.o. q.i.d. p.r.n. x 10 days',
      timing: {
        repeat: {
          frequency: 4,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: 10, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' },
        },
        code: { text: 'q.i.d. p.r.n. x 10 days' },
      },
      asNeededBoolean: true,
      route: { text: 'p.o.' },
      // No DOSAGE: the single plain strength is the dose.
      doseAndRate: [
        {
          doseQuantity: { value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
        },
      ],
    });
    expect(validate(toFhirBundle([record]))).toEqual([]);
  });

  it('keeps what does not parse as text only', () => {
    const record = one('Flexeril 10 mg q 6 p.r.n.', [
      ['Flexeril', 'DRUG'],
      ['10 mg', 'STRENGTH'],
      ['q 6 p.r.n.', 'FREQUENCY'],
    ]);
    expect(dosageOf(record)?.timing).toEqual({ code: { text: 'q 6 p.r.n.' } });
    expect(dosageOf(record)?.asNeededBoolean).toBe(true);
  });

  it('takes the dose from DOSAGE and its FORM word, or a range, or none for a ratio', () => {
    const tablets = one('Dilaudid two tablets by mouth every two hours', [
      ['Dilaudid', 'DRUG'],
      ['two', 'DOSAGE'],
      ['tablets', 'FORM'],
      ['by mouth', 'ROUTE'],
      ['every two hours', 'FREQUENCY'],
    ]);
    expect(dosageOf(tablets)?.doseAndRate).toEqual([
      { doseQuantity: { value: 2, unit: 'tablet' } },
    ]);
    const range = one('lorazepam 0.25-0.5 mg at bedtime as needed', [
      ['lorazepam', 'DRUG'],
      ['0.25-0.5 mg', 'STRENGTH'],
      ['at bedtime as needed', 'FREQUENCY'],
    ]);
    expect(dosageOf(range)?.doseAndRate).toEqual([
      {
        doseRange: {
          low: { value: 0.25, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
          high: { value: 0.5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
        },
      },
    ]);
    const ratio = one('Hydrocodone 10/500 mg p.r.n.', [
      ['Hydrocodone', 'DRUG'],
      ['10/500 mg', 'STRENGTH'],
      ['p.r.n.', 'FREQUENCY'],
    ]);
    expect(dosageOf(ratio)?.doseAndRate).toBeUndefined();
    expect(validate(toFhirBundle([tablets, range, ratio]))).toEqual([]);
  });

  it('writes a sig with no drug with a data-absent reason, and a drug alone with no dosage', () => {
    const text = 'Lasix was stopped. Take 2 tablets daily.';
    const records = groupMedications(
      text,
      spans(text, [
        ['Lasix', 'DRUG'],
        ['2', 'DOSAGE'],
        ['tablets', 'FORM'],
        ['daily', 'FREQUENCY'],
      ]),
    );
    const bundle = toFhirBundle(records);
    expect(validate(bundle)).toEqual([]);
    expect(bundle.entry?.[0]?.resource).not.toHaveProperty('dosage');
    expect(statement(bundle.entry?.[1]?.resource).medicationCodeableConcept).toEqual({
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' },
      ],
    });
    expect(new Set(bundle.entry?.map((e) => e.fullUrl)).size).toBe(2);
  });

  it('writes an empty bundle for no records (no empty arrays)', () => {
    const bundle = toFhirBundle([]);
    expect(bundle).toEqual({ resourceType: 'Bundle', type: 'collection' });
    expect(validate(bundle)).toEqual([]);
  });

  it('gives valid R4 for every sentence of the dev gold', () => {
    const devPath = fileURLToPath(
      new URL('../../../../shared/data/gold/dev.jsonl', import.meta.url),
    );
    const lines = readFileSync(devPath, 'utf8').split('\n').filter(Boolean);
    const records = lines.flatMap((line) => {
      const { text, entities } = JSON.parse(line) as { text: string; entities: EntityTuple[] };
      return groupMedications(text, tuplesToEntities(text, entities));
    });
    expect(records.length).toBeGreaterThan(130);
    const bundle = toFhirBundle(records, { subject: { reference: 'Patient/1' } });
    expect(validate(bundle)).toEqual([]);
    expect(new Set(bundle.entry?.map((e) => e.fullUrl)).size).toBe(records.length);
  });
});

describe('the validation used above', () => {
  const valid = (): FhirBundle => toFhirBundle(readmeRecords());

  it('rejects a MedicationStatement without its required subject', () => {
    const bundle = valid() as unknown as { entry: { resource: Record<string, unknown> }[] };
    delete bundle.entry[0]?.resource.subject;
    expect(validate(bundle as unknown as FhirBundle).join('\n')).toMatch(/subject/);
  });

  it('rejects a period without its unit (invariant tim-2) and an unknown property', () => {
    const bundle = valid();
    const repeat = statement(bundle.entry?.[0]?.resource).dosage?.[0]?.timing?.repeat;
    delete repeat?.periodUnit;
    (bundle.entry?.[0]?.resource as unknown as Record<string, unknown>).strength = '400mg/5ml';
    const issues = validate(bundle).join('\n');
    expect(issues).toMatch(/tim-2/);
    expect(issues).toMatch(/strength/);
  });

  it('rejects codes outside their required value sets', () => {
    const bundle = valid();
    const resource = statement(bundle.entry?.[0]?.resource);
    (resource as { status: string }).status = 'taking';
    const repeat = resource.dosage?.[0]?.timing?.repeat;
    if (repeat) (repeat as { periodUnit: string }).periodUnit = 'day';
    const issues = validate(bundle);
    expect(issues.some((i) => i.includes('status: taking'))).toBe(true);
    expect(issues.some((i) => i.includes('periodUnit: day'))).toBe(true);
  });

  it('rejects a value of the wrong type and an empty element', () => {
    const bundle = valid();
    const dosage = statement(bundle.entry?.[0]?.resource).dosage?.[0];
    const dose = dosage?.doseAndRate?.[0]?.doseQuantity;
    if (!dosage || !dose) throw new Error('no dose');
    (dose as unknown as { value: string }).value = '30';
    dosage.route = {};
    const issues = validate(bundle).join('\n');
    expect(issues).toMatch(/dose\[x\]\.value: .*expected number/);
    expect(issues).toMatch(/dosage\[0\]\.route: empty/);
  });
});
