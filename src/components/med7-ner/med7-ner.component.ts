/* eslint-disable max-lines -- the element's whole public API and its JSDoc (the source of custom-elements.json) are one class; its behaviour is in the controllers */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { Med7Label } from '../../core/labels.ts';
import {
  toAnnotationRecord,
  type AnnotationRecord,
  type StatusTuple,
} from '../../core/review/annotation.ts';
import { correctionsOf } from '../../core/review/statuses.ts';
import { toEntities, type ReviewEdit } from '../../core/review/edits.ts';
import type { MedicationRecord } from '../../core/records/group.ts';
import type { MedicationStatus } from '../../core/records/status.ts';
import type { Entity, EntityTuple } from '../../core/types.ts';
import type { WorkerFactory } from '../../worker/client.ts';
import type { Med7Device, Med7Dtype } from '../../model/types.ts';
import { AnalysisController } from './analysis-controller.ts';
import { NOTHING_SHOWN, blocksOf } from './analysis.ts';
import { toSegments } from './highlight-segments.ts';
import { LightTextController } from './light-text-controller.ts';
import { LongTextController } from './long-text-controller.ts';
import styles from './med7-ner.styles.ts';
import reviewStyles from './review.styles.ts';
import { exportRecords, saveRecords, spanKey, type MedicationExportFormat } from './medications.ts';
import { ModelController } from './model-controller.ts';
import { renderMarks, type MarkHandlers } from './render-marks.ts';
import { MEDICATION_ROWS, renderMedications } from './render-medications.ts';
import {
  LONG_TEXT,
  renderTextRegion,
  renderInput,
  renderLegend,
  renderProgress,
  renderStatus,
} from './render-parts.ts';
import { renderReviewMenu, renderSelectionBar } from './render-review-menu.ts';
import { ReviewController } from './review-controller.ts';
import { ReviewInputController } from './review-input.ts';
import { RovingFocusController } from './roving-focus-controller.ts';

/**
 * @summary Finds medication information (the seven Med7 labels) in clinical text and highlights it,
 * with a model that runs in a Web Worker on WebGPU or WASM: the text never leaves the browser.
 *
 * @tag med7-ner
 *
 * The element analyses its `text` property or, when that is unset, its own text content (trimmed,
 * and watched for changes): that light-DOM text is input, not rendered (there is no slot).
 *
 * @fires med7-progress - Model download progress: `{loaded, total, file}` (bytes, all files summed).
 * @fires med7-ready - The model is loaded and warmed up: `{device, dtype, threads, loadMs, fallbackReason?}`.
 * @fires med7-entities - A text was analysed and is shown: `{entities, ms, text}`.
 * @fires med7-error - Loading or analysis failed: `{name, message}`; the element shows the message.
 * @fires med7-change - An edit in review mode (undo and redo too): `{entities, edits, text}`.
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
 * @csspart mark-edited - A highlight added or relabelled in review mode (solid underline).
 * @csspart review-menu - The review menu of a highlight or a selection (labels 1–7, remove).
 * @csspart review-selection - The bar under a selection waiting for a label (review mode).
 * @csspart mark-allergy - A DRUG highlight by its status when not `active`; also `mark-negated`, `mark-stopped`, `mark-held`, `mark-planned`, `mark-given`.
 * @csspart medications - The "Medications" section: the table and its export buttons.
 * @csspart medications-table - The table: one row per medication (drug, status and attributes).
 * @csspart status-select - In review mode, a row's Status menu: the reviewer's status for its drug.
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
 * @cssprop --med7-input-background - Background of the paste area (default the system Field).
 * @cssprop --med7-border-color - Border of the paste area and of the long-text notice (default the text colour at 35%).
 * @cssprop --med7-progress-color - Colour of the model download bar (default the DRUG colour).
 */
export class Med7Ner extends LitElement {
  static override styles = [styles, reviewStyles];

  /** Spawns the model worker; replaceable before connection (tests, custom bundling). */
  static workerFactory: WorkerFactory | undefined;

  readonly #light = new LightTextController(this);

  readonly #model = new ModelController(
    this,
    () => ({
      model: this.model,
      device: this.device,
      dtype: this.dtype,
      wasmPaths: this.wasmPaths,
      allowOrigins: this.allowOrigins,
      integrity: this.integrity,
    }),
    () => Med7Ner.workerFactory,
  );

  readonly #review = new ReviewController(this, () => this.#analysis.refresh());

  readonly #analysis = new AnalysisController(
    this,
    this.#model,
    () => this.#currentText(),
    (text) => this.#review.given(text),
    (analysis) => {
      if (analysis.source !== 'given') {
        this._medicationRows = MEDICATION_ROWS;
        this._activeRecord = undefined;
      }
      this.#review.shown(analysis.text, analysis.entities);
    },
  );

  readonly #long = new LongTextController(
    this,
    () => ({
      recordOf: this.#analysis.shown.recordOf,
      hidden: this._hidden,
      activeRecord: this._activeRecord,
      base: this.review ? this.#review.baseOf(this.#currentText()) : undefined,
    }),
    () => super.getUpdateComplete(),
    (span, focused) => {
      if (span !== undefined && focused) this.#focus.focused(span);
      this._activeRecord = span && this.#analysis.shown.recordOf.get(spanKey(span));
    },
  );

  readonly #focus = new RovingFocusController(this, (key) => this.#moveFocus(key));

  readonly #reviewInput = new ReviewInputController(this, this.#review, {
    enabled: () => this.review,
    text: () => this.#currentText(),
    entities: () => this.entities,
    settled: async () => {
      await this.#analysis.settled;
      await this.updateComplete;
    },
    focusMark: (key) => this.#moveFocus(key),
  });

  /** The last text typed in the paste area, and a long text the user asked to edit there. */
  #typedText: string | undefined;
  #editing: string | undefined;

  @state() private _hidden: ReadonlySet<Med7Label> = new Set();
  @state() private _activeRecord: number | undefined;
  /** Rows of the medications table rendered (a 1 MB note has thousands: more on demand). */
  @state() private _medicationRows = MEDICATION_ROWS;

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

  /**
   * Review mode: the highlights can be corrected by mouse and keyboard (a menu per highlight,
   * labels for a selection, undo/redo); corrections are drawn as such and counted in the status.
   */
  @property({ type: Boolean, reflect: true }) review = false;

  /** Hides the "Medications" table and its export buttons. */
  @property({ type: Boolean, attribute: 'hide-medications', reflect: true }) hideMedications =
    false;

  /**
   * The entities of the text now shown (empty until analysed), as reviewed. Set it to show given
   * entities for the current text (`[start, end, label]` tuples or `Entity` objects) without a
   * model run; a new text drops them. Throws for a span outside the text, overlapping spans or an
   * unknown label.
   */
  get entities(): readonly Entity[] {
    return this.#review.entitiesOf(this.#currentText()) ?? this.#analysis.shown.entities;
  }

  set entities(value: readonly (EntityTuple | Entity)[]) {
    const text = this.#currentText();
    this.#review.give(text, toEntities(text, value));
  }

  /** The edits made in review mode to the text now shown, against the model's or given entities. */
  get edits(): ReviewEdit[] {
    return this.#review.editsOf(this.#currentText());
  }

  /** The entities of the text now shown, grouped per drug (see `groupMedications`). */
  get medications(): readonly MedicationRecord[] {
    return this.#analysis.shown.records;
  }

  constructor() {
    super();
    // Undo and redo in review mode, wherever the focus is in the element.
    this.addEventListener('keydown', this.#reviewInput.hostKey);
  }

  /** Resolves once the element has rendered, a long text with all its highlights. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let filled = this.#long.filled; filled !== undefined; filled = this.#long.filled) {
      await filled;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #currentText(): string {
    return this.text ?? this.#light.text;
  }

  #handleInput(event: Event): void {
    this.#analysis.debounce(this.debounce);
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

  #moveFocus(key: string): void {
    if (this.#long.active) return this.#long.focus(key);
    const [start, end] = key.split(':');
    this.renderRoot
      .querySelector<HTMLElement>(`.text mark[data-start="${start}"][data-end="${end}"]`)
      ?.focus();
  }

  /** The pointer and focus on a highlight of a short text (and on a table row). */
  readonly #link: MarkHandlers = {
    enter: (entity) => (this._activeRecord = this.#analysis.shown.recordOf.get(spanKey(entity))),
    focus: (entity) => {
      this.#focus.focused(entity);
      this.#link.enter(entity);
    },
    leave: () => (this._activeRecord = undefined),
  };

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
    if (!this.isConnected) throw new Error('The element is not connected.');
    return this.#analysis.analyze(text, this.#currentText(), () => {
      this.text = text;
      this.requestUpdate();
      return super.getUpdateComplete();
    });
  }

  /**
   * The medications of the text now shown as JSON (`json`), CSV with one row per medication
   * (`csv`), or a FHIR R4 Bundle of MedicationStatements (`fhir`), as the export buttons save them.
   */
  exportMedications(format: MedicationExportFormat): string {
    return exportRecords(this.#analysis.shown.records, format);
  }

  /**
   * Shows `text` with given `entities` (tuples or `Entity` objects) and no model run; `base`
   * (default: the same entities) is what edits are counted against, and `status` (an
   * `exportAnnotations()` record's) the drug statuses a reviewer set, so a saved review can be
   * shown again with its edits. Resolves once it is shown.
   */
  async showAnnotations(
    text: string,
    entities: readonly (EntityTuple | Entity)[],
    base?: readonly (EntityTuple | Entity)[],
    status: readonly StatusTuple[] = [],
  ): Promise<void> {
    const given = toEntities(text, entities);
    const corrections = correctionsOf(text, given, status);
    this.text = text;
    this.#review.give(
      text,
      given,
      base === undefined ? given : toEntities(text, base),
      corrections,
    );
    await this.updateComplete;
  }

  /**
   * The text now shown and its reviewed entities as a record of ANNOTATION.md's JSONL format:
   * `{text, entities: [[start, end, label], …], status: [[start, end, status], …]}`, the status of
   * each DRUG from the core's status step. `JSON.stringify` it for one line of a gold file.
   */
  exportAnnotations(): AnnotationRecord {
    const text = this.#currentText();
    const reviewed = this.#review.entitiesOf(text);
    if (reviewed !== undefined) {
      return toAnnotationRecord(text, reviewed, this.#review.statusesOf(text));
    }
    const shown = this.#analysis.shown;
    return toAnnotationRecord(shown.text, shown.entities);
  }

  /** Undoes the last edit of review mode; false when there is none. */
  undo(): boolean {
    return this.#review.undo();
  }

  /** Redoes the last undone edit; false when there is none. */
  redo(): boolean {
    return this.#review.redo();
  }

  /** Shows or hides the highlights of `label` (as the legend's toggles do). */
  toggleLabel(label: Med7Label, visible?: boolean): void {
    if ((visible ?? this._hidden.has(label)) !== this._hidden.has(label)) return;
    this.#handleToggle(label);
  }

  #renderText(busy: boolean): TemplateResult {
    // Highlights belong to the text they were computed for; newer text shows plain until analysed.
    const text = this.#currentText();
    const shown =
      this.#analysis.shown.text === text ? this.#analysis.shown : { ...NOTHING_SHOWN, text };
    const tabStop = this.#focus.tabStop(shown.entities, this._hidden);
    const base = this.review ? this.#review.baseOf(text) : undefined;
    const state = { ...shown, hidden: this._hidden, activeRecord: this._activeRecord, base };
    let content: unknown;
    if (text.length < LONG_TEXT) {
      this.#long.clear();
      content = renderMarks(toSegments(text, shown.entities), state, tabStop, this.#link);
    } else {
      const { chunks, entities } = shown;
      content = this.#long.render(
        text,
        entities,
        () => chunks ?? blocksOf(text, entities),
        tabStop,
      );
    }
    const input = this.#reviewInput;
    return renderTextRegion(content, busy, {
      ...this.#long.listeners,
      key: (event) => {
        input.key(event);
        if (!event.defaultPrevented) this.#focus.handleKey(event);
      },
      ...(this.review ? { click: input.click, mouseup: input.mouseup } : {}),
    });
  }

  /** Review mode's Status menu of a record: the reviewer's status for its drug. */
  #setStatus(index: number, status: MedicationStatus): void {
    const record = this.#analysis.shown.records[index];
    if (record?.drug) this.#review.setStatus(record.drug, status, record.status);
  }

  #renderReview(): TemplateResult {
    const input = this.#reviewInput;
    return html`${renderSelectionBar(
      input.selectedText,
      () => input.openAddMenu(),
      () => input.cancelSelection(),
    )}${renderReviewMenu(this.#review.menu, input.position, input.menu)}`;
  }

  override render(): TemplateResult {
    const model = this.#model;
    const text = this.#currentText();
    const busy = this.#analysis.busy;
    const error = model.phase === 'error' ? model.message : this.#analysis.error;
    const current = this.#analysis.shown.text === text;
    const inArea = text.length < LONG_TEXT || text === this.#typedText || this.#editing === text;
    return html`
      ${
        this.editable
          ? renderInput({
              text,
              inArea,
              onInput: (event) => this.#handleInput(event),
              onEdit: () => this.#editLongText(text),
            })
          : nothing
      }
      ${renderProgress(model.phase, model.loaded, model.total)}
      ${error === undefined ? nothing : html`<p class="error" part="error" role="alert">${error}</p>`}
      ${renderStatus({
        phase: model.phase,
        info: model.info,
        analysed: busy ? this.#analysis.analysed : undefined,
        lastMs: this.#analysis.shown === NOTHING_SHOWN ? undefined : this.#analysis.shown.ms,
        edits: this.review && current ? this.edits.length : undefined,
      })}
      ${renderLegend(this.#analysis.shown.entities, this._hidden, (label) => this.#handleToggle(label))}
      ${this.#renderText(busy)} ${this.review ? this.#renderReview() : nothing}
      ${
        this.hideMedications || !current
          ? nothing
          : guard(
              [this.#analysis.shown.records, this._medicationRows, this._activeRecord, this.review],
              () =>
                renderMedications({
                  records: this.#analysis.shown.records,
                  rows: this._medicationRows,
                  activeRecord: this._activeRecord,
                  onEnter: (record) => (this._activeRecord = record),
                  onLeave: this.#link.leave,
                  onMore: () => (this._medicationRows += MEDICATION_ROWS),
                  onExport: (format) => saveRecords(this.#analysis.shown.records, format),
                  onStatus: this.review
                    ? (record, status) => this.#setStatus(record, status)
                    : undefined,
                }),
            )
      }
    `;
  }
}
