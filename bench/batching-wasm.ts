/**
 * `npm run bench:batching-wasm`: sentence-by-sentence batching (the browser's default, which lets
 * each sentence's result be kept) against pooled batching on WASM, interleaved round by round
 * (./interleaved.ts). The pooled variant is the same build with the worker's default changed, its
 * hash in the element's integrity manifest changed with it.
 *
 *     npm run bench:batching-wasm [-- --rounds 1 --port 4332]
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
/** The worker's batching default (src/model/loader.ts) as the build writes it. */
const pooled = workerVariant(/\((\w+) \? "pooled" : "sentence"\)/, '"pooled"');

await compareInterleaved({
  variants: (['sentence', 'pooled'] as const).map((batching) => ({
    name: batching,
    install: () => pooled(batching === 'pooled'),
  })),
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => pooled(false),
});
