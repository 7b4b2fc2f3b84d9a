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
import { holdUntilChecked } from './wasm-gate.ts';

type Build = keyof typeof ORT_BUILDS;

// The build this realm has asked for first: onnxruntime-web keeps the first one it loads.
let chosen: Build | undefined;
/**
 * A build whose files are checked (src/worker/worker-integrity.ts): its `.mjs` URL, and its wasm's
 * URL with the fetched response and the check of its bytes.
 */
let checked: { build: Build; mjs: string; wasm: CheckedResponse } | undefined;
/** The checked wasm this realm's `fetch` serves (once installed, never again). */
let served: CheckedResponse | undefined;

/** The fetched wasm, its SRI hash, and the check of its bytes against it (`fetchForCheck`). */
export interface CheckedResponse {
  readonly url: string;
  readonly integrity: string;
  readonly response: Response;
  readonly checked: Promise<void>;
}

/** The build a load on `device` will use: the one already chosen, else the device's own. */
export function ortBuildFor(device: BrowserDevice): Build {
  return chosen ?? device;
}

/**
 * Gives onnxruntime-web the checked files of `build`: the `.mjs` imported from `mjs` (a `blob:` of
 * checked bytes, or its URL), the wasm compiled from `wasm.response` (see {@link serveChecked}).
 */
export function useCheckedOrtBuild(build: Build, mjs: string, wasm: CheckedResponse): void {
  checked = { build, mjs, wasm };
}

/**
 * onnxruntime-web compiles its wasm with `WebAssembly.instantiateStreaming(fetch(url))` unless it
 * is handed the bytes. Only that streaming path lets the browser keep the compiled module in its
 * code cache (keyed by the response's URL), so a second visit skips compiling 13.6 MB of wasm.
 * So the checked wasm is not handed over as bytes: this realm's `fetch` answers the wasm's URL
 * with the response being checked, once (./wasm-gate.ts runs it only once it matched), and any
 * later fetch of it with the hash attached, so the browser refuses other bytes.
 */
function serveChecked(wasm: CheckedResponse): void {
  const plain = globalThis.fetch;
  let first: Response | undefined = wasm.response;
  holdUntilChecked(wasm.response, wasm.checked);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== wasm.url) return plain(input, init);
    const response = first;
    first = undefined;
    if (response !== undefined) return Promise.resolve(response);
    return plain(input, { ...init, integrity: wasm.integrity, cache: 'no-cache' });
  };
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
    if (served !== checked.wasm) serveChecked(checked.wasm);
    served = checked.wasm;
    wasm.wasmPaths = { mjs: checked.mjs, wasm: checked.wasm.url };
  } else if (chosen === 'webgpu') {
    // The asyncify build is onnxruntime-web's default for this bundle: a folder prefix is enough.
    wasm.wasmPaths = folder;
  } else {
    const [mjs, binary] = ORT_BUILDS.wasm;
    wasm.wasmPaths = { mjs: `${folder}${mjs}`, wasm: `${folder}${binary}` };
  }
}
