/**
 * `npm run bench:threads-wasm`: onnxruntime-web on WASM with two threads (the worker's choice on a
 * cross-origin isolated 2-core page) against one, interleaved round by round (./interleaved.ts).
 * The one-thread variant is the same build with the worker's thread count fixed at 1.
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
/** The worker's thread count (src/worker/med7.worker.ts, `configureThreads`) as the build writes it. */
const oneThread = workerVariant(
  /numThreads = self\.crossOriginIsolated \? Math\.max\(1, Math\.min\(4, \w+\)\) : 1/,
  'numThreads = 1',
);

await compareInterleaved({
  variants: [
    { name: 'two threads', install: () => oneThread(false) },
    { name: 'one thread', install: () => oneThread(true) },
  ],
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => oneThread(false),
});
