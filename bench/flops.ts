/**
 * Work per token of a BERT-style encoder + token-classification head, from its config.json.
 *
 * Counted: the matrix multiplications, 2 FLOPs per multiply-add. Per layer and token: Q, K, V and
 * the attention output (4·h² weights), the FFN (2·h·f weights), so 2·(4h² + 2hf); attention scores
 * (QKᵀ) and the weighted sum of values (AV), h multiply-adds each per key, so 4·n·h for a sequence
 * of n tokens. Then the classifier, 2·h·labels. Not counted: embedding lookups (free), layer
 * norms, softmax, GELU, biases (a few percent at most).
 */
import type { ForwardBatch } from '../src/core/decode/extract.ts';

export interface EncoderShape {
  readonly vocab: number;
  readonly positions: number;
  readonly typeVocab: number;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly ffn: number;
  readonly labels: number;
}

export function shapeOf(config: Record<string, unknown>): EncoderShape {
  const num = (key: string): number => {
    const value = config[key];
    if (typeof value !== 'number') throw new Error(`config.json has no numeric "${key}"`);
    return value;
  };
  return {
    vocab: num('vocab_size'),
    positions: num('max_position_embeddings'),
    typeVocab: typeof config['type_vocab_size'] === 'number' ? config['type_vocab_size'] : 2,
    layers: num('num_hidden_layers'),
    hidden: num('hidden_size'),
    heads: num('num_attention_heads'),
    ffn: num('intermediate_size'),
    labels: Object.keys((config['id2label'] as Record<string, string> | undefined) ?? {}).length,
  };
}

/** Parameters: embeddings (words, positions, token types, layer norm), layers, classifier. */
export function parameterCount(s: EncoderShape): number {
  const h = s.hidden;
  const embeddings = (s.vocab + s.positions + s.typeVocab) * h + 2 * h;
  const layer = 4 * (h * h + h) + (h * s.ffn + s.ffn) + (s.ffn * h + h) + 4 * h;
  return embeddings + s.layers * layer + h * s.labels + s.labels;
}

export interface FlopsPerToken {
  /** Sequence length (tokens, special tokens and padding included) the attention term assumes. */
  readonly sequenceLength: number;
  readonly weights: number;
  readonly attention: number;
  readonly classifier: number;
  readonly total: number;
}

export function flopsPerToken(s: EncoderShape, sequenceLength: number): FlopsPerToken {
  const h = s.hidden;
  const weights = s.layers * 2 * (4 * h * h + 2 * h * s.ffn);
  const attention = s.layers * 4 * sequenceLength * h;
  const classifier = 2 * h * s.labels;
  return {
    sequenceLength,
    weights,
    attention,
    classifier,
    total: weights + attention + classifier,
  };
}

/** What a run of forward calls computed: padded tokens included, since the model computes them. */
export interface Work {
  calls: number;
  /** Rows × length summed over calls (what the model computes). */
  tokens: number;
  /** Sub-tokens that are not padding (content and special tokens). */
  realTokens: number;
  flops: number;
}

export function emptyWork(): Work {
  return { calls: 0, tokens: 0, realTokens: 0, flops: 0 };
}

export function addBatch(work: Work, s: EncoderShape, batch: ForwardBatch): void {
  const rows = batch.inputIds.length;
  work.calls += 1;
  work.tokens += rows * batch.length;
  work.realTokens += batch.inputIds.reduce((sum, row) => sum + row.length, 0);
  work.flops += rows * batch.length * flopsPerToken(s, batch.length).total;
}

/** The token-weighted mean sequence length of the calls (what the attention term saw). */
export function meanSequenceLength(work: Work, s: EncoderShape): number {
  // flops = tokens · (weights + classifier + layers·4·h·n̄)  ⇒  n̄.
  const fixed = flopsPerToken(s, 0).total;
  return (work.flops / work.tokens - fixed) / (s.layers * 4 * s.hidden);
}
