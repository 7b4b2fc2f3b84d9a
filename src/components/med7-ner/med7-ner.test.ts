import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/types.ts';
import { toChunks, toSegments } from './highlight-segments.ts';

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

describe('toChunks', () => {
  it('groups a long text into blocks of whole lines that join back to it, never cutting an entity', () => {
    const line = 'Lasix 40 mg PO daily.\n';
    const text = line.repeat(50) + 'Last line without a newline';
    const entities: Entity[] = [];
    for (let i = 0; i < 50; i++) {
      entities.push(e(i * line.length, i * line.length + 5, 'Lasix'));
      entities.push(e(i * line.length + 6, i * line.length + 11, '40 mg', 'STRENGTH'));
    }
    const chunks = toChunks(toSegments(text, entities), 100);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((c) => c.segments.map((s) => s.text).join('')).join('')).toBe(text);
    for (const [i, chunk] of chunks.entries()) {
      expect(text.slice(chunk.start, chunk.end)).toBe(chunk.segments.map((s) => s.text).join(''));
      if (i < chunks.length - 1) {
        expect(text[chunk.end - 1]).toBe('\n');
        expect(chunk.end - chunk.start).toBeGreaterThanOrEqual(100);
      }
      for (const segment of chunk.segments) {
        expect(text.slice(segment.start, segment.start + segment.text.length)).toBe(segment.text);
      }
    }
    const marks = chunks.flatMap((c) => c.segments.filter((s) => s.entity !== undefined));
    expect(marks).toHaveLength(100);
    expect(toChunks(toSegments('no newline at all', []), 4)).toHaveLength(1);
    expect(toChunks([], 4)).toEqual([]);
  });
});
