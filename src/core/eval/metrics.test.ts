import { describe, expect, it } from 'vitest';
import { evaluate, scores } from './metrics.ts';
import type { EntityTuple } from '../types.ts';

describe('scores', () => {
  it('computes P/R/F1 and is 0 on empty denominators', () => {
    expect(scores(3, 4, 6)).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
    expect(scores(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(scores(0, 2, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('evaluate', () => {
  const gold: EntityTuple[][] = [
    [
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [12, 14, 'ROUTE'],
      [15, 21, 'FREQUENCY'],
      [22, 41, 'DURATION'],
    ],
    [],
  ];

  it('scores a perfect prediction 1 everywhere it has entities', () => {
    const report = evaluate(gold, gold);
    expect(report.micro.strict).toMatchObject({ precision: 1, recall: 1, f1: 1, tp: 5 });
    expect(report.micro.lenient.f1).toBe(1);
    expect(report.perLabel.DRUG.strict.f1).toBe(1);
    expect(report.perLabel.FORM.strict).toMatchObject({ f1: 0, gold: 0, predicted: 0 });
    expect(report.records).toBe(2);
  });

  it('separates strict from lenient and counts wrong labels and spurious entities', () => {
    const pred: EntityTuple[][] = [
      [
        [0, 5, 'DRUG'], // exact
        [6, 8, 'STRENGTH'], // overlaps "40 mg": lenient only
        [12, 14, 'FORM'], // right span, wrong label: neither
        [15, 21, 'FREQUENCY'], // exact
        [26, 41, 'DURATION'], // "next 5 days": lenient only
      ],
      [[0, 3, 'DRUG']], // spurious
    ];
    const report = evaluate(gold, pred);
    expect(report.micro.strict).toMatchObject({ tp: 2, predicted: 6, gold: 5 });
    expect(report.micro.lenient).toMatchObject({ tp: 4, predicted: 6, gold: 5 });
    expect(report.micro.strict.f1).toBeCloseTo((2 * (2 / 6) * (2 / 5)) / (2 / 6 + 2 / 5));
    expect(report.perLabel.DRUG.strict).toMatchObject({
      tp: 1,
      predicted: 2,
      gold: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(report.perLabel.ROUTE.strict).toMatchObject({ tp: 0, predicted: 0, gold: 1 });
    expect(report.perLabel.FORM.strict).toMatchObject({ tp: 0, predicted: 1, gold: 0 });
    expect(report.perLabel.STRENGTH.lenient.f1).toBe(1);
  });

  it('matches leniently one to one: one long span over two gold entities counts once', () => {
    const g: EntityTuple[][] = [
      [
        [0, 4, 'FREQUENCY'],
        [5, 9, 'FREQUENCY'],
      ],
    ];
    const p: EntityTuple[][] = [[[0, 9, 'FREQUENCY']]];
    const report = evaluate(g, p);
    expect(report.micro.lenient).toMatchObject({ tp: 1, precision: 1, recall: 0.5 });
    expect(report.micro.strict.tp).toBe(0);
    // Touching spans do not overlap.
    expect(evaluate([[[0, 4, 'DRUG']]], [[[4, 8, 'DRUG']]]).micro.lenient.tp).toBe(0);
  });

  it('finds the best one-to-one lenient matching', () => {
    // Greedy by start would pair gold [0,10) with pred [0,3) and leave gold [2,4)... both still match.
    const g: EntityTuple[][] = [
      [
        [0, 10, 'DRUG'],
        [12, 14, 'DRUG'],
      ],
    ];
    const p: EntityTuple[][] = [
      [
        [0, 3, 'DRUG'],
        [4, 13, 'DRUG'],
      ],
    ];
    expect(evaluate(g, p).micro.lenient.tp).toBe(2);
  });

  it('refuses mismatched record counts', () => {
    expect(() => evaluate(gold, [])).toThrow(RangeError);
  });
});
