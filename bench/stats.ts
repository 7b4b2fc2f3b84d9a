/** Small statistics for noisy timings: quantiles and median with min–max. */

/** The q-quantile (0..1) by linear interpolation between order statistics (R's type 7). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: quantile(finite, 0.5),
    min: finite.length > 0 ? Math.min(...finite) : NaN,
    max: finite.length > 0 ? Math.max(...finite) : NaN,
    n: finite.length,
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** "123 (110–140)" with the given digits; "—" when there is nothing. */
export function fmt(s: Spread | undefined, digits = 0, unit = ''): string {
  if (s === undefined || s.n === 0 || !Number.isFinite(s.median)) return '—';
  const f = (v: number): string =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const range = s.n > 1 ? ` (${f(s.min)}–${f(s.max)})` : '';
  return `${f(s.median)}${unit}${range}`;
}
