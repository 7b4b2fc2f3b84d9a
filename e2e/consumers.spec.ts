/**
 * The element as other people use it, built from the packed tarball: a plain page with one script
 * tag on a plain static server (with and without cross-origin isolation), the drop-in folder on a
 * second origin (a CDN), strict Content-Security-Policies, a fresh Vite app and an esbuild app that
 * install the tarball and follow the README. Each must highlight the Med7 README sentence exactly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { wasmThreadCount } from '../src/worker/wasm-threads.ts';
import {
  README_ENTITIES,
  README_SENTENCE,
  expectReadmeHighlights,
  recordTimings,
  watchEvents,
} from './helpers.ts';
import {
  ROOT,
  copyDropinInto,
  filesEndingWith,
  freshApp,
  packTarballs,
  plainPage,
  site,
} from './consumers/fixtures.ts';
import { serveStatic, type StaticServer } from './consumers/static-server.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const servers: StaticServer[] = [];
async function serve(...args: Parameters<typeof serveStatic>): Promise<StaticServer> {
  const server = await serveStatic(...args);
  servers.push(server);
  return server;
}
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Every origin the page asks anything of. */
function recordOrigins(page: Page): Set<string> {
  const origins = new Set<string>();
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
  });
  return origins;
}

async function readyThreads(page: Page): Promise<number> {
  await expect.poll(() => page.evaluate(() => window.__med7.ready?.threads)).toBeDefined();
  return page.evaluate(() => window.__med7.ready!.threads);
}

const cores = (page: Page): Promise<number> => page.evaluate(() => navigator.hardwareConcurrency);

test('the package: compiled JS and types, no tests, sources, training code or fp32 weights', () => {
  const listing = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as { files: { path: string }[] }[];
  const files = listing[0]!.files.map((file) => file.path);
  expect(files).toContain('dist/med7-ner/med7-ner.js');
  expect(files).toContain('dist/med7-ner/med7-ner.worker.js');
  expect(files).toContain('dist/lib/components/med7-ner/med7-ner.d.ts');
  expect(files).toContain('dist/lib/core/index.js');
  expect(files).toContain('dist/lib/cli/main.js');
  expect(files.filter((file) => /\.test\.|\/test\/|^src\/|^training\/|^e2e\//.test(file))).toEqual(
    [],
  );
  expect(files.filter((file) => file.endsWith('model.onnx'))).toEqual([]);
});

for (const isolate of [false, true]) {
  test(`a plain page with one script tag, ${isolate ? 'cross-origin isolated (threads: all cores but one)' : 'no isolation headers (one thread)'}`, async ({
    page,
  }) => {
    const root = site(
      `plain-${isolate ? 'isolated' : 'plain'}`,
      plainPage('/vendor/med7-ner/med7-ner.js'),
      'vendor/med7-ner',
    );
    const server = await serve(root, { isolate });
    const origins = recordOrigins(page);
    await watchEvents(page);
    await page.goto(server.url);
    const ms = await expectReadmeHighlights(page);
    const threads = await readyThreads(page);
    if (isolate) expect(threads).toBe(wasmThreadCount(await cores(page), true));
    else expect(threads).toBe(1);
    expect([...origins]).toEqual([server.url.slice(0, -1)]);
    recordTimings({ [`consumerPlain${isolate ? 'Isolated' : ''}`]: { firstHighlightsMs: ms } });
  });
}

test('the drop-in folder on another origin (a CDN with CORS), the page isolated', async ({
  page,
}) => {
  const cdn = await serve(site('cdn', undefined, 'med7-ner'), { cors: true, isolate: true });
  const pageSite = await serve(site('cdn-page', plainPage(`${cdn.url}med7-ner/med7-ner.js`)), {
    isolate: true,
  });
  const origins = recordOrigins(page);
  await watchEvents(page);
  await page.goto(pageSite.url);
  const ms = await expectReadmeHighlights(page);
  expect(await readyThreads(page)).toBe(wasmThreadCount(await cores(page), true));
  expect([...origins].sort()).toEqual([cdn.url.slice(0, -1), pageSite.url.slice(0, -1)].sort());
  recordTimings({ consumerCdn: { firstHighlightsMs: ms } });
});

test('a model on a third origin is refused unless allow-origins lists it', async ({ page }) => {
  const models = await serve(site('third-origin', undefined, 'med7-ner'), { cors: true });
  const modelUrl = `${models.url}med7-ner/models/med7-compact/`;
  const refused = await serve(
    site(
      'third-origin-page',
      plainPage('/med7-ner/med7-ner.js', ` model="${modelUrl}"`),
      'med7-ner',
    ),
  );
  const origins = recordOrigins(page);
  await watchEvents(page);
  await page.goto(refused.url);
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toContainText(`${models.url.slice(0, -1)} is not an allowed origin`);
  await expect(alert).toContainText('allow-origins');
  await expect(page.locator('med7-ner [part="text"]')).toHaveText(README_SENTENCE);
  expect([...origins]).toEqual([refused.url.slice(0, -1)]);

  const allowed = await serve(
    site(
      'third-origin-allowed',
      plainPage(
        '/med7-ner/med7-ner.js',
        ` model="${modelUrl}" allow-origins="${models.url.slice(0, -1)}"`,
      ),
      'med7-ner',
    ),
  );
  await page.goto(allowed.url);
  await expectReadmeHighlights(page);
});

/** The CSP a page needs for the element served from its own origin (documented in docs/). */
const SAME_ORIGIN_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'";

test('a strict Content-Security-Policy: the element from the page origin', async ({ page }) => {
  const root = site('csp', plainPage('/med7-ner/med7-ner.js'), 'med7-ner');
  const server = await serve(root, { isolate: true, csp: SAME_ORIGIN_CSP });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await watchEvents(page);
  await page.goto(server.url);
  await expectReadmeHighlights(page);
  expect(violations).toEqual([]);
});

test('a strict Content-Security-Policy with the element on a CDN: blob: and the CDN in worker-src', async ({
  page,
}) => {
  const cdn = await serve(site('csp-cdn', undefined, 'med7-ner'), { cors: true, isolate: true });
  const origin = cdn.url.slice(0, -1);
  const csp = `default-src 'none'; script-src ${origin} blob: 'wasm-unsafe-eval'; worker-src blob: ${origin}; connect-src ${origin}`;
  const server = await serve(site('csp-cdn-page', plainPage(`${cdn.url}med7-ner/med7-ner.js`)), {
    isolate: true,
    csp,
  });
  await watchEvents(page);
  await page.goto(server.url);
  await expectReadmeHighlights(page);
});

test('a CSP that forbids blob: workers: a readable error at once, the text still shown', async ({
  page,
}) => {
  const cdn = await serve(site('csp-noblob', undefined, 'med7-ner'), { cors: true });
  const origin = cdn.url.slice(0, -1);
  const csp = `default-src 'none'; script-src ${origin} blob: 'wasm-unsafe-eval'; worker-src 'self'; connect-src ${origin}`;
  const server = await serve(site('csp-noblob-page', plainPage(`${cdn.url}med7-ner/med7-ner.js`)), {
    csp,
  });
  await watchEvents(page);
  await page.goto(server.url);
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toContainText('Content-Security-Policy', { timeout: 15_000 });
  await expect(alert).toContainText('worker-src');
  expect(await page.evaluate(() => window.__med7.errors.length)).toBeGreaterThan(0);
  await expect(page.locator('med7-ner [part="text"]')).toHaveText(README_SENTENCE);
  await expect(page.locator('med7-ner mark')).toHaveCount(0);
});

test('a drop-in folder without its worker: a readable error naming the file and the 404', async ({
  page,
}) => {
  const root = site('no-worker', plainPage('/med7-ner/med7-ner.js'), 'med7-ner');
  rmSync(join(root, 'med7-ner', 'med7-ner.worker.js'));
  const server = await serve(root);
  await watchEvents(page);
  await page.goto(server.url);
  const alert = page.locator('med7-ner').getByRole('alert');
  await expect(alert).toContainText('med7-ner.worker.js', { timeout: 15_000 });
  await expect(alert).toContainText('HTTP 404');
  await expect(page.locator('med7-ner [part="text"]')).toHaveText(README_SENTENCE);
});

/** The README's bundler recipe, as a consumer's entry module. */
const BUNDLER_ENTRY = `import { setBasePath } from 'med7-web';

// Where the copy of node_modules/med7-web/dist/med7-ner/ is served.
setBasePath('/med7-ner/');

const element = document.querySelector('med7-ner');
element?.addEventListener('med7-entities', (event) => {
  const count: number = event.detail.entities.length;
  document.title = \`\${count} entities\`;
});
`;

const CONSUMER_TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  include: ['src'],
});

test('a fresh Vite app that installs the tarball and follows the README', async ({ page }) => {
  const app = freshApp('vite-app', {
    'index.html': plainPage('/src/main.ts'),
    'src/main.ts': BUNDLER_ENTRY,
    'tsconfig.json': CONSUMER_TSCONFIG,
  });
  copyDropinInto(app);
  // Types: the consumer's own strict tsc, without skipLibCheck, over our declarations.
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    { cwd: app, encoding: 'utf8' },
  );
  expect(tsc.stdout + tsc.stderr).toBe('');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const dist = join(app, 'dist');
  // One copy of each wasm, where the recipe put it: no stray duplicate from the bundler.
  expect(filesEndingWith(dist, '.wasm')).toEqual([
    'med7-ner/ort/ort-wasm-simd-threaded.asyncify.wasm',
    'med7-ner/ort/ort-wasm-simd-threaded.wasm',
  ]);
  const server = await serve(dist, { isolate: true });
  await watchEvents(page);
  await page.goto(server.url);
  await expectReadmeHighlights(page);
  await expect(page).toHaveTitle('7 entities');
});

test('an esbuild app that installs the tarball and follows the README', async ({ page }) => {
  const app = freshApp('esbuild-app', {
    'public/index.html': plainPage('/main.js'),
    'src/main.ts': BUNDLER_ENTRY,
  });
  copyDropinInto(app);
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: app,
    entryPoints: ['src/main.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: 'public/main.js',
    logLevel: 'silent',
  });
  expect(filesEndingWith(join(app, 'public'), '.wasm')).toHaveLength(2);
  const server = await serve(join(app, 'public'), { isolate: true });
  await watchEvents(page);
  await page.goto(server.url);
  await expectReadmeHighlights(page);
  await expect(page).toHaveTitle('7 entities');
});

test('the med7 command from the package runs compiled JavaScript; without the runtime it says what to install', () => {
  const { package: tarball } = packTarballs();
  // Outside this repository, whose node_modules Node would otherwise find upwards.
  const dir = mkdtempSync(join(tmpdir(), 'med7-cli-'));
  const installed = join(dir, 'node_modules', 'med7-web');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components', '1']);
  const bin = join(installed, 'bin', 'med7.js');
  const missing = spawnSync(process.execPath, [bin, 'annotate', '--text', README_SENTENCE], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('npm install @huggingface/transformers');
  expect(missing.stdout).toBe('');
  // The optional peer dependency, as a user installs it (linked from this repository's copy).
  mkdirSync(join(dir, 'node_modules', '@huggingface'), { recursive: true });
  symlinkSync(
    join(ROOT, 'node_modules', '@huggingface', 'transformers'),
    join(dir, 'node_modules', '@huggingface', 'transformers'),
  );
  const run = spawnSync(process.execPath, [bin, 'annotate'], {
    cwd: dir,
    encoding: 'utf8',
    input: `${JSON.stringify({ id: 'r1', text: README_SENTENCE })}\n`,
  });
  expect(run.stderr).not.toMatch(/tsx|npm warn/);
  expect(run.status).toBe(0);
  const record = JSON.parse(run.stdout.trim()) as { entities: [number, number, string][] };
  expect(
    record.entities.map(([start, end, label]) => [label, README_SENTENCE.slice(start, end)]),
  ).toEqual(README_ENTITIES);
  // The drop-in folder is the package's only copy of the model: no fp32 file in it.
  expect(filesEndingWith(join(installed, 'dist'), '.onnx')).toEqual([
    'med7-ner/models/med7-compact/onnx/model_int8.onnx',
    'med7-ner/models/med7-compact/onnx/model_quantized.onnx',
  ]);
  rmSync(dir, { recursive: true, force: true });
});
