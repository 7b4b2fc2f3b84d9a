/**
 * Long work as generators that yield between pieces of a few milliseconds each, so that a browser
 * can spread a long text's medication records over several tasks (the element does), while Node and
 * short texts run them to the end at once (`runSteps`). The results are the same either way.
 */

/** Matches (or items) handled between two yields. */
export const MATCHES_PER_STEP = 2_000;

/** Runs a generator of steps to its end and returns its value. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The matches of the global `re` in `text`, handed to `onMatch`; yields every so many. */
export function* scan(
  text: string,
  re: RegExp,
  onMatch: (match: RegExpExecArray) => void,
): Generator<void, void> {
  let count = 0;
  for (const m of text.matchAll(re)) {
    onMatch(m);
    if (++count % MATCHES_PER_STEP === 0) yield;
  }
}
