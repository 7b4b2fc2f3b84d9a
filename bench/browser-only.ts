/**
 * `npm run bench:browser`: the browser half of `npm run bench` alone (WASM, headless Chromium,
 * 2 threads when cross-origin isolated): builds the demo, times first visits, visits from the
 * cache, notes of 100, 500 and 2,000 words and keystrokes, and prints the "Where the time goes"
 * section of bench/RESULTS.md. Writes bench/tmp/browser.json.
 *
 *     npm run bench:browser [-- --visits 3 --notes 5 --port 4332]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemo, runBrowser } from './browser.ts';
import { notesOfLength, REPO_ROOT, shuffled, uniqueNotes } from './notes.ts';
import { renderBreakdown } from './report-breakdown.ts';

const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '3' },
    notes: { type: 'string', default: '5' },
    port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4329' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

if (!values['skip-build']) buildDemo();
const notes = shuffled(uniqueNotes(), 20260107);
// one warm-up note and the timed ones per length, each length cut from other notes than the
// others, so that no timed note repeats sentences the sentence cache already holds
const count = Number(values.notes) + 1;
const lengths = Object.fromEntries(
  [100, 500, 2000].map((words, k) => [
    String(words),
    notesOfLength(notes.slice(k * 400), words, count),
  ]),
);
// analysed right after ready on each first visit, from notes none of the lengths use
const firstNote = notesOfLength(notes.slice(1200), 500, 1)[0];
const before = load();
const result = await runBrowser({
  port: Number(values.port),
  wasm: { visits: Number(values.visits), budgetMs: 240_000, warmUpEach: true, maxNotes: count - 1 },
  webgpu: { visits: 0, budgetMs: 0, warmUpEach: false, maxNotes: 0 },
  lengths,
  ...(firstNote === undefined ? {} : { firstNote }),
  timeoutMs: 180_000,
  log,
});
const after = load();
mkdirSync(join(REPO_ROOT, 'bench', 'tmp'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'tmp', 'browser.json'), JSON.stringify(result, null, 2));
console.log(renderBreakdown(result.wasm, `${before} at the start, ${after} at the end`).join('\n'));
