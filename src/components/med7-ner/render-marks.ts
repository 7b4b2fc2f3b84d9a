import { html, nothing, type TemplateResult } from 'lit';
import type { Med7Label } from '../../core/labels.ts';
import type { MedicationRecord } from '../../core/records/group.ts';
import type { Entity } from '../../core/types.ts';
import type { Segment } from './highlight-segments.ts';
import { spanKey } from './medications.ts';

/** What a highlight is drawn with. */
export interface MarkState {
  /** The index of each entity's medication record, by `spanKey`. */
  recordOf: ReadonlyMap<string, number>;
  hidden: ReadonlySet<Med7Label>;
  /** The record under the pointer or focus: its highlights are outlined. */
  activeRecord: number | undefined;
}

/** The pointer and focus on a highlight of a short text. */
export interface MarkHandlers {
  enter(entity: Entity): void;
  focus(entity: Entity): void;
  leave(): void;
}

/**
 * The highlights of a short text, one Lit template per highlight. A drug that is not taken now
 * (allergy, stopped, ...) is drawn and named by its status.
 */
export function renderMarks(
  segments: readonly Segment[],
  state: MarkState & { records: readonly MedicationRecord[] },
  tabStop: string | undefined,
  on: MarkHandlers,
): unknown[] {
  return segments.map((segment) => {
    const entity = segment.entity;
    if (entity === undefined || state.hidden.has(entity.label)) return segment.text;
    const slug = entity.label.toLowerCase();
    const key = spanKey(entity);
    const record = state.recordOf.get(key);
    const linked = record !== undefined && record === state.activeRecord;
    const status =
      entity.label === 'DRUG' && record !== undefined ? state.records[record]?.status : undefined;
    const marked = status !== undefined && status !== 'active' ? status : undefined;
    return html`<mark
      class="entity${linked ? ' linked' : ''}"
      part="mark mark-${slug}${linked ? ' mark-linked' : ''}${marked ? ` mark-${marked}` : ''}"
      data-status=${marked ?? nothing}
      role="group"
      tabindex=${key === tabStop ? '0' : '-1'}
      data-label=${entity.label}
      data-start=${entity.start}
      data-end=${entity.end}
      data-record=${record ?? nothing}
      aria-label="${entity.label}${marked ? `, ${marked}` : ''}: ${segment.text}"
      @mouseenter=${() => on.enter(entity)}
      @mouseleave=${on.leave}
      @focus=${() => on.focus(entity)}
      @blur=${on.leave}
      >${segment.text}<span class="label" part="label label-${slug}" aria-hidden="true"
        >${entity.label}</span
      ></mark
    >` as TemplateResult;
  });
}

/**
 * A block of a long text with its highlights, built as DOM directly: the same markup as
 * `renderMarks` without Lit's per-part markers and listeners (half the nodes; the text region's
 * delegated listeners serve them).
 */
export function renderChunkMarks(
  segments: readonly Segment[],
  state: MarkState,
  tabStop: string | undefined,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of segments) {
    const entity = segment.entity;
    if (entity === undefined || state.hidden.has(entity.label)) {
      fragment.append(segment.text);
      continue;
    }
    const slug = entity.label.toLowerCase();
    const key = spanKey(entity);
    const record = state.recordOf.get(key);
    const linked = record !== undefined && record === state.activeRecord;
    const mark = document.createElement('mark');
    mark.className = linked ? 'entity linked' : 'entity';
    mark.setAttribute('part', `mark mark-${slug}${linked ? ' mark-linked' : ''}`);
    mark.setAttribute('role', 'group');
    mark.setAttribute('tabindex', key === tabStop ? '0' : '-1');
    mark.dataset['label'] = entity.label;
    mark.dataset['start'] = String(entity.start);
    mark.dataset['end'] = String(entity.end);
    if (record !== undefined) mark.dataset['record'] = String(record);
    mark.setAttribute('aria-label', `${entity.label}: ${segment.text}`);
    const label = document.createElement('span');
    label.className = 'label';
    label.setAttribute('part', `label label-${slug}`);
    label.setAttribute('aria-hidden', 'true');
    label.textContent = entity.label;
    mark.append(segment.text, label);
    fragment.append(mark);
  }
  return fragment;
}
