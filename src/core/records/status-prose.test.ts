/**
 * The status step on the prose of whole MTSamples notes, where the rules used to find no cue and
 * fell back to `active` (gold/status-probes.jsonl `probe-k11-…`, `probe-k12-…`): the encounter's
 * treatment told in hospital-course prose, courses gone wrong or over, plans told by a decision or a
 * need. Each case asserts the status and the cue's exact span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, statusesOf } from '../../test/statuses.ts';

describe('hospital-course prose the rules used to leave at the default', () => {
  it('reads doses given by the writer, in cycles, or before admission as given', () => {
    check([
      [
        'GC and chlamydia was sent and I treated her prophylactically with Rocephin 250 mg and azithromycin 1000 mg.',
        [
          ['Rocephin', 'DRUG'],
          ['250 mg', 'STRENGTH'],
          ['azithromycin', 'DRUG'],
          ['1000 mg', 'STRENGTH'],
        ],
        {
          Rocephin: ['given', 'treated her prophylactically with'],
          azithromycin: ['given', 'treated her prophylactically with'],
        },
      ],
      [
        'She presented for cycle seven of VP-16, ifosfamide, and mesna infusions.',
        [
          ['VP-16', 'DRUG'],
          ['ifosfamide', 'DRUG'],
          ['mesna', 'DRUG'],
        ],
        { 'VP-16': ['given', 'cycle seven of'], mesna: ['given', 'cycle seven of'] },
      ],
      [
        'She was then admitted after giving some Phenergan and Zofran IV.',
        [
          ['Phenergan', 'DRUG'],
          ['Zofran', 'DRUG'],
          ['IV', 'ROUTE'],
        ],
        { Phenergan: ['given', 'after giving some'], Zofran: ['given', 'after giving some'] },
      ],
      [
        'I have treated her with Aristocort cream and Cetaphil cream.',
        [
          ['Aristocort', 'DRUG'],
          ['cream', 'FORM'],
          ['Cetaphil', 'DRUG'],
          ['cream', 'FORM'],
        ],
        { Aristocort: ['active', null] },
      ],
    ]);
  });

  it('reads a course told as successful or as a history as stopped, a switch after `then` too', () => {
    check([
      [
        'This has been treated successfully with Zyvox and Levaquin.',
        [
          ['Zyvox', 'DRUG'],
          ['Levaquin', 'DRUG'],
        ],
        {
          Zyvox: ['stopped', 'treated successfully with'],
          Levaquin: ['stopped', 'treated successfully with'],
        },
      ],
      [
        'She has a history of being on Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['stopped', 'a history of being on'] },
      ],
      [
        'She does not have a history of being on anticoagulants.',
        [['anticoagulants', 'DRUG']],
        { anticoagulants: ['negated', 'does not have a history of being on'] },
      ],
      [
        'The Patient was placed on Heparin then converted to Coumadin.',
        [
          ['Heparin', 'DRUG'],
          ['Coumadin', 'DRUG'],
        ],
        { Heparin: ['stopped', 'then converted to'], Coumadin: ['active', null] },
      ],
    ]);
  });

  it('reads reactions told loosely as an allergy, and plans told by need or order as planned', () => {
    check([
      [
        'She was initially started on Trileptal, but had some problems with the medication.',
        [['Trileptal', 'DRUG']],
        { Trileptal: ['allergy', 'but had some problems with the medication'] },
      ],
      [
        'Keppra, which she said made her feel bad, was changed in 2003.',
        [['Keppra', 'DRUG']],
        { Keppra: ['allergy', 'which she said made her feel bad'] },
      ],
      [
        'On chronic steroids; vitamin D and calcium is needed.',
        [
          ['steroids', 'DRUG'],
          ['vitamin D', 'DRUG'],
          ['calcium', 'DRUG'],
        ],
        { 'vitamin D': ['planned', 'is needed'], calcium: ['planned', 'is needed'] },
      ],
      [
        'Also give the patient calcium with vitamin D.',
        [
          ['calcium', 'DRUG'],
          ['vitamin D', 'DRUG'],
        ],
        { calcium: ['planned', 'Also give the patient'] },
      ],
      [
        'We will give the patient pain control with Percocet as needed.',
        [
          ['Percocet', 'DRUG'],
          ['as needed', 'FREQUENCY'],
        ],
        { Percocet: ['planned', 'will give'] },
      ],
    ]);
  });

  it('reads a drug contraindicated as negated, one anesthetizing or dressing as given', () => {
    check([
      [
        'The patient was treated with a Greenfield filter since anticoagulant was contraindicated.',
        [['anticoagulant', 'DRUG']],
        { anticoagulant: ['negated', 'was contraindicated'] },
      ],
      [
        'The patient was anesthetized in the throat with lidocaine spray.',
        [
          ['lidocaine', 'DRUG'],
          ['spray', 'FORM'],
        ],
        { lidocaine: ['given', 'anesthetized in the throat with'] },
      ],
      [
        'The area was cleansed and dressed with bacitracin and bandage.',
        [['bacitracin', 'DRUG']],
        { bacitracin: ['given', 'cleansed'] },
      ],
    ]);
  });
});

describe('prose of whole notes (the twenty-second probe)', () => {
  it('reads doses of the encounter told in the passive or after `receiving` as given', () => {
    check([
      [
        'The oropharynx was sprayed with Cetacaine.',
        [['Cetacaine', 'DRUG']],
        { Cetacaine: ['given', 'was sprayed with'] },
      ],
      [
        'Platelets and FFP as well as vitamin K have been administered and ordered.',
        [['vitamin K', 'DRUG']],
        { 'vitamin K': ['given', 'have been administered'] },
      ],
      [
        'She presented to our ER today with prolonged convulsive seizure despite receiving 20 mg of Diastat at home.',
        [
          ['20 mg', 'STRENGTH'],
          ['Diastat', 'DRUG'],
        ],
        { Diastat: ['given', 'despite receiving'] },
      ],
      [
        'His critical hyperkalemia which is requiring dosing of dextrose insulin, bicarb, and calcium.',
        [
          ['dextrose insulin', 'DRUG'],
          ['bicarb', 'DRUG'],
          ['calcium', 'DRUG'],
        ],
        {
          'dextrose insulin': ['given', 'requiring dosing of'],
          calcium: ['given', 'requiring dosing of'],
        },
      ],
      [
        'He has been given prophylactic antibiotics.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['given', 'been given'] },
      ],
    ]);
  });

  it('reads a course gone wrong as an allergy, a past response as stopped, a decision as planned', () => {
    check([
      [
        'She was begun on Aricept but could not tolerate that because of strange thoughts.',
        [['Aricept', 'DRUG']],
        { Aricept: ['allergy', 'could not tolerate that'] },
      ],
      [
        'Courses of methotrexate have been complicated by mental confusion and mania.',
        [['methotrexate', 'DRUG']],
        { methotrexate: ['allergy', 'have been complicated by'] },
      ],
      [
        'She previously responded well to trazodone for depression.',
        [['trazodone', 'DRUG']],
        { trazodone: ['stopped', 'previously responded well to'] },
      ],
      [
        'After a long discussion, we have decided to go ahead and do botulinum toxin injection.',
        [
          ['botulinum toxin', 'DRUG'],
          ['injection', 'FORM'],
        ],
        { 'botulinum toxin': ['planned', 'we have decided to go ahead and do'] },
      ],
      [
        'At that point in time, she decided to try a program of vitamin supplements and fish oil.',
        [
          ['vitamin', 'DRUG'],
          ['fish oil', 'DRUG'],
        ],
        { 'fish oil': ['active', null] },
      ],
    ]);
  });

  it('reads a stop after a reaction as an allergy, a prescription handed over as active', () => {
    check([
      [
        'She developed some ulcerations of the mouth and was instructed to discontinue the methotrexate approximately ten days ago.',
        [['methotrexate', 'DRUG']],
        {
          methotrexate: [
            'allergy',
            'developed some ulcerations of the mouth and was instructed to discontinue',
          ],
        },
      ],
      [
        'Prescription for trazodone 50 mg p.r.n. q.h.s. was given for her to take with her to school.',
        [
          ['trazodone', 'DRUG'],
          ['50 mg', 'STRENGTH'],
          ['p.r.n. q.h.s.', 'FREQUENCY'],
        ],
        { trazodone: ['active', 'Prescription for'] },
      ],
    ]);
  });

  it('does not read `avoid` with an activity after it as a drug to avoid', () => {
    const text = 'We will assess his neurologic status and avoid over sedating with Ativan.';
    expect(statusesOf(text, [['Ativan', 'DRUG']]).Ativan?.status).not.toBe('negated');
    check([
      [
        'Avoid taking aspirin because of your stomach ulcer.',
        [['aspirin', 'DRUG']],
        { aspirin: ['negated', 'Avoid taking'] },
      ],
    ]);
  });
});

describe('a written probe of past courses and the encounter', () => {
  it('reads courses completed, reversed or ended as stopped', () => {
    check([
      [
        'Her primary care physician had given her a Medrol Dosepak, which she completed without improvement.',
        [['Medrol Dosepak', 'DRUG']],
        { 'Medrol Dosepak': ['stopped', 'which she completed'] },
      ],
      [
        'He was discharged home on a course of Augmentin, which he completed 2 days ago.',
        [['Augmentin', 'DRUG']],
        { Augmentin: ['stopped', 'which he completed 2 days ago'] },
      ],
      [
        "The patient's Coumadin was reversed with vitamin K and fresh frozen plasma.",
        [
          ['Coumadin', 'DRUG'],
          ['vitamin K', 'DRUG'],
        ],
        { Coumadin: ['stopped', 'was reversed'], 'vitamin K': ['given', 'with'] },
      ],
      [
        'The patient had been taking Celebrex, but her insurance would no longer cover it.',
        [['Celebrex', 'DRUG']],
        { Celebrex: ['stopped', 'had been taking'] },
      ],
      [
        'She underwent chemotherapy with Adriamycin and Cytoxan in 2001, followed by radiation.',
        [
          ['Adriamycin', 'DRUG'],
          ['Cytoxan', 'DRUG'],
        ],
        {
          Adriamycin: ['stopped', 'underwent chemotherapy with'],
          Cytoxan: ['stopped', 'underwent chemotherapy with'],
        },
      ],
    ]);
  });

  it('reads the encounter’s own doses and ingestions as given, a drug started in it as active', () => {
    check([
      [
        'She was maintained on a heparin drip throughout her hospital stay.',
        [['heparin', 'DRUG']],
        { heparin: ['given', 'maintained on'] },
      ],
      [
        'During this hospital course, he was started on Seroquel 20 mg at bedtime.',
        [
          ['Seroquel', 'DRUG'],
          ['20 mg', 'STRENGTH'],
          ['at bedtime', 'FREQUENCY'],
        ],
        { Seroquel: ['active', 'started on'] },
      ],
      [
        'The patient was brought to the ER after ingesting an unknown quantity of Tylenol.',
        [['Tylenol', 'DRUG']],
        { Tylenol: ['given', 'after ingesting'] },
      ],
    ]);
  });

  it('reads a possibility discussed as planned, and `should not take any more` as negated', () => {
    check([
      [
        'We also discussed the possibility of Botox injections for her migraines.',
        [
          ['Botox', 'DRUG'],
          ['injections', 'FORM'],
        ],
        { Botox: ['planned', 'discussed the possibility of'] },
      ],
      [
        'I explained to the patient that he should not take any more ibuprofen.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['negated', 'should not take any more'] },
      ],
    ]);
  });
});
