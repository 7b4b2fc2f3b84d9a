import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MED7_LABELS } from '../core/labels.ts';
import type { Entity } from '../core/types.ts';
import { packEntities, packedBuffers, unpackEntities } from './packed-entities.ts';

describe('packed entities', () => {
  it('round-trips any entities of a text exactly, text and score included', () => {
    const arb = fc.string({ minLength: 1, maxLength: 80 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc
            .tuple(
              fc.nat(text.length - 1),
              fc.nat(text.length - 1),
              fc.constantFrom(...MED7_LABELS),
              fc.double({ min: 0, max: 1, noNaN: true }),
            )
            .map(([a, b, label, score]): Entity => {
              const start = Math.min(a, b);
              const end = Math.max(a, b) + 1;
              return { start, end, label, text: text.slice(start, end), score };
            }),
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([text, entities]) => {
        expect(unpackEntities(text, packEntities(entities))).toEqual(entities);
      }),
    );
  });

  it('gives four transferable buffers that survive a structured clone with transfer', () => {
    const text = 'Lasix 40 mg 💊 b.i.d.';
    const entities: Entity[] = [
      { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 0.987654321 },
      { start: 6, end: 11, label: 'STRENGTH', text: '40 mg', score: 0.5 },
      { start: 15, end: 21, label: 'FREQUENCY', text: 'b.i.d.', score: 1 },
    ];
    const packed = packEntities(entities);
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.starts.length).toBe(0); // detached: moved, not copied
    expect(unpackEntities(text, moved)).toEqual(entities);
  });

  it('refuses a label outside Med7 and entities that do not fit the text', () => {
    const bad = { start: 0, end: 3, label: 'DOSE', text: 'abc', score: 1 } as unknown as Entity;
    expect(() => packEntities([bad])).toThrow('Not a Med7 label: DOSE');
    const packed = packEntities([{ start: 2, end: 9, label: 'DRUG', text: 'x', score: 1 }]);
    expect(() => unpackEntities('short', packed)).toThrow('does not fit the text: [2, 9)');
  });
});
