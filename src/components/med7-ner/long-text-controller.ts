import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Med7Label } from '../../core/labels.ts';
import type { Entity } from '../../core/types.ts';
import type { Chunk } from './highlight-segments.ts';
import {
  FILL_SLICE_MS,
  buildBlock,
  nextToFill,
  type LongTextState,
  type LongView,
} from './long-text-view.ts';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** A highlight under the pointer or focus (`focused`), or none any more (`undefined`). */
export type LinkHandler = (span: Span | undefined, focused: boolean) => void;
type Span = { start: number; end: number };

/**
 * A long text (docs/reliability.md) shown in blocks of whole lines, each first as plain text, then
 * with its highlights, a few blocks per task, so that a 1 MB note with ~60,000 highlights never
 * blocks the page for long. The tab stop and the linked outline move in place afterwards: rebuilding
 * a block would take the focus from the highlight that has it.
 */
export class LongTextController implements ReactiveController {
  readonly #host: Host;
  readonly #state: () => LongTextState;
  /** The host's render, without waiting for the fill (its `updateComplete` waits for it). */
  readonly #rendered: () => Promise<unknown>;
  #view: LongView | undefined;
  #hidden: ReadonlySet<Med7Label> | undefined;
  #fillTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the long text has all its highlights. */
  #filling: { done: Promise<void>; resolve: () => void } | undefined;
  /** The tab stop and linked record of the last render, and those the blocks show now. */
  #tabStop: string | undefined;
  #activeRecord: number | undefined;
  #shownTabStop: string | undefined;
  #shownRecord: number | undefined;

  readonly #onLink: LinkHandler;

  /** Delegated listeners for the text region: the highlights of a long text have none. */
  readonly listeners = {
    over: (event: Event): void => this.#pointer(event),
    out: (event: Event): void => this.#pointerOut(event),
    // Focus does not bubble: the text region hears its highlights' in the capture phase.
    focus: { handleEvent: (event: Event): void => this.#pointer(event), capture: true },
    blur: { handleEvent: (event: Event): void => this.#pointerOut(event), capture: true },
  };

  constructor(
    host: Host,
    state: () => LongTextState,
    rendered: () => Promise<unknown>,
    onLink: LinkHandler,
  ) {
    this.#host = host;
    this.#state = state;
    this.#rendered = rendered;
    this.#onLink = onLink;
    host.addController(this);
  }

  /** Whether a long text is shown. */
  get active(): boolean {
    return this.#view !== undefined;
  }

  /** Settles once the long text shows all its highlights (at once when there is none). */
  get filled(): Promise<void> | undefined {
    return this.#filling?.done;
  }

  hostDisconnected(): void {
    clearTimeout(this.#fillTimer);
    this.#fillTimer = undefined;
    this.#endFill();
  }

  /** New legend toggles: the blocks already drawn re-render a few per task (from the top). */
  hostUpdate(): void {
    const { hidden } = this.#state();
    const view = this.#view;
    if (view !== undefined && this.#hidden !== undefined && hidden !== this.#hidden) {
      view.rich.forEach((rich, i) => rich && view.stale.add(i));
      this.#scheduleFill();
    }
    this.#hidden = hidden;
  }

  /** Drops the blocks (a short text is shown). */
  clear(): void {
    this.#view = undefined;
    this.#endFill();
  }

  /** The blocks of `text`, the one holding `tabStop` with its highlights so that Tab reaches it. */
  render(
    text: string,
    entities: readonly Entity[],
    chunks: () => Chunk[],
    tabStop?: string,
  ): unknown {
    const view = this.#viewOf(text, entities, chunks);
    const chunk = this.#chunkOf(tabStop);
    if (chunk !== undefined && !view.rich[chunk]) this.#refresh(view, chunk);
    this.#tabStop = tabStop;
    this.#activeRecord = this.#state().activeRecord;
    // Each block re-renders only when its version changes (a hover does not redo 1 MB of text).
    return view.chunks.map(
      (_, i) =>
        html`<div class="chunk">
          ${guard([view, view.versions[i]], () => this.#renderChunk(view, i))}
        </div>`,
    );
  }

  /** Moves the focus to the highlight `key`, drawing its block first if need be. */
  focus(key: string): void {
    const view = this.#view;
    const chunk = this.#chunkOf(key);
    if (view === undefined || chunk === undefined) return;
    if (!view.rich[chunk] || view.stale.has(chunk)) {
      this.#refresh(view, chunk);
      this.#host.requestUpdate();
    }
    void this.#rendered().then(() => this.#marksOf(key)[0]?.focus());
  }

  hostUpdated(): void {
    if (this.#view === undefined) return;
    if (this.#tabStop !== this.#shownTabStop) {
      for (const mark of this.#marksOf(this.#shownTabStop)) mark.tabIndex = -1;
      for (const mark of this.#marksOf(this.#tabStop)) mark.tabIndex = 0;
      this.#shownTabStop = this.#tabStop;
    }
    if (this.#activeRecord !== this.#shownRecord) {
      const blocks = this.#host.renderRoot.querySelector('.text')?.children;
      for (const record of [this.#shownRecord, this.#activeRecord]) {
        if (record === undefined) continue;
        const on = record === this.#activeRecord;
        for (const i of this.#view.recordChunks.get(record) ?? []) {
          for (const mark of blocks?.[i]?.querySelectorAll(`mark[data-record="${record}"]`) ?? []) {
            mark.classList.toggle('linked', on);
            mark.part.toggle('mark-linked', on);
          }
        }
      }
      this.#shownRecord = this.#activeRecord;
    }
  }

  #pointer(event: Event): void {
    const span = this.#markOf(event.target);
    if (span !== undefined) this.#onLink(span, event.type === 'focus');
  }

  #pointerOut(event: Event): void {
    if (this.#markOf(event.target) === undefined) return;
    const to = (event as MouseEvent | FocusEvent).relatedTarget;
    if (this.#markOf(to) === undefined) this.#onLink(undefined, false);
  }

  /** The span of the highlight of a long text that `target` is in, if any. */
  #markOf(target: EventTarget | null): Span | undefined {
    if (this.#view === undefined || !(target instanceof Element)) return undefined;
    const mark = target.closest('mark');
    if (mark === null) return undefined;
    return { start: Number(mark.dataset['start']), end: Number(mark.dataset['end']) };
  }

  #viewOf(text: string, entities: readonly Entity[], chunks: () => Chunk[]): LongView {
    const current = this.#view;
    if (current !== undefined && current.text === text && current.entities === entities) {
      return current;
    }
    const made = chunks();
    const view: LongView = {
      text,
      entities,
      chunks: made,
      rich: made.map(() => false),
      versions: made.map(() => 0),
      stale: new Set(),
      marks: made.map((chunk) => chunk.segments.filter((s) => s.entity !== undefined).length),
      recordChunks: new Map(),
      next: 0,
      built: new Map(),
    };
    this.#view = view;
    this.#shownTabStop = undefined;
    this.#shownRecord = undefined;
    clearTimeout(this.#fillTimer);
    this.#fillTimer = undefined;
    this.#scheduleFill();
    return view;
  }

  /** The block that holds the highlight `key` (`start:end`), by its start. */
  #chunkOf(key: string | undefined): number | undefined {
    const chunks = this.#view?.chunks;
    if (key === undefined || chunks === undefined) return undefined;
    const start = Number(key.split(':')[0]);
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (chunks[mid]!.start <= start) lo = mid;
      else hi = mid - 1;
    }
    return chunks.length === 0 ? undefined : lo;
  }

  #marksOf(key: string | undefined): HTMLElement[] {
    const chunk = this.#chunkOf(key);
    if (key === undefined || chunk === undefined) return [];
    const [start, end] = key.split(':');
    const block = this.#host.renderRoot.querySelector('.text')?.children[chunk];
    const mark = block?.querySelector<HTMLElement>(
      `mark[data-start="${start}"][data-end="${end}"]`,
    );
    return mark === null || mark === undefined ? [] : [mark];
  }

  #renderChunk(view: LongView, i: number): unknown {
    const chunk = view.chunks[i]!;
    if (!view.rich[i]) return view.text.slice(chunk.start, chunk.end);
    const state = this.#state();
    const built = view.built.get(i);
    view.built.delete(i);
    if (
      built !== undefined &&
      built.hidden === state.hidden &&
      built.activeRecord === state.activeRecord &&
      built.tabStop === this.#tabStop
    ) {
      return built.fragment;
    }
    return buildBlock(view, i, state, this.#tabStop).fragment;
  }

  #refresh(view: LongView, chunk: number): void {
    view.rich[chunk] = true;
    view.stale.delete(chunk);
    view.versions[chunk] = (view.versions[chunk] ?? 0) + 1;
  }

  #endFill(): void {
    this.#filling?.resolve();
    this.#filling = undefined;
  }

  #scheduleFill(): void {
    if (this.#filling === undefined) {
      let resolve = (): void => undefined;
      const done = new Promise<void>((settle) => (resolve = settle));
      this.#filling = { done, resolve };
    }
    if (this.#fillTimer !== undefined) return;
    this.#fillTimer = setTimeout(() => {
      this.#fillTimer = undefined;
      this.#fillSome();
    }, 0);
  }

  /**
   * One task's share of filling in a long text: the highlights of the next blocks (stale ones
   * first, then from the top), built until `FILL_SLICE_MS` is used, then rendered; the next share
   * in a task of its own after this render.
   */
  #fillSome(): void {
    const view = this.#view;
    if (view === undefined || !this.#host.isConnected) {
      this.#endFill();
      return;
    }
    const deadline = performance.now() + FILL_SLICE_MS;
    const state = this.#state();
    let changed = false;
    // At least one block per task, however late it starts (a loaded device).
    do {
      const i = nextToFill(view);
      if (i === undefined) break;
      view.built.set(i, buildBlock(view, i, state, this.#tabStop));
      this.#refresh(view, i);
      changed = true;
    } while (performance.now() < deadline);
    if (!changed) {
      this.#endFill();
      return;
    }
    this.#host.requestUpdate();
    void this.#rendered().then(() => {
      if (view !== this.#view) return;
      if (view.stale.size > 0 || view.next < view.chunks.length) this.#scheduleFill();
      else this.#endFill();
    });
  }
}
