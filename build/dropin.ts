/**
 * Builds the drop-in folder dist/med7-ner/: everything a page needs from one script tag.
 * - med7-ner.js: one ES module that defines <med7-ner> (Lit bundled, decorators compiled);
 * - med7-ner.worker.js: the model worker, one ES module (transformers.js and onnxruntime-web's glue);
 * - models/med7-compact/: what the element fetches of the embedded model (no fp32, no model card);
 * - ort/: onnxruntime-web's two wasm builds.
 * The element finds all of them relative to its own script (src/worker/base-path.ts).
 * The element is built last, with the SHA-384 of every other file embedded (build/manifest.ts), and
 * the SRI hash of med7-ner.js itself is written to SRI.txt and printed, for the page's script tag.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { DROPIN, MODEL_DIR, ORT_DIR, ORT_FILES, ROOT, noStrayAssets } from './vite-shared.ts';
import { MODEL_FOLDER, ORT_FOLDER, WORKER_FILE } from '../src/worker/base-path.ts';
import { ONNX_FILES } from '../src/model/dtype.ts';
import { hashFiles, sriOf, writeModelManifest } from './manifest.ts';

/** The model files the element can fetch: config, tokenizer and the two int8 weight files. */
export const DROPIN_MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  ONNX_FILES.int8,
  ONNX_FILES.q8,
];

/** One self-contained ES module from `entry`, written as `fileName` in `outDir`. */
function moduleBuild(
  entry: string,
  fileName: string,
  outDir: string,
  define: Record<string, string> = {},
): InlineConfig {
  return {
    configFile: false,
    define,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    plugins: [noStrayAssets()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}

/** Writes the drop-in folder into `outDir` (default dist/med7-ner). */
export async function buildDropin(outDir = join(ROOT, 'dist', DROPIN)): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build(moduleBuild('src/worker/med7.worker.ts', WORKER_FILE, outDir));
  const modelOut = join(outDir, MODEL_FOLDER);
  for (const file of DROPIN_MODEL_FILES) {
    mkdirSync(join(modelOut, file, '..'), { recursive: true });
    cpSync(join(MODEL_DIR, file), join(modelOut, file));
  }
  mkdirSync(join(outDir, ORT_FOLDER), { recursive: true });
  for (const file of ORT_FILES) cpSync(join(ORT_DIR, file), join(outDir, ORT_FOLDER, file));
  // A copy of the model folder carries its own hashes too (for a page that points `model` at one).
  writeModelManifest(modelOut, DROPIN_MODEL_FILES);

  const manifest = {
    files: hashFiles(outDir, [
      WORKER_FILE,
      ...DROPIN_MODEL_FILES.map((file) => `${MODEL_FOLDER}${file}`),
      ...ORT_FILES.map((file) => `${ORT_FOLDER}${file}`),
    ]),
  };
  await build(
    moduleBuild('src/components/med7-ner/med7-ner.ts', 'med7-ner.js', outDir, {
      __MED7_MANIFEST__: JSON.stringify(manifest),
    }),
  );
  const sri = sriOf(readFileSync(join(outDir, 'med7-ner.js')));
  writeFileSync(join(outDir, 'SRI.txt'), `${sri}\n`);
  console.log(`med7-ner.js integrity: ${sri} (${relative(ROOT, join(outDir, 'SRI.txt'))})`);
}
