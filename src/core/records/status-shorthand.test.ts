/**
 * The status step on phrasings from probes of ordinary clinical sentences: shorthand (`d/c'd 2/2`,
 * a stop in brackets), stops and holds with a reason or an end, orders with parameters, clinicians'
 * lists and allergies told as an effect (./status-encounter.test.ts has the encounter's verbs).
 * Each case asserts the status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('stops and holds with a reason or an end', () => {
  it('reads a stop or a switch for a side effect as an intolerance', () => {
    check([
      [
        'Lisinopril was switched to losartan because of cough.',
        [
          ['Lisinopril', 'DRUG'],
          ['losartan', 'DRUG'],
        ],
        { Lisinopril: ['allergy', 'because of cough'], losartan: ['active', null] },
      ],
      [
        'She stopped taking her Lipitor on her own because of muscle aches.',
        [['Lipitor', 'DRUG']],
        { Lipitor: ['allergy', 'because of muscle aches'] },
      ],
      [
        'His Norvasc was discontinued due to ankle swelling.',
        [['Norvasc', 'DRUG']],
        { Norvasc: ['allergy', 'due to ankle swelling'] },
      ],
      [
        "Lisinopril d/c'd 2/2 hyperkalemia.",
        [['Lisinopril', 'DRUG']],
        { Lisinopril: ['allergy', '2/2 hyperkalemia'] },
      ],
      [
        'Continue all except HCTZ, which was stopped for hyponatremia.',
        [['HCTZ', 'DRUG']],
        { HCTZ: ['allergy', 'for hyponatremia'] },
      ],
      [
        'Cough improved after stopping lisinopril.',
        [['lisinopril', 'DRUG']],
        { lisinopril: ['allergy', 'Cough improved after stopping'] },
      ],
    ]);
  });

  it('keeps a stop for pain a stop: the drug may have been taken for it', () => {
    check([
      [
        'He was previously on codeine for this pain.',
        [['codeine', 'DRUG']],
        { codeine: ['stopped', 'previously on'] },
      ],
    ]);
  });

  it('reads a stop or an avoidance with an end as a pause', () => {
    check([
      [
        'Coumadin was stopped 5 days prior to surgery.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'was stopped'] },
      ],
      [
        'Off Plavix x 7 days for the procedure.',
        [
          ['Plavix', 'DRUG'],
          ['x 7 days', 'DURATION'],
        ],
        { Plavix: ['held', 'Off'] },
      ],
      [
        'Patient was instructed to avoid aspirin for 7 days before surgery.',
        [
          ['aspirin', 'DRUG'],
          ['for 7 days', 'DURATION'],
        ],
        { aspirin: ['held', 'avoid'] },
      ],
      [
        'Do not take Coumadin until instructed.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'Do not take'] },
      ],
      [
        'The patient will remain off Coumadin for now.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'remain off'] },
      ],
      [
        'Resume Eliquis on postoperative day 2.',
        [['Eliquis', 'DRUG']],
        { Eliquis: ['held', 'Resume'] },
      ],
    ]);
  });

  it('leaves a resume with no time, an order with a parameter and a hold already over active', () => {
    check([
      ['Resume Eliquis at discharge.', [['Eliquis', 'DRUG']], { Eliquis: ['active', 'Resume'] }],
      [
        'Hold lisinopril if systolic blood pressure is less than 100.',
        [['lisinopril', 'DRUG']],
        { lisinopril: ['active', 'Hold'] },
      ],
      [
        'Metformin was held on admission and resumed at discharge.',
        [['Metformin', 'DRUG']],
        { Metformin: ['active', 'held'] },
      ],
    ]);
    check([['Hold the Lasix today.', [['Lasix', 'DRUG']], { Lasix: ['held', 'Hold'] }]]);
  });

  it('reads shorthand and bracketed stops and past courses', () => {
    check([
      [
        'Aspirin 81 mg daily (patient stopped taking on her own).',
        [
          ['Aspirin', 'DRUG'],
          ['81 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Aspirin: ['stopped', '(patient stopped'] },
      ],
      [
        'S/p 6 cycles of carboplatin and paclitaxel.',
        [
          ['carboplatin', 'DRUG'],
          ['paclitaxel', 'DRUG'],
        ],
        { carboplatin: ['stopped', 'S/p 6 cycles of'], paclitaxel: ['stopped', 'S/p 6 cycles of'] },
      ],
      [
        'Prednisone taper completed 1/15.',
        [['Prednisone', 'DRUG']],
        { Prednisone: ['stopped', 'taper completed'] },
      ],
      [
        'Patient is status post treatment with rituximab.',
        [['rituximab', 'DRUG']],
        { rituximab: ['stopped', 'status post treatment with'] },
      ],
      [
        'She was previously managed with Imitrex but it stopped working.',
        [['Imitrex', 'DRUG']],
        { Imitrex: ['stopped', 'it stopped working'] },
      ],
      [
        'Stop taking ibuprofen.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['stopped', 'Stop taking'] },
      ],
    ]);
  });
});

describe('the reach of a cue after the drug', () => {
  it("stops at another drug's own clause", () => {
    check([
      [
        'Her insulin regimen was simplified and her Januvia was stopped.',
        [
          ['insulin', 'DRUG'],
          ['Januvia', 'DRUG'],
        ],
        { insulin: ['active', null], Januvia: ['stopped', 'was stopped'] },
      ],
      [
        'Lasix and Coumadin were stopped.',
        [
          ['Lasix', 'DRUG'],
          ['Coumadin', 'DRUG'],
        ],
        { Lasix: ['stopped', 'were stopped'], Coumadin: ['stopped', 'were stopped'] },
      ],
    ]);
  });
});

describe("clinicians' lists", () => {
  it('reads a reaction after a dash as an allergy, but not a symptom a drug is listed for', () => {
    check([
      [
        'PCN - rash. Sulfa - SJS.',
        [
          ['PCN', 'DRUG'],
          ['Sulfa', 'DRUG'],
        ],
        { PCN: ['allergy', '- rash'], Sulfa: ['allergy', '- SJS'] },
      ],
      ['Zofran - nausea.', [['Zofran', 'DRUG']], { Zofran: ['active', null] }],
    ]);
  });

  it('reads a course with its start and stop dates as stopped', () => {
    check([
      [
        "Abx: vanc/zosyn started 3/2, d/c'd 3/5.",
        [
          ['vanc', 'DRUG'],
          ['zosyn', 'DRUG'],
        ],
        {
          vanc: ['stopped', "started 3/2, d/c'd 3/5"],
          zosyn: ['stopped', "started 3/2, d/c'd 3/5"],
        },
      ],
    ]);
  });

  it('finds a shorthand cause the model took for a strength', () => {
    check([
      [
        'Prev on Effexor, stopped 2/2 nausea.',
        [
          ['Effexor', 'DRUG'],
          ['2/2', 'STRENGTH'],
        ],
        { Effexor: ['allergy', '2/2 nausea'] },
      ],
      [
        "Tx'd w/ IV Lasix 40 mg x2 with good UOP.",
        [
          ['IV', 'ROUTE'],
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['x2', 'FREQUENCY'],
        ],
        { Lasix: ['given', "Tx'd w/"] },
      ],
    ]);
  });
});

describe('allergies told as an effect', () => {
  it('reads a reaction after doses, an upset stomach and a headache it gives', () => {
    check([
      [
        'After 2 doses of Keflex she broke out in a rash.',
        [['Keflex', 'DRUG']],
        { Keflex: ['allergy', 'she broke out in a rash'] },
      ],
      [
        'Ibuprofen upsets her stomach.',
        [['Ibuprofen', 'DRUG']],
        { Ibuprofen: ['allergy', 'upsets her stomach'] },
      ],
      [
        'Percocet gives her a headache.',
        [['Percocet', 'DRUG']],
        { Percocet: ['allergy', 'gives her a headache'] },
      ],
      [
        'She reports a history of angioedema with ACE inhibitors.',
        [['ACE inhibitors', 'DRUG']],
        { 'ACE inhibitors': ['allergy', 'history of angioedema with'] },
      ],
      [
        'Elavil caused weight gain, so it was stopped.',
        [['Elavil', 'DRUG']],
        { Elavil: ['allergy', 'caused weight gain'] },
      ],
    ]);
  });

  it('lets `tolerates` end the reach of a reaction named before', () => {
    check([
      [
        'Pt reports nausea with Percocet, tolerates Norco.',
        [
          ['Percocet', 'DRUG'],
          ['Norco', 'DRUG'],
        ],
        { Percocet: ['allergy', 'reports nausea with'], Norco: ['active', 'tolerates'] },
      ],
    ]);
  });
});

describe("an emergency note's shorthand (the fourteenth probe)", () => {
  it('reads doses given with a time or their relief, and a drug taken before arrival, as given', () => {
    check([
      [
        'Tylenol 1 g PO given at 0800 with relief.',
        [
          ['Tylenol', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['PO', 'ROUTE'],
        ],
        { Tylenol: ['given', 'given'] },
      ],
      [
        'Zofran ODT given with relief of nausea.',
        [
          ['Zofran', 'DRUG'],
          ['ODT', 'FORM'],
        ],
        { Zofran: ['given', 'given'] },
      ],
      [
        'Pt took 2 tabs of Benadryl PTA.',
        [
          ['2', 'DOSAGE'],
          ['tabs', 'FORM'],
          ['Benadryl', 'DRUG'],
        ],
        { Benadryl: ['given', 'took'] },
      ],
    ]);
  });

  it('reads a drip titrated off as stopped, and `Add X` and `then transition to X` as planned', () => {
    check([
      ['Nitro drip titrated off.', [['Nitro', 'DRUG']], { Nitro: ['stopped', 'titrated off'] }],
      [
        'Add Lipitor 20 mg qhs.',
        [
          ['Lipitor', 'DRUG'],
          ['20 mg', 'STRENGTH'],
          ['qhs', 'FREQUENCY'],
        ],
        { Lipitor: ['planned', 'Add'] },
      ],
      [
        'Ceftriaxone for 3 days then transition to oral cefdinir.',
        [
          ['Ceftriaxone', 'DRUG'],
          ['oral', 'ROUTE'],
          ['cefdinir', 'DRUG'],
        ],
        { cefdinir: ['planned', 'then transition to'] },
      ],
    ]);
  });
});
