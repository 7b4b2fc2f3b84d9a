/**
 * The status step on headings as a copied record lays them out: alone on their line with no colon
 * (`Allergies⏎Penicillin`), right after a bracket, or with words after the heading's name
 * (`Allergies reviewed and updated:`). Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';
import type { Entity } from '../types.ts';
import { drugStatuses } from './status.ts';

describe('headings as a copied record lays them out', () => {
  it('reads a heading alone on its line as the heading of the list under it', () => {
    check([
      [
        'Allergies\nPenicillin\nSulfa\n\nMedications\nLasix 40 mg daily',
        [
          ['Penicillin', 'DRUG'],
          ['Sulfa', 'DRUG'],
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        {
          Penicillin: ['allergy', 'Allergies'],
          Sulfa: ['allergy', 'Allergies'],
          Lasix: ['active', 'Medications'],
        },
      ],
      [
        'ALLERGIES\n- Codeine (nausea)\n- Latex\nMEDICATIONS\n- Norco',
        [
          ['Codeine', 'DRUG'],
          ['Norco', 'DRUG'],
        ],
        { Codeine: ['allergy', '(nausea)'], Norco: ['active', 'MEDICATIONS'] },
      ],
      [
        'Allergies\r\nSulfa\r\nMedications\r\nLasix',
        [
          ['Sulfa', 'DRUG'],
          ['Lasix', 'DRUG'],
        ],
        { Sulfa: ['allergy', 'Allergies'], Lasix: ['active', 'Medications'] },
      ],
      [
        // A line that only ends on the word is prose, not a heading.
        'She reviewed her medications\nand takes Lasix daily.',
        [
          ['Lasix', 'DRUG'],
          ['daily', 'FREQUENCY'],
        ],
        { Lasix: ['active', 'takes'] },
      ],
    ]);
  });

  it('reads a heading after a bracket, and an allergy heading with words after its name', () => {
    check([
      [
        'Allergies: Penicillin (hives) Medications: Lasix 40 mg daily',
        [
          ['Penicillin', 'DRUG'],
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Penicillin: ['allergy', '(hives)'], Lasix: ['active', 'Medications:'] },
      ],
      [
        'Allergies reviewed and updated: Penicillin.',
        [['Penicillin', 'DRUG']],
        { Penicillin: ['allergy', 'Allergies reviewed and updated:'] },
      ],
    ]);
  });

  it('reads a drug taken, named under an allergy heading, as taken', () => {
    check([
      [
        'ALLERGIES: Hay fever, on Claritin.',
        [['Claritin', 'DRUG']],
        { Claritin: ['active', 'on'] },
      ],
      [
        'Allergies: seasonal allergies, takes Claritin.',
        [['Claritin', 'DRUG']],
        { Claritin: ['active', 'takes'] },
      ],
      [
        'ALLERGIES: Penicillin, codeine.',
        [
          ['Penicillin', 'DRUG'],
          ['codeine', 'DRUG'],
        ],
        { Penicillin: ['allergy', 'ALLERGIES:'], codeine: ['allergy', 'ALLERGIES:'] },
      ],
    ]);
  });

  it('reads the fluids, the sedation and the stress agent of a procedure note under their heading as given', () => {
    check([
      [
        'ESTIMATED BLOOD LOSS: 5 mL. FLUIDS RECEIVED: 300 mL of crystalloid.',
        [
          ['5 mL', 'DOSAGE'],
          ['300 mL', 'DOSAGE'],
          ['crystalloid', 'DRUG'],
        ],
        { crystalloid: ['given', 'FLUIDS RECEIVED:'] },
      ],
      [
        'PREP: Fentanyl 100 mcg IV and 3 mg Versed IV.',
        [
          ['Fentanyl', 'DRUG'],
          ['100 mcg', 'DOSAGE'],
          ['IV', 'ROUTE'],
          ['3 mg', 'DOSAGE'],
          ['Versed', 'DRUG'],
          ['IV', 'ROUTE'],
        ],
        { Fentanyl: ['given', 'PREP:'], Versed: ['given', 'PREP:'] },
      ],
      [
        'TYPE OF TEST: Lexiscan, unable to walk on a treadmill.',
        [['Lexiscan', 'DRUG']],
        { Lexiscan: ['given', 'TYPE OF TEST:'] },
      ],
    ]);
  });

  // A run of blanks (padding, a pasted form, masked entities) once cost time quadratic in its length
  // (a lookbehind tried at every position): 200,000 spaces took about 40 s. The time limit is
  // generous; the point is that it ends.
  it('reads a drug after a long run of blanks without stalling', { timeout: 10_000 }, () => {
    const text = `${' '.repeat(200_000)}ALLERGIES: penicillin.`;
    check([[text, [['penicillin', 'DRUG']], { penicillin: ['allergy', 'ALLERGIES:'] }]]);
  });

  // A list of thousands of drugs in one sentence once cost time quadratic in its length (each drug
  // read its whole sentence, and searched the whole text for a `;`): 20,000 drugs after `s/p` took
  // about a minute. The time limit is generous; the point is that it ends.
  it('reads a list of 20,000 drugs without stalling', { timeout: 20_000 }, () => {
    let text = 'Status post ';
    const entities: Entity[] = [];
    for (let i = 0; i < 20_000; i++) {
      entities.push({
        start: text.length,
        end: text.length + 5,
        label: 'DRUG',
        text: 'Lasix',
        score: 1,
      });
      text += 'Lasix, ';
    }
    const statuses = drugStatuses(text, entities);
    expect(statuses.get(entities[0]!)).toEqual({
      status: 'given',
      cue: { start: 0, end: 11, text: 'Status post' },
    });
    expect(statuses.size).toBe(20_000);
  });
});
