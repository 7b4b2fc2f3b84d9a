/**
 * Between DOM positions in the text region and UTF-16 offsets into the shown text. The region's
 * text nodes concatenate back to the text, except the small label inside each highlight
 * (`.label`, aria-hidden), which is skipped.
 */
import type { Span } from '../../core/review/snap.ts';

/** The text nodes of `region` that are the shown text, in order. */
function textNodes(region: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.label') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
  }
  return nodes;
}

/** The offset into the text of a DOM position (`node`, `offset`) inside `region`. */
export function offsetAt(region: HTMLElement, node: Node, offset: number): number | undefined {
  if (!region.contains(node)) return undefined;
  const position = document.createRange();
  position.setStart(node, offset);
  let at = 0;
  for (const text of textNodes(region)) {
    if (text === node) return at + offset;
    // A text node that starts after the position: the position is just before it.
    if (position.comparePoint(text, 0) > 0) return at;
    at += text.data.length;
  }
  return at;
}

/** The range of the page's selection inside `root` (a shadow root), if it has one. */
function selectionRange(root: ShadowRoot): StaticRange | Range | undefined {
  const selection = document.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  // The standard way into a shadow root (Chromium 137+, Safari 17+), then Chromium's older one.
  const composed = (
    selection as Selection & {
      getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
    }
  ).getComposedRanges?.({ shadowRoots: [root] });
  if (composed !== undefined && composed.length > 0) return composed[0];
  const legacy = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  if (legacy && legacy.rangeCount > 0) return legacy.getRangeAt(0);
  return selection.getRangeAt(0);
}

/** The span of the text selected inside `region` (of shadow root `root`), unsnapped. */
export function selectedSpan(root: ShadowRoot, region: HTMLElement): Span | undefined {
  const range = selectionRange(root);
  if (range === undefined || range.collapsed) return undefined;
  const start = offsetAt(region, range.startContainer, range.startOffset);
  const end = offsetAt(region, range.endContainer, range.endOffset);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}

/** A DOM range over `[start, end)` of the text in `region`, e.g. to draw a selection. */
export function rangeOf(region: HTMLElement, start: number, end: number): Range | undefined {
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (const text of textNodes(region)) {
    const length = text.data.length;
    if (!started && start <= at + length) {
      range.setStart(text, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(text, end - at);
      return range;
    }
    at += length;
  }
  return undefined;
}
