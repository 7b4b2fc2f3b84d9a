/**
 * The status step on notes pasted with their line breaks: prose wrapped at a fixed width reads
 * as one line, every other break ends a sentence, and headings alone on their line (ruled
 * sections, a discharge list's `STOP taking these medications`) govern the lines below them.
 * The cases follow the layouts of real exported notes (medExtractR's Vanderbilt notes, an
 * after-visit summary, a problem list under a medication list).
 */
import { describe, expect, it } from 'vitest';
import { lineHeadings, lineLayout } from './status-lines.ts';
import { checkStatuses as check, entitiesOf } from '../../test/statuses.ts';

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
    ].join('\n');
    const drug = text.indexOf('Cholesterol Medication');
    const found = lineHeadings(text, [{ start: drug, end: drug + 22 }]).map((h) =>
      text.slice(h.start, h.end),
    );
    expect(found).toEqual([
      'Known Adverse and Allergic Drug Reactions (if none, enter NKA)',
      'Current Outpatient Medications on File Prior to Visit',
      'STOP taking these medications',
    ]);
  });
});

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
});

describe('phrasings of clinic notes', () => {
  it('reads an avoidance regimen, a course had before, and a drug not needed', () => {
    check([
      [
        'Status post thymoglobulin induction, now on steroid avoidance regimen.',
        [['steroid', 'DRUG']],
        { steroid: ['negated', 'avoidance'] },
      ],
      [
        'Heartburn taking Pepcid BID. Was on nexium before and did well.',
        [
          ['Pepcid', 'DRUG'],
          ['nexium', 'DRUG'],
        ],
        { Pepcid: ['active', 'taking'], nexium: ['stopped', 'before'] },
      ],
      [
        'He should contact us about the tubes; he will not necessarily need abx first.',
        [['abx', 'DRUG']],
        { abx: ['negated', 'will not necessarily need'] },
      ],
    ]);
  });

  it('leaves a sig until discontinued, a dose before a time and a before of a list alone', () => {
    check([
      [
        'cilostazol 100 mg twice daily until discontinued',
        [['cilostazol', 'DRUG']],
        { cilostazol: ['active', null] },
      ],
      [
        'Supplement with multivitamin and folate upon discharge and before.',
        [['folate', 'DRUG']],
        { folate: ['active', null] },
      ],
      [
        'Some patients received lamivudine before, during, or after the infusions.',
        [['lamivudine', 'DRUG']],
        { lamivudine: ['given', 'received'] },
      ],
    ]);
  });
  it('ends a cue in brackets at the bracket, and a singular stop at its own subject', () => {
    check([
      [
        'Prednisone 10 mg daily (start 01/07/08) - Zithromax Z-Pak 250 mg daily for five days',
        [
          ['Prednisone', 'DRUG'],
          ['Zithromax Z-Pak', 'DRUG'],
        ],
        { 'Zithromax Z-Pak': ['active', null] },
      ],
      [
        'She was transitioned to oral cefpodoxime and the ceftriaxone was discontinued.',
        [
          ['cefpodoxime', 'DRUG'],
          ['ceftriaxone', 'DRUG'],
        ],
        {
          cefpodoxime: ['active', 'transitioned to'],
          ceftriaxone: ['stopped', 'was discontinued'],
        },
      ],
      [
        'Maintained on FK/MMF/steroid avoidance.',
        [
          ['FK', 'DRUG'],
          ['MMF', 'DRUG'],
          ['steroid', 'DRUG'],
        ],
        { MMF: ['active', 'Maintained on'], steroid: ['negated', 'avoidance'] },
      ],
    ]);
  });
});
