import { describe, expect, it } from 'vitest';
import {
  annotatedLine,
  parseRecord,
  parseStream,
  rawMembers,
  readLines,
  splitLines,
} from './jsonl.ts';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const line = (raw: string, fields: [string, unknown][]) =>
  annotatedLine(parseRecord(raw, 1, 'stdin'), fields);

describe('the output line keeps every input field as written', () => {
  it('keeps numbers that JSON.parse would change, byte for byte', () => {
    const raw = '{"id": 12345678901234567890, "big": 1e999, "x": 1.50, "z": -0, "text": "Lasix"}';
    expect(line(raw, [['entities', [[0, 5, 'DRUG']]]])).toBe(
      '{"id":12345678901234567890,"big":1e999,"x":1.50,"z":-0,"text":"Lasix","entities":[[0,5,"DRUG"]]}',
    );
  });

  it('keeps escapes, nested values and their spacing, and a key written with escapes', () => {
    const raw =
      '{ "t\\u0065xt" : "caf\\u00e9 \\/ \\"q\\"" , "meta": {"a": [1.0, {"b": "}]\\\\"}], "c" : null} }';
    expect(line(raw, [['entities', []]])).toBe(
      '{"t\\u0065xt":"caf\\u00e9 \\/ \\"q\\"","meta":{"a": [1.0, {"b": "}]\\\\"}], "c" : null},"entities":[]}',
    );
    expect(parseRecord(raw, 1, 'stdin').text).toBe('café / "q"');
  });

  it('replaces a field of the same name in place, and reads a repeated key as JSON.parse does', () => {
    expect(line('{"entities": [1], "text": "", "id": 7}', [['entities', []]])).toBe(
      '{"entities":[],"text":"","id":7}',
    );
    expect(line('{"id": 1, "text": "a", "id": 2}', [['entities', []]])).toBe(
      '{"id":2,"text":"a","entities":[]}',
    );
    expect(
      line('{"text": "a"}', [
        ['entities', []],
        ['medications', []],
      ]),
    ).toBe('{"text":"a","entities":[],"medications":[]}');
  });

  it('gives what JSON.stringify gives for a compact record', () => {
    const record = {
      id: 'r1',
      text: 'Lasix 40 mg\r\n\t💊 "x" \\ \u2028',
      n: 3.25,
      o: { k: [true, null] },
    };
    const raw = JSON.stringify(record);
    expect(line(raw, [['entities', [[0, 5, 'DRUG']]]])).toBe(
      JSON.stringify({ ...record, entities: [[0, 5, 'DRUG']] }),
    );
  });

  it('finds every member of an empty or a spaced object', () => {
    expect(rawMembers('{}')).toEqual([]);
    expect(rawMembers(' \t{ "a" :\t"b" , "c":[ ] }\r').map((m) => [m.rawKey, m.rawValue])).toEqual([
      ['"a"', '"b"'],
      ['"c"', '[ ]'],
    ]);
  });
});

describe('readLines: lines as they arrive', () => {
  const text = '\uFEFF{"text": "a"}\n{"text": "💊é"}\r\n\n{"text": "last"}';
  const bytes = new TextEncoder().encode(text);

  it('splits and numbers lines as splitLines does, whatever the chunk size', async () => {
    const whole = splitLines(bytes, 'stdin');
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const lines = await collect(readLines(chunksOf(bytes, size), 'stdin'));
      expect(lines.map(({ line, text }) => ({ line, text }))).toEqual(whole);
      expect(lines.at(-1)!.bytes).toBe(bytes.length);
    }
  });

  it('reports a line that is not UTF-8 with its number, even split across chunks', async () => {
    const bad = new Uint8Array([
      ...new TextEncoder().encode('{"text": "a"}\n{"text": "'),
      0xe2,
      0x82,
    ]);
    await expect(collect(readLines(chunksOf(bad, 5), 'in.jsonl'))).rejects.toThrow(
      'in.jsonl, line 2: not valid UTF-8',
    );
  });

  it('parses records lazily: the ones before a bad line come out before the error', async () => {
    const input = new TextEncoder().encode(
      '{"text": "a"}\n{"text": "b"}\nnot json\n{"text": "c"}\n',
    );
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const record of parseStream(readLines(chunksOf(input, 4), 'f'), 'f')) {
          seen.push(record.text);
        }
      })(),
    ).rejects.toThrow(/^f, line 3: not valid JSON/);
    expect(seen).toEqual(['a', 'b']);
  });
});
