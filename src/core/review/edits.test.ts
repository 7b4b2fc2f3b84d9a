import { describe, expect, it } from 'vitest';
import type { Entity } from '../types.ts';
import { addSpan, diffEntities, relabel, removeSpan, toEntities, toTuples } from './edits.ts';

const text = 'Lasix 40 mg p.o. b.i.d.';
const model: Entity[] = toEntities(text, [
  [0, 5, 'DRUG'],
  [6, 11, 'DOSAGE'],
  [17, 23, 'FREQUENCY'],
]);

describe('toEntities', () => {
  it('takes tuples and Entity objects, sorts them and takes each text from the text', () => {
    const entities = toEntities(text, [
      { start: 6, end: 11, label: 'STRENGTH', text: 'ignored', score: 0.8 },
      [0, 5, 'DRUG'],
    ]);
    expect(entities).toEqual([
      { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 1 },
      { start: 6, end: 11, label: 'STRENGTH', text: '40 mg', score: 0.8 },
    ]);
  });

  it('refuses spans outside the text, empty or overlapping, and unknown labels', () => {
    expect(() => toEntities(text, [[0, 24, 'DRUG']])).toThrow(RangeError);
    expect(() => toEntities(text, [[3, 3, 'DRUG']])).toThrow(RangeError);
    expect(() =>
      toEntities(text, [
        [0, 5, 'DRUG'],
        [4, 8, 'STRENGTH'],
      ]),
    ).toThrow(/overlap/);
    // @ts-expect-error not a Med7 label
    expect(() => toEntities(text, [[0, 5, 'DISEASE']])).toThrow(TypeError);
  });
});

describe('edits', () => {
  it('relabels one span and counts it as a relabel', () => {
    const fixed = relabel(model, { start: 6, end: 11 }, 'STRENGTH');
    expect(toTuples(fixed)).toEqual([
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [17, 23, 'FREQUENCY'],
    ]);
    expect(diffEntities(model, fixed)).toEqual([
      { kind: 'relabel', start: 6, end: 11, label: 'STRENGTH', from: 'DOSAGE' },
    ]);
    expect(model[1]!.label).toBe('DOSAGE'); // the input is not changed
  });

  it('removes one span', () => {
    const fewer = removeSpan(model, { start: 0, end: 5 });
    expect(toTuples(fewer)).toEqual([
      [6, 11, 'DOSAGE'],
      [17, 23, 'FREQUENCY'],
    ]);
    expect(diffEntities(model, fewer)).toEqual([
      { kind: 'remove', start: 0, end: 5, label: 'DRUG' },
    ]);
  });

  it('adds a span in order, with its text, replacing the spans it overlaps', () => {
    const added = addSpan(text, model, 12, 16, 'ROUTE');
    expect(toTuples(added)).toEqual([
      [0, 5, 'DRUG'],
      [6, 11, 'DOSAGE'],
      [12, 16, 'ROUTE'],
      [17, 23, 'FREQUENCY'],
    ]);
    expect(added[2]).toEqual({ start: 12, end: 16, label: 'ROUTE', text: 'p.o.', score: 1 });
    const wide = addSpan(text, model, 0, 11, 'DRUG');
    expect(toTuples(wide)).toEqual([
      [0, 11, 'DRUG'],
      [17, 23, 'FREQUENCY'],
    ]);
    // a moved edge: a remove and an add
    expect(diffEntities(model, wide)).toEqual([
      { kind: 'remove', start: 0, end: 5, label: 'DRUG' },
      { kind: 'add', start: 0, end: 11, label: 'DRUG' },
      { kind: 'remove', start: 6, end: 11, label: 'DOSAGE' },
    ]);
    expect(() => addSpan(text, model, 20, 30, 'DRUG')).toThrow(RangeError);
  });

  it('finds no edits when the entities are back as they were', () => {
    const back = relabel(relabel(model, model[1]!, 'STRENGTH'), model[1]!, 'DOSAGE');
    expect(diffEntities(model, back)).toEqual([]);
  });
});
