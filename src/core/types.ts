import type { Med7Label } from './labels.ts';

/**
 * One recognised entity. Offsets are UTF-16 indices into the analysed string, `end` exclusive,
 * so `text.slice(start, end) === entity.text` always holds.
 */
export interface Entity {
  start: number;
  end: number;
  label: Med7Label;
  text: string;
  /** Mean probability of the entity's tags, 0..1. */
  score: number;
}

/** The JSON Lines form of an entity in gold files and `med7 annotate` output. */
export type EntityTuple = [start: number, end: number, label: Med7Label];
