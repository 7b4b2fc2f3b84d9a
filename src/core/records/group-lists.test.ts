/**
 * The medication linker's hard boundaries: numbered and flattened lists, one medication per line,
 * sentence ends; nothing links across them.
 */
import { describe, expect, it } from 'vitest';
import { isHardBoundary } from './group.ts';
import { group } from '../../test/records.ts';

describe('groupMedications at boundaries', () => {
  it('splits a numbered list at its markers', () => {
    const text = '1. Lasix 40 mg p.o. daily. 2. Celexa 40 mg. 3. Tylenol 650 mg q.6h. p.r.n.';
    expect(
      group(text, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['p.o.', 'ROUTE'],
        ['daily', 'FREQUENCY'],
        ['Celexa', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['Tylenol', 'DRUG'],
        ['650 mg', 'STRENGTH'],
        ['q.6h. p.r.n.', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'Lasix', strength: ['40 mg'], route: ['p.o.'], frequency: ['daily'] },
      { drug: 'Celexa', strength: ['40 mg'] },
      { drug: 'Tylenol', strength: ['650 mg'], frequency: ['q.6h. p.r.n.'] },
    ]);
  });

  it('gives a form written before its drug (`Tab. Metformin`) to that drug, over its dot', () => {
    const text =
      '1. Tab. Metformin 500 mg after food\n2. Cap. Omeprazole 20 mg. Adv: Tab. Cefixime 200 mg and Tab. Pantoprazole 40 mg';
    expect(
      group(text, [
        ['Tab', 'FORM'],
        ['Metformin', 'DRUG'],
        ['500 mg', 'STRENGTH'],
        ['Cap', 'FORM'],
        ['Omeprazole', 'DRUG'],
        ['20 mg', 'STRENGTH'],
        ['Tab', 'FORM'],
        ['Cefixime', 'DRUG'],
        ['200 mg', 'STRENGTH'],
        ['Tab', 'FORM'],
        ['Pantoprazole', 'DRUG'],
        ['40 mg', 'STRENGTH'],
      ]),
    ).toEqual([
      { drug: 'Metformin', strength: ['500 mg'], form: ['Tab'] },
      { drug: 'Omeprazole', strength: ['20 mg'], form: ['Cap'] },
      { drug: 'Cefixime', strength: ['200 mg'], form: ['Tab'] },
      { drug: 'Pantoprazole', strength: ['40 mg'], form: ['Tab'] },
    ]);
    // A sentence that ends in a form's word still ends (`Take one tab. Lasix …`).
    expect(
      group('Take one tablet. Lasix 40 mg', [
        ['one', 'DOSAGE'],
        ['tablet', 'FORM'],
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
      ]),
    ).toEqual([
      { drug: null, dosage: ['one'], form: ['tablet'] },
      { drug: 'Lasix', strength: ['40 mg'] },
    ]);
  });

  it("splits MTSamples' flattened lists (`,2.  Celexa`)", () => {
    const text = 'MEDICATIONS:,1.  Lasix 40 mg daily.,2.  Celexa 40 mg daily.,3.  Prozac 20 mg.';
    expect(
      group(text, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
        ['Celexa', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
        ['Prozac', 'DRUG'],
        ['20 mg', 'STRENGTH'],
      ]),
    ).toEqual([
      { drug: 'Lasix', strength: ['40 mg'], frequency: ['daily'] },
      { drug: 'Celexa', strength: ['40 mg'], frequency: ['daily'] },
      { drug: 'Prozac', strength: ['20 mg'] },
    ]);
  });

  it('does not carry a sig across a list marker to the next drug', () => {
    // Item 2 has no drug: its sig must not join Lasix (before) or Prozac (after).
    const text = '1. Lasix 40 mg.\n2. 10 mg daily\n3. Prozac';
    expect(
      group(text, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['10 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
        ['Prozac', 'DRUG'],
      ]),
    ).toEqual([
      { drug: 'Lasix', strength: ['40 mg'] },
      { drug: null, strength: ['10 mg'], frequency: ['daily'] },
      { drug: 'Prozac' },
    ]);
  });

  it('does not link across sentences', () => {
    const text = 'Lasix was stopped. Take 2 tablets daily.';
    expect(
      group(text, [
        ['Lasix', 'DRUG'],
        ['2', 'DOSAGE'],
        ['tablets', 'FORM'],
        ['daily', 'FREQUENCY'],
      ]),
    ).toEqual([
      { drug: 'Lasix' },
      { drug: null, dosage: ['2'], form: ['tablets'], frequency: ['daily'] },
    ]);
  });

  it('reads one line per medication', () => {
    const text = 'Lasix 40 mg daily\nMetoprolol 25 mg b.i.d.\r\nAspirin 81 mg';
    expect(
      group(text, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
        ['Metoprolol', 'DRUG'],
        ['25 mg', 'STRENGTH'],
        ['b.i.d.', 'FREQUENCY'],
        ['Aspirin', 'DRUG'],
        ['81 mg', 'STRENGTH'],
      ]),
    ).toEqual([
      { drug: 'Lasix', strength: ['40 mg'], frequency: ['daily'] },
      { drug: 'Metoprolol', strength: ['25 mg'], frequency: ['b.i.d.'] },
      { drug: 'Aspirin', strength: ['81 mg'] },
    ]);
  });
});

describe('isHardBoundary', () => {
  it.each([
    ['.,2.  C', true],
    [' 2. C', true],
    ['. T', true],
    ['.,A', true],
    ['\n\n', true],
    ['\n- L', true],
    [' ', false],
    [', ', false],
    [' and ', false],
    [' of 1:1 mixture of 0', false],
    [' #40 o', false],
    ['\nM', false],
    // the sentence ends of other scripts, with or without a space
    [' 服用。阿', true],
    ['？ T', true],
    ['؟ C', true],
    ['। C', true],
  ])('%j → %s', (window, expected) => {
    expect(isHardBoundary(window)).toBe(expected);
  });
});
