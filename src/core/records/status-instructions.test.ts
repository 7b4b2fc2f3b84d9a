/**
 * The status step on instructions, tapers and switches (a probe of ordinary plan and
 * hospital-course sentences, gold/status-probes.jsonl `probe-p11-…`, and of drugs the rules left at
 * the default, `probe-k10-…` and `probe-k14-…`). Each case asserts the status and the cue's exact
 * span.
 */
import { describe, expect, it } from 'vitest';
import { checkStatuses as check, statusesOf } from '../../test/statuses.ts';

describe('instructions, tapers and switches', () => {
  it('reads an instruction to take or use a drug as active, a suggestion to try one as planned', () => {
    check([
      [
        'He was told to apply bacitracin twice a day to the wound.',
        [
          ['bacitracin', 'DRUG'],
          ['twice a day', 'FREQUENCY'],
        ],
        { bacitracin: ['active', 'told to apply'] },
      ],
      [
        'I have advised him to take Lasix 40 mg p.o. b.i.d.',
        [
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['p.o.', 'ROUTE'],
          ['b.i.d.', 'FREQUENCY'],
        ],
        { Lasix: ['active', 'advised him to take'] },
      ],
      [
        'I advised her to try melatonin for sleep.',
        [['melatonin', 'DRUG']],
        { melatonin: ['planned', 'advised her to try'] },
      ],
    ]);
  });

  it('reads a taper to come as a drug still taken, not a stop', () => {
    check([
      [
        'Plan is to taper off the oxycodone over the next month.',
        [['oxycodone', 'DRUG']],
        { oxycodone: ['active', 'Plan is to taper off the'] },
      ],
      [
        'She will continue Flomax and will wean off the Urecholine to two times daily.',
        [
          ['Flomax', 'DRUG'],
          ['Urecholine', 'DRUG'],
          ['two times daily', 'FREQUENCY'],
        ],
        { Urecholine: ['active', 'will wean off the'] },
      ],
    ]);
  });

  it('reads a course told in the past with its length, or up to an event, as stopped', () => {
    check([
      [
        'She was on Lexapro for several years.',
        [['Lexapro', 'DRUG']],
        { Lexapro: ['stopped', 'was on'] },
      ],
      [
        'She had been on hormone replacement therapy until her diagnosis.',
        [['hormone replacement therapy', 'DRUG']],
        { 'hormone replacement therapy': ['stopped', 'had been on'] },
      ],
    ]);
  });

  it('reads a drug switched away from by `which was transitioned to` as stopped', () => {
    check([
      [
        'The patient was placed on a heparin drip, which was transitioned to Lovenox at discharge.',
        [
          ['heparin', 'DRUG'],
          ['Lovenox', 'DRUG'],
        ],
        {
          heparin: ['stopped', 'which was transitioned to'],
          Lovenox: ['active', null],
        },
      ],
    ]);
    // A change of route is no switch away from the drug.
    const route = 'His pain medications were transitioned to p.o. medications rather than the PCA.';
    const statuses = statusesOf(route, [
      ['pain medications', 'DRUG'],
      ['p.o.', 'ROUTE'],
    ]);
    expect(statuses['pain medications']?.status).toBe('active');
  });
});

describe('drugs the rules used to leave at the default', () => {
  it('reads a drug to refrain from as negated, and one a plan will stop as stopped', () => {
    check([
      [
        'The patient was also advised to refrain from using any aspirin because of her hemoptysis.',
        [['aspirin', 'DRUG']],
        { aspirin: ['negated', 'refrain from using any'] },
      ],
      [
        'We will restrain from using heparin or Lovenox.',
        [
          ['heparin', 'DRUG'],
          ['Lovenox', 'DRUG'],
        ],
        {
          heparin: ['negated', 'restrain from using'],
          Lovenox: ['negated', 'restrain from using'],
        },
      ],
      [
        'Colchicine 0.6 mg daily which we are going to stop, ranitidine 150 mg as needed.',
        [
          ['Colchicine', 'DRUG'],
          ['0.6 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['ranitidine', 'DRUG'],
          ['150 mg', 'STRENGTH'],
          ['as needed', 'FREQUENCY'],
        ],
        { Colchicine: ['stopped', 'which we are going to stop'], ranitidine: ['active', null] },
      ],
    ]);
  });

  it('reads a treatment told as an event after a comma or `and` as given, a standing one as active', () => {
    check([
      [
        'Displayed some psychotic symptoms while in ICU, treated with Zyprexa and Xanax during hospitalization in 2006.',
        [
          ['Zyprexa', 'DRUG'],
          ['Xanax', 'DRUG'],
        ],
        { Zyprexa: ['stopped', 'treated with'], Xanax: ['stopped', 'treated with'] },
      ],
      [
        'The patient became febrile with 102 to 103 fever, treated with Tylenol with Codeine.',
        [['Tylenol with Codeine', 'DRUG']],
        { 'Tylenol with Codeine': ['given', 'treated with'] },
      ],
      [
        'Glaucoma treated with Xalatan drops.',
        [['Xalatan', 'DRUG']],
        { Xalatan: ['active', null] },
      ],
    ]);
  });
});

describe('a written probe of hospital and clinic prose', () => {
  it('reads a bridge, a stop for what the drug did, and a reaction after `but` as such', () => {
    check([
      [
        'He was admitted and started on IV heparin, which was bridged to warfarin prior to discharge.',
        [
          ['IV', 'ROUTE'],
          ['heparin', 'DRUG'],
          ['warfarin', 'DRUG'],
        ],
        { heparin: ['stopped', 'which was bridged to'] },
      ],
      [
        'She reports she stopped her Zoloft about a month ago because it made her feel numb.',
        [['Zoloft', 'DRUG']],
        { Zoloft: ['allergy', 'because it made her feel numb'] },
      ],
      [
        'He was previously on lisinopril but developed angioedema.',
        [['lisinopril', 'DRUG']],
        { lisinopril: ['allergy', 'but developed angioedema'] },
      ],
    ]);
  });

  it('reads a study a pause is about, and a dose to order or to get, as planned', () => {
    check([
      [
        'Please hold her Glucophage for 48 hours after the contrast study.',
        [
          ['Glucophage', 'DRUG'],
          ['for 48 hours', 'DURATION'],
          ['contrast', 'DRUG'],
        ],
        { Glucophage: ['held', 'hold'], contrast: ['planned', 'after the'] },
      ],
      [
        'We will order a repeat dose of vitamin K tonight.',
        [['vitamin K', 'DRUG']],
        { 'vitamin K': ['planned', 'will order'] },
      ],
      [
        'She will get a booster in 6 to 12 months.',
        [['booster', 'DRUG']],
        { booster: ['planned', 'will get'] },
      ],
      [
        'She might get a flu shot here in the next few weeks.',
        [['flu shot', 'DRUG']],
        { 'flu shot': ['planned', 'might get'] },
      ],
      ['He may get worse with NSAIDs.', [['NSAIDs', 'DRUG']], { NSAIDs: ['active', null] }],
      [
        'We will get a PICC line placed to complete the course of intravenous antibiotic therapy.',
        [['antibiotic', 'DRUG']],
        { antibiotic: ['active', null] },
      ],
    ]);
  });
});

describe('prose of whole notes (the twenty-sixth probe)', () => {
  it('reads doses the encounter needed as given, but not a standing need', () => {
    check([
      [
        'He did require some Ativan for agitation.',
        [['Ativan', 'DRUG']],
        { Ativan: ['given', 'did require some'] },
      ],
      [
        'He underwent adenosine Cardiolite, which revealed ST segment depression.',
        [['adenosine', 'DRUG']],
        { adenosine: ['given', 'underwent'] },
      ],
      [
        'After 90 minutes of continuous albuterol treatment, the child still has expiratory wheezes.',
        [['albuterol', 'DRUG']],
        { albuterol: ['given', 'After 90 minutes of continuous'] },
      ],
      [
        'This has required large amounts of opioid analgesics to control.',
        [['analgesics', 'DRUG']],
        { analgesics: ['active', null] },
      ],
    ]);
  });

  it('reads drugs tried or taken off together as stopped, and effects they have as an allergy', () => {
    check([
      [
        'We tried different types of combination of medications, which have included Clozaril, Risperdal, and lithium with partial response.',
        [
          ['Clozaril', 'DRUG'],
          ['Risperdal', 'DRUG'],
          ['lithium', 'DRUG'],
        ],
        {
          Clozaril: [
            'stopped',
            'tried different types of combination of medications, which have included',
          ],
          lithium: [
            'stopped',
            'tried different types of combination of medications, which have included',
          ],
        },
      ],
      [
        'She has been stable on lithium and Zyprexa and was recently taken off those medications, changed to Seroquel.',
        [
          ['lithium', 'DRUG'],
          ['Zyprexa', 'DRUG'],
          ['Seroquel', 'DRUG'],
        ],
        {
          lithium: ['stopped', 'was recently taken off those medications'],
          Zyprexa: ['stopped', 'was recently taken off those medications'],
        },
      ],
      [
        'His wife notes that the temazepam makes him groggy and disoriented at times.',
        [['temazepam', 'DRUG']],
        { temazepam: ['allergy', 'makes him groggy'] },
      ],
      [
        'She does have some abdominal discomfort with the anti-inflammatories.',
        [['anti-inflammatories', 'DRUG']],
        { 'anti-inflammatories': ['allergy', 'does have some abdominal discomfort with'] },
      ],
    ]);
  });
});

describe('prose of whole notes (the twenty-seventh probe)', () => {
  it('reads a drug changed away from, one that did not work, and one too risky to use', () => {
    check([
      [
        'I have changed his verapamil for a long acting beta-blocker, he should continue on an ACE inhibitor.',
        [
          ['verapamil', 'DRUG'],
          ['beta-blocker', 'DRUG'],
          ['ACE inhibitor', 'DRUG'],
        ],
        { verapamil: ['stopped', 'changed his'], 'beta-blocker': ['active', null] },
      ],
      [
        'The mass did not respond to suppression with norethindrone acetate.',
        [['norethindrone acetate', 'DRUG']],
        { 'norethindrone acetate': ['stopped', 'did not respond to suppression with'] },
      ],
      [
        'I believe at this time that it is too risky to use Coumadin in her case because of her age.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['negated', 'too risky to use'] },
      ],
    ]);
  });

  it('reads an order to give a drug, opening a clause, as planned, and a drug started after a stop as taken', () => {
    check([
      [
        'Hold Coumadin, give vitamin K 5 mg orally.',
        [
          ['Coumadin', 'DRUG'],
          ['vitamin K', 'DRUG'],
          ['5 mg', 'STRENGTH'],
        ],
        { Coumadin: ['held', 'Hold'], 'vitamin K': ['planned', 'give'] },
      ],
      [
        'They did not give aspirin.',
        [['aspirin', 'DRUG']],
        { aspirin: ['negated', 'did not give'] },
      ],
      [
        'Stopped Lasix and started torsemide.',
        [
          ['Lasix', 'DRUG'],
          ['torsemide', 'DRUG'],
        ],
        { Lasix: ['stopped', 'Stopped'], torsemide: ['active', 'and started'] },
      ],
    ]);
  });
});
