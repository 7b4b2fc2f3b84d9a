import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pretokenize, type PreToken } from '../../core/decode/pretokenize.ts';
import type { Med7Label } from '../../core/labels.ts';
import { snapToPreTokens, type Span } from '../../core/review/snap.ts';
import type { Entity } from '../../core/types.ts';
import { labelOfKey, type MenuPosition, type ReviewMenuHandlers } from './render-review-menu.ts';
import type { ReviewController } from './review-controller.ts';
import { rangeOf, selectedSpan } from './text-offsets.ts';

type Host = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment; updateComplete: Promise<boolean> };

/** What the review input needs from the element. */
export interface ReviewInputOptions {
  /** Whether review mode is on. */
  enabled(): boolean;
  /** The text shown, and its (reviewed) entities. */
  text(): string;
  entities(): readonly Entity[];
  /** Focuses the highlight of `start:end` (drawing it first if need be). */
  focusMark(key: string): void;
}

/**
 * Mouse and keyboard in review mode (the pointer and keys of the text region and of the menu):
 * click or Enter on a highlight opens its menu; a selection (by mouse, or by keyboard — the arrow
 * keys move over whole pre-tokens on the focused text region, Shift extends) is snapped to whole
 * pre-tokens and waits for a label (keys 1–7, or the "Add label" menu); Ctrl+Z undoes, Ctrl+Shift+Z
 * and Ctrl+Y redo. After an edit the focus goes to the highlight it made, or back to the text.
 */
export class ReviewInputController implements ReactiveController {
  /** Where the open menu is drawn. */
  position: MenuPosition | undefined;

  readonly #host: Host;
  readonly #review: ReviewController;
  readonly #options: ReviewInputOptions;
  /** The keyboard selection, as indices of the text's pre-tokens. */
  #cursor: { anchor: number; focus: number } | undefined;
  #tokens: { text: string; tokens: PreToken[] } | undefined;

  constructor(host: Host, review: ReviewController, options: ReviewInputOptions) {
    this.#host = host;
    this.#review = review;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The text of the selection waiting for a label. */
  get selectedText(): string | undefined {
    const span = this.#review.selection;
    return span && this.#options.text().slice(span.start, span.end);
  }

  /** What the menu's items do. */
  readonly menu: ReviewMenuHandlers = {
    label: (label) => this.#chooseLabel(label),
    remove: () => {
      const menu = this.#review.menu;
      if (menu?.kind !== 'mark') return;
      this.#review.remove(menu.span);
      void this.#refocus(undefined);
    },
    close: () => this.#closeMenu(),
  };

  /** A click in the text region: on a highlight (and not the end of a selection), its menu. */
  readonly click = (event: MouseEvent): void => {
    if (!this.#options.enabled() || this.#review.selection !== undefined) return;
    const mark = (event.target as Element).closest?.('mark');
    if (mark instanceof HTMLElement) this.#openMarkMenu(mark);
  };

  /** The end of a mouse selection in the text region: snap it, and wait for a label. */
  readonly mouseup = (): void => {
    if (!this.#options.enabled()) return;
    const region = this.#region();
    if (region === undefined || !(this.#host.renderRoot instanceof ShadowRoot)) return;
    const span = selectedSpan(this.#host.renderRoot, region);
    this.#select(span && snapToPreTokens(this.#options.text(), span.start, span.end));
    this.#cursor = undefined;
  };

  /** Keys in the text region (before the roving focus sees them). */
  readonly key = (event: KeyboardEvent): void => {
    if (!this.#options.enabled() || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    const label = labelOfKey(event);
    const selection = this.#review.selection;
    if (selection !== undefined && label !== undefined) {
      this.#review.add(selection, label);
      void this.#refocus(selection);
    } else if (selection !== undefined && event.key === 'Escape') this.#select(undefined);
    else if (target.localName === 'mark' && (event.key === 'Enter' || event.key === ' ')) {
      this.#openMarkMenu(target);
    } else if (
      target.localName === 'mark' &&
      (event.key === 'Delete' || event.key === 'Backspace')
    ) {
      this.#review.remove(spanOfMark(target));
      void this.#refocus(undefined);
    } else if (target === this.#region() && this.#moveCursor(event)) {
      // moved or extended the keyboard selection
    } else if (target === this.#region() && selection !== undefined && event.key === 'Enter') {
      this.openAddMenu();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  /** Undo and redo, anywhere in the element but the paste area (it has its own). */
  readonly hostKey = (event: KeyboardEvent): void => {
    if (!this.#options.enabled() || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.composedPath()[0] instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    const undo = key === 'z' && !event.shiftKey;
    if (!redo && !undo) return;
    event.preventDefault();
    if (redo ? this.#review.redo() : this.#review.undo()) void this.#refocus(undefined, true);
  };

  /** Opens the "Add label" menu for the selection waiting for a label. */
  openAddMenu(): void {
    const span = this.#review.selection;
    if (span === undefined) return;
    const region = this.#region();
    const rect = region && rangeOf(region, span.start, span.end)?.getBoundingClientRect();
    this.#open({ kind: 'add', span }, rect);
  }

  /** Drops the selection waiting for a label. */
  cancelSelection(): void {
    this.#select(undefined);
    this.#region()?.focus();
  }

  #region(): HTMLElement | undefined {
    return this.#host.renderRoot.querySelector<HTMLElement>('.text') ?? undefined;
  }

  #openMarkMenu(mark: HTMLElement): void {
    const label = mark.dataset['label'] as Med7Label;
    this.#open({ kind: 'mark', span: spanOfMark(mark), label }, mark.getBoundingClientRect());
  }

  #open(menu: NonNullable<ReviewController['menu']>, rect: DOMRect | undefined): void {
    const host = this.#host.getBoundingClientRect();
    this.position = rect && { x: rect.left - host.left, y: rect.bottom - host.top + 4 };
    this.#review.menu = menu;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot;
      const item =
        root.querySelector<HTMLElement>('.review-menu [aria-checked="true"]') ??
        root.querySelector<HTMLElement>('.review-menu [role^="menuitem"]');
      item?.focus();
    });
  }

  #closeMenu(): void {
    const menu = this.#review.menu;
    if (menu === undefined) return;
    this.#review.menu = undefined;
    this.#host.requestUpdate();
    void this.#refocus(menu.kind === 'mark' ? menu.span : undefined);
  }

  #chooseLabel(label: Med7Label): void {
    const menu = this.#review.menu;
    if (menu === undefined) return;
    if (menu.kind === 'mark') this.#review.relabel(menu.span, label);
    else this.#review.add(menu.span, label);
    void this.#refocus(menu.span);
  }

  /** After an edit or a closed menu: focus the highlight at `span`, else the text region. */
  async #refocus(span: Span | undefined, keep = false): Promise<void> {
    this.#cursor = undefined;
    await this.#host.updateComplete;
    const active =
      this.#host.renderRoot instanceof ShadowRoot && this.#host.renderRoot.activeElement;
    if (
      keep &&
      active instanceof HTMLElement &&
      active.isConnected &&
      active.localName === 'mark'
    ) {
      return;
    }
    const key = span && `${span.start}:${span.end}`;
    const found = key && this.#options.entities().some((e) => `${e.start}:${e.end}` === key);
    if (found) this.#options.focusMark(key);
    else this.#region()?.focus();
  }

  /** Sets the selection waiting for a label, and shows it (snapped) as the page's selection. */
  #select(span: Span | undefined): void {
    this.#review.selection = span;
    this.#host.requestUpdate();
    const region = this.#region();
    const selection = document.getSelection();
    if (span === undefined || region === undefined || selection === null) return;
    const range = rangeOf(region, span.start, span.end);
    if (range !== undefined) {
      selection.setBaseAndExtent(
        range.startContainer,
        range.startOffset,
        range.endContainer,
        range.endOffset,
      );
    }
  }

  /** Arrow keys, Home and End on the text region: a selection of whole pre-tokens. */
  #moveCursor(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const text = this.#options.text();
    if (this.#tokens?.text !== text) this.#tokens = { text, tokens: pretokenize(text) };
    const tokens = this.#tokens.tokens;
    if (tokens.length === 0) return false;
    const cursor = this.#cursor;
    const last = tokens.length - 1;
    const steps: Record<string, number> = {
      ArrowRight: cursor === undefined ? 0 : Math.min(last, cursor.focus + 1),
      ArrowLeft: cursor === undefined ? last : Math.max(0, cursor.focus - 1),
      Home: 0,
      End: last,
    };
    const to = steps[event.key];
    if (to === undefined) return false;
    this.#cursor = { anchor: event.shiftKey && cursor ? cursor.anchor : to, focus: to };
    const from = tokens[Math.min(this.#cursor.anchor, to)]!;
    const until = tokens[Math.max(this.#cursor.anchor, to)]!;
    this.#select({ start: from.start, end: until.end });
    return true;
  }
}

function spanOfMark(mark: HTMLElement): Span {
  return { start: Number(mark.dataset['start']), end: Number(mark.dataset['end']) };
}
