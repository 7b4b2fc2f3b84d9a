/**
 * Scores the medication linker (src/core/records.ts) on the hand-made link gold.
 *
 *   npx tsx scripts/eval-links.ts [DEV.jsonl] [LINKS.jsonl] [--json] [--errors]
 *
 * Defaults: ../shared/data/gold/dev.jsonl (gold entities) and gold/links-dev.jsonl (gold links).
 * The linker runs on the *gold* entities, so this measures linking alone, not recognition.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkLinkGold,
  scoreLinks,
  tuplesToEntities,
  type LinkCase,
  type LinkGoldRecord,
} from '../src/core/records-eval.ts';
import type { EntityTuple } from '../src/core/types.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Pair each link gold line with its sentence and gold entities. */
export function loadLinkCases(devPath: string, linksPath: string): LinkCase[] {
  const dev = new Map(
    readJsonl<{ id: string; text: string; entities: EntityTuple[] }>(devPath).map((r) => [r.id, r]),
  );
  return readJsonl<LinkGoldRecord>(linksPath).map((gold) => {
    const record = dev.get(gold.id);
    if (!record) throw new Error(`${linksPath}: id ${gold.id} is not in ${devPath}`);
    return {
      id: gold.id,
      text: record.text,
      entities: tuplesToEntities(record.text, record.entities),
      gold,
    };
  });
}

function main(argv: string[]): void {
  const files = argv.filter((a) => !a.startsWith('--'));
  const devPath = files[0] ?? resolve(root, '../shared/data/gold/dev.jsonl');
  const linksPath = files[1] ?? resolve(root, 'gold/links-dev.jsonl');
  const cases = loadLinkCases(devPath, linksPath);
  const problems = cases.flatMap(checkLinkGold);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(2);
  }
  const s = scoreLinks(cases);
  if (argv.includes('--json')) {
    console.log(JSON.stringify(s, null, 2));
    return;
  }
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  console.log(
    `link gold: ${cases.length} sentences, ${s.attributes} attributes, ${s.goldLinks} attribute→drug links`,
  );
  console.log(
    `links      precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.correctLinks} of ${s.goldLinks} gold, ${s.predictedLinks} predicted)`,
  );
  console.log(
    `attributes to the right drug or to none: ${pct(s.attributesCorrect / s.attributes)}  (${s.attributesCorrect}/${s.attributes})`,
  );
  console.log(
    `sentences entirely right:               ${pct(s.sentencesCorrect / s.sentences)}  (${s.sentencesCorrect}/${s.sentences})`,
  );
  if (argv.includes('--errors') || s.errors.length <= 10) {
    for (const e of s.errors) {
      console.log(
        `  ${e.id}: ${e.attribute} → ${e.got ?? '(no drug)'}, gold ${e.expected ?? '(no drug)'}`,
      );
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
