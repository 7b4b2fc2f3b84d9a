import { env } from '@huggingface/transformers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const FOLDER = 'https://example.test/app/ort/';

// The choice is per realm (module state): each test gets a fresh module.
async function freshChooser(): Promise<typeof import('./ort-build.ts').chooseOrtBuild> {
  vi.resetModules();
  return (await import('./ort-build.ts')).chooseOrtBuild;
}

describe('a checked wasm', () => {
  const WASM = `${FOLDER}ort-wasm-simd-threaded.wasm`;
  const HASH = 'sha384-abc';
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is handed over as a fetched response, not as bytes, and refetched only with its hash', async () => {
    const network = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response('other')),
    );
    vi.stubGlobal('fetch', network);
    vi.resetModules();
    const { chooseOrtBuild, useCheckedOrtBuild } = await import('./ort-build.ts');
    const checked = new Response('checked');
    env.backends.onnx.wasm!.wasmBinary = undefined;
    useCheckedOrtBuild('wasm', 'blob:mjs', {
      url: WASM,
      integrity: HASH,
      response: checked,
      checked: Promise.resolve(),
    });
    chooseOrtBuild('wasm', FOLDER);
    chooseOrtBuild('wasm', FOLDER);
    expect(env.backends.onnx.wasm!.wasmBinary).toBeUndefined();
    expect(env.backends.onnx.wasm!.wasmPaths).toEqual({ mjs: 'blob:mjs', wasm: WASM });
    expect(await fetch(WASM, { credentials: 'same-origin' })).toBe(checked);
    expect(network).not.toHaveBeenCalled();
    await fetch(WASM, { credentials: 'same-origin' });
    expect(network).toHaveBeenCalledTimes(1);
    expect(network.mock.calls[0]![1]).toMatchObject({ integrity: HASH, cache: 'no-cache' });
    await fetch(`${FOLDER}other.json`);
    expect(network.mock.calls[1]![1]).toBeUndefined();
  });
});

describe('chooseOrtBuild', () => {
  beforeEach(() => {
    env.backends.onnx.wasm!.wasmPaths = undefined;
  });

  it('points a WASM load at the WASM-only build, file by file', async () => {
    const choose = await freshChooser();
    choose('wasm', FOLDER);
    expect(env.backends.onnx.wasm!.wasmPaths).toEqual({
      mjs: 'https://example.test/app/ort/ort-wasm-simd-threaded.mjs',
      wasm: 'https://example.test/app/ort/ort-wasm-simd-threaded.wasm',
    });
  });

  it('points a WebGPU load at the folder, where onnxruntime-web finds its asyncify build', async () => {
    const choose = await freshChooser();
    choose('webgpu', FOLDER);
    expect(env.backends.onnx.wasm!.wasmPaths).toBe(FOLDER);
  });

  it('keeps the WebGPU build for a later WASM load (it runs both)', async () => {
    const choose = await freshChooser();
    choose('webgpu', FOLDER);
    choose('wasm', FOLDER);
    expect(env.backends.onnx.wasm!.wasmPaths).toBe(FOLDER);
  });

  it('refuses WebGPU, with a reason, once the WASM-only build was chosen', async () => {
    const choose = await freshChooser();
    choose('wasm', FOLDER);
    expect(() => choose('webgpu', FOLDER)).toThrow(/WASM-only onnxruntime build/);
    choose('wasm', FOLDER);
    expect(env.backends.onnx.wasm!.wasmPaths).toMatchObject({
      wasm: expect.stringContaining('simd-threaded.wasm'),
    });
  });
});
