import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkingCache, checkingFetch, isIntegrityError, sriOf } from './verify-fetch.ts';

const ORIGIN = 'http://cdn.test';
const bytes = new TextEncoder().encode('{"model_type":"bert"}');
const good = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const bad = `sha384-${createHash('sha384').update('other').digest('base64')}`;

/** A response whose body arrives in two chunks, as over the network. */
function chunked(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, 5));
      controller.enqueue(bytes.slice(5));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-length': String(bytes.length) } });
}

beforeEach(() => vi.stubGlobal('self', { location: { origin: ORIGIN } }));
afterEach(() => vi.unstubAllGlobals());

describe('sriOf', () => {
  it('is the SRI hash a script tag takes, in the algorithm asked for', async () => {
    expect(await sriOf(bytes)).toBe(good);
    const sha256 = `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
    expect(await sriOf(bytes, 'sha256-x')).toBe(sha256);
  });
});

describe('checkingFetch', () => {
  it('passes matching bytes through, resolving a path against the origin', async () => {
    const plain = vi.fn(() => Promise.resolve(chunked()));
    const fetch = checkingFetch(plain, (url) =>
      url === `${ORIGIN}/m/config.json` ? { hash: good } : undefined,
    );
    const response = await fetch('/m/config.json');
    expect(await response.text()).toBe('{"model_type":"bert"}');
    expect(plain).toHaveBeenCalledWith(`${ORIGIN}/m/config.json`, undefined);
  });

  it('ends a mismatched body with an error naming the file and both hashes', async () => {
    const failures: unknown[] = [];
    const fetch = checkingFetch(
      () => Promise.resolve(chunked()),
      () => ({ hash: bad }),
      (error) => failures.push(error),
    );
    const response = await fetch(`${ORIGIN}/m/tokenizer.json`);
    const read = response.arrayBuffer();
    await expect(read).rejects.toThrow(
      `Integrity check failed for ${ORIGIN}/m/tokenizer.json: expected ${bad}, got ${good}`,
    );
    expect(failures).toHaveLength(1);
    expect(isIntegrityError(failures[0])).toBe(true);
  });

  it('refuses a file without a hash when asked to, without fetching it', async () => {
    const plain = vi.fn(() => Promise.resolve(chunked()));
    const fetch = checkingFetch(plain, () => ({ refuse: 'no hash for it' }));
    await expect(fetch(`${ORIGIN}/m/x.onnx`)).rejects.toThrow('no hash for it');
    expect(plain).not.toHaveBeenCalled();
  });

  it('leaves HEAD requests, errors and files without an expectation alone', async () => {
    const fetch = checkingFetch(
      () => Promise.resolve(new Response('nope', { status: 404 })),
      () => ({ hash: bad }),
    );
    expect((await fetch(`${ORIGIN}/m/a`)).status).toBe(404);
    const head = checkingFetch(
      () => Promise.resolve(chunked()),
      () => ({ hash: bad }),
    );
    expect(await (await head(`${ORIGIN}/m/a`, { method: 'HEAD' })).text()).toBe(
      '{"model_type":"bert"}',
    );
  });
});

describe('checkingCache', () => {
  it('drops a cached file that does not match, and serves one that does', async () => {
    const stored = new Map<string, Response>([[`${ORIGIN}/m/config.json`, new Response(bytes)]]);
    const base = {
      match: (url: string) => Promise.resolve(stored.get(url)?.clone()),
      put: (url: string, response: Response) => Promise.resolve(void stored.set(url, response)),
      delete: (url: string) => Promise.resolve(stored.delete(url)),
    } as unknown as Cache;
    const matching = checkingCache(base, () => ({ hash: good }));
    expect(await (await matching.match('/m/config.json'))?.text()).toBe('{"model_type":"bert"}');
    const mismatched = checkingCache(base, () => ({ hash: bad }));
    expect(await mismatched.match('/m/config.json')).toBeUndefined();
    expect(stored.has(`${ORIGIN}/m/config.json`)).toBe(false);
  });
});
