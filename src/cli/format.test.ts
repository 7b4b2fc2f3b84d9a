import { describe, expect, it } from 'vitest';
import { evaluate } from '../core/eval/metrics.ts';
import { entityTable, evalTable } from './format.ts';

describe('entityTable', () => {
  it('aligns columns and shows control characters', () => {
    const table = entityTable([
      { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 0.987 },
      { start: 10, end: 20, label: 'DURATION', text: 'for\n3 days', score: 0.5 },
    ]);
    expect(table.split('\n')).toEqual([
      'start  end  label     score  text',
      '    0    5  DRUG       0.99  Lasix',
      '   10   20  DURATION   0.50  for\\n3 days',
    ]);
    expect(entityTable([])).toBe('(no entities)');
  });
});

describe('evalTable', () => {
  it('has a row per label and a micro row', () => {
    const table = evalTable(evaluate([[[0, 5, 'DRUG']]], [[[0, 5, 'DRUG']]]));
    const lines = table.split('\n');
    expect(lines).toHaveLength(2 + 7 + 1);
    expect(lines[2]).toMatch(
      /^DRUG\s+1\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/,
    );
    expect(lines.at(-1)).toMatch(/^micro/);
  });
});
