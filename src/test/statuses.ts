/** Test helpers of the status step: a drug's status by its word, and every drug's of a sentence. */
import { expect } from 'vitest';
import { drugStatuses, statusOf, type DrugStatus } from '../core/records/status.ts';
import type { Med7Label } from '../core/labels.ts';
import type { Entity } from '../core/types.ts';

/** The status of `word` (its first occurrence) in `text`, as the only entity. */
export function of(text: string, word: string): DrugStatus {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in text`);
  return statusOf(text, { start, end: start + word.length });
}

/** Entities for `spans` ([text, label], each found after the one before), as the model gives them. */
export function entitiesOf(text: string, spans: [string, Med7Label][]): Entity[] {
  let at = 0;
  return spans.map(([word, label]) => {
    const start = text.indexOf(word, at);
    if (start < 0) throw new Error(`${word} not in text`);
    at = start + word.length;
    return { start, end: at, label, text: word, score: 1 };
  });
}

/** The status of every DRUG of `spans`, by its text. */
export function statusesOf(text: string, spans: [string, Med7Label][]): Record<string, DrugStatus> {
  const entities = entitiesOf(text, spans);
  const statuses = drugStatuses(text, entities);
  return Object.fromEntries(
    entities.filter((e) => e.label === 'DRUG').map((e) => [e.text, statuses.get(e)!]),
  );
}

/** A sentence, its entities, and each drug's expected status and cue words (or null). */
export type StatusCase = [
  text: string,
  spans: [string, Med7Label][],
  expected: Record<string, [string, string | null]>,
];

/** Runs each case: every listed drug gets its status, and its cue is the given words at their offset. */
export function checkStatuses(cases: StatusCase[]): void {
  for (const [text, spans, expected] of cases) {
    const statuses = statusesOf(text, spans);
    for (const [drug, [status, cue]] of Object.entries(expected)) {
      const start = cue === null ? -1 : text.indexOf(cue);
      expect(statuses[drug], `${drug} in "${text}"`).toEqual({
        status,
        cue: cue === null ? null : { start, end: start + cue.length, text: cue },
      });
    }
  }
}

/** A drug alone in a sentence, its expected status, and its cue's words (or null). */
export type OneDrugCase = [text: string, drug: string, status: string, cue: string | null];

/** The drug of `text` (its first occurrence) gets `status`, with `cue` at its offset. */
export function expectStatusOf([text, drug, status, cue]: OneDrugCase): void {
  const start = cue === null ? -1 : text.indexOf(cue);
  expect(of(text, drug), text).toEqual({
    status,
    cue: cue === null ? null : { start, end: start + cue.length, text: cue },
  });
}
