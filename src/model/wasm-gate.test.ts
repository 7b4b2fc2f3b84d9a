import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdUntilChecked, installWasmGate } from './wasm-gate.ts';

// (module (import "env" "ran" (func)) (start 0)): running it calls env.ran once.
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x02, 0x0b,
  0x01, 0x03, 0x65, 0x6e, 0x76, 0x03, 0x72, 0x61, 0x6e, 0x00, 0x00, 0x08, 0x01, 0x00,
]);
const wasmResponse = (): Response =>
  new Response(MODULE, { headers: { 'content-type': 'application/wasm' } });
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 30));

describe('the wasm gate', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('compiles a held response at once and runs it only once its check resolves', async () => {
    installWasmGate();
    const compile = vi.spyOn(WebAssembly, 'compileStreaming');
    let pass: () => void = () => undefined;
    const response = wasmResponse();
    holdUntilChecked(response, new Promise<void>((done) => (pass = done)));
    const ran = vi.fn();
    const result = WebAssembly.instantiateStreaming(Promise.resolve(response), { env: { ran } });
    await settle();
    expect(compile).toHaveBeenCalledWith(response);
    expect(ran).not.toHaveBeenCalled();
    pass();
    const { module, instance } = await result;
    expect(ran).toHaveBeenCalledTimes(1);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(instance).toBeInstanceOf(WebAssembly.Instance);
  });

  it('rejects with the check’s error and never runs the module when the bytes differ', async () => {
    const response = wasmResponse();
    const mismatch = new Error(
      'Integrity check failed for x.wasm: expected sha384-a, got sha384-b',
    );
    const checked = Promise.reject(mismatch);
    checked.catch(() => undefined);
    holdUntilChecked(response, checked);
    const ran = vi.fn();
    await expect(
      WebAssembly.instantiateStreaming(Promise.resolve(response), { env: { ran } }),
    ).rejects.toBe(mismatch);
    await settle();
    expect(ran).not.toHaveBeenCalled();
  });

  it('passes any other response straight through', async () => {
    installWasmGate();
    const compile = vi.spyOn(WebAssembly, 'compileStreaming');
    const ran = vi.fn();
    const { instance } = await WebAssembly.instantiateStreaming(wasmResponse(), { env: { ran } });
    expect(instance).toBeInstanceOf(WebAssembly.Instance);
    expect(ran).toHaveBeenCalledTimes(1);
    expect(compile).not.toHaveBeenCalled();
  });
});
