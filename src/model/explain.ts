/**
 * Why a load failed, in words a user can act on: a missing file, a request that was blocked, a
 * broken file or a model of another kind. Read from errors' types, codes and the outcomes of the
 * requests the load made, never from words in a message (which holds paths).
 */
import { env } from '@huggingface/transformers';
import { errorMessage } from '../core/error-message.ts';
import { Med7ModelError, MissingFileError } from './errors.ts';
import { IS_NODE } from './locate.ts';

/** What a request made during a load ended in: an HTTP status, or the error `fetch` threw. */
export interface RequestOutcome {
  readonly status?: number;
  readonly error?: unknown;
}

/**
 * Why a load failed, read from the error's type, code and status (and its causes), never from
 * words in its message, which holds paths (`/srv/404/…`): `missing` — a file is not there
 * (our own check, ENOENT, or transformers.js's not-found error: in Node a path that does not
 * exist, in a browser a 404 unless a request threw); `unreachable` — a request threw (blocked by
 * a Content-Security-Policy or CORS, or the network failed), which transformers.js also reports
 * as not found; `other` — anything else (a broken file).
 */
export function failureKind(
  error: unknown,
  context: { readonly node: boolean; readonly requests?: readonly RequestOutcome[] },
): 'missing' | 'unreachable' | 'other' {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof MissingFileError) return 'missing';
    if ((e as { code?: unknown }).code === 'ENOENT') return 'missing';
    if (e.name === 'ModelFileNotFoundError') {
      if (context.node) return 'missing';
      // the error follows the request that failed: the last one that threw or got a 4xx/5xx
      return lastFailure(context.requests ?? [])?.error === undefined ? 'missing' : 'unreachable';
    }
  }
  return 'other';
}

/** The last request of `requests` that threw or got an error status. */
function lastFailure(requests: readonly RequestOutcome[]): RequestOutcome | undefined {
  for (let i = requests.length - 1; i >= 0; i--) {
    const request = requests[i]!;
    if (request.error !== undefined || (request.status ?? 200) >= 400) return request;
  }
  return undefined;
}

/** Browser: the outcome of every request transformers.js made during the current load. */
let requests: RequestOutcome[] = [];

export function isMissingFile(error: unknown): boolean {
  return failureKind(error, { node: IS_NODE, requests }) === 'missing';
}

/**
 * Runs `body` with transformers.js's `fetch` wrapped to record each request's outcome, so that
 * a failure can be put down to its real cause (see {@link failureKind}). Loads run one at a time.
 */
export async function recordingRequests<T>(body: () => Promise<T>): Promise<T> {
  const plain = env.fetch;
  requests = [];
  env.fetch = (input, init) =>
    plain(input, init).then(
      (response: { status?: number }) => {
        requests.push({ status: response.status });
        return response;
      },
      (error: unknown) => {
        requests.push({ error });
        throw error;
      },
    );
  try {
    return await body();
  } finally {
    env.fetch = plain;
  }
}

/** Turns a transformers.js / onnxruntime failure into a message a user can act on. */
export function explain(error: unknown, what: string, source: string): Med7ModelError {
  if (error instanceof Med7ModelError) return error;
  const message = errorMessage(error);
  const kind = failureKind(error, { node: IS_NODE, requests });
  if (kind === 'missing') {
    return new MissingFileError(
      `Model file missing while loading ${what} from ${source}: ${message}`,
      { cause: error },
    );
  }
  if (kind === 'unreachable') {
    return new Med7ModelError(
      `Could not fetch the ${what} from ${source} (the network failed, or a Content-Security-Policy or CORS rule blocked the request): ${errorMessage(lastFailure(requests)?.error)}`,
      { cause: error },
    );
  }
  if (/JSON/i.test(message)) {
    return new Med7ModelError(`The ${what} in ${source} is not valid JSON: ${message}`, {
      cause: error,
    });
  }
  if (what.endsWith('.onnx') && /protobuf|failed to load|invalid model|onnx/i.test(message)) {
    return new Med7ModelError(
      `The ONNX file ${what} in ${source} is broken or not an ONNX model: ${message}`,
      { cause: error },
    );
  }
  if (/unsupported model type|Unknown model class|architecture/i.test(message)) {
    return new Med7ModelError(
      `The model in ${source} is not a token-classification model transformers.js can run: ${message}`,
      { cause: error },
    );
  }
  return new Med7ModelError(`Could not load the ${what} from ${source}: ${message}`, {
    cause: error,
  });
}
