import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MODEL_FOLDER, ORT_FOLDER, assetUrl, getBasePath } from '../../worker/base-path.ts';
import {
  Med7WorkerClient,
  type ExtractResult,
  type WorkerFactory,
  type WorkerLoadOptions,
} from '../../worker/client.ts';
import { checkedWorkerFactory, loadIntegrity } from '../../worker/integrity.ts';
import type { LoadProgress, Med7Device, Med7Dtype, ReadyInfo } from '../../model/types.ts';
import { emit } from './med7-ner.events.ts';

/** What the loaded model depends on (the element's attributes): a change loads it again. */
export interface ModelSettings {
  model: string | undefined;
  device: Med7Device;
  dtype: Med7Dtype;
  wasmPaths: string | undefined;
  allowOrigins: string;
  integrity: 'required' | undefined;
}

/** `off`: `model="none"`, no worker and no model (a viewer of given entities). */
export type ModelPhase = 'loading' | 'ready' | 'error' | 'off';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The element whose worker runs the warm-through (src/worker/warm-through.ts): one per page at a
 * time, so that a page of many elements does not spend seconds of every core on it at once.
 */
const warmThrough: { by?: ModelController } = {};

/**
 * The model's lifecycle in a worker (`Med7WorkerClient`): loads it on the first update and again
 * when a setting changes, reports progress, a crashed worker's restart and failures (as events and
 * as state the element renders), and disposes of it when the element really leaves the page.
 * `generation` changes with every load, so an analysis that depends on it runs again.
 */
export class ModelController implements ReactiveController {
  phase: ModelPhase = 'loading';
  /** Download progress, bytes over all files. */
  loaded = 0;
  total = 0;
  info: ReadyInfo | undefined;
  /** Why the model could not be loaded (the element is failed until a new load). */
  error: Error | undefined;
  /** The message shown for `error`. */
  message: string | undefined;
  /** Bumped by every load. */
  generation = 0;

  readonly #host: Host;
  readonly #settings: () => ModelSettings;
  readonly #factory: () => WorkerFactory | undefined;
  #client: Med7WorkerClient | undefined;
  #ready: Promise<ReadyInfo> | undefined;
  /** The settings of the current load; '' when unloaded. */
  #key = '';
  #progress = new Map<string, LoadProgress>();

  constructor(host: Host, settings: () => ModelSettings, factory: () => WorkerFactory | undefined) {
    this.#host = host;
    this.#settings = settings;
    this.#factory = factory;
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected after a real removal: the model was unloaded, load it again.
    if (this.#key === '') this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Moving the element fires disconnect then connect: keep the model unless it really left.
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#unload();
    });
  }

  /** Whether the element runs without a model (`model="none"`). */
  get off(): boolean {
    return this.phase === 'off';
  }

  /** Like `@lit/task`'s args check: (re)loads before the render when the settings changed. */
  hostUpdate(): void {
    if (this.#host.isConnected && keyOf(this.#settings()) !== this.#key) this.#load();
  }

  /** Loads the model again if its last load failed (a network error, say). */
  retry(): void {
    if (this.#host.isConnected && this.error !== undefined && !this.off) this.#load();
  }

  /** Finds the entities of `text` once the model is ready. */
  async extract(
    text: string,
    signal: AbortSignal,
    onAnalysing: (done: number, total: number) => void,
  ): Promise<ExtractResult> {
    const client = this.#client;
    const ready = this.#ready;
    if (client === undefined || ready === undefined) {
      throw new Error('The element is not connected.');
    }
    await ready;
    return client.extract(text, signal, onAnalysing);
  }

  #load(): void {
    this.#unload();
    const settings = this.#settings();
    this.#key = keyOf(settings);
    this.generation++;
    this.error = undefined;
    this.message = undefined;
    this.info = undefined;
    if (settings.model === NO_MODEL) {
      // A pure viewer: no worker is started and nothing is fetched.
      this.phase = 'off';
      return;
    }
    const required = settings.integrity === 'required';
    const client = new Med7WorkerClient(this.#factory() ?? checkedWorkerFactory(required));
    this.#client = client;
    this.#progress.clear();
    this.phase = 'loading';
    this.loaded = 0;
    this.total = 0;
    this.error = undefined;
    this.message = undefined;
    this.info = undefined;
    client.onProgress = (info) => this.#handleProgress(client, info);
    // A crashed worker is replaced and the model reloaded: show that load like the first one.
    client.onRestart = (reloaded) => {
      if (client !== this.#client) return;
      this.#progress.clear();
      this.phase = 'loading';
      this.info = undefined;
      this.#ready = reloaded;
      this.#host.requestUpdate();
      this.#settle(client, reloaded);
    };
    // The worker died again after its restart (docs/reliability.md): the element is failed.
    client.onFailure = (error) => this.#handleError(client, error);
    let options: WorkerLoadOptions;
    try {
      options = loadOptions(settings);
    } catch (error) {
      this.#ready = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      this.#ready.catch(() => undefined);
      this.#handleError(client, error);
      return;
    }
    warmThrough.by ??= this;
    this.#ready = client.load({ ...options, warmThrough: warmThrough.by === this });
    this.#settle(client, this.#ready);
  }

  #settle(client: Med7WorkerClient, ready: Promise<ReadyInfo>): void {
    ready.then(
      (info) => this.#handleReady(client, info),
      (error: unknown) => this.#handleError(client, error),
    );
  }

  #unload(): void {
    this.#key = '';
    const client = this.#client;
    this.#client = undefined;
    this.#ready = undefined;
    if (warmThrough.by === this) delete warmThrough.by;
    void client?.dispose();
  }

  #handleProgress(client: Med7WorkerClient, info: LoadProgress): void {
    if (client !== this.#client) return;
    this.#progress.set(info.file, info);
    let loaded = 0;
    let total = 0;
    for (const file of this.#progress.values()) {
      loaded += file.loaded;
      total += file.total;
    }
    this.loaded = loaded;
    this.total = total;
    this.#host.requestUpdate();
    emit(this.#host, 'med7-progress', { loaded, total, file: info.file });
  }

  #handleReady(client: Med7WorkerClient, info: ReadyInfo): void {
    if (client !== this.#client) return;
    this.phase = 'ready';
    this.info = info;
    this.#host.requestUpdate();
    const { device, dtype, threads, loadMs, fallbackReason } = info;
    emit(this.#host, 'med7-ready', {
      device,
      dtype,
      threads,
      loadMs,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    });
  }

  #handleError(client: Med7WorkerClient, error: unknown): void {
    if (client !== this.#client) return;
    const cause = error instanceof Error ? error : new Error(String(error));
    if (cause === this.error) return; // already reported (onFailure, then the load it failed)
    if (warmThrough.by === this) delete warmThrough.by; // another element's worker may warm through
    this.error = cause;
    this.phase = 'error';
    const where = this.#settings().model ?? assetUrl(MODEL_FOLDER);
    this.message = `Could not load the model from ${where}: ${cause.message}`;
    this.#host.requestUpdate();
    emit(this.#host, 'med7-error', { name: cause.name, message: this.message });
  }
}

/** The `model` value that loads no model at all. */
export const NO_MODEL = 'none';

function keyOf(settings: ModelSettings): string {
  const { model, device, dtype, wasmPaths, allowOrigins, integrity } = settings;
  return [model, device, dtype, wasmPaths, allowOrigins, integrity].map(String).join('\n');
}

/** The worker's load request; throws for a model on an origin the page has not allowed. */
function loadOptions(settings: ModelSettings): WorkerLoadOptions {
  // A folder URL: the worker resolves the weights' URLs against it (its stale-cache check too).
  const model = modelUrl(settings);
  const wasmPaths = new URL(settings.wasmPaths ?? assetUrl(ORT_FOLDER), document.baseURI).href;
  const integrity = loadIntegrity(model, wasmPaths, settings.integrity === 'required');
  return {
    model,
    device: settings.device,
    dtype: settings.dtype,
    wasmPaths,
    ...(integrity === undefined ? {} : { integrity }),
  };
}

/** The model folder's URL, refused when it is on an origin the page has not allowed. */
function modelUrl({ model, allowOrigins }: ModelSettings): string {
  const url = new URL(model ?? assetUrl(MODEL_FOLDER), document.baseURI);
  const allowed = new Set([
    location.origin,
    new URL(getBasePath()).origin,
    ...allowOrigins
      .split(/\s+/)
      .filter(Boolean)
      .map((origin) => new URL(origin).origin),
  ]);
  if (!allowed.has(url.origin)) {
    throw new Error(
      `${url.origin} is not an allowed origin for the model: the element loads models only from ` +
        `this page's origin and its own script's (${[...allowed].join(', ')}); add it to the ` +
        `element's allow-origins attribute to allow it`,
    );
  }
  return url.href.replace(/\/*$/, '/');
}
