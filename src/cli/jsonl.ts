/**
 * Reading JSON Lines input strictly: every problem stops the run with the line number, and no
 * record is ever skipped. Lines are split on "\n" (a trailing "\r" is JSON whitespace), decoded
 * as UTF-8 (invalid bytes are an error), and a leading byte-order mark is ignored.
 */
import { isMed7Label } from '../core/labels.ts';
import type { EntityTuple } from '../core/types.ts';
import { InputError } from './errors.ts';
import { spanEdgeProblem } from './span-edges.ts';
import { errorMessage } from '../core/error-message.ts';

/**
 * One input record: its line as read (the output keeps its fields byte for byte), the parsed
 * object, its text and its line number.
 */
export interface InputRecord {
  readonly line: number;
  /** The line as read (without its newline and a leading byte-order mark). */
  readonly raw: string;
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
    const reason = errorMessage(error);
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
  return { line, raw, record, text: record['text'] };
}

/** Bytes read at a time from a file or standard input. */
const CHUNK = 1 << 20;

/**
 * Numbered lines of a byte stream as they arrive, split and decoded as `splitLines` does, holding
 * only the line being read: memory is bounded by the longest line, never by the input's length.
 * `bytes` is the input read so far, for progress.
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  name: string,
): AsyncGenerator<{ line: number; text: string; bytes: number }> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let number = 0;
  let bytes = 0;
  const decode = (parts: Uint8Array[], size: number): string => {
    number++;
    const whole = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    let text: string;
    try {
      text = decoder.decode(whole);
    } catch {
      throw new InputError(`${name}, line ${number}: not valid UTF-8`);
    }
    return number === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
  };
  for await (const chunk of source) {
    bytes += chunk.length;
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const part = chunk.subarray(start, end);
      const text = decode([...pending, part], pendingBytes + part.length);
      pending = [];
      pendingBytes = 0;
      start = end + 1;
      yield { line: number, text, bytes: bytes - (chunk.length - start) };
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
    }
  }
  if (pendingBytes > 0) {
    const text = decode(pending, pendingBytes);
    yield { line: number, text, bytes };
  }
}

/** Reads a file in chunks; a file that cannot be read is an input error naming it. */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const { open } = await import('node:fs/promises');
  const fail = (error: unknown): never => {
    const reason = errorMessage(error);
    throw new InputError(`cannot read ${path}: ${reason}`);
  };
  const handle = await open(path, 'r').catch(fail);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null).catch(fail);
      if (bytesRead === 0) return;
      // A copy: the consumer may keep part of it (an unfinished line) past the next read.
      yield Uint8Array.prototype.slice.call(buffer, 0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Parses lines into records as they come; a bad line throws with its number. */
export async function* parseStream(
  lines: AsyncIterable<{ line: number; text: string; bytes: number }>,
  name: string,
): AsyncGenerator<InputRecord & { bytes: number }> {
  for await (const { line, text, bytes } of lines)
    yield { ...parseRecord(text, line, name), bytes };
}

// --- the output line ---------------------------------------------------------------------------

/** One top-level member of a JSON object as written: its key (decoded) and its source text. */
interface RawMember {
  readonly key: string;
  readonly rawKey: string;
  rawValue: string;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function skipSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Just past the string literal that starts at `at` (a `"`). */
function stringEnd(s: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = s.indexOf('"', from);
    if (quote === -1) throw new Error('unterminated string');
    let slash = quote - 1;
    while (s.charCodeAt(slash) === 0x5c) slash--;
    if ((quote - 1 - slash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Just past the JSON value that starts at `at`. */
function valueEnd(s: string, at: number): number {
  const first = s.charCodeAt(at);
  if (first === 0x22) return stringEnd(s, at);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    let i = at;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i = stringEnd(s, i);
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
      i++;
    }
    throw new Error('unterminated value');
  }
  let i = at;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) break;
  }
  return i;
}

/**
 * The top-level members of a JSON object line that `JSON.parse` accepted, as written. A key given
 * twice keeps its first place and its last value, as `JSON.parse` reads it.
 */
export function rawMembers(raw: string): RawMember[] {
  const members: RawMember[] = [];
  const seen = new Map<string, number>();
  let i = skipSpace(raw, 0) + 1; // past "{"
  i = skipSpace(raw, i);
  while (raw.charCodeAt(i) === 0x22) {
    const keyEnd = stringEnd(raw, i);
    const rawKey = raw.slice(i, keyEnd);
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    i = skipSpace(raw, skipSpace(raw, keyEnd) + 1); // past ":"
    const end = valueEnd(raw, i);
    const rawValue = raw.slice(i, end);
    const known = seen.get(key);
    if (known === undefined) {
      seen.set(key, members.length);
      members.push({ key, rawKey, rawValue });
    } else {
      members[known]!.rawValue = rawValue;
    }
    i = skipSpace(raw, end);
    if (raw.charCodeAt(i) !== 0x2c) break;
    i = skipSpace(raw, i + 1);
  }
  return members;
}

/**
 * The output line of an input record: every field as it was written, byte for byte (so an id
 * like 12345678901234567890 or 1e999 stays as it is), with `fields` (in their order) replacing a
 * field of the same name in place or added at the end. Whitespace between fields is dropped.
 */
export function annotatedLine(
  input: Pick<InputRecord, 'raw'>,
  fields: readonly (readonly [string, unknown])[],
): string {
  const members = rawMembers(input.raw);
  for (const [key, value] of fields) {
    const rawValue = JSON.stringify(value);
    const known = members.find((member) => member.key === key);
    if (known === undefined) members.push({ key, rawKey: JSON.stringify(key), rawValue });
    else known.rawValue = rawValue;
  }
  return `{${members.map((member) => `${member.rawKey}:${member.rawValue}`).join(',')}}`;
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
