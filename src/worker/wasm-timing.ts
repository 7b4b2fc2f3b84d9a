/**
 * Times onnxruntime-web's wasm compile for the benchmark's breakdown of `med7-ready`: the session
 * phase holds both compiling the runtime and creating the session (graph optimisation, weights
 * prepared), and only the wasm's own start and end can tell them apart. onnxruntime-web compiles
 * through `WebAssembly.instantiateStreaming` (src/model/ort-build.ts); each call here is wrapped to
 * write a User Timing measure, `med7:wasm-compile`, from the call to the module instantiated.
 * Nothing else changes: the call, its arguments and its result are passed through as they are.
 */
const TIMED = Symbol.for('med7.wasm-compile-timed');

type Instantiate = typeof WebAssembly.instantiateStreaming & { [TIMED]?: true };

/** Wraps `WebAssembly.instantiateStreaming` once; returns what puts the original back. */
export function timeWasmCompiles(): () => void {
  const wasm = globalThis.WebAssembly as typeof WebAssembly | undefined;
  const original = wasm?.instantiateStreaming as Instantiate | undefined;
  if (wasm === undefined || original === undefined || original[TIMED] === true) return () => {};
  const timed: Instantiate = async (source, imports) => {
    const start = performance.now();
    try {
      return await original.call(wasm, source, imports);
    } finally {
      performance.measure('med7:wasm-compile', { start, end: performance.now() });
    }
  };
  timed[TIMED] = true;
  wasm.instantiateStreaming = timed;
  return () => {
    if (wasm.instantiateStreaming === timed) wasm.instantiateStreaming = original;
  };
}
