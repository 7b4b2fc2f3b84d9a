/**
 * The layout of a note pasted with its line breaks: prose wrapped at a fixed width reads as one
 * line, every other break ends a sentence, and headings stand alone on their line (ruled
 * sections, a discharge list's `STOP taking these medications`).
 */
import { describe, expect, it } from 'vitest';
import { lineHeadings, lineLayout } from './status-lines.ts';
import { entitiesOf } from '../../test/statuses.ts';

const WRAPPED = [
  'Under the care of ENT--told he had infection / fluid in ear, is on abx, put on higher dose of',
  'steroid and taper. Still will have f/u and they are considering placement of tubes. He feels',
  'he is improving.',
].join('\n');

describe('line breaks', () => {
  it('reads prose wrapped at a fixed width as one line, offsets unchanged', () => {
    const { flowed, breaks } = lineLayout(WRAPPED, []);
    expect(flowed).toBe(WRAPPED.replaceAll('\n', ' '));
    expect(breaks).toEqual([]);
  });

  it('ends a sentence at each line of a list, a heading and a blank line', () => {
    const text =
      'Medications:\nlyrica 100mg prn twice daily\nltg 200 mg daily\n\nAllergies:\npenicillin (rash)';
    const entities = entitiesOf(text, [
      ['lyrica', 'DRUG'],
      ['ltg', 'DRUG'],
      ['penicillin', 'DRUG'],
    ]);
    const { flowed, breaks } = lineLayout(text, entities);
    expect(flowed).toBe(text);
    // Each break as the words that start the next sentence.
    expect(breaks.map((b) => text.slice(b, b + 6))).toEqual([
      'lyrica',
      'ltg 20',
      '\nAller',
      'Allerg',
      'penici',
    ]);
  });

  it('joins a line that breaks off a phrase to the drug on the next, and keeps \\r\\n offsets', () => {
    const text = 'She has been on\r\ntopiramate 50 mg twice daily since June.';
    const entities = entitiesOf(text, [['topiramate', 'DRUG']]);
    const { flowed, breaks } = lineLayout(text, entities);
    expect(flowed).toBe('She has been on  topiramate 50 mg twice daily since June.');
    expect(flowed.length).toBe(text.length);
    expect(breaks).toEqual([]);
  });

  it('keeps the break before an item indented under its heading', () => {
    const text =
      'START taking these medications\n  amoxicillin 500 mg capsule, take 1 capsule by mouth 3 times daily';
    expect(lineLayout(text, []).breaks).toEqual([text.indexOf('  amoxicillin')]);
  });
});

describe('tables and titles', () => {
  it('never joins a table’s rows, a title or a column header to the line after', () => {
    const text = [
      'Medications Discontinued During This Encounter',
      'Medication                      Action',
      'Warfarin 5 mg daily             Hold',
      'Apixaban 5 mg BID               New',
      'Drug\tStatus',
    ].join('\n');
    const entities = entitiesOf(text, [
      ['Warfarin', 'DRUG'],
      ['Apixaban', 'DRUG'],
    ]);
    const { flowed, breaks } = lineLayout(text, entities);
    expect(flowed).toBe(text);
    expect(breaks.map((b) => text.slice(b, b + 4))).toEqual(['Medi', 'Warf', 'Apix', 'Drug']);
  });

  it('keeps a title apart with Windows line ends, and a tagged item apart from the next', () => {
    const title =
      'Medications Discontinued During This Encounter\r\nhydrochlorothiazide 25 MG tablet';
    expect(lineLayout(title, []).flowed).toBe(title);
    const tagged =
      '[DISCONTINUED] Tamsulosin 0.4 mg capsule, take 1 capsule daily\nOxybutynin 5 mg tablet';
    const entities = entitiesOf(tagged, [
      ['Tamsulosin', 'DRUG'],
      ['Oxybutynin', 'DRUG'],
    ]);
    expect(lineLayout(tagged, entities).breaks).toEqual([tagged.indexOf('Oxybutynin')]);
  });
});

describe('headings alone on their line', () => {
  it('finds ruled sections, discharge instructions and medication or allergy titles', () => {
    const text = [
      '---- Known Adverse and Allergic Drug Reactions (if none, enter NKA):',
      'codeine phosphate',
      'Current Outpatient Medications on File Prior to Visit',
      'STOP taking these medications',
      'No known drug allergies',
      'Cholesterol Medication',
      'He takes his medications',
      'Allergies as of 03/04/2024',
      'Allergen          Reaction      Severity',
      'Immunization History',
    ].join('\n');
    const drug = text.indexOf('Cholesterol Medication');
    const found = lineHeadings(text, [{ start: drug, end: drug + 22 }]).map((h) =>
      text.slice(h.start, h.end),
    );
    expect(found).toEqual([
      'Known Adverse and Allergic Drug Reactions (if none, enter NKA)',
      'Current Outpatient Medications on File Prior to Visit',
      'STOP taking these medications',
      'Allergies as of 03/04/2024',
      'Immunization History',
    ]);
  });
});
