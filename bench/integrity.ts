/**
 * `npx tsx bench/integrity.ts [--visits 7]`: what the integrity checks (issue 36, docs/integrity.md)
 * add to a first visit. The drop-in folder from `npm run build` is served from a second origin (a
 * CDN, the case SRI is for) by the e2e static server; each visit is a fresh browser context (empty
 * HTTP and Cache Storage: a first visit) that waits for `med7-ready`. The variant without checks is
 * the same folder with the manifest taken out of med7-ner.js (what a build without it would be).
 * Visits alternate between the two; prints the median and range of navigation → ready per variant.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { plainPage } from '../e2e/consumers/fixtures.ts';
import { serveStatic } from '../e2e/consumers/static-server.ts';
import { launchOptions } from './browser.ts';
import { REPO_ROOT } from './notes.ts';

const { values } = parseArgs({ options: { visits: { type: 'string', default: '7' } } });
const VISITS = Number(values.visits);
const WORK = join(REPO_ROOT, 'test-results', 'bench-integrity');
const DROPIN = join(REPO_ROOT, 'dist', 'med7-ner');

/** The drop-in folder copied to `name`, its manifest left in or taken out of med7-ner.js. */
function variant(name: string, checks: boolean): string {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(DROPIN, join(root, 'med7-ner'), { recursive: true });
  if (!checks) {
    const file = join(root, 'med7-ner', 'med7-ner.js');
    const source = readFileSync(file, 'utf8');
    const start = source.indexOf('{ files: {\n\t\t"med7-ner.worker.js"');
    if (start < 0) throw new Error('manifest not found in med7-ner.js (build first)');
    let depth = 0;
    let end = start;
    for (; end < source.length; end++) {
      if (source[end] === '{') depth++;
      if (source[end] === '}' && --depth === 0) break;
    }
    writeFileSync(file, `${source.slice(0, start)}void 0${source.slice(end + 1)}`);
  }
  return root;
}

const variants = [
  { name: 'checks', root: variant('checks', true) },
  { name: 'no checks', root: variant('none', false) },
];
const servers = await Promise.all(
  variants.map(async ({ root }) => {
    const cdn = await serveStatic(root, { cors: true, isolate: true });
    const pageRoot = `${root}-page`;
    mkdirSync(pageRoot, { recursive: true });
    writeFileSync(join(pageRoot, 'index.html'), plainPage(`${cdn.url}med7-ner/med7-ner.js`));
    return { cdn, page: await serveStatic(pageRoot, { isolate: true }) };
  }),
);

// launched as the e2e tests and the other benches launch it (playwright.config.ts)
const browser = await chromium.launch({ ...launchOptions('chromium'), headless: true });
const times: number[][] = variants.map(() => []);
const load: number[] = [];
for (let visit = 0; visit < VISITS; visit++) {
  for (const [i, server] of servers.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('med7-ready', () => {
        (window as unknown as { readyAt: number }).readyAt = performance.now();
      });
    });
    load.push(loadavg()[0]!);
    await page.goto(server.page.url);
    await page.waitForFunction(() => 'readyAt' in window, undefined, { timeout: 120_000 });
    times[i]!.push(await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt));
    await context.close();
  }
}
// The hashing alone: SubtleCrypto's SHA-384 over what a WASM load checks, in the page.
const hashPage = await (await browser.newContext()).newPage();
await hashPage.goto(servers[0]!.page.url);
const hashMs = await hashPage.evaluate(
  async ({ base, files, rounds }) => {
    const bytes = await Promise.all(
      files.map(async (file) => (await fetch(`${base}${file}`)).arrayBuffer()),
    );
    const ms: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (const buffer of bytes) await crypto.subtle.digest('SHA-384', buffer);
      ms.push(performance.now() - start);
    }
    return { ms, total: bytes.reduce((sum, buffer) => sum + buffer.byteLength, 0) };
  },
  {
    base: `${servers[0]!.cdn.url}med7-ner/`,
    files: [
      'med7-ner.worker.js',
      'ort/ort-wasm-simd-threaded.mjs',
      'ort/ort-wasm-simd-threaded.wasm',
      'models/med7-compact/config.json',
      'models/med7-compact/tokenizer.json',
      'models/med7-compact/tokenizer_config.json',
      'models/med7-compact/onnx/model_int8.onnx',
    ],
    rounds: VISITS,
  },
);
await browser.close();
for (const { cdn, page } of servers) await Promise.all([cdn.close(), page.close()]);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const paired = times[0]!.map((t, k) => t - times[1]![k]!);
for (const [i, { name }] of variants.entries()) {
  const xs = times[i]!;
  console.log(
    `${name}: navigation → med7-ready median ${median(xs).toFixed(0)} ms (range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}, ${xs.length} first visits)`,
  );
}
console.log(
  `extra for the checks (paired visits): median ${median(paired).toFixed(0)} ms (range ${Math.min(...paired).toFixed(0)}–${Math.max(...paired).toFixed(0)})`,
);
console.log(
  `hashing alone (SHA-384 of ${(hashMs.total / 1e6).toFixed(1)} MB, what a WASM load checks): median ${median(hashMs.ms).toFixed(0)} ms (range ${Math.min(...hashMs.ms).toFixed(0)}–${Math.max(...hashMs.ms).toFixed(0)})`,
);
console.log(
  `1-minute load average during the visits: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
);
