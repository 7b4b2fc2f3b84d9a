/**
 * Runs a checked wasm only once its bytes matched. onnxruntime-web compiles its wasm with
 * `WebAssembly.instantiateStreaming`; for a response registered here (src/model/ort-build.ts, from
 * `fetchForCheck` in ./verify-fetch.ts) the compile starts at once, while the file still comes down
 * and a clone of it is hashed, and the module is instantiated (its code first run) only once the
 * check resolved. On a mismatch the call rejects with the integrity error and the compiled module
 * is dropped unrun. Any other call passes through unchanged.
 */
const held = new WeakMap<Response, Promise<void>>();
let installed = false;

/** Wraps `WebAssembly.instantiateStreaming` once in this realm (before anything else wraps it). */
export function installWasmGate(): void {
  const api = globalThis.WebAssembly as typeof WebAssembly | undefined;
  const original = api?.instantiateStreaming;
  if (installed || api === undefined || original === undefined) return;
  installed = true;
  api.instantiateStreaming = async (source, imports) => {
    const response = await source;
    const checked = held.get(response);
    if (checked === undefined) return original.call(api, response, imports);
    held.delete(response);
    const compiling = api.compileStreaming(response);
    compiling.catch(() => undefined);
    await checked;
    const module = await compiling;
    return { module, instance: await api.instantiate(module, imports) };
  };
}

/** Holds back instantiating `response`'s wasm until `checked` resolves. */
export function holdUntilChecked(response: Response, checked: Promise<void>): void {
  installWasmGate();
  held.set(response, checked);
}
