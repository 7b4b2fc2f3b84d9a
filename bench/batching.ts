/**
 * `npm run bench:batching`: what running each sentence as its own model call (`batching:
 * 'sentence'`, the default, which makes a sentence's result a function of its own text and lets
 * results be kept per sentence) costs or saves against pooled batching, in Node: strict F1 on the
 * gold test, third and fourth sets pooled; words per second note by note (as the element analyses)
 * and as one corpus (`extractMany`, as `med7 annotate` does); and a keystroke's re-analysis in a
 * 2,000-word note. The modes alternate round by round so other load hits both alike.
 *
 *     npm run bench:batching [-- --rounds 5 --notes 40]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate } from '../src/core/eval/metrics.ts';
import type { EntityTuple } from '../src/core/types.ts';
import { countWords } from '../src/core/decode/pretokenize.ts';
import { loadMed7Model, type Med7Model } from '../src/model/index.ts';
import { notesOfLength, REPO_ROOT, shuffled, uniqueNotes } from './notes.ts';
import { fmt, spread, sum } from './stats.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, notes: { type: 'string', default: '40' } },
});
const ROUNDS = Number(values.rounds);
const NOTES = Number(values.notes);
const MODES = ['pooled', 'sentence'] as const;
type Mode = (typeof MODES)[number];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const tuples = (entities: { start: number; end: number; label: string }[]): EntityTuple[] =>
  entities.map((e) => [e.start, e.end, e.label] as EntityTuple);

async function f1(model: Med7Model): Promise<number> {
  const records = ['test', 'third', 'fourth'].flatMap((name) =>
    readFileSync(join(REPO_ROOT, 'gold', `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { text: string; entities: EntityTuple[] }),
  );
  const predicted = await model.extractMany(records.map((r) => r.text));
  const report = evaluate(
    records.map((r) => r.entities),
    predicted.map(tuples),
  );
  return report.micro.strict.f1;
}

async function main(): Promise<void> {
  console.log(`load average at start: ${load()}`);
  const models = {} as Record<Mode, Med7Model>;
  // no kept results here: the cost of isolation alone, not the help of the cache
  for (const mode of MODES)
    models[mode] = await loadMed7Model({ batching: mode, sentenceCacheSize: 0 });
  for (const mode of MODES)
    console.log(
      `strict F1 (test+third+fourth) ${mode}: ${(100 * (await f1(models[mode]))).toFixed(2)}`,
    );

  const notes = shuffled(uniqueNotes(), 20260107)
    .slice(0, NOTES)
    .map((n) => n.text);
  const words = sum(notes.map(countWords));
  const perNote: Record<Mode, number[]> = { pooled: [], sentence: [] };
  const corpus: Record<Mode, number[]> = { pooled: [], sentence: [] };
  for (const mode of MODES) await models[mode].extractMany(notes.slice(0, 3));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? MODES : [...MODES].reverse();
    for (const mode of order) {
      let started = performance.now();
      for (const note of notes) await models[mode].extract(note);
      perNote[mode].push(words / ((performance.now() - started) / 1000));
      started = performance.now();
      await models[mode].extractMany(notes);
      corpus[mode].push(words / ((performance.now() - started) / 1000));
    }
  }
  console.log(`${NOTES} notes, ${words} words, ${ROUNDS} rounds; load average now: ${load()}`);
  for (const mode of MODES) {
    console.log(
      `${mode}: note by note ${fmt(spread(perNote[mode]))} words/s; as one corpus ${fmt(spread(corpus[mode]))} words/s`,
    );
  }
  for (const mode of MODES) await models[mode].dispose();

  // a keystroke in a 2,000-word note, with results kept per sentence
  const cached = await loadMed7Model({ batching: 'sentence' });
  const [long] = notesOfLength(uniqueNotes(), 2000, 1);
  let current = long!;
  let started = performance.now();
  await cached.extract(current);
  const first = performance.now() - started;
  const keystroke: number[] = [];
  for (let i = 0; i < ROUNDS * 2; i++) {
    // one letter typed somewhere in the note: one sentence changes
    const at = Math.floor(current.length * (0.1 + (0.8 * i) / (ROUNDS * 2)));
    current = `${current.slice(0, at)}x${current.slice(at)}`;
    started = performance.now();
    await cached.extract(current);
    keystroke.push(performance.now() - started);
  }
  console.log(
    `2,000-word note in Node: first analysis ${first.toFixed(0)} ms; a keystroke ${fmt(spread(keystroke), 1)} ms; load average ${load()}`,
  );
  await cached.dispose();
}

await main();
