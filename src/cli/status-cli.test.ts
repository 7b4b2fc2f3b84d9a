/** `med7 annotate --fhir` and `--csv`, and `med7 eval --status`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FhirBundle } from '../core/export/fhir.ts';
import type { Entity } from '../core/types.ts';
import { TEST_MODEL } from '../test/paths.ts';
import { runMed7 } from '../test/run-med7.ts';
import { fhirEnricher } from './annotate.ts';

const ISSUE =
  'ALLERGIES: Penicillin and sulfa. He stopped taking Coumadin 5 mg daily last week. Do not restart aspirin. Will start metformin 500 mg b.i.d. next visit.';
const drug = (word: string): Entity => {
  const start = ISSUE.indexOf(word);
  return { start, end: start + word.length, label: 'DRUG', text: word, score: 1 };
};

describe('the --fhir enricher', () => {
  it("writes the issue's example as two AllergyIntolerances and three MedicationStatements", () => {
    const entities = ['Penicillin', 'sulfa', 'Coumadin', 'aspirin', 'metformin'].map(drug);
    const { fhir } = fhirEnricher(ISSUE, entities) as { fhir: FhirBundle };
    expect(
      fhir.entry?.map(({ resource }) =>
        resource.resourceType === 'AllergyIntolerance'
          ? [resource.resourceType, resource.code.text]
          : [resource.resourceType, resource.medicationCodeableConcept.text, resource.status],
      ),
    ).toEqual([
      ['AllergyIntolerance', 'Penicillin'],
      ['AllergyIntolerance', 'sulfa'],
      ['MedicationStatement', 'Coumadin', 'stopped'],
      ['MedicationStatement', 'aspirin', 'not-taken'],
      ['MedicationStatement', 'metformin', 'intended'],
    ]);
  });
});

describe('med7 eval --status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'med7-status-'));
  const gold = join(dir, 'gold.jsonl');
  const record = {
    id: 'x1',
    text: 'ALLERGIES: Penicillin. Stopped Coumadin 5 mg daily.',
    entities: [
      [11, 21, 'DRUG'],
      [31, 39, 'DRUG'],
      [40, 44, 'STRENGTH'],
      [45, 50, 'FREQUENCY'],
    ],
    status: [
      [11, 21, 'allergy'],
      [31, 39, 'stopped'],
    ],
  };
  writeFileSync(gold, `${JSON.stringify(record)}\n`);

  it('scores the statuses on gold entities and end to end on --predictions', async () => {
    const run = await runMed7(['eval', gold, '--status', '--predictions', gold, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      records: number;
      onGoldEntities: { accuracy: number; macroF1: number; safety: unknown[] };
      endToEnd: { f1: number; correct: number };
    };
    expect(report.records).toBe(1);
    expect(report.onGoldEntities).toMatchObject({ accuracy: 1, macroF1: 1, safety: [] });
    expect(report.endToEnd).toMatchObject({ f1: 1, correct: 2 });
  });

  it('prints a table, and refuses gold without a status per DRUG', async () => {
    const run = await runMed7(['eval', gold, '--status', '--predictions', gold]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^On gold entities:\nstatus\s+precision\s+recall\s+f1/);
    expect(run.stdout).toMatch(/macro-F1 1\.000 {2}accuracy 1\.000 \(2 of 2\)/);
    expect(run.stdout).toMatch(/safety count 0/);
    // Both drugs have a cue (the heading, `Stopped`): none left at the default.
    expect(run.stdout).toMatch(
      /left at the default \(no cue, so active\): 0 of 2, 0 active by gold\n/,
    );

    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ ...record, status: [[11, 21, 'allergy']] })}\n`);
    const refused = await runMed7(['eval', bad, '--status', '--predictions', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"status" has 1 items but the record has 2 DRUG entities/);
  });
});

describe('med7 annotate --csv and --fhir with the model', () => {
  const input = `${JSON.stringify({ id: 'n1', text: ISSUE })}\n${JSON.stringify({ text: 'Lasix 40 mg daily.' })}\n`;

  it('writes one CSV table: a header, then rows with the record id or line number', async () => {
    const run = await runMed7(['annotate', '--csv', '--quiet', '--model', TEST_MODEL], input);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,drug,strength,form,route,dosage,frequency,duration,status,cue,start,end',
    );
    expect(lines.slice(1).every((line) => /^(n1|2),/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('n1,Coumadin,'))).toBe(true);
  });

  it('adds a "fhir" Bundle to each record, and refuses --csv with --fhir', async () => {
    const run = await runMed7(['annotate', '--fhir', '--quiet', '--model', TEST_MODEL], input);
    expect(run.code, run.stderr).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: string; fhir: FhirBundle });
    expect(records.map((r) => r.fhir.resourceType)).toEqual(['Bundle', 'Bundle']);
    expect(records[0]?.id).toBe('n1');

    const refused = await runMed7(['annotate', '--csv', '--fhir', '--quiet'], input);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--csv writes a table of its own/);
  });
});
