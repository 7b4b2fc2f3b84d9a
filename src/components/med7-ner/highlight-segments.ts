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

/** A run of whole lines of a long text, shown as one block that renders on its own. */
export interface Chunk {
  segments: Segment[];
  /** UTF-16 offsets of the chunk in the text (`end` exclusive). */
  start: number;
  end: number;
}

/**
 * Groups `segments` (of a long text) into chunks of at least `size` characters that end just after
 * a newline, so that each chunk can be a block of its own without changing how the text wraps.
 * Plain segments are cut at those newlines; entities never are. A text without newlines stays one
 * chunk. The chunks' segments concatenate back to the text.
 */
export function toChunks(segments: readonly Segment[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Segment[] = [];
  let start = 0;
  let length = 0;
  for (const segment of segments) {
    if (segment.entity !== undefined) {
      current.push(segment);
      length += segment.text.length;
      continue;
    }
    let offset = 0;
    while (offset < segment.text.length) {
      const from = offset + Math.max(0, size - length - 1);
      const newline = from < segment.text.length ? segment.text.indexOf('\n', from) : -1;
      if (newline < 0) {
        current.push(
          offset === 0
            ? segment
            : { text: segment.text.slice(offset), start: segment.start + offset },
        );
        length += segment.text.length - offset;
        break;
      }
      const end = newline + 1;
      current.push({ text: segment.text.slice(offset, end), start: segment.start + offset });
      chunks.push({ segments: current, start, end: segment.start + end });
      current = [];
      start = segment.start + end;
      length = 0;
      offset = end;
    }
  }
  if (current.length > 0) {
    const last = current[current.length - 1]!;
    chunks.push({ segments: current, start, end: last.start + last.text.length });
  }
  return chunks;
}
