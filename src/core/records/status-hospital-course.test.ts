/**
 * The status step on dictated hospital courses (MTSamples drugs left uncued, probe ml27): a course to
 * be continued, a treatment for a named illness, a drug we instituted, an organism's sensitivity
 * (no allergy), drips and repletions of the stay, a stop for a harm told first; discharge
 * instructions (ml29); an emergency course (ml30).
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('dictated hospital courses', () => {
  it('reads a course to be continued, a treatment for a named illness, a drug we instituted', () => {
    check([
      [
        'She will be continued on antibiotics secondary to fever.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['active', 'continued on'] },
      ],
      [
        'Keppra will be continued.',
        [['Keppra', 'DRUG']],
        { Keppra: ['active', 'will be continued'] },
      ],
      [
        'He was treated for a UTI with amoxicillin.',
        [['amoxicillin', 'DRUG']],
        { amoxicillin: ['given', 'was treated for a UTI with'] },
      ],
      [
        'Because of the need for O2, we instituted albuterol aerosols every 6 hours.',
        [
          ['albuterol', 'DRUG'],
          ['every 6 hours', 'FREQUENCY'],
        ],
        { albuterol: ['active', 'instituted'] },
      ],
    ]);
  });

  it("reads a hospital course: an organism's sensitivity, drips, repletions, a stop for a harm (ml27)", () => {
    check([
      [
        'Cultures grew E. coli sensitive to ceftriaxone, and she was discharged to complete a 14-day course.',
        [['ceftriaxone', 'DRUG']],
        { ceftriaxone: ['active', null] },
      ],
      [
        'She is sensitive to codeine.',
        [['codeine', 'DRUG']],
        { codeine: ['allergy', 'sensitive to'] },
      ],
      [
        'Because of bradycardia, his metoprolol dose was decreased and then stopped altogether.',
        [['metoprolol', 'DRUG']],
        { metoprolol: ['allergy', 'Because of bradycardia'] },
      ],
      [
        'Her amiodarone was stopped by cardiology because of abnormal thyroid tests.',
        [['amiodarone', 'DRUG']],
        { amiodarone: ['allergy', 'because of abnormal thyroid tests'] },
      ],
      [
        'She received two units of packed red blood cells and was placed on a Protonix drip.',
        [
          ['Protonix', 'DRUG'],
          ['drip', 'FORM'],
        ],
        { Protonix: ['given', 'placed on'] },
      ],
      [
        'She remained on Lovenox for DVT prophylaxis during her stay.',
        [['Lovenox', 'DRUG']],
        { Lovenox: ['given', 'remained on'] },
      ],
      [
        'He was on a nitroglycerin drip in the ICU for the first 24 hours.',
        [['nitroglycerin', 'DRUG']],
        { nitroglycerin: ['given', 'was on'] },
      ],
      [
        'Magnesium and potassium were repleted as needed.',
        [
          ['Magnesium', 'DRUG'],
          ['potassium', 'DRUG'],
        ],
        { Magnesium: ['given', 'were repleted'], potassium: ['given', 'were repleted'] },
      ],
      [
        'The patient initially refused Haldol but later accepted Zyprexa Zydis.',
        [
          ['Haldol', 'DRUG'],
          ['Zyprexa', 'DRUG'],
        ],
        { Haldol: ['negated', 'refused'], Zyprexa: ['given', 'later accepted'] },
      ],
      [
        'He will follow up with his primary care physician, who will decide whether to restart his lisinopril.',
        [['lisinopril', 'DRUG']],
        { lisinopril: ['held', 'restart'] },
      ],
    ]);
  });

  it('reads discharge instructions: a stop for now, a start for a case to come (ml29)', () => {
    check([
      [
        'Your Coumadin has been stopped for now; Dr. Smith will tell you when to start it again.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'has been stopped'] },
      ],
      [
        'Start Senna 2 tablets at bedtime if you have not had a bowel movement in 2 days.',
        [
          ['Senna', 'DRUG'],
          ['2 tablets', 'DOSAGE'],
          ['at bedtime', 'FREQUENCY'],
        ],
        { Senna: ['active', 'Start'] },
      ],
      ['Start Lasix 40 mg daily.', [['Lasix', 'DRUG']], { Lasix: ['planned', 'Start'] }],
    ]);
  });

  it('reads an emergency course: a named cocktail, a dose before calling EMS, a load then maintenance (ml30)', () => {
    check([
      [
        'He was given a GI cocktail consisting of Maalox, Donnatal, and viscous lidocaine.',
        [
          ['Maalox', 'DRUG'],
          ['Donnatal', 'DRUG'],
          ['viscous lidocaine', 'DRUG'],
        ],
        {
          Maalox: ['given', 'was given'],
          Donnatal: ['given', 'was given'],
          'viscous lidocaine': ['given', 'was given'],
        },
      ],
      [
        'He took an extra dose of his nitroglycerin at home before calling EMS.',
        [['nitroglycerin', 'DRUG']],
        { nitroglycerin: ['given', 'took'] },
      ],
      [
        'The patient was loaded with Dilantin 1 g IV and then placed on maintenance dosing.',
        [
          ['Dilantin', 'DRUG'],
          ['1 g', 'DOSAGE'],
          ['IV', 'ROUTE'],
        ],
        { Dilantin: ['active', 'was loaded with'] },
      ],
    ]);
  });
});
