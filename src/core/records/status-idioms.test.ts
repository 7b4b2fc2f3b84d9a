/**
 * The status step on prose that names no usual cue (written probes, gold/status-probes.jsonl
 * `probe-p28-…` to `probe-p30-…`): a finding that answered to a dose, a drug weighed for later,
 * a stop or a refusal told in everyday words. Each case asserts the status and the cue's exact
 * span, and the sentences that must not change (a course that goes on, a dose changed, a trial
 * that failed before a list).
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('prose that names no usual cue', () => {
  it('reads a finding that answered to a dose as given', () => {
    check([
      [
        'His blood pressure improved with IV labetalol.',
        [
          ['IV', 'ROUTE'],
          ['labetalol', 'DRUG'],
        ],
        { labetalol: ['given', 'improved with'] },
      ],
      [
        'The agitation settled after 2 mg of Haldol.',
        [
          ['2 mg', 'STRENGTH'],
          ['Haldol', 'DRUG'],
        ],
        { Haldol: ['given', 'settled after'] },
      ],
      [
        'His fever broke after Tylenol.',
        [['Tylenol', 'DRUG']],
        { Tylenol: ['given', 'broke after'] },
      ],
      [
        'She responded well to IV steroids and was discharged on a prednisone taper.',
        [
          ['IV', 'ROUTE'],
          ['steroids', 'DRUG'],
          ['prednisone', 'DRUG'],
        ],
        { steroids: ['given', 'responded well to'], prednisone: ['active', 'discharged on'] },
      ],
      [
        'Chest pain was relieved by sublingual nitroglycerin.',
        [
          ['sublingual', 'ROUTE'],
          ['nitroglycerin', 'DRUG'],
        ],
        { nitroglycerin: ['given', 'was relieved by'] },
      ],
    ]);
  });

  it('keeps a course that goes on, a dose changed, or a dose that did not help, as before', () => {
    check([
      [
        'Depression probably somewhat improved with Lexapro and she will just continue that.',
        [['Lexapro', 'DRUG']],
        { Lexapro: ['active', 'improved with'] },
      ],
      [
        'Chronic renal insufficiency, improved with reduction in dose of Bumex over time.',
        [['Bumex', 'DRUG']],
        { Bumex: ['active', null] },
      ],
      [
        'He began having new seizures that have not responded to higher doses of Lamictal.',
        [['Lamictal', 'DRUG']],
        { Lamictal: ['active', null] },
      ],
      [
        'Her Coumadin was reversed with fresh frozen plasma and vitamin K.',
        [
          ['Coumadin', 'DRUG'],
          ['fresh frozen plasma', 'DRUG'],
          ['vitamin K', 'DRUG'],
        ],
        { Coumadin: ['stopped', 'was reversed'], 'vitamin K': ['given', 'with'] },
      ],
    ]);
  });

  it('reads a drug weighed for later as planned, right before or after the words', () => {
    check([
      [
        'If her pain worsens, gabapentin is an option.',
        [['gabapentin', 'DRUG']],
        { gabapentin: ['planned', 'is an option'] },
      ],
      [
        'Should her A1c stay above 8, insulin will be the next step.',
        [['insulin', 'DRUG']],
        { insulin: ['planned', 'will be the next step'] },
      ],
      [
        'Her cardiologist wants her on Eliquis after the ablation.',
        [['Eliquis', 'DRUG']],
        { Eliquis: ['planned', 'wants her on'] },
      ],
      [
        'We will see whether the Flomax helps before adding finasteride.',
        [
          ['Flomax', 'DRUG'],
          ['finasteride', 'DRUG'],
        ],
        { Flomax: ['active', null], finasteride: ['planned', 'before adding'] },
      ],
      [
        'Once her kidney function recovers, metformin can go back on.',
        [['metformin', 'DRUG']],
        { metformin: ['held', 'can go back on'] },
      ],
      [
        'Then another physician switched her to Wellbutrin in the hope that this would help her quit smoking.',
        [['Wellbutrin', 'DRUG']],
        { Wellbutrin: ['active', 'switched her to'] },
      ],
    ]);
  });

  it('reads stops and refusals told in everyday words', () => {
    check([
      [
        'She has never needed insulin.',
        [['insulin', 'DRUG']],
        { insulin: ['negated', 'never needed'] },
      ],
      [
        'Aspirin is not an option given her bleeding ulcer.',
        [['Aspirin', 'DRUG']],
        { Aspirin: ['negated', 'is not an option'] },
      ],
      [
        'Both Lyrica and Cymbalta failed.',
        [
          ['Lyrica', 'DRUG'],
          ['Cymbalta', 'DRUG'],
        ],
        { Lyrica: ['stopped', 'failed'], Cymbalta: ['stopped', 'failed'] },
      ],
      [
        'He failed several medication trials including valproic acid, Topamax, and Zonegran.',
        [
          ['valproic acid', 'DRUG'],
          ['Topamax', 'DRUG'],
          ['Zonegran', 'DRUG'],
        ],
        { Topamax: ['stopped', 'failed'], Zonegran: ['stopped', 'failed'] },
      ],
      [
        'Zoloft was traded for Wellbutrin because of weight gain.',
        [
          ['Zoloft', 'DRUG'],
          ['Wellbutrin', 'DRUG'],
        ],
        { Zoloft: ['allergy', 'because of weight gain'] },
      ],
      [
        'He gave up on the CPAP and the Ambien.',
        [['Ambien', 'DRUG']],
        { Ambien: ['stopped', 'gave up on the'] },
      ],
      [
        'He has been without his Eliquis since the bleed.',
        [['Eliquis', 'DRUG']],
        { Eliquis: ['stopped', 'has been without his'] },
      ],
      [
        'The patient has yet to start the Synthroid.',
        [['Synthroid', 'DRUG']],
        { Synthroid: ['negated', 'has yet to start the'] },
      ],
      [
        'Statins have been avoided because of prior myositis.',
        [['Statins', 'DRUG']],
        { Statins: ['allergy', 'because of prior myositis'] },
      ],
    ]);
  });
});

describe('home use, an emergency visit and a follow-up', () => {
  it('reads the cause after a drug taken or started as what it is for, not a reaction', () => {
    check([
      [
        'She takes Lasix because of leg swelling.',
        [['Lasix', 'DRUG']],
        { Lasix: ['active', 'takes'] },
      ],
      [
        'She was also placed on IV Reglan because of nausea and vomiting.',
        [
          ['IV', 'ROUTE'],
          ['Reglan', 'DRUG'],
        ],
        { Reglan: ['active', 'placed on'] },
      ],
      [
        'She doubled up on her Lasix yesterday because of the swelling.',
        [['Lasix', 'DRUG']],
        { Lasix: ['active', 'doubled up on her'] },
      ],
      [
        'Lasix was stopped because of hypotension.',
        [['Lasix', 'DRUG']],
        { Lasix: ['allergy', 'because of hypotension'] },
      ],
      [
        'Cough due to lisinopril, changed to losartan.',
        [
          ['lisinopril', 'DRUG'],
          ['losartan', 'DRUG'],
        ],
        { lisinopril: ['allergy', 'Cough due to'], losartan: ['active', 'changed to'] },
      ],
      [
        'He quit taking the Lipitor because it made his legs ache.',
        [['Lipitor', 'DRUG']],
        { Lipitor: ['allergy', 'because it made his legs ache'] },
      ],
    ]);
  });

  it('reads an emergency visit: felt better after, left with, left before receiving', () => {
    check([
      [
        'She felt better after IV fluids and Zofran.',
        [
          ['IV fluids', 'DRUG'],
          ['Zofran', 'DRUG'],
        ],
        { 'IV fluids': ['given', 'felt better after'], Zofran: ['given', 'felt better after'] },
      ],
      [
        'She declined narcotics and left with ibuprofen.',
        [
          ['narcotics', 'DRUG'],
          ['ibuprofen', 'DRUG'],
        ],
        { narcotics: ['negated', 'declined'], ibuprofen: ['active', 'left with'] },
      ],
      [
        'She left AMA before receiving the ceftriaxone.',
        [['ceftriaxone', 'DRUG']],
        { ceftriaxone: ['negated', 'left AMA before receiving the'] },
      ],
      [
        'Ativan was needed twice for agitation.',
        [
          ['Ativan', 'DRUG'],
          ['twice', 'FREQUENCY'],
        ],
        { Ativan: ['given', 'was needed'] },
      ],
    ]);
  });

  it('reads a follow-up: a trial, a restart done, a dose changed, a course from last week', () => {
    check([
      [
        'She tried Vivelle patches for a week but they would not stay on.',
        [
          ['Vivelle', 'DRUG'],
          ['patches', 'FORM'],
          ['for a week', 'DURATION'],
        ],
        { Vivelle: ['stopped', 'tried'] },
      ],
      [
        'Her oncologist restarted tamoxifen after the surgery.',
        [['tamoxifen', 'DRUG']],
        { tamoxifen: ['active', 'restarted'] },
      ],
      [
        'Plaquenil was held for two weeks during the infection and is back on now.',
        [['Plaquenil', 'DRUG']],
        { Plaquenil: ['active', 'held'] },
      ],
      [
        'The vitamin D was switched to a weekly dose.',
        [['vitamin D', 'DRUG']],
        { 'vitamin D': ['active', 'was switched to'] },
      ],
      [
        'Her edema improved with Lasix 40 mg daily.',
        [
          ['Lasix', 'DRUG'],
          ['40 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Lasix: ['active', 'improved with'] },
      ],
      [
        'Swelling improved after Lasix was increased.',
        [['Lasix', 'DRUG']],
        { Lasix: ['active', 'improved after'] },
      ],
      [
        'Her pain improved with the gabapentin we started in May.',
        [['gabapentin', 'DRUG']],
        { gabapentin: ['active', 'improved with'] },
      ],
      [
        'The antibiotic from last week cleared the infection.',
        [['antibiotic', 'DRUG']],
        { antibiotic: ['stopped', 'last week'] },
      ],
      [
        'Her Synthroid dose was adjusted last week and she feels better.',
        [['Synthroid', 'DRUG']],
        { Synthroid: ['active', 'was adjusted'] },
      ],
    ]);
  });
});
