import { describe, expect, it } from 'vitest';
import { groupMedications } from '../records/group.ts';
import { toAnnotationRecord } from './annotation.ts';
import { relabel, toEntities } from './edits.ts';
import {
  NO_CORRECTIONS,
  applyCorrections,
  correctStatus,
  correctionsOf,
  keptCorrections,
  statusEdits,
} from './statuses.ts';

const text = 'Lasix 40 mg daily. Coumadin was held. Penicillin.';
const entities = toEntities(text, [
  [0, 5, 'DRUG'],
  [6, 11, 'STRENGTH'],
  [12, 17, 'FREQUENCY'],
  [19, 27, 'DRUG'],
  [38, 48, 'DRUG'],
]);
const lasix = { start: 0, end: 5 };

describe('status corrections', () => {
  it('sets a drug’s status, keeps what the step gave, and drops a correction set back', () => {
    const once = correctStatus(NO_CORRECTIONS, lasix, 'stopped', 'active');
    expect([...once]).toEqual([['0:5', { status: 'stopped', from: 'active' }]]);
    const twice = correctStatus(once, lasix, 'allergy', 'stopped');
    expect([...twice]).toEqual([['0:5', { status: 'allergy', from: 'active' }]]);
    expect(correctStatus(twice, lasix, 'active', 'allergy').size).toBe(0);
    expect(correctStatus(twice, lasix, 'allergy', 'allergy')).toBe(twice);
    expect(correctStatus(NO_CORRECTIONS, lasix, 'active', 'active')).toBe(NO_CORRECTIONS);
    expect(NO_CORRECTIONS.size).toBe(0);
  });

  it('applies corrections to the records: the status set, no cue, marked corrected', () => {
    const records = groupMedications(text, entities);
    expect(records.map((r) => [r.drug?.text, r.status, r.cue?.text ?? null])).toEqual([
      ['Lasix', 'active', null],
      ['Coumadin', 'held', 'held'],
      ['Penicillin', 'active', null],
    ]);
    const corrections = correctStatus(
      correctStatus(NO_CORRECTIONS, lasix, 'stopped', 'active'),
      { start: 19, end: 27 },
      'active',
      'held',
    );
    const corrected = applyCorrections(records, corrections);
    expect(corrected.map((r) => [r.drug?.text, r.status, r.cue, r.corrected])).toEqual([
      ['Lasix', 'stopped', null, true],
      ['Coumadin', 'active', null, true],
      ['Penicillin', 'active', null, undefined],
    ]);
    expect(corrected[0]!.strength.map((e) => e.text)).toEqual(['40 mg']);
    expect(records[0]!.status).toBe('active');
    expect(statusEdits(corrections)).toEqual([
      { kind: 'status', start: 0, end: 5, label: 'DRUG', status: 'stopped', from: 'active' },
      { kind: 'status', start: 19, end: 27, label: 'DRUG', status: 'active', from: 'held' },
    ]);
  });

  it('keeps only corrections on DRUG spans that are still there', () => {
    const corrections = correctStatus(NO_CORRECTIONS, lasix, 'stopped', 'active');
    expect(keptCorrections(corrections, entities)).toBe(corrections);
    expect(keptCorrections(corrections, relabel(entities, lasix, 'FORM')).size).toBe(0);
    expect(keptCorrections(corrections, entities.slice(1)).size).toBe(0);
  });

  it('puts a corrected status in the annotation record', () => {
    const corrections = correctStatus(NO_CORRECTIONS, { start: 38, end: 48 }, 'allergy', 'active');
    expect(toAnnotationRecord(text, entities, corrections).status).toEqual([
      [0, 5, 'active'],
      [19, 27, 'held'],
      [38, 48, 'allergy'],
    ]);
  });

  it('reads the corrections of a saved review: the statuses that differ from the step’s', () => {
    const saved = toAnnotationRecord(
      text,
      entities,
      correctStatus(NO_CORRECTIONS, lasix, 'stopped', 'active'),
    );
    expect([...correctionsOf(text, entities, saved.status)]).toEqual([
      ['0:5', { status: 'stopped', from: 'active' }],
    ]);
    expect(() => correctionsOf(text, entities, [[6, 11, 'stopped']])).toThrow(RangeError);
    expect(() => correctionsOf(text, entities, [[0, 5, 'paused' as never]])).toThrow(TypeError);
  });
});
