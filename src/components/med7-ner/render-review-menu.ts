import { html, nothing, type TemplateResult } from 'lit';
import { MED7_LABELS, type Med7Label } from '../../core/labels.ts';
import type { ReviewMenu } from './review-controller.ts';

/** What the review menu does. */
export interface ReviewMenuHandlers {
  label(label: Med7Label): void;
  remove(): void;
  close(): void;
}

/** Where the menu opens, in pixels from the host's top left corner. */
export interface MenuPosition {
  x: number;
  y: number;
}

/** The label for key `1`…`7`, or undefined for any other key (or with a modifier). */
export function labelOfKey(event: KeyboardEvent): Med7Label | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const n = Number(event.key);
  return Number.isInteger(n) && n >= 1 && n <= MED7_LABELS.length ? MED7_LABELS[n - 1] : undefined;
}

/**
 * The keys of an open menu: arrows, Home and End move between its items, 1–7 choose a label,
 * Escape and Tab close it (the element then returns the focus to where the menu was opened).
 */
function handleMenuKey(event: KeyboardEvent, on: ReviewMenuHandlers): void {
  const menu = event.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  const at = items.indexOf(event.target as HTMLElement);
  const label = labelOfKey(event);
  const moves: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  const to = moves[event.key];
  if (label !== undefined) on.label(label);
  else if (to !== undefined) items[to]?.focus();
  else if (event.key === 'Escape' || event.key === 'Tab') on.close();
  else return;
  event.preventDefault();
  event.stopPropagation();
}

/**
 * The review menu: the seven labels (with their colours and keys 1–7) and, on a highlight,
 * "Remove". On a highlight the labels are radio items with the current one checked.
 */
export function renderReviewMenu(
  menu: ReviewMenu | undefined,
  position: MenuPosition | undefined,
  on: ReviewMenuHandlers,
): TemplateResult | typeof nothing {
  if (menu === undefined) return nothing;
  const onMark = menu.kind === 'mark';
  const style = position === undefined ? '' : `left: ${position.x}px; top: ${position.y}px`;
  return html`<div
    class="review-menu"
    part="review-menu"
    role="menu"
    aria-label=${onMark ? `Change or remove ${menu.label}` : 'Add a label'}
    style=${style}
    @keydown=${(event: KeyboardEvent) => handleMenuKey(event, on)}
    @focusout=${(event: FocusEvent) => {
      const to = event.relatedTarget as Node | null;
      if (to === null || !(event.currentTarget as HTMLElement).contains(to)) on.close();
    }}
  >
    ${MED7_LABELS.map(
      (label, i) =>
        html`<button
          type="button"
          role=${onMark ? 'menuitemradio' : 'menuitem'}
          aria-checked=${onMark ? String(menu.label === label) : nothing}
          tabindex="-1"
          data-label=${label}
          @click=${() => on.label(label)}
        >
          <span class="swatch" aria-hidden="true"></span><kbd aria-hidden="true">${i + 1}</kbd>
          ${label}
        </button>`,
    )}
    ${
      onMark
        ? html`<button
            type="button"
            role="menuitem"
            tabindex="-1"
            class="remove"
            data-action="remove"
            @click=${on.remove}
          >
            <kbd aria-hidden="true">Del</kbd> Remove
          </button>`
        : nothing
    }
  </div>`;
}

/** The bar under a selection waiting for a label: what is selected, and how to label it. */
export function renderSelectionBar(
  selected: string | undefined,
  onAdd: () => void,
  onCancel: () => void,
): TemplateResult {
  // Always in the page (empty when nothing is selected), so screen readers hear it change.
  return html`<div class="review-bar" part="review-selection" aria-live="polite">
    ${
      selected === undefined
        ? nothing
        : html`<span>Selected “${selected}” — keys 1–7 add a label.</span>
            <button type="button" class="add" @click=${onAdd}>Add label…</button>
            <button type="button" @click=${onCancel}>Cancel</button>`
    }
  </div>`;
}
