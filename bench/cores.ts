/**
 * Words per second and CPU cores used by `med7 annotate`'s engine (src/cli/engine.ts), on short
 * records and on long notes, for one core and for every core both ways: a pool of worker threads
 * each with its own model (`pool`, what `--jobs N` runs) and one model whose onnxruntime
 * intra-op threads share each call (`threads`). Run by `npm run bench` (its "Cores" section) or
 * alone:
 *
 *     tsx bench/cores.ts [--repeats 3] [--short 20000] [--long 48] [--jobs N] [--out FILE]
 *
 * Records are grouped as `med7 annotate` groups them (50,000 characters or 256 records) and fed
 * with as many groups in flight as the command keeps (two per worker). "Cores used" is the
 * process's CPU time (all its threads: `process.cpuUsage()`) over the wall time of the pass.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { countWords } from '../src/core/decode/pretokenize.ts';
import { openEngine, type Engine, type EngineKind } from '../src/cli/engine.ts';
import { notesOfLength, shuffled, uniqueNotes } from './notes.ts';
import { quantile, spread } from './stats.ts';

const SEED = 20260107;
const GROUP_CHARS = 50_000;
const MAX_GROUP = 256;

export interface CoresPass {
  readonly seconds: number;
  readonly wordsPerSecond: number;
  readonly cores: number;
}

export interface CoresRow {
  readonly input: 'short' | 'long';
  readonly kind: EngineKind;
  readonly jobs: number;
  readonly records: number;
  readonly words: number;
  readonly passes: CoresPass[];
  /** Medians of the passes. */
  readonly wordsPerSecond: number;
  readonly cores: number;
  /** Median over the rounds of this pass's words/s over the one-core pass of the same round. */
  readonly speedup?: number;
}

export interface CoresResult {
  readonly date: string;
  readonly availableParallelism: number;
  readonly loadAverageStart: number[];
  readonly loadAverageEnd: number[];
  readonly rows: CoresRow[];
}

function groups(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (chars + text.length > GROUP_CHARS || current.length >= MAX_GROUP)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** One pass over the groups, in flight as `med7 annotate` keeps them. */
async function pass(
  engine: Engine,
  batches: readonly string[][],
  words: number,
): Promise<CoresPass> {
  const inFlight = engine.kind === 'pool' ? engine.jobs * 2 : 1;
  const cpu = cpuSeconds();
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (const batch of batches) {
    pending.push(engine.extractMany(batch));
    if (pending.length >= inFlight) await pending.shift();
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, wordsPerSecond: words / seconds, cores: (cpuSeconds() - cpu) / seconds };
}

export async function measureCores(options: {
  repeats: number;
  short: number;
  long: number;
  jobs: number;
  log?: (line: string) => void;
}): Promise<CoresResult> {
  const log = options.log ?? (() => undefined);
  const notes = shuffled(uniqueNotes(), SEED);
  // Short records: single sentences of the notes (8 to 40 characters), as in a sentence archive.
  const sentences = notes
    .flatMap((note) => note.text.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && s.length <= 40)
    .slice(0, options.short);
  const long = notesOfLength(notes, 2000, options.long);
  const inputs = { short: sentences, long } as const;
  const loadAverageStart = loadavg();
  const configs: [EngineKind, number][] = [
    ['threads', 1],
    ['pool', options.jobs],
    ['threads', options.jobs],
  ];
  const prepared = (Object.entries(inputs) as ['short' | 'long', string[]][]).map(
    ([input, texts]) => ({
      input,
      texts,
      batches: groups(texts),
      words: texts.reduce((sum, text) => sum + countWords(text), 0),
    }),
  );
  const engines: { kind: EngineKind; jobs: number; engine: Engine }[] = [];
  const rows: CoresRow[] = [];
  try {
    for (const [kind, jobs] of configs) {
      if (jobs === 1 && kind === 'pool') continue;
      engines.push({ kind, jobs, engine: await openEngine({ dtype: 'auto', jobs, kind }) });
    }
    // An untimed pass first, through every worker: V8's compiled code and onnxruntime's memory
    // for the largest shapes are then ready in each (a warm-up of one small group reached one
    // worker of the pool only, and its first timed pass ran the other cold).
    for (const { engine } of engines) {
      for (const input of prepared) await pass(engine, input.batches, input.words);
    }
    // The engines take turns, pass by pass: this virtual machine's speed drifts from minute to
    // minute, and a ratio of passes made one after the other sees the same machine.
    const passes = new Map<string, CoresPass[]>();
    const key = (input: string, kind: string, jobs: number): string => `${input} ${kind} ${jobs}`;
    for (let r = 0; r < options.repeats; r++) {
      for (const input of prepared) {
        for (const { kind, jobs, engine } of engines) {
          const k = key(input.input, kind, jobs);
          passes.set(k, [...(passes.get(k) ?? []), await pass(engine, input.batches, input.words)]);
        }
      }
    }
    for (const { kind, jobs } of engines) {
      for (const { input, texts, words } of prepared) {
        const own = passes.get(key(input, kind, jobs))!;
        const one = passes.get(key(input, 'threads', 1))!;
        const median = (values: number[]): number => quantile(values, 0.5);
        const speedup = median(own.map((p, i) => p.wordsPerSecond / one[i]!.wordsPerSecond));
        const row: CoresRow = {
          input,
          kind,
          jobs,
          records: texts.length,
          words,
          passes: own,
          wordsPerSecond: median(own.map((p) => p.wordsPerSecond)),
          cores: median(own.map((p) => p.cores)),
          speedup,
        };
        rows.push(row);
        log(
          `cores: ${input} ${kind} ×${jobs}: ${Math.round(row.wordsPerSecond)} words/s, ${row.cores.toFixed(2)} cores, ${speedup.toFixed(2)}× one core (load ${loadavg()[0]!.toFixed(2)})`,
        );
      }
    }
  } finally {
    await Promise.all(engines.map(({ engine }) => engine.dispose()));
  }
  return {
    date: new Date().toISOString(),
    availableParallelism: availableParallelism(),
    loadAverageStart,
    loadAverageEnd: loadavg(),
    rows,
  };
}

const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A row's words/s: the median of its passes, with their range. */
function wordsPerSecond(row: CoresRow): string {
  const { median, min, max } = spread(row.passes.map((pass) => pass.wordsPerSecond));
  return `${thousands(median)} (${thousands(min)}–${thousands(max)})`;
}

/** The "Cores" section of bench/RESULTS.md. */
export function renderCores(result: CoresResult): string[] {
  const one = (input: string) =>
    result.rows.find((r) => r.input === input && r.kind === 'threads' && r.jobs === 1);
  const lines = [
    '## Cores (`med7 annotate`, batched)',
    '',
    `${result.availableParallelism} cores available; load average ${result.loadAverageStart.map((l) => l.toFixed(2)).join(', ')} at the start, ${result.loadAverageEnd.map((l) => l.toFixed(2)).join(', ')} at the end. Medians of ${result.rows[0]?.passes.length ?? 0} passes, the engines taking turns pass by pass after an untimed pass each; × one core is the median over the rounds of a pass against the one-core pass of the same round; cores used = CPU time of the process (all threads) / wall time. On a machine shared with other work, words per CPU-second is the steadier figure: it says how well the CPU time given was used.`,
    '',
    '| input | engine | words/s, median (min–max) | cores used | words per CPU-second | × one core |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const row of result.rows) {
    const speedup = row.speedup ?? row.wordsPerSecond / (one(row.input)?.wordsPerSecond ?? NaN);
    const engine =
      row.jobs === 1
        ? 'one model, 1 thread'
        : row.kind === 'pool'
          ? `pool of ${row.jobs} workers (--jobs ${row.jobs})`
          : `one model, ${row.jobs} intra-op threads`;
    lines.push(
      `| ${row.input} (${row.records} records, ${row.words} words) | ${engine} | ${wordsPerSecond(row)} | ${row.cores.toFixed(2)} | ${Math.round(row.wordsPerSecond / row.cores).toLocaleString('en-US')} | ${speedup.toFixed(2)} |`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      repeats: { type: 'string', default: '3' },
      short: { type: 'string', default: '20000' },
      long: { type: 'string', default: '48' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      out: { type: 'string' },
    },
  });
  const result = await measureCores({
    repeats: Number(values.repeats),
    short: Number(values.short),
    long: Number(values.long),
    jobs: Number(values.jobs),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.out !== undefined) writeFileSync(values.out, JSON.stringify(result, null, 2));
  process.stdout.write(`${renderCores(result).join('\n')}\n`);
}
