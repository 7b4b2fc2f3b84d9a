/**
 * The batch review's controls, rendered with lit-html: the file picker, the progress bar with
 * Cancel, the export and "Forget all" buttons, and the list of documents (a listbox: arrow keys,
 * Home/End, j/k; the selected document is the one under review). A view only: it calls back.
 */
import { html, nothing, render } from 'lit';
import type { BatchDoc } from './documents.ts';

export type BatchExportFormat = 'jsonl' | 'csv' | 'fhir';

export interface BatchViewState {
  docs: readonly BatchDoc[];
  /** Index of the document under review, -1 for none. */
  selected: number;
  /** Set while documents are being annotated. */
  progress: { done: number; total: number } | undefined;
  message: string;
}

export interface BatchHandlers {
  files(files: readonly File[]): void;
  cancel(): void;
  resume(): void;
  select(index: number, focus: boolean): void;
  toggleReviewed(): void;
  exportAll(format: BatchExportFormat): void;
  forget(): void;
}

/** The id of the i-th option of the list. */
export const optionId = (index: number): string => `batch-doc-${index}`;

/** What the list says of a document: its entity count, or why it has none yet. */
function countOf(doc: BatchDoc): string {
  if (doc.error !== undefined) return 'not annotated (failed)';
  if (doc.entities === null) return 'not annotated yet';
  return `${doc.entities.length} ${doc.entities.length === 1 ? 'entity' : 'entities'}`;
}

/** The index a key moves the selection to in a list of `length`, or undefined for another key. */
export function moveKey(key: string, index: number, length: number): number | undefined {
  if (length === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(length - 1, index + 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return undefined;
  }
}

function listKeydown(event: KeyboardEvent, state: BatchViewState, on: BatchHandlers): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const next = moveKey(event.key, state.selected, state.docs.length);
  if (next === undefined) return;
  event.preventDefault();
  on.select(next, true);
}

function listClick(event: Event, on: BatchHandlers): void {
  const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
  if (option?.dataset['index'] !== undefined) on.select(Number(option.dataset['index']), true);
}

export function renderBatch(
  container: HTMLElement,
  state: BatchViewState,
  on: BatchHandlers,
): void {
  const { docs, selected, progress } = state;
  const annotated = docs.filter((d) => d.entities !== null).length;
  const current = docs[selected];
  const pending = progress === undefined && annotated < docs.length;
  render(
    html`<div class="actions">
        <button
          type="button"
          id="batch-open"
          @click=${() => container.querySelector<HTMLInputElement>('#batch-files')?.click()}
        >
          Open files…
        </button>
        <input
          id="batch-files"
          type="file"
          multiple
          accept=".txt,.jsonl,text/plain"
          hidden
          aria-label="Notes to review (.txt or .jsonl)"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            on.files([...(input.files ?? [])]);
            input.value = '';
          }}
        />
        <span class="hint">or drop .txt and .jsonl files on the page</span>
      </div>
      ${
        progress === undefined
          ? nothing
          : html`<div class="actions" id="batch-progress">
              <progress
                max=${progress.total}
                value=${progress.done}
                aria-labelledby="batch-progress-text"
              ></progress>
              <span id="batch-progress-text"
                >Annotating: ${progress.done} of ${progress.total}</span
              >
              <button type="button" id="batch-cancel" @click=${on.cancel}>Cancel</button>
            </div>`
      }
      <div class="actions">
        ${
          pending
            ? html`<button type="button" id="batch-resume" @click=${on.resume}>
                Annotate the other ${docs.length - annotated}
              </button>`
            : nothing
        }
        <button
          type="button"
          id="batch-export-jsonl"
          ?disabled=${docs.length === 0}
          @click=${() => on.exportAll('jsonl')}
        >
          Export JSONL
        </button>
        <button
          type="button"
          id="batch-export-csv"
          ?disabled=${annotated === 0}
          @click=${() => on.exportAll('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          id="batch-export-fhir"
          ?disabled=${annotated === 0}
          @click=${() => on.exportAll('fhir')}
        >
          Export FHIR
        </button>
        <button type="button" id="batch-forget" ?disabled=${docs.length === 0} @click=${on.forget}>
          Forget all
        </button>
        <span id="batch-notice" role="status">${state.message}</span>
      </div>
      ${
        docs.length === 0
          ? html`<p class="hint">No documents yet.</p>`
          : html`<p class="hint" id="batch-summary">
                ${docs.length} documents, ${annotated} annotated,
                ${docs.filter((d) => d.review !== 'unreviewed').length} reviewed
              </p>
              <div class="batch-layout">
                <ul
                  id="batch-list"
                  role="listbox"
                  tabindex="0"
                  aria-label="Documents (arrow keys or j/k to move)"
                  aria-activedescendant=${selected >= 0 ? optionId(selected) : nothing}
                  @keydown=${(event: KeyboardEvent) => listKeydown(event, state, on)}
                  @click=${(event: Event) => listClick(event, on)}
                >
                  ${docs.map(
                    (doc, i) =>
                      html`<li
                        role="option"
                        id=${optionId(i)}
                        data-index=${i}
                        data-review=${doc.review}
                        aria-selected=${i === selected ? 'true' : 'false'}
                      >
                        <span class="name">${doc.id}</span>
                        <span class="count">${countOf(doc)}</span>
                        <span class="state">${doc.review}</span>
                      </li>`,
                  )}
                </ul>
                <div class="batch-current">
                  ${
                    current === undefined
                      ? nothing
                      : html`<div class="actions">
                          <strong id="batch-current-name">${current.id}</strong>
                          <button
                            type="button"
                            id="batch-reviewed"
                            aria-pressed=${current.review === 'unreviewed' ? 'false' : 'true'}
                            ?disabled=${current.review === 'edited'}
                            @click=${on.toggleReviewed}
                          >
                            Reviewed
                          </button>
                        </div>`
                  }
                </div>
              </div>`
      }`,
    container,
  );
}
