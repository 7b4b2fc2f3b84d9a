/**
 * Dumps, for every gold DRUG of status gold files, the rules' status and the features of its
 * context, one JSON line per drug, for the learned-classifier experiment of
 * `training/status/train.py`: the rules' answer and where its cue stands, the words near the drug
 * (by side and distance), the sentence's words, the section heading above it, the drug's words.
 * Records whose id is in the shared `dev.jsonl` are marked `shared: true` (never trained on).
 *
 *   npx tsx scripts/status-features.ts gold/status-dev-b.jsonl … > training/status/features.jsonl
 *
 * With `--rules-dir DIR`, the rules' answer in the features comes from `DIR/<part>.ts` where it
 * exists: an older `status.ts` (training/status/old-rules.sh extracts them from git), the rules
 * as they stood before the part was first scored, so the combiner learns from the rules' errors
 * on text they had not seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { drugStatuses } from '../src/core/records/status.ts';
import {
  findHeadings,
  maskSpans,
  sentenceBounds,
  type Heading,
} from '../src/core/records/status-context.ts';
import { lowerBound } from '../src/core/records/status-triggers.ts';
import type { DrugStatus } from '../src/core/records/status-types.ts';
import { runSteps } from '../src/core/records/steps.ts';
import type { Med7Label } from '../src/core/labels.ts';
import type { Entity } from '../src/core/types.ts';

/** Words as the features see them: lower-case runs of letters (digits and sigs are masked). */
const WORD = /[a-z][a-z'-]*/g;
const words = (s: string): string[] => s.toLowerCase().match(WORD) ?? [];

/** How far from the drug a word may stand and still count as near. */
const NEAR = 8;

interface FeatureContext {
  text: string;
  /** `text` with the other entities and headings blanked (status.ts's `masked`). */
  masked: string;
  sentenceEnds: readonly number[];
  headings: readonly Heading[];
}

function statusFeatures(
  ctx: FeatureContext,
  drug: { start: number; end: number },
  rules: DrugStatus,
): string[] {
  const { text, masked, sentenceEnds, headings } = ctx;
  const at = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start);
  const sentenceStart = sentenceEnds[at - 1] ?? 0;
  const sentenceEnd = sentenceEnds[at] ?? text.length;
  const left = words(masked.slice(sentenceStart, drug.start)).slice(-NEAR).reverse();
  const right = words(masked.slice(drug.end, Math.max(drug.end, sentenceEnd))).slice(0, NEAR);
  const cuePlace =
    rules.cue === null
      ? 'none'
      : rules.cue.end <= drug.start
        ? 'before'
        : rules.cue.start >= drug.end
          ? 'after'
          : 'self';
  const features = ['bias', `r=${rules.status}`, `r=${rules.status}@${cuePlace}`];
  if (rules.cue) {
    const cue = words(rules.cue.text).join('_');
    if (cue) features.push(`cue=${cue}`);
  }
  const side = (name: string, list: string[]): void => {
    list.forEach((w, i) => {
      features.push(`${name}:${w}`);
      if (i < 3) features.push(`${name}${i + 1}:${w}`);
      const next = list[i + 1];
      if (next !== undefined && i < 4) {
        features.push(name === 'l' ? `${name}b:${next}_${w}` : `${name}b:${w}_${next}`);
      }
    });
    if (list.length === 0) features.push(`${name}:EDGE`);
  };
  side('l', left);
  side('r', right);
  for (const w of new Set(words(masked.slice(sentenceStart, sentenceEnd)))) features.push(`s:${w}`);
  const heading = headings[lowerBound(headings.length, (i) => headings[i]!.end > drug.start) - 1];
  if (heading && drug.start < heading.until) {
    features.push(`h=${heading.status ?? 'none'}`);
    for (const w of words(text.slice(heading.start, heading.end))) features.push(`h:${w}`);
  }
  for (const w of words(text.slice(drug.start, drug.end))) features.push(`d:${w}`);
  return features;
}

interface GoldRecord {
  id: string;
  text: string;
  entities: [number, number, string][];
  status: [number, number, string][];
}

const sharedIds = new Set(
  readFileSync(new URL('../../shared/data/gold/dev.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { id: string }).id),
);

type StatusFn = typeof drugStatuses;
const args = process.argv.slice(2);
const dirAt = args.indexOf('--rules-dir');
const rulesDir = dirAt >= 0 ? args.splice(dirAt, 2)[1] : undefined;

for (const file of args) {
  const part = basename(file, '.jsonl');
  const old = rulesDir ? resolve(rulesDir, `${part}.ts`) : undefined;
  const statusesOf: StatusFn =
    old && existsSync(old)
      ? ((await import(old)) as { drugStatuses: StatusFn }).drugStatuses
      : drugStatuses;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as GoldRecord;
    const entities: Entity[] = rec.entities.map(([start, end, label]) => ({
      start,
      end,
      label: label as Med7Label,
      text: rec.text.slice(start, end),
      score: 1,
    }));
    const statuses = statusesOf(rec.text, entities);
    const sentenceEnds = runSteps(sentenceBounds(rec.text));
    const headings = runSteps(findHeadings(rec.text, sentenceEnds));
    const masked = runSteps(maskSpans(rec.text, [...entities, ...headings]));
    const gold = new Map(rec.status.map(([s, e, st]) => [`${s}:${e}`, st]));
    const note = rec.id.startsWith('status-') ? rec.id.split('-')[1] : rec.id;
    for (const drug of entities) {
      if (drug.label !== 'DRUG') continue;
      const rules = statuses.get(drug)!;
      const features = statusFeatures(
        { text: rec.text, masked, sentenceEnds, headings },
        drug,
        rules,
      );
      const out = {
        part,
        id: rec.id,
        note,
        shared: sharedIds.has(rec.id),
        start: drug.start,
        end: drug.end,
        gold: gold.get(`${drug.start}:${drug.end}`),
        rules: rules.status,
        cued: rules.cue !== null,
        features,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
  }
}
