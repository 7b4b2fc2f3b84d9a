/**
 * A tiny stand-in model for tests that exercise the plumbing (long inputs, windowing, I/O) rather
 * than accuracy: the shipped model's config and tokenizer, with an ONNX graph that is one lookup
 * table (`logits = table[input_ids]`), so it costs nothing to run. Written to a temporary folder
 * at test time, never committed.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ONNX_FILES } from '../model/dtype.ts';

// --- a minimal protobuf writer, enough for an ONNX ModelProto ---------------------------------

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
const int = (field: number, value: number) => [...key(field, 0), ...varint(value)];
const bytes = (field: number, data: ArrayLike<number>) => [
  ...key(field, 2),
  ...varint(data.length),
  ...Array.from(data),
];
const str = (field: number, text: string) => bytes(field, new TextEncoder().encode(text));

const INT64 = 7;
const FLOAT = 1;

/** ValueInfoProto of a tensor with named (dynamic) or fixed dimensions. */
function valueInfo(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'string' ? str(2, d) : int(1, d)));
  const tensorType = [...int(1, elemType), ...bytes(2, shape)];
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
}

/** An ONNX model: `logits[b, s, :] = table[input_ids[b, s], :]`; the other inputs are unused. */
export function lookupModel(table: Float32Array, vocab: number, tags: number): Uint8Array {
  const weights = [
    ...int(1, vocab),
    ...int(1, tags),
    ...int(2, FLOAT),
    ...str(8, 'table'),
    ...bytes(9, new Uint8Array(table.buffer, table.byteOffset, table.byteLength)),
  ];
  const gather = [
    ...str(1, 'table'),
    ...str(1, 'input_ids'),
    ...str(2, 'logits'),
    ...str(3, 'lookup'),
    ...str(4, 'Gather'),
  ];
  const graph = [
    ...bytes(1, gather),
    ...str(2, 'lookup'),
    ...bytes(5, weights),
    ...bytes(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...bytes(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    ...bytes(11, valueInfo('token_type_ids', INT64, ['batch', 'sequence'])),
    ...bytes(12, valueInfo('logits', FLOAT, ['batch', 'sequence', tags])),
  ];
  const model = [...int(1, 8), ...bytes(8, [...str(1, ''), ...int(2, 14)]), ...bytes(7, graph)];
  return Uint8Array.from(model);
}

/**
 * Writes a tiny model folder at `dir` from the model folder `from` (config and tokenizer kept).
 * Its tags follow the token id: B-DRUG, I-DRUG, O, O, … in turn, so entities appear everywhere.
 */
export async function writeTinyModel(from: string, dir: string): Promise<void> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    await copyFile(join(from, file), join(dir, file));
  }
  const config = JSON.parse(await readFile(join(from, 'config.json'), 'utf8')) as {
    vocab_size: number;
    id2label: Record<string, string>;
  };
  const tags = Object.keys(config.id2label).length;
  const vocab = config.vocab_size;
  const drugB = Number(Object.entries(config.id2label).find(([, t]) => t === 'B-DRUG')?.[0] ?? 1);
  const drugI = Number(Object.entries(config.id2label).find(([, t]) => t === 'I-DRUG')?.[0] ?? 2);
  const outside = Number(Object.entries(config.id2label).find(([, t]) => t === 'O')?.[0] ?? 0);
  const table = new Float32Array(vocab * tags);
  for (let id = 0; id < vocab; id++) {
    const tag = [drugB, drugI, outside, outside][id % 4]!;
    table[id * tags + tag] = 5;
  }
  const onnx = lookupModel(table, vocab, tags);
  // one graph under every dtype's file name, so that `auto` finds whichever the copied config names
  for (const file of Object.values(ONNX_FILES)) await writeFile(join(dir, file), onnx);
}
