/**
 * Which of onnxruntime-web's two wasm builds a browser load asks for. onnxruntime-web loads one,
 * once per page or worker, from `env.backends.onnx.wasm.wasmPaths`:
 * - the `asyncify` build carries the WebGPU execution provider (and WASM);
 * - the plain build runs WASM only, but it is about half the size (13.6 MB against 25.6 MB raw),
 *   and the model is ready about a second sooner and short notes run about twice as fast on it
 *   (`npm run bench:ort-builds`).
 * A load on WASM asks for the plain build, a load on WebGPU for the asyncify one. Whichever is
 * loaded first stays: WASM can run on either, WebGPU only on the asyncify build.
 */
import { env } from '@huggingface/transformers';
import { Med7ModelError } from './errors.ts';
import { ORT_BUILDS } from './ort-files.ts';
import type { BrowserDevice } from './types.ts';

type Build = keyof typeof ORT_BUILDS;

// The build this realm has asked for first: onnxruntime-web keeps the first one it loads.
let chosen: Build | undefined;
/** A build whose files were checked (src/worker/worker-integrity.ts): its `.mjs` URL and wasm bytes. */
let checked: { build: Build; mjs: string; wasm: ArrayBuffer } | undefined;

/** The build a load on `device` will use: the one already chosen, else the device's own. */
export function ortBuildFor(device: BrowserDevice): Build {
  return chosen ?? device;
}

/**
 * Gives onnxruntime-web the checked files of `build`: the wasm is compiled from these bytes (never
 * fetched by onnxruntime-web) and the `.mjs` imported from `mjs` (a `blob:` of checked bytes).
 */
export function useCheckedOrtBuild(build: Build, mjs: string, wasm: ArrayBuffer): void {
  checked = { build, mjs, wasm };
}

/**
 * Points onnxruntime-web at the build for `device` in `folder` (a URL prefix ending in `/`), or at
 * the build already chosen when that one can run `device` too.
 */
export function chooseOrtBuild(device: BrowserDevice, folder: string): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm === undefined) return;
  if (chosen === 'wasm' && device === 'webgpu') {
    throw new Med7ModelError(
      'WebGPU cannot be used here: this page or worker already loaded the WASM-only onnxruntime ' +
        'build, which onnxruntime-web does not replace; load on WebGPU in a new worker',
    );
  }
  chosen ??= device;
  if (checked?.build === chosen) {
    wasm.wasmBinary = checked.wasm;
    wasm.wasmPaths = { mjs: checked.mjs, wasm: `${folder}${ORT_BUILDS[chosen][1]}` };
  } else if (chosen === 'webgpu') {
    // The asyncify build is onnxruntime-web's default for this bundle: a folder prefix is enough.
    wasm.wasmPaths = folder;
  } else {
    const [mjs, binary] = ORT_BUILDS.wasm;
    wasm.wasmPaths = { mjs: `${folder}${mjs}`, wasm: `${folder}${binary}` };
  }
}
