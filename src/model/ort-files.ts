/**
 * onnxruntime-web's two wasm builds, as its 1.2x releases name them; the folder given as
 * `wasmPaths` serves both (vite.config.ts copies them from node_modules). See ./ort-build.ts.
 */
export const ORT_BUILDS = {
  /** Carries the WebGPU execution provider, and WASM. */
  webgpu: ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'],
  /** WASM only: about half the size, and faster to compile and run. */
  wasm: ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'],
} as const;
