/**
 * Reading JSON Lines input strictly: every problem stops the run with the line number, and no
 * record is ever skipped. Lines are split on "\n" (a trailing "\r" is JSON whitespace), decoded
 * as UTF-8 (invalid bytes are an error), and a leading byte-order mark is ignored.
 */
import { isMed7Label } from '../core/labels.ts';
import type { EntityTuple } from '../core/types.ts';
import { InputError } from './errors.ts';
import { spanEdgeProblem } from './span-edges.ts';

/** One input record: the parsed object (kept whole for the output) and its line number. */
export interface InputRecord {
  readonly line: number;
  readonly record: Record<string, unknown>;
  readonly text: string;
}

/** A gold record for `med7 eval`. */
export interface GoldRecord extends InputRecord {
  readonly entities: EntityTuple[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** What a JSON value is, for messages: "null", "an array", "an object", "a number", … */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  const kind = Array.isArray(value) ? 'array' : typeof value;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Splits raw bytes into numbered lines; the empty remainder after a final newline is no line. */
export function splitLines(bytes: Uint8Array, name: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let start = 0;
  let number = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    number++;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      throw new InputError(`${name}, line ${number}: not valid UTF-8`);
    }
    if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    lines.push({ line: number, text });
    start = end + 1;
  }
  return lines;
}

/** Parses one line into a record with a string `text`. */
export function parseRecord(raw: string, line: number, name: string): InputRecord {
  const where = `${name}, line ${line}`;
  if (raw.trim() === '') {
    throw new InputError(`${where}: empty line (JSON Lines holds one JSON object per line)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${where}: not valid JSON (${reason})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      `${where}: expected a JSON object like {"id": …, "text": …}, got ${kindOf(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  if (!('text' in record)) throw new InputError(`${where}: the record has no "text" field`);
  if (typeof record['text'] !== 'string') {
    throw new InputError(`${where}: "text" must be a string, got ${kindOf(record['text'])}`);
  }
  return { line, record, text: record['text'] };
}

/** Parses all lines of an input, stopping at the first bad one. */
export function parseRecords(bytes: Uint8Array, name: string): InputRecord[] {
  return splitLines(bytes, name).map(({ line, text }) => parseRecord(text, line, name));
}

/** Checks a gold record's `entities`: integer offsets inside the text, Med7 labels, sorted, disjoint. */
export function parseGold(input: InputRecord, name: string): GoldRecord {
  const where = `${name}, line ${input.line}`;
  const raw = input.record['entities'];
  if (raw === undefined) throw new InputError(`${where}: a gold record needs "entities"`);
  if (!Array.isArray(raw)) {
    throw new InputError(
      `${where}: "entities" must be an array of [start, end, label], got ${kindOf(raw)}`,
    );
  }
  const entities: EntityTuple[] = [];
  let previousEnd = 0;
  raw.forEach((item: unknown, k) => {
    const bad = (why: string): never => {
      throw new InputError(`${where}: entity ${k + 1} ${JSON.stringify(item)} ${why}`);
    };
    if (!Array.isArray(item) || item.length !== 3) bad('is not [start, end, label]');
    const [start, end, label] = item as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end)) bad('needs integer offsets');
    const s = start as number;
    const e = end as number;
    if (s < 0 || e > input.text.length || s >= e) {
      bad(`has offsets outside the text (length ${input.text.length}) or an empty span`);
    }
    const edgeProblem = spanEdgeProblem(input.text, s, e);
    if (edgeProblem !== undefined) bad(edgeProblem);
    if (typeof label !== 'string' || !isMed7Label(label))
      bad("has a label that is not one of Med7's seven");
    if (s < previousEnd)
      bad('overlaps or precedes the entity before it (entities must be sorted and disjoint)');
    previousEnd = e;
    entities.push([s, e, label as EntityTuple[2]]);
  });
  return { ...input, entities };
}
