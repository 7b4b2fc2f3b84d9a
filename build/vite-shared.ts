/**
 * Pieces shared by the demo's Vite config (vite.config.ts) and the drop-in build (build/dropin.ts):
 * where the model and onnxruntime-web's files come from, and how the dev and preview servers serve
 * static folders.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { ORT_BUILDS } from '../src/model/ort-files.ts';

export const ROOT = join(import.meta.dirname, '..');
/** The embedded model (the drop-in folder holds its browser files: see build/dropin.ts). */
export const MODEL_DIR = join(ROOT, 'models', 'med7-compact');
export const ORT_DIR = join(ROOT, 'node_modules', 'onnxruntime-web', 'dist');
/** The drop-in folder inside dist/: the element, its worker, the model and the wasm. */
export const DROPIN = 'med7-ner';

/**
 * The onnxruntime-web files the browser fetches at run time, self-hosted in the drop-in folder's
 * ort/ (never a CDN): its WASM-only build and the `asyncify` build that carries WebGPU.
 */
export const ORT_FILES: readonly string[] = [...ORT_BUILDS.wasm, ...ORT_BUILDS.webgpu];

/** Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.onnx_data': 'application/octet-stream',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves the plain files of `dir` at `prefix`; 404 for anything outside it, missing or not allowed.
 * Each answer may be cached but is revalidated (`no-cache`); a request whose `If-None-Match` names
 * the file's current ETag gets `304 Not Modified` and no body, so a browser that has the file (the
 * demo's service worker precaching the wasm the page just fetched, a model file checked on a second
 * visit) does not download it again.
 */
export function serveDir(prefix: string, dir: string, allow?: readonly string[]) {
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
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const { size, mtime } = statSync(file);
    const etag = `W/"${size}-${mtime.getTime()}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', mtime.toUTCString());
    res.setHeader('Cache-Control', 'no-cache');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(size));
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/** Whether an `If-None-Match` header names `etag` (or `*`), by weak comparison. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Keeps `new URL(…, import.meta.url)` from copying files where it would be wrong: onnxruntime-web's
 * fallback URL of its 27 MB wasm (we always pass `wasmPaths`, so it is dead code that would
 * duplicate the file), and template-literal URLs, which Vite would turn into a glob of a whole
 * folder (the Node-only model path in src/model would pull in the repo root).
 */
export function noStrayAssets(): Plugin {
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
