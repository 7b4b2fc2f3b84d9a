/**
 * The status step on the encounter's verbs, plans and refusals, as probes of ordinary clinical
 * sentences found them (./status-shorthand.test.ts has stops, holds, lists and allergies). Each
 * case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, statusesOf } from '../../test/statuses.ts';

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
      ['Samples of Crestor given.', [['Crestor', 'DRUG']], { Crestor: ['active', 'Samples of'] }],
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

describe('the eighth probe', () => {
  it('reads samples handed over as active and a substitute as a switch', () => {
    check([
      [
        'We gave her a sample of Linzess to try.',
        [['Linzess', 'DRUG']],
        { Linzess: ['active', 'gave her a sample of'] },
      ],
      [
        'Acetaminophen with codeine was substituted for the Percocet.',
        [
          ['Acetaminophen with codeine', 'DRUG'],
          ['Percocet', 'DRUG'],
        ],
        { Percocet: ['stopped', 'was substituted for the'] },
      ],
    ]);
  });

  it('reads drugs no longer taken, and pauses around a procedure', () => {
    check([
      [
        'Medications at home include Synthroid, which she has not taken in a week.',
        [['Synthroid', 'DRUG']],
        { Synthroid: ['stopped', 'which she has not taken'] },
      ],
      [
        'She has not used her inhaler in months.',
        [['inhaler', 'DRUG']],
        { inhaler: ['stopped', 'has not used'] },
      ],
      [
        'No aspirin or NSAIDs for two weeks after surgery.',
        [
          ['aspirin', 'DRUG'],
          ['NSAIDs', 'DRUG'],
        ],
        { aspirin: ['held', 'No'], NSAIDs: ['held', 'No'] },
      ],
      [
        'Her Plavix will need to be held for 5 days before the biopsy.',
        [
          ['Plavix', 'DRUG'],
          ['for 5 days', 'DURATION'],
        ],
        { Plavix: ['held', 'held'] },
      ],
      [
        'She has been on and off Ativan for years.',
        [['Ativan', 'DRUG']],
        { Ativan: ['active', 'has been on'] },
      ],
    ]);
  });

  it('reads an allergy named after `is to`, a plan deferred, the end of anaesthesia and a vaccine updated', () => {
    check([
      [
        'Her only drug allergy is to morphine.',
        [['morphine', 'DRUG']],
        { morphine: ['allergy', 'drug allergy is to'] },
      ],
      [
        'Will defer starting a statin until the next visit.',
        [['statin', 'DRUG']],
        { statin: ['planned', 'defer starting'] },
      ],
      [
        'The patient was extubated after reversal of neuromuscular blockade with neostigmine.',
        [['neostigmine', 'DRUG']],
        { neostigmine: ['given', 'extubated'] },
      ],
      ['Tetanus was updated today.', [['Tetanus', 'DRUG']], { Tetanus: ['given', 'was updated'] }],
    ]);
  });

  it('reads a nurse’s shorthand for a dose given, its effect, and a refusal', () => {
    check([
      [
        'zofran 4mg iv given, nausea resolved.',
        [
          ['zofran', 'DRUG'],
          ['4mg', 'STRENGTH'],
          ['iv', 'ROUTE'],
        ],
        { zofran: ['given', 'given'] },
      ],
      [
        'narcan 0.4mg iv with good response.',
        [
          ['narcan', 'DRUG'],
          ['0.4mg', 'STRENGTH'],
          ['iv', 'ROUTE'],
        ],
        { narcan: ['given', 'with good response'] },
      ],
      [
        'pt medicated with dilaudid 1mg iv.',
        [
          ['dilaudid', 'DRUG'],
          ['1mg', 'STRENGTH'],
          ['iv', 'ROUTE'],
        ],
        { dilaudid: ['given', 'medicated with'] },
      ],
      [
        'pt refusing heparin sq.',
        [
          ['heparin', 'DRUG'],
          ['sq', 'ROUTE'],
        ],
        { heparin: ['negated', 'refusing'] },
      ],
      ['Ativan was not given.', [['Ativan', 'DRUG']], { Ativan: ['negated', 'was not given'] }],
      [
        'Tylenol 650 mg q6h prn with good relief.',
        [
          ['Tylenol', 'DRUG'],
          ['650 mg', 'STRENGTH'],
          ['q6h prn', 'FREQUENCY'],
        ],
        { Tylenol: ['active', null] },
      ],
    ]);
  });

  it('reads samples or prescriptions handed over as active, not given', () => {
    check([
      ['Samples of Crestor given.', [['Crestor', 'DRUG']], { Crestor: ['active', 'Samples of'] }],
      [
        'Lorcet and Xanax prescriptions given.',
        [
          ['Lorcet', 'DRUG'],
          ['Xanax', 'DRUG'],
        ],
        { Lorcet: ['active', 'prescriptions'], Xanax: ['active', 'prescriptions'] },
      ],
    ]);
  });

  it('reads shorthand for an adverse reaction, a discharge and doses counted', () => {
    check([
      ['ADR: vanc - red man.', [['vanc', 'DRUG']], { vanc: ['allergy', '- red man'] }],
      [
        'ADR: vanc, codeine.',
        [
          ['vanc', 'DRUG'],
          ['codeine', 'DRUG'],
        ],
        { vanc: ['allergy', 'ADR:'], codeine: ['allergy', 'ADR:'] },
      ],
      ['will need abx on d/c.', [['abx', 'DRUG']], { abx: ['planned', 'will need'] }],
      ['coumadin d/c 2/2 bleed.', [['coumadin', 'DRUG']], { coumadin: ['stopped', 'd/c'] }],
      [
        'duoneb x3 in ED with improvement.',
        [
          ['duoneb', 'DRUG'],
          ['x3', 'FREQUENCY'],
        ],
        { duoneb: ['given', 'with improvement'] },
      ],
    ]);
  });
});
