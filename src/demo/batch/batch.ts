/**
 * The demo's batch review, wired together: files opened (picker or drop) become documents, those
 * without entities are annotated in the worker (progress, Cancel), the selected one is shown in a
 * `<med7-ner review model="none">` whose edits are saved to it, everything is kept in IndexedDB and
 * exported at once. Nothing leaves the page: files are read with the File API, exports are
 * downloads made from memory.
 */
import type { Med7ChangeDetail } from '../../components/med7-ner/med7-ner.events.ts';
import { saveFile } from '../../components/med7-ner/save-file.ts';
import { toBatchCsv, toBatchFhir, toBatchJsonl } from '../../core/export/batch.ts';
import { isAbortError } from '../../worker/client.ts';
import { BatchAnnotator, type AnnotatorSettings } from './annotator.ts';
import {
  baseOf,
  correctedStatuses,
  mergeDocuments,
  parseFile,
  type BatchDoc,
} from './documents.ts';
import { DocumentStore } from './store.ts';
import {
  moveKey,
  optionId,
  renderBatch,
  type BatchExportFormat,
  type BatchViewState,
} from './view.ts';

type ReviewElement = HTMLElementTagNameMap['med7-ner'];

const EXPORTS: Record<BatchExportFormat, { type: string; filename: string }> = {
  jsonl: { type: 'application/jsonl', filename: 'med7-batch.jsonl' },
  csv: { type: 'text/csv;charset=utf-8', filename: 'med7-batch.csv' },
  fhir: { type: 'application/fhir+json', filename: 'med7-batch.fhir.json' },
};

export class BatchReview {
  readonly #ui: HTMLElement;
  readonly #slot: HTMLElement;
  readonly #store = new DocumentStore();
  readonly #annotator: BatchAnnotator;
  #review: ReviewElement | undefined;
  #run: AbortController | undefined;
  #state: BatchViewState = { docs: [], selected: -1, progress: undefined, message: '' };

  constructor(ui: HTMLElement, slot: HTMLElement, settings: AnnotatorSettings) {
    this.#ui = ui;
    this.#slot = slot;
    this.#annotator = new BatchAnnotator(settings);
  }

  /** Restores the stored documents, listens for dropped files and j/k, and renders. */
  async start(): Promise<void> {
    document.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
    });
    document.addEventListener('drop', (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void this.open(files);
    });
    document.addEventListener('keydown', (event) => this.#handleKey(event));
    try {
      const docs = await this.#store.load();
      this.#update({ docs, selected: docs.length > 0 ? 0 : -1 });
      this.#show();
    } catch (error) {
      this.#update({ message: `Stored documents could not be read: ${String(error)}` });
    }
    if (this.#state.docs.some((d) => d.entities === null && d.error === undefined))
      void this.#annotate();
  }

  /** Reads `files` (in the page), adds their documents and annotates those without entities. */
  async open(files: readonly File[]): Promise<void> {
    const incoming: BatchDoc[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const parsed = parseFile(file.name, await file.text());
      incoming.push(...parsed.documents);
      problems.push(...parsed.problems);
    }
    const docs = mergeDocuments(this.#state.docs, incoming);
    const selected = this.#state.selected < 0 && docs.length > 0 ? 0 : this.#state.selected;
    const skipped =
      problems.length === 0
        ? ''
        : ` Skipped ${problems.length}: ${problems.slice(0, 3).join('; ')}`;
    this.#update({ docs, selected, message: `Opened ${incoming.length} documents.${skipped}` });
    await this.#save(incoming);
    this.#show();
    if (this.#run === undefined) void this.#annotate();
    else this.#update({ progress: this.#progressOf(this.#state.progress?.done ?? 0) });
  }

  #progressOf(done: number): { done: number; total: number } {
    const left = this.#state.docs.filter(
      (d) => d.entities === null && d.error === undefined,
    ).length;
    return { done, total: done + left };
  }

  /** Annotates, in order, every document without entities until none is left or Cancel. */
  async #annotate(): Promise<void> {
    const run = new AbortController();
    this.#run = run;
    let done = 0;
    this.#update({ progress: this.#progressOf(0) });
    try {
      for (;;) {
        const doc = this.#state.docs.find((d) => d.entities === null && d.error === undefined);
        if (doc === undefined || run.signal.aborted) break;
        try {
          const entities = await this.#annotator.annotate(doc.text, run.signal);
          this.#replace(doc, { ...doc, entities });
        } catch (error) {
          if (isAbortError(error) || run.signal.aborted) break;
          this.#replace(doc, {
            ...doc,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        done++;
        this.#update({ progress: this.#progressOf(done) });
      }
    } finally {
      this.#run = undefined;
      const stopped = run.signal.aborted ? `Cancelled after ${done}.` : `Annotated ${done}.`;
      this.#update({ progress: undefined, message: stopped });
    }
  }

  /** Puts `next` where `doc` was (if it still is: Forget all may have run) and stores it. */
  #replace(doc: BatchDoc, next: BatchDoc): void {
    const i = this.#state.docs.indexOf(doc);
    if (i < 0) return;
    const docs = [...this.#state.docs];
    docs[i] = next;
    this.#update({ docs });
    void this.#save([next]);
    if (i === this.#state.selected) this.#show();
  }

  async #save(docs: readonly BatchDoc[]): Promise<void> {
    const order = new Map(this.#state.docs.map((d, i) => [d.id, i]));
    try {
      await this.#store.save(docs, (doc) => order.get(doc.id) ?? 0);
    } catch (error) {
      this.#update({ message: `Could not store the documents: ${String(error)}` });
    }
  }

  /** Shows the selected document in the review element (made on first use). */
  #show(): void {
    const doc = this.#state.docs[this.#state.selected];
    if (doc === undefined) {
      this.#review?.remove();
      this.#review = undefined;
      return;
    }
    if (this.#review === undefined) {
      const review = document.createElement('med7-ner') as ReviewElement;
      review.setAttribute('review', '');
      review.setAttribute('model', 'none');
      review.id = 'batch-ner';
      review.addEventListener('med7-change', (event) => this.#handleChange(event.detail));
      this.#slot.append(review);
      this.#review = review;
    }
    // The reviewed entities, counted against the ones before review: the edits show again.
    const entities = doc.entities ?? [];
    void this.#review.showAnnotations(
      doc.text,
      entities,
      baseOf(doc.text, entities, doc.edits),
      correctedStatuses(doc.edits),
    );
  }

  #handleChange({ entities, edits, text }: Med7ChangeDetail): void {
    const doc = this.#state.docs[this.#state.selected];
    if (doc === undefined || text !== doc.text) return;
    const review = edits.length > 0 ? 'edited' : 'reviewed';
    this.#replace(doc, { ...doc, entities: [...entities], edits: [...edits], review });
  }

  #select(index: number, focus: boolean): void {
    if (index === this.#state.selected) return;
    this.#update({ selected: index });
    this.#show();
    const option = document.getElementById(optionId(index));
    option?.scrollIntoView({ block: 'nearest' });
    if (focus) document.getElementById('batch-list')?.focus();
  }

  /** j/k anywhere on the page but in a text field or the review element. */
  #handleKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (
      event.defaultPrevented ||
      target.closest('input, textarea, select, med7-ner, [contenteditable]')
    )
      return;
    if (target.id === 'batch-list' || (event.key !== 'j' && event.key !== 'k')) return;
    const next = moveKey(event.key, this.#state.selected, this.#state.docs.length);
    if (next !== undefined) this.#select(next, true);
  }

  #toggleReviewed(): void {
    const doc = this.#state.docs[this.#state.selected];
    if (doc === undefined || doc.review === 'edited') return;
    this.#replace(doc, { ...doc, review: doc.review === 'unreviewed' ? 'reviewed' : 'unreviewed' });
  }

  #export(format: BatchExportFormat): void {
    const { docs } = this.#state;
    const content =
      format === 'jsonl'
        ? toBatchJsonl(docs, (i) => ({ review: docs[i]?.review, edits: docs[i]?.edits }))
        : format === 'csv'
          ? toBatchCsv(docs)
          : `${JSON.stringify(toBatchFhir(docs, { timestamp: new Date().toISOString() }), null, 2)}\n`;
    const { type, filename } = EXPORTS[format];
    saveFile(content, type, filename);
    this.#update({ message: `Exported ${docs.length} documents as ${filename}.` });
  }

  async #forget(): Promise<void> {
    const count = this.#state.docs.length;
    if (!confirm(`Forget all ${count} documents, their entities and edits? This cannot be undone.`))
      return;
    this.#run?.abort();
    await this.#store.clear();
    this.#update({ docs: [], selected: -1, message: `Forgot ${count} documents.` });
    this.#show();
  }

  #update(change: Partial<BatchViewState>): void {
    this.#state = { ...this.#state, ...change };
    renderBatch(this.#ui, this.#state, {
      files: (files) => void this.open(files),
      cancel: () => this.#run?.abort(),
      resume: () => {
        // Failed ones are tried again too.
        this.#update({ docs: this.#state.docs.map(({ error: _, ...doc }) => doc) });
        void this.#annotate();
      },
      select: (index, focus) => this.#select(index, focus),
      toggleReviewed: () => this.#toggleReviewed(),
      exportAll: (format) => this.#export(format),
      forget: () => void this.#forget(),
    });
  }
}
