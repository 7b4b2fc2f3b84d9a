/**
 * Exports of many documents at once (the demo's batch review): one JSON Lines file (a record of
 * `../shared/ANNOTATION.md` per document, with the status of each drug and its medications), one
 * CSV (the medications table with a document `id` column), and one FHIR R4 `collection` Bundle
 * whose entries are the documents' own Bundles (`toFhirBundle`), one per document.
 */
import { groupMedications, type MedicationRecord } from '../records/group.ts';
import { toAnnotationRecord, type StatusTuple } from '../review/annotation.ts';
import type { ReviewEdit } from '../review/edits.ts';
import { applyCorrections, correctionsFromEdits } from '../review/statuses.ts';
import type { Entity, EntityTuple } from '../types.ts';
import { toCSV } from './csv.ts';
import { contentUrn, toFhirBundle, type FhirBundle, type FhirExportOptions } from './fhir.ts';
import { toPlainMedications, type PlainMedication } from './json.ts';

/** One document of a batch; `entities` null: not annotated (yet). */
export interface BatchDocument {
  id: string;
  text: string;
  entities: readonly Entity[] | null;
  /** Its review's edits: the `kind: 'status'` ones set drugs' statuses in every export. */
  edits?: readonly ReviewEdit[];
}

/** A document's medication records, with the statuses its reviewer corrected. */
function medicationsOf({ text, entities, edits }: BatchDocument): MedicationRecord[] {
  const sorted = [...(entities ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  return applyCorrections(groupMedications(text, sorted), correctionsFromEdits(edits ?? []));
}

/** One JSON Lines record: ANNOTATION.md's fields, the drugs' status and the medications. */
export interface BatchRecord {
  id: string;
  text: string;
  entities?: EntityTuple[];
  /** `[start, end, status]` of each DRUG entity, in entity order. */
  status?: StatusTuple[];
  medications?: PlainMedication[];
}

/** A document's record; `extra` fields (the demo's review state and edits) are appended. */
export function toBatchRecord(
  document: BatchDocument,
  extra: Record<string, unknown> = {},
): BatchRecord & Record<string, unknown> {
  const { id, text, entities } = document;
  if (entities === null) return { id, text, ...extra };
  const record = toAnnotationRecord(text, entities, correctionsFromEdits(document.edits ?? []));
  return { id, ...record, medications: toPlainMedications(medicationsOf(document)), ...extra };
}

/** JSON Lines, one record per document (`toBatchRecord`), `extra(i)` added to the i-th. */
export function toBatchJsonl(
  documents: readonly BatchDocument[],
  extra: (index: number) => Record<string, unknown> = () => ({}),
): string {
  return documents.map((d, i) => `${JSON.stringify(toBatchRecord(d, extra(i)))}\n`).join('');
}

/** The medications of every annotated document as one CSV, its first column the document's id. */
export function toBatchCsv(documents: readonly BatchDocument[]): string {
  let header = true;
  let csv = '';
  for (const document of documents) {
    csv += toCSV(medicationsOf(document), { id: document.id, header });
    header = false;
  }
  // No documents at all: still the header, so the file says what its columns are.
  return header ? toCSV([], { id: '' }) : csv;
}

/** A Bundle nested in another: the document's id kept as its `identifier`. */
export type DocumentBundle = FhirBundle & { identifier: { value: string } };

/** The collection of the documents' Bundles. */
export interface BatchFhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp?: string;
  entry?: { fullUrl: string; resource: DocumentBundle }[];
}

/**
 * One `collection` Bundle with one entry per annotated document: that document's own Bundle
 * (`toFhirBundle`), its id as `identifier.value`. Each resource's `fullUrl` is derived from the
 * document's id and the record, so the same drug in two documents gets two ids.
 */
export function toBatchFhir(
  documents: readonly BatchDocument[],
  options: Omit<FhirExportOptions, 'fullUrl'> = {},
): BatchFhirBundle {
  const entry = documents
    .filter((d) => d.entities !== null)
    .map((document) => {
      const { id } = document;
      const records = medicationsOf(document);
      const bundle = toFhirBundle(records, {
        ...options,
        fullUrl: (record, i) =>
          contentUrn(`${id}|${i}|${JSON.stringify(toPlainMedications([record]))}`),
      });
      return {
        fullUrl: contentUrn(`document|${id}`),
        resource: { ...bundle, identifier: { value: id } },
      };
    });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
    ...(entry.length > 0 && { entry }),
  };
}
