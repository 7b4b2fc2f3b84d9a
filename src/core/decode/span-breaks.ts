/**
 * Where an entity may not run on from one pre-token to the next, whatever the model says: across
 * a sentence end ({@link endsSentenceBefore}), or between words of two scripts (`scriptOf` in
 * `pretokenize.ts`; a pre-token without letters goes with the script after it, as a number goes
 * with its unit). The model reads a word it cannot place (`患者は`, an `[UNK]`) as a likely DRUG
 * and would join it to the drug beside it. No gold entity crosses either break.
 * Mirrors `span_breaks` in `training/med7_train/decode.py`.
 */
import { scriptOf, type PreToken, type Script } from './pretokenize.ts';

/**
 * Marks that end a sentence wherever they stand, with or without a space after them: the
 * ideographic full stop and full-width `！？` (CJK), the halfwidth `｡`, the Arabic question mark
 * and full stop (`؟`, `۔`), and the Devanagari danda and double danda (`।`, `॥`).
 */
export const SENTENCE_END_MARKS: ReadonlySet<string> = new Set([
  '。',
  '！',
  '？',
  '｡',
  '؟',
  '۔',
  '।',
  '॥',
]);

/** `?` and `!` end a sentence before whitespace and an upper-case letter or digit (the gold split). */
const ASCII_ENDS: ReadonlySet<string> = new Set(['?', '!']);
const SENTENCE_START_RE = /^[A-Z0-9]/;

/**
 * Whether a sentence ends between pre-tokens `i - 1` and `i`: after a mark of
 * {@link SENTENCE_END_MARKS}, or after `?`/`!` followed by whitespace and `A-Z` or `0-9`. A `.`
 * is not one here: before a capital it also ends abbreviations that an entity goes on after
 * (`q.6 h. PRN`, `Tylenol No. 3`); it starts a new segment for the model (`sentences.ts`).
 */
export function endsSentenceBefore(tokens: readonly PreToken[], i: number): boolean {
  const previous = tokens[i - 1];
  const token = tokens[i];
  if (previous === undefined || token === undefined) return false;
  if (SENTENCE_END_MARKS.has(previous.text)) return true;
  return (
    ASCII_ENDS.has(previous.text) &&
    token.start > previous.end &&
    SENTENCE_START_RE.test(token.text)
  );
}

/**
 * `breaks[i]` is 1 where no entity may hold both pre-token `i - 1` and pre-token `i`: a sentence
 * ends between them, or `i - 1` is the last pre-token with letters before one whose letters are
 * of another script.
 */
export function spanBreaks(tokens: readonly PreToken[]): Uint8Array {
  const breaks = new Uint8Array(tokens.length);
  let last: Script | undefined;
  let lastAt = -1;
  tokens.forEach((token, i) => {
    if (i > 0 && endsSentenceBefore(tokens, i)) breaks[i] = 1;
    const script = scriptOf(token.text);
    if (script === undefined) return;
    if (last !== undefined && script !== last) breaks[lastAt + 1] = 1;
    last = script;
    lastAt = i;
  });
  return breaks;
}
