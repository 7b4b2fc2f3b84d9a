/**
 * Undo and redo over snapshots of a text's entities: each edit pushes the state before it; undo
 * steps back, redo forward; a new edit clears what could be redone. Immutable, so a view can keep
 * the state it rendered.
 */

export interface History<T> {
  /** The states before the current one, oldest first. */
  readonly past: readonly T[];
  readonly present: T;
  /** The states undone, the next to redo last. */
  readonly future: readonly T[];
}

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** `next` becomes the present; the old present can be undone to. */
export const pushHistory = <T>(history: History<T>, next: T): History<T> => ({
  past: [...history.past, history.present],
  present: next,
  future: [],
});

/** One step back, or the same history when there is nothing to undo. */
export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [...history.future, history.present],
  };
}

/** One step forward again, or the same history when there is nothing to redo. */
export function redoHistory<T>(history: History<T>): History<T> {
  const next = history.future.at(-1);
  if (history.future.length === 0) return history;
  return {
    past: [...history.past, history.present],
    present: next as T,
    future: history.future.slice(0, -1),
  };
}
