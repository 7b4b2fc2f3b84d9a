/** `med7 annotate --records`: medication records in the output. */
import { describe, expect, it } from 'vitest';
import type { PlainMedication, PlainSpan } from '../core/export/json.ts';
import { groupMedications } from '../core/records/group.ts';
import type { Entity } from '../core/types.ts';
import { TEST_MODEL } from '../test/paths.ts';
import { runMed7 } from '../test/run-med7.ts';
import { medicationTable } from './format.ts';
import { medicationsEnricher } from './annotate.ts';

const med7 = runMed7;

const README =
  'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.';
const README_ENTITIES: Entity[] = (
  [
    [25, 44, 'DRUG'],
    [45, 54, 'STRENGTH'],
    [55, 65, 'FORM'],
    [66, 68, 'ROUTE'],
    [78, 82, 'DOSAGE'],
    [83, 86, 'FREQUENCY'],
    [87, 106, 'DURATION'],
  ] as const
).map(([start, end, label]) => ({ start, end, label, text: README.slice(start, end), score: 1 }));

describe('the --records enricher', () => {
  it('adds one medication with all six attributes for the README sentence', () => {
    expect(medicationsEnricher(README, README_ENTITIES)).toEqual({
      medications: [
        {
          drug: { start: 25, end: 44, text: 'Magnesium hydroxide' },
          strength: [{ start: 45, end: 54, text: '400mg/5ml' }],
          form: [{ start: 55, end: 65, text: 'suspension' }],
          route: [{ start: 66, end: 68, text: 'PO' }],
          dosage: [{ start: 78, end: 82, text: '30ml' }],
          frequency: [{ start: 83, end: 86, text: 'bid' }],
          duration: [{ start: 87, end: 106, text: 'for the next 5 days' }],
          status: 'active',
          cue: { start: 14, end: 24, text: 'prescribed' },
        },
      ],
    });
    expect(medicationsEnricher('', [])).toEqual({ medications: [] });
  });

  it('prints a medications table for --text', () => {
    expect(medicationTable(groupMedications(README, README_ENTITIES)).split('\n')).toEqual([
      'drug                 status  strength   form        route  dosage  frequency  duration',
      'Magnesium hydroxide  active  400mg/5ml  suspension  PO     30ml    bid        for the next 5 days',
    ]);
    expect(medicationTable([])).toBe('(no medications)');
  });
});

describe('med7 annotate --records with the model', () => {
  it('adds "medications" to each record, every entity in exactly one of them', async () => {
    const input = [
      { id: 'a', text: README },
      { id: 'b', text: '1. Lasix 40 mg p.o. daily. 2. Celexa 20 mg at bedtime.' },
      { id: 'c', text: '' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const run = await med7(
      ['annotate', '--records', '--quiet', '--model', TEST_MODEL],
      `${input}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            text: string;
            entities: [number, number, string][];
            medications: PlainMedication[];
          },
      );
    expect(records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(records[2]?.medications).toEqual([]);
    for (const record of records) {
      const spans = record.medications.flatMap((m) => [
        ...(m.drug ? [m.drug] : []),
        ...m.strength,
        ...m.form,
        ...m.route,
        ...m.dosage,
        ...m.frequency,
        ...m.duration,
      ]);
      const key = (s: PlainSpan | [number, number, string]) =>
        Array.isArray(s) ? `${s[0]}:${s[1]}` : `${s.start}:${s.end}`;
      expect(spans.map(key).sort()).toEqual(record.entities.map(key).sort());
      for (const s of spans) expect(record.text.slice(s.start, s.end)).toBe(s.text);
      // The output is the linker's, on the model's entities.
      const entities = record.entities.map(([start, end, label]) => ({
        start,
        end,
        label,
        text: record.text.slice(start, end),
        score: 1,
      })) as Entity[];
      expect(record.medications).toEqual(medicationsEnricher(record.text, entities)['medications']);
    }
  });

  it('leaves the output as it was without --records', async () => {
    const run = await med7(
      ['annotate', '--quiet', '--model', TEST_MODEL],
      `${JSON.stringify({ text: README })}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['text', 'entities']);
  });

  it('prints the medications table after the entities with --text --records', async () => {
    const run = await med7([
      'annotate',
      '--records',
      '--quiet',
      '--model',
      TEST_MODEL,
      '--text',
      README,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^start\s+end\s+label/);
    expect(run.stdout).toMatch(
      /\n\n(drug\s+status\s+strength\s+form\s+route\s+dosage\s+frequency\s+duration|\(no medications\))/,
    );
  });
});
