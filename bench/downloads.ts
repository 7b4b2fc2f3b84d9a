/**
 * Every byte a first visit downloads: each request of a browser context (page, worker, service
 * worker) matched to the file of the build it fetched, sized raw and gzipped.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';

export interface Download {
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
  /** Fetched by the page or its worker (needed to run), not only by the service worker's precache. */
  readonly byPage: boolean;
  /** First requested before `med7-ready`. */
  readonly beforeReady: boolean;
  /** Body bytes as `vite preview` sent them (Playwright's `request.sizes()`), summed over fetches. */
  readonly wire: number;
  readonly fetches: number;
}

/** Records every request of a context; the returned function settles and sizes them. */
export function recorder(dist: string, base: string, unmatched: string[]) {
  return (context: BrowserContext) => {
    const seen = new Map<string, { at: number; wire: number; fetches: number; byPage: boolean }>();
    const pending: Promise<void>[] = [];
    let readyAtWall = Infinity;
    let lastRequest = Date.now();
    context.on('request', (request) => {
      lastRequest = Date.now();
      const url = new URL(request.url());
      // onnxruntime-web starts its threads from a blob: URL of code it already holds: no download.
      if (url.protocol === 'blob:' || url.protocol === 'data:') return;
      if (`${url.origin}/` !== new URL(base).href) {
        unmatched.push(request.url());
        return;
      }
      const path = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
      const entry = seen.get(path) ?? { at: Date.now(), wire: 0, fetches: 0, byPage: false };
      entry.fetches += 1;
      if (request.serviceWorker() === null) entry.byPage = true;
      seen.set(path, entry);
      pending.push(
        (async () => {
          const response = await request.response().catch(() => null);
          await response?.finished().catch(() => undefined);
          const sizes = await request.sizes().catch(() => undefined);
          entry.wire += sizes?.responseBodySize ?? 0;
        })(),
      );
    });
    return async (): Promise<Download[]> => {
      readyAtWall = Date.now();
      // Let the service worker install (it precaches the app for offline use): quiet for 3 s.
      const page = context.pages()[0];
      await page
        ?.evaluate(() => navigator.serviceWorker?.ready.then(() => true))
        .catch(() => undefined);
      while (Date.now() - lastRequest < 3000) await new Promise((done) => setTimeout(done, 250));
      await Promise.all(pending);
      const downloads: Download[] = [];
      for (const [path, entry] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
        const file = join(dist, path);
        let bytes: Buffer;
        try {
          if (!statSync(file).isFile()) throw new Error('not a file');
          bytes = readFileSync(file);
        } catch {
          unmatched.push(path);
          continue;
        }
        downloads.push({
          path,
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          byPage: entry.byPage,
          beforeReady: entry.at <= readyAtWall,
          wire: entry.wire,
          fetches: entry.fetches,
        });
      }
      return downloads;
    };
  };
}
