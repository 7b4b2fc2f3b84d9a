/**
 * Which ONNX file of a model folder runs, under transformers.js's names for them. The embedded model
 * ships its int8 weights twice: with integer matrix products (`int8`, onnxruntime's dynamic
 * quantization, fastest on the CPU and WASM) and with the weights dequantized for float products
 * (`q8`, which WebGPU runs: it has no kernels for integer products). Its config.json says so in
 * `transformers.js_config`, the field transformers.js itself reads, so `auto` follows the folder.
 */
import { field } from './config-field.ts';
import type { Med7Dtype, ResolvedDtype, RunDevice } from './types.ts';

export type { Med7Dtype, ResolvedDtype };

export const DTYPES: readonly Med7Dtype[] = ['auto', 'int8', 'q8', 'fp32'];

export const ONNX_FILES: Readonly<Record<ResolvedDtype, string>> = {
  int8: 'onnx/model_int8.onnx',
  q8: 'onnx/model_quantized.onnx',
  fp32: 'onnx/model.onnx',
};

/** What `auto` runs when the folder does not name a dtype this loader knows. */
const FALLBACK: ResolvedDtype = 'q8';

export function isDtype(value: unknown): value is Med7Dtype {
  return typeof value === 'string' && (DTYPES as readonly string[]).includes(value);
}

/**
 * The dtype to run: the one asked for, or for `auto` the folder's choice for this device
 * (`transformers.js_config.device_config[device].dtype`, else `transformers.js_config.dtype`; either
 * may be a string or a `{model: dtype}` map), else `q8`. A dtype this loader has no file name for
 * (`fp16`, `q4`, …) gives `q8` too, so `auto` never fails on a folder made for other tools.
 */
export function resolveDtype(
  requested: Med7Dtype,
  device: RunDevice,
  config: unknown,
): ResolvedDtype {
  if (requested !== 'auto') return requested;
  const custom = field(config, 'transformers.js_config');
  const forDevice = field(field(field(custom, 'device_config'), device), 'dtype');
  // a device's own entry wins even when it names a dtype without a file name here: the folder's
  // general choice was not made for that device
  const chosen = forDevice === undefined ? field(custom, 'dtype') : forDevice;
  return pick(chosen) ?? FALLBACK;
}

function pick(dtype: unknown): ResolvedDtype | undefined {
  const named = typeof dtype === 'string' ? dtype : field(dtype, 'model');
  return isDtype(named) && named !== 'auto' ? named : undefined;
}
