/**
 * The integrity manifest of the drop-in folder: the SRI hash (SHA-384) of every file the element
 * loads after its own script. build/dropin.ts embeds it in med7-ner.js, so the one SRI hash of that
 * script on the page's tag pins the worker, onnxruntime-web's files and the model too
 * (src/worker/integrity.ts checks them at run time).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file a model folder carries its own hashes in (see docs/integrity.md). */
export const MODEL_MANIFEST_FILE = 'med7-manifest.json';

/** `sha384-<base64>`, as a `<script integrity>` attribute takes it. */
export function sriOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The SRI hash of each of `files` (paths relative to `dir`, with `/`), keyed by that path. */
export function hashFiles(dir: string, files: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of [...files].sort()) hashes[file] = sriOf(readFileSync(join(dir, file)));
  return hashes;
}

/**
 * Writes `med7-manifest.json` into a model folder: `{ "files": { "<path>": "sha384-…" } }` for the
 * `files` it holds (the same format as training/med7_train/manifest.py writes).
 */
export function writeModelManifest(dir: string, files: readonly string[]): void {
  const manifest = { files: hashFiles(dir, files) };
  writeFileSync(join(dir, MODEL_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
