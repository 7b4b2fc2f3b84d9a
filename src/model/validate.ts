/**
 * Checks that a loaded folder is a Med7 token classifier before anyone relies on it: its labels
 * (config.json `id2label`), its session's inputs and outputs, and the longest sequence it takes;
 * and finds the special tokens its tokenizer frames a sequence with.
 */
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import { checkTagSet } from '../core/decode/tags.ts';
import { Med7ModelError } from './errors.ts';

const MAX_LENGTH_CAP = 512;

export interface ConfigLike {
  model_type?: string;
  architectures?: string[];
  id2label?: Record<string, string>;
  max_position_embeddings?: number;
}

export function readTags(config: ConfigLike, source: string): string[] {
  const architectures = config.architectures ?? [];
  if (
    architectures.length > 0 &&
    !architectures.some((a) => a.endsWith('ForTokenClassification'))
  ) {
    throw new Med7ModelError(
      `The model in ${source} is not a token-classification model (config.json architectures: ${architectures.join(', ')})`,
    );
  }
  const id2label = config.id2label;
  if (id2label === undefined || Object.keys(id2label).length === 0) {
    throw new Med7ModelError(
      `The model in ${source} is not a token-classification model: its config.json has no id2label`,
    );
  }
  const count = Object.keys(id2label).length;
  const tags: string[] = [];
  for (let i = 0; i < count; i++) {
    const tag = id2label[String(i)];
    if (typeof tag !== 'string') {
      throw new Med7ModelError(
        `config.json in ${source}: id2label must number its labels 0..${count - 1}, and ${i} is missing`,
      );
    }
    tags.push(tag);
  }
  const check = checkTagSet(tags);
  if (check.unknown.length > 0) {
    throw new Med7ModelError(
      `The model in ${source} has labels that are not Med7's: ${check.unknown.join(', ')} ` +
        `(Med7's are DRUG, STRENGTH, FORM, ROUTE, DOSAGE, FREQUENCY, DURATION, as BIO, BILUO or plain tags, and O)`,
    );
  }
  if (check.labels.length === 0) {
    throw new Med7ModelError(`The model in ${source} has no Med7 labels, only: ${tags.join(', ')}`);
  }
  return tags;
}

/** The special tokens around a sequence, found by encoding a probe with and without them. */
export function specialTokens(tokenizer: PreTrainedTokenizer): {
  prefix: number[];
  suffix: number[];
} {
  for (const probe of ['a', 'the', '1', 'x']) {
    const bare = tokenizer.encode(probe, { add_special_tokens: false });
    const framed = tokenizer.encode(probe, { add_special_tokens: true });
    if (bare.length === 0) continue;
    for (let at = 0; at + bare.length <= framed.length; at++) {
      if (bare.every((id, k) => framed[at + k] === id)) {
        return { prefix: framed.slice(0, at), suffix: framed.slice(at + bare.length) };
      }
    }
  }
  // A tokenizer that adds nothing recognisable around content: frame with what it adds to "".
  return { prefix: tokenizer.encode('', { add_special_tokens: true }), suffix: [] };
}

/**
 * The model's input names, once its session is known to take `input_ids` and give `logits`; a
 * model that does not is disposed and refused.
 */
export async function checkSession(
  model: PreTrainedModel,
  onnxFile: string,
  source: string,
): Promise<readonly string[]> {
  const session = (
    model as unknown as {
      sessions?: Record<string, { inputNames: string[]; outputNames: string[] }>;
    }
  ).sessions?.['model'];
  const inputNames = session?.inputNames ?? ['input_ids', 'attention_mask', 'token_type_ids'];
  if (session !== undefined && !session.outputNames.includes('logits')) {
    await model.dispose();
    throw new Med7ModelError(
      `${onnxFile} in ${source} has no "logits" output (outputs: ${session.outputNames.join(', ')})`,
    );
  }
  if (!inputNames.includes('input_ids')) {
    await model.dispose();
    throw new Med7ModelError(
      `${onnxFile} in ${source} has no "input_ids" input (inputs: ${inputNames.join(', ')})`,
    );
  }
  return inputNames;
}

/** The longest sequence the model takes, special tokens included: the least of its limits, ≤ 512. */
export function maxLengthOf(config: ConfigLike, tokenizer: PreTrainedTokenizer): number {
  const limits = [
    MAX_LENGTH_CAP,
    config.max_position_embeddings ?? MAX_LENGTH_CAP,
    tokenizer.model_max_length,
  ].filter((n) => Number.isFinite(n) && n > 0);
  return Math.min(...limits);
}
