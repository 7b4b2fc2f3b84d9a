/**
 * Sentence segments for windowing. The model was fine-tuned on single sentences and misses
 * entities deep inside a window of several, so each sentence gets windows of its own, split the
 * way the gold files are (`SENT_SPLIT_RE` in `training/med7_train/corpus.py`): after `.`, `?` or
 * `!` + space before `A-Z`/`0-9`, after a sentence end of another script (`。`, `؟`, `।`), at
 * MTSamples' `,HEADING:` and at a list marker that begins a line. Other line breaks are not
 * boundaries: hard-wrapped notes break lines mid-sentence (`Lasix⏎40 mg p.o. daily`).
 */
import type { PreToken } from './pretokenize.ts';
import { SENTENCE_END_MARKS } from './span-breaks.ts';

const SENTENCE_END = new Set(['.', '?', '!']);
const SENTENCE_START_RE = /^[A-Z0-9]/;
/** The gold split's heading rule: `,` then an upper-case heading (letters, space, `&/()-`) and `:`. */
const HEADING_AFTER_COMMA_RE = /,\s*(?=[A-Z][A-Z &/()-]*[A-Z]\s*:)/g;

/**
 * A list marker at the start of a line: up to three digits with `.` or `)` (or in parentheses), or
 * a bullet, then a space or tab. MTSamples has no line breaks, so the model never saw these; left
 * alone it reads the `8` of `daily⏎8) Zocor` as part of the frequency before it.
 */
const LINE_LIST_MARKER_RE =
  /(?<=^|[\n\r\u2028\u2029])[ \t]*(\(\d{1,3}\)|\d{1,3}[.)]|[-*•·‣◦▪▫●○■□►▸➢➤–—])(?=[ \t])/g;

/** `[start, end)` of every line-initial list marker, in text order. */
function listMarkerRanges(text: string): [number, number][] {
  return [...text.matchAll(LINE_LIST_MARKER_RE)].map((match) => {
    const end = match.index + match[0].length;
    return [end - match[1]!.length, end];
  });
}

/** The indices of the pre-tokens inside `ranges` (sorted, disjoint), ascending. */
function tokensIn(tokens: readonly PreToken[], ranges: readonly [number, number][]): number[] {
  const marked: number[] = [];
  let r = 0;
  tokens.forEach((token, i) => {
    while (r < ranges.length && ranges[r]![1] <= token.start) r++;
    const range = ranges[r];
    if (range !== undefined && token.start >= range[0] && token.end <= range[1]) marked.push(i);
  });
  return marked;
}

/** How a text divides for the model: where segments start and which pre-tokens are list markers. */
export interface TextSegments {
  /**
   * The index of the first pre-token of every segment, ascending; `[0]` for a text of one
   * sentence, `[]` for a text without pre-tokens.
   */
  readonly starts: number[];
  /**
   * The indices of the pre-tokens that make up line-initial list markers, ascending. Numbering and
   * bullets are never part of a Med7 entity (`ANNOTATION.md`), so the extractor tags them `O`.
   */
  readonly markers: number[];
}

/** Segments and list markers of a text, found in one pass over its list markers. */
export function segmentText(text: string, tokens: readonly PreToken[]): TextSegments {
  const ranges = listMarkerRanges(text);
  const markers = tokensIn(tokens, ranges);
  if (tokens.length === 0) return { starts: [], markers };
  const headingStarts = new Set<number>();
  for (const match of text.matchAll(HEADING_AFTER_COMMA_RE)) {
    headingStarts.add(match.index + match[0].length);
  }
  const itemStarts = new Set(ranges.map(([start]) => start));
  // the dot of `1. Lasix` numbers an item; it does not end a sentence
  const isMarker = new Set(markers);
  const starts = [0];
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!;
    const token = tokens[i]!;
    const afterSentenceEnd =
      SENTENCE_END_MARKS.has(previous.text) ||
      (SENTENCE_END.has(previous.text) &&
        !isMarker.has(i - 1) &&
        token.start > previous.end &&
        SENTENCE_START_RE.test(token.text));
    if (afterSentenceEnd || headingStarts.has(token.start) || itemStarts.has(token.start)) {
      starts.push(i);
    }
  }
  return { starts, markers };
}

/** `segmentText(text, tokens).starts`. */
export function segmentStarts(text: string, tokens: readonly PreToken[]): number[] {
  return segmentText(text, tokens).starts;
}

/** `segmentText(text, tokens).markers`. */
export function listMarkerTokens(text: string, tokens: readonly PreToken[]): number[] {
  return segmentText(text, tokens).markers;
}
