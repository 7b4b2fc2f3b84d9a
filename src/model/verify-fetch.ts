/**
 * Checks bytes against SRI-style hashes (`sha256-…`, `sha384-…`, `sha512-…`, base64) with
 * SubtleCrypto, before anything uses them: a fetch whose body is checked as it is read (the reader
 * sees the bytes arrive, and the end of the body only once they match), and a cache whose hits are
 * checked the same way. A mismatch is a {@link Med7IntegrityError} naming the file and both hashes;
 * its URL is dropped from every Cache Storage cache of the origin (transformers.js's and a service
 * worker's alike), so the next load fetches it again.
 */
import { errorMessage } from '../core/error-message.ts';
import { Med7ModelError } from './errors.ts';

const ALGORITHMS: Record<string, string> = {
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/** A file whose bytes do not match the hash the element was built or told to expect. */
export class Med7IntegrityError extends Med7ModelError {
  readonly integrity = true;
}

export function isIntegrityError(error: unknown): boolean {
  return error instanceof Med7IntegrityError;
}

/** The SRI hash of `bytes` with the algorithm of `like` (`sha384-…` by default). */
export async function sriOf(bytes: BufferSource, like = 'sha384-'): Promise<string> {
  const prefix = like.slice(0, like.indexOf('-'));
  const algorithm = ALGORITHMS[prefix];
  if (algorithm === undefined) throw new Med7IntegrityError(`Unknown hash algorithm in "${like}"`);
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `${prefix}-${btoa(binary)}`;
}

/** Throws a {@link Med7IntegrityError} naming `url` unless `bytes` hash to `expected`. */
export async function checkBytes(
  url: string,
  bytes: BufferSource,
  expected: string,
): Promise<void> {
  const actual = await sriOf(bytes, expected);
  if (actual === expected) return;
  await forgetEverywhere(url);
  throw new Med7IntegrityError(
    `Integrity check failed for ${url}: expected ${expected}, got ${actual}; it was not used`,
  );
}

/** Fetches `url` and returns its bytes once they match `expected` (a 4xx/5xx throws with it). */
export async function fetchChecked(url: string, expected: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
  if (!response.ok) throw new Med7ModelError(`Could not fetch ${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  await checkBytes(url, bytes, expected);
  return bytes;
}

/** A fetched response, and the check of its bytes (read from a clone) against a hash. */
export interface PendingCheck {
  readonly response: Response;
  /** Resolves once the bytes match; a mismatch is a {@link Med7IntegrityError} naming both hashes. */
  readonly checked: Promise<void>;
}

/**
 * Fetches `url` and checks its bytes against `expected` on a clone of the body, while the response
 * itself stays a fetched one (streamable, and eligible for the browser's code cache). The caller
 * must not run what the response holds before `checked` resolves. The request carries no
 * `integrity`: the browser would then read and hash the whole body on this thread before handing
 * over any of it, and nothing could start compiling while the file comes down.
 */
export async function fetchForCheck(url: string, expected: string): Promise<PendingCheck> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
  } catch (error) {
    throw new Med7ModelError(`Could not fetch ${url}: ${errorMessage(error)}`);
  }
  if (!response.ok) throw new Med7ModelError(`Could not fetch ${url}: HTTP ${response.status}`);
  const checked = response
    .clone()
    .arrayBuffer()
    .then((bytes) => checkBytes(url, bytes, expected));
  // Observed by whoever runs the bytes; a load that fails before then must not leave it unhandled.
  checked.catch(() => undefined);
  return { response, checked };
}

/** Drops `url` from every cache of this origin's Cache Storage (nothing mismatched stays cached). */
export async function forgetEverywhere(url: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    for (const name of await caches.keys()) {
      await (await caches.open(name)).delete(url, { ignoreSearch: true, ignoreVary: true });
    }
  } catch {
    // Storage refused (an opaque origin, private mode): then nothing was cached either.
  }
}

/** What to check: the expected hash of a URL, or `refuse` with why it cannot be used unchecked. */
export type Expectation = { hash: string } | { refuse: string } | undefined;

/** `url` resolved against this origin (a path from transformers.js, or already absolute). */
function absolute(url: string): string {
  return new URL(url, `${self.location.origin}/`).href;
}

type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Wraps `plain` so that a full (200) response for a URL with an expectation is checked: its body
 * streams through unchanged, and ends with the check (an error instead of the end on a mismatch).
 */
export function checkingFetch(
  plain: Fetch,
  expect: (url: string) => Expectation,
  onFailure: (error: unknown) => void = () => undefined,
): Fetch {
  return async (input, init) => {
    const url = absolute(String(input));
    const expectation = expect(url);
    if (expectation !== undefined && 'refuse' in expectation) {
      const refused = new Med7IntegrityError(expectation.refuse);
      onFailure(refused);
      throw refused;
    }
    // Absolute: a worker started from a blob: URL cannot resolve `/models/…` against its own URL.
    const response = await plain(url, init);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (expectation === undefined || method !== 'GET' || response.status !== 200) return response;
    if (response.body === null) return response;
    return new Response(checkedStream(url, response.body, expectation.hash, onFailure), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** `body`'s chunks as they come, then the check: it closes only when the bytes match. */
function checkedStream(
  url: string,
  body: ReadableStream<Uint8Array>,
  expected: string,
  onFailure: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (!done) {
        chunks.push(value);
        size += value.byteLength;
        controller.enqueue(value);
        return;
      }
      const all = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.byteLength;
      }
      chunks.length = 0;
      try {
        await checkBytes(url, all, expected);
        controller.close();
      } catch (error) {
        onFailure(error);
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** The part of the Cache API transformers.js uses (its `env.customCache`). */
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

/**
 * A cache whose hits for URLs with an expectation are checked before use: a hit that does not
 * match is dropped (and fetched again, checked, by the caller).
 */
export function checkingCache(base: Cache, expect: (url: string) => Expectation): CacheLike {
  return {
    async match(request) {
      // Absolute, as in checkingFetch: a blob: worker's Cache cannot resolve a path either.
      const url = absolute(request);
      const hit = await base.match(url);
      if (hit === undefined) return undefined;
      const expectation = expect(url);
      if (expectation === undefined) return hit;
      if ('refuse' in expectation) return undefined;
      const bytes = await hit.arrayBuffer();
      if ((await sriOf(bytes, expectation.hash)) !== expectation.hash) {
        await base.delete(url);
        return undefined;
      }
      return new Response(bytes, { status: hit.status, headers: hit.headers });
    },
    put: (request, response) => base.put(absolute(request), response),
  };
}
