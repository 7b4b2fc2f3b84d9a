/**
 * Annotates the batch's documents with the model in a worker of its own (`Med7WorkerClient`, as the
 * element's model controller uses it), one document at a time, so that Cancel stops promptly: the
 * aborted request rejects at once and the worker stops at its next model call. The model is loaded
 * on the first document and kept for the next batches.
 */
import type { Med7Device, Med7Dtype } from '../../model/types.ts';
import type { Entity } from '../../core/types.ts';
import { MODEL_FOLDER, ORT_FOLDER, assetUrl, setBasePath } from '../../worker/base-path.ts';
import { Med7WorkerClient } from '../../worker/client.ts';

export interface AnnotatorSettings {
  device: Med7Device;
  dtype: Med7Dtype;
}

/**
 * The drop-in element's folder: the built demo serves it at `./med7-ner/`, the dev server serves the
 * worker, model and wasm from the sources' folder (vite.config.ts).
 */
const BASE = import.meta.env.PROD ? './med7-ner/' : '/src/worker/';

export class BatchAnnotator {
  readonly #settings: AnnotatorSettings;
  #client: Med7WorkerClient | undefined;
  #ready: Promise<unknown> | undefined;

  constructor(settings: AnnotatorSettings) {
    this.#settings = settings;
  }

  #load(): { client: Med7WorkerClient; ready: Promise<unknown> } {
    if (this.#client === undefined || this.#ready === undefined) {
      setBasePath(BASE);
      const client = new Med7WorkerClient();
      const ready = client.load({
        model: assetUrl(MODEL_FOLDER),
        wasmPaths: assetUrl(ORT_FOLDER),
        ...this.#settings,
      });
      // A failed load is tried again by the next document.
      ready.catch(() => {
        if (this.#client === client) this.#client = this.#ready = undefined;
        void client.dispose();
      });
      this.#client = client;
      this.#ready = ready;
    }
    return { client: this.#client, ready: this.#ready };
  }

  /** The entities of `text`; rejects with an `AbortError` as soon as `signal` aborts. */
  async annotate(text: string, signal: AbortSignal): Promise<Entity[]> {
    const { client, ready } = this.#load();
    signal.throwIfAborted();
    // Cancel while the model loads: stop waiting at once (the load goes on for the next batch).
    await Promise.race([
      ready,
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      }),
    ]);
    return (await client.extract(text, signal)).entities;
  }
}
