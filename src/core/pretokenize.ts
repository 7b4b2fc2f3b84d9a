/**
 * Pre-tokenisation with character offsets, identical to the training pipeline's
 * `training/med7_train/pretok.py` (`re.compile(r"[^\W\d_]+|\d+|\S")` on Python 3.11):
 *
 * - a maximal run of letters: Python's `[^\W\d_]`, i.e. Unicode letters (L*) plus the non-decimal
 *   numerals `Nl`/`No` (`²`, `½`, `Ⅻ`); combining marks are NOT letters there, so each one is a
 *   pre-token of its own, exactly as in training;
 * - a maximal run of decimal digits (`\p{Nd}`, Python's `\d`);
 * - any other single non-whitespace code point (a surrogate pair stays together; a lone surrogate
 *   is one pre-token of one code unit).
 *
 * Whitespace is Python's `str.isspace()`, which differs from JavaScript's `\s`: it includes
 * U+001C..U+001F and U+0085 (NEL) and excludes U+FEFF (BOM). Both are spelled out below.
 * Checked against Python 3.11 over every code point: the classes agree on everything Unicode 14
 * assigns (a newer engine may also class later-assigned letters as letters).
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

/** The pre-token pattern; every alternative consumes at least one code unit. */
export const PRETOKEN_SOURCE = `[\\p{L}\\p{Nl}\\p{No}]+|\\p{Nd}+|[^${WHITESPACE_CLASS}]`;

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
    tokens.push({ text: value, start, end: start + value.length });
  }
  return tokens;
}

/** The number of whitespace-separated words, as the `med7` summary line counts them. */
export function countWords(text: string): number {
  return text.match(WORD_RE)?.length ?? 0;
}

const WORD_RE = new RegExp(`[^${WHITESPACE_CLASS}]+`, 'gu');
