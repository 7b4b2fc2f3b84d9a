/**
 * `npm run bench:batching-wasm`: sentence-by-sentence batching (the browser's default, which lets
 * each sentence's result be kept) against pooled batching on WASM, interleaved round by round
 * (./interleaved.ts). The pooled variant is the same build with the worker's default changed, its
 * hash in the element's integrity manifest changed with it.
 *
 *     npm run bench:batching-wasm [-- --rounds 1 --port 4332]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST } from './browser.ts';
import { compareInterleaved } from './interleaved.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4333' },
  },
});
const WORKER = join(DIST, 'med7-ner', 'med7-ner.worker.js');
const DEFAULT = /\((\w+) \? "pooled" : "sentence"\)/;
let original: string | undefined;

const sri = (text: string): string =>
  `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** Replaces `from` by `to` in every text file of the build (the integrity manifests). */
function replaceEverywhere(dir: string, from: string, to: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) replaceEverywhere(path, from, to);
    else if (/\.(js|html|txt|json)$/.test(name)) {
      const text = readFileSync(path, 'utf8');
      if (text.includes(from)) writeFileSync(path, text.split(from).join(to));
    }
  }
}

function install(batching: 'sentence' | 'pooled'): void {
  original ??= readFileSync(WORKER, 'utf8');
  if (!DEFAULT.test(original)) throw new Error('the worker has no batching default to change');
  const current = readFileSync(WORKER, 'utf8');
  const wanted = batching === 'sentence' ? original : original.replace(DEFAULT, '"pooled"');
  if (current === wanted) return;
  writeFileSync(WORKER, wanted);
  replaceEverywhere(DIST, sri(current), sri(wanted));
}

await compareInterleaved({
  variants: (['sentence', 'pooled'] as const).map((batching) => ({
    name: batching,
    install: () => install(batching),
  })),
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => install('sentence'),
});
