import { describe, expect, it } from 'vitest';
import { drugStatuses, statusOf, type DrugStatus } from './status.ts';
import type { Entity } from '../types.ts';

/** The status of `word` (its first occurrence after `from`) in `text`. */
function of(text: string, word: string, from = 0): DrugStatus {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} not in text`);
  return statusOf(text, { start, end: start + word.length });
}

describe('statusOf', () => {
  const ISSUE =
    'ALLERGIES: Penicillin and sulfa. He stopped taking Coumadin 5 mg daily last week. Do not restart aspirin. Will start metformin 500 mg b.i.d. next visit.';

  it("reads the issue's example, with each cue's exact span", () => {
    expect(of(ISSUE, 'Penicillin')).toEqual({
      status: 'allergy',
      cue: { start: 0, end: 10, text: 'ALLERGIES:' },
    });
    expect(of(ISSUE, 'sulfa')).toEqual({
      status: 'allergy',
      cue: { start: 0, end: 10, text: 'ALLERGIES:' },
    });
    expect(of(ISSUE, 'Coumadin')).toEqual({
      status: 'stopped',
      cue: { start: 36, end: 50, text: 'stopped taking' },
    });
    expect(of(ISSUE, 'aspirin')).toEqual({
      status: 'negated',
      cue: { start: 82, end: 96, text: 'Do not restart' },
    });
    expect(of(ISSUE, 'metformin')).toEqual({
      status: 'planned',
      cue: { start: 106, end: 116, text: 'Will start' },
    });
  });

  it('is active with no cue by default, and under a medication heading', () => {
    expect(of('Lasix 40 mg p.o. daily.', 'Lasix')).toEqual({ status: 'active', cue: null });
    expect(of('MEDICATIONS: Lasix 40 mg daily.', 'Lasix')).toEqual({
      status: 'active',
      cue: { start: 0, end: 12, text: 'MEDICATIONS:' },
    });
  });

  it('ends an allergy heading at the first sentence of prose', () => {
    const text = 'ALLERGIES:, Codeine. Sulfa. He takes aspirin daily.';
    expect(of(text, 'Codeine').status).toBe('allergy');
    expect(of(text, 'Sulfa').status).toBe('allergy');
    expect(of(text, 'aspirin')).toEqual({
      status: 'active',
      cue: { start: 31, end: 36, text: 'takes' },
    });
  });

  it('reads backward triggers within the list item only', () => {
    const text = 'Include Lipitor 80 mg q.d. discontinued today, Vioxx 25 mg q.d.';
    expect(of(text, 'Lipitor')).toEqual({
      status: 'stopped',
      cue: { start: 27, end: 39, text: 'discontinued' },
    });
    expect(of(text, 'Vioxx')).toEqual({ status: 'active', cue: null });
  });

  it('gives the from-drug of a switch stopped and the to-drug active', () => {
    const text = 'She was switched from Percocet to oxycodone SR 20 mg b.i.d.';
    expect(of(text, 'Percocet')).toEqual({
      status: 'stopped',
      cue: { start: 8, end: 21, text: 'switched from' },
    });
    expect(of(text, 'oxycodone').status).toBe('active');
  });

  it('stops a scope at but/however and at a sentence end', () => {
    expect(of('No aspirin, but Tylenol as needed.', 'Tylenol').status).toBe('active');
    expect(of('Stopped Lasix. Coumadin 5 mg daily.', 'Coumadin').status).toBe('active');
    expect(of('Stopped Lasix. Coumadin 5 mg daily.', 'Lasix').status).toBe('stopped');
  });

  it('keeps the nearest trigger: a later one ends an earlier scope', () => {
    const text = 'Will start metformin and continue Lasix.';
    expect(of(text, 'metformin').status).toBe('planned');
    expect(of(text, 'Lasix')).toEqual({
      status: 'active',
      cue: { start: 25, end: 33, text: 'continue' },
    });
  });

  it('reads held, given and reactions', () => {
    expect(of('Coumadin was held this morning.', 'Coumadin')).toEqual({
      status: 'held',
      cue: { start: 13, end: 17, text: 'held' },
    });
    expect(of('Metoprolol 25 mg b.i.d., hold for heart rate below 60.', 'Metoprolol').status).toBe(
      'active',
    );
    expect(of('He was given 50 mg IV Benadryl.', 'Benadryl')).toEqual({
      status: 'given',
      cue: { start: 3, end: 12, text: 'was given' },
    });
    expect(of('She developed a rash on Bactrim.', 'Bactrim')).toEqual({
      status: 'allergy',
      cue: { start: 4, end: 23, text: 'developed a rash on' },
    });
    expect(of('He stopped the Macrodantin due to hives.', 'Macrodantin')).toEqual({
      status: 'allergy',
      cue: { start: 27, end: 39, text: 'due to hives' },
    });
  });

  it('takes allergy before stopped (precedence), and a denied allergy as negated', () => {
    expect(of('Stopped Bactrim because of a rash.', 'Bactrim')).toEqual({
      status: 'allergy',
      cue: { start: 16, end: 33, text: 'because of a rash' },
    });
    expect(of('HE DENIES DYE ALLERGY.', 'DYE')).toEqual({
      status: 'negated',
      cue: { start: 3, end: 9, text: 'DENIES' },
    });
  });

  it('does not read how-to-take instructions as negation', () => {
    expect(of('Do not take Tetracycline with milk.', 'Tetracycline').status).toBe('active');
    expect(of('Do not take Tetracycline.', 'Tetracycline').status).toBe('negated');
  });

  it('lets a short trigger (no, without) reach only a few words', () => {
    expect(of('1% lidocaine without epinephrine.', 'epinephrine').status).toBe('negated');
    expect(of('No change in the dose of his Lasix.', 'Lasix').status).toBe('active');
  });
});

describe('statusOf: scope follows the structure of the sentence', () => {
  it("lets a cue that tells a list's outcome, or a plural passive, reach the whole list", () => {
    const relief = 'She was treated with steroid injections, splinting, and NSAIDs without relief.';
    const cue = { start: 63, end: 77, text: 'without relief' };
    expect(of(relief, 'steroid')).toEqual({ status: 'stopped', cue });
    expect(of(relief, 'NSAIDs')).toEqual({ status: 'stopped', cue });
    const weaned = 'Her valproic acid, Zonegran, and Keppra were weaned.';
    for (const drug of ['valproic acid', 'Zonegran', 'Keppra']) {
      expect(of(weaned, drug)).toEqual({
        status: 'stopped',
        cue: { start: 40, end: 51, text: 'were weaned' },
      });
    }
  });

  it('ends a cue at a new clause with its own subject', () => {
    const text = 'He should not restart methadone as he is already on Celebrex.';
    expect(of(text, 'methadone')).toEqual({
      status: 'negated',
      cue: { start: 3, end: 21, text: 'should not restart' },
    });
    expect(of(text, 'Celebrex')).toEqual({
      status: 'active',
      cue: { start: 38, end: 51, text: 'is already on' },
    });
  });

  it('reads a stop with an end as a hold, and a duration of use as no hold', () => {
    expect(of('He stopped the Imuran for one month.', 'Imuran')).toEqual({
      status: 'held',
      cue: { start: 3, end: 14, text: 'stopped the' },
    });
    const switched = 'She remained on Coumadin for 3 months and then was switched to aspirin.';
    expect(of(switched, 'Coumadin').status).toBe('stopped');
    expect(of('I hope to get her off the Percocet in the future.', 'Percocet')).toEqual({
      status: 'active',
      cue: { start: 18, end: 21, text: 'off' },
    });
    expect(of('The patient cannot be taken off Coumadin.', 'Coumadin')).toEqual({
      status: 'active',
      cue: { start: 12, end: 31, text: 'cannot be taken off' },
    });
  });

  it('reads a drug given at a past date as a past course, and one avoided for a side effect as an intolerance', () => {
    expect(of('In August of 2007, she was treated with doxorubicin.', 'doxorubicin')).toEqual({
      status: 'stopped',
      cue: { start: 23, end: 39, text: 'was treated with' },
    });
    expect(of('She was treated with doxorubicin.', 'doxorubicin').status).toBe('given');
    expect(of('He cannot take aspirin because of stomach upset.', 'aspirin')).toEqual({
      status: 'allergy',
      cue: { start: 23, end: 47, text: 'because of stomach upset' },
    });
    expect(of('He has no true allergy to aspirin.', 'aspirin').status).toBe('negated');
  });

  it('reads drugs in a sentence that weighs risks as planned', () => {
    expect(of('Risks of sedatives and bleeding were discussed.', 'sedatives')).toEqual({
      status: 'planned',
      cue: { start: 0, end: 8, text: 'Risks of' },
    });
  });
});

describe('drugStatuses', () => {
  it('gives a status to every DRUG entity only, and masks entity text from triggers', () => {
    const text = 'Hold Lasix 40 mg daily and aspirin.';
    const entities: Entity[] = [
      { start: 5, end: 10, label: 'DRUG', text: 'Lasix', score: 1 },
      { start: 11, end: 16, label: 'STRENGTH', text: '40 mg', score: 1 },
      { start: 17, end: 22, label: 'FREQUENCY', text: 'daily', score: 1 },
      { start: 27, end: 34, label: 'DRUG', text: 'aspirin', score: 1 },
    ];
    const statuses = drugStatuses(text, entities);
    expect(statuses.size).toBe(2);
    expect(statuses.get(entities[0] as Entity)?.status).toBe('held');
    expect(statuses.get(entities[3] as Entity)?.status).toBe('held');
  });

  it("lets a backward cue reach over the drug's own sig and one comma, not over another item", () => {
    const text =
      'Premarin 0.125 mg daily, and Dolobid 1000 mg q.d., recently discontinued because of a rash.';
    const entities: Entity[] = [
      { start: 0, end: 8, label: 'DRUG', text: 'Premarin', score: 1 },
      { start: 9, end: 17, label: 'STRENGTH', text: '0.125 mg', score: 1 },
      { start: 18, end: 23, label: 'FREQUENCY', text: 'daily', score: 1 },
      { start: 29, end: 36, label: 'DRUG', text: 'Dolobid', score: 1 },
      { start: 37, end: 44, label: 'STRENGTH', text: '1000 mg', score: 1 },
      { start: 45, end: 49, label: 'FREQUENCY', text: 'q.d.', score: 1 },
    ];
    const statuses = drugStatuses(text, entities);
    expect(statuses.get(entities[0] as Entity)).toEqual({ status: 'active', cue: null });
    expect(statuses.get(entities[3] as Entity)).toEqual({
      status: 'allergy',
      cue: { start: 73, end: 90, text: 'because of a rash' },
    });
  });

  it('reads allergy and medication headings in ordinary case, their lists reaching past a sentence end', () => {
    expect(of('Allergies: codeine.', 'codeine')).toEqual({
      status: 'allergy',
      cue: { start: 0, end: 10, text: 'Allergies:' },
    });
    expect(of('Adverse reactions: codeine (nausea).', 'codeine').status).toBe('allergy');
    expect(of('Drug intolerances: simvastatin.', 'simvastatin').status).toBe('allergy');
    expect(of('Allergies: Penicillin. Codeine.', 'Codeine').status).toBe('allergy');
    const text = 'Medications: Lasix 40 mg daily. Allergies: sulfa.';
    expect(of(text, 'Lasix')).toEqual({
      status: 'active',
      cue: { start: 0, end: 12, text: 'Medications:' },
    });
    expect(of(text, 'sulfa').status).toBe('allergy');
    expect(of('Discontinued medications: Zoloft, Paxil.', 'Paxil').status).toBe('stopped');
    expect(of('DISCONTINUED MEDICATIONS: Lasix.', 'Lasix').status).toBe('stopped');
    expect(of('Allergies: Penicillin. She takes Lasix daily.', 'Lasix').status).toBe('active');
  });

  it('reads an allergy list in a sentence (`Allergies include …`) to its last drug', () => {
    const text = 'Allergies include aspirin and morphine.';
    const cue = { start: 0, end: 17, text: 'Allergies include' };
    expect(of(text, 'aspirin')).toEqual({ status: 'allergy', cue });
    expect(of(text, 'morphine')).toEqual({ status: 'allergy', cue });
  });

  it('reads side effects named before the drug or with a verb of feeling as an intolerance', () => {
    expect(of('Rhabdomyolysis, most likely secondary to statins.', 'statins')).toEqual({
      status: 'allergy',
      cue: { start: 0, end: 40, text: 'Rhabdomyolysis, most likely secondary to' },
    });
    expect(of('Codeine makes her nauseated.', 'Codeine').status).toBe('allergy');
    expect(of('Aspirin gives her stomach upset.', 'Aspirin').status).toBe('allergy');
    expect(of('He reports nausea with morphine.', 'morphine').status).toBe('allergy');
  });

  it('reads a finished course, a drug run out of and a past time as stopped', () => {
    expect(of('He finished his prednisone taper last week.', 'prednisone')).toEqual({
      status: 'stopped',
      cue: { start: 3, end: 15, text: 'finished his' },
    });
    expect(of('She ran out of her Lasix 2 weeks ago.', 'Lasix').status).toBe('stopped');
    expect(of('She was on Lexapro in 2005.', 'Lexapro').status).toBe('stopped');
    expect(of('He was treated with Augmentin 2 weeks ago.', 'Augmentin').status).toBe('stopped');
    expect(of('She is on Lexapro.', 'Lexapro').status).toBe('active');
    expect(of('He was started on Lasix in 2005.', 'Lasix').status).toBe('active');
  });
});
