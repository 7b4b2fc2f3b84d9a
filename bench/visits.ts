/**
 * `npm run bench:visits`: time to `med7-ready` on a first visit and on visits from the cache, in
 * a browser profile on disk (a persistent context), as a returning user has one: Chromium keeps
 * compiled wasm in its code cache there, which Playwright's throwaway contexts (all of
 * `npm run bench`'s visits) may not. Builds given as folders (`--dist A --dist B`, each a copy of
 * a built dist/) are compared round by round, so that each sees the same machine load; each round
 * and build gets a fresh profile. Prints ready and the session's part of it, median (min–max).
 *
 * `--mbit N` emulates a link of N Mbit/s with `--rtt` ms of latency (Chromium's network emulation).
 *
 *     npm run bench:visits -- --dist bench/tmp/dist-a --dist bench/tmp/dist-b [--rounds 3 --again 2]
 *     npm run bench:visits -- --dist bench/tmp/dist-a --dist bench/tmp/dist-b --again 0 --mbit 50
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import {
  DIST,
  emulateNetwork,
  launchOptions,
  startPreview,
  stopPreview,
  visit,
} from './browser.ts';
import { readBreakdown } from './ready-breakdown.ts';
import { spread } from './stats.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '3' },
    again: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4334' },
    mbit: { type: 'string', default: '0' },
    rtt: { type: 'string', default: '40' },
  },
});
const mbit = Number(values.mbit);
/** The link `--mbit` asks for, on each page before it navigates (none by default). */
const onLink = (page: Page): Promise<void> =>
  mbit > 0 ? emulateNetwork(page, mbit, Number(values.rtt)) : Promise.resolve();
const dists = values.dist.map((dir) => resolve(dir));
if (dists.length === 0)
  throw new Error('give at least one --dist folder (a copy of a built dist/)');
const port = Number(values.port);
const base = `http://127.0.0.1:${port}/`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

type Key = 'first' | 'again';
const samples = new Map(
  dists.map((dir) => [dir, { ready: new Map<Key, number[]>(), session: new Map<Key, number[]>() }]),
);
const add = (map: Map<Key, number[]>, key: Key, value: number): void =>
  void map.set(key, [...(map.get(key) ?? []), value]);

console.log(
  `load average at start: ${load()}${mbit > 0 ? `; network ${values.mbit} Mbit/s, ${values.rtt} ms` : ''}`,
);
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const dir of dists) {
    rmSync(DIST, { recursive: true, force: true });
    cpSync(dir, DIST, { recursive: true });
    const server = await startPreview(port);
    const profile = mkdtempSync(join(tmpdir(), 'med7-visits-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...launchOptions('chromium'),
      headless: true,
    });
    try {
      for (let i = 0; i <= Number(values.again); i++) {
        const key: Key = i === 0 ? 'first' : 'again';
        const { page, state } = await visit(context, base, 'wasm', 120_000, onLink);
        const breakdown = await readBreakdown(page, state.readyAt ?? NaN);
        const own = samples.get(dir)!;
        add(own.ready, key, state.readyAt ?? NaN);
        add(own.session, key, breakdown?.sessionMs ?? NaN);
        console.log(
          `round ${round} ${basename(dir)} ${key}: ready ${Math.round(state.readyAt ?? NaN)} ms, session ${Math.round(breakdown?.sessionMs ?? NaN)} ms (load ${load()})`,
        );
        await page.close();
      }
    } finally {
      await context.close();
      stopPreview(server);
      rmSync(profile, { recursive: true, force: true });
    }
  }
}
const fmt = (values: number[] | undefined): string => {
  if (values === undefined || values.length === 0) return '—';
  const s = spread(values);
  return `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`;
};
console.log(`load average at end: ${load()}`);
console.log(
  '| build | ready, first visit | ready, from the cache | session, first | session, from the cache |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const dir of dists) {
  const own = samples.get(dir)!;
  console.log(
    `| ${basename(dir)} | ${fmt(own.ready.get('first'))} ms | ${fmt(own.ready.get('again'))} ms | ${fmt(own.session.get('first'))} ms | ${fmt(own.session.get('again'))} ms |`,
  );
}
