import type { ReviewEdit } from '../../core/review/edits.ts';
import type { Entity } from '../../core/types.ts';
import type { BrowserDevice, ResolvedDtype } from '../../model/types.ts';

/** `med7-progress`: model download progress, summed over the model's files. */
export interface Med7ProgressDetail {
  /** Bytes received so far, all files together. */
  loaded: number;
  /** Bytes expected, all files together (grows as files start). */
  total: number;
  /** The file the latest report was about. */
  file: string;
}

/** `med7-ready`: the model is loaded and warmed up. */
export interface Med7ReadyDetail {
  /** The backend in use: `webgpu` or `wasm`. */
  device: BrowserDevice;
  /** The model file that runs (`int8`, `q8` or `fp32`), never `auto`. */
  dtype: ResolvedDtype;
  /** WASM threads (1 without cross-origin isolation); 0 on WebGPU. */
  threads: number;
  /** Milliseconds from the start of loading to a warmed-up model. */
  loadMs: number;
  /**
   * Why `device="auto"` did not use WebGPU, and why `dtype="auto"` did not run the file its folder
   * names (the folder lacks it, so q8 runs), when either happened.
   */
  fallbackReason?: string;
}

/** `med7-entities`: a text was analysed and is now shown. */
export interface Med7EntitiesDetail {
  entities: Entity[];
  /** Milliseconds the model took for this text. */
  ms: number;
  /** The analysed text (entity offsets index into it). */
  text: string;
}

/** `med7-error`: loading or analysis failed; the element shows the message too. */
export interface Med7ErrorDetail {
  name: string;
  message: string;
}

/** `med7-change`: an edit in review mode (an undo or redo too) changed the shown entities. */
export interface Med7ChangeDetail {
  /** The reviewed entities, sorted by `start`, never overlapping. */
  entities: Entity[];
  /** The net edits against the model's (or the given) entities, in text order. */
  edits: ReviewEdit[];
  /** The text the entities' offsets index into. */
  text: string;
}

export interface Med7EventMap {
  'med7-progress': CustomEvent<Med7ProgressDetail>;
  'med7-ready': CustomEvent<Med7ReadyDetail>;
  'med7-entities': CustomEvent<Med7EntitiesDetail>;
  'med7-error': CustomEvent<Med7ErrorDetail>;
  'med7-change': CustomEvent<Med7ChangeDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends Med7EventMap {}
}

type DetailOf<K extends keyof Med7EventMap> =
  Med7EventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a typed, bubbling, composed Med7 event from `target`. */
export function emit<K extends keyof Med7EventMap>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
