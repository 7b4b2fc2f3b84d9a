import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Med7Label } from '../../core/labels.ts';
import type { MedicationStatus } from '../../core/records/status.ts';
import {
  NO_CORRECTIONS,
  addSpan,
  correctStatus,
  diffEntities,
  keptCorrections,
  relabel,
  removeSpan,
  spanOf,
  statusEdits,
  type ReviewEdit,
  type Span,
  type StatusCorrections,
} from '../../core/review/index.ts';
import {
  pushHistory,
  redoHistory,
  startHistory,
  undoHistory,
  type History,
} from '../../core/review/history.ts';
import type { Entity } from '../../core/types.ts';
import { emit } from './med7-ner.events.ts';

type Host = ReactiveControllerHost & HTMLElement;

/** A reviewed text's state: its entities and the drug statuses a person corrected. */
export interface Reviewed {
  entities: readonly Entity[];
  statuses: StatusCorrections;
}

/** The review of one text: the entities it started from (`base`) and the edits since. */
interface Session {
  text: string;
  /** The model's entities, or the given ones: what edits are counted against. */
  base: readonly Entity[];
  /** The label of each base span, by `start:end`. */
  baseLabels: ReadonlyMap<string, Med7Label>;
  history: History<Reviewed>;
  /**
   * Given entities, or edited ones: the text shows these and the model is not asked again (a
   * model reload keeps the edits). A model result only starts a session.
   */
  pinned: boolean;
}

/** What the review menu is open on: a highlight, or a selection to label. */
export type ReviewMenu =
  { kind: 'mark'; span: Span; label: Med7Label } | { kind: 'add'; span: Span };

/**
 * The state of review mode: the entities of the shown text with their undo/redo history, the edits
 * against the model's (or the given) entities, and the open menu. The element's text region and
 * menus call the edit methods; each edit asks the analysis to show the new entities (`refresh`) and
 * fires `med7-change`.
 */
export class ReviewController implements ReactiveController {
  #session: Session | undefined;
  /** The menu shown, if any, and the selection waiting for a label. */
  menu: ReviewMenu | undefined;
  selection: Span | undefined;

  readonly #host: Host;
  readonly #refresh: () => void;

  constructor(host: Host, refresh: () => void) {
    this.#host = host;
    this.#refresh = refresh;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The entities (and status corrections) to show for `text` without asking the model, if any. */
  given(text: string): Reviewed | undefined {
    const session = this.#session;
    return session?.text === text && session.pinned ? session.history.present : undefined;
  }

  /** A model's result (or a text without a model) is shown: it starts the review of that text. */
  shown(text: string, entities: readonly Entity[]): void {
    const session = this.#session;
    if (session?.text === text && session.pinned) return;
    this.#session = newSession(text, entities, entities, false, NO_CORRECTIONS);
    this.menu = undefined;
    this.selection = undefined;
  }

  /**
   * Shows `entities` for `text` as given, with `base` (default: the same) to count edits against
   * and the drug statuses a saved review corrected.
   */
  give(
    text: string,
    entities: readonly Entity[],
    base: readonly Entity[] = entities,
    statuses: StatusCorrections = NO_CORRECTIONS,
  ): void {
    this.#session = newSession(text, entities, base, true, statuses);
    this.menu = undefined;
    this.selection = undefined;
    this.#refresh();
  }

  /** The reviewed entities of `text`, if it is the text under review. */
  entitiesOf(text: string): readonly Entity[] | undefined {
    const session = this.#session;
    return session?.text === text ? session.history.present.entities : undefined;
  }

  /** The drug statuses corrected in `text`, by span. */
  statusesOf(text: string): StatusCorrections {
    const session = this.#session;
    return session?.text === text ? session.history.present.statuses : NO_CORRECTIONS;
  }

  /** The edits of `text` against its base, and its status corrections, in text order. */
  editsOf(text: string): ReviewEdit[] {
    const session = this.#session;
    return session?.text === text ? editsOf(session) : [];
  }

  /** The labels of the base spans of `text`: a highlight not among them is drawn as edited. */
  baseOf(text: string): ReadonlyMap<string, Med7Label> | undefined {
    const session = this.#session;
    return session?.text === text ? session.baseLabels : undefined;
  }

  get canUndo(): boolean {
    return (this.#session?.history.past.length ?? 0) > 0;
  }

  get canRedo(): boolean {
    return (this.#session?.history.future.length ?? 0) > 0;
  }

  relabel(span: Span, label: Med7Label): void {
    this.#edit((_, entities) => relabel(entities, span, label));
  }

  /** Sets the status of the drug at `span` (`shown`: its status now); undone like any edit. */
  setStatus(span: Span, status: MedicationStatus, shown: MedicationStatus): void {
    const session = this.#session;
    if (session === undefined) return;
    const { entities, statuses } = session.history.present;
    const next = correctStatus(statuses, span, status, shown);
    if (next === statuses) return;
    this.#commit({
      ...session,
      history: pushHistory(session.history, { entities, statuses: next }),
      pinned: true,
    });
  }

  remove(span: Span): void {
    this.#edit((_, entities) => removeSpan(entities, span));
  }

  /** Adds `label` over `span` (already snapped to pre-tokens); spans it overlaps are replaced. */
  add(span: Span, label: Med7Label): void {
    this.#edit((text, entities) => addSpan(text, entities, span.start, span.end, label));
  }

  undo(): boolean {
    return this.#move(undoHistory);
  }

  redo(): boolean {
    return this.#move(redoHistory);
  }

  #edit(change: (text: string, entities: readonly Entity[]) => readonly Entity[]): void {
    const session = this.#session;
    if (session === undefined) return;
    const present = session.history.present;
    const entities = change(session.text, present.entities);
    if (sameEntities(entities, present.entities)) return;
    const statuses = keptCorrections(present.statuses, entities);
    this.#commit({
      ...session,
      history: pushHistory(session.history, { entities, statuses }),
      pinned: true,
    });
  }

  #move(step: (history: History<Reviewed>) => History<Reviewed>): boolean {
    const session = this.#session;
    if (session === undefined) return false;
    const history = step(session.history);
    if (history === session.history) return false;
    this.#commit({ ...session, history, pinned: true });
    return true;
  }

  #commit(session: Session): void {
    this.#session = session;
    this.menu = undefined;
    this.selection = undefined;
    this.#refresh();
    emit(this.#host, 'med7-change', {
      entities: [...session.history.present.entities],
      edits: editsOf(session),
      text: session.text,
    });
  }
}

function editsOf(session: Session): ReviewEdit[] {
  const { entities, statuses } = session.history.present;
  return [...diffEntities(session.base, entities), ...statusEdits(statuses)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

function newSession(
  text: string,
  entities: readonly Entity[],
  base: readonly Entity[],
  pinned: boolean,
  statuses: StatusCorrections,
): Session {
  return {
    text,
    base,
    baseLabels: new Map(base.map((e) => [spanOf(e), e.label])),
    history: startHistory({ entities, statuses }),
    pinned,
  };
}

function sameEntities(a: readonly Entity[], b: readonly Entity[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => e.start === b[i]!.start && e.end === b[i]!.end && e.label === b[i]!.label)
  );
}
