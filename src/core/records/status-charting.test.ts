/**
 * The status step on a problem-oriented plan (`# HTN: …`), a nurse's charting of doses and a
 * clinic's telephone and portal messages (written probes, gold/status-probes.jsonl `probe-p25-…`
 * and `probe-p26-…`). Each case asserts the status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('a problem-oriented plan', () => {
  it('reads a switch with a time to come as planned, and a switch now as taken', () => {
    check([
      [
        '# CAP: day 3 of ceftriaxone and azithromycin, transition to PO cefpodoxime tomorrow.',
        [
          ['ceftriaxone', 'DRUG'],
          ['azithromycin', 'DRUG'],
          ['PO', 'ROUTE'],
          ['cefpodoxime', 'DRUG'],
        ],
        {
          ceftriaxone: ['active', null],
          azithromycin: ['active', null],
          cefpodoxime: ['planned', 'transition to'],
        },
      ],
      [
        '# Cellulitis: vancomycin IV, narrow to cefazolin once cultures result.',
        [
          ['vancomycin', 'DRUG'],
          ['IV', 'ROUTE'],
          ['cefazolin', 'DRUG'],
        ],
        { vancomycin: ['active', null], cefazolin: ['planned', 'narrow to'] },
      ],
      [
        'PLAN: Change to Omnicef two teaspoons daily for 10 days.',
        [
          ['Omnicef', 'DRUG'],
          ['two teaspoons', 'DOSAGE'],
          ['daily', 'FREQUENCY'],
          ['for 10 days', 'DURATION'],
        ],
        { Omnicef: ['active', null] },
      ],
      [
        'Pharmacist recommended switching from simvastatin to rosuvastatin.',
        [
          ['simvastatin', 'DRUG'],
          ['rosuvastatin', 'DRUG'],
        ],
        { simvastatin: ['active', 'recommended'], rosuvastatin: ['planned', 'recommended'] },
      ],
    ]);
  });

  it('reads a repletion, a drip after a bolus, a drug not tolerated and one no longer given', () => {
    check([
      [
        '# Hypokalemia: repleted with KCl 40 mEq PO x2 this morning.',
        [
          ['KCl', 'DRUG'],
          ['40 mEq', 'STRENGTH'],
          ['PO', 'ROUTE'],
          ['x2', 'FREQUENCY'],
        ],
        { KCl: ['given', 'repleted with'] },
      ],
      [
        '# Sepsis: s/p 30 mL/kg LR bolus, on norepinephrine at 0.05 mcg/kg/min.',
        [
          ['30 mL/kg', 'DOSAGE'],
          ['LR', 'DRUG'],
          ['norepinephrine', 'DRUG'],
          ['0.05 mcg/kg/min', 'STRENGTH'],
        ],
        { LR: ['given', 'bolus'], norepinephrine: ['active', 'on'] },
      ],
      [
        '# Migraine: sumatriptan PRN; topiramate was not tolerated (paresthesias).',
        [
          ['sumatriptan', 'DRUG'],
          ['PRN', 'FREQUENCY'],
          ['topiramate', 'DRUG'],
        ],
        { sumatriptan: ['active', null], topiramate: ['allergy', 'was not tolerated'] },
      ],
      [
        '# UTI: completed 3 days of Macrobid, no further antibiotics.',
        [
          ['Macrobid', 'DRUG'],
          ['antibiotics', 'DRUG'],
        ],
        { Macrobid: ['stopped', 'completed'], antibiotics: ['negated', 'no further'] },
      ],
      [
        '# BPH: Flomax 0.4 mg qhs, finasteride held while inpatient.',
        [
          ['Flomax', 'DRUG'],
          ['0.4 mg', 'STRENGTH'],
          ['qhs', 'FREQUENCY'],
          ['finasteride', 'DRUG'],
        ],
        { Flomax: ['active', null], finasteride: ['held', 'held'] },
      ],
      [
        '# Afib: rate controlled on metoprolol; anticoagulated with Eliquis 5 mg BID.',
        [
          ['metoprolol', 'DRUG'],
          ['Eliquis', 'DRUG'],
          ['5 mg', 'STRENGTH'],
          ['BID', 'FREQUENCY'],
        ],
        { Eliquis: ['active', null] },
      ],
    ]);
  });
});

describe('charting and messages', () => {
  it('reads doses charted as given, a number’s comma within the sig', () => {
    check([
      [
        'Heparin 5,000 units SQ given in the left lower abdomen at 2200.',
        [
          ['Heparin', 'DRUG'],
          ['5,000 units', 'STRENGTH'],
          ['SQ', 'ROUTE'],
        ],
        { Heparin: ['given', 'given'] },
      ],
      [
        'K-Dur 20 mEq PO x1 given per protocol for K 3.3.',
        [
          ['K-Dur', 'DRUG'],
          ['20 mEq', 'STRENGTH'],
          ['PO', 'ROUTE'],
          ['x1', 'FREQUENCY'],
        ],
        { 'K-Dur': ['given', 'given'] },
      ],
      [
        'Vancomycin 1.25 g IV infusing over 2 hours.',
        [
          ['Vancomycin', 'DRUG'],
          ['1.25 g', 'STRENGTH'],
          ['IV', 'ROUTE'],
        ],
        { Vancomycin: ['given', 'infusing over'] },
      ],
      [
        'Immunizations: Tdap and influenza vaccine administered today in the left deltoid.',
        [
          ['Tdap', 'DRUG'],
          ['influenza vaccine', 'DRUG'],
        ],
        { Tdap: ['given', 'administered'], 'influenza vaccine': ['given', 'administered'] },
      ],
      [
        'Second dose of Shingrix due in 2 to 6 months.',
        [['Shingrix', 'DRUG']],
        { Shingrix: ['planned', 'due'] },
      ],
    ]);
  });

  it('reads a prescription never picked up, and a drug taken beside one to avoid', () => {
    check([
      [
        'Patient reports she never picked up the Jardiance because of the cost.',
        [['Jardiance', 'DRUG']],
        { Jardiance: ['negated', 'never picked up the'] },
      ],
      [
        'Returned call: no ibuprofen for the headache while on Eliquis.',
        [
          ['ibuprofen', 'DRUG'],
          ['Eliquis', 'DRUG'],
        ],
        { ibuprofen: ['negated', 'no'], Eliquis: ['active', 'while on'] },
      ],
    ]);
  });
});
