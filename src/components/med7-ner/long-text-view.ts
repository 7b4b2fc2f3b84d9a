/**
 * The state of a long text shown in blocks (./long-text-controller.ts), and the two steps of
 * filling it in: which block to draw next, and a block's highlights built as DOM.
 */
import type { Med7Label } from '../../core/labels.ts';
import type { Entity } from '../../core/types.ts';
import type { Chunk } from './highlight-segments.ts';
import { spanKey } from './medications.ts';
import { renderChunkMarks } from './render-marks.ts';

/**
 * Milliseconds a fill task may spend building highlights before the page gets a turn. Checked after
 * each block (a few ms of work), so a task ends within this plus one block, however slow or loaded
 * the device: a budget in highlights per task did not, as one block's cost varies with the load.
 */
export const FILL_SLICE_MS = 30;
/** What the blocks are drawn with; read from the host at every render. */
export interface LongTextState {
  recordOf: ReadonlyMap<string, number>;
  hidden: ReadonlySet<Med7Label>;
  activeRecord: number | undefined;
  /** In review mode, the labels of the model's (or the given) spans (see `MarkState.base`). */
  base?: ReadonlyMap<string, Med7Label> | undefined;
}

/** How a long text is shown: its blocks, and which of them show their highlights. */
export interface LongView {
  text: string;
  entities: readonly Entity[];
  chunks: readonly Chunk[];
  /** Whether each block renders its highlights (else its plain text). */
  rich: boolean[];
  /** Bumped to re-render a block (its template is guarded on it). */
  versions: number[];
  /** Blocks to re-render with the current legend toggles. */
  stale: Set<number>;
  /** Highlights per block. */
  marks: number[];
  /** The blocks drawn with highlights of each medication record (for the linked outline). */
  recordChunks: Map<number, Set<number>>;
  /** The first block not yet filled in. */
  next: number;
  /** Blocks built by a fill task for its render, with what they were drawn with. */
  built: Map<number, Built>;
}

/** A block's highlights built ahead of its render, valid while the state they show holds. */
export interface Built {
  fragment: DocumentFragment;
  hidden: ReadonlySet<Med7Label>;
  activeRecord: number | undefined;
  tabStop: string | undefined;
}

/**
 * The next block to draw with its highlights: a stale one, else the first not yet drawn. Blocks
 * without highlights on the way are marked drawn (their plain text is all they show).
 */
export function nextToFill(view: LongView): number | undefined {
  const stale = view.stale.values().next();
  if (stale.done !== true) return stale.value;
  for (; view.next < view.chunks.length; view.next++) {
    const i = view.next;
    if (view.rich[i]) continue;
    if ((view.marks[i] ?? 0) > 0) return i;
    view.rich[i] = true;
  }
  return undefined;
}

/** The highlights of block `i`, as DOM; notes which records it shows (for the linked outline). */
export function buildBlock(
  view: LongView,
  i: number,
  state: LongTextState,
  tabStop: string | undefined,
): Built {
  const segments = view.chunks[i]!.segments;
  for (const { entity } of segments) {
    const record = entity === undefined ? undefined : state.recordOf.get(spanKey(entity));
    if (record === undefined) continue;
    const held = view.recordChunks.get(record) ?? new Set<number>();
    view.recordChunks.set(record, held.add(i));
  }
  const { hidden, activeRecord } = state;
  return { fragment: renderChunkMarks(segments, state, tabStop), hidden, activeRecord, tabStop };
}
