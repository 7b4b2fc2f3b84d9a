/**
 * The medication linker on prose: attributes before and after a drug, several drugs in a sentence,
 * combination products, sigs with no drug, and a property over random texts. Lists, lines and
 * sentence ends: group-lists.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MED7_LABELS, type Med7Label } from '../labels.ts';
import {
  groupMedications,
  recordAttributes,
  recordEntities,
  recordExtent,
  type MedicationRecord,
} from './group.ts';
import type { Entity } from '../types.ts';
import { group, spans, summary } from '../../test/records.ts';

describe('groupMedications', () => {
  it('puts all six attributes of the Med7 README sentence on its one drug', () => {
    const text =
      'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.';
    const records = groupMedications(
      text,
      spans(text, [
        ['Magnesium hydroxide', 'DRUG'],
        ['400mg/5ml', 'STRENGTH'],
        ['suspension', 'FORM'],
        ['PO', 'ROUTE'],
        ['30ml', 'DOSAGE'],
        ['bid', 'FREQUENCY'],
        ['for the next 5 days', 'DURATION'],
      ]),
    );
    expect(records).toHaveLength(1);
    expect(summary(records[0] as MedicationRecord)).toEqual({
      drug: 'Magnesium hydroxide',
      strength: ['400mg/5ml'],
      form: ['suspension'],
      route: ['PO'],
      dosage: ['30ml'],
      frequency: ['bid'],
      duration: ['for the next 5 days'],
    });
  });

  it('links attributes before the drug in prose', () => {
    const text = 'He was given 50 mg of Benadryl intramuscularly.';
    expect(
      group(text, [
        ['50 mg', 'STRENGTH'],
        ['Benadryl', 'DRUG'],
        ['intramuscularly', 'ROUTE'],
      ]),
    ).toEqual([{ drug: 'Benadryl', strength: ['50 mg'], route: ['intramuscularly'] }]);
  });

  it('reads no-break spaces (pasted web text) as spaces', () => {
    expect(
      group('He was given 50\u00a0mg\u00a0of\u00a0Benadryl intramuscularly.', [
        ['50\u00a0mg', 'STRENGTH'],
        ['Benadryl', 'DRUG'],
        ['intramuscularly', 'ROUTE'],
      ]),
    ).toEqual([{ drug: 'Benadryl', strength: ['50\u00a0mg'], route: ['intramuscularly'] }]);
    expect(
      group('Calcium carbonate\u00a0with\u00a0vitamin D 500 mg b.i.d.,4.', [
        ['Calcium carbonate', 'DRUG'],
        ['vitamin D', 'DRUG'],
        ['500 mg', 'STRENGTH'],
        ['b.i.d.', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'Calcium carbonate', strength: ['500 mg'], frequency: ['b.i.d.'] },
      { drug: 'vitamin D' },
    ]);
  });

  it('links `daily 1 g Rocephin` and `20 mL of 0.25% Marcaine` forward', () => {
    expect(
      group('daily 1 g Rocephin', [
        ['daily', 'FREQUENCY'],
        ['1 g', 'STRENGTH'],
        ['Rocephin', 'DRUG'],
      ]),
    ).toEqual([{ drug: 'Rocephin', strength: ['1 g'], frequency: ['daily'] }]);
    expect(
      group('local anesthetic of 20 mL of 0.25% Marcaine plain.', [
        ['20 mL', 'DOSAGE'],
        ['0.25%', 'STRENGTH'],
        ['Marcaine', 'DRUG'],
      ]),
    ).toEqual([{ drug: 'Marcaine', strength: ['0.25%'], dosage: ['20 mL'] }]);
  });

  it('splits several drugs in one sentence', () => {
    const text = 'She was placed on Demerol 50 and Vistaril 25 mg IM q3-4h. p.r.n. for pain.';
    expect(
      group(text, [
        ['Demerol', 'DRUG'],
        ['50', 'STRENGTH'],
        ['Vistaril', 'DRUG'],
        ['25 mg', 'STRENGTH'],
        ['IM', 'ROUTE'],
        ['q3-4h. p.r.n.', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'Demerol', strength: ['50'] },
      { drug: 'Vistaril', strength: ['25 mg'], route: ['IM'], frequency: ['q3-4h. p.r.n.'] },
    ]);

    const prose =
      'He currently is taking methadone up to eight tablets four times a day, morphine up to 100 mg three times a day, and Dilaudid two tablets by mouth every two hours to help reduce his pain.';
    expect(
      group(prose, [
        ['methadone', 'DRUG'],
        ['eight', 'DOSAGE'],
        ['tablets', 'FORM'],
        ['four times a day', 'FREQUENCY'],
        ['morphine', 'DRUG'],
        ['100 mg', 'STRENGTH'],
        ['three times a day', 'FREQUENCY'],
        ['Dilaudid', 'DRUG'],
        ['two', 'DOSAGE'],
        ['tablets', 'FORM'],
        ['by mouth', 'ROUTE'],
        ['every two hours', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'methadone', dosage: ['eight'], form: ['tablets'], frequency: ['four times a day'] },
      { drug: 'morphine', strength: ['100 mg'], frequency: ['three times a day'] },
      {
        drug: 'Dilaudid',
        dosage: ['two'],
        form: ['tablets'],
        route: ['by mouth'],
        frequency: ['every two hours'],
      },
    ]);
  });

  it('gives the attributes joined to the second drug by spaces or `of` to it', () => {
    const text =
      'A subconjunctival injection with 20 mg Gatamycine and 0.5 cc Celestone was given.';
    expect(
      group(text, [
        ['subconjunctival', 'ROUTE'],
        ['injection', 'FORM'],
        ['20 mg', 'STRENGTH'],
        ['Gatamycine', 'DRUG'],
        ['0.5 cc', 'DOSAGE'],
        ['Celestone', 'DRUG'],
      ]),
    ).toEqual([
      { drug: 'Gatamycine', strength: ['20 mg'], form: ['injection'], route: ['subconjunctival'] },
      { drug: 'Celestone', dosage: ['0.5 cc'] },
    ]);
    expect(
      group('Estimated dye used was 200 ml of Visipaque.', [
        ['dye', 'DRUG'],
        ['200 ml', 'DOSAGE'],
        ['Visipaque', 'DRUG'],
      ]),
    ).toEqual([{ drug: 'dye' }, { drug: 'Visipaque', dosage: ['200 ml'] }]);
    expect(
      group('She was treated with IV antibiotics and p.o. antibiotics.', [
        ['IV', 'ROUTE'],
        ['antibiotics', 'DRUG'],
        ['p.o.', 'ROUTE'],
        ['antibiotics', 'DRUG'],
      ]),
    ).toEqual([
      { drug: 'antibiotics', route: ['IV'] },
      { drug: 'antibiotics', route: ['p.o.'] },
    ]);
  });

  it('starts the next drug at a repeated label when nothing else splits them', () => {
    expect(
      group('Lasix 40 mg p.o. 1 g Rocephin', [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['p.o.', 'ROUTE'],
        ['1 g', 'STRENGTH'],
        ['Rocephin', 'DRUG'],
      ]),
    ).toEqual([
      { drug: 'Lasix', strength: ['40 mg'], route: ['p.o.'] },
      { drug: 'Rocephin', strength: ['1 g'] },
    ]);
  });

  it('keeps two strengths on one drug', () => {
    expect(
      group('Coumadin 6 mg alternating with 9 mg.,2.', [
        ['Coumadin', 'DRUG'],
        ['6 mg', 'STRENGTH'],
        ['9 mg', 'STRENGTH'],
      ]),
    ).toEqual([{ drug: 'Coumadin', strength: ['6 mg', '9 mg'] }]);
  });

  it('gives a combination product (`A with B`) its attributes', () => {
    expect(
      group('Calcium carbonate with vitamin D 500 mg b.i.d.,4.', [
        ['Calcium carbonate', 'DRUG'],
        ['vitamin D', 'DRUG'],
        ['500 mg', 'STRENGTH'],
        ['b.i.d.', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'Calcium carbonate', strength: ['500 mg'], frequency: ['b.i.d.'] },
      { drug: 'vitamin D' },
    ]);
  });

  it('makes a record with no drug for a sig that names none', () => {
    const text = 'He sometimes takes the other half of the tablet in the afternoon.';
    expect(
      group(text, [
        ['sometimes', 'FREQUENCY'],
        ['half', 'DOSAGE'],
        ['tablet', 'FORM'],
        ['in the afternoon', 'FREQUENCY'],
      ]),
    ).toEqual([
      {
        drug: null,
        dosage: ['half'],
        form: ['tablet'],
        frequency: ['sometimes', 'in the afternoon'],
      },
    ]);
  });

  it('accepts entities in any order and returns nothing for none', () => {
    const text = 'Lasix 40 mg daily';
    const entities = spans(text, [
      ['Lasix', 'DRUG'],
      ['40 mg', 'STRENGTH'],
      ['daily', 'FREQUENCY'],
    ]);
    expect(groupMedications(text, [...entities].reverse())).toEqual(
      groupMedications(text, entities),
    );
    expect(groupMedications(text, [])).toEqual([]);
    expect(groupMedications('', [])).toEqual([]);
  });

  it('helpers list a record’s entities in text order and its extent', () => {
    const text = '20 mL of 0.25% Marcaine';
    const [record] = groupMedications(
      text,
      spans(text, [
        ['20 mL', 'DOSAGE'],
        ['0.25%', 'STRENGTH'],
        ['Marcaine', 'DRUG'],
      ]),
    );
    expect(recordAttributes(record as MedicationRecord).map((e) => e.text)).toEqual([
      '20 mL',
      '0.25%',
    ]);
    expect(recordEntities(record as MedicationRecord).map((e) => e.text)).toEqual([
      '20 mL',
      '0.25%',
      'Marcaine',
    ]);
    expect(recordExtent(record as MedicationRecord)).toEqual({ start: 0, end: text.length });
  });

  it('places every entity in exactly one record, whatever the text (property)', () => {
    const labels: Med7Label[] = [...MED7_LABELS];
    const arbitrary = fc
      .array(
        fc.record({
          gap: fc.constantFrom(
            ' ',
            ', ',
            ' and ',
            ' of ',
            '. ',
            '.,2. ',
            '\n',
            '\n\n',
            ' with ',
            '',
          ),
          word: fc.constantFrom('Lasix', '40 mg', 'p.o.', 'b.i.d.', 'x 5 days', 'tablet', '2'),
          label: fc.constantFrom(...labels),
        }),
        { maxLength: 25 },
      )
      .map((parts) => {
        let text = '';
        const entities: Entity[] = [];
        for (const { gap, word, label } of parts) {
          text += gap || ' ';
          entities.push({
            start: text.length,
            end: text.length + word.length,
            label,
            text: word,
            score: 1,
          });
          text += word;
        }
        return { text, entities };
      });
    fc.assert(
      fc.property(arbitrary, ({ text, entities }) => {
        const records = groupMedications(text, entities);
        const placed = records.flatMap(recordEntities);
        expect(placed).toHaveLength(entities.length);
        expect(new Set(placed).size).toBe(entities.length);
        const drugs = entities.filter((e) => e.label === 'DRUG');
        expect(records.filter((r) => r.drug !== null)).toHaveLength(drugs.length);
        for (const r of records)
          expect(r.drug !== null || recordAttributes(r).length > 0).toBe(true);
      }),
    );
  });
});
