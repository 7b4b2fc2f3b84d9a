import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/types.ts';
import { toChunks, toSegments } from './highlight-segments.ts';
import { nextToFill, type LongView } from './long-text-view.ts';

/** The view of `text` with a DRUG on each `Lasix`, in blocks of at least `size` characters. */
function viewOf(text: string, size: number): LongView {
  const entities: Entity[] = [...text.matchAll(/Lasix/g)].map((m) => ({
    start: m.index,
    end: m.index + 5,
    label: 'DRUG',
    text: 'Lasix',
    score: 1,
  }));
  const chunks = toChunks(toSegments(text, entities), size);
  return {
    text,
    entities,
    chunks,
    rich: chunks.map(() => false),
    versions: chunks.map(() => 0),
    stale: new Set(),
    marks: chunks.map((chunk) => chunk.segments.filter((s) => s.entity !== undefined).length),
    recordChunks: new Map(),
    next: 0,
    built: new Map(),
  };
}

describe('nextToFill', () => {
  const text = 'Lasix daily\nno drug here\nnone here either\nLasix again\n';

  it('gives the blocks with highlights in text order, passing over those without', () => {
    const view = viewOf(text, 1);
    expect(view.marks).toEqual([1, 0, 0, 1]);
    expect(nextToFill(view)).toBe(0);
    view.rich[0] = true;
    expect(nextToFill(view)).toBe(3);
    // the plain blocks on the way count as drawn: their text is all they show
    expect(view.rich).toEqual([true, true, true, false]);
    view.rich[3] = true;
    expect(nextToFill(view)).toBeUndefined();
  });

  it('gives stale blocks (a legend toggle) before the rest', () => {
    const view = viewOf(text, 1);
    view.rich[0] = true;
    view.stale.add(0);
    expect(nextToFill(view)).toBe(0);
    view.stale.delete(0);
    expect(nextToFill(view)).toBe(3);
  });
});
