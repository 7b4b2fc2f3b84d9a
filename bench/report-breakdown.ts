/** The "Where the time goes" section of bench/RESULTS.md: ready and inference, part by part. */
import type { RunTimings } from '../src/core/decode/extract.ts';
import type { DeviceResult } from './browser.ts';
import type { ReadyBreakdown } from './ready-breakdown.ts';
import { fmt, spread, sum } from './stats.ts';

const ms = (values: readonly number[], digits = 0): string => fmt(spread(values), digits, ' ms');

function readyRows(
  visits: readonly ReadyBreakdown[],
  cached: readonly ReadyBreakdown[] | undefined,
): string[] {
  const again = cached !== undefined && cached.length > 0 ? cached : undefined;
  const row = (name: string, pick: (b: ReadyBreakdown) => number, digits = 0): string =>
    `| ${name} | ${ms(visits.map(pick), digits)} |` +
    (again === undefined ? '' : ` ${ms(again.map(pick), digits)} |`);
  return [
    again === undefined
      ? '| part (first visits, nothing cached) | ms: median (min–max) |'
      : '| part | first visits, nothing cached: median (min–max) | second visits, from the caches |',
    again === undefined ? '| --- | --- |' : '| --- | --- | --- |',
    row('page parsed and run (DOMContentLoaded, from navigation)', (b) => b.pageMs),
    row('worker created (from navigation)', (b) => b.workerCreatedMs),
    row('worker script run, `load` received (from navigation)', (b) => b.loadRequestMs),
    row('config.json', (b) => b.configMs),
    row('tokenizer', (b) => b.tokenizerMs),
    row('session: all of it', (b) => b.sessionMs),
    row('… wasm fetch (on the wire)', (b) => b.wasmFetchMs),
    row('… model fetch (on the wire, in parallel with the wasm)', (b) => b.modelFetchMs),
    row(
      '… after both fetches: wasm compile, graph optimisation, session creation',
      (b) => b.afterFetchesMs,
    ),
    row(
      '… wasm compile (`instantiateStreaming`, call to instance; overlaps its fetch)',
      (b) => b.wasmCompileMs,
    ),
    row(
      '… session creation (after the wasm is compiled and the model fetched)',
      (b) => b.sessionCreateMs,
    ),
    row('warm-up (one short analysis)', (b) => b.warmUpMs, 1),
    row('`med7-ready` in the page (from navigation)', (b) => b.readyMs),
  ];
}

function inferenceRow(
  words: string,
  wall: readonly number[],
  worker: readonly number[],
  t: readonly RunTimings[],
): string {
  const padding = sum(t.map((x) => x.paddedTokens)) / Math.max(1, sum(t.map((x) => x.realTokens)));
  const messaging = wall.map((w, i) => w - (worker[i] ?? NaN));
  return `| ${words} | ${ms(wall, 1)} | ${ms(
    t.map((x) => x.prepareMs),
    1,
  )} | ${ms(
    t.map((x) => x.modelMs),
    1,
  )} | ${fmt(spread(t.map((x) => x.calls)))} | ${padding.toFixed(2)} | ${ms(
    t.map((x) => x.decodeMs),
    1,
  )} | ${ms(messaging, 1)} |`;
}

export function renderBreakdown(wasm: DeviceResult, load: string): string[] {
  const lines = [
    '## Where the time goes (WASM)',
    '',
    `Load average during the browser part: ${load}.`,
    '',
  ];
  if (wasm.readyBreakdown !== undefined && wasm.readyBreakdown.length > 0) {
    lines.push(...readyRows(wasm.readyBreakdown, wasm.cachedBreakdown), '');
  }
  if (wasm.cachedVisits !== undefined && wasm.cachedVisits.length > 0) {
    lines.push(
      `Ready on a second visit (same browser context: HTTP cache, transformers.js's model cache): ${ms(wasm.cachedVisits.map((v) => v.readyMs))} from navigation.`,
      '',
    );
  }
  if (wasm.firstNoteMs !== undefined) {
    lines.push(
      `A 500-word note analysed as soon as a first visit is ready (the warm-through still running): ${ms(wasm.firstNoteMs)}.`,
      '',
    );
  }
  if (wasm.warmThrough !== undefined) {
    const w = wasm.warmThrough;
    lines.push(
      `The notes below were analysed after the worker's warm-through (src/worker/warm-through.ts): ${w.calls} model calls, ${w.ms} ms of model time, over ${w.endedMs} ms after \`med7-ready\`.`,
      '',
    );
  }
  lines.push(
    '| words | analyze() wall | tokenising, sentences, windows | model calls | calls | padded ÷ real sub-tokens | tags and entities | messaging and rendering (wall − worker) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [words, r] of Object.entries(wasm.lengths)) {
    lines.push(inferenceRow(words, r.wallMs, r.workerMs, r.timings ?? []));
  }
  if (wasm.keystroke !== undefined) {
    const k = wasm.keystroke;
    lines.push(inferenceRow('keystroke in 2,000', k.wallMs, k.workerMs, k.timings ?? []));
    const cached = (k.timings ?? []).map((t) => `${t.cachedSentences}/${t.sentences}`);
    lines.push(
      '',
      `A keystroke: sentences taken from the cache per re-analysis: ${cached.join(', ')}.`,
    );
  }
  lines.push(
    '',
    "The model calls' time includes building the input tensors and the softmax of the outputs; onnxruntime-web's per-operator profiler was not read in this run.",
  );
  return lines;
}
