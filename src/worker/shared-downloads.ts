/**
 * One download per model file during a load. When given a progress callback, transformers.js (4.3) first asks
 * for each model file's size with a plain GET of a same-origin folder (`get_file_metadata`), reads
 * only its headers and never cancels the body, then GETs the file again to read it: the weights
 * came down twice (docs/reliability.md). During a load, GETs of the same URL in the model folder
 * share one request; each caller gets its own clone of the response. Cleared when the load ends.
 * The weights' download may also start before transformers.js asks for it (`prefetchModelFile`).
 */
import { env } from '@huggingface/transformers';

const shared = new Map<string, Promise<Response>>();
let sharedFolder: string | undefined;

/** Installs the sharing fetch as transformers.js's (once, before any load arms its checks on it). */
export function shareDownloads(): void {
  const baseFetch = env.fetch;
  env.fetch = (input: string | URL, init?: RequestInit): Promise<Response> => {
    // transformers.js asks for a same-origin folder's files by path: compare absolute URLs.
    const url = new URL(String(input), self.location.href).href;
    const headers = new Headers(init?.headers);
    const plainGet = (init?.method ?? 'GET') === 'GET' && !headers.has('range');
    if (sharedFolder === undefined || !plainGet || !url.startsWith(sharedFolder)) {
      return baseFetch(input, init) as Promise<Response>;
    }
    let response = shared.get(url);
    if (response === undefined) {
      response = baseFetch(input, init) as Promise<Response>;
      shared.set(url, response);
      response.catch(() => shared.delete(url));
    }
    return response.then((first) => first.clone());
  };
}

/** Runs `load` with the GETs of the folder `model` shared, then forgets them. */
export async function whileSharingDownloads<T>(model: string, load: () => Promise<T>): Promise<T> {
  sharedFolder = model;
  try {
    return await load();
  } finally {
    sharedFolder = undefined;
    shared.clear();
  }
}

/**
 * Starts downloading the weights file the session is about to read (LoadOptions.prefetch), beside
 * onnxruntime-web's files rather than after them: through transformers.js's fetch, so that the
 * session's own GET shares this download (above) and integrity checks it as it is read. Not when
 * transformers.js's cache holds the file already (a return visit), which it then reads instead.
 */
export async function prefetchModelFile(url: string): Promise<void> {
  if (sharedFolder === undefined || !url.startsWith(sharedFolder)) return;
  if (typeof caches !== 'undefined' && env.useBrowserCache) {
    const cache = await caches.open(env.cacheKey);
    if ((await cache.match(url)) !== undefined) return;
  }
  await env.fetch(url);
}
