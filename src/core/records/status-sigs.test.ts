/**
 * The status step on prescription sigs and discharge instructions: a drug with a course of its
 * own in a sentence with a procedure's words, a stop ordered only for a case to come or at the end
 * of a course (`for 5 days then stop`), and the headings of a medication reconciliation. Each case
 * asserts the status and the cue's exact span (null for the default).
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';
import { conditionalOrder } from './status-conditional.ts';

describe('prescription sigs', () => {
  it('reads a drug with a recurring frequency or a duration as prescribed, among a procedure’s words', () => {
    check([
      [
        'Instill 1 drop of Vigamox in the operative eye four times daily for one week.',
        [
          ['Vigamox', 'DRUG'],
          ['four times daily', 'FREQUENCY'],
          ['for one week', 'DURATION'],
        ],
        { Vigamox: ['active', null] },
      ],
      [
        'Mupirocin ointment to the wound three times daily.',
        [
          ['Mupirocin', 'DRUG'],
          ['ointment', 'FORM'],
          ['three times daily', 'FREQUENCY'],
        ],
        { Mupirocin: ['active', null] },
      ],
      [
        'Percocet 5/325 1 to 2 tablets every 4 to 6 hours as needed for postoperative pain.',
        [
          ['Percocet', 'DRUG'],
          ['5/325', 'STRENGTH'],
          ['1 to 2', 'DOSAGE'],
          ['tablets', 'FORM'],
          ['every 4 to 6 hours as needed', 'FREQUENCY'],
        ],
        { Percocet: ['active', null] },
      ],
      [
        'Keflex 500 mg for 5 days after the procedure.',
        [
          ['Keflex', 'DRUG'],
          ['500 mg', 'STRENGTH'],
          ['for 5 days', 'DURATION'],
        ],
        { Keflex: ['active', null] },
      ],
    ]);
  });

  it('still reads a drug given once, or with no sig, in a procedure as given', () => {
    check([
      [
        'Ancef 1 g IV once was in the operating room.',
        [
          ['Ancef', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['once', 'FREQUENCY'],
        ],
        { Ancef: ['given', 'operating room'] },
      ],
      [
        'Marcaine 0.25% at the incision, then Toradol 30 mg IV every 6 hours.',
        [
          ['Marcaine', 'DRUG'],
          ['0.25%', 'STRENGTH'],
          ['Toradol', 'DRUG'],
          ['30 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['every 6 hours', 'FREQUENCY'],
        ],
        // the frequency after Toradol is Toradol's own, not Marcaine's
        { Marcaine: ['given', 'incision'], Toradol: ['active', null] },
      ],
    ]);
  });
});

describe('stops ordered for a case to come', () => {
  it('reads a stop for a case, or one that may come, as a drug still taken', () => {
    check([
      [
        'Take prednisone 40 mg daily for 5 days then stop.',
        [
          ['prednisone', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['for 5 days', 'DURATION'],
        ],
        { prednisone: ['active', null] },
      ],
      [
        'Finish the dose on Friday and then stop the metronidazole.',
        [['metronidazole', 'DRUG']],
        { metronidazole: ['stopped', 'stop'] },
      ],
      [
        'Stop taking ibuprofen if you notice black stools.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['active', 'Stop taking'] },
      ],
      [
        'If you develop a rash, stop the Bactrim and call the office.',
        [['Bactrim', 'DRUG']],
        { Bactrim: ['active', 'stop'] },
      ],
      [
        'Flomax 0.4 mg daily, may discontinue after the catheter is removed.',
        [
          ['Flomax', 'DRUG'],
          ['0.4 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Flomax: ['active', 'discontinue'] },
      ],
      [
        'Discontinue Flomax once the catheter is out.',
        [['Flomax', 'DRUG']],
        { Flomax: ['active', 'Discontinue'] },
      ],
    ]);
  });

  it('takes a case after a stop told after the drug as the stop’s, not the drug’s', () => {
    const text = 'Heparin was the likely cause, and it is wise to discontinue when it occurs.';
    const cue = text.indexOf('discontinue');
    const best = {
      status: 'stopped' as const,
      cue: { start: cue, end: cue + 11, text: 'discontinue' },
    };
    const drug = { start: 0, end: 7, label: 'DRUG' as const, text: 'Heparin', score: 1 };
    const at = { text, masked: text, drug, sentenceStart: 0, sentenceEnd: text.length };
    expect(conditionalOrder(best, at)).toBeNull();
    // the same stop ordered before the drug, with the case after it, is an instruction
    const order = 'Discontinue heparin when it occurs.';
    const before = { status: 'stopped' as const, cue: { start: 0, end: 11, text: 'Discontinue' } };
    const drug2 = { start: 12, end: 19, label: 'DRUG' as const, text: 'heparin', score: 1 };
    const at2 = {
      text: order,
      masked: order,
      drug: drug2,
      sentenceStart: 0,
      sentenceEnd: order.length,
    };
    expect(conditionalOrder(before, at2)).toEqual({ status: 'active', cue: before.cue });
  });

  it('keeps a stop ordered now, or one followed by a case of its own, as stopped', () => {
    check([
      [
        'She should stop the colchicine and if the lesion recurs she should see her dermatologist.',
        [['colchicine', 'DRUG']],
        { colchicine: ['stopped', 'stop'] },
      ],
      [
        'You can stop the cephalexin now.',
        [['cephalexin', 'DRUG']],
        { cephalexin: ['stopped', 'stop'] },
      ],
      ['Stop the Lasix.', [['Lasix', 'DRUG']], { Lasix: ['stopped', 'Stop'] }],
      [
        'Lasix was stopped when he became hypotensive.',
        [['Lasix', 'DRUG']],
        { Lasix: ['stopped', 'was stopped'] },
      ],
    ]);
  });
});

describe('the headings of a medication reconciliation', () => {
  it('reads each drug of a list under its heading', () => {
    check([
      [
        'Medications discontinued: Lasix 40 mg daily, potassium chloride 20 mEq daily.',
        [
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['potassium chloride', 'DRUG'],
          ['20 mEq', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        {
          Lasix: ['stopped', 'Medications discontinued:'],
          'potassium chloride': ['stopped', 'Medications discontinued:'],
        },
      ],
      [
        'Medications to hold: Lasix, lisinopril.',
        [
          ['Lasix', 'DRUG'],
          ['lisinopril', 'DRUG'],
        ],
        { Lasix: ['held', 'Medications to hold:'], lisinopril: ['held', 'Medications to hold:'] },
      ],
      [
        'MEDICATIONS TO AVOID: ibuprofen, naproxen.',
        [
          ['ibuprofen', 'DRUG'],
          ['naproxen', 'DRUG'],
        ],
        {
          ibuprofen: ['negated', 'MEDICATIONS TO AVOID:'],
          naproxen: ['negated', 'MEDICATIONS TO AVOID:'],
        },
      ],
      [
        'Medications given in the ED: ceftriaxone 1 g IV, Tylenol 1 g PO.',
        [
          ['ceftriaxone', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['Tylenol', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['PO', 'ROUTE'],
        ],
        {
          ceftriaxone: ['given', 'Medications given in the ED:'],
          Tylenol: ['given', 'Medications given in the ED:'],
        },
      ],
      [
        'New medications: Eliquis 5 mg twice daily.',
        [
          ['Eliquis', 'DRUG'],
          ['5 mg', 'STRENGTH'],
          ['twice daily', 'FREQUENCY'],
        ],
        { Eliquis: ['active', 'New medications:'] },
      ],
    ]);
  });

  it('reads a list’s note after a dash or in brackets', () => {
    check([
      [
        'Amoxicillin - completed',
        [['Amoxicillin', 'DRUG']],
        { Amoxicillin: ['stopped', '- completed'] },
      ],
      [
        'Keflex x 7 days - finished',
        [
          ['Keflex', 'DRUG'],
          ['x 7 days', 'DURATION'],
        ],
        { Keflex: ['stopped', '- finished'] },
      ],
      [
        'Simvastatin - myalgias',
        [['Simvastatin', 'DRUG']],
        { Simvastatin: ['allergy', '- myalgias'] },
      ],
      ['Ibuprofen - avoid', [['Ibuprofen', 'DRUG']], { Ibuprofen: ['negated', '- avoid'] }],
      [
        'Lovenox 40 mg daily - to start after surgery',
        [
          ['Lovenox', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Lovenox: ['planned', '- to start'] },
      ],
      [
        'Prednisone (tapered off in May)',
        [['Prednisone', 'DRUG']],
        { Prednisone: ['stopped', 'tapered off'] },
      ],
    ]);
  });
});
