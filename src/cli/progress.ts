/** A progress bar on stderr (only when stderr is a terminal) and the closing summary line. */

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): boolean;
}

export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  private readonly started = performance.now();

  /**
   * `total`: the work in all, in the unit of `update`'s `done` (records, or bytes of an input
   * file); undefined where it is not known (standard input), which draws a count without a bar.
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number | undefined,
    private readonly unit: string,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true && (this.total === undefined || this.total > 0);
  }

  /**
   * `done`: the work done so far, out of `total`. `count`: what is shown beside it, when the
   * total is not counted in the unit shown (records out of an input's bytes).
   */
  update(done: number, count?: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    const last = this.total !== undefined && done >= this.total;
    if (!last && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    if (this.total === undefined) {
      this.stream.write(`\r${number.format(Math.floor(count ?? done))} ${this.unit} ${seconds} s`);
      this.drawn = true;
      return;
    }
    const fraction = Math.min(1, done / this.total);
    const shown =
      count === undefined ? `${Math.floor(done)}/${this.total}` : number.format(Math.floor(count));
    const tail = ` ${Math.floor(fraction * 100)}% ${shown} ${this.unit} ${seconds} s`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - tail.length - 3));
    const filled = Math.round(fraction * width);
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`);
    this.drawn = true;
  }

  /** Erases the bar so the summary line starts clean. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

const number = new Intl.NumberFormat('en-US');

export interface Summary {
  readonly command: string;
  readonly records: number;
  readonly words: number;
  /** Seconds spent analysing (model loading excluded). */
  readonly seconds: number;
  readonly loadSeconds: number;
  readonly device: string;
  readonly dtype: string;
  /** Model workers (or onnxruntime threads) the run had, if more than one. */
  readonly jobs?: number;
  /** CPU seconds per second of the run: the cores it used. */
  readonly cores?: number;
}

/** `med7 annotate: 121 records, 2,345 words, 1.23 s, 1,906 words/s (…)`. */
export function summaryLine(summary: Summary): string {
  const rate = summary.seconds > 0 ? Math.round(summary.words / summary.seconds) : 0;
  return (
    `med7 ${summary.command}: ${number.format(summary.records)} ${summary.records === 1 ? 'record' : 'records'}, ` +
    `${number.format(summary.words)} words, ${summary.seconds.toFixed(2)} s, ` +
    `${number.format(rate)} words/s (model loaded in ${summary.loadSeconds.toFixed(2)} s, ` +
    `${summary.device}, ${summary.dtype}` +
    (summary.jobs === undefined || summary.jobs <= 1 ? '' : `, ${summary.jobs} workers`) +
    (summary.cores === undefined ? '' : `; ${summary.cores.toFixed(2)} cores used`) +
    ')'
  );
}
