import { describe, expect, it } from 'vitest';
import { graphLevelFor, isPreOptimized } from './graph-level.ts';

const listed = {
  med7: { optimized_onnx: { 'onnx/model_int8.onnx': 'onnxruntime-node 1.30.0, level extended' } },
};

describe('graph optimisation of a session', () => {
  it('is off for a file config.json lists as optimised already', () => {
    expect(isPreOptimized(listed, 'onnx/model_int8.onnx')).toBe(true);
    expect(graphLevelFor(listed, 'onnx/model_int8.onnx')).toEqual({
      graphOptimizationLevel: 'disabled',
    });
  });

  it("is onnxruntime's default for the folder's other files", () => {
    expect(graphLevelFor(listed, 'onnx/model_quantized.onnx')).toEqual({});
    expect(graphLevelFor(listed, 'onnx/model.onnx')).toEqual({});
  });

  it("is onnxruntime's default for folders made by other tools, whatever their config holds", () => {
    for (const config of [
      {},
      null,
      'onnx/model_int8.onnx',
      { med7: null },
      { med7: { optimized_onnx: ['onnx/model_int8.onnx'] } },
      { med7: { optimized_onnx: 'onnx/model_int8.onnx' } },
      { optimized_onnx: { 'onnx/model_int8.onnx': 'x' } },
      { med7: { optimized_onnx: { 'onnx/MODEL_INT8.onnx': 'x' } } },
    ]) {
      expect(graphLevelFor(config, 'onnx/model_int8.onnx')).toEqual({});
    }
  });
});
