import { describe, expect, it } from 'vitest';
import type { Med7Label } from '../labels.ts';
import { groupMedications } from '../records/group.ts';
import type { Entity } from '../types.ts';
import { csvField, toCSV } from './csv.ts';

function spans(text: string, pieces: [string, Med7Label][]): Entity[] {
  let from = 0;
  return pieces.map(([piece, label]) => {
    const start = text.indexOf(piece, from);
    from = start + piece.length;
    return { start, end: from, label, text: piece, score: 1 };
  });
}

/** A small RFC 4180 reader, to check that what toCSV writes reads back. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('toCSV', () => {
  const text = 'Coumadin 6 mg alternating with 9 mg daily, and "Tylenol, Extra" 2 tabs q.4-6h.';
  const records = groupMedications(
    text,
    spans(text, [
      ['Coumadin', 'DRUG'],
      ['6 mg', 'STRENGTH'],
      ['9 mg', 'STRENGTH'],
      ['daily', 'FREQUENCY'],
      ['"Tylenol, Extra"', 'DRUG'],
      ['2', 'DOSAGE'],
      ['tabs', 'FORM'],
      ['q.4-6h.', 'FREQUENCY'],
    ]),
  );

  it('writes a header and one row per medication, spans joined with "; "', () => {
    const csv = toCSV(records);
    expect(csv.split('\r\n')).toEqual([
      'drug,strength,form,route,dosage,frequency,duration,status,cue,start,end',
      'Coumadin,6 mg; 9 mg,,,,daily,,active,,0,41',
      '"""Tylenol, Extra""",,tabs,,2,q.4-6h.,,active,,47,78',
      '',
    ]);
    expect(parseCsv(csv)[2]?.[0]).toBe('"Tylenol, Extra"');
  });

  it('reads back field for field, whatever the text holds', () => {
    const odd = 'Lasix\n40 mg';
    const oddRecords = groupMedications(
      odd,
      spans(odd, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
      ]),
    );
    const rows = parseCsv(toCSV([...records, ...oddRecords], { id: 'note "1", a' }));
    expect(rows[0]).toEqual([
      'id',
      'drug',
      'strength',
      'form',
      'route',
      'dosage',
      'frequency',
      'duration',
      'status',
      'cue',
      'start',
      'end',
    ]);
    expect(rows.slice(1).map((r) => r.length)).toEqual([12, 12, 12]);
    expect(rows.map((r) => r[0])).toEqual(['id', 'note "1", a', 'note "1", a', 'note "1", a']);
  });

  it('can leave out the header, and writes nothing but it for no records', () => {
    expect(toCSV(records, { header: false }).split('\r\n')[0]).toMatch(/^Coumadin,/);
    expect(toCSV([])).toBe(
      'drug,strength,form,route,dosage,frequency,duration,status,cue,start,end\r\n',
    );
  });

  it("writes each drug's status and the text of its cue", () => {
    const text = 'Stopped Lasix 40 mg. Aspirin 81 mg daily.';
    const found = groupMedications(
      text,
      spans(text, [
        ['Lasix', 'DRUG'],
        ['40 mg', 'STRENGTH'],
        ['Aspirin', 'DRUG'],
        ['81 mg', 'STRENGTH'],
        ['daily', 'FREQUENCY'],
      ]),
    );
    expect(toCSV(found, { header: false }).split('\r\n')).toEqual([
      'Lasix,40 mg,,,,,,stopped,Stopped,8,19',
      'Aspirin,81 mg,,,,daily,,active,,21,40',
      '',
    ]);
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(12)).toBe('12');
    expect(csvField(-1)).toBe('-1');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(['+1', '-x', '@sum', '\tx'].map(csvField)).toEqual(["'+1", "'-x", "'@sum", "'\tx"]);
  });
});
