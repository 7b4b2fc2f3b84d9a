/**
 * Pre-tokenisation with character offsets, identical to the training pipeline's
 * `training/med7_train/pretok.py` (`[^\W\d_]+|\d+|\S` on Python 3.11): a run of letters (Python's
 * classes: combining marks are pre-tokens of their own), a run of decimal digits, or any other
 * single non-whitespace code point; whitespace is Python's `str.isspace()`. Two refinements for
 * pasted text, neither found in the training text: a soft hyphen or zero-width character inside a
 * run stays in it, and a letter run is cut where its script changes (`患者はLasix`).
 * `pretokenize.parity.test.ts` checks it against Python itself.
 */

/** One pre-token: `text === source.slice(start, end)`, offsets in UTF-16 code units. */
export interface PreToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Python's `str.isspace()` set, as a character class body. */
export const WHITESPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Characters that do not show and do not break a word: soft hyphen, zero-width ones, BOM. */
export const INVISIBLE_CLASS = '\\u00ad\\u200b-\\u200d\\u2060\\ufeff';

const INVISIBLE_RE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** `text` without its invisible characters: how a word reads (`Las\u00adix` → `Lasix`). */
export function visibleText(text: string): string {
  return text.includes('\u00ad') || /[\u200b-\u200d\u2060\ufeff]/u.test(text)
    ? text.replace(INVISIBLE_RE, '')
    : text;
}

const LETTERS = '[\\p{L}\\p{Nl}\\p{No}]+';
const DIGITS = '\\p{Nd}+';

/** The pre-token pattern; every alternative consumes at least one code unit. */
export const PRETOKEN_SOURCE =
  `${LETTERS}(?:[${INVISIBLE_CLASS}]+${LETTERS})*|${DIGITS}(?:[${INVISIBLE_CLASS}]+${DIGITS})*|` +
  `[^${WHITESPACE_CLASS}]`;

/** The scripts a letter run is cut between; `other` is every other alphabet (Latin, Greek, …). */
export type Script = 'cjk' | 'arabic' | 'hebrew' | 'indic' | 'thai' | 'other';

/**
 * Code point ranges of the scripts other than `other`, as `[first, last, script]`. The same table
 * is in `training/med7_train/pretok.py` (Python's `re` has no script classes).
 */
const SCRIPT_RANGES: readonly (readonly [number, number, Script])[] = [
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x0900, 0x0dff, 'indic'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'cjk'],
  [0x2e80, 0x2fdf, 'cjk'],
  [0x3005, 0x3007, 'cjk'],
  [0x3021, 0x3029, 'cjk'],
  [0x3031, 0x3035, 'cjk'],
  [0x3038, 0x303c, 'cjk'],
  [0x3040, 0x318f, 'cjk'],
  [0x31a0, 0x31ff, 'cjk'],
  [0x3400, 0x4dbf, 'cjk'],
  [0x4e00, 0x9fff, 'cjk'],
  [0xa960, 0xa97f, 'cjk'],
  [0xac00, 0xd7ff, 'cjk'],
  [0xf900, 0xfaff, 'cjk'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfefe, 'arabic'],
  [0xff66, 0xffdc, 'cjk'],
  [0x20000, 0x3134f, 'cjk'],
];

const LETTER_RE = /^\p{L}$/u;

/**
 * The script of one code point, for cutting letter runs and spans: `undefined` for what belongs
 * to no script here (digits, `Nl`/`No` numerals, marks, punctuation, invisible characters).
 */
export function scriptOfChar(char: string): Script | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'other' : undefined;
  for (const [first, last, script] of SCRIPT_RANGES) {
    if (code < first) break;
    if (code <= last) return LETTER_RE.test(char) ? script : undefined;
  }
  return LETTER_RE.test(char) ? 'other' : undefined;
}

/** The script of a pre-token: that of its first letter, or `undefined` if it has none. */
export function scriptOf(text: string): Script | undefined {
  for (const char of text) {
    const script = scriptOfChar(char);
    if (script !== undefined) return script;
  }
  return undefined;
}

const WHITESPACE_RE = new RegExp(`^[${WHITESPACE_CLASS}]$`, 'u');

/** Whether one code point (or code unit) is whitespace by the pre-tokeniser's definition. */
export function isPreTokenSpace(char: string): boolean {
  return WHITESPACE_RE.test(char);
}

/** Splits `text` into pre-tokens, in order, non-overlapping, covering every non-space character. */
export function pretokenize(text: string): PreToken[] {
  const pattern = new RegExp(PRETOKEN_SOURCE, 'gu');
  const tokens: PreToken[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const value = match[0];
    splitScripts(value, start, tokens);
  }
  return tokens;
}

/** Pushes `value` (at `start`) as one pre-token, or as several where its letters change script. */
function splitScripts(value: string, start: number, tokens: PreToken[]): void {
  let from = 0;
  let current: Script | undefined;
  let at = 0;
  for (const char of value) {
    const script = scriptOfChar(char);
    if (script !== undefined) {
      if (current !== undefined && script !== current) {
        tokens.push({ text: value.slice(from, at), start: start + from, end: start + at });
        from = at;
      }
      current = script;
    }
    at += char.length;
  }
  tokens.push({ text: value.slice(from), start: start + from, end: start + value.length });
}

/** The number of whitespace-separated words, as the `med7` summary line counts them. */
export function countWords(text: string): number {
  return text.match(WORD_RE)?.length ?? 0;
}

const WORD_RE = new RegExp(`[^${WHITESPACE_CLASS}]+`, 'gu');
