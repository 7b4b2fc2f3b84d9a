/**
 * Span rules of ANNOTATION.md that a tagger reading one pre-token at a time can break, applied to
 * each decoded entity: no trailing function word; a DRUG keeps its class noun (`pain medication`)
 * and is split at a `with` joining two drugs or before a contrast noun (`Omnipaque 240` + `dye`);
 * a FREQUENCY keeps `on a … basis`; a DURATION needs a unit of time; a STRENGTH keeps a rate
 * (`mcg/kg/minute`). Each rule holds on every gold and annotated entity (counts in
 * docs/history/decoding.md). Mirrors `_split_joined_drugs` and `_tidy_run` in
 * `training/med7_train/decode.py`; both are checked against `decode.cases.json`.
 */
import { hasLetterOrDigit, trimEdges } from './entity-edges.ts';
import type { Med7Label } from '../labels.ts';
import { visibleText, type PreToken } from './pretokenize.ts';

/** A decoded entity as the inclusive range of its pre-tokens. */
export interface TokenRun {
  readonly label: Med7Label;
  readonly first: number;
  readonly last: number;
}

/**
 * Words no entity ends with: prepositions, conjunctions, articles, pronouns, determiners and forms
 * of `be`. (`plus` is not one: `Econopred Plus`; nor is `I`: `Factor I`.)
 */
const TRAILING_WORDS: ReadonlySet<string> = new Set(
  [
    'a an the and or nor but of with to at on in for out as by from then per into via over than after',
    'me my we our you your he him his she her it its they them their this that these those',
    'all some any each every both either neither other no not is was are were be',
  ]
    .join(' ')
    .split(' '),
);

/** The nouns that head a drug class named as something given (`pain medication`, `ACE inhibitor`). */
const CLASS_NOUNS: ReadonlySet<string> = new Set(
  'medication medications medicine medicines blocker blockers inhibitor inhibitors agent agents drug drugs'.split(
    ' ',
  ),
);

const LETTERS_RE = /^[\p{L}\p{Nl}\p{No}]+$/u;

/** Words that give a DURATION its length. */
const DURATION_UNITS: ReadonlySet<string> = new Set(
  'second seconds sec secs minute minutes min mins hour hours hr hrs h day days d week weeks wk wks month months mo mos year years yr yrs night nights dose doses cycle cycles'.split(
    ' ',
  ),
);

/** The nouns that name a contrast agent by its kind (`Omnipaque dye`: two DRUGs). */
const CONTRAST_NOUNS: ReadonlySet<string> = new Set(['dye', 'contrast']);
/** The nouns after `contrast` in one (`contrast material`). */
const CONTRAST_HEADS: ReadonlySet<string> = new Set(['material', 'medium', 'agent']);

/** The words before a `basis` that its FREQUENCY starts with (`on a p.r.n. basis`). */
const BASIS_OPENERS: ReadonlySet<string> = new Set(['on', 'as']);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an']);

/** The denominators a STRENGTH keeps when glued on with `/` (`mcg/kg/minute`). */
const RATE_UNITS: ReadonlySet<string> = new Set(['kg', 'min', 'minute', 'hr', 'hour', 'h']);

/** Whether `token` is a word of `set`, read without case and invisible characters. */
function wordIn(set: ReadonlySet<string>, token: PreToken | undefined): boolean {
  return token !== undefined && set.has(visibleText(token.text).toLowerCase());
}

function touches(left: PreToken, right: PreToken): boolean {
  return left.end === right.start;
}

/**
 * Applies the span rules to one entity. `isFree(i)` says whether pre-token `i` may join it: one the
 * model left outside every entity, or one of this entity's own. Returns the entity's new range, or
 * `undefined` when the rules leave nothing of it.
 */
export function tidyRun(
  tokens: readonly PreToken[],
  run: TokenRun,
  isFree: (index: number) => boolean,
): TokenRun | undefined {
  let { first, last } = run;
  // no entity ends with a function word ({@link TRAILING_WORDS}), nor with the comma before one
  while (wordIn(TRAILING_WORDS, tokens[last])) {
    const kept = trimEdges(tokens, first, last - 1);
    if (kept === undefined) return undefined;
    [first, last] = kept;
  }
  if (run.label === 'DRUG') last = reachClassNoun(tokens, last, isFree);
  if (run.label === 'FREQUENCY') {
    const next = nextWord(tokens, last, isFree);
    if (next !== undefined && tokens[next]!.text.toLowerCase() === 'basis') last = next;
    if (tokens[last]!.text.toLowerCase() === 'basis')
      first = reachBasisOpener(tokens, first, isFree);
  }
  if (run.label === 'DURATION') {
    last = reachDurationUnit(tokens, last, isFree);
    if (!tokens.slice(first, last + 1).some((token) => wordIn(DURATION_UNITS, token))) {
      return undefined;
    }
  }
  if (run.label === 'STRENGTH') last = joinRates(tokens, last, isFree);
  return { label: run.label, first, last };
}

/**
 * Splits a DRUG into the drugs it joins: at each `with` inside it (`Marcaine with epinephrine`),
 * except before `codeine` (`Tylenol with Codeine`, a product's name), and before a contrast noun
 * that ends it (`Omnipaque 240` + `dye`, `Visipaque 320` + `contrast material`). Other runs come
 * back whole. A part may still hold edge symbols or nothing readable; the caller trims each part.
 */
export function splitJoinedDrugs(tokens: readonly PreToken[], run: TokenRun): TokenRun[] {
  if (run.label !== 'DRUG') return [run];
  const parts: TokenRun[] = [];
  let first = run.first;
  for (let i = run.first + 1; i < run.last; i++) {
    if (tokens[i]!.text.toLowerCase() !== 'with') continue;
    if (tokens[i + 1]!.text.toLowerCase() === 'codeine') continue;
    parts.push({ label: run.label, first, last: i - 1 });
    first = i + 1;
  }
  const contrast = contrastNounStart(tokens, first, run.last);
  if (contrast !== undefined) {
    parts.push({ label: run.label, first, last: contrast - 1 });
    first = contrast;
  }
  parts.push({ label: run.label, first, last: run.last });
  return parts;
}

/**
 * Where the contrast noun ending pre-tokens `[first, last]` begins (`dye`, `contrast`, `contrast
 * material`), if a name stands before it; `undefined` if there is none, or only another contrast
 * noun (`contrast dye`).
 */
function contrastNounStart(
  tokens: readonly PreToken[],
  first: number,
  last: number,
): number | undefined {
  let start = last;
  if (wordIn(CONTRAST_HEADS, tokens[last]) && tokens[last - 1]?.text.toLowerCase() === 'contrast') {
    start = last - 1;
  } else if (!wordIn(CONTRAST_NOUNS, tokens[last])) {
    return undefined;
  }
  return start > first && !wordIn(CONTRAST_NOUNS, tokens[start - 1]) ? start : undefined;
}

/**
 * A FREQUENCY ending in `basis` that starts after its `on`/`as` (and an `a`/`an`) takes them in
 * (`on a` + `p.r.n. basis`), when the model left them free.
 */
function reachBasisOpener(
  tokens: readonly PreToken[],
  first: number,
  isFree: (index: number) => boolean,
): number {
  if (wordIn(BASIS_OPENERS, tokens[first])) return first;
  const before = (i: number): boolean => i >= 0 && isFree(i);
  let opener = first - 1;
  if (before(opener) && wordIn(ARTICLES, tokens[opener])) opener--;
  return before(opener) && wordIn(BASIS_OPENERS, tokens[opener]) ? opener : first;
}

/**
 * The word right after pre-token `last` that an entity may take in: the next pre-token after a
 * space, or the one after a hyphen glued to both (`2` + `-week`, `beta` + `-blocker`), all of them
 * free. `undefined` if there is none.
 */
function nextWord(
  tokens: readonly PreToken[],
  last: number,
  isFree: (index: number) => boolean,
): number | undefined {
  const next = tokens[last + 1];
  if (next === undefined || !isFree(last + 1)) return undefined;
  if (next.text !== '-') return last + 1;
  const afterHyphen = tokens[last + 2];
  const glued =
    afterHyphen !== undefined && touches(tokens[last]!, next) && touches(next, afterHyphen);
  return glued && isFree(last + 2) ? last + 2 : undefined;
}

/** A DURATION that stops before its unit takes it in (`for the next 2 to 3` + `weeks`). */
function reachDurationUnit(
  tokens: readonly PreToken[],
  last: number,
  isFree: (index: number) => boolean,
): number {
  if (wordIn(DURATION_UNITS, tokens[last])) return last;
  const next = nextWord(tokens, last, isFree);
  return next !== undefined && wordIn(DURATION_UNITS, tokens[next]) ? next : last;
}

/**
 * A DRUG that stops before the noun heading a drug class takes it in, with at most one word
 * between (`pain` + `medication`, `calcium` + `channel blocker`, `beta` + `-blocker`).
 */
function reachClassNoun(
  tokens: readonly PreToken[],
  last: number,
  isFree: (index: number) => boolean,
): number {
  const next = nextWord(tokens, last, isFree);
  if (next === undefined) return last;
  if (wordIn(CLASS_NOUNS, tokens[next])) return next;
  if (!LETTERS_RE.test(visibleText(tokens[next]!.text)) || wordIn(TRAILING_WORDS, tokens[next])) {
    return last;
  }
  const after = nextWord(tokens, next, isFree);
  return after !== undefined && wordIn(CLASS_NOUNS, tokens[after]) ? after : last;
}

/** A STRENGTH takes in the rates glued on after it, `/` by `/` (`0.5 mcg` + `/kg/minute`). */
function joinRates(
  tokens: readonly PreToken[],
  last: number,
  isFree: (index: number) => boolean,
): number {
  for (;;) {
    const slash = tokens[last + 1];
    const unit = tokens[last + 2];
    if (
      slash?.text !== '/' ||
      unit === undefined ||
      !hasLetterOrDigit(tokens[last]!) ||
      !touches(tokens[last]!, slash) ||
      !touches(slash, unit) ||
      !isFree(last + 1) ||
      !isFree(last + 2) ||
      !wordIn(RATE_UNITS, unit)
    ) {
      return last;
    }
    last += 2;
  }
}
