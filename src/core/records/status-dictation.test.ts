/**
 * The status step on dictated American clinic and hospital notes (part K, probe ml23): a drug to be
 * held after `except for`, the drug a new one is added to, a start joined to a planned stop, a
 * course not taken for weeks, a premedication for this study after a past reaction (ml23); a hold
 * to come, a pause told as preparation, a vaccine never had or had in a past month, a decision
 * about starting, a drug tapered off (ml24); advice against a drug, a taper to come, a side
 * effect before the stop, a switch after the patient did well (ml25); a past rash, a trial not
 * successful, the next drug to try, a route changed (ml26); shots had before, a past age or
 * visit, a procedure named after `prior` (part L); a past list, refills, an option discussed
 * (ml28). Hospital courses: ./status-hospital-course.test.ts.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('dictated clinic and hospital notes', () => {
  it('reads a drug kept out of a resumed list, and the drug a new one is added to', () => {
    check([
      [
        'Resume all home medications except for glipizide, which should be held until she follows up with Dr. X.',
        [['glipizide', 'DRUG']],
        { glipizide: ['held', 'which should be held'] },
      ],
      [
        'We will go ahead and add hydrochlorothiazide 25 mg daily to his lisinopril.',
        [
          ['hydrochlorothiazide', 'DRUG'],
          ['25 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
          ['lisinopril', 'DRUG'],
        ],
        {
          hydrochlorothiazide: ['planned', 'will go ahead and add'],
          lisinopril: ['active', 'to his'],
        },
      ],
      [
        'We are going to stop the Zantac and put her on Prilosec 20 mg daily instead.',
        [
          ['Zantac', 'DRUG'],
          ['Prilosec', 'DRUG'],
          ['20 mg', 'STRENGTH'],
          ['daily', 'FREQUENCY'],
        ],
        { Zantac: ['stopped', 'stop'], Prilosec: ['planned', 'put her on'] },
      ],
    ]);
  });

  it('reads a course not taken for weeks as over, and noncompliance alone as still prescribed', () => {
    check([
      [
        'The patient has been noncompliant with his insulin for the past several weeks.',
        [['insulin', 'DRUG']],
        { insulin: ['stopped', 'noncompliant with his'] },
      ],
      [
        'The patient has been noncompliant with her insulin.',
        [['insulin', 'DRUG']],
        { insulin: ['active', null] },
      ],
    ]);
  });

  it("reads a premedication for this study as given, a past reaction's time notwithstanding", () => {
    check([
      [
        'She had a reaction to contrast in the past with hives and was premedicated with prednisone and Benadryl prior to the study.',
        [
          ['contrast', 'DRUG'],
          ['prednisone', 'DRUG'],
          ['Benadryl', 'DRUG'],
        ],
        {
          contrast: ['allergy', 'had a reaction to'],
          prednisone: ['given', 'was premedicated with'],
          Benadryl: ['given', 'was premedicated with'],
        },
      ],
      [
        'In 2015 she was premedicated with prednisone prior to the study.',
        [['prednisone', 'DRUG']],
        { prednisone: ['stopped', 'was premedicated with'] },
      ],
      [
        'She had a DVT in 2005 and was treated with Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['stopped', 'was treated with'] },
      ],
    ]);
  });

  it('reads a hold to come with its restart, and a pause for a procedure told as preparation', () => {
    check([
      [
        'Because of the elevated INR, her Coumadin will be held tonight and restarted at a lower dose tomorrow.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'held'] },
      ],
      [
        'Coumadin was held on admission and restarted at discharge.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', 'held'] },
      ],
      [
        'He has been off Plavix for 7 days in preparation for the procedure.',
        [['Plavix', 'DRUG']],
        { Plavix: ['held', 'off'] },
      ],
    ]);
  });

  it('reads a vaccine never had, a reaction never had, a vaccine had in a past month', () => {
    check([
      [
        'He has never had a pneumococcal vaccine.',
        [['pneumococcal vaccine', 'DRUG']],
        { 'pneumococcal vaccine': ['negated', 'never had a'] },
      ],
      [
        'He never had a reaction to penicillin.',
        [['penicillin', 'DRUG']],
        { penicillin: ['active', null] },
      ],
      [
        'He had a reaction to penicillin.',
        [['penicillin', 'DRUG']],
        { penicillin: ['allergy', 'had a reaction to'] },
      ],
      [
        'He received his influenza vaccine in October.',
        [['influenza vaccine', 'DRUG']],
        { 'influenza vaccine': ['stopped', 'received'] },
      ],
    ]);
  });

  it('reads a decision about starting a drug as a plan, and a drug tapered off as stopped', () => {
    check([
      [
        'We recommend continuing Eliquis and will defer the decision about starting amiodarone to cardiology.',
        [
          ['Eliquis', 'DRUG'],
          ['amiodarone', 'DRUG'],
        ],
        {
          Eliquis: ['active', 'continuing'],
          amiodarone: ['planned', 'decision about starting'],
        },
      ],
      [
        'She was seen by Dr. Y, who felt that the Neurontin was not helping, and it was tapered off.',
        [['Neurontin', 'DRUG']],
        { Neurontin: ['stopped', 'it was tapered off'] },
      ],
    ]);
  });

  it('reads an advice against a drug, a taper to come, and a side effect before a stop', () => {
    check([
      [
        'Given his history of GI bleed, I would not recommend NSAIDs.',
        [['NSAIDs', 'DRUG']],
        { NSAIDs: ['negated', 'would not recommend'] },
      ],
      [
        'I would not recommend stopping aspirin.',
        [['aspirin', 'DRUG']],
        { aspirin: ['active', 'stopping'] },
      ],
      [
        'We do not suggest that epidural steroid therapy is the treatment of choice.',
        [['steroid', 'DRUG']],
        { steroid: ['active', null] },
      ],
      [
        'The patient will continue on Keppra and will be weaned off Dilantin over the next 2 weeks.',
        [
          ['Keppra', 'DRUG'],
          ['Dilantin', 'DRUG'],
        ],
        { Keppra: ['active', 'continue on'], Dilantin: ['active', 'will be weaned off'] },
      ],
      [
        'He had an episode of hypoglycemia on glyburide, which was then discontinued.',
        [['glyburide', 'DRUG']],
        { glyburide: ['allergy', 'had an episode of hypoglycemia on'] },
      ],
      [
        'Postoperatively, she did well and was transitioned to oral Percocet on postoperative day 1.',
        [
          ['oral', 'ROUTE'],
          ['Percocet', 'DRUG'],
        ],
        { Percocet: ['active', 'transitioned to'] },
      ],
    ]);
  });

  it('reads a past rash a drug gave, a trial not successful, the next drug to try, a route changed', () => {
    check([
      [
        'In the past, Bactrim has given her a rash.',
        [['Bactrim', 'DRUG']],
        { Bactrim: ['allergy', 'has given her a rash'] },
      ],
      [
        'A trial of Ritalin in the second grade was not successful.',
        [['Ritalin', 'DRUG']],
        { Ritalin: ['stopped', 'was not successful'] },
      ],
      [
        'Topical corticosteroids had been ineffective.',
        [['corticosteroids', 'DRUG']],
        { corticosteroids: ['stopped', 'had been ineffective'] },
      ],
      [
        'Neurontin has been ineffective so far.',
        [['Neurontin', 'DRUG']],
        { Neurontin: ['active', null] },
      ],
      [
        'I would recommend that she stop the Ambien and try melatonin instead.',
        [
          ['Ambien', 'DRUG'],
          ['melatonin', 'DRUG'],
        ],
        { Ambien: ['stopped', 'stop'], melatonin: ['planned', 'and try'] },
      ],
      [
        'She stopped the Ambien and tried melatonin.',
        [
          ['Ambien', 'DRUG'],
          ['melatonin', 'DRUG'],
        ],
        { melatonin: ['stopped', 'tried'] },
      ],
      [
        "The patient's Dilaudid PCA was converted to oral Dilaudid today.",
        [
          ['Dilaudid', 'DRUG'],
          ['PCA', 'FORM'],
        ],
        { Dilaudid: ['active', 'was converted to'] },
      ],
      [
        'Heparin was converted to Coumadin.',
        [
          ['Heparin', 'DRUG'],
          ['Coumadin', 'DRUG'],
        ],
        { Heparin: ['stopped', 'was converted to'] },
      ],
    ]);
  });

  it('reads shots had before, a past age or visit, a procedure named after prior (part L)', () => {
    check([
      [
        'By history she has had two cortisone shots.',
        [
          ['cortisone', 'DRUG'],
          ['shots', 'FORM'],
        ],
        { cortisone: ['stopped', 'has had two'] },
      ],
      [
        'He is bottle fed and he has had his hepatitis B vaccine.',
        [['hepatitis B vaccine', 'DRUG']],
        { 'hepatitis B vaccine': ['stopped', 'has had his'] },
      ],
      ['He has had his Lovenox today.', [['Lovenox', 'DRUG']], { Lovenox: ['active', null] }],
      [
        'At age 14, she took too many aspirin.',
        [['aspirin', 'DRUG']],
        { aspirin: ['stopped', 'took'] },
      ],
      [
        'He was last seen, 6/19/95, and was taking Dilantin and Tegretol.',
        [
          ['Dilantin', 'DRUG'],
          ['Tegretol', 'DRUG'],
        ],
        { Dilantin: ['stopped', 'was taking'], Tegretol: ['stopped', 'was taking'] },
      ],
      [
        'Chronic atrial fibrillation with prior ablation done on Coumadin treatment.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', null] },
      ],
      ['Prior Coumadin use.', [['Coumadin', 'DRUG']], { Coumadin: ['stopped', 'Prior'] }],
      [
        'The bone flap was placed aside and soaked in the bacitracin solution.',
        [['bacitracin', 'DRUG']],
        { bacitracin: ['given', 'soaked'] },
      ],
    ]);
  });

  it('reads a past list, refills, a prescription not filled, an option discussed (ml28)', () => {
    check([
      [
        'Medications at that time were Dilantin and phenobarbital.',
        [
          ['Dilantin', 'DRUG'],
          ['phenobarbital', 'DRUG'],
        ],
        {
          Dilantin: ['stopped', 'Medications at that time were'],
          phenobarbital: ['stopped', 'Medications at that time were'],
        },
      ],
      [
        'Refills were given for his Norvasc and hydrochlorothiazide.',
        [
          ['Norvasc', 'DRUG'],
          ['hydrochlorothiazide', 'DRUG'],
        ],
        {
          Norvasc: ['active', 'Refills were given for his'],
          hydrochlorothiazide: ['active', 'Refills were given for his'],
        },
      ],
      [
        'She has not filled the prescription for Chantix yet.',
        [['Chantix', 'DRUG']],
        { Chantix: ['negated', 'has not filled the prescription for'] },
      ],
      [
        'We discussed Botox injections as a possible option in the future.',
        [['Botox', 'DRUG']],
        { Botox: ['planned', 'discussed'] },
      ],
      [
        'His Keflex has been completed.',
        [['Keflex', 'DRUG']],
        { Keflex: ['stopped', 'has been completed'] },
      ],
    ]);
  });
});
