import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/types.ts';
import { toSegments } from './segments.ts';

const e = (start: number, end: number, text: string, label: Entity['label'] = 'DRUG'): Entity => ({
  start,
  end,
  label,
  text,
  score: 1,
});

// The element itself runs in the e2e suite (real Chromium); here, the pure view logic.
describe('toSegments', () => {
  it('cuts text into plain and entity runs that join back to the text', () => {
    const text = 'Lasix 40 mg\n\tPO  daily';
    const entities = [e(13, 15, 'PO', 'ROUTE'), e(0, 5, 'Lasix'), e(6, 11, '40 mg', 'STRENGTH')];
    const segments = toSegments(text, entities);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.text, s.entity?.label])).toEqual([
      ['Lasix', 'DRUG'],
      [' ', undefined],
      ['40 mg', 'STRENGTH'],
      ['\n\t', undefined],
      ['PO', 'ROUTE'],
      ['  daily', undefined],
    ]);
  });

  it('never corrupts the text: skips overlapping, empty and out-of-range entities', () => {
    const text = 'aspirin 81 mg';
    const segments = toSegments(text, [
      e(0, 7, 'aspirin'),
      e(3, 10, 'x'),
      e(5, 5, ''),
      e(8, 99, 'y'),
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.entity)).toHaveLength(1);
  });

  it('keeps emoji and non-Latin text exact (UTF-16 offsets)', () => {
    const text = '💊 Лазикс 40 mg';
    const start = text.indexOf('Лазикс');
    const segments = toSegments(text, [e(start, start + 6, 'Лазикс')]);
    expect(segments.map((s) => s.text)).toEqual(['💊 ', 'Лазикс', ' 40 mg']);
  });
});
