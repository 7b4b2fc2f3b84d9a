/**
 * Span offsets are UTF-16 code units (ANNOTATION.md), so an offset can fall between the two halves
 * of a surrogate pair (`[1, 8]` on `"💊 Lasix"`). No tokenizer or annotator can place an edge
 * there, and `text.slice` would give half an emoji, so gold and predictions with one are refused.
 */

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether `offset` falls inside a surrogate pair of `text` (a lone surrogate has no inside). */
export function splitCharacterAt(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Why `[start, end)` cannot be a span of `text` by its edges, or `undefined` when it can. */
export function spanEdgeProblem(text: string, start: number, end: number): string | undefined {
  const split = [start, end].filter((offset) => splitCharacterAt(text, offset));
  if (split.length === 0) return undefined;
  return `splits a surrogate pair at offset ${split.join(' and ')} (offsets must fall between characters)`;
}
