/**
 * Where an allergy heading's list ends (./status-context.ts): its short fragments run on up to a
 * sentence of prose, a line of its own being one (`Dear Dr Evans,⏎I reviewed …`); a list that
 * names none (`Drug allergy: Nil known.`) ends with its sentence.
 */
import { lowerBound } from './status-triggers.ts';

/**
 * A sentence under a heading that reads as prose (a pronoun, a verb, a letter's `Dear` or `I`)
 * ends an allergy list.
 */
const PROSE =
  /\b(?:he|she|they|patient|was|were|is|are|has|have|had|will|takes|taking|stopped|started|do|does|did|dear|we)\b/i;
/** An allergy list that lists none (`Nil known`, `NKDA`, `None`). */
const NONE_LISTED =
  /^[\s:]*(?:nil|none|nkda|nka|no known(?: drug)? allerg(?:y|ies))(?: known| reported)?[\s.]*$/i;
/** A letter's writer (`I reviewed`), not a type or a grade (`type I reaction`). */
const FIRST_PERSON = /(?<!\b(?:[Tt]ype|[Gg]rade|[Cc]lass|[Ss]tage|[Pp]hase) )\bI\b(?= [a-z])/;

/**
 * The end of the list of an allergy heading that ends at `headingEnd`, at most `limit` (the next
 * heading or section). `sentenceEnds` are sorted.
 */
export function allergyListEnd(
  text: string,
  sentenceEnds: readonly number[],
  headingEnd: number,
  limit: number,
): number {
  const first = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > headingEnd);
  const firstEnd = sentenceEnds[first];
  if (
    firstEnd !== undefined &&
    firstEnd < limit &&
    NONE_LISTED.test(text.slice(headingEnd, firstEnd))
  ) {
    return firstEnd;
  }
  for (let i = first; i < sentenceEnds.length && sentenceEnds[i]! < limit; i++) {
    const end = sentenceEnds[i]!;
    // The line break right after the heading (`ALLERGIES:⏎She thinks to Benadryl.`) ends no list.
    if (!/[^\s:]/.test(text.slice(headingEnd, end))) continue;
    const following = text.slice(end, nextSentenceEnd(sentenceEnds, end, limit));
    if (PROSE.test(following) || FIRST_PERSON.test(following)) return end;
  }
  return limit;
}

/** The first sentence end after `after`, or `limit` if none comes before it. */
export function nextSentenceEnd(ends: readonly number[], after: number, limit: number): number {
  const at = lowerBound(ends.length, (i) => ends[i]! > after);
  return at < ends.length ? Math.min(ends[at]!, limit) : limit;
}
