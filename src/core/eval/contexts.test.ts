import { describe, expect, it } from 'vitest';
import { drugRecallByStatus, strayDrugs, strayRate } from './contexts.ts';
import type { StatusTuple } from './status-eval.ts';
import type { EntityTuple } from '../types.ts';

// 'ALLERGIES: Aldactone and Keflex. Stopped Colace because of cramping.'
const STATUS: StatusTuple[][] = [
  [
    [11, 20, 'allergy'],
    [25, 31, 'allergy'],
    [41, 47, 'stopped'],
  ],
  [[0, 5, 'active']],
];

describe('drugRecallByStatus', () => {
  it('counts exact and overlapping DRUG finds under each gold status', () => {
    const pred: EntityTuple[][] = [
      [
        [11, 20, 'DRUG'], // exact
        [25, 30, 'DRUG'], // `Kefle`: overlaps only
        [41, 47, 'FORM'], // right span, wrong label: not found
      ],
      [[0, 5, 'DRUG']],
    ];
    const r = drugRecallByStatus(STATUS, pred);
    expect(r.byStatus.allergy).toEqual({ gold: 2, strict: 1, lenient: 2 });
    expect(r.byStatus.stopped).toEqual({ gold: 1, strict: 0, lenient: 0 });
    expect(r.byStatus.active).toEqual({ gold: 1, strict: 1, lenient: 1 });
    expect(r.byStatus.held).toEqual({ gold: 0, strict: 0, lenient: 0 });
    expect(r.all).toEqual({ gold: 4, strict: 2, lenient: 3 });
  });

  it('refuses gold and predictions of different lengths', () => {
    expect(() => drugRecallByStatus(STATUS, [[]])).toThrow(RangeError);
  });
});

describe('strayDrugs', () => {
  it('counts predicted DRUGs over no gold DRUG, and those on another gold entity', () => {
    // 'take 20 milligrams by mouth daily for pain'
    const gold: EntityTuple[][] = [
      [
        [5, 18, 'STRENGTH'],
        [19, 27, 'ROUTE'],
        [28, 33, 'FREQUENCY'],
      ],
      [[0, 5, 'DRUG']],
    ];
    const pred: EntityTuple[][] = [
      [
        [5, 7, 'STRENGTH'],
        [8, 18, 'DRUG'], // the unit word taken for a drug
        [38, 42, 'DRUG'], // the reason taken for a drug
      ],
      [[0, 5, 'DRUG']],
    ];
    expect(strayDrugs(gold, pred)).toEqual({ stray: 2, onOtherEntity: 1, records: 1 });
  });
});

describe('strayRate', () => {
  it('gives the share of medication-free sentences with any entity', () => {
    const pred: EntityTuple[][] = [[], [[0, 6, 'DRUG']], [[3, 8, 'FREQUENCY']], []];
    expect(strayRate(pred)).toEqual({
      sentences: 4,
      withEntity: 2,
      withDrug: 1,
      entities: 2,
      rate: 0.5,
    });
    expect(strayRate([]).rate).toBe(0);
  });
});
