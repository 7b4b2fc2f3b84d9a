import { describe, expect, it } from 'vitest';
import { isDtype, ONNX_FILES, resolveDtype } from './dtype.ts';

const EMBEDDED = {
  'transformers.js_config': { dtype: 'int8', device_config: { webgpu: { dtype: 'q8' } } },
};

describe('resolveDtype', () => {
  it("follows the folder's choice per device under auto", () => {
    expect(resolveDtype('auto', 'cpu', EMBEDDED)).toBe('int8');
    expect(resolveDtype('auto', 'wasm', EMBEDDED)).toBe('int8');
    expect(resolveDtype('auto', 'webgpu', EMBEDDED)).toBe('q8');
  });

  it('keeps a dtype asked for, whatever the folder says', () => {
    expect(resolveDtype('fp32', 'wasm', EMBEDDED)).toBe('fp32');
    expect(resolveDtype('int8', 'webgpu', EMBEDDED)).toBe('int8');
    expect(resolveDtype('q8', 'cpu', EMBEDDED)).toBe('q8');
  });

  it('runs q8 for a folder that names no dtype, or one without a file name here', () => {
    expect(resolveDtype('auto', 'wasm', {})).toBe('q8');
    expect(resolveDtype('auto', 'wasm', undefined)).toBe('q8');
    expect(resolveDtype('auto', 'wasm', { 'transformers.js_config': 'int8' })).toBe('q8');
    expect(resolveDtype('auto', 'wasm', { 'transformers.js_config': { dtype: 'q4' } })).toBe('q8');
    expect(resolveDtype('auto', 'wasm', { 'transformers.js_config': { dtype: 'auto' } })).toBe(
      'q8',
    );
  });

  it("lets a device's own entry win even when it names a dtype without a file name here", () => {
    const config = {
      'transformers.js_config': { dtype: 'int8', device_config: { webgpu: { dtype: 'fp16' } } },
    };
    expect(resolveDtype('auto', 'webgpu', config)).toBe('q8');
    expect(resolveDtype('auto', 'wasm', config)).toBe('int8');
  });

  it('reads a per-file map, as transformers.js allows', () => {
    const config = { 'transformers.js_config': { dtype: { model: 'fp32' } } };
    expect(resolveDtype('auto', 'cpu', config)).toBe('fp32');
  });

  it('does not read inherited properties as choices', () => {
    const config = Object.create({ 'transformers.js_config': { dtype: 'int8' } }) as object;
    expect(resolveDtype('auto', 'cpu', config)).toBe('q8');
  });
});

describe('dtype names', () => {
  it('knows the four dtypes and the file of each resolved one', () => {
    expect(['auto', 'int8', 'q8', 'fp32'].every(isDtype)).toBe(true);
    expect(['q4', 'fp16', '', 8, null].some(isDtype)).toBe(false);
    expect(ONNX_FILES).toEqual({
      int8: 'onnx/model_int8.onnx',
      q8: 'onnx/model_quantized.onnx',
      fp32: 'onnx/model.onnx',
    });
  });
});
