/**
 * The status step on past courses: stops told in many ways, trials, drugs taken before the
 * encounter. Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { of, statusesOf } from '../../test/statuses.ts';

describe('past courses', () => {
  it('reads a stop named after the drug (`Coumadin discontinuation`, `was ceased`, `but stopped`)', () => {
    const text = 'INR normalized after Coumadin discontinuation.';
    expect(of(text, 'Coumadin')).toEqual({
      status: 'stopped',
      cue: { start: 30, end: 45, text: 'discontinuation' },
    });
    expect(of('Folinic acid was ceased in May.', 'Folinic acid').status).toBe('stopped');
    expect(of('She had been taking Motrin but stopped.', 'Motrin').status).toBe('stopped');
    expect(of('Monitor for benzo withdrawal.', 'benzo').status).not.toBe('stopped');
  });

  it('reads a trial given with a length as a past course, a trial to come as planned', () => {
    expect(of('He was given a 3 day trial of Florinef, which helped.', 'Florinef')).toEqual({
      status: 'stopped',
      cue: { start: 7, end: 29, text: 'given a 3 day trial of' },
    });
    expect(of('She was given a trial of Elavil at bedtime.', 'Elavil')).toEqual({
      status: 'active',
      cue: { start: 4, end: 24, text: 'was given a trial of' },
    });
    expect(of('The patient to be given a trial of prednisone.', 'prednisone')).toEqual({
      status: 'planned',
      cue: { start: 26, end: 34, text: 'trial of' },
    });
  });

  it('reads drugs taken or given before the encounter as stopped', () => {
    expect(of('She took Paxil for 2 years.', 'Paxil')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 8, text: 'took' },
    });
    // Not a past course: a dose just before coming in, of this encounter (as `took … PTA`).
    expect(of('She took Tylenol this morning.', 'Tylenol').status).toBe('given');
    expect(of('She had been taking Celebrex until 2 weeks ago.', 'Celebrex')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 19, text: 'had been taking' },
    });
    expect(of('Prior to admission she was taking Lasix.', 'Lasix').status).toBe('active');
    expect(of('She was treated with Keflex last month.', 'Keflex')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 20, text: 'was treated with' },
    });
    const extraction =
      'He underwent a dental extraction with administration of cephalexin 1 week prior to admission.';
    expect(of(extraction, 'cephalexin')).toEqual({
      status: 'stopped',
      cue: { start: 38, end: 55, text: 'administration of' },
    });
  });

  it('reads a stop told by `quit`, `formerly`, `replaced with`, `status post` and `has since been`', () => {
    expect(of('She quit taking her Zoloft on her own.', 'Zoloft')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 15, text: 'quit taking' },
    });
    expect(of('Formerly took Elavil for sleep.', 'Elavil')).toEqual({
      status: 'stopped',
      cue: { start: 0, end: 13, text: 'Formerly took' },
    });
    const replaced = 'Atenolol was replaced with metoprolol.';
    expect(
      statusesOf(replaced, [
        ['Atenolol', 'DRUG'],
        ['metoprolol', 'DRUG'],
      ]),
    ).toEqual({
      Atenolol: { status: 'stopped', cue: { start: 9, end: 26, text: 'was replaced with' } },
      metoprolol: { status: 'active', cue: null },
    });
    expect(of('Status post a course of Cipro.', 'Cipro')).toEqual({
      status: 'stopped',
      cue: { start: 0, end: 23, text: 'Status post a course of' },
    });
    expect(of('Her Toprol has since been discontinued.', 'Toprol')).toEqual({
      status: 'stopped',
      cue: { start: 11, end: 38, text: 'has since been discontinued' },
    });
    const past = 'Past medications include Paxil and Wellbutrin.';
    const statuses = statusesOf(past, [
      ['Paxil', 'DRUG'],
      ['Wellbutrin', 'DRUG'],
    ]);
    const cue = { start: 0, end: 24, text: 'Past medications include' };
    expect(statuses).toEqual({
      Paxil: { status: 'stopped', cue },
      Wellbutrin: { status: 'stopped', cue },
    });
  });

  it('reads a drug no longer needed as stopped, not negated', () => {
    expect(of('She no longer needs her Lasix.', 'Lasix')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 23, text: 'no longer needs her' },
    });
  });

  it('reads a drug that did not help as a past trial', () => {
    expect(of('Zoloft did not help.', 'Zoloft')).toEqual({
      status: 'stopped',
      cue: { start: 7, end: 19, text: 'did not help' },
    });
    expect(of('Ibuprofen provided minimal analgesia.', 'Ibuprofen')).toEqual({
      status: 'stopped',
      cue: { start: 10, end: 36, text: 'provided minimal analgesia' },
    });
  });

  it('reads `has been off X for 2 weeks` as stopped, `hold X for 2 weeks` as held', () => {
    expect(of('He has been off Coumadin for 2 weeks.', 'Coumadin')).toEqual({
      status: 'stopped',
      cue: { start: 12, end: 15, text: 'off' },
    });
    expect(of('Hold Coumadin for 2 weeks.', 'Coumadin')).toEqual({
      status: 'held',
      cue: { start: 0, end: 4, text: 'Hold' },
    });
  });

  it('does not read `as previously prescribed` as a stop', () => {
    const text = 'Increase her Lasix from 100 to 120 mg every morning as previously prescribed.';
    expect(
      statusesOf(text, [
        ['Lasix', 'DRUG'],
        ['100', 'STRENGTH'],
        ['120 mg', 'STRENGTH'],
        ['every morning', 'FREQUENCY'],
      ]).Lasix,
    ).toEqual({ status: 'active', cue: { start: 0, end: 12, text: 'Increase her' } });
  });

  it('reads a remote use, and doses missed for days, as a course that is over', () => {
    const remote = 'Remote use of Accutane.';
    expect(of(remote, 'Accutane')).toEqual({
      status: 'stopped',
      cue: { start: 0, end: 13, text: 'Remote use of' },
    });
    expect(of('Remote history of MI, on aspirin.', 'aspirin').status).toBe('active');
    const missed = 'She has not taken her metoprolol in three days.';
    expect(of(missed, 'metoprolol')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 17, text: 'has not taken' },
    });
    expect(of('She has not taken her metoprolol today.', 'metoprolol').status).toBe('negated');
  });

  it('reads a treatment told in a sentence of past history as over', () => {
    const text =
      'History of allergic reaction to bee stings, treated with prednisone and Benadryl.';
    expect(of(text, 'Benadryl')).toEqual({
      status: 'stopped',
      cue: { start: 44, end: 56, text: 'treated with' },
    });
    expect(of('History of present illness: she was given Toradol.', 'Toradol').status).toBe(
      'given',
    );
  });

  it('reads a drug started and stopped as over, one changed to its generic as taken', () => {
    expect(of('She started and stopped Chantix.', 'Chantix')).toEqual({
      status: 'stopped',
      cue: { start: 4, end: 23, text: 'started and stopped' },
    });
    expect(of('Lipitor was changed to the generic.', 'Lipitor')).toEqual({
      status: 'active',
      cue: { start: 8, end: 22, text: 'was changed to' },
    });
    expect(of('Lipitor was changed to Crestor.', 'Lipitor').status).toBe('stopped');
  });

  it('reads a drug never filled or never started, and one awaiting approval', () => {
    const never = 'Never filled the prescription for Eliquis.';
    expect(of(never, 'Eliquis')).toEqual({
      status: 'negated',
      cue: { start: 0, end: 33, text: 'Never filled the prescription for' },
    });
    const afford = 'She could not afford the Eliquis and never started it.';
    expect(of(afford, 'Eliquis')).toEqual({
      status: 'negated',
      cue: { start: 33, end: 53, text: 'and never started it' },
    });
    const advair = 'She was unable to afford the Advair and stopped using it.';
    expect(of(advair, 'Advair').status).toBe('stopped');
    expect(of('Awaiting approval for Humira.', 'Humira')).toEqual({
      status: 'planned',
      cue: { start: 0, end: 21, text: 'Awaiting approval for' },
    });
  });

  it('reads a course completed right after the drug as over, a switch planned as planned', () => {
    expect(of('Antibiotics were completed in the hospital.', 'Antibiotics')).toEqual({
      status: 'stopped',
      cue: { start: 12, end: 26, text: 'were completed' },
    });
    const used = 'Lidocaine was used and the procedure was completed.';
    expect(of(used, 'Lidocaine').status).toBe('given');
    const text = 'Will change lisinopril to losartan at follow-up.';
    expect(
      statusesOf(text, [
        ['lisinopril', 'DRUG'],
        ['losartan', 'DRUG'],
      ]),
    ).toEqual({
      lisinopril: { status: 'active', cue: null },
      losartan: {
        status: 'planned',
        cue: { start: 0, end: 25, text: 'Will change lisinopril to' },
      },
    });
  });

  it('reads a drug unused for a year as stopped, one never started as not taken', () => {
    expect(of('He has not used his albuterol inhaler in over a year.', 'albuterol')).toEqual({
      status: 'stopped',
      cue: { start: 3, end: 15, text: 'has not used' },
    });
    expect(of('She never started the Chantix that was prescribed.', 'Chantix')).toEqual({
      status: 'negated',
      cue: { start: 4, end: 17, text: 'never started' },
    });
  });

  it('reads a stop for a thyroid or liver harm as an intolerance, a prescription to call in as planned', () => {
    const text = 'Amiodarone was discontinued secondary to thyroid abnormalities.';
    expect(of(text, 'Amiodarone')).toEqual({
      status: 'allergy',
      cue: { start: 28, end: 62, text: 'secondary to thyroid abnormalities' },
    });
    expect(of('If the culture is positive, we will call in Macrobid.', 'Macrobid')).toEqual({
      status: 'planned',
      cue: { start: 31, end: 43, text: 'will call in' },
    });
  });
});
