/**
 * The status step on notes pasted with their line breaks: each list takes the status of the
 * heading above it, a cue does not reach from one list line into the next, and the same text
 * with its breaks written out reads as it did without them. The cases follow the layouts of real
 * exported notes (medExtractR's Vanderbilt notes, an after-visit summary, a problem list under a
 * medication list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Med7Label } from '../labels.ts';
import type { Entity } from '../types.ts';
import { drugStatuses } from './status.ts';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('the status of drugs in notes with line breaks', () => {
  it('reads an after-visit summary: stopped under STOP, active under START and CONTINUE', () => {
    const text = [
      'START taking these medications',
      '  amoxicillin 500 mg capsule, take 1 capsule by mouth 3 times daily for 10 days',
      'CONTINUE taking these medications',
      '  lisinopril 10 mg tablet, take 1 tablet daily',
      'STOP taking these medications',
      '  ibuprofen 800 mg tablet',
      '  naproxen 500 mg tablet',
    ].join('\n');
    check([
      [
        text,
        [
          ['amoxicillin', 'DRUG'],
          ['lisinopril', 'DRUG'],
          ['ibuprofen', 'DRUG'],
          ['naproxen', 'DRUG'],
        ],
        {
          amoxicillin: ['active', 'START taking these medications'],
          lisinopril: ['active', 'CONTINUE taking these medications'],
          ibuprofen: ['stopped', 'STOP taking these medications'],
          naproxen: ['stopped', 'STOP taking these medications'],
        },
      ],
    ]);
  });

  it('reads a ruled allergy section as allergies, and a problem line as no procedure', () => {
    const text = [
      '---- Medications Known to be Prescribed for or Used by the Patient',
      'cilostazol 100 mg twice daily before meals for until discontinued',
      'metoprolol tartrate 25 mg one orally twice daily',
      '---- Known Adverse and Allergic Drug Reactions (if none, enter NKA):',
      'codeine phosphate',
      'oxaprozin (numbness all over)',
      '---- Coded Problems:',
      'Complete atrioventricular block',
    ].join('\n');
    check([
      [
        text,
        [
          ['cilostazol', 'DRUG'],
          ['metoprolol tartrate', 'DRUG'],
          ['codeine phosphate', 'DRUG'],
          ['oxaprozin', 'DRUG'],
        ],
        {
          cilostazol: ['active', 'Medications Known to be Prescribed for or Used by the Patient'],
          'metoprolol tartrate': [
            'active',
            'Medications Known to be Prescribed for or Used by the Patient',
          ],
          'codeine phosphate': [
            'allergy',
            'Known Adverse and Allergic Drug Reactions (if none, enter NKA)',
          ],
          oxaprozin: ['allergy', 'Known Adverse and Allergic Drug Reactions (if none, enter NKA)'],
        },
      ],
    ]);
  });

  it('reaches a wrapped line with a cue, and not past a label', () => {
    check([
      [
        'He was taking carvedilol daily. He denies\ntaking any aspirin and says his cardiologist\nstopped the Lasix last month.',
        [
          ['carvedilol', 'DRUG'],
          ['aspirin', 'DRUG'],
          ['Lasix', 'DRUG'],
        ],
        {
          aspirin: ['negated', 'denies\ntaking'],
          Lasix: ['stopped', 'stopped the'],
        },
      ],
      [
        'Hospitalizations since last visit: no Immunomeds: Prograf 2 mg po qd',
        [
          ['Prograf', 'DRUG'],
          ['2 mg', 'STRENGTH'],
        ],
        { Prograf: ['active', null] },
      ],
    ]);
  });

  it('reads a plan item to avoid a drug on its own bulleted line', () => {
    check([
      [
        '3. Pain\n- Tylenol 650 mg q6h prn\n- Avoid NSAIDs',
        [
          ['Tylenol', 'DRUG'],
          ['NSAIDs', 'DRUG'],
        ],
        { Tylenol: ['active', null], NSAIDs: ['negated', 'Avoid'] },
      ],
    ]);
  });
  it('ends an allergy list at the next section label, and reads a title-case stop heading', () => {
    const text = [
      'Discharge Medications:',
      '1. Cefpodoxime 200 mg PO BID x 5 more days',
      '',
      'Medications Discontinued:',
      '1. Benzonatate 100 mg PO TID',
      'Allergies: NKDA',
      'Plan: Continue current regimen. Consider stepping up to Symbicort if',
      'symptoms persist.',
    ].join('\n');
    check([
      [
        text,
        [
          ['Cefpodoxime', 'DRUG'],
          ['Benzonatate', 'DRUG'],
          ['Symbicort', 'DRUG'],
        ],
        {
          Cefpodoxime: ['active', 'Discharge Medications:'],
          Benzonatate: ['stopped', 'Medications Discontinued:'],
          Symbicort: ['planned', 'Consider'],
        },
      ],
    ]);
  });

  it('joins a wrapped line that starts with a drug, and keeps list lines apart', () => {
    const prose = [
      'S: 58 yo F here for f/u of HTN and DM2. Reports good adherence to lisinopril but she stopped',
      'hydrochlorothiazide on her own 2 weeks ago. No chest pain or shortness of breath today.',
    ].join('\n');
    const list = 'cilostazol 100 mg twice daily, hold if bleeding\nclopidogrel 75 mg orally daily';
    check([
      [
        prose,
        [
          ['lisinopril', 'DRUG'],
          ['hydrochlorothiazide', 'DRUG'],
        ],
        { hydrochlorothiazide: ['stopped', 'stopped'] },
      ],
      [
        list,
        [
          ['cilostazol', 'DRUG'],
          ['100 mg', 'STRENGTH'],
          ['twice daily', 'FREQUENCY'],
          ['clopidogrel', 'DRUG'],
          ['75 mg', 'STRENGTH'],
        ],
        { clopidogrel: ['active', null] },
      ],
    ]);
  });
  it('reads the inactive list of a record as stopped', () => {
    check([
      [
        'ACTIVE MEDICATIONS\nAmlodipine 10 mg daily\n\nINACTIVE MEDICATIONS\nHydralazine 25 mg TID',
        [
          ['Amlodipine', 'DRUG'],
          ['Hydralazine', 'DRUG'],
        ],
        {
          Amlodipine: ['active', 'ACTIVE MEDICATIONS'],
          Hydralazine: ['stopped', 'INACTIVE MEDICATIONS'],
        },
      ],
    ]);
  });
  it('keeps a reaction after an allergy from the list lines above it', () => {
    const text =
      'STOP taking these medications\n  ibuprofen 800 mg tablet\n  naproxen 500 mg tablet\nAllergies\n  Sulfa Antibiotics - Rash';
    check([
      [
        text,
        [
          ['ibuprofen', 'DRUG'],
          ['800 mg', 'STRENGTH'],
          ['tablet', 'FORM'],
          ['naproxen', 'DRUG'],
          ['500 mg', 'STRENGTH'],
          ['tablet', 'FORM'],
          ['Sulfa Antibiotics', 'DRUG'],
        ],
        {
          ibuprofen: ['stopped', 'STOP taking these medications'],
          naproxen: ['stopped', 'STOP taking these medications'],
          'Sulfa Antibiotics': ['allergy', '- Rash'],
        },
      ],
    ]);
  });
  it('reads an allergy heading whose list starts on the next line', () => {
    check([
      [
        'ALLERGIES:\n  She thinks to Benadryl.\nFAMILY HISTORY:\n  Mother is healthy.',
        [['Benadryl', 'DRUG']],
        { Benadryl: ['allergy', 'ALLERGIES:'] },
      ],
    ]);
  });

  it("reads a record's lists of drugs marked as taken or not, removed or added", () => {
    check([
      [
        [
          'Outpatient Medications Marked as Taking for the 12/5/26 encounter:',
          'omeprazole 20 mg capsule\tTake 1 capsule by mouth daily',
          'Outpatient Medications Marked as Not Taking for the 12/5/26 encounter:',
          'tramadol 50 mg tablet\tTake 1 tablet by mouth every 6 hours as needed',
        ].join('\n'),
        [
          ['omeprazole', 'DRUG'],
          ['tramadol', 'DRUG'],
        ],
        {
          omeprazole: [
            'active',
            'Outpatient Medications Marked as Taking for the 12/5/26 encounter',
          ],
          tramadol: [
            'negated',
            'Outpatient Medications Marked as Not Taking for the 12/5/26 encounter',
          ],
        },
      ],
      [
        'Removed from list: Norco (no longer taking), Flexeril\nAdded: meloxicam 15 mg daily\nSig: take with food',
        [
          ['Norco', 'DRUG'],
          ['Flexeril', 'DRUG'],
          ['meloxicam', 'DRUG'],
        ],
        {
          Flexeril: ['stopped', 'Removed from list:'],
          meloxicam: ['active', null],
        },
      ],
    ]);
  });

  it("reads a history's line that starts with its year as over, and a start to come", () => {
    check([
      [
        '- 2019: lumpectomy, then 4 cycles of AC followed by paclitaxel\n- 2020-present: anastrozole 1 mg daily\nCurrent plan: zoledronic acid to start next month.',
        [
          ['AC', 'DRUG'],
          ['paclitaxel', 'DRUG'],
          ['anastrozole', 'DRUG'],
          ['zoledronic acid', 'DRUG'],
        ],
        {
          AC: ['stopped', '2019:'],
          paclitaxel: ['stopped', '2019:'],
          anastrozole: ['active', null],
          'zoledronic acid': ['planned', 'to start'],
        },
      ],
      [
        'She was written for Aricept to start at 5 mg for three weeks.',
        [['Aricept', 'DRUG']],
        { Aricept: ['active', null] },
      ],
    ]);
  });

  it("keeps an injectate's drug lines under their heading", () => {
    check([
      [
        'INJECTATE INCLUDED:\nMethyl Prednisolone (DepoMedrol): 20 mg,Ketorolac (Toradol): 6 mg',
        [
          ['Methyl Prednisolone', 'DRUG'],
          ['DepoMedrol', 'DRUG'],
          ['Ketorolac', 'DRUG'],
        ],
        { Ketorolac: ['given', 'INJECTATE INCLUDED:'] },
      ],
    ]);
  });

  it('reads every dev and probe sentence the same with its line breaks written out', () => {
    // MTSamples writes a line break as a comma (`None., ,SOCIAL HISTORY:`); the same text with
    // real breaks, offsets unchanged, must give every drug the same status.
    const gold = new URL('../../../gold/', import.meta.url);
    const parts = readdirSync(gold).filter((name) => /^status-(?:dev.*|probes)\.jsonl$/.test(name));
    const lines = parts.flatMap((part) => readFileSync(new URL(part, gold), 'utf8').split('\n'));
    let lined = 0;
    for (const line of lines.filter(Boolean)) {
      const record = JSON.parse(line) as { text: string; entities: [number, number, string][] };
      const withBreaks = record.text
        .replace(
          /([.:]) ?,(?=\s*(?:,|[A-Z]))/g,
          (m, p: string) => p + (m.length === 3 ? ' \n' : '\n'),
        )
        .replaceAll(', ,', ',\n,');
      if (withBreaks === record.text) continue;
      lined++;
      const entitiesIn = (text: string): Entity[] =>
        record.entities.map(([start, end, label]) => ({
          start,
          end,
          label: label as Med7Label,
          text: text.slice(start, end),
          score: 1,
        }));
      const statuses = (text: string) =>
        [...drugStatuses(text, entitiesIn(text)).values()].map((s) => s.status);
      expect(statuses(withBreaks), record.text).toEqual(statuses(record.text));
    }
    expect(lined).toBeGreaterThan(200);
  });
});
