/**
 * The model's tag probabilities → one tag per pre-token, keeping written words whole.
 *
 * The pre-tokeniser cuts `q.d.`, `D3` and `400mg` into pieces, and by ANNOTATION.md an entity
 * never starts or ends inside such a word (a letter/digit run, a dotted abbreviation with its final
 * dot): so a word's pieces share one label, the one with the highest mean probability. The words'
 * labels are then chosen together as the most probable sequence the tag scheme allows (`I-`/`L-`
 * only right after their label), so a confident `I-` after an `O` cannot open an entity alone.
 * Mirrors `choose_tags` in `training/med7_train/decode.py`; both are checked against
 * `decode.cases.json`. Evidence and measurements: docs/history/decoding.md.
 */
import { isMed7Label, type Med7Label } from '../labels.ts';
import { visibleText, type PreToken } from './pretokenize.ts';
import { spanBreaks } from './span-breaks.ts';
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
 * A soft hyphen or zero-width character inside a run does not count (`Las\u00adix`).
 */
function isWordPiece(token: PreToken): boolean {
  return WORD_RE.test(visibleText(token.text));
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
 *   one to three digits and exactly three: never on a gold entity's edge, yet the model, reading
 *   `,` as a piece of its own, sometimes cut `1,575mg` into `1` and `575mg`.
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

/**
 * Consecutive runs `[start, end)` of pre-tokens that must share one label; never across a span
 * break (`span-breaks.ts`: `患者は|Lasix`, written together, are two words).
 */
export function wordGroups(
  tokens: readonly PreToken[],
  breaks: Uint8Array = spanBreaks(tokens),
): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && breaks[i] === 0 && joinsPrevious(tokens, i)) continue;
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

/** Keeps `log` finite: a probability that rounded to 0 still ranks below every other. */
const LOG_FLOOR = Math.log(1e-30);

function logOf(p: number): number {
  return p > 0 ? Math.max(Math.log(p), LOG_FLOOR) : LOG_FLOOR;
}

/**
 * Chooses one tag per pre-token from `probabilities` (row-major `[tokens, tags]`, each row a
 * softmax over `tagNames`; a row of zeros means the model did not read that pre-token, which is
 * then `O`). The pieces of one word share one label, and the words' labels are the most probable
 * sequence (Viterbi) in which a label is only continued right after itself. Per word and label:
 * - staying in the label of the word before, with any role (a `B-` right after its own label
 *   continues the entity too, in `decodeTags`), scores the mean over the word's pieces of the
 *   label's probability summed over its roles. A mean, not a product, so that one piece the model
 *   is sure about cannot outvote the rest of the word (`0.25%` → a lone `%`);
 * - entering the label from another one or from `O`, which only a start tag (`B-`, `U-`) may do,
 *   scores the same mean times the share of start tags in the first piece's probability of the
 *   label (the chance that the word, if it has the label, begins it). A label whose tag set has no
 *   start tag (plain IO tags) is entered freely.
 * A word that continues its label keeps its first piece's most probable role among that label's
 * tags (so a `B-` on a new line still starts a new entity); a word that enters a label starts it.
 * Each pre-token's score is its probability of the chosen label, summed over roles.
 * No label is continued across a span break (`span-breaks.ts`: a sentence end, a change of
 * script): the word after one can only enter a label.
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
  const roles = tagNames.map((tag) => parseTag(tag).role);
  const startsEntity = roles.map((role) => role === 'B' || role === 'U');
  /** The states: outside, then each Med7 label of the tag set, in the tag set's order. */
  const states: Array<Med7Label | undefined> = [undefined];
  for (const label of labels) {
    if (label !== undefined && !states.includes(label)) states.push(label);
  }
  const numStates = states.length;
  const stateOfTag = labels.map((label) => states.indexOf(label));
  const constrained = states.map((_, s) =>
    stateOfTag.some((state, k) => s > 0 && state === s && startsEntity[k]),
  );

  // Per pre-token and state: the probability over all roles (`labelProb`) and over start roles
  // only (`startProb`), summed once here, in tag order; and whether the model read it at all.
  const numTokens = tokens.length;
  const labelProb = new Float64Array(numTokens * numStates);
  const startProb = new Float64Array(numTokens * numStates);
  const read = new Uint8Array(numTokens);
  for (let i = 0; i < numTokens; i++) {
    for (let k = 0; k < numTags; k++) {
      const raw = probabilities[i * numTags + k]!;
      const p = Number.isFinite(raw) ? raw : 0;
      if (p > 0) read[i] = 1;
      const at = i * numStates + stateOfTag[k]!;
      labelProb[at] = labelProb[at]! + p;
      if (startsEntity[k]) startProb[at] = startProb[at]! + p;
    }
  }

  // Per word group and state, the log scores of staying in the state and of entering it.
  const breaks = spanBreaks(tokens);
  const groups = wordGroups(tokens, breaks);
  const numGroups = groups.length;
  const stay = new Float64Array(numGroups * numStates);
  const enter = new Float64Array(numGroups * numStates);
  groups.forEach(([start, end], g) => {
    let pieces = 0;
    for (let i = start; i < end; i++) pieces += read[i]!;
    for (let s = 0; s < numStates; s++) {
      const at = g * numStates + s;
      if (pieces === 0) {
        stay[at] = enter[at] = logOf(s === 0 ? 1 : 0);
        continue;
      }
      let sum = 0;
      for (let i = start; i < end; i++) if (read[i] === 1) sum += labelProb[i * numStates + s]!;
      const mean = sum / pieces;
      const first = read[start] === 1 ? labelProb[start * numStates + s]! : 0;
      const share = constrained[s] && first > 0 ? startProb[start * numStates + s]! / first : 1;
      stay[at] = logOf(mean);
      enter[at] = logOf(mean * share);
    }
  });

  // Viterbi: best[s] is the log probability of the best labelling so far that ends in state s;
  // from[g * numStates + s] is the state of group g - 1 on that labelling.
  let best = new Float64Array(numStates);
  let next = new Float64Array(numStates);
  const from = new Int32Array(numGroups * numStates);
  for (let s = 0; s < numStates; s++) best[s] = enter[s]!;
  for (let g = 1; g < numGroups; g++) {
    const canStay = breaks[groups[g]![0]] === 0;
    for (let s = 0; s < numStates; s++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < numStates; p++) {
        const continues = p === s && (s === 0 || canStay);
        const total = best[p]! + (continues ? stay[g * numStates + s]! : enter[g * numStates + s]!);
        if (total > top) {
          top = total;
          arg = p;
        }
      }
      next[s] = top;
      from[g * numStates + s] = arg;
    }
    [best, next] = [next, best];
  }
  const path = new Int32Array(numGroups);
  if (numGroups > 0) {
    let last = 0;
    for (let s = 1; s < numStates; s++) if (best[s]! > best[last]!) last = s;
    path[numGroups - 1] = last;
    for (let g = numGroups - 1; g > 0; g--) path[g - 1] = from[g * numStates + path[g]!]!;
  }

  const tags = new Array<string>(numTokens);
  const scores = new Array<number>(numTokens);
  groups.forEach(([start, end], g) => {
    const state = path[g]!;
    for (let i = start; i < end; i++)
      scores[i] = read[i] === 1 ? labelProb[i * numStates + state]! : 1;
    const label = states[state];
    if (label === undefined) {
      tags.fill('O', start, end);
      return;
    }
    const continues = g > 0 && path[g - 1] === state && breaks[start] === 0;
    tags[start] = `${continues && firstRoleContinues(start, state) ? 'I' : 'B'}-${label}`;
    tags.fill(`I-${label}`, start + 1, end);
  });
  return { tags, scores };

  /** Whether the most probable of `state`'s tags at `token` is a continuing one (`I-`, `L-`). */
  function firstRoleContinues(token: number, state: number): boolean {
    let bestTag = -1;
    let bestProb = -1;
    for (let k = 0; k < numTags; k++) {
      if (stateOfTag[k] !== state) continue;
      const raw = probabilities[token * numTags + k]!;
      const p = Number.isFinite(raw) ? raw : 0;
      if (p > bestProb) {
        bestProb = p;
        bestTag = k;
      }
    }
    return roles[bestTag] === 'I' || roles[bestTag] === 'L';
  }
}
