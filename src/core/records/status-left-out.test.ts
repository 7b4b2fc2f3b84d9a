/**
 * The status step on doses left out or put off (`was skipped`, `infusion was not performed`,
 * `cautioned about using`), vaccines had before, a plan's item named as a trial or a wish
 * (`wonders about getting`), reactions told tersely (`Rash on amoxicillin.`), and doses of a
 * procedure told with rarer words (`were then put into`, `was retreated with`, `each injection
 * of`, `was performed using`, `after bronchodilator therapy`); consent already obtained, a plan
 * joined to its verb, a treatment that `may help`, a finding the drug is causing, and a past time
 * in another clause. Found by blind draws of MTSamples drugs; each case asserts the
 * status and the cue's exact span, and the near-misses that must not change.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('doses left out or put off', () => {
  it('reads a skipped dose as held and a study drug not given as negated', () => {
    check([
      [
        'The Ixempra was skipped on day 1 and day 8.',
        [['Ixempra', 'DRUG']],
        { Ixempra: ['held', 'was skipped'] },
      ],
      [
        'Since there was no evidence for dual AV nodal pathways, isoproterenol infusion was not performed to look for SVT.',
        [['isoproterenol', 'DRUG']],
        { isoproterenol: ['negated', 'infusion was not performed'] },
      ],
      [
        'Heparin was given and the biopsy was not performed.',
        [['Heparin', 'DRUG']],
        { Heparin: ['given', 'was given'] },
      ],
    ]);
  });

  it('reads a caution against a drug as negated, not a caution about how to take it', () => {
    check([
      [
        'The patient was cautioned about using NSAIDs and told to avoid any further Chinese herbs.',
        [['NSAIDs', 'DRUG']],
        { NSAIDs: ['negated', 'cautioned about using'] },
      ],
      [
        'He was warned about taking Tylenol with alcohol.',
        [['Tylenol', 'DRUG']],
        { Tylenol: ['active', 'taking'] },
      ],
      [
        'He was cautioned about taking Motrin on an empty stomach.',
        [['Motrin', 'DRUG']],
        { Motrin: ['active', 'taking'] },
      ],
    ]);
  });
});

describe('vaccines had before', () => {
  it('reads a last or past shot as stopped, a shot of this visit as given', () => {
    check([
      [
        'The patient believes it has been over 10 years since his last tetanus shot.',
        [['tetanus', 'DRUG']],
        { tetanus: ['stopped', 'his last'] },
      ],
      ['He has had his flu shot.', [['flu', 'DRUG']], { flu: ['stopped', 'has had his'] }],
      ['He received his flu shot today.', [['flu', 'DRUG']], { flu: ['given', 'received'] }],
      [
        'His last dose of Coumadin was yesterday.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['active', null] },
      ],
    ]);
  });
});

describe("a plan's item named as a trial", () => {
  it('reads `Nexium trial.` in a plan as planned, a trial told as over as stopped', () => {
    check([
      [
        'PLAN:,1. Return for stress echo.,2. Reduce the fluid intake.,3. Nexium trial.',
        [['Nexium', 'DRUG']],
        { Nexium: ['planned', 'trial'] },
      ],
      ['She had a failed Nexium trial.', [['Nexium', 'DRUG']], { Nexium: ['stopped', 'failed'] }],
      ['Prior Nexium trial.', [['Nexium', 'DRUG']], { Nexium: ['stopped', 'Prior'] }],
      ['She is s/p Elavil trial.', [['Elavil', 'DRUG']], { Elavil: ['given', 's/p'] }],
    ]);
  });
});

describe('a wish and a reaction told tersely', () => {
  it('reads a patient wondering about a drug as planned', () => {
    check([
      [
        'He wonders about getting some nasal saline spray.',
        [['saline', 'DRUG']],
        { saline: ['planned', 'wonders about getting some'] },
      ],
      [
        'She asked if she could try Ambien.',
        [['Ambien', 'DRUG']],
        { Ambien: ['planned', 'asked if she could try'] },
      ],
      ['She asked about Ambien.', [['Ambien', 'DRUG']], { Ambien: ['active', null] }],
    ]);
  });

  it('reads a reaction at the start of a clause as an allergy, not what the drug treats', () => {
    check([
      ['Rash on amoxicillin.', [['amoxicillin', 'DRUG']], { amoxicillin: ['allergy', 'Rash on'] }],
      [
        'History of depression, panic attacks on Doxepin. Perioperative anemia.',
        [['Doxepin', 'DRUG']],
        { Doxepin: ['allergy', 'panic attacks on'] },
      ],
      [
        'Cough on lisinopril, switched to losartan.',
        [
          ['lisinopril', 'DRUG'],
          ['losartan', 'DRUG'],
        ],
        { lisinopril: ['allergy', 'Cough on'] },
      ],
      ['Hypotension on Levophed.', [['Levophed', 'DRUG']], { Levophed: ['active', null] }],
      ['Pain on Tylenol is 5/10.', [['Tylenol', 'DRUG']], { Tylenol: ['active', null] }],
      [
        'No rash on amoxicillin.',
        [['amoxicillin', 'DRUG']],
        { amoxicillin: ['active', 'No rash on'] },
      ],
    ]);
  });
});

describe('doses of a procedure told with rarer verbs', () => {
  it('reads `were then put into` and `was retreated with` as given', () => {
    check([
      [
        'Through the chest tube, 5 g of talc and 40 mg of lidocaine were then put into her right chest.',
        [
          ['talc', 'DRUG'],
          ['lidocaine', 'DRUG'],
        ],
        {
          talc: ['given', 'were then put into'],
          lidocaine: ['given', 'were then put into'],
        },
      ],
      [
        'She underwent laminectomy on 5/27/97, and was retreated with a one day course of Praziquantel.',
        [['Praziquantel', 'DRUG']],
        { Praziquantel: ['given', 'was retreated with'] },
      ],
    ]);
  });

  it('reads `each injection of` as given where the dose form is an entity of its own', () => {
    check([
      [
        'Negative drawback for blood was done prior to each injection of phenol.',
        [
          ['injection', 'FORM'],
          ['phenol', 'DRUG'],
        ],
        { phenol: ['given', 'injection of'] },
      ],
    ]);
  });

  it('does not read a large local reaction as a local anesthetic', () => {
    check([
      [
        'It may produce a large local reaction, but anti-histamines are still the mainstay of therapy for such a reaction.',
        [['anti-histamines', 'DRUG']],
        { 'anti-histamines': ['active', null] },
      ],
    ]);
  });
});

describe('consent given, a plan joined to its verb, a cause told after the drug', () => {
  it('reads a procedure after consent was obtained as given, not as a consent talk', () => {
    check([
      [
        'After informed consent was reviewed, general anesthesia was induced, initially with propofol, the existing IV.',
        [['propofol', 'DRUG']],
        { propofol: ['given', 'anesthesia'] },
      ],
      [
        'Informed consent was obtained after discussing the risks of propofol.',
        [['propofol', 'DRUG']],
        { propofol: ['planned', 'risks of'] },
      ],
    ]);
  });

  it('reads `will be placed on … and started on` as planned, `plan on restarting` as held', () => {
    check([
      [
        'She will be placed on the pneumonia pathway and started on cefuroxime to broaden her coverage.',
        [['cefuroxime', 'DRUG']],
        { cefuroxime: ['planned', 'started on'] },
      ],
      [
        'She was placed on the pneumonia pathway and started on cefuroxime.',
        [['cefuroxime', 'DRUG']],
        { cefuroxime: ['active', 'started on'] },
      ],
      [
        'We will plan on restarting Allegra and Flonase daily for the time being.',
        [
          ['Allegra', 'DRUG'],
          ['Flonase', 'DRUG'],
        ],
        { Allegra: ['held', 'plan on restarting'], Flonase: ['held', 'plan on restarting'] },
      ],
    ]);
  });

  it('reads a finding the drug is causing, or sedation due to it, as an allergy', () => {
    check([
      [
        'I am not as familiar with the NSAID causing an erosive stomatitis.',
        [['NSAID', 'DRUG']],
        { NSAID: ['allergy', 'causing an erosive stomatitis'] },
      ],
      [
        'She periodically has some difficulty to arouse due to pain medications, which she has been requesting.',
        [['pain medications', 'DRUG']],
        { 'pain medications': ['allergy', 'difficulty to arouse due to'] },
      ],
      [
        'Therapy with pyrimethamine resulted in total lesion healing.',
        [['pyrimethamine', 'DRUG']],
        { pyrimethamine: ['active', null] },
      ],
    ]);
  });

  it('does not date a home medication by a past time in the clause it explains', () => {
    check([
      [
        'I suspect that the patient has had strokes in the past because he was taking aspirin and Plavix at home.',
        [
          ['aspirin', 'DRUG'],
          ['Plavix', 'DRUG'],
        ],
        { aspirin: ['active', 'was taking'], Plavix: ['active', 'was taking'] },
      ],
      [
        'She was on Lexapro in 2005 because of depression.',
        [['Lexapro', 'DRUG']],
        { Lexapro: ['stopped', 'was on'] },
      ],
    ]);
  });
});

describe('a study done using a drug, a dose told by what followed, a treatment that may help', () => {
  it('reads `was performed using` and `after bronchodilator therapy` as given', () => {
    check([
      [
        'However, a colposcopy was performed using acetic acid, which showed a thick acetowhite ring.',
        [['acetic acid', 'DRUG']],
        { 'acetic acid': ['given', 'was performed using'] },
      ],
      [
        'Small improvement is noted in the airflows after bronchodilator therapy.',
        [['bronchodilator', 'DRUG']],
        { bronchodilator: ['given', 'therapy'] },
      ],
      [
        'Her hearing returned 2-3 months after the vincristine therapy was discontinued.',
        [['vincristine', 'DRUG']],
        { vincristine: ['stopped', 'was discontinued'] },
      ],
    ]);
  });

  it('reads a treatment that may help as planned, not a study that may help to explain', () => {
    check([
      [
        'I believe that in addition, the steroid injections may help expedite her desire to decrease her medications.',
        [['steroid', 'DRUG']],
        { steroid: ['planned', 'injections may help'] },
      ],
      [
        'Studies of porphyrin metabolism in patients treated with cyclophosphamide may help to elucidate this possibility.',
        [['cyclophosphamide', 'DRUG']],
        { cyclophosphamide: ['active', null] },
      ],
    ]);
  });
});

describe('a dose dripped or added to the fluids, a use precluded, a state the drug left', () => {
  it('reads `was dripped` and `was added to his IV fluids` as given', () => {
    check([
      [
        'A small amount of Celestone was dripped onto the nerve to help quiet it down.',
        [['Celestone', 'DRUG']],
        { Celestone: ['given', 'was dripped'] },
      ],
      [
        "Pitocin was added to the patient's IV fluids.",
        [['Pitocin', 'DRUG']],
        { Pitocin: ['given', "was added to the patient's IV"] },
      ],
    ]);
  });

  it('reads `precluding the use of` as negated and a drug that left her somnolent as an allergy', () => {
    check([
      [
        'Remote history of subdural hematoma precluding the use of Coumadin.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['negated', 'precluding the use of'] },
      ],
      [
        'She is somnolent from her pain medications, but arouses easily.',
        [['pain medications', 'DRUG']],
        { 'pain medications': ['allergy', 'somnolent from her'] },
      ],
      ['She is sedated on propofol.', [['propofol', 'DRUG']], { propofol: ['active', null] }],
    ]);
  });

  it('reads a treatment attempted before as a past course', () => {
    check([
      [
        'He attempted conservative treatment, which includes cortisone and Synvisc.',
        [
          ['cortisone', 'DRUG'],
          ['Synvisc', 'DRUG'],
        ],
        {
          cortisone: ['stopped', 'attempted conservative treatment, which includes'],
          Synvisc: ['stopped', 'attempted conservative treatment, which includes'],
        },
      ],
    ]);
  });
});
