/**
 * The status step on adverse effects a drug caused (STATUS.md: "it caused an adverse reaction or
 * intolerance in this patient" is `allergy`), and on the look-alikes that must stay as they were:
 * a condition the drug treats, a finding denied or merely ruled out, a finding that improved.
 */
import { describe, expect, it } from 'vitest';
import { drugStatuses } from './status.ts';
import type { Entity } from '../types.ts';
import { of } from '../../test/statuses.ts';

/** The cue of `phrase` in `text` (its first occurrence). */
function cue(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase };
}

describe('adverse effects the drug caused', () => {
  it.each([
    ['History of heparin-induced thrombocytopenia.', 'heparin', '-induced thrombocytopenia'],
    ['HIT (heparin-induced) in 2019.', 'heparin', '-induced'],
    ['She has steroid induced hyperglycemia.', 'steroid', 'induced hyperglycemia'],
    ['Probable Coumadin hypersensitivity.', 'Coumadin', 'hypersensitivity'],
    ['Hyponatremia secondary to HCTZ.', 'HCTZ', 'Hyponatremia secondary to'],
    ['Acute kidney injury, likely due to IV contrast.', 'IV contrast', 'injury, likely due to'],
    [
      'Serotonin syndrome secondary to high doses of Prozac.',
      'Prozac',
      'syndrome secondary to high doses of',
    ],
    [
      'History of hepatitis while taking high doses of Tylenol.',
      'Tylenol',
      'hepatitis while taking high doses of',
    ],
    [
      'He developed a bullous eruption 2 weeks after starting rosiglitazone.',
      'rosiglitazone',
      'developed a bullous eruption 2 weeks after starting',
    ],
    [
      'She developed QT prolongation after oral administration of levofloxacin.',
      'levofloxacin',
      'developed QT prolongation after oral administration of',
    ],
    [
      'Her cough is likely a side effect of lisinopril.',
      'lisinopril',
      'is likely a side effect of',
    ],
    [
      'Lisinopril was felt to be the cause of her cough.',
      'Lisinopril',
      'was felt to be the cause of',
    ],
    ['Tetracycline can cause vaginitis.', 'Tetracycline', 'can cause vaginitis'],
    ['Methotrexate-induced hepatic necrosis.', 'Methotrexate', '-induced hepatic necrosis'],
  ])('%s → %s allergy', (text, drug, phrase) => {
    expect(of(text, drug)).toEqual({ status: 'allergy', cue: cue(text, phrase) });
  });

  it('reaches each drug of a list the cause opens', () => {
    const text = 'Leukoencephalopathy following cisplatin, bleomycin and vinblastine therapy.';
    const entities: Entity[] = ['cisplatin', 'bleomycin', 'vinblastine'].map((drug) => {
      const start = text.indexOf(drug);
      return { start, end: start + drug.length, label: 'DRUG', text: drug, score: 1 };
    });
    const statuses = drugStatuses(text, entities);
    const cause = cue(text, 'Leukoencephalopathy following');
    for (const drug of entities)
      expect(statuses.get(drug)).toEqual({ status: 'allergy', cue: cause });
  });
});

describe('look-alikes that are no adverse effect', () => {
  it('keeps a condition the drug treats (`on`) active', () => {
    expect(of('Hyperlipidemia on Lipitor 20 mg daily.', 'Lipitor')).toEqual({
      status: 'active',
      cue: null,
    });
  });

  it('stops the cause at a comma: the drug after it treats the finding', () => {
    const text = 'Hyperkalemia due to renal failure, slowly improving with Kayexalate.';
    expect(of(text, 'Kayexalate').status).toBe('active');
  });

  it('reads a finding denied, ruled out or improving as no cause', () => {
    expect(
      of('There were no complications after the Kenalog injection.', 'Kenalog').status,
    ).not.toBe('allergy');
    expect(of('Repeat labs to rule out hyperkalemia due to Tekturna.', 'Tekturna').status).not.toBe(
      'allergy',
    );
    expect(of('Her symptoms improved after Lasix.', 'Lasix').status).not.toBe('allergy');
    expect(of('Stress test is negative for dobutamine-induced ischemia.', 'dobutamine')).toEqual({
      status: 'negated',
      cue: cue('Stress test is negative for dobutamine-induced ischemia.', 'negative for'),
    });
  });

  it('leaves clots on an anticoagulant and dyspnea after missed doses alone', () => {
    expect(of('She had recurrent thrombosis while on Coumadin.', 'Coumadin').status).toBe('active');
    expect(of('Dyspnea after missing doses of Lasix.', 'Lasix').status).not.toBe('allergy');
  });

  it('does not take `cause` as a verb, nor another subject for the drug', () => {
    const text = 'Angiogram with contrast showed catheter induced pulmonary insufficiency.';
    expect(of(text, 'contrast').status).not.toBe('allergy');
    expect(of('Insulin-dependent diabetes.', 'Insulin').status).toBe('active');
  });

  it('reads a drug named the likely etiology of a finding as its cause', () => {
    const text = 'I would think the methotrexate is the most likely etiology for the stomatitis.';
    expect(of(text, 'methotrexate')).toEqual({
      status: 'allergy',
      cue: cue(text, 'is the most likely etiology for'),
    });
  });

  it('reads a reaction a drug gives, or one after a colon in a list, as an allergy', () => {
    const gives = 'Sulfa drugs give her a rash.';
    expect(of(gives, 'Sulfa drugs')).toEqual({
      status: 'allergy',
      cue: cue(gives, 'give her a rash'),
    });
    const list = 'Penicillin: rash. Sulfa: hives.';
    expect(of(list, 'Sulfa')).toEqual({ status: 'allergy', cue: cue(list, ': hives') });
    expect(of('Medications: aspirin 81 mg daily.', 'aspirin').status).toBe('active');
  });

  it('reads a rash to a drug as an allergy, and a drug taken under an allergy heading as taken', () => {
    const rash = 'Rash to amoxicillin as a child, tolerated cephalexin.';
    expect(of(rash, 'amoxicillin')).toEqual({ status: 'allergy', cue: cue(rash, 'Rash to') });
    const claritin = 'Allergies: seasonal allergies, takes Claritin.';
    expect(of(claritin, 'Claritin')).toEqual({ status: 'active', cue: cue(claritin, 'takes') });
    const both = 'Allergies: penicillin, takes aspirin for his heart.';
    expect(of(both, 'penicillin')).toEqual({ status: 'allergy', cue: cue(both, 'Allergies:') });
  });

  it('reads a vaccine given without reaction as given', () => {
    const text = 'Egg allergy; flu vaccine given without reaction.';
    expect(of(text, 'flu vaccine')).toEqual({ status: 'given', cue: cue(text, 'given') });
  });

  it('reads a drug that makes the patient jittery as an intolerance, one tolerated as taken', () => {
    const jittery = 'He gets jittery with albuterol.';
    expect(of(jittery, 'albuterol')).toEqual({
      status: 'allergy',
      cue: cue(jittery, 'gets jittery with'),
    });
    const tolerated =
      'ALLERGIES: She states she is allergic to penicillin but has tolerated amoxicillin.';
    expect(of(tolerated, 'amoxicillin')).toEqual({
      status: 'active',
      cue: cue(tolerated, 'has tolerated'),
    });
  });

  it('reads a finding that arose in a patient on the drug as an adverse effect of it', () => {
    const onTherapy =
      'A 52-year-old woman on phenytoin therapy for post-traumatic epilepsy developed transient hemiparesis.';
    expect(of(onTherapy, 'phenytoin')).toEqual({
      status: 'allergy',
      cue: cue(onTherapy, 'developed'),
    });
    const afterStart =
      'Eleven days after initiation of therapy with amiodarone, the patient experienced syncope.';
    expect(of(afterStart, 'amiodarone')).toEqual({
      status: 'allergy',
      cue: cue(afterStart, 'experienced'),
    });
    const bleed = 'The patient on Coumadin developed a GI bleed.';
    expect(of(bleed, 'Coumadin')).toEqual({ status: 'allergy', cue: cue(bleed, 'developed') });
  });
});
