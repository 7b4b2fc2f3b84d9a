import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MED7_LABELS } from '../labels.ts';
import { pretokenize, type PreToken } from './pretokenize.ts';
import { decodeTags } from './tags.ts';

// Words the span rules act on, mixed with ordinary ones and symbols, so that random tags hit them.
const WORDS = [
  'Lasix',
  'pain',
  'medication',
  'channel',
  'blocker',
  'for',
  'the',
  'next',
  '2',
  'to',
  'weeks',
  'days',
  'and',
  'me',
  'as-needed',
  'on',
  'a',
  'p.r.n.',
  'basis',
  'with',
  'epinephrine',
  'Codeine',
  'dye',
  'contrast',
  'material',
  'agent',
  '0.5',
  'mcg/kg/minute',
  'mg/day',
  '2-week',
  ',',
  '•',
  '💊',
  '\n',
];
const TAGS = ['O', ...MED7_LABELS.flatMap((label) => [`B-${label}`, `I-${label}`])];

/** The checks every decoded entity list must pass, whatever the tags. */
function expectTidy(
  text: string,
  entities: ReturnType<typeof decodeTags>,
  tokens: PreToken[],
): void {
  const starts = new Set(tokens.map((token) => token.start));
  const ends = new Set(tokens.map((token) => token.end));
  let previousEnd = 0;
  for (const entity of entities) {
    expect(entity.text).toBe(text.slice(entity.start, entity.end));
    expect(entity.start).toBeGreaterThanOrEqual(previousEnd);
    expect(starts.has(entity.start) && ends.has(entity.end)).toBe(true);
    expect(entity.text).not.toMatch(/(?:^|[\s,])(?:and|the|to|for|me|with)$/i);
    // a DURATION keeps its unit (WORDS hold `weeks`, `days`, `2-week`, `minute`, `mg/day`)
    if (entity.label === 'DURATION') expect(entity.text).toMatch(/weeks?|days?|minute/);
    previousEnd = entity.end;
  }
}

/**
 * Decodes random texts of {@link WORDS} under tags drawn from `tagChoices` (cycled over the
 * pre-tokens) and checks every result with {@link expectTidy}.
 */
function checkRandomTags(
  tagChoices: readonly string[],
  maxWords: number,
  settings: { numRuns: number; seed: number },
): void {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...WORDS), { maxLength: maxWords }),
      fc.array(fc.constantFrom(...tagChoices), {
        minLength: 4 * maxWords,
        maxLength: 4 * maxWords,
      }),
      (words, tagPool) => {
        const text = words.join(' ');
        const tokens = pretokenize(text);
        const tags = tokens.map((_, i) => tagPool[i % tagPool.length]!);
        expectTidy(text, decodeTags(text, tokens, tags), tokens);
      },
    ),
    settings,
  );
}

describe('span rules on random tag sequences', () => {
  it('keep entities ordered, apart, on word edges, and never ending in a function word', () => {
    checkRandomTags(TAGS, 30, { numRuns: 500, seed: 16 });
  });

  it('keep the parts of a split DRUG apart from each other and from their neighbours', () => {
    // mostly one long DRUG run, so that `with` and contrast nouns fall inside it
    const drugHeavy = ['I-DRUG', 'I-DRUG', 'I-DRUG', 'B-DRUG', 'O', 'B-FREQUENCY'];
    checkRandomTags(drugHeavy, 20, { numRuns: 1000, seed: 18 });
  });
});
