/**
 * Regression guard for the shipped model: `med7 eval` on the gold dev set must stay within 2 points
 * of the strict micro-F1 the model card records. The card holds one machine-readable line,
 *
 *     <!-- eval: strict_f1=0.912 lenient_f1=0.957 -->
 *
 * (fractions; `lenient_f1` optional), written from a `med7 eval --json` run of the model as shipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_GOLD, TEST_MODEL } from '../test/paths.ts';
import { runMed7 } from '../test/run-med7.ts';

const TOLERANCE = 0.02;

/** Reads `<!-- eval: key=value … -->` from a model card. */
export function readCardEval(card: string): Record<string, number> {
  const match = /<!--\s*eval:\s*(.*?)\s*-->/.exec(card);
  if (match === null) return {};
  const values: Record<string, number> = {};
  for (const pair of match[1]!.split(/\s+/)) {
    const [key, value] = pair.split('=');
    if (key !== undefined && value !== undefined) values[key] = Number(value);
  }
  return values;
}

const runEval = () => runMed7(['eval', DEV_GOLD, '--model', TEST_MODEL, '--json']);

describe('readCardEval', () => {
  it('reads the eval line', () => {
    expect(readCardEval('# Card\n<!-- eval: strict_f1=0.912 lenient_f1=0.957 -->\n')).toEqual({
      strict_f1: 0.912,
      lenient_f1: 0.957,
    });
    expect(readCardEval('no line')).toEqual({});
  });
});

describe('the shipped model on the gold dev set', () => {
  it('scores within 2 points of the strict F1 its model card records', async () => {
    const card = await readFile(join(TEST_MODEL, 'MODEL_CARD.md'), 'utf8').catch(() => '');
    const recorded = readCardEval(card);
    const strict = recorded['strict_f1'];
    expect(
      strict,
      `${TEST_MODEL}/MODEL_CARD.md needs a line "<!-- eval: strict_f1=0.XXX lenient_f1=0.XXX -->"`,
    ).toBeTypeOf('number');
    expect(strict, 'strict_f1 is a fraction (0.833), not a percentage').toBeGreaterThan(0);
    expect(strict, 'strict_f1 is a fraction (0.833), not a percentage').toBeLessThanOrEqual(1);

    const run = await runEval();
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      records: number;
      micro: { strict: { f1: number }; lenient: { f1: number } };
    };
    expect(report.records).toBe(121);
    expect(report.micro.strict.f1).toBeGreaterThanOrEqual(strict! - TOLERANCE);
    const lenient = recorded['lenient_f1'];
    if (lenient !== undefined)
      expect(report.micro.lenient.f1).toBeGreaterThanOrEqual(lenient - TOLERANCE);
    expect(run.stderr).toMatch(/med7 eval: 121 records, [\d,]+ words, [\d.]+ s, [\d,]+ words\/s/);
  });
});
