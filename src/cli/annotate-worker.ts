/**
 * A model worker of `med7 annotate --jobs N` (src/cli/engine.ts): loads its own model with one
 * onnxruntime thread, then answers each group of texts with their entities, in the order asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadMed7Model, type LoadOptions } from '../model/index.ts';
import type { FromWorker, ToWorker, WorkerLoad } from './engine.ts';
import { createHeapBudget, HEAP_MARGIN } from './heap-budget.ts';
import { errorMessage } from '../core/error-message.ts';

const port = parentPort;
if (port === null) throw new Error('annotate-worker runs as a worker thread');

const send = (message: FromWorker): void => port.postMessage(message);
const load = workerData as WorkerLoad;
const options: LoadOptions = { dtype: load.dtype, device: 'cpu', threads: 1 };
if (load.model !== undefined) options.model = load.model;

try {
  const model = await loadMed7Model(options);
  const heap = createHeapBudget(HEAP_MARGIN);
  // Tasks come one at a time (the pool sends the next when this one is answered).
  port.on('message', (message: ToWorker) => {
    if ('close' in message) {
      void model.dispose().finally(() => process.exit(0));
      return;
    }
    const { id, texts } = message;
    model
      .extractMany(texts, { onProgress: (done, total) => send({ id, progress: [done, total] }) })
      .then(
        (entities) => send({ id, entities }),
        (error: unknown) => send({ id, error: errorMessage(error) }),
      )
      .finally(() => heap.settle());
  });
  send({ ready: { device: model.device, dtype: model.dtype, source: model.source } });
} catch (error) {
  // The pool ends this worker when it reads the message.
  send({ failed: errorMessage(error) });
}
