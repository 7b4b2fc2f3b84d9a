import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MED7_LABELS, type Med7Label } from '../../core/labels.ts';
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  groupMedications,
  type MedicationRecord,
} from '../../core/records.ts';
import type { Entity } from '../../core/types.ts';
import { MODEL_FOLDER, ORT_FOLDER, assetUrl, getBasePath } from '../../worker/base-path.ts';
import { Med7WorkerClient, isAbortError, type WorkerFactory } from '../../worker/client.ts';
import { checkedWorkerFactory, loadIntegrity } from '../../worker/integrity.ts';
import type { Med7Device, Med7Dtype, ProgressInfo, ReadyInfo } from '../../worker/protocol.ts';
import { emit } from './med7-ner.events.ts';
import {
  EXPORT_FORMATS,
  cellText,
  exportRecords,
  recordIndexBySpan,
  spanKey,
  type MedicationExportFormat,
} from './medications.ts';
import { toSegments, type Segment } from './segments.ts';
import { saveFile } from './save-file.ts';
import styles from './med7-ner.styles.ts';

type Phase = 'loading' | 'ready' | 'error';

/** Column headings of the medications table. */
const COLUMN_NAMES = {
  STRENGTH: 'Strength',
  FORM: 'Form',
  ROUTE: 'Route',
  DOSAGE: 'Dose',
  FREQUENCY: 'Frequency',
  DURATION: 'Duration',
} as const;

/**
 * @summary Finds medication information (the seven Med7 labels) in clinical text and highlights it,
 * with a model that runs in a Web Worker on WebGPU or WASM: the text never leaves the browser.
 *
 * @tag med7-ner
 *
 * @slot - Plain text to analyse when the `text` property is not set (its `textContent`, trimmed).
 *
 * @fires med7-progress - Model download progress: `{loaded, total, file}` (bytes, all files summed).
 * @fires med7-ready - The model is loaded and warmed up: `{device, dtype, threads, loadMs, fallbackReason?}`.
 * @fires med7-entities - A text was analysed and is shown: `{entities, ms, text}`.
 * @fires med7-error - Loading or analysis failed: `{name, message}`; the element shows the message.
 *
 * @csspart input - The paste area (with `editable`).
 * @csspart progress - The progress bar and its caption while the model loads.
 * @csspart status - The status line: backend, threads, time of the last analysis.
 * @csspart error - The error message.
 * @csspart legend - The legend (a list of toggle buttons).
 * @csspart legend-item - One legend toggle; also `legend-item-drug`, `legend-item-strength`, ….
 * @csspart text - The highlighted text.
 * @csspart mark - Every highlight; also `mark-drug`, `mark-strength`, … per label.
 * @csspart label - The small label inside a highlight; also `label-drug`, ….
 * @csspart mark-linked - The highlights of the medication under the pointer or focus.
 * @csspart medications - The "Medications" section: the table and its export buttons.
 * @csspart medications-table - The table: one row per medication (drug and its attributes).
 * @csspart export-button - Each export button (JSON, CSV, FHIR).
 *
 * @cssprop --med7-drug - Colour of DRUG highlights (default #3cb44b).
 * @cssprop --med7-strength - Colour of STRENGTH highlights (default #42d4f4).
 * @cssprop --med7-form - Colour of FORM highlights (default #ffd8b1).
 * @cssprop --med7-route - Colour of ROUTE highlights (default #f032e6).
 * @cssprop --med7-dosage - Colour of DOSAGE highlights (default #e6194B).
 * @cssprop --med7-frequency - Colour of FREQUENCY highlights (default #f58231).
 * @cssprop --med7-duration - Colour of DURATION highlights (default #ffe119).
 * @cssprop --med7-mark-color - Text colour inside highlights (default #000).
 * @cssprop --med7-focus-color - Focus ring colour (default the system Highlight).
 * @cssprop --med7-link-color - Outline of the highlights of the medication under the pointer or focus (default the text colour).
 * @cssprop --med7-font-family - Font (default inherited).
 * @cssprop --med7-error-color - Error text colour.
 * @cssprop --med7-error-background - Error background.
 */
export class Med7Ner extends LitElement {
  static override styles = styles;

  /** Spawns the model worker; replaceable before connection (tests, custom bundling). */
  static workerFactory: WorkerFactory | undefined;

  #client: Med7WorkerClient | undefined;
  #loadKey = '';
  #ready: Promise<ReadyInfo> | undefined;
  #loadError: Error | undefined;
  #runId = 0;
  #abort: AbortController | undefined;
  #debounceTimer: ReturnType<typeof setTimeout> | undefined;
  #requestedText: string | undefined;
  #typed = false;
  #progress = new Map<string, ProgressInfo>();
  #observer: MutationObserver | undefined;
  /** For each shown entity (`start:end`), the index of its medication record. */
  #recordOf = new Map<string, number>();

  @state() private _phase: Phase = 'loading';
  @state() private _loaded = 0;
  @state() private _total = 0;
  @state() private _readyInfo: ReadyInfo | undefined;
  @state() private _error: string | undefined;
  @state() private _analysedText = '';
  @state() private _entities: Entity[] = [];
  @state() private _lastMs: number | undefined;
  @state() private _busy = false;
  /** Share of the current text analysed so far (long texts), while `_busy`. */
  @state() private _analysed: number | undefined;
  @state() private _hidden: ReadonlySet<Med7Label> = new Set();
  @state() private _lightText = '';
  @state() private _medications: MedicationRecord[] = [];
  @state() private _activeRecord: number | undefined;
  /** The highlight Tab reaches (a roving tab stop: one for the whole text, arrow keys move). */
  @state() private _tabStop: string | undefined;

  /**
   * URL of the model folder, resolved against the page (default: the embedded model beside the
   * element's script). It must be on the page's origin or the script's, or in `allow-origins`.
   */
  @property() model: string | undefined;

  /**
   * Further origins (space-separated, e.g. `https://models.example.org`) a `model` URL may point
   * to; by default only the page's origin and the origin of the element's own script are allowed.
   */
  @property({ attribute: 'allow-origins' }) allowOrigins = '';

  /**
   * `required`: load nothing that cannot be checked against the hashes built into this script (a
   * `model` folder without a `med7-manifest.json` is refused). By default every file the hashes
   * cover is checked, and a model folder without hashes loads unchecked. See docs/integrity.md.
   */
  @property() integrity: 'required' | undefined;

  /** Where the model runs: `auto` (WebGPU, else WASM), `webgpu` or `wasm`. */
  @property() device: Med7Device = 'auto';

  /**
   * The model file: `auto` (the folder's choice for the device: for the embedded model, int8
   * products on WASM and int8 weights with float products on WebGPU), `int8`, `q8` or `fp32`.
   */
  @property() dtype: Med7Dtype = 'auto';

  /**
   * URL of the folder serving onnxruntime-web's `.mjs`/`.wasm` files, resolved against the page
   * (default: the `ort/` folder beside the element's script).
   */
  @property({ attribute: 'wasm-paths' }) wasmPaths: string | undefined;

  /** Shows a paste area above the highlights; typing re-analyses after `debounce` ms. */
  @property({ type: Boolean, reflect: true }) editable = false;

  /** Milliseconds of quiet typing before re-analysis (with `editable`). */
  @property({ type: Number }) debounce = 300;

  /** The text to analyse; when unset, the element's own text content is used. */
  @property() text: string | undefined;

  /** Hides the "Medications" table and its export buttons. */
  @property({ type: Boolean, attribute: 'hide-medications', reflect: true }) hideMedications =
    false;

  /** The entities of the text now shown (empty until analysed). */
  get entities(): readonly Entity[] {
    return this._entities;
  }

  /** The entities of the text now shown, grouped per drug (see `groupMedications`). */
  get medications(): readonly MedicationRecord[] {
    return this._medications;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer ??= new MutationObserver(() => this.#readLightText());
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#readLightText();
    // Reconnected after a real removal: the model was unloaded, load it again.
    if (this.hasUpdated && this.#loadKey === '') this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    // Moving the element fires disconnect then connect: keep the model, and a typed text still
    // waiting for its debounce, unless it really left.
    queueMicrotask(() => {
      if (this.isConnected) return;
      clearTimeout(this.#debounceTimer);
      this.#unload();
    });
  }

  // Loading and scheduling set reactive state, so they run before render, not after it.
  protected override willUpdate(changed: PropertyValues): void {
    const reload = this.#currentLoadKey() !== this.#loadKey;
    if (reload) this.#load();
    if (reload || changed.has('text') || changed.has('_lightText')) {
      const text = this.#currentText();
      if (text !== this.#requestedText) {
        this.#schedule(text, this.#typed ? this.debounce : 0);
      }
      this.#typed = false;
    }
  }

  /** What the loaded model depends on: a change of any of these loads it again. */
  #currentLoadKey(): string {
    return [this.model, this.device, this.dtype, this.wasmPaths, this.allowOrigins, this.integrity]
      .map(String)
      .join('\n');
  }

  #currentText(): string {
    return this.text ?? this._lightText;
  }

  #readLightText(): void {
    this._lightText = (this.textContent ?? '').trim();
  }

  #resolve(url: string): string {
    return new URL(url, document.baseURI).href;
  }

  /** The model folder's URL, refused when it is on an origin the page has not allowed. */
  #modelUrl(): string {
    const url = new URL(this.model ?? assetUrl(MODEL_FOLDER), document.baseURI);
    const allowed = new Set([
      location.origin,
      new URL(getBasePath()).origin,
      ...this.allowOrigins
        .split(/\s+/)
        .filter(Boolean)
        .map((origin) => new URL(origin).origin),
    ]);
    if (!allowed.has(url.origin)) {
      throw new Error(
        `${url.origin} is not an allowed origin for the model: the element loads models only from ` +
          `this page's origin and its own script's (${[...allowed].join(', ')}); add it to the ` +
          `element's allow-origins attribute to allow it`,
      );
    }
    return url.href.replace(/\/*$/, '/');
  }

  #load(): void {
    this.#unload();
    this.#loadKey = this.#currentLoadKey();
    const required = this.integrity === 'required';
    const client = new Med7WorkerClient(Med7Ner.workerFactory ?? checkedWorkerFactory(required));
    this.#client = client;
    this.#progress.clear();
    this._phase = 'loading';
    this._loaded = 0;
    this._total = 0;
    this._error = undefined;
    this.#loadError = undefined;
    this._readyInfo = undefined;
    client.onProgress = (info) => this.#handleProgress(info);
    // A crashed worker is replaced and the model reloaded: show that load like the first one.
    client.onRestart = (reloaded) => {
      this.#progress.clear();
      this._phase = 'loading';
      this.#ready = reloaded;
      reloaded.then(
        (info) => this.#handleReady(client, info),
        (error: unknown) => this.#handleLoadError(client, error),
      );
    };
    let options;
    try {
      // A folder URL: the worker resolves the weights' URLs against it (its stale-cache check too).
      const model = this.#modelUrl();
      const wasmPaths = this.#resolve(this.wasmPaths ?? assetUrl(ORT_FOLDER));
      const integrity = loadIntegrity(model, wasmPaths, required);
      options = {
        model,
        device: this.device,
        dtype: this.dtype,
        wasmPaths,
        ...(integrity === undefined ? {} : { integrity }),
      };
    } catch (error) {
      this.#handleLoadError(client, error);
      return;
    }
    const ready = client.load(options);
    this.#ready = ready;
    ready.then(
      (info) => this.#handleReady(client, info),
      (error: unknown) => this.#handleLoadError(client, error),
    );
    // Text that arrived before a reload is analysed again with the new model.
    this.#requestedText = undefined;
  }

  #unload(): void {
    this.#loadKey = '';
    this.#abort?.abort();
    const client = this.#client;
    this.#client = undefined;
    this.#ready = undefined;
    void client?.dispose();
  }

  #handleProgress(info: ProgressInfo): void {
    this.#progress.set(info.file, info);
    let loaded = 0;
    let total = 0;
    for (const file of this.#progress.values()) {
      loaded += file.loaded;
      total += file.total;
    }
    this._loaded = loaded;
    this._total = total;
    emit(this, 'med7-progress', { loaded, total, file: info.file });
  }

  #handleReady(client: Med7WorkerClient, info: ReadyInfo): void {
    if (client !== this.#client) return;
    this._phase = 'ready';
    this._readyInfo = info;
    const { device, dtype, threads, loadMs, fallbackReason } = info;
    emit(this, 'med7-ready', {
      device,
      dtype,
      threads,
      loadMs,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    });
  }

  #handleLoadError(client: Med7WorkerClient, error: unknown): void {
    if (client !== this.#client) return;
    const cause = error instanceof Error ? error : new Error(String(error));
    this.#loadError = cause;
    this._phase = 'error';
    this.#showError(
      cause,
      `Could not load the model from ${this.model ?? assetUrl(MODEL_FOLDER)}: `,
    );
  }

  #showError(error: Error, prefix = ''): void {
    const message = `${prefix}${error.message}`;
    this._error = message;
    emit(this, 'med7-error', { name: error.name, message });
  }

  #schedule(text: string, delay: number): void {
    clearTimeout(this.#debounceTimer);
    this.#requestedText = text;
    if (delay <= 0) {
      void this.#run(text).catch(() => undefined);
      return;
    }
    this.#debounceTimer = setTimeout(() => void this.#run(text).catch(() => undefined), delay);
  }

  /** Analyses `text` and shows it, unless a newer run started meanwhile (then it is stale). */
  async #run(text: string): Promise<Entity[]> {
    const runId = ++this.#runId;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (text.trim() === '') {
      // Ends the busy state of a run this one supersedes (that run no longer resets it).
      this._busy = false;
      this._analysed = undefined;
      this.#show(text, [], 0);
      return [];
    }
    if (this.#loadError !== undefined) throw this.#loadError;
    const client = this.#client;
    const ready = this.#ready;
    if (client === undefined || ready === undefined)
      throw new Error('The element is not connected.');
    this._busy = true;
    try {
      await ready;
      const { entities, ms } = await client.extract(text, abort.signal, (done, total) => {
        if (runId === this.#runId) this._analysed = done / total;
      });
      if (runId === this.#runId) this.#show(text, entities, ms);
      return entities;
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      if (!isAbortError(cause) && cause !== this.#loadError && runId === this.#runId) {
        this.#showError(cause, 'Analysis failed: ');
      }
      throw cause;
    } finally {
      if (runId === this.#runId) {
        this._busy = false;
        this._analysed = undefined;
      }
    }
  }

  #show(text: string, entities: Entity[], ms: number): void {
    this._analysedText = text;
    this._entities = entities;
    this._medications = groupMedications(text, entities);
    this.#recordOf = recordIndexBySpan(this._medications);
    this._activeRecord = undefined;
    this._lastMs = ms;
    if (this._phase !== 'error' || this.#loadError === undefined) this._error = undefined;
    emit(this, 'med7-entities', { entities, ms, text });
  }

  #handleInput(event: Event): void {
    this.#typed = true;
    this.text = (event.target as HTMLTextAreaElement).value;
  }

  #handleLinkStart(entity: Entity): void {
    this._activeRecord = this.#recordOf.get(spanKey(entity));
  }

  #handleMarkFocus(entity: Entity): void {
    this._tabStop = spanKey(entity);
    this.#handleLinkStart(entity);
  }

  /** Arrow keys, Home and End move the focus between the highlights shown. */
  #handleTextKey(event: KeyboardEvent): void {
    const marks = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="text"] mark')];
    const at = marks.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const steps: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: marks.length - 1,
    };
    const to = steps[event.key];
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    marks[Math.max(0, Math.min(marks.length - 1, to))]?.focus();
  }

  #handleLinkEnd(): void {
    this._activeRecord = undefined;
  }

  #handleExport(format: MedicationExportFormat): void {
    const { type, filename } = EXPORT_FORMATS.find((f) => f.format === format)!;
    saveFile(this.exportMedications(format), type, filename);
  }

  #handleToggle(label: Med7Label): void {
    const hidden = new Set(this._hidden);
    if (hidden.has(label)) hidden.delete(label);
    else hidden.add(label);
    this._hidden = hidden;
  }

  /**
   * Analyses `text`, shows it highlighted and resolves with its entities (UTF-16 offsets into
   * `text`). Rejects with an `AbortError` if a newer text replaces it before it ran.
   */
  async analyze(text: string): Promise<Entity[]> {
    clearTimeout(this.#debounceTimer);
    // A load that failed (a network error, say) is tried again when an analysis is asked for.
    if (this.isConnected && this.#loadError !== undefined) this.#load();
    this.#requestedText = text;
    this.text = text;
    // Just connected: the model starts loading in the first update, a microtask away.
    if (this.isConnected && this.#client === undefined) await this.updateComplete;
    return this.#run(text);
  }

  /**
   * The medications of the text now shown as JSON (`json`), CSV with one row per medication
   * (`csv`), or a FHIR R4 Bundle of MedicationStatements (`fhir`), as the export buttons save them.
   */
  exportMedications(format: MedicationExportFormat): string {
    return exportRecords(this._medications, format);
  }

  /** Shows or hides the highlights of `label` (as the legend's toggles do). */
  toggleLabel(label: Med7Label, visible?: boolean): void {
    if ((visible ?? this._hidden.has(label)) !== this._hidden.has(label)) return;
    this.#handleToggle(label);
  }

  #renderInput(): TemplateResult | typeof nothing {
    if (!this.editable) return nothing;
    return html`<textarea
      class="input"
      part="input"
      aria-label="Clinical text to analyse"
      spellcheck="false"
      .value=${this.#currentText()}
      @input=${this.#handleInput}
    ></textarea>`;
  }

  #renderProgress(): TemplateResult | typeof nothing {
    if (this._phase !== 'loading') return nothing;
    const downloading = this._total > 0 && this._loaded < this._total;
    const percent = downloading ? Math.floor((100 * this._loaded) / this._total) : 0;
    const caption = downloading
      ? `Downloading the model… ${percent}% (${(this._total / 1e6).toFixed(1)} MB)`
      : 'Preparing the model…';
    return html`<div class="progress" part="progress">
      ${
        downloading
          ? html`<progress max=${this._total} value=${this._loaded} aria-label="Model download">
              ${percent}%
            </progress>`
          : html`<progress aria-label="Model initialisation"></progress>`
      }
      <span>${caption}</span>
    </div>`;
  }

  /**
   * The status line. Screen readers hear the model's state; the analysis progress and timing,
   * which change many times a second or after every keystroke, are shown but not announced
   * (the text region's `aria-busy` says when an analysis runs).
   */
  #renderStatus(): TemplateResult {
    const info = this._readyInfo;
    let text: string;
    let activity = '';
    let fallback = '';
    if (this._phase === 'error') text = 'Model not loaded.';
    else if (info === undefined) text = 'Loading the model in a worker…';
    else {
      const backend =
        info.device === 'webgpu'
          ? `WebGPU${info.adapter ? ` (${info.adapter})` : ''}`
          : `WASM, ${info.threads} thread${info.threads === 1 ? '' : 's'}`;
      text = `${backend}, ${info.dtype} · loaded in ${info.loadMs} ms`;
      if (this._busy && this._analysed !== undefined) {
        activity = ` · analysing… ${Math.floor(this._analysed * 100)}%`;
      } else if (this._lastMs !== undefined) {
        activity = ` · last analysis ${this._lastMs} ms`;
      }
      if (info.fallbackReason) fallback = ` — ${info.fallbackReason}`;
    }
    const quiet = activity === '' ? nothing : html`<span aria-hidden="true">${activity}</span>`;
    return html`<p class="status" part="status" role="status">${text}${quiet}${fallback}</p>`;
  }

  #renderLegend(): TemplateResult {
    const counts = new Map<Med7Label, number>();
    for (const entity of this._entities)
      counts.set(entity.label, (counts.get(entity.label) ?? 0) + 1);
    return html`<ul class="legend" part="legend" aria-label="Labels">
      ${MED7_LABELS.map((label) => {
        const count = counts.get(label) ?? 0;
        const shown = !this._hidden.has(label);
        const slug = label.toLowerCase();
        return html`<li>
          <button
            type="button"
            part="legend-item legend-item-${slug}"
            data-label=${label}
            aria-pressed=${shown ? 'true' : 'false'}
            title=${shown ? `Hide ${label} highlights` : `Show ${label} highlights`}
            @click=${() => this.#handleToggle(label)}
          >
            <span class="swatch" aria-hidden="true"></span>${label}
            <span class="count">${count}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #renderMark(segment: Segment, entity: Entity, tabbable: boolean): TemplateResult {
    const slug = entity.label.toLowerCase();
    const record = this.#recordOf.get(spanKey(entity));
    const linked = record !== undefined && record === this._activeRecord;
    return html`<mark
      class="entity${linked ? ' linked' : ''}"
      part="mark mark-${slug}${linked ? ' mark-linked' : ''}"
      role="group"
      tabindex=${tabbable ? '0' : '-1'}
      data-label=${entity.label}
      data-start=${entity.start}
      data-end=${entity.end}
      data-record=${record ?? nothing}
      aria-label="${entity.label}: ${segment.text}"
      @mouseenter=${() => this.#handleLinkStart(entity)}
      @mouseleave=${this.#handleLinkEnd}
      @focus=${() => this.#handleMarkFocus(entity)}
      @blur=${this.#handleLinkEnd}
      >${segment.text}<span class="label" part="label label-${slug}" aria-hidden="true"
        >${entity.label}</span
      ></mark
    >`;
  }

  #renderText(): TemplateResult {
    // Highlights belong to the text they were computed for; newer text shows plain until analysed.
    const text = this.#currentText();
    const entities = this._analysedText === text ? this._entities : [];
    const segments = toSegments(text, entities);
    const shown = entities.filter((entity) => !this._hidden.has(entity.label)).map(spanKey);
    const tabStop =
      this._tabStop !== undefined && shown.includes(this._tabStop) ? this._tabStop : shown[0];
    // No whitespace may be added inside .text (white-space: pre-wrap), hence no formatting here.
    // prettier-ignore
    return html`<div
      class="text"
      part="text"
      aria-label="Highlighted text"
      aria-busy=${this._busy ? 'true' : 'false'}
      role="region"
      @keydown=${this.#handleTextKey}
    >${segments.map((segment) =>
      segment.entity !== undefined && !this._hidden.has(segment.entity.label)
        ? this.#renderMark(segment, segment.entity, spanKey(segment.entity) === tabStop)
        : segment.text,
    )}</div>`;
  }

  #renderMedications(): TemplateResult | typeof nothing {
    const records = this._analysedText === this.#currentText() ? this._medications : [];
    if (this.hideMedications || records.length === 0) return nothing;
    return html`<section class="medications" part="medications" aria-label="Medications">
      <table part="medications-table">
        <caption>
          Medications
        </caption>
        <thead>
          <tr>
            <th scope="col">Drug</th>
            ${ATTRIBUTE_LABELS.map((label) => html`<th scope="col">${COLUMN_NAMES[label]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${records.map(
            (record, i) =>
              html`<tr
                data-record=${i}
                class=${i === this._activeRecord ? 'active' : ''}
                @mouseenter=${() => (this._activeRecord = i)}
                @mouseleave=${this.#handleLinkEnd}
              >
                <th scope="row">
                  ${record.drug?.text ?? html`<span class="none">(no drug)</span>`}
                </th>
                ${ATTRIBUTE_LABELS.map(
                  (label) => html`<td>${cellText(record[ATTRIBUTE_FIELDS[label]])}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="exports">
        ${EXPORT_FORMATS.map(
          ({ format, label }) =>
            html`<button
              type="button"
              part="export-button"
              data-format=${format}
              @click=${() => this.#handleExport(format)}
            >
              Download ${label}
            </button>`,
        )}
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    return html`
      ${this.#renderInput()} ${this.#renderProgress()}
      ${
        this._error === undefined
          ? nothing
          : html`<p class="error" part="error" role="alert">${this._error}</p>`
      }
      ${this.#renderStatus()} ${this.#renderLegend()} ${this.#renderText()}
      ${this.#renderMedications()}
    `;
  }
}
