/**
 * A record's own words for an entry's status, in one table for the three places that read them:
 * a `Status:` field's value or a table's status cell (./status-entries.ts), a status alone on its
 * line over a sub-list (./status-lines.ts: `Not Taking`, `Discontinued`), and a heading that is
 * such a word (./status-context.ts: `DISCONTINUED:`, `ON HOLD:`). A word read in one place is read
 * in all.
 */
import type { MedicationStatus } from './status-types.ts';

interface StatusWords {
  status: MedicationStatus;
  /** Words and phrases in lower case, as regular-expression sources. */
  words: readonly string[];
  /**
   * Plain words of `words` that also head a sub-list alone on their line, written in sentence
   * case, title case or capitals (`Not taking`, `Not Taking`, `NOT TAKING`).
   */
  headings: readonly string[];
}

const STATUS_WORDS: readonly StatusWords[] = [
  // A cancelled order was never given.
  {
    status: 'negated',
    words: ['not taking', 'never started', 'not started', 'refused', 'declined', 'cancell?ed'],
    headings: ['not taking'],
  },
  {
    status: 'stopped',
    words: [
      'discontinued?',
      'stop(?:ped)?',
      'ceased',
      'inactive',
      'expired',
      'completed(?: course| taper)?',
      'ended',
      'removed',
      'weaned(?: off)?',
      'past',
      'previous',
      'historical',
    ],
    headings: [
      'discontinued',
      'inactive',
      'completed',
      'expired',
      'past',
      'previous',
      'historical',
    ],
  },
  {
    status: 'held',
    words: ['on hold', 'hold', 'held', 'suspended', 'paused'],
    headings: ['on hold'],
  },
  { status: 'planned', words: ['pending', 'planned', 'not yet started'], headings: [] },
  { status: 'given', words: ['given', 'administered'], headings: [] },
  // A reconciliation's actions too: `Continue`, `New`.
  {
    status: 'active',
    words: ['active', 'taking', 'current', 'continued?', 'ongoing', 'new', 'filled'],
    headings: ['taking', 'active'],
  },
];

const WORD_STATUS: readonly [RegExp, MedicationStatus][] = STATUS_WORDS.map(({ status, words }) => [
  new RegExp(`^(?:${words.join('|')})$`, 'i'),
  status,
]);

/** The status a word alone names (`On hold`, `DISCONTINUED`, `Not taking`), or none. */
export function statusOfWord(word: string): MedicationStatus | undefined {
  return WORD_STATUS.find(([pattern]) => pattern.test(word))?.[1];
}

/** `not taking` as written at the head of a list: `Not taking`, `Not Taking`, `NOT TAKING`, `Not-Taking`. */
function headingForms(phrase: string): string[] {
  const title = phrase.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  const sentence = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return [...new Set([sentence, title, phrase.toUpperCase()])].map((form) =>
    form.replace(/ /g, '[ -]'),
  );
}

/** A status alone, over a sub-list of a medication list (`Not Taking`), as a capturing group's source. */
export const STATUS_NAME = `(${STATUS_WORDS.flatMap(({ headings }) => headings.flatMap(headingForms)).join('|')})`;
