import { describe, expect, it } from 'vitest';
import { groupMedications } from '../records/group.ts';
import type { Entity } from '../types.ts';
import { toJSON, toPlainMedications } from './json.ts';

describe('toJSON', () => {
  const text = 'Take 2 tabs. Lasix 40 mg';
  const entities: Entity[] = [
    { start: 5, end: 6, label: 'DOSAGE', text: '2', score: 0.9 },
    { start: 7, end: 11, label: 'FORM', text: 'tabs', score: 0.8 },
    { start: 13, end: 18, label: 'DRUG', text: 'Lasix', score: 0.99 },
    { start: 19, end: 24, label: 'STRENGTH', text: '40 mg', score: 0.97 },
  ];
  const records = groupMedications(text, entities);

  it('writes each record with every field, spans as {start, end, text}', () => {
    expect(toPlainMedications(records)).toEqual([
      {
        drug: null,
        strength: [],
        form: [{ start: 7, end: 11, text: 'tabs' }],
        route: [],
        dosage: [{ start: 5, end: 6, text: '2' }],
        frequency: [],
        duration: [],
        status: 'active',
        cue: null,
      },
      {
        drug: { start: 13, end: 18, text: 'Lasix' },
        strength: [{ start: 19, end: 24, text: '40 mg' }],
        form: [],
        route: [],
        dosage: [],
        frequency: [],
        duration: [],
        status: 'active',
        cue: null,
      },
    ]);
  });

  it('writes the status and its cue span', () => {
    const said = 'Lasix 40 mg. Do not restart aspirin.';
    const found = groupMedications(said, [
      { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 1 },
      { start: 6, end: 11, label: 'STRENGTH', text: '40 mg', score: 1 },
      { start: 28, end: 35, label: 'DRUG', text: 'aspirin', score: 1 },
    ]);
    expect(toPlainMedications(found).map((m) => [m.drug?.text, m.status, m.cue])).toEqual([
      ['Lasix', 'active', null],
      ['aspirin', 'negated', { start: 13, end: 27, text: 'Do not restart' }],
    ]);
  });

  it('round-trips through JSON.parse, fields in a fixed order, offsets that slice the text', () => {
    const parsed = JSON.parse(toJSON(records)) as ReturnType<typeof toPlainMedications>;
    expect(parsed).toEqual(toPlainMedications(records));
    expect(Object.keys(parsed[1] ?? {})).toEqual([
      'drug',
      'strength',
      'form',
      'route',
      'dosage',
      'frequency',
      'duration',
      'status',
      'cue',
    ]);
    for (const span of parsed.flatMap((m) => [m.drug, ...m.strength, ...m.form, ...m.dosage])) {
      if (span) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(toJSON([])).toBe('[]');
    expect(toJSON(records, 0)).not.toContain('\n');
  });
});
