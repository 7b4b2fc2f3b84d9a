/**
 * The demo page's Vite config (dev server, `vite preview`, the demo build of `npm run build`) and
 * the unit tests' Vitest config. The page loads the drop-in element (build/dropin.ts) as any page
 * would; public/ holds the page's static files (the service worker, filled in at build).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import { ONNX_FILES, resolveDtype } from './src/model/dtype.ts';
import { ORT_BUILDS } from './src/model/ort-files.ts';
import { MODEL_FOLDER, ORT_FOLDER, WORKER_FILE } from './src/worker/base-path.ts';
import {
  DROPIN,
  ISOLATION_HEADERS,
  MODEL_DIR,
  ORT_DIR,
  ORT_FILES,
  ROOT,
  noStrayAssets,
  serveDir,
} from './build/vite-shared.ts';

const root = ROOT;
const isolationHeaders = ISOLATION_HEADERS;
/** The drop-in folder's URL path in dist/ (build/dropin.ts writes it before the demo is built). */
const DROPIN_PATH = `${DROPIN}/`;
/**
 * In the dev server the element runs from source, so its base folder (the folder of
 * src/worker/base-path.ts) is /src/worker/: the worker, model and wasm are served there.
 */
const DEV_BASE = '/src/worker/';

/** Files the service worker does not precache (fetched and cached only if used). */
const NOT_PRECACHED = new Set(['sw.js']);

/**
 * The embedded model's file that only WebGPU runs, if any: the model's config.json names a file per
 * device (src/model/dtype.ts; for ours, q8 on WebGPU and int8 elsewhere). When the WASM file is
 * missing, WASM falls back to q8, so then nothing is WebGPU's alone.
 */
function webgpuOnlyModelFiles(): string[] {
  const configPath = join(MODEL_DIR, 'config.json');
  if (!existsSync(configPath)) return [];
  const config: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
  const webgpu = ONNX_FILES[resolveDtype('auto', 'webgpu', config)];
  const wasm = ONNX_FILES[resolveDtype('auto', 'wasm', config)];
  const separate = webgpu !== wasm && existsSync(join(MODEL_DIR, wasm));
  return separate ? [`${DROPIN_PATH}${MODEL_FOLDER}${webgpu}`] : [];
}

/**
 * What only WebGPU runs, precached only where the browser offers WebGPU: onnxruntime-web's WebGPU
 * build (25.6 MB) and the model's WebGPU file.
 */
const WEBGPU_ONLY = new Set<string>([
  ...ORT_BUILDS.webgpu.map((file) => `${DROPIN_PATH}${ORT_FOLDER}${file}`),
  ...webgpuOnlyModelFiles(),
]);

/**
 * Fills in dist/sw.js, which Vite copies from public/sw.js: the lists of the files in dist/ to
 * precache (always, and only where WebGPU is offered), and a version that changes whenever any of
 * their contents does. `template` is public/sw.js as written.
 */
function writeServiceWorker(outDir: string, template: string): void {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(outDir, path).split(sep).join('/'));
    }
  };
  walk(outDir);
  // The model folder is left to the worker's own cache, which revalidates it (docs/reliability.md).
  const cached = files
    .filter((file) => !NOT_PRECACHED.has(file) && !file.startsWith(`${DROPIN_PATH}${MODEL_FOLDER}`))
    .sort();
  const precache = cached.filter((file) => !WEBGPU_ONLY.has(file));
  const webgpuOnly = cached.filter((file) => WEBGPU_ONLY.has(file));
  const hash = createHash('sha256').update(template);
  for (const file of cached) hash.update(file).update(readFileSync(join(outDir, file)));
  const source = template
    .replace('__VERSION__', hash.digest('hex').slice(0, 16))
    .replace("'__PRECACHE__'", () => JSON.stringify(JSON.stringify(['./', ...precache])))
    .replace("'__PRECACHE_WEBGPU__'", () => JSON.stringify(JSON.stringify(webgpuOnly)));
  writeFileSync(join(outDir, 'sw.js'), source);
}

/**
 * The demo around the drop-in folder. The built page loads the element exactly as any other page
 * would, from dist/med7-ner/med7-ner.js with one script tag; the dev server serves the element from
 * source and its worker, model and wasm at its source folder (DEV_BASE).
 */
function med7Demo(): Plugin {
  let outDir = join(root, 'dist');
  let publicDir = join(root, 'public');
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'med7-demo',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
      command = config.command;
    },
    resolveId(id) {
      // The worker as the element asks for it, from source.
      if (id === `${DEV_BASE}${WORKER_FILE}`) return join(root, 'src', 'worker', 'med7.worker.ts');
      return null;
    },
    configureServer(server) {
      server.middlewares.use(serveDir(`${DEV_BASE}${MODEL_FOLDER}`, MODEL_DIR));
      server.middlewares.use(serveDir(`${DEV_BASE}${ORT_FOLDER}`, ORT_DIR, ORT_FILES));
    },
    // `vite preview` gzips on the fly without a Content-Length (no download progress, and CPU spent
    // on 30 MB of binaries each visit): it serves the model and wasm as plain files instead.
    configurePreviewServer(server) {
      for (const folder of [MODEL_FOLDER, ORT_FOLDER]) {
        server.middlewares.use(
          serveDir(`/${DROPIN_PATH}${folder}`, join(outDir, DROPIN, folder.replace(/\/$/, ''))),
        );
      }
    },
    // Added after Vite has bundled the page's own scripts, so the element stays a file of its own.
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'script',
          attrs: {
            type: 'module',
            src:
              command === 'build'
                ? `./${DROPIN_PATH}med7-ner.js`
                : '/src/components/med7-ner/med7-ner.ts',
          },
          injectTo: 'head',
        },
      ],
    },
    writeBundle() {
      if (!existsSync(join(outDir, DROPIN, 'med7-ner.js'))) {
        this.error(`${join(outDir, DROPIN)} is missing: build it first (npm run build).`);
      }
      writeServiceWorker(outDir, readFileSync(join(publicDir, 'sw.js'), 'utf8'));
    },
  };
}

export default defineConfig({
  // Relative URLs: dist/ works from any folder of any static server.
  base: './',
  // A multi-page app: a missing file is a 404, not index.html (so a wrong model URL says so).
  appType: 'mpa',
  plugins: [noStrayAssets(), med7Demo()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [noStrayAssets()] },
  // The drop-in folder is already in dist/ (npm run build writes it first).
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, emptyOutDir: false },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
