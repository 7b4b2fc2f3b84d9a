/**
 * The model's tag probabilities → one tag per pre-token, keeping words whole.
 *
 * The pre-tokeniser splits `q.d.` into `q . d .`, `D3` into `D 3` and `400mg` into `400 mg`, and
 * the model tags each piece on its own; a per-piece argmax can cut such a word apart
 * (`q.` FREQUENCY, `d` DRUG, `.` FREQUENCY). By the annotation rules an entity never starts or ends
 * inside a letter/digit run written without a break (`D3`, `400mg`, `q8h`) or inside a dotted
 * abbreviation (`q.d`, `h.s`, `0.5`): the 645 hand-annotated training sentences have 691 such
 * joins inside entities and none on an entity boundary. So the pieces of one such word are given
 * one label together: the label with the highest probability summed over the pieces. (A sum, not
 * a product: one piece the model is sure about, such as the `.` of `0.25`, must not outvote the
 * rest of the word.)
 *
 * The mirror of this module for the python-side score is `choose_tags` in
 * `training/med7_train/decode.py`; both are checked against `decode.cases.json`.
 *
 * The dot that ends a dotted abbreviation (`q.d.`, `b.i.d.`, `p.o.`, `q.12h.`) is part of that
 * word too: "abbreviations with dots count as one span" (ANNOTATION.md), and in the hand
 * annotations 370 of 371 entities ending in such an abbreviation take its final dot, even at the
 * end of a sentence. Decided per piece, the final dot was often left out before a full stop.
 */
import { isMed7Label, type Med7Label } from './labels.ts';
import type { PreToken } from './pretokenize.ts';
import { parseTag } from './tags.ts';

/** One tag per pre-token and the probability behind it. */
export interface ChosenTags {
  readonly tags: string[];
  readonly scores: number[];
}

const WORD_RE = /^(?:[\p{L}\p{Nl}\p{No}]+|\p{Nd}+|\p{M}+)$/u;

/**
 * A letter run, a digit run or a combining mark: the pre-tokens a written word is made of. A mark
 * (the `\u0301` of a decomposed `í`) is a pre-token of its own that the tokenizer reads as nothing,
 * so it must join its word, or it would cut `Lasi\u0301x` into two entities and be left out of both.
 */
function isWordPiece(token: PreToken): boolean {
  return WORD_RE.test(token.text);
}

function touches(left: PreToken, right: PreToken): boolean {
  return left.end === right.start;
}

/**
 * Whether pre-tokens `i - 1` and `i` belong to one written word: two word pieces with nothing
 * between them (`D|3`), or an inner separator glued on both sides to pieces that fit it
 * ({@link innerSeparator}). Any other dot that ends a word (`daily.`, `0.5.`) joins nothing, since
 * it may be a full stop outside the entity; the final dot of a dotted abbreviation is joined by
 * `wordGroups`.
 */
function joinsPrevious(tokens: readonly PreToken[], i: number): boolean {
  const left = tokens[i - 1]!;
  const right = tokens[i]!;
  if (!touches(left, right)) return false;
  if (isWordPiece(left) && isWordPiece(right)) return true;
  return innerSeparator(tokens, i) || innerSeparator(tokens, i - 1);
}

const DIGIT_GROUP_RE = /^[0-9]{3}$/;
const LEADING_DIGITS_RE = /^[0-9]{1,3}$/;

/**
 * Whether pre-token `at` is a separator inside a word, glued to the pieces on both sides:
 * - a dot between word pieces (`q.d`, `0.5`);
 * - the comma of a number with thousands separators (`50,000`, `1,575mg`, `1:100,000`), between
 *   one to three digits and exactly three. In the gold and annotated sets, 43 of the 56 such
 *   commas are inside an entity and none is on an entity's edge, but the model, reading `,` as a
 *   piece of its own, sometimes cut `1,575mg` into `1` and `575mg`.
 */
function innerSeparator(tokens: readonly PreToken[], at: number): boolean {
  const before = tokens[at - 1];
  const separator = tokens[at];
  const after = tokens[at + 1];
  if (before === undefined || separator === undefined || after === undefined) return false;
  if (!touches(before, separator) || !touches(separator, after)) return false;
  if (separator.text === '.') return isWordPiece(before) && isWordPiece(after);
  if (separator.text === ',') {
    return LEADING_DIGITS_RE.test(before.text) && DIGIT_GROUP_RE.test(after.text);
  }
  return false;
}

/**
 * A dotted abbreviation as the pre-tokens spell it: one to three letters, then one or more
 * dot-and-piece pairs with pieces of at most four characters (`q.d`, `b.i.d`, `p.o`, `q.12h`),
 * so that `q.daily` or a decimal `0.5` is not one.
 */
const DOTTED_ABBREVIATION_RE = /^\p{L}{1,3}(?:\.[\p{L}\p{N}]{1,4})+$/u;

/** Consecutive runs `[start, end)` of pre-tokens that must share one label. */
export function wordGroups(tokens: readonly PreToken[]): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && joinsPrevious(tokens, i)) continue;
    const previous = groups[groups.length - 1];
    if (
      previous !== undefined &&
      i - start === 1 &&
      endsDottedAbbreviation(tokens, previous, start)
    ) {
      previous[1] = i;
    } else {
      groups.push([start, i]);
    }
    start = i;
  }
  return groups;
}

/** Whether the lone pre-token `dot` is a `.` glued to the end of `group`, a dotted abbreviation. */
function endsDottedAbbreviation(
  tokens: readonly PreToken[],
  [start, end]: [number, number],
  dot: number,
): boolean {
  if (end !== dot || tokens[dot]!.text !== '.' || !touches(tokens[end - 1]!, tokens[dot]!)) {
    return false;
  }
  const word = tokens
    .slice(start, end)
    .map((token) => token.text)
    .join('');
  return DOTTED_ABBREVIATION_RE.test(word);
}

/** The Med7 label of each tag index, or `undefined` for `O` and labels that are not Med7's. */
function tagLabels(tagNames: readonly string[]): Array<Med7Label | undefined> {
  return tagNames.map((tag) => {
    const parsed = parseTag(tag);
    return parsed.role !== 'O' && isMed7Label(parsed.label) ? parsed.label : undefined;
  });
}

/**
 * Chooses one tag per pre-token from `probabilities` (row-major `[tokens, tags]`, each row a
 * softmax over `tagNames`; a row of zeros means the model did not read that pre-token, which is
 * then `O`). A lone pre-token gets its most probable tag. The pre-tokens of one
 * word get the label (or `O`) whose probability, summed over its roles (`B-`, `I-`, …) and
 * over the pieces, is highest; the first piece keeps its own most probable role
 * (a start, or a continuation of the entity before it) and the rest continue it.
 */
export function chooseTags(
  tokens: readonly PreToken[],
  tagNames: readonly string[],
  probabilities: ArrayLike<number>,
): ChosenTags {
  const numTags = tagNames.length;
  if (probabilities.length !== tokens.length * numTags) {
    throw new RangeError(
      `chooseTags: ${probabilities.length} probabilities for ${tokens.length} tokens × ${numTags} tags`,
    );
  }
  const labels = tagLabels(tagNames);
  const prob = (token: number, tag: number): number => {
    const p = probabilities[token * numTags + tag]!;
    return Number.isFinite(p) ? p : 0;
  };
  /** The probability that `token` carries `label` (`undefined`: outside), over all roles. */
  const labelProb = (token: number, label: Med7Label | undefined): number => {
    let sum = 0;
    for (let k = 0; k < numTags; k++) if (labels[k] === label) sum += prob(token, k);
    return sum;
  };
  const read = (token: number): boolean => {
    for (let k = 0; k < numTags; k++) if (prob(token, k) > 0) return true;
    return false;
  };
  /** The most probable tag of `token`, among those of `label` unless `label` is `null`. */
  const bestTag = (token: number, label: Med7Label | undefined | null): number => {
    let best = -1;
    for (let k = 0; k < numTags; k++) {
      if (label !== null && labels[k] !== label) continue;
      if (best < 0 || prob(token, k) > prob(token, best)) best = k;
    }
    return best;
  };

  const tags = new Array<string>(tokens.length);
  const scores = new Array<number>(tokens.length);
  for (const [start, end] of wordGroups(tokens)) {
    if (end - start === 1) {
      const k = bestTag(start, null);
      const known = k >= 0 && read(start);
      tags[start] = known ? tagNames[k]! : 'O';
      scores[start] = known ? prob(start, k) : 1;
      continue;
    }
    let winner: Med7Label | undefined;
    let winnerTotal = 0;
    for (const label of new Set<Med7Label | undefined>([undefined, ...labels])) {
      let total = 0;
      for (let i = start; i < end; i++) total += labelProb(i, label);
      if (total > winnerTotal) {
        winnerTotal = total;
        winner = label;
      }
    }
    for (let i = start; i < end; i++) scores[i] = read(i) ? labelProb(i, winner) : 1;
    if (winner === undefined) {
      tags.fill('O', start, end);
      continue;
    }
    const firstRole = parseTag(tagNames[bestTag(start, winner)]!);
    const continues = firstRole.role === 'I' || firstRole.role === 'L';
    tags[start] = `${continues ? 'I' : 'B'}-${winner}`;
    tags.fill(`I-${winner}`, start + 1, end);
  }
  return { tags, scores };
}
