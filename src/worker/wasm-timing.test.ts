import { afterEach, describe, expect, it } from 'vitest';
import { timeWasmCompiles } from './wasm-timing.ts';

// The smallest module that exports something: (module (func (export "seven") (result i32) i32.const 7))
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03,
  0x02, 0x01, 0x00, 0x07, 0x09, 0x01, 0x05, 0x73, 0x65, 0x76, 0x65, 0x6e, 0x00, 0x00, 0x0a, 0x06,
  0x01, 0x04, 0x00, 0x41, 0x07, 0x0b,
]);
const wasmResponse = (): Response =>
  new Response(MODULE, { headers: { 'content-type': 'application/wasm' } });
const compiles = (): PerformanceEntryList => performance.getEntriesByName('med7:wasm-compile');

describe('timeWasmCompiles', () => {
  let restore = (): void => {};
  afterEach(() => {
    restore();
    performance.clearMeasures('med7:wasm-compile');
  });

  it('passes the module through and writes one measure per compile', async () => {
    const original = WebAssembly.instantiateStreaming;
    restore = timeWasmCompiles();
    expect(WebAssembly.instantiateStreaming).not.toBe(original);
    const { instance } = await WebAssembly.instantiateStreaming(wasmResponse());
    expect((instance.exports['seven'] as () => number)()).toBe(7);
    expect(compiles()).toHaveLength(1);
    restore();
    expect(WebAssembly.instantiateStreaming).toBe(original);
  });

  it('wraps once however often it is called, and measures a failed compile too', async () => {
    restore = timeWasmCompiles();
    const undoSecond = timeWasmCompiles();
    const broken = new Response(new Uint8Array([0, 1, 2, 3]), {
      headers: { 'content-type': 'application/wasm' },
    });
    await expect(WebAssembly.instantiateStreaming(broken)).rejects.toThrow();
    expect(compiles()).toHaveLength(1);
    undoSecond();
    await WebAssembly.instantiateStreaming(wasmResponse());
    expect(compiles()).toHaveLength(2);
  });
});
