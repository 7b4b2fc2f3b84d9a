/**
 * `npm run bench:threads-wasm`: onnxruntime-web on WASM with the worker's own thread count (all
 * cores but one on a cross-origin isolated page: one on 2 cores) against two threads, interleaved
 * round by round (./interleaved.ts). The two-thread variant is the same build with the worker's
 * thread count fixed at 2.
 *
 *     npm run bench:threads-wasm [-- --rounds 1 --port 4332]
 */
import { parseArgs } from 'node:util';
import { compareInterleaved } from './interleaved.ts';
import { workerVariant } from './patch-worker.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4333' },
  },
});
/** The worker's thread count (src/worker/med7.worker.ts, `wasmThreadCount`) as the build calls it. */
const twoThreads = workerVariant(
  /numThreads = \w+\(navigator\.hardwareConcurrency \|\| 1, self\.crossOriginIsolated\)/,
  'numThreads = 2',
);

await compareInterleaved({
  variants: [
    { name: 'as built', install: () => twoThreads(false) },
    { name: 'two threads', install: () => twoThreads(true) },
  ],
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => twoThreads(false),
});
