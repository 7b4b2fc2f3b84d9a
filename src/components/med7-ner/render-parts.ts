import { html, nothing, type TemplateResult } from 'lit';
import { MED7_LABELS, type Med7Label } from '../../core/labels.ts';
import type { Entity } from '../../core/types.ts';
import type { ReadyInfo } from '../../model/types.ts';
import type { ModelPhase } from './model-controller.ts';

/** A text at least this long is shown in blocks (./long-text-controller.ts). */
export const LONG_TEXT = 20_000;

/** The progress bar and its caption while the model loads. */
export function renderProgress(
  phase: ModelPhase,
  loaded: number,
  total: number,
): TemplateResult | typeof nothing {
  if (phase !== 'loading') return nothing;
  const downloading = total > 0 && loaded < total;
  const percent = downloading ? Math.floor((100 * loaded) / total) : 0;
  const caption = downloading
    ? `Downloading the model… ${percent}% (${(total / 1e6).toFixed(1)} MB)`
    : 'Preparing the model…';
  return html`<div class="progress" part="progress">
    ${
      downloading
        ? html`<progress max=${total} value=${loaded} aria-label="Model download">
            ${percent}%
          </progress>`
        : html`<progress aria-label="Model initialisation"></progress>`
    }
    <span>${caption}</span>
  </div>`;
}

/** What the status line says. */
export interface StatusView {
  phase: ModelPhase;
  info: ReadyInfo | undefined;
  /** Share of the current text analysed so far, while an analysis runs. */
  analysed: number | undefined;
  /** Milliseconds the last analysis took. */
  lastMs: number | undefined;
  /** Edits made in review mode to the shown text, when it is under review. */
  edits?: number | undefined;
}

/**
 * The status line. Screen readers hear the model's state; the analysis progress and timing,
 * which change many times a second or after every keystroke, are shown but not announced
 * (the text region's `aria-busy` says when an analysis runs).
 */
export function renderStatus({ phase, info, analysed, lastMs, edits }: StatusView): TemplateResult {
  let text: string;
  let activity = '';
  let fallback = '';
  const edited = edits === undefined ? '' : ` · ${edits} edit${edits === 1 ? '' : 's'}`;
  if (phase === 'off') text = 'No model: the given entities are shown.';
  else if (phase === 'error') text = 'Model not loaded.';
  else if (info === undefined) text = 'Loading the model in a worker…';
  else {
    const backend =
      info.device === 'webgpu'
        ? `WebGPU${info.adapter ? ` (${info.adapter})` : ''}`
        : `WASM, ${info.threads} thread${info.threads === 1 ? '' : 's'}`;
    text = `${backend}, ${info.dtype} · loaded in ${info.loadMs} ms`;
    if (analysed !== undefined) activity = ` · analysing… ${Math.floor(analysed * 100)}%`;
    else if (lastMs !== undefined) activity = ` · last analysis ${lastMs} ms`;
    if (info.fallbackReason) fallback = ` — ${info.fallbackReason}`;
  }
  const quiet = activity === '' ? nothing : html`<span aria-hidden="true">${activity}</span>`;
  // prettier-ignore
  return html`<p class="status" part="status" role="status">${text}${quiet}${fallback}${edited}</p>`;
}

const labelCounts = new WeakMap<readonly Entity[], Map<Med7Label, number>>();

/** The number of entities per label (memoised: a long text has thousands, and many renders). */
function countsOf(entities: readonly Entity[]): Map<Med7Label, number> {
  let counts = labelCounts.get(entities);
  if (counts === undefined) {
    counts = new Map();
    for (const entity of entities) counts.set(entity.label, (counts.get(entity.label) ?? 0) + 1);
    labelCounts.set(entities, counts);
  }
  return counts;
}

/** The legend: a toggle per label, with the count of its entities. */
export function renderLegend(
  entities: readonly Entity[],
  hidden: ReadonlySet<Med7Label>,
  onToggle: (label: Med7Label) => void,
): TemplateResult {
  const counts = countsOf(entities);
  return html`<ul class="legend" part="legend" aria-label="Labels">
    ${MED7_LABELS.map((label) => {
      const count = counts.get(label) ?? 0;
      const shown = !hidden.has(label);
      const slug = label.toLowerCase();
      return html`<li>
        <button
          type="button"
          part="legend-item legend-item-${slug}"
          data-label=${label}
          aria-pressed=${shown ? 'true' : 'false'}
          title=${shown ? `Hide ${label} highlights` : `Show ${label} highlights`}
          @click=${() => onToggle(label)}
        >
          <span class="swatch" aria-hidden="true"></span>${label}
          <span class="count">${count}</span>
        </button>
      </li>`;
    })}
  </ul>`;
}

/** The paste area (with `editable`). */
export interface InputView {
  text: string;
  /** A long text set from outside is not put in the paste area unless asked (see below). */
  inArea: boolean;
  onInput(event: Event): void;
  onEdit(): void;
}

/** `n` with its thousands grouped by commas, as `toLocaleString('en')` but without loading ICU. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function renderInput({ text, inArea, onInput, onEdit }: InputView): TemplateResult {
  // A textarea lays out all of its text at once (1 MB: seconds of a frozen page).
  if (!inArea) {
    return html`<p class="long-input">
      <button type="button" @click=${onEdit}>
        Edit this text (${groupDigits(text.length)} characters)
      </button>
      — a text this long is not put in the paste area unless asked: laying it out takes the browser
      a while.
    </p>`;
  }
  return html`<textarea
    class="input"
    part="input"
    aria-label="Clinical text to analyse"
    spellcheck="false"
    .value=${text}
    @input=${onInput}
  ></textarea>`;
}

/** What the text region hears: keys, and (for a long text's highlights) pointer and focus. */
export interface TextRegionListeners {
  key(event: KeyboardEvent): void;
  over(event: Event): void;
  out(event: Event): void;
  focus: EventListenerObject & AddEventListenerOptions;
  blur: EventListenerObject & AddEventListenerOptions;
  /** Review mode: a click (a highlight's menu) and the end of a mouse selection; the region takes the focus. */
  click?: (event: MouseEvent) => void;
  mouseup?: (event: MouseEvent) => void;
}

/** The highlighted text. */
export function renderTextRegion(
  content: unknown,
  busy: boolean,
  on: TextRegionListeners,
): TemplateResult {
  // No whitespace may be added inside .text (white-space: pre-wrap), hence no formatting here.
  // prettier-ignore
  return html`<div
    class="text"
    part="text"
    aria-label="Highlighted text"
    aria-busy=${busy ? 'true' : 'false'}
    role="region"
    tabindex=${on.click === undefined ? nothing : '0'}
    @keydown=${on.key}
    @click=${on.click}
    @mouseup=${on.mouseup}
    @mouseover=${on.over}
    @mouseout=${on.out}
    @focus=${on.focus}
    @blur=${on.blur}
  >${content}</div>`;
}
