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
  /**
   * In review mode, the labels of the model's (or the given) spans: a highlight not among them
   * was added or relabelled by hand and is drawn and named as corrected. Undefined: no review.
   */
  base?: ReadonlyMap<string, Med7Label> | undefined;
}

/** Whether a highlight was corrected by hand (review mode). */
const editedIn = (state: MarkState, entity: Entity): boolean =>
  state.base !== undefined && state.base.get(spanKey(entity)) !== entity.label;

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
    const edited = editedIn(state, entity);
    const review = state.base !== undefined;
    return html`<mark
      class="entity${linked ? ' linked' : ''}${edited ? ' edited' : ''}"
      part="mark mark-${slug}${linked ? ' mark-linked' : ''}${marked ? ` mark-${marked}` : ''}${
        edited ? ' mark-edited' : ''
      }"
      data-status=${marked ?? nothing}
      data-edited=${edited ? 'true' : nothing}
      role=${review ? 'button' : 'group'}
      aria-haspopup=${review ? 'menu' : nothing}
      tabindex=${key === tabStop ? '0' : '-1'}
      data-label=${entity.label}
      data-start=${entity.start}
      data-end=${entity.end}
      data-record=${record ?? nothing}
      aria-label="${entity.label}${marked ? `, ${marked}` : ''}${edited ? ', corrected' : ''}: ${
        segment.text
      }"
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
    const edited = editedIn(state, entity);
    const mark = document.createElement('mark');
    mark.className = `entity${linked ? ' linked' : ''}${edited ? ' edited' : ''}`;
    mark.setAttribute(
      'part',
      `mark mark-${slug}${linked ? ' mark-linked' : ''}${edited ? ' mark-edited' : ''}`,
    );
    if (edited) mark.dataset['edited'] = 'true';
    mark.setAttribute('role', state.base === undefined ? 'group' : 'button');
    if (state.base !== undefined) mark.setAttribute('aria-haspopup', 'menu');
    mark.setAttribute('tabindex', key === tabStop ? '0' : '-1');
    mark.dataset['label'] = entity.label;
    mark.dataset['start'] = String(entity.start);
    mark.dataset['end'] = String(entity.end);
    if (record !== undefined) mark.dataset['record'] = String(record);
    mark.setAttribute(
      'aria-label',
      `${entity.label}${edited ? ', corrected' : ''}: ${segment.text}`,
    );
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
