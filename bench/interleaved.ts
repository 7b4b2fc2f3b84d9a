/**
 * A/B timing of page variants on the WASM device, interleaved round by round so that every variant
 * sees the same machine load. Builds the demo into bench/tmp/dist once; each variant changes files
 * in it in place (`install`), so the page is otherwise identical. Per round and variant: time to
 * `med7-ready` on 3 first visits, and warm `analyze()` latency on 5 notes each of 100, 500 and 2,000
 * words (bench/browser.ts, as `npm run bench` measures them). Prints medians (min–max) per variant.
 */
import { buildDemo, runBrowser } from './browser.ts';
import { notesOfLength, shuffled, uniqueNotes } from './notes.ts';
import { spread } from './stats.ts';

export interface Variant {
  readonly name: string;
  /** Puts this variant's files into DIST. */
  readonly install: () => void;
}

export async function compareInterleaved(options: {
  variants: readonly Variant[];
  rounds: number;
  port: number;
  /** Leaves DIST as the build made it, after the last round or a failure. */
  restore: () => void;
}): Promise<void> {
  buildDemo();
  // The same notes as `npm run bench` (its seed + 1).
  const source = shuffled(uniqueNotes(), 20260107 + 1);
  // a warm-up note and 5 timed ones per length, each length from other notes (see browser.ts)
  const lengths = Object.fromEntries(
    [100, 500, 2000].map((words, k) => [
      String(words),
      notesOfLength(source.slice(k * 400), words, 6),
    ]),
  );
  const samples = new Map<string, Map<string, number[]>>(
    options.variants.map((variant) => [variant.name, new Map()]),
  );
  const add = (variant: string, key: string, values: number[]): void => {
    const bySize = samples.get(variant)!;
    bySize.set(key, [...(bySize.get(key) ?? []), ...values]);
  };
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const variant of options.variants) {
        variant.install();
        const result = await runBrowser({
          port: options.port,
          wasm: { visits: 3, budgetMs: 120_000, warmUpEach: true, maxNotes: 5 },
          // Not measured here: with zero visits runBrowser does not launch it.
          webgpu: { visits: 0, budgetMs: 0, warmUpEach: false, maxNotes: 0 },
          lengths,
          timeoutMs: 60_000,
          log: () => undefined,
        });
        const wasm = result.wasm;
        if (wasm.error !== undefined) throw new Error(`${variant.name}: ${wasm.error}`);
        add(
          variant.name,
          'ready',
          wasm.visits.map((visit) => visit.readyMs),
        );
        for (const [words, length] of Object.entries(wasm.lengths)) {
          add(variant.name, words, length.wallMs);
        }
        if (wasm.keystroke !== undefined) add(variant.name, 'keystroke', wasm.keystroke.wallMs);
        console.log(`round ${round}: ${variant.name} measured`);
      }
    }
  } finally {
    options.restore();
  }
  for (const [name, bySize] of samples) {
    const row = [...bySize].map(([key, ms]) => {
      const s = spread(ms);
      return `${key === 'ready' || key === 'keystroke' ? key : `${key} words`} ${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)}) ms`;
    });
    console.log(`${name}: ${row.join('; ')}`);
  }
}
