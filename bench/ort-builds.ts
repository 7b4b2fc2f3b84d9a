/**
 * `npm run bench:ort-builds [-- --rounds 3]`: onnxruntime-web's WASM-only build (what a WASM load
 * uses, src/model/ort-build.ts) against its asyncify build (what it used before, and what WebGPU
 * uses) on the WASM device, interleaved round by round so that both see the same machine load.
 *
 * Builds the demo into bench/tmp/dist, then per round times the WASM-only build and then the asyncify
 * build, copied in under the WASM-only build's file names (onnxruntime-web is pointed at those
 * files by name, so the page is otherwise identical): time to `med7-ready` on first visits, and
 * warm `analyze()` latency on notes of 100, 500 and 2,000 words (bench/browser.ts, as `npm run
 * bench` measures them). Prints medians per build; writes nothing else.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ORT_BUILDS } from '../src/model/ort-files.ts';
import { DIST, runBrowser } from './browser.ts';
import { notesOfLength, REPO_ROOT, shuffled, uniqueNotes } from './notes.ts';
import { spread } from './stats.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, port: { type: 'string', default: '4331' } },
});
const rounds = Number(values.rounds);
const ORT_DIST = join(REPO_ROOT, 'node_modules', 'onnxruntime-web', 'dist');
const served = ORT_BUILDS.wasm.map((file) => join(DIST, 'ort', file));

/** Puts `build`'s two files where the page loads the WASM-only build from. */
function install(build: keyof typeof ORT_BUILDS): void {
  ORT_BUILDS[build].forEach((file, i) => copyFileSync(join(ORT_DIST, file), served[i]!));
}

execFileSync('npx', ['vite', 'build', '--outDir', relative(REPO_ROOT, DIST), '--emptyOutDir'], {
  cwd: REPO_ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
// The same notes as `npm run bench` (its seed + 1).
const source = shuffled(uniqueNotes(), 20260107 + 1);
const lengths = Object.fromEntries(
  [100, 500, 2000].map((words) => [String(words), notesOfLength(source, words, 5)]),
);

const samples = { wasm: new Map<string, number[]>(), webgpu: new Map<string, number[]>() };
const add = (build: keyof typeof samples, key: string, values: number[]): void => {
  samples[build].set(key, [...(samples[build].get(key) ?? []), ...values]);
};
try {
  for (let round = 1; round <= rounds; round++) {
    for (const build of ['wasm', 'webgpu'] as const) {
      install(build);
      const result = await runBrowser({
        port: Number(values.port),
        wasm: { visits: 3, budgetMs: 120_000, warmUpEach: true, maxNotes: 5 },
        // Not measured here: with zero visits runBrowser does not launch it.
        webgpu: { visits: 0, budgetMs: 0, warmUpEach: false, maxNotes: 0 },
        lengths,
        timeoutMs: 60_000,
        log: () => undefined,
      });
      const wasm = result.wasm;
      if (wasm.error !== undefined) throw new Error(`${build} build: ${wasm.error}`);
      add(
        build,
        'ready',
        wasm.visits.map((visit) => visit.readyMs),
      );
      for (const [words, length] of Object.entries(wasm.lengths)) add(build, words, length.wallMs);
      console.log(`round ${round}: ${ORT_BUILDS[build][1]} measured`);
    }
  }
} finally {
  install('wasm');
}
for (const build of ['wasm', 'webgpu'] as const) {
  const row = [...samples[build]].map(([key, ms]) => {
    const s = spread(ms);
    return `${key === 'ready' ? 'ready' : `${key} words`} ${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)}) ms`;
  });
  console.log(`${ORT_BUILDS[build][1]}: ${row.join('; ')}`);
}
