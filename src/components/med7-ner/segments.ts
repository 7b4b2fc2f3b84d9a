import type { Entity } from '../../core/types.ts';

/** A run of the analysed text: plain, or covered by one entity. */
export interface Segment {
  text: string;
  start: number;
  entity?: Entity;
}

/**
 * Cuts `text` into plain and entity segments that concatenate back to `text`. Entities are used in
 * order of `start`; any that fall outside the text, are empty, or overlap an earlier one are skipped
 * (the core never produces those, but the view must not corrupt the text if it ever did).
 */
export function toSegments(text: string, entities: readonly Entity[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const entity of sorted) {
    if (entity.start < cursor || entity.end <= entity.start || entity.end > text.length) continue;
    if (entity.start > cursor) {
      segments.push({ text: text.slice(cursor, entity.start), start: cursor });
    }
    segments.push({ text: text.slice(entity.start, entity.end), start: entity.start, entity });
    cursor = entity.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), start: cursor });
  return segments;
}
