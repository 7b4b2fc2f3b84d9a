/**
 * A unit timing of the status step without the model: the status dev gold sentences joined into one
 * note (gold entities), `drugStatuses` of two versions of `status.ts` run in turn, so that a change
 * to the rules is timed against the old ones under the same load. Median, min and max per version.
 *
 *   git show main:src/core/records/status.ts > /tmp/old/status.ts   (with its sibling modules)
 *   npx tsx scripts/time-status.ts OLD/status.ts src/core/records/status.ts [--runs 15]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Entity } from '../src/core/types.ts';

type StatusFn = (text: string, entities: readonly Entity[]) => unknown;
interface GoldRecord {
  text: string;
  entities: [number, number, Entity['label']][];
}

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '15' } },
  allowPositionals: true,
});
const versions = positionals.map((p) => resolve(p));
const gold = new URL('../gold/', import.meta.url);
let text = '';
const entities: Entity[] = [];
for (const file of readdirSync(gold).filter((f) => /^status-dev.*\.jsonl$/.test(f))) {
  for (const line of readFileSync(new URL(file, gold), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as GoldRecord;
    const at = text.length;
    for (const [start, end, label] of rec.entities) {
      const span = { start: start + at, end: end + at };
      entities.push({ ...span, label, text: rec.text.slice(start, end), score: 1 });
    }
    text += `${rec.text}\n`;
  }
}
const fns: StatusFn[] = [];
for (const v of versions) fns.push(((await import(v)) as { drugStatuses: StatusFn }).drugStatuses);
const times: number[][] = fns.map(() => []);
for (let r = 0; r < Number(values.runs); r++) {
  fns.forEach((fn, i) => {
    const t = performance.now();
    fn(text, entities);
    times[i]!.push(performance.now() - t);
  });
}
const drugs = entities.filter((e) => e.label === 'DRUG').length;
console.log(`${text.length} characters, ${drugs} drugs, ${values.runs} runs each, in turn`);
versions.forEach((v, i) => {
  const s = [...times[i]!].sort((a, b) => a - b);
  const median = s[s.length >> 1]!;
  console.log(
    `${v}: median ${median.toFixed(1)} ms, min ${s[0]!.toFixed(1)}, max ${s.at(-1)!.toFixed(1)}`,
  );
});
