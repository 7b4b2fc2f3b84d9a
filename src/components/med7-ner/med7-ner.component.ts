import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { MED7_LABELS, type Med7Label } from '../../core/labels.ts';
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  groupMedications,
  type MedicationRecord,
} from '../../core/records/group.ts';
import type { Entity } from '../../core/types.ts';
import { MODEL_FOLDER, ORT_FOLDER, assetUrl, getBasePath } from '../../worker/base-path.ts';
import { Med7WorkerClient, isAbortError, type WorkerFactory } from '../../worker/client.ts';
import { checkedWorkerFactory, loadIntegrity } from '../../worker/integrity.ts';
import type { LoadProgress, Med7Device, Med7Dtype, ReadyInfo } from '../../model/types.ts';
import { emit } from './med7-ner.events.ts';
import {
  EXPORT_FORMATS,
  cellText,
  exportRecords,
  recordIndexBySpan,
  spanKey,
  type MedicationExportFormat,
} from './medications.ts';
import { toChunks, toSegments, type Chunk, type Segment } from './highlight-segments.ts';
import { saveFile } from './save-file.ts';
import styles from './med7-ner.styles.ts';

type Phase = 'loading' | 'ready' | 'error';

/**
 * A text at least this long is shown in blocks of whole lines (`toChunks`), each first as plain
 * text, then with its highlights, a few blocks per task (docs/reliability.md): a 1 MB note has
 * ~60,000 highlights, which in one render blocked the page for seconds. Shorter texts render at once.
 */
const LONG_TEXT = 20_000;
/** Rows of the medications table shown at first, and added by its "Show more" button. */
const MEDICATION_ROWS = 200;
/** Characters per block of a long text. */
const CHUNK_SIZE = 4_000;
/** Highlights rendered per task while a long text fills in, to start with (then adapted). */
const MARKS_PER_TASK = 300;
/** The work a fill task aims at (ms): the number of highlights per task follows from it. */
const FILL_TASK_MS = 40;

interface ShownKeys {
  entities: readonly Entity[];
  hidden: ReadonlySet<Med7Label>;
  keys: string[];
  set: ReadonlySet<string>;
}

/** How a long text is shown: its blocks, and which of them show their highlights. */
interface LongView {
  text: string;
  entities: readonly Entity[];
  chunks: Chunk[];
  /** Whether each block renders its highlights (else its plain text). */
  rich: boolean[];
  /** Bumped to re-render a block (its template is guarded on it). */
  versions: number[];
  /** Blocks to re-render with the current legend toggles. */
  stale: Set<number>;
  /** The block of each entity, by `spanKey`. */
  chunkOf: Map<string, number>;
  /** The medication records each block holds (for the linked-highlight outline). */
  records: Set<number>[];
  /** Highlights per block. */
  marks: number[];
  /** The first block not yet filled in. */
  next: number;
}

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
 * Where the arrow keys, Home and End move the focus from highlight `at` of `count` (clamped), or
 * undefined for any other key, a modified key, or a target that is no highlight (`at` < 0).
 */
function rovingStep(event: KeyboardEvent, at: number, count: number): number | undefined {
  if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const steps: Record<string, number> = {
    ArrowRight: at + 1,
    ArrowDown: at + 1,
    ArrowLeft: at - 1,
    ArrowUp: at - 1,
    Home: 0,
    End: count - 1,
  };
  const to = steps[event.key];
  return to === undefined ? undefined : Math.max(0, Math.min(count - 1, to));
}

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
 * @csspart mark-allergy - A DRUG highlight by its status when not `active`; also `mark-negated`, `mark-stopped`, `mark-held`, `mark-planned`, `mark-given`.
 * @csspart medications - The "Medications" section: the table and its export buttons.
 * @csspart medications-table - The table: one row per medication (drug, status and attributes).
 * @csspart allergies-table - The table of allergies (drugs of status `allergy`), below it.
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
 * @cssprop --med7-allergy-color - Outline of allergy highlights (default #b00020).
 * @cssprop --med7-status-color - Outline of held and planned highlights (default the text colour).
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
  #progress = new Map<string, LoadProgress>();
  #observer: MutationObserver | undefined;
  /** For each shown entity (`start:end`), the index of its medication record. */
  #recordOf = new Map<string, number>();
  #longView: LongView | undefined;
  #marksPerTask = MARKS_PER_TASK;
  #fillTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the long text has all its highlights (`updateComplete` waits for it). */
  #filling: { done: Promise<void>; resolve: () => void } | undefined;
  /** The tab stop and linked record the blocks of a long text were last rendered with. */
  #renderedTabStop: string | undefined;
  #renderedRecord: number | undefined;
  /** The last text typed in the paste area, and a long text the user asked to edit there. */
  #typedText: string | undefined;
  #editing: string | undefined;
  /** The tab stop of the last render. */
  #tabStop: string | undefined;
  /** The shown entities' keys in text order, for the legend toggles they were computed with. */
  #shownKeys: ShownKeys = { entities: [], hidden: new Set(), keys: [], set: new Set() };

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
  /** Rows of the medications table rendered (a 1 MB note has thousands: more on demand). */
  @state() private _medicationRows = MEDICATION_ROWS;
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
      clearTimeout(this.#fillTimer);
      this.#fillTimer = undefined;
      this.#endFill();
      this.#unload();
    });
  }

  // Loading and scheduling set reactive state, so they run before render, not after it.
  protected override willUpdate(changed: PropertyValues): void {
    // New legend toggles: the blocks of a long text re-render a few per task (from the top).
    const view = this.#longView;
    if (changed.has('_hidden') && view !== undefined) {
      view.rich.forEach((rich, i) => rich && view.stale.add(i));
      this.#scheduleFill();
    }
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
      this._readyInfo = undefined;
      this.#ready = reloaded;
      reloaded.then(
        (info) => this.#handleReady(client, info),
        (error: unknown) => this.#handleLoadError(client, error),
      );
    };
    // The worker died again after its restart (docs/reliability.md): the element is failed.
    client.onFailure = (error) => this.#handleLoadError(client, error);
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

  #handleProgress(info: LoadProgress): void {
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
    if (cause === this.#loadError) return; // already reported (onFailure, then the load it failed)
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
    if (this.#loadError !== undefined) {
      // A new text for a failed element: say again why nothing is highlighted (`analyze()`, and a
      // change of model, device, dtype or wasm-paths, load the model again).
      emit(this, 'med7-error', {
        name: this.#loadError.name,
        message: this._error ?? this.#loadError.message,
      });
      throw this.#loadError;
    }
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
      // A long text's entities (tens of thousands) took a while to arrive: show them in a task of
      // their own, so the page gets a turn in between.
      if (text.length >= LONG_TEXT) await new Promise((resolve) => setTimeout(resolve, 0));
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
    this._medicationRows = MEDICATION_ROWS;
    this._activeRecord = undefined;
    this._lastMs = ms;
    if (this._phase !== 'error' || this.#loadError === undefined) this._error = undefined;
    emit(this, 'med7-entities', { entities, ms, text });
  }

  #handleInput(event: Event): void {
    this.#typed = true;
    this.text = (event.target as HTMLTextAreaElement).value;
    this.#typedText = this.text;
  }

  #editLongText(text: string): void {
    this.#editing = text;
    this.requestUpdate();
    void super
      .getUpdateComplete()
      .then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
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
    if (this.#longView !== undefined) {
      this.#handleLongTextKey(event, this.#longView);
      return;
    }
    const marks = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="text"] mark')];
    const to = rovingStep(event, marks.indexOf(event.target as HTMLElement), marks.length);
    if (to === undefined) return;
    event.preventDefault();
    marks[to]?.focus();
  }

  /**
   * The same for a long text, whose blocks may not show their highlights yet: the target is found
   * among the shown entities, and its block rendered first if need be.
   */
  #handleLongTextKey(event: KeyboardEvent, view: LongView): void {
    const mark = event.target as HTMLElement;
    if (mark.localName !== 'mark') return;
    const keys = this.#shownKeys.keys;
    const at = keys.indexOf(`${mark.dataset['start'] ?? ''}:${mark.dataset['end'] ?? ''}`);
    const to = rovingStep(event, at, keys.length);
    if (to === undefined) return;
    event.preventDefault();
    const key = keys[to];
    if (key === undefined) return;
    const chunk = view.chunkOf.get(key);
    if (chunk !== undefined && (!view.rich[chunk] || view.stale.has(chunk))) {
      this.#refreshChunk(view, chunk);
      this.requestUpdate();
    }
    const [start, end] = key.split(':');
    void super
      .getUpdateComplete()
      .then(() =>
        this.renderRoot
          .querySelector<HTMLElement>(`.text mark[data-start="${start}"][data-end="${end}"]`)
          ?.focus(),
      );
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
    const text = this.#currentText();
    // A long text set from outside is not put in the paste area unless asked: a textarea lays out
    // all of its text at once (1 MB: seconds of a frozen page). Typed or pasted text is there already.
    if (text.length >= LONG_TEXT && text !== this.#typedText && this.#editing !== text) {
      return html`<p class="long-input">
        <button type="button" @click=${() => this.#editLongText(text)}>
          Edit this text (${text.length.toLocaleString('en')} characters)
        </button>
        — a text this long is not put in the paste area unless asked: laying it out takes the
        browser a while.
      </p>`;
    }
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
    // A drug that is not taken now (allergy, stopped, ...) is drawn and named by its status.
    const status =
      entity.label === 'DRUG' && record !== undefined
        ? this._medications[record]?.status
        : undefined;
    const marked = status !== undefined && status !== 'active' ? status : undefined;
    return html`<mark
      class="entity${linked ? ' linked' : ''}"
      part="mark mark-${slug}${linked ? ' mark-linked' : ''}${marked ? ` mark-${marked}` : ''}"
      data-status=${marked ?? nothing}
      role="group"
      tabindex=${tabbable ? '0' : '-1'}
      data-label=${entity.label}
      data-start=${entity.start}
      data-end=${entity.end}
      data-record=${record ?? nothing}
      aria-label="${entity.label}${marked ? `, ${marked}` : ''}: ${segment.text}"
      @mouseenter=${() => this.#handleLinkStart(entity)}
      @mouseleave=${this.#handleLinkEnd}
      @focus=${() => this.#handleMarkFocus(entity)}
      @blur=${this.#handleLinkEnd}
      >${segment.text}<span class="label" part="label label-${slug}" aria-hidden="true"
        >${entity.label}</span
      ></mark
    >`;
  }

  /** The keys of the shown entities in text order (memoised: a long text has thousands). */
  #shownKeysOf(entities: readonly Entity[]): ShownKeys {
    const memo = this.#shownKeys;
    if (memo.entities === entities && memo.hidden === this._hidden) return memo;
    const keys = entities.filter((entity) => !this._hidden.has(entity.label)).map(spanKey);
    this.#shownKeys = { entities, hidden: this._hidden, keys, set: new Set(keys) };
    return this.#shownKeys;
  }

  #renderText(): TemplateResult {
    // Highlights belong to the text they were computed for; newer text shows plain until analysed.
    const text = this.#currentText();
    const entities = this._analysedText === text ? this._entities : [];
    const shown = this.#shownKeysOf(entities);
    const tabStop =
      this._tabStop !== undefined && shown.set.has(this._tabStop) ? this._tabStop : shown.keys[0];
    let content: unknown;
    if (text.length < LONG_TEXT) {
      this.#longView = undefined;
      this.#endFill();
      content = toSegments(text, entities).map((segment) =>
        segment.entity !== undefined && !this._hidden.has(segment.entity.label)
          ? this.#renderMark(segment, segment.entity, spanKey(segment.entity) === tabStop)
          : segment.text,
      );
    } else {
      const view = this.#longViewOf(text, entities);
      this.#ensureRich(view, tabStop);
      this.#tabStop = tabStop;
      // Each block re-renders only when its version changes (a hover does not redo 1 MB of text).
      content = view.chunks.map(
        (_, i) =>
          html`<div class="chunk">
            ${guard([view, view.versions[i]], () => this.#renderChunk(view, i, tabStop))}
          </div>`,
      );
    }
    // No whitespace may be added inside .text (white-space: pre-wrap), hence no formatting here.
    // prettier-ignore
    return html`<div
      class="text"
      part="text"
      aria-label="Highlighted text"
      aria-busy=${this._busy ? 'true' : 'false'}
      role="region"
      @keydown=${this.#handleTextKey}
      @mouseover=${this.#handleLongPointer}
      @mouseout=${this.#handleLongPointerOut}
      @focus=${this.#longFocus}
      @blur=${this.#longBlur}
    >${content}</div>`;
  }

  /** The blocks of a long text: made afresh for a new text or new entities, then filled in. */
  #longViewOf(text: string, entities: readonly Entity[]): LongView {
    const current = this.#longView;
    if (current !== undefined && current.text === text && current.entities === entities) {
      return current;
    }
    const chunks = toChunks(toSegments(text, entities), CHUNK_SIZE);
    const chunkOf = new Map<string, number>();
    const marks: number[] = [];
    const records = chunks.map((chunk, i) => {
      const held = new Set<number>();
      let count = 0;
      for (const { entity } of chunk.segments) {
        if (entity === undefined) continue;
        count++;
        const key = spanKey(entity);
        chunkOf.set(key, i);
        const record = this.#recordOf.get(key);
        if (record !== undefined) held.add(record);
      }
      marks.push(count);
      return held;
    });
    const view: LongView = {
      text,
      entities,
      chunks,
      rich: chunks.map(() => false),
      versions: chunks.map(() => 0),
      stale: new Set(),
      chunkOf,
      records,
      marks,
      next: 0,
    };
    this.#longView = view;
    this.#renderedTabStop = undefined;
    this.#renderedRecord = undefined;
    clearTimeout(this.#fillTimer);
    this.#fillTimer = undefined;
    this.#scheduleFill();
    return view;
  }

  /** The tab stop's block shows its highlights, so that Tab reaches it. */
  #ensureRich(view: LongView, tabStop: string | undefined): void {
    const chunk = tabStop === undefined ? undefined : view.chunkOf.get(tabStop);
    if (chunk !== undefined && !view.rich[chunk]) this.#refreshChunk(view, chunk);
  }

  /**
   * Moves the tab stop and the linked outline of a long text in place: rebuilding a block would
   * take the focus from the highlight that has it. (Blocks built later read the current state.)
   */
  protected override updated(): void {
    const view = this.#longView;
    if (view === undefined) return;
    const blocks = this.renderRoot.querySelector('.text')?.children;
    if (blocks === undefined) return;
    const marksOf = (key: string | undefined): HTMLElement[] => {
      const chunk = key === undefined ? undefined : view.chunkOf.get(key);
      if (key === undefined || chunk === undefined) return [];
      const [start, end] = key.split(':');
      const mark = blocks[chunk]?.querySelector<HTMLElement>(
        `mark[data-start="${start}"][data-end="${end}"]`,
      );
      return mark === null || mark === undefined ? [] : [mark];
    };
    if (this.#tabStop !== this.#renderedTabStop) {
      for (const mark of marksOf(this.#renderedTabStop)) mark.tabIndex = -1;
      for (const mark of marksOf(this.#tabStop)) mark.tabIndex = 0;
      this.#renderedTabStop = this.#tabStop;
    }
    if (this._activeRecord !== this.#renderedRecord) {
      for (const record of [this.#renderedRecord, this._activeRecord]) {
        if (record === undefined) continue;
        const on = record === this._activeRecord;
        view.records.forEach((held, i) => {
          if (!held.has(record)) return;
          for (const mark of blocks[i]?.querySelectorAll(`mark[data-record="${record}"]`) ?? []) {
            mark.classList.toggle('linked', on);
            mark.part.toggle('mark-linked', on);
          }
        });
      }
      this.#renderedRecord = this._activeRecord;
    }
  }

  // Focus does not bubble: the text region hears its highlights' in the capture phase.
  readonly #longFocus = {
    handleEvent: (event: Event) => this.#handleLongFocus(event),
    capture: true,
  };
  readonly #longBlur = {
    handleEvent: (event: Event) => this.#handleLongPointerOut(event),
    capture: true,
  };

  /** The pointer on a highlight of a long text (delegated: its marks have no listeners). */
  #handleLongPointer(event: Event): void {
    const key = this.#longMarkKey(event.target);
    if (key !== undefined) this._activeRecord = this.#recordOf.get(key);
  }

  #handleLongPointerOut(event: Event): void {
    if (this.#longMarkKey(event.target) === undefined) return;
    const to = (event as MouseEvent | FocusEvent).relatedTarget;
    if (this.#longMarkKey(to) === undefined) this.#handleLinkEnd();
  }

  #handleLongFocus(event: Event): void {
    const key = this.#longMarkKey(event.target);
    if (key === undefined) return;
    this._tabStop = key;
    this._activeRecord = this.#recordOf.get(key);
  }

  /** The `spanKey` of the highlight of a long text that `target` is in, if any. */
  #longMarkKey(target: EventTarget | null): string | undefined {
    if (this.#longView === undefined || !(target instanceof Element)) return undefined;
    const mark = target.closest('mark');
    return mark === null
      ? undefined
      : `${mark.dataset['start'] ?? ''}:${mark.dataset['end'] ?? ''}`;
  }

  #refreshChunk(view: LongView, chunk: number): void {
    view.rich[chunk] = true;
    view.stale.delete(chunk);
    view.versions[chunk] = (view.versions[chunk] ?? 0) + 1;
  }

  /**
   * A block of a long text: its plain text, or its highlights built as DOM directly, the same
   * markup as `#renderMark` without Lit's per-part markers and listeners (half the nodes; the text
   * region's delegated listeners serve them).
   */
  #renderChunk(view: LongView, i: number, tabStop: string | undefined): unknown {
    const chunk = view.chunks[i]!;
    if (!view.rich[i]) return view.text.slice(chunk.start, chunk.end);
    const fragment = document.createDocumentFragment();
    for (const segment of chunk.segments) {
      const entity = segment.entity;
      if (entity === undefined || this._hidden.has(entity.label)) {
        fragment.append(segment.text);
        continue;
      }
      const slug = entity.label.toLowerCase();
      const key = spanKey(entity);
      const record = this.#recordOf.get(key);
      const linked = record !== undefined && record === this._activeRecord;
      const mark = document.createElement('mark');
      mark.className = linked ? 'entity linked' : 'entity';
      mark.setAttribute('part', `mark mark-${slug}${linked ? ' mark-linked' : ''}`);
      mark.setAttribute('role', 'group');
      mark.setAttribute('tabindex', key === tabStop ? '0' : '-1');
      mark.dataset['label'] = entity.label;
      mark.dataset['start'] = String(entity.start);
      mark.dataset['end'] = String(entity.end);
      if (record !== undefined) mark.dataset['record'] = String(record);
      mark.setAttribute('aria-label', `${entity.label}: ${segment.text}`);
      const label = document.createElement('span');
      label.className = 'label';
      label.setAttribute('part', `label label-${slug}`);
      label.setAttribute('aria-hidden', 'true');
      label.textContent = entity.label;
      mark.append(segment.text, label);
      fragment.append(mark);
    }
    return fragment;
  }

  /**
   * Resolves once the element has rendered, a long text with all its highlights: a long text fills
   * in over several tasks, each its own update.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#filling !== undefined) {
      await this.#filling.done;
      complete = await super.getUpdateComplete();
    }
    return complete;
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
   * first, then from the top), about `MARKS_PER_TASK` of them; the next share after this render.
   */
  #fillSome(): void {
    const view = this.#longView;
    if (view === undefined || !this.isConnected) {
      this.#endFill();
      return;
    }
    let budget = this.#marksPerTask;
    let changed = false;
    for (const i of view.stale) {
      if (budget <= 0) break;
      this.#refreshChunk(view, i);
      budget -= view.marks[i] ?? 0;
      changed = true;
    }
    for (; view.next < view.chunks.length && budget > 0; view.next++) {
      const i = view.next;
      if (view.rich[i]) continue;
      view.rich[i] = true;
      const marks = view.marks[i] ?? 0;
      if (marks === 0) continue; // plain text either way: nothing to redraw
      view.versions[i] = (view.versions[i] ?? 0) + 1;
      budget -= marks;
      changed = true;
    }
    if (!changed) {
      this.#endFill();
      return;
    }
    const started = performance.now();
    const planned = this.#marksPerTask - budget;
    this.requestUpdate();
    void super.getUpdateComplete().then(() => {
      // Aim the next task at FILL_TASK_MS of work, whatever this device's (and its load's) speed.
      const ms = Math.max(1, performance.now() - started);
      const rate = Math.max(1, planned) / ms;
      this.#marksPerTask = Math.max(50, Math.min(3000, Math.round(rate * FILL_TASK_MS)));
      if (view !== this.#longView) return;
      if (view.stale.size > 0 || view.next < view.chunks.length) this.#scheduleFill();
      else this.#endFill();
    });
  }

  /** A record's Status cell: the status, and its cue on hover or focus (a described tooltip). */
  #renderStatusCell(record: MedicationRecord, i: number): TemplateResult {
    if (!record.cue) return html`<td class="status">${record.status}</td>`;
    const id = `cue-${i}`;
    return html`<td class="status">
      <span class="status-value" tabindex="0" aria-describedby=${id}
        >${record.status}<span class="cue" id=${id}>“${record.cue.text}”</span></span
      >
    </td>`;
  }

  /** One table of records, each row keeping its index into `_medications` (for the linking). */
  #renderRecordTable(
    caption: string,
    rows: readonly [MedicationRecord, number][],
    part: string,
  ): TemplateResult {
    return html`<table part=${part}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Drug</th>
          <th scope="col">Status</th>
          ${ATTRIBUTE_LABELS.map((label) => html`<th scope="col">${COLUMN_NAMES[label]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([record, i]) =>
            html`<tr
              data-record=${i}
              data-status=${record.status}
              class=${i === this._activeRecord ? 'active' : ''}
              @mouseenter=${() => (this._activeRecord = i)}
              @mouseleave=${this.#handleLinkEnd}
            >
              <th scope="row">${record.drug?.text ?? html`<span class="none">(no drug)</span>`}</th>
              ${this.#renderStatusCell(record, i)}
              ${ATTRIBUTE_LABELS.map(
                (label) => html`<td>${cellText(record[ATTRIBUTE_FIELDS[label]])}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderMedications(): TemplateResult | typeof nothing {
    const records = this._analysedText === this.#currentText() ? this._medications : [];
    if (this.hideMedications || records.length === 0) return nothing;
    // Allergies get a section of their own: they are not medications the patient takes.
    const indexed = records.map((record, i): [MedicationRecord, number] => [record, i]);
    const allergies = indexed.filter(([record]) => record.status === 'allergy');
    const taken = indexed.filter(([record]) => record.status !== 'allergy');
    return html`<section class="medications" part="medications" aria-label="Medications">
      ${
        taken.length > 0
          ? this.#renderRecordTable(
              'Medications',
              taken.slice(0, this._medicationRows),
              'medications-table',
            )
          : nothing
      }
      ${
        allergies.length > 0
          ? this.#renderRecordTable(
              'Allergies',
              allergies.slice(0, this._medicationRows),
              'allergies-table',
            )
          : nothing
      }
      ${
        Math.max(taken.length, allergies.length) > this._medicationRows
          ? html`<button
              type="button"
              class="more"
              @click=${() => (this._medicationRows += MEDICATION_ROWS)}
            >
              Show ${MEDICATION_ROWS} more rows
            </button>`
          : nothing
      }
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
