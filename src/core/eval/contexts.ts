/**
 * Recall of DRUG mentions by the context the text puts them in, and false alarms in prose.
 *
 * - `drugRecallByStatus`: on status gold (`../shared/STATUS.md`), every gold DRUG is counted under
 *   its gold status (allergy, negated, stopped, …); it is found `strict` when a predicted DRUG has
 *   its exact span, `lenient` when a predicted DRUG overlaps it. Drugs missed in allergy lists or
 *   stopped-medication sentences are the misses that matter most for safety.
 * - `strayDrugs`: predicted DRUGs that overlap no gold DRUG (on a sig set, a unit word or a reason
 *   taken for a drug), with how many of them sit on a gold entity of another label.
 * - `strayRate`: on medication-free sentences (no gold at all), the share with any predicted entity.
 */
import { MEDICATION_STATUSES, type MedicationStatus } from '../records/status.ts';
import type { EntityTuple } from '../types.ts';
import type { StatusTuple } from './status-eval.ts';

export interface RecallCount {
  /** Gold DRUGs in this context. */
  readonly gold: number;
  /** Found with the exact span. */
  readonly strict: number;
  /** Overlapped by a predicted DRUG. */
  readonly lenient: number;
}

export interface ContextRecall {
  readonly byStatus: Readonly<Record<MedicationStatus, RecallCount>>;
  readonly all: RecallCount;
}

const overlaps = (
  a: readonly [number, number, ...unknown[]],
  b: readonly [number, number, ...unknown[]],
): boolean => a[0] < b[1] && b[0] < a[1];

const drugsOf = (tuples: readonly EntityTuple[]): EntityTuple[] =>
  tuples.filter((t) => t[2] === 'DRUG');

/** DRUG recall per gold status: `status[i]` holds record i's gold statuses, `pred[i]` its predictions. */
export function drugRecallByStatus(
  status: readonly (readonly StatusTuple[])[],
  pred: readonly (readonly EntityTuple[])[],
): ContextRecall {
  if (status.length !== pred.length) {
    throw new RangeError(
      `drugRecallByStatus: ${status.length} gold records but ${pred.length} predicted`,
    );
  }
  const counts = new Map(MEDICATION_STATUSES.map((s) => [s, { gold: 0, strict: 0, lenient: 0 }]));
  status.forEach((drugs, r) => {
    const found = drugsOf(pred[r]!);
    for (const [start, end, st] of drugs) {
      const c = counts.get(st);
      if (!c) throw new RangeError(`drugRecallByStatus: unknown status ${String(st)}`);
      c.gold++;
      if (found.some((p) => p[0] === start && p[1] === end)) c.strict++;
      if (found.some((p) => overlaps(p, [start, end]))) c.lenient++;
    }
  });
  const byStatus = Object.fromEntries(counts) as Record<MedicationStatus, RecallCount>;
  const all = [...counts.values()].reduce(
    (a, c) => ({
      gold: a.gold + c.gold,
      strict: a.strict + c.strict,
      lenient: a.lenient + c.lenient,
    }),
    { gold: 0, strict: 0, lenient: 0 },
  );
  return { byStatus, all };
}

export interface StrayDrugs {
  /** Predicted DRUGs that overlap no gold DRUG. */
  readonly stray: number;
  /** Of those, the ones that overlap a gold entity of another label (a unit, a form, a frequency). */
  readonly onOtherEntity: number;
  /** Records with at least one stray DRUG. */
  readonly records: number;
}

/** Predicted DRUGs with no gold DRUG under them. */
export function strayDrugs(
  gold: readonly (readonly EntityTuple[])[],
  pred: readonly (readonly EntityTuple[])[],
): StrayDrugs {
  if (gold.length !== pred.length) {
    throw new RangeError(`strayDrugs: ${gold.length} gold records but ${pred.length} predicted`);
  }
  let stray = 0;
  let onOtherEntity = 0;
  let records = 0;
  gold.forEach((g, r) => {
    const goldDrugs = drugsOf(g);
    const others = g.filter((t) => t[2] !== 'DRUG');
    const mine = drugsOf(pred[r]!).filter((p) => !goldDrugs.some((d) => overlaps(p, d)));
    stray += mine.length;
    onOtherEntity += mine.filter((p) => others.some((o) => overlaps(p, o))).length;
    if (mine.length > 0) records++;
  });
  return { stray, onOtherEntity, records };
}

export interface StrayRate {
  readonly sentences: number;
  /** Sentences with at least one predicted entity. */
  readonly withEntity: number;
  /** Sentences with at least one predicted DRUG. */
  readonly withDrug: number;
  readonly entities: number;
  /** `withEntity / sentences` (0 for no sentences). */
  readonly rate: number;
}

/** False alarms on sentences that hold no medication: every predicted entity is one. */
export function strayRate(pred: readonly (readonly EntityTuple[])[]): StrayRate {
  const withEntity = pred.filter((p) => p.length > 0).length;
  return {
    sentences: pred.length,
    withEntity,
    withDrug: pred.filter((p) => p.some((t) => t[2] === 'DRUG')).length,
    entities: pred.reduce((n, p) => n + p.length, 0),
    rate: pred.length === 0 ? 0 : withEntity / pred.length,
  };
}
