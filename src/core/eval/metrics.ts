/**
 * Evaluation of predicted entities against gold ones, shared by `med7 eval` and the browser.
 *
 * - strict: same start, end and label;
 * - lenient: spans overlap (share at least one character) and labels are equal; each gold and
 *   each predicted entity is matched at most once, so one long prediction covering two gold
 *   entities counts once.
 *
 * Precision = matches / predicted, recall = matches / gold, F1 their harmonic mean; a ratio with
 * a zero denominator is 0 (micro: summed over labels; per label: that label only).
 */
import { MED7_LABELS, type Med7Label } from '../labels.ts';
import type { EntityTuple } from '../types.ts';

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Matched pairs. */
  readonly tp: number;
  /** Predicted entities. */
  readonly predicted: number;
  /** Gold entities. */
  readonly gold: number;
}

export interface LabelReport {
  readonly strict: Scores;
  readonly lenient: Scores;
}

export interface EvalReport {
  readonly records: number;
  readonly micro: LabelReport;
  readonly perLabel: Readonly<Record<Med7Label, LabelReport>>;
}

/** Precision, recall and F1 from counts. */
export function scores(tp: number, predicted: number, gold: number): Scores {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, predicted, gold };
}

function byStart(a: EntityTuple, b: EntityTuple): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Strict matches of one label's entities in one record. */
function strictMatches(gold: readonly EntityTuple[], pred: readonly EntityTuple[]): number {
  const keys = new Set(gold.map(([start, end]) => `${start}:${end}`));
  let tp = 0;
  for (const [start, end] of pred) {
    const key = `${start}:${end}`;
    if (keys.delete(key)) tp++;
  }
  return tp;
}

/**
 * Lenient one-to-one matches of one label's entities in one record: a maximum matching of the
 * overlap graph, found greedily in order of end offset (optimal for intervals).
 */
function lenientMatches(gold: readonly EntityTuple[], pred: readonly EntityTuple[]): number {
  const g = [...gold].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const p = [...pred].sort(byStart);
  const used = new Array<boolean>(p.length).fill(false);
  let tp = 0;
  for (const [gs, ge] of g) {
    // Among unused predictions overlapping this gold entity, take the one that ends first.
    let best = -1;
    for (let j = 0; j < p.length; j++) {
      const [ps, pe] = p[j]!;
      if (ps >= ge) break;
      if (used[j] || pe <= gs) continue;
      if (best === -1 || pe < p[best]![1]) best = j;
    }
    if (best !== -1) {
      used[best] = true;
      tp++;
    }
  }
  return tp;
}

/** Scores predictions against gold, record by record (`gold[i]` and `pred[i]` are one text's). */
export function evaluate(
  gold: readonly (readonly EntityTuple[])[],
  pred: readonly (readonly EntityTuple[])[],
): EvalReport {
  if (gold.length !== pred.length) {
    throw new RangeError(`evaluate: ${gold.length} gold records but ${pred.length} predicted`);
  }
  const counts = new Map<Med7Label, { strict: number; lenient: number; p: number; g: number }>(
    MED7_LABELS.map((label) => [label, { strict: 0, lenient: 0, p: 0, g: 0 }]),
  );
  for (let r = 0; r < gold.length; r++) {
    for (const label of MED7_LABELS) {
      const g = gold[r]!.filter((entity) => entity[2] === label);
      const p = pred[r]!.filter((entity) => entity[2] === label);
      if (g.length === 0 && p.length === 0) continue;
      const c = counts.get(label)!;
      c.g += g.length;
      c.p += p.length;
      c.strict += strictMatches(g, p);
      c.lenient += lenientMatches(g, p);
    }
  }
  let strict = 0;
  let lenient = 0;
  let predicted = 0;
  let goldTotal = 0;
  const perLabel = {} as Record<Med7Label, LabelReport>;
  for (const label of MED7_LABELS) {
    const c = counts.get(label)!;
    perLabel[label] = { strict: scores(c.strict, c.p, c.g), lenient: scores(c.lenient, c.p, c.g) };
    strict += c.strict;
    lenient += c.lenient;
    predicted += c.p;
    goldTotal += c.g;
  }
  return {
    records: gold.length,
    micro: {
      strict: scores(strict, predicted, goldTotal),
      lenient: scores(lenient, predicted, goldTotal),
    },
    perLabel,
  };
}
