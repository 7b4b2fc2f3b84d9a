/**
 * The status step on phrasings from probes of ordinary clinical sentences: shorthand (`d/c'd 2/2`,
 * `s/p`, a stop in brackets), stops and holds with a reason or an end, orders with parameters, and
 * the encounter's verbs. Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import type { Med7Label } from '../labels.ts';
import { statusesOf } from '../../test/statuses.ts';

type Case = [
  text: string,
  spans: [string, Med7Label][],
  expected: Record<string, [string, string | null]>,
];

/** Runs each case: every listed drug gets its status, and its cue is the given words at their offset. */
function check(cases: Case[]): void {
  for (const [text, spans, expected] of cases) {
    const statuses = statusesOf(text, spans);
    for (const [drug, [status, cue]] of Object.entries(expected)) {
      const start = cue === null ? -1 : text.indexOf(cue);
      expect(statuses[drug], `${drug} in "${text}"`).toEqual({
        status,
        cue: cue === null ? null : { start, end: start + cue.length, text: cue },
      });
    }
  }
}

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

describe("the encounter's verbs, plans and refusals", () => {
  it('reads given drugs in shorthand and in the verbs of a hospital course', () => {
    check([
      [
        'Zofran 4 mg IV x1 given for nausea.',
        [
          ['Zofran', 'DRUG'],
          ['4 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['x1', 'FREQUENCY'],
        ],
        { Zofran: ['given', 'given'] },
      ],
      [
        'Solu-Medrol 125 mg IV given in ED.',
        [
          ['Solu-Medrol', 'DRUG'],
          ['125 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
        ],
        { 'Solu-Medrol': ['given', 'given'] },
      ],
      [
        'Cephazolin and gentamicin were already given.',
        [
          ['Cephazolin', 'DRUG'],
          ['gentamicin', 'DRUG'],
        ],
        {
          Cephazolin: ['given', 'were already given'],
          gentamicin: ['given', 'were already given'],
        },
      ],
      [
        'Vancomycin 1 g IV was started in the ER and she was admitted.',
        [
          ['Vancomycin', 'DRUG'],
          ['1 g', 'STRENGTH'],
          ['IV', 'ROUTE'],
        ],
        { Vancomycin: ['given', 'was started in the ER'] },
      ],
      [
        'Potassium was replaced orally.',
        [['Potassium', 'DRUG']],
        { Potassium: ['given', 'was replaced'] },
      ],
      [
        'He was diuresed with IV Lasix with good response.',
        [
          ['IV', 'ROUTE'],
          ['Lasix', 'DRUG'],
        ],
        { Lasix: ['given', 'diuresed with'] },
      ],
      [
        'Pt was bridged with Lovenox until INR therapeutic.',
        [['Lovenox', 'DRUG']],
        { Lovenox: ['given', 'bridged with'] },
      ],
      ['Pt s/p tPA at outside hospital.', [['tPA', 'DRUG']], { tPA: ['given', 's/p'] }],
    ]);
  });

  it('keeps samples and prescriptions handed over active', () => {
    check([
      ['Samples of Crestor given.', [['Crestor', 'DRUG']], { Crestor: ['active', null] }],
      [
        'Percocet #30 was prescribed for postoperative pain.',
        [['Percocet', 'DRUG']],
        { Percocet: ['active', 'was prescribed'] },
      ],
      [
        'She was transitioned to oral Levaquin.',
        [
          ['oral', 'ROUTE'],
          ['Levaquin', 'DRUG'],
        ],
        { Levaquin: ['active', 'transitioned to'] },
      ],
    ]);
  });

  it('reads plans: holding off, anticipating, suggesting, a transition', () => {
    check([
      [
        'We will hold off on starting a statin until her liver enzymes are rechecked.',
        [['statin', 'DRUG']],
        { statin: ['planned', 'hold off on starting'] },
      ],
      [
        'Anticipate starting Coumadin once the bleeding risk is lower.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['planned', 'Anticipate starting'] },
      ],
      [
        'I would suggest adding a low-dose beta-blocker.',
        [['beta-blocker', 'DRUG']],
        { 'beta-blocker': ['planned', 'would suggest adding'] },
      ],
      [
        'Plan to transition to oral Augmentin tomorrow.',
        [
          ['oral', 'ROUTE'],
          ['Augmentin', 'DRUG'],
        ],
        { Augmentin: ['planned', 'Plan to transition to'] },
      ],
    ]);
  });

  it('does not read `suggests` in the sense of `indicates` as a plan', () => {
    check([
      [
        'Her level was 26, which suggests she would benefit from vitamin D.',
        [['vitamin D', 'DRUG']],
        { 'vitamin D': ['planned', 'would benefit from'] },
      ],
      [
        'The study suggests that aspirin is of benefit.',
        [['aspirin', 'DRUG']],
        { aspirin: ['active', null] },
      ],
    ]);
  });

  it('reads refusals, deferrals and drugs not had or not indicated as negated', () => {
    check([
      [
        'There is no indication for anticoagulation with Coumadin at this time.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['negated', 'no indication for'] },
      ],
      [
        'Antibiotics were deferred.',
        [['Antibiotics', 'DRUG']],
        { Antibiotics: ['negated', 'were deferred'] },
      ],
      [
        'She has not had any pain medication today.',
        [['pain medication', 'DRUG']],
        { 'pain medication': ['negated', 'has not had any'] },
      ],
      [
        'We will not be starting any antibiotics at this time.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['negated', 'will not be starting any'] },
      ],
      ['Decline Pneumovax today.', [['Pneumovax', 'DRUG']], { Pneumovax: ['negated', 'Decline'] }],
    ]);
  });

  it('does not read `not had much improvement with` as a negation', () => {
    const text = 'She has not had much improvement with antibiotics.';
    expect(statusesOf(text, [['antibiotics', 'DRUG']]).antibiotics?.status).not.toBe('negated');
  });
});
