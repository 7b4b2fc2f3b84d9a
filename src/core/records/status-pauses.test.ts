/**
 * The status step on pauses (`Humira paused`, `has been on hold`), resumptions to come, plans
 * weighed (`consideration of`), a refusal by the insurer, and drugs never prescribed, not
 * administered or not tolerated. Found by batteries of everyday phrasings; each case asserts the
 * status and the cue's exact span.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('pauses, plans and drugs not given', () => {
  it('reads a pause, a resumption to come, a plan weighed and a refusal by the insurer', () => {
    check([
      [
        'Coumadin to resume on Friday.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['held', 'to resume'] },
      ],
      [
        'Pause the Humira during the infection.',
        [['Humira', 'DRUG']],
        { Humira: ['held', 'Pause'] },
      ],
      ['Humira paused.', [['Humira', 'DRUG']], { Humira: ['held', 'paused'] }],
      [
        'Her Enbrel has been on hold since the surgery.',
        [['Enbrel', 'DRUG']],
        { Enbrel: ['held', 'has been on hold'] },
      ],
      [
        'Metformin remains on hold until the creatinine is rechecked.',
        [['Metformin', 'DRUG']],
        { Metformin: ['held', 'on hold'] },
      ],
      [
        'He remains on metformin.',
        [['metformin', 'DRUG']],
        { metformin: ['active', 'remains on'] },
      ],
      [
        'Hold parameters for metoprolol: SBP < 100.',
        [['metoprolol', 'DRUG']],
        { metoprolol: ['active', null] },
      ],
      [
        'Next step would be adding Jardiance.',
        [['Jardiance', 'DRUG']],
        { Jardiance: ['planned', 'would be adding'] },
      ],
      [
        'Refer to GI for consideration of Remicade.',
        [['Remicade', 'DRUG']],
        { Remicade: ['planned', 'consideration of'] },
      ],
      [
        'Ozempic was denied by insurance.',
        [['Ozempic', 'DRUG']],
        { Ozempic: ['negated', 'was denied by insurance'] },
      ],
      [
        'She was unable to afford the Advair and stopped using it.',
        [['Advair', 'DRUG']],
        { Advair: ['stopped', 'stopped using it'] },
      ],
    ]);
  });

  it('reads a drug never prescribed, not administered or not tolerated', () => {
    check([
      [
        'He has never been prescribed insulin.',
        [['insulin', 'DRUG']],
        { insulin: ['negated', 'never been prescribed'] },
      ],
      [
        'She reports no use of over-the-counter NSAIDs such as ibuprofen.',
        [
          ['NSAIDs', 'DRUG'],
          ['ibuprofen', 'DRUG'],
        ],
        { NSAIDs: ['negated', 'no use of'], ibuprofen: ['negated', 'no use of'] },
      ],
      [
        'He was not able to tolerate metformin.',
        [['metformin', 'DRUG']],
        { metformin: ['allergy', 'was not able to tolerate'] },
      ],
      [
        'tPA was not administered.',
        [['tPA', 'DRUG']],
        { tPA: ['negated', 'was not administered'] },
      ],
      [
        'tPA was administered in the ED.',
        [['tPA', 'DRUG']],
        { tPA: ['given', 'was administered'] },
      ],
    ]);
  });

  it('reads a vaccine due as planned, a next dose due of a course as taken, a series complete as over', () => {
    check([
      ['Due for Prevnar 20.', [['Prevnar', 'DRUG']], { Prevnar: ['planned', 'Due for'] }],
      [
        'He is due for his next Depo-Provera injection next month.',
        [
          ['Depo-Provera', 'DRUG'],
          ['injection', 'FORM'],
          ['next month', 'DURATION'],
        ],
        { 'Depo-Provera': ['active', null] },
      ],
      [
        'Hepatitis B series complete.',
        [['Hepatitis B', 'DRUG']],
        { 'Hepatitis B': ['stopped', 'series complete'] },
      ],
    ]);
  });

  it('reads a drug not needed, not prescribed or not refilled as not taken', () => {
    check([
      [
        'I do not think he needs antibiotics.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['negated', 'do not think he needs'] },
      ],
      [
        'I do not think he needs to stay on Lasix.',
        [['Lasix', 'DRUG']],
        { Lasix: ['stopped', 'do not think he needs to stay on'] },
      ],
      [
        'Steroids were considered but not given.',
        [['Steroids', 'DRUG']],
        { Steroids: ['negated', 'considered but not given'] },
      ],
      [
        'I did not prescribe any antibiotics.',
        [['antibiotics', 'DRUG']],
        { antibiotics: ['negated', 'did not prescribe'] },
      ],
      [
        'I did not refill his Xanax.',
        [['Xanax', 'DRUG']],
        { Xanax: ['negated', 'did not refill'] },
      ],
      [
        'We will not be refilling her oxycodone.',
        [['oxycodone', 'DRUG']],
        { oxycodone: ['negated', 'will not be refilling her'] },
      ],
    ]);
  });

  it('reads a stop for a scan as a pause, a stop for an adverse event as an intolerance', () => {
    check([
      [
        'Metformin was stopped for his CT scan.',
        [['Metformin', 'DRUG']],
        { Metformin: ['held', 'was stopped'] },
      ],
      [
        'Lipitor was stopped for elevated LFTs.',
        [['Lipitor', 'DRUG']],
        { Lipitor: ['allergy', 'for elevated LFTs'] },
      ],
      [
        'Aspirin was stopped for a GI bleed.',
        [['Aspirin', 'DRUG']],
        { Aspirin: ['allergy', 'for a GI bleed'] },
      ],
      [
        'Amiodarone was discontinued for thyroid toxicity.',
        [['Amiodarone', 'DRUG']],
        { Amiodarone: ['allergy', 'for thyroid toxicity'] },
      ],
      [
        'Coumadin was stopped because of a fall.',
        [['Coumadin', 'DRUG']],
        { Coumadin: ['stopped', 'was stopped'] },
      ],
      [
        'Zoloft was stopped because it was not working.',
        [['Zoloft', 'DRUG']],
        { Zoloft: ['stopped', 'was stopped'] },
      ],
    ]);
  });

  it("reads the patient's leave to take a drug as taken, a clinician's option as planned", () => {
    check([
      [
        'May use ibuprofen or Tylenol for discomfort.',
        [
          ['ibuprofen', 'DRUG'],
          ['Tylenol', 'DRUG'],
        ],
        { ibuprofen: ['active', 'May use'], Tylenol: ['active', 'May use'] },
      ],
      [
        'We may use ibuprofen if the pain returns.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['planned', 'may use'] },
      ],
    ]);
  });

  it('reads a first dose to come, an option favored and a prescription for a case as planned', () => {
    check([
      [
        'She will be scheduled for her first dose of Reclast.',
        [['Reclast', 'DRUG']],
        { Reclast: ['planned', 'first dose of'] },
      ],
      [
        'Today, he will complete his final dose of Thymoglobulin prior to being discharged.',
        [['Thymoglobulin', 'DRUG']],
        { Thymoglobulin: ['given', 'final dose of'] },
      ],
      [
        'I would favor adding spironolactone.',
        [['spironolactone', 'DRUG']],
        { spironolactone: ['planned', 'would favor adding'] },
      ],
      [
        'He was given a prescription for Keflex to start if the redness spreads.',
        [['Keflex', 'DRUG']],
        { Keflex: ['planned', 'given a prescription for'] },
      ],
    ]);
  });

  it('reads a drug not to take before a procedure as paused, not as how to take it', () => {
    check([
      [
        'Do not take aspirin for 7 days before the procedure.',
        [
          ['aspirin', 'DRUG'],
          ['for 7 days', 'DURATION'],
        ],
        { aspirin: ['held', 'Do not take'] },
      ],
      [
        'She should not take aspirin before the procedure.',
        [['aspirin', 'DRUG']],
        { aspirin: ['held', 'should not take'] },
      ],
      [
        'Do not take ibuprofen before meals.',
        [['ibuprofen', 'DRUG']],
        { ibuprofen: ['active', null] },
      ],
    ]);
  });
});
