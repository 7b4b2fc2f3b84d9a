/**
 * The demo page: example notes, the `<med7-ner>` element (editable), a table of the entities,
 * copy-JSON / download-CSV buttons, and the batch review of many notes (./batch/). Everything the user types is rendered as text nodes only.
 * URL parameters `device`, `dtype` and `model` are passed to the element (used by the e2e tests).
 */
import { html, nothing, render } from 'lit';
// The element itself comes from the drop-in script tag (dist/med7-ner/med7-ner.js), as on any page.
import type { Med7EntitiesDetail } from '../components/med7-ner/med7-ner.ts';
import { saveFile } from '../components/med7-ner/save-file.ts';
import type { Entity } from '../core/types.ts';
import type { Med7Device, Med7Dtype } from '../model/types.ts';
import { BatchReview } from './batch/batch.ts';
import { entitiesToCsv } from './csv.ts';
import { EXAMPLES } from './examples.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const ner = byId<HTMLElementTagNameMap['med7-ner']>('ner');
const table = byId<HTMLElement>('entities');
const examples = byId<HTMLElement>('examples');
const notice = byId<HTMLElement>('notice');
const copyButton = byId<HTMLButtonElement>('copy-json');
const csvButton = byId<HTMLButtonElement>('download-csv');

const params = new URLSearchParams(location.search);
for (const name of ['device', 'dtype', 'model'] as const) {
  const value = params.get(name);
  if (value !== null) ner.setAttribute(name, value);
}

let current: Med7EntitiesDetail = { entities: [], ms: 0, text: '' };
/** Rows of the entity table rendered: a 1 MB note has ~60,000 entities; more on demand. */
const ROWS = 200;
let rows = ROWS;

function say(message: string): void {
  notice.textContent = message;
}

function renderExamples(): void {
  render(
    EXAMPLES.map(
      (example) =>
        html`<li>
          <button type="button" @click=${() => (ner.text = example.text)}>${example.title}</button>
        </li>`,
    ),
    examples,
  );
}

function renderTable(entities: readonly Entity[]): void {
  const more = entities.length - rows;
  render(
    entities.length === 0
      ? html`<p class="empty">No entities yet.</p>`
      : html`<table>
            <caption>
              ${entities.length} entities
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Label</th>
                <th scope="col">Text</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              ${entities.slice(0, rows).map(
                (entity, index) =>
                  html`<tr data-label=${entity.label}>
                    <td>${index + 1}</td>
                    <td><span class="tag" data-label=${entity.label}>${entity.label}</span></td>
                    <td>${entity.text}</td>
                    <td>${entity.start}</td>
                    <td>${entity.end}</td>
                    <td>${entity.score.toFixed(2)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            more > 0
              ? html`<button
                  type="button"
                  class="more"
                  @click=${() => {
                    rows += ROWS;
                    renderTable(current.entities);
                  }}
                >
                  Show ${Math.min(ROWS, more)} more of ${more}
                </button>`
              : nothing
          }`,
    table,
  );
  copyButton.disabled = entities.length === 0;
  csvButton.disabled = entities.length === 0;
}

async function copyJson(): Promise<void> {
  const json = JSON.stringify({ text: current.text, entities: current.entities }, null, 2);
  try {
    await navigator.clipboard.writeText(json);
    say(`Copied ${current.entities.length} entities as JSON.`);
  } catch {
    say('The browser refused clipboard access; use Download CSV instead.');
  }
}

function downloadCsv(): void {
  saveFile(entitiesToCsv(current.entities), 'text/csv;charset=utf-8', 'med7-entities.csv');
  say(`Downloaded ${current.entities.length} entities as CSV.`);
}

ner.addEventListener('med7-entities', (event) => {
  current = event.detail;
  rows = ROWS;
  renderTable(current.entities);
});
copyButton.addEventListener('click', () => void copyJson());
csvButton.addEventListener('click', downloadCsv);

// The batch review annotates with the same model settings as the element above.
const batch = new BatchReview(byId('batch-ui'), byId('batch-review'), {
  device: (params.get('device') ?? 'auto') as Med7Device,
  dtype: (params.get('dtype') ?? 'auto') as Med7Dtype,
});
void batch.start();

renderExamples();
renderTable([]);
if (ner.text === undefined && !params.has('empty')) ner.text = EXAMPLES[0]?.text ?? '';

// Offline support for the built demo: the service worker precaches the app and onnxruntime-web's
// wasm (public/sw.js). It is registered once the model is ready (or has failed), so that its
// precache neither competes with the first load nor downloads the wasm a second time: by then the
// wasm is in the HTTP cache and the precache only revalidates it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const registerOnce = (): void => {
    ner.removeEventListener('med7-ready', registerOnce);
    ner.removeEventListener('med7-error', registerOnce);
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      console.warn('Offline support unavailable:', error);
    });
  };
  ner.addEventListener('med7-ready', registerOnce);
  ner.addEventListener('med7-error', registerOnce);
}
