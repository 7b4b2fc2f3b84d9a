/**
 * The documents of the demo's batch review, and how files become documents: a `.txt` file is one
 * document (its name the id), a `.jsonl` file one document per record in `../shared/ANNOTATION.md`'s
 * format (`{"id"?, "text", "entities"?, "review"?, "edits"?}`). A record that brings its entities
 * is shown as it is and never sent to the model; one without is annotated. Pure: no DOM, no files.
 */
import { isMed7Label } from '../../core/labels.ts';
import type { Entity } from '../../core/types.ts';

/** Where a document stands in review. */
export type ReviewState = 'unreviewed' | 'reviewed' | 'edited';
export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'reviewed', 'edited'];

export interface BatchDoc {
  /** Unique in the batch: a document opened again with the same id replaces the old one. */
  id: string;
  text: string;
  /** null until annotated. */
  entities: Entity[] | null;
  review: ReviewState;
  /** The review element's record of edits (`med7-change`'s `edits`), as it gave them. */
  edits: unknown[];
  /** Why the model could not annotate it, if it failed. */
  error?: string;
}

/** A file's documents, and the lines that could not be read (1-based, with the reason). */
export interface Parsed {
  documents: BatchDoc[];
  problems: string[];
}

const BOM = '\uFEFF';

/** A `.txt` file: one document, its text exactly as in the file (without a byte-order mark). */
export function parseTxt(name: string, content: string): BatchDoc {
  const text = content.startsWith(BOM) ? content.slice(1) : content;
  return { id: name, text, entities: null, review: 'unreviewed', edits: [] };
}

/**
 * Entities of `text` from `[start, end, label]` tuples; throws for a span outside the text, an
 * unknown label, or spans that overlap (ANNOTATION.md's rules).
 */
export function entitiesOf(text: string, tuples: unknown): Entity[] {
  if (!Array.isArray(tuples)) throw new TypeError('"entities" is not a list');
  const entities = tuples.map((tuple: unknown): Entity => {
    const [start, end, label] = Array.isArray(tuple) ? (tuple as unknown[]) : [];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      (start as number) < 0 ||
      (end as number) > text.length ||
      (end as number) <= (start as number)
    ) {
      throw new RangeError(`${JSON.stringify(tuple)} is not a span of the text`);
    }
    if (typeof label !== 'string' || !isMed7Label(label)) {
      throw new TypeError(`${JSON.stringify(label)} is not a Med7 label`);
    }
    const [s, e] = [start as number, end as number];
    return { start: s, end: e, label, text: text.slice(s, e), score: 1 };
  });
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < entities.length; i++) {
    if (entities[i]!.start < entities[i - 1]!.end) throw new RangeError('spans overlap');
  }
  return entities;
}

/** A `.jsonl` file: one document per non-empty line; ids default to `name:line`. */
export function parseJsonl(name: string, content: string): Parsed {
  const documents: BatchDoc[] = [];
  const problems: string[] = [];
  const lines = (content.startsWith(BOM) ? content.slice(1) : content).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${name}:${index + 1}`;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      const { text, id, entities, review, edits } = record;
      if (typeof text !== 'string') throw new TypeError('no "text"');
      documents.push({
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : where,
        text,
        entities: entities === undefined ? null : entitiesOf(text, entities),
        review: REVIEW_STATES.includes(review as ReviewState)
          ? (review as ReviewState)
          : 'unreviewed',
        edits: Array.isArray(edits) ? (edits as unknown[]) : [],
      });
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { documents, problems };
}

/** A file's documents by its name: `.jsonl` records, anything else one text document. */
export function parseFile(name: string, content: string): Parsed {
  return /\.jsonl$/i.test(name)
    ? parseJsonl(name, content)
    : { documents: [parseTxt(name, content)], problems: [] };
}

/**
 * `incoming` merged into `current`: a document whose id is already there replaces it in place,
 * the others are appended in order. Opening the same files (or an export) twice adds nothing.
 */
export function mergeDocuments(
  current: readonly BatchDoc[],
  incoming: readonly BatchDoc[],
): BatchDoc[] {
  const merged = [...current];
  const at = new Map(merged.map((doc, i) => [doc.id, i]));
  for (const doc of incoming) {
    const i = at.get(doc.id);
    if (i === undefined) {
      at.set(doc.id, merged.length);
      merged.push(doc);
    } else merged[i] = doc;
  }
  return merged;
}
