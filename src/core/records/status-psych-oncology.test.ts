/**
 * The status step on psychiatry and oncology notes (probe ml19): a trial's bracketed outcome, a
 * cross-taper in a plan, a `Premedications:` list, a stop for a graded toxicity (an intolerance)
 * against a hold for one (a pause), a dose not given for a contraindication, a dose given with
 * its sig between, a switch of route.
 */
import { describe, it } from 'vitest';
import { checkStatuses as check } from '../../test/statuses.ts';

describe('psychiatry and oncology notes', () => {
  it('reads trials by their bracketed outcome and a cross-taper in a plan', () => {
    check([
      [
        'Psychiatric medication history: Trials of sertraline (GI upset) and fluoxetine (ineffective).',
        [
          ['sertraline', 'DRUG'],
          ['fluoxetine', 'DRUG'],
        ],
        { sertraline: ['allergy', '(GI upset)'], fluoxetine: ['stopped', 'ineffective'] },
      ],
      [
        'Plan: cross-taper from olanzapine to aripiprazole over 2 weeks.',
        [
          ['olanzapine', 'DRUG'],
          ['aripiprazole', 'DRUG'],
          ['over 2 weeks', 'DURATION'],
        ],
        {
          olanzapine: ['active', 'cross-taper'],
          aripiprazole: ['planned', 'from olanzapine to'],
        },
      ],
      [
        'She was cross-tapered from olanzapine to aripiprazole.',
        [
          ['olanzapine', 'DRUG'],
          ['aripiprazole', 'DRUG'],
        ],
        { olanzapine: ['stopped', 'cross-tapered from'] },
      ],
      [
        'Switch from IV to PO Keppra.',
        [
          ['IV', 'ROUTE'],
          ['PO', 'ROUTE'],
          ['Keppra', 'DRUG'],
        ],
        { Keppra: ['active', 'from IV to'] },
      ],
    ]);
  });

  it('gives a Premedications list, and a dose given once with its sig between', () => {
    check([
      [
        'Premedications: dexamethasone 12 mg IV, ondansetron 16 mg IV.',
        [
          ['dexamethasone', 'DRUG'],
          ['12 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
          ['ondansetron', 'DRUG'],
          ['16 mg', 'STRENGTH'],
          ['IV', 'ROUTE'],
        ],
        {
          dexamethasone: ['given', 'Premedications:'],
          ondansetron: ['given', 'Premedications:'],
        },
      ],
      [
        'Zyprexa Zydis 10 mg PO given once for agitation; haloperidol not given due to prolonged QTc.',
        [
          ['Zyprexa', 'DRUG'],
          ['10 mg', 'STRENGTH'],
          ['PO', 'ROUTE'],
          ['once', 'FREQUENCY'],
          ['haloperidol', 'DRUG'],
        ],
        { Zyprexa: ['given', 'given'], haloperidol: ['negated', 'not given'] },
      ],
    ]);
  });

  it('reads a stop for a toxicity as an intolerance and a hold for one as a pause', () => {
    check([
      [
        'Pembrolizumab was discontinued after cycle 8 due to grade 3 colitis.',
        [['Pembrolizumab', 'DRUG']],
        { Pembrolizumab: ['allergy', 'due to grade 3 colitis'] },
      ],
      [
        'Clozapine was stopped in 2019 after an episode of neutropenia.',
        [['Clozapine', 'DRUG']],
        { Clozapine: ['allergy', 'after an episode of neutropenia'] },
      ],
      [
        'Capecitabine on hold for grade 2 hand-foot syndrome; will resume at reduced dose once resolved.',
        [['Capecitabine', 'DRUG']],
        { Capecitabine: ['held', 'on hold'] },
      ],
      [
        'Cetuximab\t400 mg/m2 IV\tHeld - hives\nOxaliplatin\t85 mg/m2 IV\tGiven',
        [['Cetuximab', 'DRUG']],
        { Cetuximab: ['allergy', 'Held'] },
      ],
      [
        'Fluorouracil\t2400 mg/m2 CIVI\tHeld - mucositis grade 3\nOxaliplatin\t85 mg/m2 IV\tGiven',
        [['Fluorouracil', 'DRUG']],
        { Fluorouracil: ['held', 'Held'] },
      ],
    ]);
  });
});
