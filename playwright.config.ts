import { defineConfig } from '@playwright/test';

/** The e2e suite: Debian's Chromium, headless, against the built dist/ served by `vite preview`. */
/** MED7_E2E_PORT lets several checkouts run the suite side by side. */
const PORT = Number(process.env['MED7_E2E_PORT'] ?? 4319);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Headless Chromium builds its omnibox popup (a WebUI page in a renderer of its own) for every new
  // window, that is for every context: about 0.5 s of a core during each visit on two cores, which
  // is the browser's own UI, not the page's work (docs/benchmarks.md). Names this build ignores are
  // ignored.
  '--disable-features=WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,WebUIOmniboxPopup,PreloadTopChromeWebUI',
];
/** Chromium then offers a WebGPU adapter backed by SwiftShader (CPU), without shader-f16. */
const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-vulkan-surface',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One browser at a time: the model already uses every core (WASM threads).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'e2e/artifacts/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    viewport: { width: 1100, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM, args: BASE_ARGS },
  },
  projects: [
    { name: 'chromium', testIgnore: /webgpu\.spec\.ts/ },
    {
      name: 'chromium-webgpu',
      testMatch: /webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath: CHROMIUM, args: [...BASE_ARGS, ...WEBGPU_ARGS] } },
    },
  ],
  webServer: {
    command: `npm run --silent build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
