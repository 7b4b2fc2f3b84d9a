/**
 * The speed cost of the status step (src/core/records/status.ts) on the bench notes: the first N notes of
 * the benchmark's seeded MTSamples sample (bench/run.ts, seed 20260107), their entities found once
 * by the model, then per pass: the status step alone (`drugStatuses`), `groupMedications` (which
 * includes it) and, for scale, the model's own time on the same notes. Median of the passes.
 *
 *   npx tsx scripts/bench-status.ts [--notes 40] [--passes 5] [--json]
 */
import { parseArgs } from 'node:util';
import { shuffled, uniqueNotes } from '../bench/notes.ts';
import { groupMedications } from '../src/core/records/group.ts';
import { drugStatuses } from '../src/core/records/status.ts';
import type { Entity } from '../src/core/types.ts';
import { loadMed7Model } from '../src/model/index.ts';

const SEED = 20260107;
const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '40' },
    passes: { type: 'string', default: '5' },
    json: { type: 'boolean' },
  },
});
const count = Number(values.notes);
const passes = Number(values.passes);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const notes = shuffled(uniqueNotes(), SEED).slice(0, count);
const words = notes.reduce((sum, n) => sum + n.words, 0);
const model = await loadMed7Model({ dtype: 'auto', device: 'cpu' });
const modelMs: number[] = [];
let entities: Entity[][] = [];
for (let p = 0; p < Math.min(passes, 3); p++) {
  const t = performance.now();
  entities = [];
  for (const note of notes) entities.push(await model.extract(note.text));
  modelMs.push(performance.now() - t);
}
await model.dispose();

const statusMs: number[] = [];
const groupMs: number[] = [];
for (let p = 0; p < passes; p++) {
  let t = performance.now();
  notes.forEach((note, i) => drugStatuses(note.text, entities[i] ?? []));
  statusMs.push(performance.now() - t);
  t = performance.now();
  notes.forEach((note, i) => groupMedications(note.text, entities[i] ?? []));
  groupMs.push(performance.now() - t);
}
const drugs = entities.flat().filter((e) => e.label === 'DRUG').length;
const result = {
  notes: notes.length,
  words,
  drugs,
  passes,
  statusMs: median(statusMs),
  groupMedicationsMs: median(groupMs),
  modelMs: median(modelMs),
  statusShareOfModel: median(statusMs) / median(modelMs),
  statusMsPerNote: median(statusMs) / notes.length,
};
if (values.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(
    `${result.notes} notes, ${words} words, ${drugs} DRUG entities; median of ${passes} passes:\n` +
      `  status step (drugStatuses)         ${result.statusMs.toFixed(1)} ms (${result.statusMsPerNote.toFixed(2)} ms per note)\n` +
      `  groupMedications (with the status) ${result.groupMedicationsMs.toFixed(1)} ms\n` +
      `  the model on the same notes        ${result.modelMs.toFixed(0)} ms\n` +
      `  status step / model time           ${(100 * result.statusShareOfModel).toFixed(2)} %\n`,
  );
}
