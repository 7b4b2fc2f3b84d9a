/**
 * Scores the medication linker (src/core/records/group.ts) on the hand-made link gold.
 *
 *   npx tsx scripts/eval-links.ts [DEV.jsonl] [LINKS.jsonl] [--json] [--errors] [--predicted FILE]
 *
 * Defaults: ../shared/data/gold/dev.jsonl (gold entities) and gold/links-dev.jsonl (gold links).
 * The linker runs on the *gold* entities, so this measures linking alone, not recognition. With
 * `--predicted FILE` (the output of `med7 annotate` on the dev set) it runs on the model's entities
 * instead: an end-to-end score, where a link counts only if both spans were found exactly.
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
} from '../src/core/eval/records-eval.ts';
import type { EntityTuple } from '../src/core/types.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

type JsonlRecord = { id: string; text: string; entities: EntityTuple[] };

/** Pair each link gold line with its sentence, gold entities and, if given, predicted entities. */
export function loadLinkCases(
  devPath: string,
  linksPath: string,
  predictedPath?: string,
): LinkCase[] {
  const dev = new Map(readJsonl<JsonlRecord>(devPath).map((r) => [r.id, r]));
  const predicted =
    predictedPath === undefined
      ? undefined
      : new Map(readJsonl<JsonlRecord>(predictedPath).map((r) => [r.id, r]));
  return readJsonl<LinkGoldRecord>(linksPath).map((gold) => {
    const record = dev.get(gold.id);
    if (!record) throw new Error(`${linksPath}: id ${gold.id} is not in ${devPath}`);
    const case_: LinkCase = {
      id: gold.id,
      text: record.text,
      entities: tuplesToEntities(record.text, record.entities),
      gold,
    };
    if (predicted) {
      const p = predicted.get(gold.id);
      if (!p || p.text !== record.text)
        throw new Error(`${predictedPath}: no record ${gold.id} with its text`);
      case_.predicted = tuplesToEntities(p.text, p.entities);
    }
    return case_;
  });
}

function main(argv: string[]): void {
  const at = argv.indexOf('--predicted');
  const predictedPath = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && predictedPath === undefined) throw new Error('--predicted needs a file');
  const files = argv.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const devPath = files[0] ?? resolve(root, '../shared/data/gold/dev.jsonl');
  const linksPath = files[1] ?? resolve(root, 'gold/links-dev.jsonl');
  const cases = loadLinkCases(devPath, linksPath, predictedPath);
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
  if (predictedPath !== undefined)
    console.log(`entities: predicted (${predictedPath}), end to end`);
  else console.log('entities: gold (linking alone)');
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
