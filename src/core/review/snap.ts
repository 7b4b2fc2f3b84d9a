/**
 * Snapping a text selection to whole pre-tokens (`../decode/pretokenize.ts`), so that a span added
 * by hand has the same edges the model's spans have: `Lasi` → `Lasix`, a selection with spaces
 * around it → the words inside, half of an emoji's surrogate pair → the whole emoji.
 */
import { isPreTokenSpace, pretokenize } from '../decode/pretokenize.ts';

/** A span of UTF-16 offsets into a text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The smallest run of whole pre-tokens that covers every pre-token the selection `[start, end)`
 * touches (an empty selection touches the pre-token it stands in), or undefined when the selection
 * holds only whitespace. Only the words around the selection are pre-tokenised: a pre-token never
 * spans whitespace, so cutting the text at whitespace leaves them unchanged.
 */
export function snapToPreTokens(text: string, start: number, end: number): Span | undefined {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, 0));
  // Widen to whitespace (or the text's ends) on both sides.
  let left = from;
  while (left > 0 && !isPreTokenSpace(text[left - 1]!)) left--;
  let right = to;
  while (right < text.length && !isPreTokenSpace(text[right]!)) right++;
  const tokens = pretokenize(text.slice(left, right));
  let snapped: Span | undefined;
  for (const token of tokens) {
    const tokenStart = left + token.start;
    const tokenEnd = left + token.end;
    const touches =
      from === to ? tokenStart <= from && from < tokenEnd : tokenStart < to && from < tokenEnd;
    if (!touches) continue;
    snapped =
      snapped === undefined ? { start: tokenStart, end: tokenEnd } : { ...snapped, end: tokenEnd };
  }
  return snapped;
}
