/**
 * The model as text → entities: feeds a loaded session padded int64 batches (the core's
 * `ForwardBatch`) and hands its logits to the core's extractor.
 */
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';
import type { ForwardBatch, ForwardResult } from '../core/decode/extract.ts';
import { Med7ModelError } from './errors.ts';

function toInt64(rows: readonly (readonly number[])[], length: number, fill: number): Tensor {
  const data = new BigInt64Array(rows.length * length).fill(BigInt(fill));
  rows.forEach((row, r) => row.forEach((value, c) => (data[r * length + c] = BigInt(value))));
  return new Tensor('int64', data, [rows.length, length]);
}

function maskOf(rows: readonly (readonly number[])[], length: number): Tensor {
  const data = new BigInt64Array(rows.length * length);
  rows.forEach((row, r) => data.fill(1n, r * length, r * length + row.length));
  return new Tensor('int64', data, [rows.length, length]);
}

/** One model call on a batch: ids padded with `padId`, an attention mask, zero token types. */
export function forwardOf(
  model: PreTrainedModel,
  inputNames: readonly string[],
  padId: number,
): (batch: ForwardBatch) => Promise<ForwardResult> {
  return async ({ inputIds, length }) => {
    const feeds: Record<string, Tensor> = {
      input_ids: toInt64(inputIds, length, padId),
      attention_mask: maskOf(inputIds, length),
    };
    if (inputNames.includes('token_type_ids')) {
      feeds['token_type_ids'] = toInt64(
        inputIds.map(() => []),
        length,
        0,
      );
    }
    const output = (await model(feeds)) as { logits?: Tensor };
    const logits = output.logits;
    if (logits === undefined) throw new Med7ModelError('the model returned no logits');
    return { data: logits.data as Float32Array, dims: logits.dims };
  };
}
