/**
 * Scoring the medication linker against hand-made link gold (`gold/links-dev.jsonl`, format in
 * `gold/README.md`). Pure: the caller reads the files.
 */
import { isMed7Label } from '../labels.ts';
import { groupMedications, recordAttributes, type MedicationRecord } from '../records/group.ts';
import type { Entity, EntityTuple } from '../types.ts';

/** `[start, end, text]` of a drug in the link gold. */
export type GoldDrug = [start: number, end: number, text: string];
/** `[start, end, label, text]` of an attribute in the link gold. */
export type GoldAttribute = [start: number, end: number, label: string, text: string];

/** One line of the link gold: the medications of one sentence of the entity gold. */
export interface LinkGoldRecord {
  id: string;
  medications: { drug: GoldDrug | null; attributes: GoldAttribute[] }[];
  note?: string;
}

/** One sentence to score: its text, its gold entities, and its gold links. */
export interface LinkCase {
  id: string;
  text: string;
  entities: Entity[];
  gold: LinkGoldRecord;
  /**
   * Entities to link instead of the gold ones (a model's), for an end-to-end score: then a link
   * is right only when the attribute and its drug were both found with the gold span and label.
   */
  predicted?: Entity[];
}

export interface LinkError {
  id: string;
  attribute: string;
  expected: string | null;
  got: string | null;
}

export interface LinkScores {
  /** Attributes scored (every non-DRUG gold entity). */
  attributes: number;
  /** Attributes whose predicted drug (or "no drug") is the gold one. */
  attributesCorrect: number;
  /** Gold attribute→drug links (attributes with no drug are not links). */
  goldLinks: number;
  predictedLinks: number;
  correctLinks: number;
  precision: number;
  recall: number;
  f1: number;
  /** Sentences with at least one entity. */
  sentences: number;
  /** Sentences in which every attribute went to its gold drug. */
  sentencesCorrect: number;
  errors: LinkError[];
}

const key = (start: number, end: number): string => `${start}:${end}`;
/** Attributes are keyed with their label, so a span found with the wrong label is not a match. */
const attributeKey = (start: number, end: number, label: string): string =>
  `${start}:${end}:${label}`;

/** Turn `[start, end, label]` tuples into entities over `text` (score 1, as gold). */
export function tuplesToEntities(text: string, tuples: readonly EntityTuple[]): Entity[] {
  return tuples.map(([start, end, label]) => ({
    start,
    end,
    label,
    text: text.slice(start, end),
    score: 1,
  }));
}

/**
 * Check that a link gold line fits its sentence: every span's text matches, every DRUG appears
 * once as a drug, every other entity once as an attribute with its label. Returns the problems
 * (empty when it fits).
 */
export function checkLinkGold(c: LinkCase): string[] {
  const problems: string[] = [];
  const expected = new Map(c.entities.map((e) => [key(e.start, e.end), e]));
  const seen = new Set<string>();
  const visit = (start: number, end: number, label: string, text: string): void => {
    const k = key(start, end);
    const entity = expected.get(k);
    if (!entity) problems.push(`${c.id}: ${k} ${JSON.stringify(text)} is no gold entity`);
    else if (entity.label !== label || entity.text !== text)
      problems.push(
        `${c.id}: ${k} is ${entity.label} ${JSON.stringify(entity.text)}, not ${label} ${JSON.stringify(text)}`,
      );
    if (seen.has(k)) problems.push(`${c.id}: ${k} appears twice`);
    seen.add(k);
  };
  for (const med of c.gold.medications) {
    if (med.drug) visit(med.drug[0], med.drug[1], 'DRUG', med.drug[2]);
    for (const [start, end, label, text] of med.attributes) {
      if (!isMed7Label(label) || label === 'DRUG') problems.push(`${c.id}: bad label ${label}`);
      visit(start, end, label, text);
    }
  }
  for (const k of expected.keys())
    if (!seen.has(k)) problems.push(`${c.id}: ${k} is not in the link gold`);
  return problems;
}

const MISSING = '(missing)';

function goldDrugOf(gold: LinkGoldRecord): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const med of gold.medications) {
    const drug = med.drug ? key(med.drug[0], med.drug[1]) : null;
    for (const [start, end, label] of med.attributes)
      map.set(attributeKey(start, end, label), drug);
  }
  return map;
}

function predictedDrugOf(records: readonly MedicationRecord[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const record of records) {
    const drug = record.drug ? key(record.drug.start, record.drug.end) : null;
    for (const a of recordAttributes(record)) map.set(attributeKey(a.start, a.end, a.label), drug);
  }
  return map;
}

/**
 * Score a linker (by default `groupMedications`) against gold links, on the gold entities or, where
 * a case has `predicted`, on those.
 */
export function scoreLinks(
  cases: readonly LinkCase[],
  link: (text: string, entities: Entity[]) => MedicationRecord[] = groupMedications,
): LinkScores {
  let attributes = 0;
  let attributesCorrect = 0;
  let goldLinks = 0;
  let predictedLinks = 0;
  let correctLinks = 0;
  let sentences = 0;
  let sentencesCorrect = 0;
  const errors: LinkError[] = [];
  for (const c of cases) {
    if (c.entities.length === 0) continue;
    sentences++;
    const gold = goldDrugOf(c.gold);
    const predicted = predictedDrugOf(link(c.text, c.predicted ?? c.entities));
    const textOf = (k: string | null): string | null => {
      if (k === null) return null;
      const [start, end] = k.split(':').map(Number);
      return `${c.text.slice(start, end)} [${start}:${end}]`;
    };
    let allRight = true;
    for (const got of predicted.values()) if (got !== null) predictedLinks++;
    for (const [attribute, goldDrug] of gold) {
      // An attribute the entities lack (a recognition miss) is wrong whatever its gold drug.
      const got = predicted.has(attribute) ? (predicted.get(attribute) ?? null) : MISSING;
      attributes++;
      if (goldDrug !== null) goldLinks++;
      if (got === goldDrug) {
        attributesCorrect++;
        if (got !== null) correctLinks++;
      } else {
        allRight = false;
        errors.push({
          id: c.id,
          attribute: textOf(attribute) ?? '',
          expected: textOf(goldDrug),
          got: got === MISSING ? '(attribute not found)' : textOf(got),
        });
      }
    }
    if (allRight) sentencesCorrect++;
  }
  const precision = predictedLinks ? correctLinks / predictedLinks : 0;
  const recall = goldLinks ? correctLinks / goldLinks : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    attributes,
    attributesCorrect,
    goldLinks,
    predictedLinks,
    correctLinks,
    precision,
    recall,
    f1,
    sentences,
    sentencesCorrect,
    errors,
  };
}
