/**
 * The benchmark's inputs: the unique MTSamples transcriptions (../shared/data/mtsamples, resolved
 * from the repository root), a fixed seeded sample of them, and notes of an exact word count cut
 * from them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WHITESPACE_CLASS, countWords } from '../src/core/decode/pretokenize.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const MTSAMPLES = join(REPO_ROOT, '..', 'shared', 'data', 'mtsamples', 'mtsamples.csv');

/** A word as `countWords` counts it: a run of non-whitespace (Python's `str.isspace()`). */
const WORD = new RegExp(`[^${WHITESPACE_CLASS}]+`, 'gu');

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface Note {
  /** `note_id` of the first row holding this transcription. */
  readonly id: string;
  readonly text: string;
  readonly words: number;
}

/** The non-empty transcriptions, each once (exact text after trimming), in file order. */
export function uniqueNotes(path = MTSAMPLES): Note[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const idCol = header?.indexOf('note_id') ?? -1;
  const textCol = header?.indexOf('transcription') ?? -1;
  if (idCol < 0 || textCol < 0) throw new Error(`${path}: no note_id/transcription columns`);
  const seen = new Set<string>();
  const notes: Note[] = [];
  for (const row of rows) {
    const text = (row[textCol] ?? '').trim();
    if (text === '' || text === 'NA' || seen.has(text)) continue;
    seen.add(text);
    notes.push({ id: row[idCol] ?? '', text, words: countWords(text) });
  }
  return notes;
}

/** mulberry32: a small seeded PRNG, so every run draws the same sample. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded shuffle (Fisher–Yates) of `items`, not modifying them. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * `count` notes of exactly `words` whitespace-separated words each, cut from the notes in order
 * (consecutive notes joined by a blank line when one is too short), each starting at a new note.
 */
export function notesOfLength(notes: readonly Note[], words: number, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < count) {
    const parts: string[] = [];
    let have = 0;
    while (have < words) {
      const note = notes[at % notes.length]!;
      at++;
      const tokens = note.text.match(WORD) ?? [];
      const take = tokens.slice(0, words - have);
      parts.push(take.join(' '));
      have += take.length;
    }
    const text = parts.join('\n\n');
    if (countWords(text) !== words) throw new Error(`built a note of ${countWords(text)} words`);
    out.push(text);
  }
  return out;
}
