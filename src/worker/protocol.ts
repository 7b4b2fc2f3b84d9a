/**
 * The wire protocol between the page (`Med7WorkerClient`) and the model worker (`med7.worker.ts`).
 *
 * Every request carries an `id`; the worker answers each request exactly once with a reply of the
 * same `id` (`ready`, `result`, `cancelled`, `disposed` or `error`), and may send any number of
 * `progress` replies for a `load`, or `analysing` replies for an `extract`, before that. `cancel` is a
 * notification about an earlier `extract`: queued, it is answered `cancelled`; running, it stops at
 * its next model call and is answered `cancelled`. `ping` is a liveness probe, answered `pong` at once
 * whenever the worker's event loop is free (see `Med7WorkerClient` for the deadlines).
 */
import type {
  LoadProgress,
  Med7Device,
  Med7Dtype,
  ReadyInfo,
  ResolvedDtype,
} from '../model/types.ts';
import type { PackedEntities } from './packed-entities.ts';

// The types that cross this boundary are declared once, in ../model/types.ts.
export type { LoadProgress, Med7Device, Med7Dtype, ReadyInfo, ResolvedDtype };

export interface LoadRequest {
  type: 'load';
  id: number;
  /** Absolute URL of the model folder (holding config.json, tokenizer.json, onnx/…). */
  model: string;
  device: Med7Device;
  dtype: Med7Dtype;
  /** Absolute URL of the folder that serves onnxruntime-web's `.mjs`/`.wasm` files. */
  wasmPaths: string;
  /** What to check before use (see ./integrity.ts); absent: nothing is checked (a dev build). */
  integrity?: LoadIntegrity;
  /**
   * Run the model on made-up sentences while idle once loaded on WASM (./warm-through.ts). The
   * element asks it of one worker per page at a time; absent: no warm-through.
   */
  warmThrough?: boolean;
}

/** The hashes a load checks files against, from the manifest embedded in the element's script. */
export interface LoadIntegrity {
  /** The SRI hash (`sha384-…`) of each file by absolute URL: onnxruntime-web's, the model's. */
  files: Record<string, string>;
  /** The model folder is not the embedded one: its hashes come from its `med7-manifest.json`. */
  modelManifest: boolean;
  /** `integrity="required"`: a model file without a hash is refused, never used unchecked. */
  required: boolean;
  /** Run onnxruntime-web's `.mjs` from its checked bytes (a `blob:` URL), not from its URL. */
  codeFromBytes: boolean;
}

export interface ExtractRequest {
  type: 'extract';
  id: number;
  text: string;
  /**
   * One Int32 on a SharedArrayBuffer (cross-origin isolated pages only) that the client sets to 1 to
   * cancel: the worker reads it before every model call, even while its event loop is busy with
   * this very analysis and a `cancel` message would wait.
   */
  cancelFlag?: Int32Array;
}

export interface CancelNotice {
  type: 'cancel';
  /** The `id` of the `extract` to drop if it has not started. */
  id: number;
}

export interface DisposeRequest {
  type: 'dispose';
  id: number;
}

/** A liveness probe: the worker answers `pong` with the same `id`. */
export interface PingNotice {
  type: 'ping';
  id: number;
}

export type WorkerRequest =
  LoadRequest | ExtractRequest | CancelNotice | DisposeRequest | PingNotice;

/** An `Error` as it crosses the worker boundary. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export interface ProgressReply {
  type: 'progress';
  id: number;
  /** Download progress of one model file, summed over all files by the client. */
  info: LoadProgress;
}

/** How far a long `extract` has got, in sub-tokens (sent at most every 100 ms). */
export interface AnalysingReply {
  type: 'analysing';
  id: number;
  done: number;
  total: number;
}

export interface ReadyReply {
  type: 'ready';
  id: number;
  info: ReadyInfo;
}

export interface ResultReply {
  type: 'result';
  id: number;
  /** Transferred, not cloned (./packed-entities.ts); offsets into the request's text. */
  entities: PackedEntities;
  /** Milliseconds spent in the model for this text. */
  ms: number;
}

export interface CancelledReply {
  type: 'cancelled';
  id: number;
}

export interface DisposedReply {
  type: 'disposed';
  id: number;
}

export interface ErrorReply {
  type: 'error';
  id: number;
  error: SerializedError;
  /** The worker cannot go on (its WebAssembly instance aborted): the client replaces it. */
  fatal?: boolean;
}

export interface PongReply {
  type: 'pong';
  id: number;
}

export type WorkerReply =
  | PongReply
  | AnalysingReply
  | ProgressReply
  | ReadyReply
  | ResultReply
  | CancelledReply
  | DisposedReply
  | ErrorReply;

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

/** The subset of `Worker` the client needs, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type WorkerFactory = () => WorkerLike;

/** Compile-time exhaustiveness check for `switch` over the tagged unions above. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
