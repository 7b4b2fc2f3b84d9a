/**
 * Saves a model folder's int8 ONNX file as onnxruntime optimises it (level `extended`: the fusions
 * every CPU and WASM build runs, none tied to one processor) and lists it in config.json under
 * `med7.optimized_onnx`, so that sessions open it with graph optimisation off
 * (src/model/graph-level.ts): 0.4–0.7 s less of a first visit in the browser, the same speed once
 * warm (docs/benchmarks.md). Nothing is written unless the saved graph gives the original's logits
 * bit for bit on onnxruntime-node and onnxruntime-web, on random batches.
 *
 *   npx tsx scripts/optimize-onnx.ts [MODEL_FOLDER]     (default: models/med7-compact)
 *
 * Run by training/build.sh after each build; running it again on an optimised folder does nothing.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { isPreOptimized } from '../src/model/graph-level.ts';

const FILE = 'onnx/model_int8.onnx';
const LEVEL = 'extended';
const CALLS = 200;

type Runtime = typeof ortNode | typeof ortWeb;
type Session = Awaited<ReturnType<typeof ortNode.InferenceSession.create>>;

const root = resolve(fileURLToPath(import.meta.url), '../..');
const folder = resolve(process.argv[2] ?? join(root, 'models', 'med7-compact'));
const configPath = join(folder, 'config.json');
const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
const file = join(folder, FILE);
if (!existsSync(file)) throw new Error(`${file} not found`);
if (isPreOptimized(config, FILE)) {
  console.log(`${FILE} in ${folder} is optimised already (config.json med7.optimized_onnx)`);
  process.exit(0);
}

// the fold of dequantized weights into float products stays off, as in src/model/session.ts
const extra = { session: { disable_quant_qdq: '1' } };
const saved = `${file}.optimized`;
await ortNode.InferenceSession.create(file, {
  graphOptimizationLevel: LEVEL,
  optimizedModelFilePath: saved,
  intraOpNumThreads: 1,
  extra,
});

/** Random batches of token ids: 1-3 rows of 3-62 sub-tokens, the later rows padded. */
function* batches(
  vocab: number,
): Generator<{ ids: BigInt64Array; mask: BigInt64Array; dims: number[] }> {
  let seed = 20261206;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let call = 0; call < CALLS; call++) {
    const rows = 1 + Math.floor(random() * 3);
    const length = 3 + Math.floor(random() * 60);
    const ids = new BigInt64Array(rows * length);
    const mask = new BigInt64Array(rows * length);
    for (let r = 0; r < rows; r++) {
      const real = r === 0 ? length : 2 + Math.floor(random() * (length - 1));
      for (let c = 0; c < real; c++) {
        ids[r * length + c] = BigInt(5 + Math.floor(random() * (vocab - 5)));
        mask[r * length + c] = 1n;
      }
    }
    yield { ids, mask, dims: [rows, length] };
  }
}

/** How many of the random calls give other logits (compared as bits) on `ort`. */
async function differingCalls(ort: Runtime, name: string): Promise<number> {
  const open = (path: string, level?: 'disabled'): Promise<Session> =>
    (ort.InferenceSession.create as (p: string | Uint8Array, o: object) => Promise<Session>)(
      ort === ortNode ? path : readFileSync(path),
      {
        ...(level === undefined ? {} : { graphOptimizationLevel: level }),
        intraOpNumThreads: 1,
        extra,
      },
    );
  const [before, after] = [await open(file), await open(saved, 'disabled')];
  const vocab = Number(config['vocab_size'] ?? 8000);
  let differing = 0;
  for (const { ids, mask, dims } of batches(vocab)) {
    const feeds: Record<string, InstanceType<Runtime['Tensor']>> = {
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
    };
    if (before.inputNames.includes('token_type_ids')) {
      feeds['token_type_ids'] = new ort.Tensor('int64', new BigInt64Array(ids.length), dims);
    }
    const bits = async (session: Session): Promise<Uint32Array> => {
      const logits = (await session.run(feeds as never))['logits'];
      if (logits === undefined) throw new Error('the model gives no logits');
      return new Uint32Array((logits.data as Float32Array).slice().buffer);
    };
    const [a, b] = [await bits(before), await bits(after)];
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) differing++;
  }
  await before.release();
  await after.release();
  console.log(`${name}: ${differing} of ${CALLS} random calls give other logits`);
  return differing;
}

// onnxruntime folds a table read through DequantizeLinear to float: the saved file would grow by
// 4 bytes a weight (training/med7_train/export.py's gather_int8_rows keeps tables int8)
if (statSync(saved).size > 1.5 * statSync(file).size) {
  rmSync(saved);
  console.error(
    `${FILE} left as it was: optimised, it grows to more than 1.5 times its size (a weight table ` +
      'dequantized as a whole; read its rows as int8 first, as export.gather_int8_rows does)',
  );
  process.exit(1);
}

(ortWeb.env.wasm as { numThreads: number }).numThreads = 1;
let differing: number;
try {
  differing =
    (await differingCalls(ortNode, 'onnxruntime-node')) +
    (await differingCalls(ortWeb, 'onnxruntime-web'));
} catch (error) {
  rmSync(saved);
  throw error;
}
if (differing > 0) {
  rmSync(saved);
  console.error(`${FILE} left as it was: the optimised graph does not compute the same logits`);
  process.exit(1);
}

const sizeBefore = statSync(file).size;
renameSync(saved, file);
const med7 = (config['med7'] ?? {}) as Record<string, unknown>;
const version = (ortNode.env as { versions?: { common?: string } }).versions?.common ?? 'unknown';
config['med7'] = {
  ...med7,
  optimized_onnx: {
    ...((med7['optimized_onnx'] ?? {}) as object),
    [FILE]: `onnxruntime-node ${version}, level ${LEVEL}`,
  },
};
writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
console.log(
  `${FILE}: optimised (${sizeBefore} → ${statSync(file).size} bytes); config.json lists it under med7.optimized_onnx`,
);
