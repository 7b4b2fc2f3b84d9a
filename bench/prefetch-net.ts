/**
 * `npm run bench:prefetch-net`: time to `med7-ready` on a throttled network (Chromium's own
 * emulation through the DevTools protocol, which covers the worker's requests too), with the
 * worker's early download of the weights (LoadOptions.prefetch) against the same build without
 * it, first visits taking turns round by round. On loopback the two are level: the download is
 * not what the load waits for there.
 *
 *     npm run bench:prefetch-net [-- --rounds 3 --mbit 50 --rtt 40 --port 4334]
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { buildDemo, emulateNetwork, launchOptions, startPreview, stopPreview } from './browser.ts';
import { workerVariant } from './patch-worker.ts';
import { fmt, spread } from './stats.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    mbit: { type: 'string', default: '50' },
    rtt: { type: 'string', default: '40' },
    port: { type: 'string', default: process.env['MED7_E2E_PORT'] ?? '4334' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);

if (!values['skip-build']) buildDemo();
/** The worker's prefetch option (src/worker/med7.worker.ts, `loadOn`) as the build writes it. */
const noPrefetch = workerVariant(
  /prefetch: \(\w+\) => void \w+\(\w+\)\.catch\(\(\) => void 0\)/,
  'prefetch: void 0',
);
const variants = [
  { name: 'weights fetched early', patched: false },
  { name: 'weights fetched after the wasm', patched: true },
];
const ready = new Map<string, number[]>(variants.map((v) => [v.name, []]));
const server = await startPreview(port);
try {
  const browser = await chromium.launch({ ...launchOptions('chromium'), headless: true });
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const variant of variants) {
      noPrefetch(variant.patched);
      const context = await browser.newContext();
      const page = await context.newPage();
      await emulateNetwork(page, Number(values.mbit), Number(values.rtt));
      await page.addInitScript(() => {
        document.addEventListener('med7-ready', () => {
          (window as { readyAt?: number }).readyAt = performance.now();
        });
      });
      await page.goto(`http://127.0.0.1:${port}/?empty&device=wasm`);
      await page.waitForFunction(
        () => (window as { readyAt?: number }).readyAt !== undefined,
        null,
        {
          timeout: 300_000,
        },
      );
      const ms = await page.evaluate(() => (window as { readyAt?: number }).readyAt ?? NaN);
      ready.get(variant.name)!.push(ms);
      console.log(`round ${round}: ${variant.name}, ready at ${Math.round(ms)} ms`);
      await context.close();
    }
  }
  await browser.close();
} finally {
  noPrefetch(false);
  stopPreview(server);
}
for (const [name, ms] of ready) {
  console.log(
    `${name}: ready ${fmt(spread(ms), 0, ' ms')} at ${values.mbit} Mbit/s, ${values.rtt} ms latency`,
  );
}
