import { describe, expect, it } from 'vitest';
import { wasmThreadCount } from './wasm-threads.ts';

describe('wasmThreadCount', () => {
  it('leaves one core to the page, at most 4 threads, when cross-origin isolated', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => wasmThreadCount(cores, true))).toEqual([
      1, 1, 2, 3, 4, 4, 4,
    ]);
  });

  it('runs one thread without isolation, or when the core count is unknown', () => {
    expect(wasmThreadCount(8, false)).toBe(1);
    expect(wasmThreadCount(0, true)).toBe(1);
    expect(wasmThreadCount(Number.NaN, true)).toBe(1);
  });
});
