/**
 * The status step on phrasings of new text: lists opened by a cue, sigs between a drug and its
 * cue, future tense, prescriptions, and the sentence contexts that decide a drug with no cue
 * (past courses: ./status-past.test.ts). Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, of, statusesOf } from '../../test/statuses.ts';

describe('lists and sigs', () => {
  it('lets a two-way cue before a list reach every drug of it', () => {
    const text = 'The patient was given vancomycin, Zosyn, and Levaquin.';
    const given = { status: 'given', cue: { start: 12, end: 21, text: 'was given' } };
    expect(
      statusesOf(text, [
        ['vancomycin', 'DRUG'],
        ['Zosyn', 'DRUG'],
        ['Levaquin', 'DRUG'],
      ]),
    ).toEqual({ vancomycin: given, Zosyn: given, Levaquin: given });
  });

  it('reaches over the sigs of a list (`100 mg of Demerol, 3 mg of Versed`)', () => {
    const text = 'He was given 100 mg of Demerol, 3 mg of Versed IV push slowly.';
    expect(
      statusesOf(text, [
        ['100 mg', 'STRENGTH'],
        ['Demerol', 'DRUG'],
        ['3 mg', 'STRENGTH'],
        ['Versed', 'DRUG'],
        ['IV', 'ROUTE'],
      ]).Versed,
    ).toEqual({ status: 'given', cue: { start: 3, end: 12, text: 'was given' } });
  });

  it('still ends at the comma after a drug whose item the cue closes', () => {
    const text = 'Lasix 40 mg discontinued, Coumadin 5 mg daily.';
    const statuses = statusesOf(text, [
      ['Lasix', 'DRUG'],
      ['40 mg', 'STRENGTH'],
      ['Coumadin', 'DRUG'],
      ['5 mg', 'STRENGTH'],
      ['daily', 'FREQUENCY'],
    ]);
    expect(statuses.Lasix).toEqual({
      status: 'stopped',
      cue: { start: 12, end: 24, text: 'discontinued' },
    });
    expect(statuses.Coumadin).toEqual({ status: 'active', cue: null });
    // A lone span (no other drugs known) opens no list.
    expect(of(text, 'Coumadin')).toEqual({ status: 'active', cue: null });
  });

  it("counts a drug's sig as no words between it and a cue after it", () => {
    const text = 'Versed IV 5 mg and 100 mcg of IV fentanyl was given in cautious increments.';
    const statuses = statusesOf(text, [
      ['Versed', 'DRUG'],
      ['IV', 'ROUTE'],
      ['5 mg', 'STRENGTH'],
      ['100 mcg', 'STRENGTH'],
      ['IV', 'ROUTE'],
      ['fentanyl', 'DRUG'],
    ]);
    expect(statuses.Versed).toEqual({
      status: 'given',
      cue: { start: 42, end: 51, text: 'was given' },
    });
  });

  it('keeps a two-way cue with a drug after it to that drug (`Continue Lasix, stop Aldactone`)', () => {
    const statuses = statusesOf('Continue Lasix, stop Aldactone.', [
      ['Lasix', 'DRUG'],
      ['Aldactone', 'DRUG'],
    ]);
    expect(statuses.Lasix).toEqual({
      status: 'active',
      cue: { start: 0, end: 8, text: 'Continue' },
    });
    expect(statuses.Aldactone).toEqual({
      status: 'stopped',
      cue: { start: 16, end: 20, text: 'stop' },
    });
  });

  it('reads a reaction in brackets after each drug as allergy', () => {
    const text = 'Sulfa (rash), codeine (nausea).';
    expect(of(text, 'Sulfa')).toEqual({
      status: 'allergy',
      cue: { start: 6, end: 12, text: '(rash)' },
    });
    expect(of(text, 'codeine')).toEqual({
      status: 'allergy',
      cue: { start: 22, end: 30, text: '(nausea)' },
    });
  });

  it('reaches back over a clause about the drug (`Premarin that she was taking, …`)', () => {
    const text = 'The patient also had Premarin that she was taking, advised to discontinue it.';
    expect(of(text, 'Premarin')).toEqual({
      status: 'stopped',
      cue: { start: 62, end: 73, text: 'discontinue' },
    });
  });
});

describe('future tense and prescriptions', () => {
  it('reads a plan to begin taking, a start discussed, and treatment options as planned', () => {
    const text = 'She was instructed to begin taking Flexeril.';
    expect(of(text, 'Flexeril')).toEqual({
      status: 'planned',
      cue: { start: 22, end: 34, text: 'begin taking' },
    });
    expect(of('Discussed possibly starting Aricept.', 'Aricept').status).toBe('planned');
    expect(of('Options include methotrexate or Humira.', 'methotrexate').status).toBe('planned');
    expect(of('She started taking Flexeril last week.', 'Flexeril').status).toBe('active');
  });

  it('reads `will be treated with` and `will be started` as planned', () => {
    const text = 'PLAN: The patient will be treated with aspirin, Plavix and statins.';
    expect(of(text, 'Plavix')).toEqual({
      status: 'planned',
      cue: { start: 18, end: 38, text: 'will be treated with' },
    });
    expect(of('Coumadin will be started tomorrow.', 'Coumadin')).toEqual({
      status: 'planned',
      cue: { start: 9, end: 24, text: 'will be started' },
    });
  });

  it('reads a treatment discussed as planned', () => {
    expect(of('We discussed starting insulin.', 'insulin')).toEqual({
      status: 'planned',
      cue: { start: 3, end: 21, text: 'discussed starting' },
    });
  });

  it('reads a restart to come as held, one done as active', () => {
    expect(of('We will restart the Angiomax once he is back from the OR.', 'Angiomax')).toEqual({
      status: 'held',
      cue: { start: 3, end: 15, text: 'will restart' },
    });
    expect(of('The patient will be restarted on Invega and Abilify.', 'Abilify')).toEqual({
      status: 'held',
      cue: { start: 12, end: 32, text: 'will be restarted on' },
    });
    expect(of('Coumadin will be restarted tomorrow.', 'Coumadin')).toEqual({
      status: 'held',
      cue: { start: 9, end: 26, text: 'will be restarted' },
    });
    expect(of('He was restarted on Digoxin.', 'Digoxin').status).toBe('active');
  });

  it('keeps a drug whose continuation is recommended active', () => {
    expect(of('Continue Paxil and Xanax use was recommended.', 'Xanax')).toEqual({
      status: 'active',
      cue: { start: 0, end: 8, text: 'Continue' },
    });
  });

  it('reads a prescription written as active, and one never filled as negated', () => {
    const written = 'The patient had a pain prescription written for Tylenol with codeine.';
    expect(of(written, 'codeine')).toEqual({
      status: 'active',
      cue: { start: 23, end: 47, text: 'prescription written for' },
    });
    const unfilled =
      'She was given a prescription for Zostrix cream but was unable to get it filled.';
    expect(of(unfilled, 'Zostrix')).toEqual({
      status: 'negated',
      cue: { start: 55, end: 78, text: 'unable to get it filled' },
    });
    const unbegun = 'A prescription for Keflex 500 mg for red legs has not yet begun.';
    expect(of(unbegun, 'Keflex')).toEqual({
      status: 'negated',
      cue: { start: 46, end: 63, text: 'has not yet begun' },
    });
    expect(of('He has not taken his Coumadin since Monday.', 'Coumadin')).toEqual({
      status: 'negated',
      cue: { start: 3, end: 16, text: 'has not taken' },
    });
  });

  it('reads `cannot take X because of intolerance` as allergy, not a denied allergy', () => {
    const text = 'He cannot take aspirin because of intolerance, but no true allergy to aspirin.';
    expect(of(text, 'aspirin')).toEqual({
      status: 'allergy',
      cue: { start: 23, end: 45, text: 'because of intolerance' },
    });
  });
});

describe('verbs of the encounter, plans and refusals', () => {
  it('reads a drug bolused, loaded or transfused as given', () => {
    expect(of('She was bolused with 1 liter of normal saline.', 'normal saline')).toEqual({
      status: 'given',
      cue: { start: 4, end: 20, text: 'was bolused with' },
    });
    expect(of('He was loaded with Dilantin.', 'Dilantin')).toEqual({
      status: 'given',
      cue: { start: 3, end: 18, text: 'was loaded with' },
    });
    expect(
      of('She was transfused 2 units of packed red blood cells.', 'packed red blood cells'),
    ).toEqual({ status: 'given', cue: { start: 4, end: 18, text: 'was transfused' } });
  });

  it('reads an option discussed, a start planned on and a treatment scheduled as planned', () => {
    expect(of('We discussed the option of Botox injections.', 'Botox')).toEqual({
      status: 'planned',
      cue: { start: 13, end: 26, text: 'the option of' },
    });
    expect(of('Will plan on starting Coreg as an outpatient.', 'Coreg')).toEqual({
      status: 'planned',
      cue: { start: 5, end: 21, text: 'plan on starting' },
    });
    const scheduled = 'Patient is scheduled to receive chemotherapy next week.';
    expect(of(scheduled, 'chemotherapy')).toEqual({
      status: 'planned',
      cue: { start: 8, end: 31, text: 'is scheduled to receive' },
    });
  });

  it('reads `not currently on` and `should be avoided` as negated', () => {
    expect(of('Not currently on aspirin.', 'aspirin')).toEqual({
      status: 'negated',
      cue: { start: 0, end: 16, text: 'Not currently on' },
    });
    expect(of('Ibuprofen should be avoided.', 'Ibuprofen')).toEqual({
      status: 'negated',
      cue: { start: 10, end: 27, text: 'should be avoided' },
    });
  });
});

describe('sentence contexts for a drug with no cue', () => {
  it('reads the emergency department and `preop` as the encounter: given', () => {
    const ed = 'He is evaluated in the emergency department with albuterol and oxygen.';
    expect(of(ed, 'albuterol')).toEqual({
      status: 'given',
      cue: { start: 23, end: 43, text: 'emergency department' },
    });
    expect(of('Ancef 1 g IV preop.', 'Ancef')).toEqual({
      status: 'given',
      cue: { start: 13, end: 18, text: 'preop' },
    });
  });

  it("weighs risks of a treatment as planned, not the patient's own risk", () => {
    expect(of('The risks of sedation with Versed were discussed.', 'Versed')).toEqual({
      status: 'planned',
      cue: { start: 4, end: 12, text: 'risks of' },
    });
    expect(of('We discussed aspirin to reduce her risk of future strokes.', 'aspirin')).toEqual({
      status: 'active',
      cue: null,
    });
  });
});

describe('a finding denied, and a list that says not taking', () => {
  it('reads a side effect or a missed dose denied as a drug taken', () => {
    check([
      [
        'No hypoglycemia on glipizide.',
        [['glipizide', 'DRUG']],
        { glipizide: ['active', 'No hypoglycemia on'] },
      ],
      [
        'Without complications from her Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', 'Without complications from her'] },
      ],
      [
        'Denies missing any doses of her insulin.',
        [['insulin', 'DRUG']],
        { insulin: ['active', 'Denies missing any doses of her'] },
      ],
      ['No side effects from metformin.', [['metformin', 'DRUG']], { metformin: ['active', null] }],
      [
        'Nausea from metformin.',
        [['metformin', 'DRUG']],
        { metformin: ['allergy', 'Nausea from'] },
      ],
      ['No doses of Lovenox were given.', [['Lovenox', 'DRUG']], { Lovenox: ['negated', 'No'] }],
    ]);
  });

  it('reads a list’s note in brackets that the patient is not taking the drug as negated', () => {
    check([
      [
        'aspirin 81 mg daily (not taking)',
        [
          ['aspirin', 'DRUG'],
          ['81 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { aspirin: ['negated', '(not taking'] },
      ],
      [
        'ibuprofen as needed [patient reports not taking]',
        [
          ['ibuprofen', 'DRUG'],
          ['as needed', 'FREQUENCY'],
        ],
        { ibuprofen: ['negated', '[patient reports not taking'] },
      ],
    ]);
  });
});
