/** The plain-file server of the dev and preview servers: revalidation answers 304 without a body. */
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesEtag, serveDir } from './vite-shared.ts';

describe('serveDir', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'med7-serve-'));
    await writeFile(join(dir, 'a.wasm'), 'wasm bytes');
    const serve = serveDir('/ort/', dir, ['a.wasm']);
    server = createServer((req, res) => serve(req, res, () => res.writeHead(418).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a file with its ETag, and 304 with no body when the ETag is already held', async () => {
    const first = await fetch(`${base}/ort/a.wasm`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('wasm bytes');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"10-\d+"$/);

    const again = await fetch(`${base}/ort/a.wasm`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('sends the file again once it has changed', async () => {
    const { headers } = await fetch(`${base}/ort/a.wasm`);
    const old = headers.get('etag')!;
    await writeFile(join(dir, 'a.wasm'), 'new wasm bytes');
    await utimes(join(dir, 'a.wasm'), new Date(), new Date(Date.now() + 5000));
    const changed = await fetch(`${base}/ort/a.wasm`, { headers: { 'If-None-Match': old } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('new wasm bytes');
    expect(changed.headers.get('etag')).not.toBe(old);
  });

  it('still refuses files it does not serve', async () => {
    expect((await fetch(`${base}/ort/other.wasm`)).status).toBe(404);
    expect((await fetch(`${base}/ort/../a.wasm`)).status).toBe(418);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(418);
  });
});

describe('matchesEtag', () => {
  it('compares weakly, in lists and with *', () => {
    expect(matchesEtag('W/"1-2"', 'W/"1-2"')).toBe(true);
    expect(matchesEtag('"1-2"', 'W/"1-2"')).toBe(true);
    expect(matchesEtag('"0-0", W/"1-2"', 'W/"1-2"')).toBe(true);
    expect(matchesEtag('*', 'W/"1-2"')).toBe(true);
    expect(matchesEtag('W/"1-3"', 'W/"1-2"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"1-2"')).toBe(false);
  });
});
