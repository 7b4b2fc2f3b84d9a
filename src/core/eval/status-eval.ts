/**
 * Scoring of the status step against status gold (`../shared/STATUS.md`, "Scoring"):
 * - on gold entities: the rules see the gold DRUG spans; per-status precision, recall and F1,
 *   their macro average (over the statuses present in gold or predictions), and accuracy;
 * - end to end: (DRUG span, status) pairs from predicted entities against the gold pairs;
 * - the safety count: gold `allergy`, `negated` or `stopped` drugs that would be exported as an
 *   `active` or `completed` (`given`) MedicationStatement, each listed;
 * - the drugs left at the default: no cue found, so `active` by default, with their gold statuses
 *   (where the rules guess rather than read).
 */
import { MEDICATION_STATUSES, drugStatuses, type MedicationStatus } from '../records/status.ts';
import type { Entity, EntityTuple } from '../types.ts';

export type StatusTuple = [start: number, end: number, status: MedicationStatus];

export interface StatusGoldRecord {
  id?: string;
  text: string;
  entities: EntityTuple[];
  status: StatusTuple[];
}

export interface StatusClassScores {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface SafetyCase {
  id?: string;
  drug: string;
  start: number;
  gold: MedicationStatus;
  predicted: MedicationStatus;
}

export interface StatusReport {
  perStatus: Record<MedicationStatus, StatusClassScores>;
  macroF1: number;
  accuracy: number;
  correct: number;
  total: number;
  /** `confusion[gold][predicted]`: counts. */
  confusion: Record<MedicationStatus, Record<MedicationStatus, number>>;
  safety: SafetyCase[];
  /** Drugs for which no cue was found (`active` by default), counted by their gold status. */
  uncued: { total: number; byGold: Record<MedicationStatus, number> };
}

export interface EndToEndReport {
  precision: number;
  recall: number;
  f1: number;
  correct: number;
  gold: number;
  predicted: number;
  /** Gold allergy/negated/stopped drugs found (exact span) and given active or given. */
  safety: SafetyCase[];
}

const UNSAFE_GOLD: ReadonlySet<MedicationStatus> = new Set(['allergy', 'negated', 'stopped']);
/** Exported as an `active` or `completed` MedicationStatement. */
const TAKEN: ReadonlySet<MedicationStatus> = new Set(['active', 'given']);

export const isUnsafe = (gold: MedicationStatus, predicted: MedicationStatus): boolean =>
  UNSAFE_GOLD.has(gold) && TAKEN.has(predicted);

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function toEntities(text: string, tuples: readonly EntityTuple[]): Entity[] {
  return tuples.map(([start, end, label]) => ({
    start,
    end,
    label,
    text: text.slice(start, end),
    score: 1,
  }));
}

/** The predicted status of every DRUG of `entities`, as `[start, end, status]`. */
export function predictStatuses(text: string, entities: readonly Entity[]): StatusTuple[] {
  const statuses = drugStatuses(text, entities);
  return entities
    .filter((e) => e.label === 'DRUG')
    .map((e) => [e.start, e.end, statuses.get(e)?.status ?? 'active']);
}

/** Scores on gold entities: the rules run on each record's gold entities. */
export function scoreStatusOnGold(records: readonly StatusGoldRecord[]): StatusReport {
  const pairs: {
    gold: MedicationStatus;
    predicted: MedicationStatus;
    cued: boolean;
    case: SafetyCase;
  }[] = [];
  for (const record of records) {
    const entities = toEntities(record.text, record.entities);
    const statuses = drugStatuses(record.text, entities);
    const predicted = new Map(
      entities
        .filter((e) => e.label === 'DRUG')
        .map((e) => [`${e.start}:${e.end}`, statuses.get(e)]),
    );
    for (const [start, end, gold] of record.status) {
      const found = predicted.get(`${start}:${end}`);
      const got = found?.status ?? 'active';
      pairs.push({
        gold,
        predicted: got,
        cued: (found?.cue ?? null) !== null,
        case: {
          ...(record.id !== undefined && { id: record.id }),
          drug: record.text.slice(start, end),
          start,
          gold,
          predicted: got,
        },
      });
    }
  }
  const confusion = Object.fromEntries(
    MEDICATION_STATUSES.map((g) => [g, Object.fromEntries(MEDICATION_STATUSES.map((p) => [p, 0]))]),
  ) as StatusReport['confusion'];
  for (const { gold, predicted } of pairs) confusion[gold][predicted]++;

  const perStatus = {} as Record<MedicationStatus, StatusClassScores>;
  for (const status of MEDICATION_STATUSES) {
    const gold = pairs.filter((p) => p.gold === status).length;
    const predicted = pairs.filter((p) => p.predicted === status).length;
    const correct = confusion[status][status];
    const precision = ratio(correct, predicted);
    const recall = ratio(correct, gold);
    perStatus[status] = {
      precision,
      recall,
      f1: f1Of(precision, recall),
      gold,
      predicted,
      correct,
    };
  }
  const present = MEDICATION_STATUSES.filter(
    (s) => perStatus[s].gold > 0 || perStatus[s].predicted > 0,
  );
  const correct = pairs.filter((p) => p.gold === p.predicted).length;
  const uncued = pairs.filter((p) => !p.cued);
  const byGold = Object.fromEntries(
    MEDICATION_STATUSES.map((s) => [s, uncued.filter((p) => p.gold === s).length]),
  ) as Record<MedicationStatus, number>;
  return {
    perStatus,
    macroF1: ratio(
      present.reduce((sum, s) => sum + perStatus[s].f1, 0),
      present.length,
    ),
    accuracy: ratio(correct, pairs.length),
    correct,
    total: pairs.length,
    confusion,
    safety: pairs.filter((p) => isUnsafe(p.gold, p.predicted)).map((p) => p.case),
    uncued: { total: uncued.length, byGold },
  };
}

/**
 * End to end: each record's predicted entities (`predicted[i]` for `records[i]`) go through the
 * status step; a (span, status) pair counts when both match a gold pair exactly.
 */
export function scoreStatusEndToEnd(
  records: readonly StatusGoldRecord[],
  predicted: readonly (readonly Entity[])[],
): EndToEndReport {
  let correct = 0;
  let gold = 0;
  let found = 0;
  const safety: SafetyCase[] = [];
  records.forEach((record, i) => {
    const pairs = predictStatuses(record.text, predicted[i] ?? []);
    const bySpan = new Map(pairs.map(([s, e, st]) => [`${s}:${e}`, st]));
    gold += record.status.length;
    found += pairs.length;
    for (const [start, end, status] of record.status) {
      const got = bySpan.get(`${start}:${end}`);
      if (got === status) correct++;
      if (got !== undefined && isUnsafe(status, got)) {
        safety.push({
          ...(record.id !== undefined && { id: record.id }),
          drug: record.text.slice(start, end),
          start,
          gold: status,
          predicted: got,
        });
      }
    }
  });
  const precision = ratio(correct, found);
  const recall = ratio(correct, gold);
  return {
    precision,
    recall,
    f1: f1Of(precision, recall),
    correct,
    gold,
    predicted: found,
    safety,
  };
}
