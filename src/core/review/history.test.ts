import { describe, expect, it } from 'vitest';
import { pushHistory, redoHistory, startHistory, undoHistory } from './history.ts';

describe('history', () => {
  it('undoes and redoes in order, and a new edit clears the redo', () => {
    let history = startHistory('a');
    history = pushHistory(history, 'b');
    history = pushHistory(history, 'c');
    history = undoHistory(history);
    expect(history.present).toBe('b');
    history = undoHistory(history);
    expect(history.present).toBe('a');
    const start = history;
    expect(undoHistory(start)).toBe(start); // nothing left to undo
    history = redoHistory(history);
    expect(history.present).toBe('b');
    history = redoHistory(history);
    expect(history.present).toBe('c');
    expect(redoHistory(history)).toBe(history); // nothing left to redo
    history = undoHistory(history);
    history = pushHistory(history, 'd');
    expect(history).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
  });
});
