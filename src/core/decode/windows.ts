/**
 * Windowing for texts longer than the model's maximum length.
 *
 * The unit is the pre-token: a window is a run of whole pre-tokens whose sub-tokens fit in `size`
 * (never cut inside a pre-token). Consecutive windows overlap by up to `overlap` sub-tokens, and
 * every pre-token takes its prediction from the window where it sits farthest from a cut edge
 * (the start and end of the text are not cuts). Nothing is ever dropped: a pre-token whose
 * sub-tokens alone exceed `size` is clamped to its first `size` sub-tokens (its tag comes from
 * its first sub-token anyway), which callers apply with {@link clampCount}.
 */

/** A window over pre-tokens `[start, end)` holding `length` sub-tokens (after clamping). */
export interface TokenWindow {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

export interface WindowOptions {
  /** Most sub-tokens per window, special tokens excluded; at least 1. */
  readonly size: number;
  /** Sub-tokens shared by consecutive windows (as many whole pre-tokens as fit). */
  readonly overlap: number;
}

/** The sub-token count a pre-token contributes to a window of `size`. */
export function clampCount(count: number, size: number): number {
  return Math.min(Math.max(0, count), size);
}

/** Plans windows covering every pre-token; `counts[i]` is pre-token i's sub-token count. */
export function planWindows(counts: readonly number[], options: WindowOptions): TokenWindow[] {
  const size = Math.floor(options.size);
  if (!(size >= 1)) throw new RangeError(`window size must be at least 1, got ${options.size}`);
  const overlap = Math.max(0, Math.floor(options.overlap));
  const n = counts.length;
  const c = counts.map((count) => clampCount(count, size));
  const windows: TokenWindow[] = [];
  let start = 0;
  while (start < n) {
    let end = start;
    let length = 0;
    while (end < n && length + c[end]! <= size) {
      length += c[end]!;
      end++;
    }
    windows.push({ start, end, length });
    if (end >= n) break;
    // Step back from `end` over at most `overlap` sub-tokens, but always move forward.
    let next = end;
    let shared = 0;
    // The next window must still reach past `end`, so the shared part leaves room for c[end].
    while (
      next - 1 > start &&
      shared + c[next - 1]! <= overlap &&
      shared + c[next - 1]! + c[end]! <= size
    ) {
      next--;
      shared += c[next]!;
    }
    start = next;
  }
  return windows;
}

/**
 * For each pre-token, the index of the window whose prediction it keeps: the one where the
 * token's context on its nearer cut side is largest (ties go to the earlier window).
 */
export function assignWindows(
  counts: readonly number[],
  windows: readonly TokenWindow[],
  size: number,
): number[] {
  const n = counts.length;
  const prefix = new Array<number>(n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + clampCount(counts[i]!, size);
  const owner = new Array<number>(n).fill(-1);
  const margin = new Array<number>(n).fill(-1);
  windows.forEach((window, w) => {
    for (let i = window.start; i < window.end; i++) {
      const left = window.start === 0 ? Infinity : prefix[i]! - prefix[window.start]!;
      const right = window.end === n ? Infinity : prefix[window.end]! - prefix[i + 1]!;
      const m = Math.min(left, right);
      if (m > margin[i]!) {
        margin[i] = m;
        owner[i] = w;
      }
    }
  });
  const missing = owner.indexOf(-1);
  if (missing !== -1) throw new RangeError(`pre-token ${missing} is in no window`);
  return owner;
}

/** Windows over a whole text, with the window each pre-token takes its prediction from. */
export interface WindowPlan {
  readonly windows: TokenWindow[];
  /** `owners[i]`: the index in `windows` of pre-token i's window. */
  readonly owners: number[];
}

/**
 * Plans windows that never cross a segment boundary: each segment (`segmentStarts`, ascending
 * pre-token indices, the first 0) is windowed on its own, and its edges count as text edges, not
 * cuts, when choosing a pre-token's window.
 */
export function planSegmentWindows(
  counts: readonly number[],
  segmentStarts: readonly number[],
  options: WindowOptions,
): WindowPlan {
  const windows: TokenWindow[] = [];
  const owners: number[] = [];
  segmentStarts.forEach((start, k) => {
    const end = segmentStarts[k + 1] ?? counts.length;
    const part = counts.slice(start, end);
    const local = planWindows(part, options);
    const offset = windows.length;
    for (const w of local)
      windows.push({ start: start + w.start, end: start + w.end, length: w.length });
    for (const owner of assignWindows(part, local, options.size)) owners.push(offset + owner);
  });
  if (owners.length !== counts.length) {
    throw new RangeError(`segments cover ${owners.length} of ${counts.length} pre-tokens`);
  }
  return { windows, owners };
}
