/**
 * Token-classification tags → Med7 entities.
 *
 * Accepted tag schemes, mixed freely: BIO (`B-DRUG`, `I-DRUG`), BILUO/BIOES (`L-`/`E-` last,
 * `U-`/`S-` single) and plain IO labels (`DRUG`). The separator may be `-` or `_`, and labels match
 * Med7's case-insensitively (`b-drug`). `O` (or an empty tag) is outside.
 */
import { MED7_LABELS, isMed7Label, type Med7Label } from '../labels.ts';
import type { PreToken } from './pretokenize.ts';
import { trimEdges } from './entity-edges.ts';
import { isFrequencyWord, isNotADrug, isWeekdays } from './not-a-drug.ts';
import { spanBreaks } from './span-breaks.ts';
import { splitJoinedDrugs, tidyRun, type TokenRun } from './span-grammar.ts';
import type { Entity, EntityTuple } from '../types.ts';

/** Where a tag places its token in an entity. `I` also covers plain IO labels. */
export type TagRole = 'B' | 'I' | 'L' | 'U';

export type ParsedTag = { readonly role: 'O' } | { readonly role: TagRole; readonly label: string };

const PREFIX_ROLES: Readonly<Record<string, TagRole>> = {
  B: 'B',
  I: 'I',
  L: 'L',
  E: 'L',
  U: 'U',
  S: 'U',
};

/** Splits a tag into its role and label; the label is upper-cased but not yet checked. */
export function parseTag(tag: string): ParsedTag {
  const trimmed = tag.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'O') return { role: 'O' };
  const match = /^([BILUES])[-_](.+)$/i.exec(trimmed);
  if (match !== null) {
    const role = PREFIX_ROLES[match[1]!.toUpperCase()]!;
    return { role, label: match[2]!.toUpperCase() };
  }
  return { role: 'I', label: trimmed.toUpperCase() };
}

/** A tag set checked against Med7's labels. */
export interface TagSetCheck {
  /** Tags whose label is not one of Med7's seven, in input order, without duplicates. */
  readonly unknown: readonly string[];
  /** The Med7 labels the tag set can produce, in Med7's order. */
  readonly labels: readonly Med7Label[];
}

/** Checks that every tag is `O` or names one of Med7's labels. */
export function checkTagSet(tags: readonly string[]): TagSetCheck {
  const unknown: string[] = [];
  const found = new Set<Med7Label>();
  for (const tag of tags) {
    const parsed = parseTag(tag);
    if (parsed.role === 'O') continue;
    if (isMed7Label(parsed.label)) found.add(parsed.label);
    else if (!unknown.includes(tag)) unknown.push(tag);
  }
  return { unknown, labels: MED7_LABELS.filter((label) => found.has(label)) };
}

/** Whether `text` holds a line break by Python's `str.splitlines()`, as the training side reads it. */
function hasLineBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0a && code <= 0x0d) return true; // \n \v \f \r
    if ((code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029) {
      return true;
    }
  }
  return false;
}

/**
 * Decodes one tag per pre-token into entities, tolerating ill-formed sequences:
 * an `I-`/`L-` without a preceding entity of its label starts one, a label change ends one,
 * `L-`/`U-` end one, `O` and unknown labels end one, `U-` always starts one.
 *
 * `B-` starts one too, except right after a token of an open entity of its own label on the same
 * line: `methyl B-DRUG prednisolone B-DRUG` is one drug. By the annotation rules two entities of one
 * label are almost never adjacent without punctuation (3 times in the 645 hand-annotated training
 * sentences, e.g. `IV via PICC line`), while a small model often re-opens an entity mid-name.
 * A line break still separates them: lists put one drug per line.
 *
 * An entity never begins with a pre-token without a letter or digit, except a `#` before one
 * (`#2`), and ends with one only if it is a `.`, `%` or `+` after one (`q.d.`, `0.25%`, `1 %`,
 * `K+`), as in every gold entity. Other such edge pre-tokens are trimmed off: a bullet, an
 * arrow, an emoji or any other symbol the vocabulary does not know is read as `[UNK]`, which a
 * small model often tags as part of the drug next to it (`• Lasix`, `→ Lasix`, `Tylenol ⚕`).
 * Combining marks glued to the last kept pre-token stay with it. An entity with no letter or digit
 * left (a lone `%` or `.` left over from a word the model put outside) is dropped: no Med7 entity
 * is punctuation only. A letter run is never trimmed, even one the model cannot read (`中文`).
 * Then the span rules of `span-grammar.ts` apply; they only take in pre-tokens the model left
 * outside every entity, and a part of a split DRUG none of another part's. A DRUG that is one word
 * which never names a medication (`not-a-drug.ts`: `option`, `shower`) is dropped.
 * No entity holds pre-tokens on both sides of a span break (`span-breaks.ts`: a sentence end of
 * any script, a change of script), whatever the tags say, and the span rules take nothing across one.
 * An entity spans its first kept token's start to its last kept token's end (inner spaces
 * included). `scores[i]` is the confidence of token i's tag; an entity's score is the mean over the
 * kept tokens the model tagged into it.
 */
export function decodeTags(
  text: string,
  tokens: readonly PreToken[],
  tags: readonly string[],
  scores?: readonly number[],
): Entity[] {
  if (tags.length !== tokens.length) {
    throw new RangeError(`decodeTags: ${tokens.length} tokens but ${tags.length} tags`);
  }
  if (scores !== undefined && scores.length !== tokens.length) {
    throw new RangeError(`decodeTags: ${tokens.length} tokens but ${scores.length} scores`);
  }
  const breaks = spanBreaks(tokens);
  // breaksUpTo[i]: span breaks before pre-tokens 1..i, so a range [a, b] holds one iff they differ
  const breaksUpTo = new Int32Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) breaksUpTo[i] = breaksUpTo[i - 1]! + breaks[i]!;
  const unbroken = (a: number, b: number): boolean =>
    breaksUpTo[Math.max(a, b)] === breaksUpTo[Math.min(a, b)];
  const runs = tagRuns(text, tokens, tags, breaks);
  // which run each pre-token was tagged into (-1: none), so the span rules only take in free ones
  const owner = new Int32Array(tokens.length).fill(-1);
  runs.forEach((run, r) => owner.fill(r, run.first, run.last + 1));
  const entities: Entity[] = [];
  runs.forEach((run, r) => {
    const edged = trimEdges(tokens, run.first, run.last);
    if (edged === undefined) return;
    const whole: TokenRun = { label: run.label, first: edged[0], last: edged[1] };
    const parts = splitJoinedDrugs(tokens, whole);
    parts.forEach((part, k) => {
      // each part of a split run may take in its own share of the run (up to the next part), never
      // a later part's words: `Omnipaque` must not take `contrast agent` back as its class noun
      const lo = k === 0 ? run.first : part.first;
      const hi = k === parts.length - 1 ? run.last : parts[k + 1]!.first - 1;
      const kept = trimEdges(tokens, part.first, part.last);
      if (kept === undefined) return;
      const tidy = tidyRun(
        tokens,
        { label: part.label, first: kept[0], last: kept[1] },
        (i) =>
          (owner[i] === -1 || (owner[i] === r && i >= lo && i <= hi)) &&
          unbroken(i, kept[0]) &&
          unbroken(i, kept[1]),
      );
      if (tidy === undefined) return;
      const single = tidy.first === tidy.last ? tokens[tidy.first]!.text : undefined;
      if (tidy.label === 'DRUG' && single !== undefined && isNotADrug(single)) return;
      const spanText = text.slice(tokens[tidy.first]!.start, tokens[tidy.last]!.end);
      if (tidy.label === 'DRUG' && isWeekdays(spanText)) return;
      // `10 mg OD`: the model's DRUG is the sig's frequency.
      const label =
        tidy.label === 'DRUG' && single !== undefined && isFrequencyWord(single)
          ? 'FREQUENCY'
          : tidy.label;
      entities.push(toEntity(text, tokens, { ...tidy, label }, (i) => owner[i] === r, scores));
    });
  });
  return entities;
}

/**
 * The entity over pre-tokens `[run.first, run.last]`, inner spaces included. Its score is the mean
 * confidence over the pre-tokens the model tagged into it (`tagged`), so a word the span rules took
 * in adds nothing.
 */
function toEntity(
  text: string,
  tokens: readonly PreToken[],
  run: TokenRun,
  tagged: (index: number) => boolean,
  scores: readonly number[] | undefined,
): Entity {
  const start = tokens[run.first]!.start;
  const end = tokens[run.last]!.end;
  let sum = 0;
  let count = 0;
  for (let i = run.first; i <= run.last; i++) {
    if (!tagged(i)) continue;
    sum += scores?.[i] ?? 1;
    count++;
  }
  return {
    start,
    end,
    label: run.label,
    text: text.slice(start, end),
    score: scores === undefined || count === 0 ? 1 : sum / count,
  };
}

/** The tag sequence's entities as pre-token ranges, before their edges are trimmed. */
function tagRuns(
  text: string,
  tokens: readonly PreToken[],
  tags: readonly string[],
  breaks: Uint8Array,
): TokenRun[] {
  const runs: TokenRun[] = [];
  let open: { label: Med7Label; first: number; last: number } | undefined;
  const close = (): void => {
    if (open !== undefined) runs.push(open);
    open = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const parsed = parseTag(tags[i]!);
    if (parsed.role === 'O' || !isMed7Label(parsed.label)) {
      close();
      continue;
    }
    const continues =
      open !== undefined &&
      open.label === parsed.label &&
      breaks[i] === 0 &&
      (parsed.role === 'I' ||
        parsed.role === 'L' ||
        (parsed.role === 'B' && !hasLineBreak(text.slice(tokens[i - 1]!.end, tokens[i]!.start))));
    if (continues && open !== undefined) {
      open.last = i;
    } else {
      close();
      open = { label: parsed.label, first: i, last: i };
    }
    if (parsed.role === 'L' || parsed.role === 'U') close();
  }
  close();
  return runs;
}

/** Converts entities to the JSON Lines tuple form `[start, end, label]`. */
export function toTuples(entities: readonly Entity[]): EntityTuple[] {
  return entities.map((entity) => [entity.start, entity.end, entity.label]);
}
