/**
 * How much graph optimisation a session's ONNX file gets. A model folder may ship a file whose graph
 * onnxruntime has already optimised and saved (scripts/optimize-onnx.ts), and say so in config.json:
 *
 *     "med7": { "optimized_onnx": { "onnx/model_int8.onnx": "onnxruntime-node 1.30.0, level extended" } }
 *
 * Such a file opens with graph optimisation off: the same graph, without the optimisers' passes
 * and the cold code they leave behind, which cost 0.4–0.7 s of a first visit in the browser
 * (docs/benchmarks.md). Every other file, and every folder without the key, opens with
 * onnxruntime's default (all optimisations).
 */
import { field } from './config-field.ts';

/** The session option for `onnxFile` (a path inside the folder, e.g. `onnx/model_int8.onnx`). */
export function graphLevelFor(
  config: unknown,
  onnxFile: string,
): { graphOptimizationLevel?: 'disabled' } {
  return isPreOptimized(config, onnxFile) ? { graphOptimizationLevel: 'disabled' } : {};
}

/** Whether config.json lists `onnxFile` under `med7.optimized_onnx`. */
export function isPreOptimized(config: unknown, onnxFile: string): boolean {
  const listed = field(field(config, 'med7'), 'optimized_onnx');
  return field(listed, onnxFile) !== undefined;
}
