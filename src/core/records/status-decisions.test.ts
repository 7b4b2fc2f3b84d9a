/**
 * The status step on decisions about a drug told in a note's plan or hospital course: a drug not
 * recommended, not discharged on, decided or advised against, not a good candidate for, not
 * required (`negated`); withheld, or not to take the morning of surgery (`held`); plans told as
 * what is to be (`is to be started on`, `will arrange for`, `Definitive treatment would be`,
 * `Options discussed included`, `wishes to try`, `will switch her from … to`, `to discuss`:
 * `planned`). Found by batteries of everyday phrasings; each case asserts the cue's exact span. A
 * drug on hand but not needed lately (`has not needed his rescue inhaler`) stays taken, as does the
 * drug a plan switches away from and a drug only named near `to discuss`.
 */
import { describe, it } from 'vitest';
import { expectStatusOf, type OneDrugCase } from '../../test/statuses.ts';

describe('decisions not to give a drug, pauses and plans', () => {
  it.each<OneDrugCase>([
    ['Statins were not recommended.', 'Statins', 'negated', 'were not recommended'],
    [
      'He was not discharged on aspirin because of his bleed.',
      'aspirin',
      'negated',
      'was not discharged on',
    ],
    ['We decided against starting Humira.', 'Humira', 'negated', 'decided against starting'],
    ['She was advised against taking Advil.', 'Advil', 'negated', 'advised against taking'],
    [
      'She saw an orthopedic surgeon who suggested some antiinflammatories.',
      'antiinflammatories',
      'planned',
      'who suggested',
    ],
    ['Dr. Smith suggested Flexeril.', 'Flexeril', 'planned', 'Dr. Smith suggested'],
    ['I would like to see her try Flonase.', 'Flonase', 'planned', 'like to see her try'],
    ['He is going to think about starting a statin.', 'statin', 'planned', 'think about starting'],
    [
      'The plan at this time is for chemotherapy with cisplatin.',
      'cisplatin',
      'planned',
      'plan at this time is for',
    ],
    [
      'Potential future therapy includes Humira.',
      'Humira',
      'planned',
      'Potential future therapy includes',
    ],
    [
      'An ACE inhibitor should be started once her creatinine stabilizes.',
      'ACE inhibitor',
      'planned',
      'should be started',
    ],
    ['Lovenox bridge planned for the procedure.', 'Lovenox', 'planned', 'planned for'],
    ['A total of 400 units of Botox is anticipated.', 'Botox', 'planned', 'is anticipated'],
    ['Her Coumadin level is expected in the morning.', 'Coumadin', 'active', null],
    [
      'Heparin is expected to be started tonight.',
      'Heparin',
      'planned',
      'is expected to be started',
    ],
    [
      'She would probably benefit by vitamin D supplementation.',
      'vitamin D',
      'planned',
      'would probably benefit by',
    ],
    [
      'We will place this patient on IV ampicillin.',
      'ampicillin',
      'planned',
      'will place this patient on',
    ],
    [
      'Nimesulide should be added to the list of agents associated with this reaction.',
      'Nimesulide',
      'active',
      null,
    ],
    ['They suggest that lithium can precipitate this syndrome.', 'lithium', 'active', null],
    [
      'I cautioned him against the use of Sudafed.',
      'Sudafed',
      'negated',
      'cautioned him against the use of',
    ],
    [
      'He was not a good candidate for Coumadin due to falls.',
      'Coumadin',
      'negated',
      'not a good candidate for',
    ],
    ['She has not required any insulin.', 'insulin', 'negated', 'has not required any'],
    ['Antibiotics were withheld pending cultures.', 'Antibiotics', 'held', 'withheld'],
    [
      'She was told not to take her metformin the morning of surgery.',
      'metformin',
      'held',
      'not to take',
    ],
    [
      'He has not needed his rescue inhaler since the last visit.',
      'rescue inhaler',
      'active',
      null,
    ],
    ['He is to be started on Lovenox tomorrow.', 'Lovenox', 'planned', 'is to be started on'],
    ['We will arrange for home IV vancomycin.', 'vancomycin', 'planned', 'will arrange for'],
    [
      'Definitive treatment would be surgery versus radiation with concurrent cisplatin.',
      'cisplatin',
      'planned',
      'Definitive treatment would be',
    ],
    [
      'Options discussed included observation, steroid injection, or surgery.',
      'steroid',
      'planned',
      'Options discussed included',
    ],
    ['He wishes to try Chantix to quit smoking.', 'Chantix', 'planned', 'wishes to try'],
    ['We will switch her from Norvasc to lisinopril.', 'lisinopril', 'planned', 'from Norvasc to'],
    ['We will switch her from Norvasc to lisinopril.', 'Norvasc', 'active', 'will switch her'],
    [
      'Patient will follow up with oncology to discuss tamoxifen.',
      'tamoxifen',
      'planned',
      'to discuss',
    ],
    [
      'I need to discuss with her doctor the workup of her vitamin B12 deficiency.',
      'vitamin B12',
      'active',
      null,
    ],
    [
      'Initially, DSCG had helped to control his asthma, and steroid therapy could be discontinued.',
      'steroid',
      'stopped',
      'discontinued',
    ],
    ['Diabetes type II, not treated with insulin.', 'insulin', 'negated', 'not treated with'],
    [
      'At this stage, we are thinking of using Accutane at that point.',
      'Accutane',
      'planned',
      'are thinking of using',
    ],
    [
      'Indomethacin was suggested to improve BP in future.',
      'Indomethacin',
      'planned',
      'was suggested',
    ],
    [
      'Prednisone was suggested by her rheumatologist, and she takes it daily.',
      'Prednisone',
      'active',
      null,
    ],
    [
      'Prophylaxis. Will institute low molecular weight heparin and follow activity levels.',
      'heparin',
      'planned',
      'Will institute',
    ],
    [
      'The best way to proceed would be to first try this child on a nasal corticosteroid.',
      'corticosteroid',
      'planned',
      'to first try this child on',
    ],
    [
      'Your doctor can prescribe a stronger topical antifungal medication if necessary.',
      'antifungal medication',
      'planned',
      'doctor can prescribe',
    ],
    ['We will have her try Zyrtec.', 'Zyrtec', 'planned', 'will have her try'],
    [
      'Other medication options would include Keppra, Zonegran or Lamictal.',
      'Zonegran',
      'planned',
      'medication options would include',
    ],
    [
      'We discussed treatment options such as bedrest and tocolytic medications.',
      'tocolytic medications',
      'planned',
      'treatment options such as',
    ],
    [
      "She is well appearing and we'll try Tylenol with codeine for her pain.",
      'Tylenol with codeine',
      'planned',
      "'ll try",
    ],
    ['Administer Pneumovax if indicated.', 'Pneumovax', 'planned', 'Administer'],
    ['Potassium should be replaced.', 'Potassium', 'planned', 'should be replaced'],
    ['Another option will be to use loratadine.', 'loratadine', 'planned', 'option will be to use'],
    [
      'Even though she has been exposed to HPV, Gardasil would still be beneficial in this patient.',
      'Gardasil',
      'planned',
      'would still be beneficial',
    ],
    [
      'Dr. S agrees that Imitrex is an acceptable alternative for migraine headaches.',
      'Imitrex',
      'planned',
      'is an acceptable alternative',
    ],
    [
      'If his conduction becomes excessive, occasional diltiazem would be appropriate.',
      'diltiazem',
      'planned',
      'would be appropriate',
    ],
    [
      'His PCP has made it clear that he is unwilling to prescribe opiate medication.',
      'opiate medication',
      'negated',
      'is unwilling to prescribe',
    ],
    [
      'The patient asked me about antibiotics and I did not see a need to do this.',
      'antibiotics',
      'negated',
      'I did not see a need to do this',
    ],
    ['Needs vaccination for influenza and pneumonia.', 'vaccination', 'planned', 'Needs'],
    [
      'She needs replacement with ergocalciferol.',
      'ergocalciferol',
      'planned',
      'needs replacement with',
    ],
    ['He needs his insulin every morning.', 'insulin', 'active', null],
    [
      'Chest pain protocol with a stress thallium that will be done in the morning.',
      'thallium',
      'planned',
      'will be done',
    ],
    ['Coumadin should be held for the procedure.', 'Coumadin', 'held', 'held'],
    [
      'We had intended to send her home with oral antibiotics; however, she was pancytopenic.',
      'antibiotics',
      'negated',
      'had intended to send her home with',
    ],
    [
      'We had planned to start him on Lasix but his creatinine rose.',
      'Lasix',
      'negated',
      'had planned to start him on',
    ],
    ['The next step would be Humira.', 'Humira', 'planned', 'The next step would be'],
    [
      'We will go ahead and order a Medrol Dosepak.',
      'Medrol Dosepak',
      'planned',
      'will go ahead and order',
    ],
    ['We will get her started on insulin.', 'insulin', 'planned', 'will get her started on'],
    [
      'The plan is to transition him to oral Keppra.',
      'Keppra',
      'planned',
      'plan is to transition him to',
    ],
  ])('%s → %s %s', (...row) => expectStatusOf(row));
});
