import { describe, expect, it } from 'vitest';
import { toAnnotationRecord } from './annotation.ts';
import { toEntities } from './edits.ts';

describe('toAnnotationRecord', () => {
  it("gives ANNOTATION.md's record with STATUS.md's status of each DRUG", () => {
    // STATUS.md's own example record
    const text = 'ALLERGIES: Penicillin. Stopped Coumadin 5 mg daily.';
    const entities = toEntities(text, [
      [45, 50, 'FREQUENCY'],
      [11, 21, 'DRUG'],
      [31, 39, 'DRUG'],
      [40, 44, 'STRENGTH'],
    ]);
    expect(toAnnotationRecord(text, entities)).toEqual({
      text,
      entities: [
        [11, 21, 'DRUG'],
        [31, 39, 'DRUG'],
        [40, 44, 'STRENGTH'],
        [45, 50, 'FREQUENCY'],
      ],
      status: [
        [11, 21, 'allergy'],
        [31, 39, 'stopped'],
      ],
    });
  });

  it('has empty lists for a text without entities', () => {
    expect(toAnnotationRecord('No medications.', [])).toEqual({
      text: 'No medications.',
      entities: [],
      status: [],
    });
  });
});
