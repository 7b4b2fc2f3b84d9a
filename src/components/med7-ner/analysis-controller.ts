import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StatusCorrections } from '../../core/review/statuses.ts';
import type { Entity } from '../../core/types.ts';
import { abortError, isAbortError } from '../../worker/client.ts';
import { NOTHING_SHOWN, pause, present, type Analysis } from './analysis.ts';
import { emit } from './med7-ner.events.ts';
import type { ModelController } from './model-controller.ts';

type Host = ReactiveControllerHost & HTMLElement;

/** Entities to show without the model, and the drug statuses a reviewer corrected. */
export interface GivenEntities {
  entities: readonly Entity[];
  statuses: StatusCorrections;
}

/**
 * The analysis of the element's text as a `@lit/task` `Task`: its args are the text and the model's
 * load (`generation`), so a newer text or model aborts the run in progress and its result is
 * dropped. Typed text waits out a debounce first. What was last shown stays until a newer result.
 */
export class AnalysisController implements ReactiveController {
  /** The last analysis shown (its text may be older than the current one). */
  shown: Analysis = NOTHING_SHOWN;
  /** Share of the current text analysed so far (long texts), while a run waits for the model. */
  analysed: number | undefined;

  readonly #host: Host;
  readonly #model: ModelController;
  readonly #onShow: (analysis: Analysis) => void;
  readonly #task: Task<readonly [string, number], Analysis>;
  /** Why the last run failed, for the model load it ran with. */
  #failure: { message: string; generation: number } | undefined;
  /** Debounce of the next run: set by typing, taken by the run it delays. */
  #delay = 0;

  /** Entities shown for a text without asking the model (given ones, review edits). */
  readonly #given: (text: string) => GivenEntities | undefined;

  constructor(
    host: Host,
    model: ModelController,
    text: () => string,
    given: (text: string) => GivenEntities | undefined,
    onShow: (analysis: Analysis) => void,
  ) {
    this.#host = host;
    this.#model = model;
    this.#given = given;
    this.#onShow = onShow;
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [text(), model.generation] as const,
      task: ([current], { signal }) => this.#run(current, signal),
      onComplete: (analysis) => this.#show(analysis),
      onError: (error) => this.#fail(error),
    });
  }

  /** Settles when the run in progress, if any, has shown its result (or failed). */
  get settled(): Promise<unknown> {
    return this.#task.taskComplete.catch(() => undefined);
  }

  /** Whether a run is in progress (waiting out the debounce included). */
  get busy(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Why the last analysis failed, while the model it ran with is loaded. */
  get error(): string | undefined {
    const failure = this.#failure;
    return failure?.generation === this.#model.generation ? failure.message : undefined;
  }

  hostDisconnected(): void {
    // Moving the element fires disconnect then connect: a run goes on unless it really left.
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#task.abort(abortError('The element was removed.'));
    });
  }

  /** Shows the text again at once: given entities or a review edit changed what it shows. */
  refresh(): void {
    this.#delay = 0;
    void this.#task.run();
  }

  /** The next run (for a typed text) starts after `ms` of quiet. */
  debounce(ms: number): void {
    this.#delay = ms;
  }

  /**
   * Runs the analysis of `text` once `setText` made it the element's text, at once (no debounce);
   * resolves with its entities, or rejects with an `AbortError` when a newer text replaced it.
   */
  async analyze(text: string, current: string, setText: () => Promise<unknown>): Promise<Entity[]> {
    this.#delay = 0;
    // A load that failed (a network error, say) is tried again when an analysis is asked for.
    const retried = this.#model.error !== undefined;
    this.#model.retry();
    await setText();
    // The same text as before: the update started no run, so this one does.
    if (text === current && !retried) void this.#task.run();
    const analysis = await this.#task.taskComplete;
    if (analysis.text !== text) throw abortError();
    return analysis.entities;
  }

  async #run(text: string, signal: AbortSignal): Promise<Analysis> {
    const wait = this.#delay;
    this.#delay = 0;
    this.analysed = undefined;
    if (wait > 0) await pause(wait, signal);
    const given = this.#given(text);
    if (given !== undefined) {
      const ms = this.shown.text === text ? this.shown.ms : 0;
      return present(text, [...given.entities], ms, signal, 'given', given.statuses);
    }
    if (this.#model.off) return present(text, [], 0, signal, 'none');
    if (text.trim() === '') return present(text, [], 0, signal);
    const failure = this.#model.error;
    if (failure !== undefined) {
      // A new text for a failed element: say again why nothing is highlighted (`analyze()`, and a
      // change of model, device, dtype or wasm-paths, load the model again).
      const message = this.#model.message ?? failure.message;
      emit(this.#host, 'med7-error', { name: failure.name, message });
      throw failure;
    }
    const { entities, ms } = await this.#model.extract(text, signal, (done, total) => {
      if (signal.aborted) return;
      this.analysed = done / total;
      this.#host.requestUpdate();
    });
    return present(text, entities, ms, signal);
  }

  #show(analysis: Analysis): void {
    this.shown = analysis;
    this.analysed = undefined;
    this.#failure = undefined;
    this.#onShow(analysis);
    const { entities, ms, text, source } = analysis;
    if (source === 'model') emit(this.#host, 'med7-entities', { entities, ms, text });
  }

  #fail(error: unknown): void {
    this.analysed = undefined;
    const cause = error instanceof Error ? error : new Error(String(error));
    if (isAbortError(cause) || cause === this.#model.error) return;
    const message = `Analysis failed: ${cause.message}`;
    this.#failure = { message, generation: this.#model.generation };
    emit(this.#host, 'med7-error', { name: cause.name, message });
  }
}
