import { createHash } from 'node:crypto';
import {
  createReadStream,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vitest/config';
import { ONNX_FILES, resolveDtype } from './src/model/dtype.ts';
import { ORT_BUILDS } from './src/model/ort-files.ts';

// Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const root = import.meta.dirname;
/** The embedded model, served at /models/med7-compact/ and copied into dist/. */
const MODEL_DIR = join(root, 'models', 'med7-compact');
const ORT_DIR = join(root, 'node_modules', 'onnxruntime-web', 'dist');
/**
 * The onnxruntime-web files the browser fetches at run time, self-hosted under /ort/ (never a CDN):
 * its WASM-only build and the `asyncify` build that carries WebGPU (src/model/ort-build.ts picks).
 */
export const ORT_FILES = [...ORT_BUILDS.wasm, ...ORT_BUILDS.webgpu];

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.onnx_data': 'application/octet-stream',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Files the service worker does not precache (fetched and cached only if used). */
const NOT_PRECACHED = new Set(['sw.js', 'models/med7-compact/onnx/model.onnx']);

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
  return separate ? [`models/med7-compact/${webgpu}`] : [];
}

/**
 * What only WebGPU runs, precached only where the browser offers WebGPU: onnxruntime-web's WebGPU
 * build (25.6 MB) and the model's WebGPU file.
 */
const WEBGPU_ONLY = new Set<string>([
  ...ORT_BUILDS.webgpu.map((file) => `ort/${file}`),
  ...webgpuOnlyModelFiles(),
]);

/**
 * Writes dist/sw.js from src/demo/service-worker.js: the lists of the files in dist/ to precache
 * (always, and only where WebGPU is offered), and a version that changes whenever any of their
 * contents does.
 */
function writeServiceWorker(outDir: string): void {
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
    .filter((file) => !NOT_PRECACHED.has(file) && !file.startsWith('models/'))
    .sort();
  const precache = cached.filter((file) => !WEBGPU_ONLY.has(file));
  const webgpuOnly = cached.filter((file) => WEBGPU_ONLY.has(file));
  const template = readFileSync(join(root, 'src', 'demo', 'service-worker.js'), 'utf8');
  const hash = createHash('sha256').update(template);
  for (const file of cached) hash.update(file).update(readFileSync(join(outDir, file)));
  const source = template
    .replace('__VERSION__', hash.digest('hex').slice(0, 16))
    .replace("'__PRECACHE__'", () => JSON.stringify(JSON.stringify(['./', ...precache])))
    .replace("'__PRECACHE_WEBGPU__'", () => JSON.stringify(JSON.stringify(webgpuOnly)));
  writeFileSync(join(outDir, 'sw.js'), source);
}

/** Serves `dir` at `prefix` (dev server only); 404 for anything outside it or missing. */
function serveDir(prefix: string, dir: string, allow?: readonly string[]) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) return next();
    const relative = decodeURIComponent(url.pathname.slice(prefix.length));
    const file = normalize(join(dir, relative));
    const allowed = allow === undefined || allow.includes(relative);
    if (!allowed || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    const { size, mtime } = statSync(file);
    res.setHeader('Content-Length', String(size));
    res.setHeader('Last-Modified', mtime.toUTCString());
    res.setHeader('ETag', `W/"${size}-${mtime.getTime()}"`);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/**
 * Keeps `new URL(…, import.meta.url)` from copying files into dist/assets where it would be
 * wrong: onnxruntime-web's fallback URL of its 27 MB wasm (we always pass `wasmPaths`, so it is
 * dead code that would duplicate the file), and template-literal URLs, which Vite would turn into
 * a glob of a whole folder (the Node-only model path in src/model would pull in the repo root).
 */
function noStrayAssets(): Plugin {
  return {
    name: 'med7-no-stray-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!code.includes('import.meta.url') || id.includes('?')) return null;
      const ignored = code
        .replace(/new URL\((\s*"ort-wasm-[\w.-]+")/g, 'new URL(/* @vite-ignore */$1')
        .replace(
          /new URL\((\s*`[^`]*\$\{[^`]*`\s*,\s*import\.meta\.url)/g,
          'new URL(/* @vite-ignore */$1',
        );
      return ignored === code ? null : { code: ignored, map: null };
    },
  };
}

/**
 * Makes the model and onnxruntime-web's wasm part of the app: the dev server serves them at
 * /models/med7-compact/ and /ort/, and the build copies them to the same places in dist/, so dist/
 * runs offline from any static file server.
 */
function med7Assets(): Plugin {
  let outDir = join(root, 'dist');
  return {
    name: 'med7-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(serveDir('/models/med7-compact/', MODEL_DIR));
      server.middlewares.use(serveDir('/ort/', ORT_DIR, ORT_FILES));
    },
    // `vite preview` gzips on the fly without a Content-Length (no download progress, and CPU spent
    // on 30 MB of binaries each visit): it serves dist/'s model and wasm as plain files instead.
    configurePreviewServer(server) {
      server.middlewares.use(
        serveDir('/models/med7-compact/', join(outDir, 'models', 'med7-compact')),
      );
      server.middlewares.use(serveDir('/ort/', join(outDir, 'ort')));
    },
    writeBundle() {
      if (!existsSync(join(MODEL_DIR, 'config.json'))) {
        this.warn(`No model in ${MODEL_DIR}: dist/ will have no embedded model.`);
      } else {
        cpSync(MODEL_DIR, join(outDir, 'models', 'med7-compact'), { recursive: true });
      }
      mkdirSync(join(outDir, 'ort'), { recursive: true });
      for (const file of ORT_FILES) cpSync(join(ORT_DIR, file), join(outDir, 'ort', file));
      writeServiceWorker(outDir);
    },
  };
}

export default defineConfig({
  // Relative URLs: dist/ works from any folder of any static server.
  base: './',
  // A multi-page app: a missing file is a 404, not index.html (so a wrong model URL says so).
  appType: 'mpa',
  plugins: [noStrayAssets(), med7Assets()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [noStrayAssets()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
