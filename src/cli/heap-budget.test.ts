/** A worker's heap budget: when it collects, and that the real collection frees garbage. */
import { describe, expect, it } from 'vitest';
import { createHeapBudget, threadHeap } from './heap-budget.ts';

describe('a heap budget', () => {
  it('collects only once the heap has grown past the margin, then measures from there', () => {
    let used = 100;
    const collections: number[] = [];
    const budget = createHeapBudget(50, {
      used: () => used,
      collect: () => {
        collections.push(used);
        used = 120;
      },
    });
    used = 150;
    expect(budget.settle()).toBe(false);
    used = 151;
    expect(budget.settle()).toBe(true);
    expect(collections).toEqual([151]);
    used = 170;
    expect(budget.settle()).toBe(false);
    used = 171;
    expect(budget.settle()).toBe(true);
    expect(collections).toEqual([151, 171]);
  });

  it('runs V8’s full collection in this thread without --expose-gc', () => {
    const heap = threadHeap();
    heap.collect();
    const before = heap.used();
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    expect(heap.used()).toBeGreaterThan(before + 4_000_000);
    garbage = undefined;
    heap.collect();
    expect(garbage).toBeUndefined();
    expect(heap.used()).toBeLessThan(before + 1_000_000);
  });
});
