#!/usr/bin/env node
// The `med7` command. The npm package runs its compiled JavaScript (dist/lib/). A checkout of the
// repository runs its TypeScript sources, compiled afresh on every start by esbuild (a dev
// dependency) into node_modules/.cache/med7-cli/<hash of the output>/, so no build step stands
// between an edit and the command and no stale build can run. The sources are compiled rather
// than hooked through tsx: tsx's module hooks transform transformers.js once in every thread that
// loads the model, about 170 MB each, which the worker pool of `med7 annotate --jobs N` paid N times.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;
const source = join(root, 'src', 'cli');
const { main } = existsSync(join(source, 'main.ts'))
  ? await import(await compileSources())
  : await import('../dist/lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

/**
 * Bundles the command and its worker (`main.js`, `annotate-worker.js`: engine.ts finds the worker
 * beside itself) with the packages left as imports. The folder sits inside node_modules so that
 * those imports resolve, and above the repository's models/ so that the embedded model is found.
 * Its name is the hash of what was built: runs of the same sources share it, an edit gets its own.
 */
async function compileSources() {
  const esbuild = await import('esbuild');
  const cache = join(root, 'node_modules', '.cache', 'med7-cli');
  const staging = join(cache, `.${process.pid}-${Date.now()}`);
  const { outputFiles } = await esbuild.build({
    entryPoints: {
      main: join(source, 'main.ts'),
      'annotate-worker': join(source, 'annotate-worker.ts'),
    },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.lib.json'),
    sourcemap: 'linked',
    outdir: staging,
    write: false,
    logLevel: 'error',
  });
  await esbuild.stop();
  const hash = createHash('sha256');
  for (const file of outputFiles)
    hash.update(`${relative(staging, file.path)}\0`).update(file.hash);
  const folder = join(cache, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(folder, 'main.js'))) {
    for (const file of outputFiles) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.contents);
    }
    // A run started at the same moment may have put the same folder in place first.
    await rename(staging, folder).catch(() => rm(staging, { recursive: true, force: true }));
  }
  await pruneCache(cache, folder);
  return pathToFileURL(join(folder, 'main.js')).href;
}

/** Marks `current` as used now and removes the builds of older sources unused for a day. */
async function pruneCache(cache, current) {
  const now = new Date();
  await utimes(current, now, now);
  for (const name of await readdir(cache)) {
    const folder = join(cache, name);
    const info = await stat(folder).catch(() => undefined);
    if (folder !== current && info !== undefined && now.getTime() - info.mtimeMs > DAY_MS) {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
