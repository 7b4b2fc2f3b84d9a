import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  type MedicationRecord,
} from '../../core/records/group.ts';
import { MEDICATION_STATUSES, type MedicationStatus } from '../../core/records/status.ts';
import { EXPORT_FORMATS, cellText, type MedicationExportFormat } from './medications.ts';

/** Rows of the medications table shown at first, and added by its "Show more" button. */
export const MEDICATION_ROWS = 50;

/** Column headings of the medications table. */
const COLUMN_NAMES = {
  STRENGTH: 'Strength',
  FORM: 'Form',
  ROUTE: 'Route',
  DOSAGE: 'Dose',
  FREQUENCY: 'Frequency',
  DURATION: 'Duration',
} as const;

/** What the "Medications" section shows, and what its rows and buttons do. */
export interface MedicationsView {
  records: readonly MedicationRecord[];
  /** Rows rendered per table (a 1 MB note has thousands: more on demand). */
  rows: number;
  /** The record under the pointer or focus (its row is highlighted). */
  activeRecord: number | undefined;
  onEnter(record: number): void;
  onLeave(): void;
  onMore(): void;
  onExport(format: MedicationExportFormat): void;
  /** Review mode: a record's drug given another status (the Status cell is then a menu). */
  onStatus?: ((record: number, status: MedicationStatus) => void) | undefined;
}

/**
 * A record's Status cell: the status, and its cue on hover or focus (a described tooltip); in
 * review mode a menu of the seven statuses. A reviewer's status is marked `(corrected)`.
 */
function renderStatusCell(
  record: MedicationRecord,
  i: number,
  onStatus: MedicationsView['onStatus'],
): TemplateResult {
  if (onStatus && record.drug) {
    const name = `Status of ${record.drug.text}${record.corrected ? ' (corrected)' : ''}`;
    // The rules' cue stays in sight beside the menu, and describes it: why they chose.
    const cueId = record.cue ? `cue-${i}` : undefined;
    return html`<td class="status" ?data-corrected=${record.corrected}>
      <select
        part="status-select"
        aria-label=${name}
        aria-describedby=${cueId ?? nothing}
        .value=${live(record.status)}
        @change=${(event: Event) =>
          onStatus(i, (event.target as HTMLSelectElement).value as MedicationStatus)}
      >
        ${MEDICATION_STATUSES.map(
          (status) =>
            html`<option value=${status} ?selected=${status === record.status}>${status}</option>`,
        )}
      </select>
      ${record.cue ? html`<span class="review-cue" id=${cueId}>“${record.cue.text}”</span>` : nothing}
    </td>`;
  }
  if (record.corrected) {
    return html`<td class="status" data-corrected>
      ${record.status} <span class="corrected">(corrected)</span>
    </td>`;
  }
  if (!record.cue) return html`<td class="status">${record.status}</td>`;
  const id = `cue-${i}`;
  return html`<td class="status">
    <span class="status-value" tabindex="0" aria-describedby=${id}
      >${record.status}<span class="cue" id=${id}>“${record.cue.text}”</span></span
    >
  </td>`;
}

/** One table of records, each row keeping its index into the records (for the linking). */
function renderRecordTable(
  caption: string,
  rows: readonly [MedicationRecord, number][],
  part: string,
  view: MedicationsView,
): TemplateResult {
  return html`<table part=${part}>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Drug</th>
        <th scope="col">Status</th>
        ${ATTRIBUTE_LABELS.map((label) => html`<th scope="col">${COLUMN_NAMES[label]}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([record, i]) =>
          html`<tr
            data-record=${i}
            data-status=${record.status}
            class=${i === view.activeRecord ? 'active' : ''}
            @mouseenter=${() => view.onEnter(i)}
            @mouseleave=${view.onLeave}
          >
            <th scope="row">${record.drug?.text ?? html`<span class="none">(no drug)</span>`}</th>
            ${renderStatusCell(record, i, view.onStatus)}
            ${ATTRIBUTE_LABELS.map(
              (label) => html`<td>${cellText(record[ATTRIBUTE_FIELDS[label]])}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

type Indexed = [MedicationRecord, number][];
const partitions = new WeakMap<
  readonly MedicationRecord[],
  { taken: Indexed; allergies: Indexed }
>();

/**
 * The records taken and the allergies, each with its index into `records`. Allergies get a
 * section of their own: they are not medications the patient takes. Memoised: a long text fills
 * in over many renders, and has thousands of records.
 */
function partition(records: readonly MedicationRecord[]): { taken: Indexed; allergies: Indexed } {
  let found = partitions.get(records);
  if (found === undefined) {
    const indexed = records.map((record, i): [MedicationRecord, number] => [record, i]);
    found = {
      taken: indexed.filter(([record]) => record.status !== 'allergy'),
      allergies: indexed.filter(([record]) => record.status === 'allergy'),
    };
    partitions.set(records, found);
  }
  return found;
}

/** The "Medications" section: the medications, the allergies apart, and the export buttons. */
export function renderMedications(view: MedicationsView): TemplateResult | typeof nothing {
  if (view.records.length === 0) return nothing;
  const { taken, allergies } = partition(view.records);
  return html`<section class="medications" part="medications" aria-label="Medications">
    ${
      taken.length > 0
        ? renderRecordTable('Medications', taken.slice(0, view.rows), 'medications-table', view)
        : nothing
    }
    ${
      allergies.length > 0
        ? renderRecordTable('Allergies', allergies.slice(0, view.rows), 'allergies-table', view)
        : nothing
    }
    ${
      Math.max(taken.length, allergies.length) > view.rows
        ? html`<button type="button" class="more" @click=${view.onMore}>
            Show ${MEDICATION_ROWS} more rows
          </button>`
        : nothing
    }
    <div class="exports">
      ${EXPORT_FORMATS.map(
        ({ format, label }) =>
          html`<button
            type="button"
            part="export-button"
            data-format=${format}
            @click=${() => view.onExport(format)}
          >
            Download ${label}
          </button>`,
      )}
    </div>
  </section>`;
}
