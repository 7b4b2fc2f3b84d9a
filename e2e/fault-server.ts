/**
 * A fault-injecting static server for the e2e tests: serves the built dist/ on loopback as a plain
 * static host would (cross-origin isolation headers, ETag, Last-Modified, Content-Length, HEAD), and
 * lets a test replace any file's answer (a truncated file, HTML for JSON, a 500) for the next n
 * requests, or hold a file's answer back until another file is asked for. It counts the GET
 * requests and the body bytes it sends per path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const DIST = join(import.meta.dirname, '..', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export interface Fault {
  body: Buffer | string;
  status?: number;
  contentType?: string;
  /** How many GET requests get the fault (default: all until cleared). */
  times?: number;
}

export interface Served {
  gets: number;
  heads: number;
  bytes: number;
}

/** A file whose answers wait for a request of another (`until`), or at most `timeoutMs`. */
interface Hold {
  until: string;
  released?: 'by request' | 'by timeout';
  release: Promise<void>;
  open: () => void;
}

export class FaultServer {
  readonly served = new Map<string, Served>();
  readonly #faults = new Map<string, Fault & { left: number }>();
  readonly #holds = new Map<string, Hold>();
  #server: Server | undefined;
  origin = '';

  async start(): Promise<string> {
    const server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const count = this.served.get(path) ?? { gets: 0, heads: 0, bytes: 0 };
      this.served.set(path, count);
      if (req.method === 'HEAD') count.heads++;
      else count.gets++;
      for (const hold of this.#holds.values()) {
        if (hold.until === path && req.method !== 'HEAD' && hold.released === undefined) {
          hold.released = 'by request';
          hold.open();
        }
      }
      await this.#holds.get(path)?.release;
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      res.setHeader('Cache-Control', 'no-cache');
      const fault = this.#faults.get(path);
      let body: Buffer;
      let type: string;
      let status = 200;
      if (fault !== undefined && fault.left > 0) {
        if (req.method !== 'HEAD') fault.left--;
        body = Buffer.from(fault.body);
        type = fault.contentType ?? TYPES[extname(path)] ?? 'application/octet-stream';
        status = fault.status ?? 200;
      } else {
        const file = normalize(join(DIST, path));
        if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        body = readFileSync(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
      // Validators from the content, as a CDN or nginx would give (a replaced file gets new ones).
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      res.statusCode = status;
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('ETag', etag);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      count.bytes += body.length;
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.origin;
  }

  /** Answers GET (and HEAD) of `path` with `fault` for its next `fault.times` GETs. */
  inject(path: string, fault: Fault): void {
    this.#faults.set(path, { ...fault, left: fault.times ?? Infinity });
  }

  /**
   * Holds every answer for `path` back until `until` is asked for (a GET), or `timeoutMs` passed;
   * `released(path)` then says which.
   */
  hold(path: string, until: string, timeoutMs: number): void {
    let open = () => {};
    const release = new Promise<void>((resolve) => (open = resolve));
    const hold: Hold = { until, release, open };
    setTimeout(() => {
      hold.released ??= 'by timeout';
      open();
    }, timeoutMs).unref();
    this.#holds.set(path, hold);
  }

  /** How the hold on `path` ended, if it has. */
  released(path: string): Hold['released'] {
    return this.#holds.get(path)?.released;
  }

  clear(): void {
    this.#faults.clear();
    for (const hold of this.#holds.values()) {
      hold.released ??= 'by timeout';
      hold.open();
    }
    this.#holds.clear();
  }

  resetCounts(): void {
    this.served.clear();
  }

  count(path: string): Served {
    return this.served.get(path) ?? { gets: 0, heads: 0, bytes: 0 };
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Reads a file of dist/ (to derive faults from the real file). */
export function distFile(path: string): Buffer {
  return readFileSync(join(DIST, path));
}
