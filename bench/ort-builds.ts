/**
 * `npm run bench:ort-builds [-- --rounds 3]`: onnxruntime-web's WASM-only build (what a WASM load
 * uses, src/model/ort-build.ts) against its asyncify build (what it used before, and what WebGPU
 * uses) on the WASM device, interleaved (bench/interleaved.ts). The asyncify build is copied in under
 * the WASM-only build's file names: onnxruntime-web is pointed at those files by name, so the page
 * is otherwise identical. Prints medians per build; writes nothing else.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ORT_BUILDS } from '../src/model/ort-files.ts';
import { DIST } from './browser.ts';
import { compareInterleaved } from './interleaved.ts';
import { REPO_ROOT } from './notes.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, port: { type: 'string', default: '4331' } },
});
const ORT_DIST = join(REPO_ROOT, 'node_modules', 'onnxruntime-web', 'dist');
const served = ORT_BUILDS.wasm.map((file) => join(DIST, 'ort', file));

/** Puts `build`'s two files where the page loads the WASM-only build from. */
function install(build: keyof typeof ORT_BUILDS): void {
  ORT_BUILDS[build].forEach((file, i) => copyFileSync(join(ORT_DIST, file), served[i]!));
}

await compareInterleaved({
  variants: (['wasm', 'webgpu'] as const).map((build) => ({
    name: ORT_BUILDS[build][1],
    install: () => install(build),
  })),
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => install('wasm'),
});
