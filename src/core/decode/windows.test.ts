import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignWindows, planSegmentWindows, planWindows } from './windows.ts';

describe('planWindows', () => {
  it('keeps a short text in one window', () => {
    expect(planWindows([1, 2, 1], { size: 10, overlap: 2 })).toEqual([
      { start: 0, end: 3, length: 4 },
    ]);
    expect(planWindows([], { size: 10, overlap: 2 })).toEqual([]);
  });

  it('overlaps whole pre-tokens and never cuts one', () => {
    const windows = planWindows([2, 2, 2, 2, 2, 2], { size: 5, overlap: 2 });
    expect(windows).toEqual([
      { start: 0, end: 2, length: 4 },
      { start: 1, end: 3, length: 4 },
      { start: 2, end: 4, length: 4 },
      { start: 3, end: 5, length: 4 },
      { start: 4, end: 6, length: 4 },
    ]);
  });

  it('clamps a pre-token longer than a window instead of dropping it', () => {
    expect(planWindows([1, 50, 1], { size: 8, overlap: 0 })).toEqual([
      { start: 0, end: 1, length: 1 },
      { start: 1, end: 2, length: 8 },
      { start: 2, end: 3, length: 1 },
    ]);
  });

  it('prefers the window where a token is farthest from a cut', () => {
    const counts = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const windows = planWindows(counts, { size: 6, overlap: 3 });
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      [0, 6],
      [3, 9],
      [6, 10],
    ]);
    // Token 5 sits at window 0's right cut but has 2 tokens of context each side in window 1;
    // token 4 has 1 either way (a tie goes to the earlier window).
    expect(assignWindows(counts, windows, 6)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('property: windows fit, move forward, and every token gets exactly one owning window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 12 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat({ max: 45 }),
        (counts, size, overlap) => {
          const windows = planWindows(counts, { size, overlap });
          if (counts.length === 0) {
            expect(windows).toEqual([]);
            return;
          }
          expect(windows[0]!.start).toBe(0);
          expect(windows.at(-1)!.end).toBe(counts.length);
          windows.forEach((w, k) => {
            expect(w.end).toBeGreaterThan(w.start);
            expect(w.length).toBeLessThanOrEqual(size);
            const sum = counts.slice(w.start, w.end).reduce((a, c) => a + Math.min(c, size), 0);
            expect(w.length).toBe(sum);
            if (k > 0) {
              const previous = windows[k - 1]!;
              expect(w.start).toBeGreaterThan(previous.start);
              expect(w.start).toBeLessThanOrEqual(previous.end); // no gap
              expect(w.end).toBeGreaterThan(previous.end);
            }
          });
          const owners = assignWindows(counts, windows, size);
          expect(owners).toHaveLength(counts.length);
          owners.forEach((w, i) => {
            expect(windows[w]!.start).toBeLessThanOrEqual(i);
            expect(windows[w]!.end).toBeGreaterThan(i);
          });
          // Owners never go backwards: each window owns one contiguous run.
          for (let i = 1; i < owners.length; i++)
            expect(owners[i]!).toBeGreaterThanOrEqual(owners[i - 1]!);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('planSegmentWindows', () => {
  it('windows each segment on its own, with segment edges as text edges', () => {
    const plan = planSegmentWindows([1, 1, 1, 1, 1, 1, 1], [0, 2, 3], { size: 3, overlap: 1 });
    expect(plan.windows).toEqual([
      { start: 0, end: 2, length: 2 },
      { start: 2, end: 3, length: 1 },
      { start: 3, end: 6, length: 3 },
      { start: 5, end: 7, length: 2 },
    ]);
    // token 5 sits at a cut in both of its windows (a tie: the earlier one); token 6 ends its
    // segment, which is no cut
    expect(plan.owners).toEqual([0, 0, 1, 2, 2, 2, 3]);
  });

  it('property: no window crosses a segment start, and every token has its own segment window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 150 }),
        fc.array(fc.nat({ max: 149 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat({ max: 45 }),
        (counts, cuts, size, overlap) => {
          const starts = [...new Set([0, ...cuts.filter((c) => c < counts.length)])].sort(
            (a, b) => a - b,
          );
          const { windows, owners } = planSegmentWindows(counts, starts, { size, overlap });
          for (const w of windows) {
            expect(w.length).toBeLessThanOrEqual(size);
            for (const s of starts) expect(s <= w.start || s >= w.end).toBe(true);
          }
          expect(owners).toHaveLength(counts.length);
          owners.forEach((w, i) => {
            expect(windows[w]!.start).toBeLessThanOrEqual(i);
            expect(windows[w]!.end).toBeGreaterThan(i);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
