/**
 * How many threads onnxruntime-web runs on WASM: all the cores but one (at most 4) when the page
 * is cross-origin isolated, else one (threads need SharedArrayBuffer). The core left over keeps
 * the page itself responsive, and on 2 cores one thread was measured faster than two for notes
 * up to 500 words, for time to ready and for a keystroke (`npm run bench:threads-wasm`,
 * docs/benchmarks.md); two threads only won on 2,000-word notes.
 */
export function wasmThreadCount(cores: number, crossOriginIsolated: boolean): number {
  if (!crossOriginIsolated || !Number.isFinite(cores)) return 1;
  return Math.max(1, Math.min(4, Math.floor(cores) - 1));
}
