/**
 * The documents of the demo's batch review, and how files become documents: a `.txt` file is one
 * document (its name the id), a `.jsonl` file one document per record in `../shared/ANNOTATION.md`'s
 * format (`{"id"?, "text", "entities"?, "review"?, "edits"?}`). A record that brings its entities
 * is shown as it is and never sent to the model; one without is annotated. Pure: no DOM, no files.
 */
import { isMed7Label } from '../../core/labels.ts';
import { isMedicationStatus } from '../../core/records/status.ts';
import {
  GIVEN_SCORE,
  relabel,
  removeSpan,
  toEntities,
  type ReviewEdit,
} from '../../core/review/edits.ts';
import type { StatusTuple } from '../../core/review/annotation.ts';
import { correctionsOf } from '../../core/review/statuses.ts';
import type { Entity, EntityTuple } from '../../core/types.ts';

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
  /** The reviewer's edits against the model's (or the file's) entities (`med7-change`'s). */
  edits: ReviewEdit[];
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

/** Entities of `text` from a record's `[start, end, label]` tuples (`toEntities` checks them). */
export function entitiesOf(text: string, tuples: unknown): Entity[] {
  if (!Array.isArray(tuples)) throw new TypeError('"entities" is not a list');
  return toEntities(text, tuples as EntityTuple[]);
}

const EDIT_KINDS = new Set(['add', 'remove', 'relabel', 'status']);

/** A record's `edits` (`ReviewEdit`s as the element reports them); throws for anything else. */
export function editsOf(edits: unknown): ReviewEdit[] {
  if (edits === undefined) return [];
  if (!Array.isArray(edits)) throw new TypeError('"edits" is not a list');
  for (const edit of edits as Partial<Record<string, unknown>>[]) {
    const { kind, start, end, label, from, status } = edit;
    const ok =
      EDIT_KINDS.has(kind as string) &&
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      typeof label === 'string' &&
      isMed7Label(label) &&
      (kind !== 'relabel' || (typeof from === 'string' && isMed7Label(from))) &&
      (kind !== 'status' ||
        (label === 'DRUG' && isMedicationStatus(status) && isMedicationStatus(from)));
    if (!ok) throw new TypeError(`${JSON.stringify(edit)} is not an edit`);
  }
  return edits as ReviewEdit[];
}

/**
 * The entities before review (the model's, or the file's): `entities` with `edits` undone. The
 * review element counts edits against them, so a saved review is shown again with its edits.
 */
export function baseOf(
  text: string,
  entities: readonly Entity[],
  edits: readonly ReviewEdit[],
): Entity[] {
  let base = [...entities];
  for (const edit of edits) {
    if (edit.kind === 'status') continue; // a drug's status, not its span
    if (edit.kind === 'add') base = removeSpan(base, edit);
    else if (edit.kind === 'relabel') base = relabel(base, edit, edit.from);
    else base = [...base, { ...edit, text: text.slice(edit.start, edit.end), score: GIVEN_SCORE }];
  }
  return toEntities(text, base);
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
      const doc: BatchDoc = {
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : where,
        text,
        entities: entities === undefined ? null : entitiesOf(text, entities),
        review: REVIEW_STATES.includes(review as ReviewState)
          ? (review as ReviewState)
          : 'unreviewed',
        edits: editsOf(edits),
      };
      // The edits must undo cleanly to the entities they were made on, statuses on their drugs.
      if (doc.entities !== null) {
        baseOf(text, doc.entities, doc.edits);
        correctionsOf(text, doc.entities, correctedStatuses(doc.edits));
      } else if (doc.edits.length > 0) throw new TypeError('"edits" without "entities"');
      documents.push(doc);
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

/** The statuses a document's reviewer set (its `kind: 'status'` edits), as `[start, end, status]`. */
export function correctedStatuses(edits: readonly ReviewEdit[]): StatusTuple[] {
  return edits.flatMap((edit): StatusTuple[] =>
    edit.kind === 'status' ? [[edit.start, edit.end, edit.status]] : [],
  );
}
