/**
 * Where the element finds its own files: the worker script, the embedded model and onnxruntime-web's
 * wasm. By default the folder of the script that defined the element (the drop-in folder, on this
 * origin or a CDN), so one script tag needs no settings. A bundled copy of the element cannot know
 * where its files were copied to: `setBasePath()` says so, once, before the first element connects.
 */

/** The file names inside the base folder (what `npm run build` writes to dist/med7-ner/). */
export const WORKER_FILE = 'med7-ner.worker.js';
export const MODEL_FOLDER = 'models/med7-compact/';
export const ORT_FOLDER = 'ort/';

let configured: string | undefined;

/** The folder of this module's own script (the drop-in `med7-ner.js` when loaded from there). */
function scriptFolder(): string {
  const here = import.meta.url;
  return here.slice(0, here.lastIndexOf('/') + 1);
}

/**
 * Sets the URL of the folder that serves the element's files (a copy of `dist/med7-ner/`), resolved
 * against the page. Elements load from it when they (re)load their model.
 */
export function setBasePath(url: string): void {
  const resolved = new URL(url, document.baseURI).href;
  configured = resolved.endsWith('/') ? resolved : `${resolved}/`;
}

/** The base folder's absolute URL, ending in `/`. */
export function getBasePath(): string {
  return configured ?? scriptFolder();
}

/** The absolute URL of `path` inside the base folder. */
export function assetUrl(path: string): string {
  return new URL(path, getBasePath()).href;
}
