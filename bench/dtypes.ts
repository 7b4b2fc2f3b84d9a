/**
 * `npm run bench:dtypes [-- --rounds 3]`: the model's two int8 files on the WASM device, interleaved
 * (bench/interleaved.ts): `onnx/model_int8.onnx` (integer products, what WASM runs) against
 * `onnx/model_quantized.onnx` (the same weights, float products, what WebGPU runs and WASM ran
 * before). The q8 file is copied in under the int8 file's name, the name the model's config.json
 * gives WASM, so the page is otherwise identical. Prints medians per file; writes nothing else.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ONNX_FILES } from '../src/model/dtype.ts';
import { DIST } from './browser.ts';
import { compareInterleaved } from './interleaved.ts';
import { fileVariant } from './patch-worker.ts';
import { REPO_ROOT } from './notes.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, port: { type: 'string', default: '4332' } },
});
const MODEL = join(REPO_ROOT, 'models', 'med7-compact');
const served = join(DIST, 'med7-ner', 'models', 'med7-compact', ONNX_FILES.int8);

const swap = fileVariant(served);
/** Puts `dtype`'s file where the page loads the WASM file from. */
function install(dtype: 'int8' | 'q8'): void {
  swap(dtype === 'int8' ? undefined : join(MODEL, ONNX_FILES[dtype]));
}

await compareInterleaved({
  variants: (['int8', 'q8'] as const).map((dtype) => ({
    name: `${dtype} (${ONNX_FILES[dtype]})`,
    install: () => install(dtype),
  })),
  rounds: Number(values.rounds),
  port: Number(values.port),
  restore: () => install('int8'),
});
