/**
 * The edges of a decoded entity: which pre-tokens without a letter or digit may stand at its start
 * or end (see `decodeTags` in `tags.ts` for the counts behind them).
 */
import type { PreToken } from './pretokenize.ts';

const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const MARKS_RE = /^\p{M}+$/u;

/**
 * The pre-tokens without a letter or digit that may stand at an entity's edge, next to one with a
 * letter or digit inside the entity: the number sign of `#2`, and the `%` of `0.25 %`, the final
 * dot of `q.d.` and the `+` of `K+`. No gold entity begins or ends with another such pre-token.
 */
const EDGE_STARTS: ReadonlySet<string> = new Set(['#']);
const EDGE_ENDS: ReadonlySet<string> = new Set(['.', '%', '+']);

export function hasLetterOrDigit(token: PreToken): boolean {
  return LETTER_OR_DIGIT_RE.test(token.text);
}

/**
 * The pre-tokens `[first, last]` of a decoded entity, less its edge pre-tokens without a letter or
 * digit (a bullet, an arrow, an emoji, any symbol the tokenizer reads as `[UNK]`), except the
 * `EDGE_STARTS`/`EDGE_ENDS` ones next to a letter or digit, and except combining marks glued to
 * the entity's last kept pre-token (the `\u0301` of a decomposed `í`, the `\u20e3` of a keycap),
 * which would otherwise be cut off the character they are written on. `undefined`: nothing is
 * left.
 */
export function trimEdges(
  tokens: readonly PreToken[],
  first: number,
  last: number,
): [number, number] | undefined {
  const keepsStart = (i: number): boolean =>
    hasLetterOrDigit(tokens[i]!) ||
    (EDGE_STARTS.has(tokens[i]!.text) && i < last && hasLetterOrDigit(tokens[i + 1]!));
  while (first <= last && !keepsStart(first)) first++;
  const keepsEnd = (i: number): boolean => {
    const token = tokens[i]!;
    if (hasLetterOrDigit(token)) return true;
    if (i <= first) return false;
    const previous = tokens[i - 1]!;
    if (EDGE_ENDS.has(token.text)) return hasLetterOrDigit(previous);
    return MARKS_RE.test(token.text) && previous.end === token.start && keepsEnd(i - 1);
  };
  while (last >= first && !keepsEnd(last)) last--;
  return first <= last ? [first, last] : undefined;
}
