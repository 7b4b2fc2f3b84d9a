import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  scoreStatusEndToEnd,
  scoreStatusOnGold,
  toEntities,
  type StatusGoldRecord,
} from './status-eval.ts';

const GOLD: StatusGoldRecord[] = [
  {
    id: 'a',
    text: 'ALLERGIES: Penicillin. He stopped taking Coumadin 5 mg daily.',
    entities: [
      [11, 21, 'DRUG'],
      [41, 49, 'DRUG'],
      [50, 54, 'STRENGTH'],
      [55, 60, 'FREQUENCY'],
    ],
    status: [
      [11, 21, 'allergy'],
      [41, 49, 'stopped'],
    ],
  },
  {
    id: 'b',
    // The rules read Lasix as active; this gold says stopped: one safety case.
    text: 'Lasix 40 mg daily until her surgery.',
    entities: [
      [0, 5, 'DRUG'],
      [6, 11, 'STRENGTH'],
      [12, 17, 'FREQUENCY'],
    ],
    status: [[0, 5, 'stopped']],
  },
];

describe('scoreStatusOnGold', () => {
  it('scores each status, the macro average over those present, accuracy and safety', () => {
    const report = scoreStatusOnGold(GOLD);
    expect(report.total).toBe(3);
    expect(report.correct).toBe(2);
    expect(report.accuracy).toBeCloseTo(2 / 3, 10);
    expect(report.perStatus.allergy).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
      gold: 1,
      predicted: 1,
      correct: 1,
    });
    expect(report.perStatus.stopped).toMatchObject({ precision: 1, recall: 0.5, gold: 2 });
    expect(report.perStatus.stopped.f1).toBeCloseTo(2 / 3, 10);
    expect(report.perStatus.active).toMatchObject({ precision: 0, recall: 0, predicted: 1 });
    // allergy 1, stopped 2/3, active 0: the three present in gold or predictions.
    expect(report.macroF1).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
    expect(report.confusion.stopped.active).toBe(1);
    expect(report.safety).toEqual([
      { id: 'b', drug: 'Lasix', start: 0, gold: 'stopped', predicted: 'active' },
    ]);
  });

  it('counts the drugs no cue decided, by their gold status', () => {
    // Penicillin has its heading and Coumadin `stopped taking`; Lasix has no cue at all.
    const { uncued } = scoreStatusOnGold(GOLD);
    expect(uncued.total).toBe(1);
    expect(uncued.byGold).toEqual({
      allergy: 0,
      negated: 0,
      stopped: 1,
      held: 0,
      planned: 0,
      given: 0,
      active: 0,
    });
  });
});

describe('scoreStatusEndToEnd', () => {
  it('counts a pair only when span and status are both right', () => {
    const [a, b] = GOLD as [StatusGoldRecord, StatusGoldRecord];
    // Record a: Coumadin found one character short; record b: as gold.
    const predicted = [
      toEntities(a.text, [
        [11, 21, 'DRUG'],
        [41, 48, 'DRUG'],
      ]),
      toEntities(b.text, [[0, 5, 'DRUG']]),
    ];
    const report = scoreStatusEndToEnd(GOLD, predicted);
    expect(report).toMatchObject({ correct: 1, gold: 3, predicted: 3 });
    expect(report.precision).toBeCloseTo(1 / 3, 10);
    expect(report.safety.map((c) => c.drug)).toEqual(['Lasix']);
  });
});

describe('the status gold files', () => {
  it('hold one status per DRUG, with its offsets, in every part', () => {
    const gold = new URL('../../../gold/', import.meta.url);
    const parts = readdirSync(gold).filter((name) => /^status-.*\.jsonl$/.test(name));
    expect(parts).toContain('status-dev.jsonl');
    for (const part of parts) {
      const url = new URL(part, gold);
      const records = readFileSync(url, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StatusGoldRecord);
      expect(records.length).toBeGreaterThan(50);
      for (const record of records) {
        const drugs = record.entities.filter(([, , label]) => label === 'DRUG');
        expect(record.status.map(([s, e]) => [s, e])).toEqual(drugs.map(([s, e]) => [s, e]));
      }
    }
  });
});
