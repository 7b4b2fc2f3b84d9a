/**
 * Medication status in the FHIR export: an allergy becomes an AllergyIntolerance, never a
 * MedicationStatement; every other status maps to its MedicationStatement.status, valid R4.
 */
import { describe, expect, it } from 'vitest';
import { groupMedications, type MedicationRecord } from '../records/group.ts';
import { spans } from '../../test/records.ts';
import { statement, validate } from '../../test/fhir-r4.ts';
import { toFhirBundle, toMedicationStatement } from './fhir.ts';

describe('medication status in the export', () => {
  const ISSUE =
    'ALLERGIES: Penicillin and sulfa. He stopped taking Coumadin 5 mg daily last week. Do not restart aspirin. Will start metformin 500 mg b.i.d. next visit.';
  const records = (): MedicationRecord[] =>
    groupMedications(
      ISSUE,
      spans(ISSUE, [
        ['Penicillin', 'DRUG'],
        ['sulfa', 'DRUG'],
        ['Coumadin', 'DRUG'],
        ['5 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
        ['aspirin', 'DRUG'],
        ['metformin', 'DRUG'],
        ['500 mg', 'STRENGTH'],
        ['b.i.d.', 'FREQUENCY'],
      ]),
    );

  it("exports the issue's example: two allergies, then stopped, not-taken, intended", () => {
    const bundle = toFhirBundle(records(), {
      subject: { reference: 'Patient/p1' },
      timestamp: '2026-12-05T10:00:00Z',
    });
    expect(validate(bundle)).toEqual([]);
    const resources = bundle.entry?.map((e) => e.resource) ?? [];
    expect(resources.map((r) => r.resourceType)).toEqual([
      'AllergyIntolerance',
      'AllergyIntolerance',
      'MedicationStatement',
      'MedicationStatement',
      'MedicationStatement',
    ]);
    expect(resources[0]).toEqual({
      resourceType: 'AllergyIntolerance',
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            code: 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
            code: 'unconfirmed',
          },
        ],
      },
      code: { text: 'Penicillin' },
      patient: { reference: 'Patient/p1' },
      recordedDate: '2026-12-05T10:00:00Z',
    });
    expect(resources[1]).toMatchObject({ code: { text: 'sulfa' } });
    expect(
      resources.slice(2).map((r) => {
        const s = statement(r);
        return [s.medicationCodeableConcept.text, s.status];
      }),
    ).toEqual([
      ['Coumadin', 'stopped'],
      ['aspirin', 'not-taken'],
      ['metformin', 'intended'],
    ]);
    expect(statement(resources[2]).dosage?.[0]?.text).toBe('5 mg daily');
  });

  it('maps every other status to its MedicationStatement.status, valid R4', () => {
    const text = 'Hold Lasix. Was given Benadryl. Continue Zocor.';
    const found = groupMedications(
      text,
      spans(text, [
        ['Lasix', 'DRUG'],
        ['Benadryl', 'DRUG'],
        ['Zocor', 'DRUG'],
      ]),
    );
    const bundle = toFhirBundle(found);
    expect(validate(bundle)).toEqual([]);
    expect(bundle.entry?.map((e) => statement(e.resource).status)).toEqual([
      'on-hold',
      'completed',
      'active',
    ]);
  });

  it('never writes an allergy as a MedicationStatement', () => {
    const allergy = records()[0] as MedicationRecord;
    expect(allergy.status).toBe('allergy');
    expect(() => toMedicationStatement(allergy)).toThrow(/AllergyIntolerance/);
  });
});
