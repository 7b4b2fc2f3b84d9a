/** Files into documents (.txt, .jsonl with and without entities), merging by id, list keys. */
import { describe, expect, it } from 'vitest';
import type { ReviewEdit } from '../../core/review/edits.ts';
import { baseOf, correctedStatuses, mergeDocuments, parseFile, parseTxt } from './documents.ts';
import { moveKey } from './view.ts';

const TEXT = 'Lasix 40 mg IV b.i.d.';
const REMOVED: ReviewEdit = { kind: 'remove', start: 0, end: 5, label: 'DRUG' };

describe('parseFile', () => {
  it('reads a .txt file as one document, its text exact but for a byte-order mark', () => {
    expect(parseFile('a.txt', '\uFEFF  Lasix 40 mg\r\n')).toEqual({
      documents: [
        { id: 'a.txt', text: '  Lasix 40 mg\r\n', entities: null, review: 'unreviewed', edits: [] },
      ],
      problems: [],
    });
  });

  it('reads .jsonl records with and without entities, and says which lines it skipped', () => {
    const lines = [
      JSON.stringify({
        id: 'n1',
        text: TEXT,
        entities: [
          [12, 14, 'ROUTE'],
          [0, 5, 'DRUG'],
        ],
      }),
      '',
      JSON.stringify({ text: 'no entities', review: 'bogus' }),
      JSON.stringify({ id: 7, text: TEXT, entities: [], review: 'edited', edits: [REMOVED] }),
      JSON.stringify({
        text: TEXT,
        entities: [],
        edits: [{ kind: 'x', start: 0, end: 5, label: 'DRUG' }],
      }),
      JSON.stringify({ text: TEXT, entities: [[0, 99, 'DRUG']] }),
      JSON.stringify({ text: TEXT, entities: [[0, 5, 'DISEASE']] }),
      JSON.stringify({
        text: TEXT,
        entities: [
          [0, 5, 'DRUG'],
          [3, 8, 'DRUG'],
        ],
      }),
      '{not json',
    ];
    const { documents, problems } = parseFile('b.jsonl', lines.join('\n'));
    expect(documents).toEqual([
      {
        id: 'n1',
        text: TEXT,
        entities: [
          { start: 0, end: 5, label: 'DRUG', text: 'Lasix', score: 1 },
          { start: 12, end: 14, label: 'ROUTE', text: 'IV', score: 1 },
        ],
        review: 'unreviewed',
        edits: [],
      },
      { id: 'b.jsonl:3', text: 'no entities', entities: null, review: 'unreviewed', edits: [] },
      { id: '7', text: TEXT, entities: [], review: 'edited', edits: [REMOVED] },
    ]);
    expect(problems.map((p) => p.split(':').slice(0, 2).join(':'))).toEqual([
      'b.jsonl:5',
      'b.jsonl:6',
      'b.jsonl:7',
      'b.jsonl:8',
      'b.jsonl:9',
    ]);
    expect(problems[0]).toMatch(/is not an edit/);
    expect(problems[1]).toMatch(/not inside the text/);
    expect(problems[2]).toMatch(/Unknown label "DISEASE"/);
    expect(problems[3]).toMatch(/overlap/);
  });
});

describe('baseOf', () => {
  it('undoes the edits: the entities before review, which the element counts edits against', () => {
    const reviewed = parseFile(
      'r.jsonl',
      JSON.stringify({
        text: TEXT,
        entities: [
          [0, 5, 'DRUG'],
          [6, 8, 'DOSAGE'],
          [15, 21, 'FREQUENCY'],
        ],
        edits: [
          { kind: 'relabel', start: 6, end: 8, label: 'DOSAGE', from: 'STRENGTH' },
          { kind: 'remove', start: 12, end: 14, label: 'ROUTE' },
          { kind: 'add', start: 15, end: 21, label: 'FREQUENCY' },
        ],
      }),
    ).documents[0]!;
    const base = baseOf(TEXT, reviewed.entities!, reviewed.edits);
    expect(base.map((e) => [e.start, e.end, e.label, e.text])).toEqual([
      [0, 5, 'DRUG', 'Lasix'],
      [6, 8, 'STRENGTH', '40'],
      [12, 14, 'ROUTE', 'IV'],
    ]);
  });
});

describe('status corrections in a saved review', () => {
  const STOPPED = {
    kind: 'status',
    start: 0,
    end: 5,
    label: 'DRUG',
    status: 'stopped',
    from: 'active',
  };
  const line = (edits: unknown[]) =>
    JSON.stringify({ text: TEXT, entities: [[0, 5, 'DRUG']], review: 'edited', edits });

  it('reads them back, leaves them out of the base, and gives them as status tuples', () => {
    const { documents, problems } = parseFile('r.jsonl', line([STOPPED]));
    expect(problems).toEqual([]);
    const doc = documents[0]!;
    expect(doc.edits).toEqual([STOPPED]);
    expect(baseOf(TEXT, doc.entities!, doc.edits).map((e) => [e.start, e.end, e.label])).toEqual([
      [0, 5, 'DRUG'],
    ]);
    expect(correctedStatuses(doc.edits)).toEqual([[0, 5, 'stopped']]);
  });

  it('refuses one with an unknown status or on no drug', () => {
    const { documents, problems } = parseFile(
      'r.jsonl',
      [line([{ ...STOPPED, status: 'paused' }]), line([{ ...STOPPED, start: 6, end: 8 }])].join(
        '\n',
      ),
    );
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      `r.jsonl:1: ${JSON.stringify({ ...STOPPED, status: 'paused' })} is not an edit`,
      'r.jsonl:2: No DRUG entity at [6, 8].',
    ]);
  });
});

describe('mergeDocuments', () => {
  it('replaces a document of the same id in place and appends the others', () => {
    const a = parseTxt('a.txt', 'one');
    const b = parseTxt('b.txt', 'two');
    const a2 = { ...parseTxt('a.txt', 'one'), review: 'reviewed' as const };
    const c = parseTxt('c.txt', 'three');
    expect(mergeDocuments([a, b], [a2, c])).toEqual([a2, b, c]);
    expect(mergeDocuments([a, b], [a, b])).toEqual([a, b]);
  });
});

describe('moveKey', () => {
  it('moves by one with arrows and j/k, to the ends with Home/End, and stops at the ends', () => {
    expect(moveKey('ArrowDown', 0, 3)).toBe(1);
    expect(moveKey('j', 2, 3)).toBe(2);
    expect(moveKey('k', 1, 3)).toBe(0);
    expect(moveKey('ArrowUp', 0, 3)).toBe(0);
    expect(moveKey('End', 0, 3)).toBe(2);
    expect(moveKey('Home', 2, 3)).toBe(0);
    expect(moveKey('x', 1, 3)).toBeUndefined();
    expect(moveKey('j', -1, 0)).toBeUndefined();
  });
});
