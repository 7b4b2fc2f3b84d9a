/** Exports of a batch of documents: JSON Lines records, one CSV, a Bundle of Bundles (valid R4). */
import { describe, expect, it } from 'vitest';
import { spans } from '../../test/records.ts';
import { validate } from '../../test/fhir-r4.ts';
import { toBatchCsv, toBatchFhir, toBatchJsonl, type BatchDocument } from './batch.ts';
import type { FhirBundle } from './fhir.ts';

const A = 'Lasix 40 mg IV b.i.d. for 3 days. She is allergic to penicillin.';
const B = 'Stopped Coumadin, "5 mg" daily.';
const docs: BatchDocument[] = [
  {
    id: 'a.txt',
    text: A,
    entities: spans(A, [
      ['Lasix', 'DRUG'],
      ['40 mg', 'STRENGTH'],
      ['IV', 'ROUTE'],
      ['b.i.d.', 'FREQUENCY'],
      ['for 3 days', 'DURATION'],
      ['penicillin', 'DRUG'],
    ]),
  },
  { id: 'pending.txt', text: 'Not annotated yet.', entities: null },
  {
    id: 'b, "quoted".txt',
    text: B,
    entities: spans(B, [
      ['Coumadin', 'DRUG'],
      ['5 mg', 'STRENGTH'],
      ['daily', 'FREQUENCY'],
    ]),
  },
];

describe('toBatchJsonl', () => {
  it('writes one ANNOTATION.md record per document, with status, medications and extras', () => {
    const lines = toBatchJsonl(docs, (i) => ({ review: i === 0 ? 'edited' : 'unreviewed' }))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      id: 'a.txt',
      text: A,
      entities: [
        [0, 5, 'DRUG'],
        [6, 11, 'STRENGTH'],
        [12, 14, 'ROUTE'],
        [15, 21, 'FREQUENCY'],
        [22, 32, 'DURATION'],
        [53, 63, 'DRUG'],
      ],
      status: [
        [0, 5, 'active'],
        [53, 63, 'allergy'],
      ],
      review: 'edited',
    });
    const meds = lines[0]?.['medications'] as { drug: { text: string } | null }[];
    expect(meds.map((m) => m.drug?.text)).toEqual(['Lasix', 'penicillin']);
    // Not annotated: no entities at all (re-imported, it is annotated then), not an empty list.
    expect(lines[1]).toEqual({
      id: 'pending.txt',
      text: 'Not annotated yet.',
      review: 'unreviewed',
    });
    expect(lines[2]?.['status']).toEqual([[8, 16, 'stopped']]);
  });
});

describe('toBatchCsv', () => {
  it('has one header, an id column, and the rows of every document in order', () => {
    const rows = toBatchCsv(docs).split('\r\n');
    expect(rows[0]).toBe(
      'id,drug,strength,form,route,dosage,frequency,duration,status,cue,start,end',
    );
    expect(rows.slice(1)).toEqual([
      'a.txt,Lasix,40 mg,,IV,,b.i.d.,for 3 days,active,,0,32',
      'a.txt,penicillin,,,,,,,allergy,allergic to,53,63',
      '"b, ""quoted"".txt",Coumadin,5 mg,,,,daily,,stopped,Stopped,8,30',
      '',
    ]);
  });

  it('is a header alone without documents', () => {
    expect(toBatchCsv([])).toBe(
      'id,drug,strength,form,route,dosage,frequency,duration,status,cue,start,end\r\n',
    );
  });
});

describe('toBatchFhir', () => {
  it('is a valid R4 collection of one Bundle per annotated document', () => {
    const bundle = toBatchFhir(docs, { timestamp: '2026-12-05T12:00:00Z' });
    expect(validate(bundle as unknown as FhirBundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    const entries = bundle.entry ?? [];
    expect(entries.map((e) => e.resource.identifier.value)).toEqual(['a.txt', 'b, "quoted".txt']);
    expect(entries.map((e) => e.resource.entry?.length)).toEqual([2, 1]);
    expect(entries[0]?.resource.entry?.map((e) => e.resource.resourceType)).toEqual([
      'MedicationStatement',
      'AllergyIntolerance',
    ]);
    // Every fullUrl is unique across the whole file, and the same on every export.
    const urls = entries.flatMap((e) => [
      e.fullUrl,
      ...(e.resource.entry ?? []).map((r) => r.fullUrl),
    ]);
    expect(new Set(urls).size).toBe(urls.length);
    expect(toBatchFhir(docs, { timestamp: '2026-12-05T12:00:00Z' })).toEqual(bundle);
  });

  it('gives the same sig in two documents two ids', () => {
    const same = docs[0]!;
    const bundle = toBatchFhir([same, { ...same, id: 'copy.txt' }]);
    const [first, second] = (bundle.entry ?? []).map((e) => e.resource.entry?.[0]?.fullUrl);
    expect(first).toBeDefined();
    expect(first).not.toBe(second);
  });
});

describe('a reviewer’s status corrections', () => {
  it('set the drug’s status in every batch export', () => {
    const reviewed: BatchDocument = {
      ...docs[0]!,
      edits: [{ kind: 'status', start: 0, end: 5, label: 'DRUG', status: 'held', from: 'active' }],
    };
    const record = JSON.parse(toBatchJsonl([reviewed])) as {
      status: unknown;
      medications: { status: string; corrected?: boolean }[];
    };
    expect(record.status).toEqual([
      [0, 5, 'held'],
      [53, 63, 'allergy'],
    ]);
    expect(record.medications.map((m) => [m.status, m.corrected])).toEqual([
      ['held', true],
      ['allergy', undefined],
    ]);
    expect(toBatchCsv([reviewed]).split('\r\n')[1]).toMatch(/^a\.txt,Lasix,.*,held,,/);
    const bundle = toBatchFhir([reviewed]);
    const statement = bundle.entry?.[0]?.resource.entry?.[0]?.resource as { status?: string };
    expect(statement.status).toBe('on-hold');
  });
});
