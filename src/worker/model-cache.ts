/**
 * The worker's care of transformers.js's model cache (the Cache API): stale files dropped before a
 * load, and a failed load's files dropped after it.
 */
import { env } from '@huggingface/transformers';
import { ONNX_FILES } from '../model/dtype.ts';

/**
 * transformers.js keeps model files in the Cache API and never revalidates them, so a replaced model
 * would be served stale for good. Before loading, compare the cached weights' validators with the
 * server's (a HEAD request per cached weights file) and drop the folder's cached files when they
 * differ. Offline, keep them.
 */
export async function dropStaleModelCache(model: string): Promise<void> {
  if (typeof caches === 'undefined' || !env.useBrowserCache || !navigator.onLine) return;
  const cache = await caches.open(env.cacheKey);
  // every weights file cached from this folder (which one runs is only known once it loads)
  for (const file of Object.values(ONNX_FILES)) {
    const weights = new URL(file, model).href;
    const cached = await cache.match(weights);
    if (cached === undefined) continue;
    let current: Response;
    try {
      current = await fetch(weights, { method: 'HEAD', cache: 'no-store' });
    } catch {
      return; // Offline: the cached model is all there is.
    }
    if (!current.ok) continue;
    const same = ['etag', 'last-modified', 'content-length'].every((name) => {
      const before = cached.headers.get(name);
      const now = current.headers.get(name);
      return before === null || now === null || before === now;
    });
    if (same) continue;
    await dropModelCache(model);
    return;
  }
}

/**
 * Drops every file of the folder `model` from transformers.js's cache. Done after a failed load
 * too: transformers.js caches a file as it downloads it, before the loader can see it is broken
 * (truncated, HTML for JSON), and a server without validators would never have it replaced.
 */
export async function dropModelCache(model: string): Promise<void> {
  if (typeof caches === 'undefined' || !env.useBrowserCache) return;
  const cache = await caches.open(env.cacheKey);
  for (const request of await cache.keys()) {
    if (request.url.startsWith(model)) await cache.delete(request);
  }
}
