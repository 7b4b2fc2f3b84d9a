/**
 * Keeps a thread's JavaScript heap near its live size. V8 lets a thread's old generation grow to
 * several times what survives a full collection before it collects again, and the threads of
 * `med7 annotate` leave a little garbage there with every group of records: a model worker's heap
 * reached about 68 MB, half of it garbage, at the peak of an archive run. After each group the
 * thread asks its budget whether the heap has grown more than `margin` bytes past what the last
 * full collection left, and collects at once if so (every few groups, not after each: a collection
 * after every group cost about a tenth of the throughput). Measured in docs/batch.md.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The margin `med7 annotate` uses: 8 MiB kept two workers' process at 364 MB peak on 2,612 notes
 * against 473 MB with none, at the same words/s; 4 MiB was about a tenth slower, 16 MiB 375 MB.
 */
export const HEAP_MARGIN = 8 * 1024 * 1024;

export interface HeapBudget {
  /** Collects garbage if the heap has outgrown its budget; says whether it did. */
  settle(): boolean;
}

/** Heap in use (bytes) and a full collection: this thread's own, unless a test injects them. */
export interface HeapControl {
  used(): number;
  collect(): void;
}

/** A budget of `margin` bytes above the heap's size after the last full collection. */
export function createHeapBudget(margin: number, control: HeapControl = threadHeap()): HeapBudget {
  let live = control.used();
  return {
    settle() {
      if (control.used() <= live + margin) return false;
      control.collect();
      live = control.used();
      return true;
    },
  };
}

/**
 * This thread's heap. `gc` is V8's full collection, which Node hides unless started with
 * `--expose-gc`; setting the flag makes V8 give it to each context created afterwards, so a new
 * context hands it over without changing how the process was started.
 */
export function threadHeap(): HeapControl {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  return { used: () => getHeapStatistics().used_heap_size, collect };
}
