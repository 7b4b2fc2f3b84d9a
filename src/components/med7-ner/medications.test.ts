import { describe, expect, it } from 'vitest';
import { groupMedications } from '../../core/records/group.ts';
import type { Entity } from '../../core/types.ts';
import { cellText, exportRecords, recordIndexBySpan, spanKey } from './medications.ts';

const text = 'Lasix 40 mg daily. Take 2 tabs.';
const entities: Entity[] = [
  { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 1 },
  { start: 6, end: 11, label: 'STRENGTH', text: '40 mg', score: 1 },
  { start: 12, end: 17, label: 'FREQUENCY', text: 'daily', score: 1 },
  { start: 24, end: 25, label: 'DOSAGE', text: '2', score: 1 },
  { start: 26, end: 30, label: 'FORM', text: 'tabs', score: 1 },
];
const records = groupMedications(text, entities);

describe('the element’s medication helpers', () => {
  it('maps every highlight to its record', () => {
    const index = recordIndexBySpan(records);
    expect(entities.map((e) => index.get(spanKey(e)))).toEqual([0, 0, 0, 1, 1]);
  });

  it('exports the three formats', () => {
    expect(JSON.parse(exportRecords(records, 'json'))).toHaveLength(2);
    expect(exportRecords(records, 'csv').split('\r\n')[1]).toBe(
      'Lasix,40 mg,,,,daily,,active,,0,17',
    );
    const bundle = JSON.parse(exportRecords(records, 'fhir')) as {
      resourceType: string;
      entry: unknown[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry).toHaveLength(2);
  });

  it('joins several spans in a cell', () => {
    expect(cellText(entities.slice(0, 2))).toBe('Lasix; 40 mg');
    expect(cellText([])).toBe('');
  });
});
