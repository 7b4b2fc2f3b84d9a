import { expect, test } from '@playwright/test';
import {
  README_ENTITIES,
  README_SENTENCE,
  analyze,
  recordTimings,
  waitForReady,
  watchEvents,
} from './helpers.ts';

// Runs in the `chromium-webgpu` project (SwiftShader flags, see playwright.config.ts).
test('WebGPU: device="webgpu" runs the model where an adapter is offered, else auto falls back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await watchEvents(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./?empty&device=webgpu');
  const adapter = await page.evaluate(async () => {
    const gpu = (
      navigator as Navigator & {
        gpu?: {
          requestAdapter(): Promise<{
            info?: { vendor?: string; architecture?: string; description?: string };
          } | null>;
        };
      }
    ).gpu;
    const found = await gpu?.requestAdapter();
    if (found == null) return null;
    return (
      [found.info?.vendor, found.info?.architecture, found.info?.description]
        .filter(Boolean)
        .join(' ') || 'unknown'
    );
  });
  if (adapter === null) {
    // No adapter: `auto` must fall back to WASM and say why.
    await page.goto('./?empty&device=auto');
    const ready = await waitForReady(page);
    expect(ready.device).toBe('wasm');
    expect(ready.fallbackReason ?? '').toMatch(/WebGPU/);
    recordTimings({ webgpu: { adapter: null, fallbackReason: ready.fallbackReason } });
    return;
  }
  const ready = await waitForReady(page, 200_000);
  expect(ready.device).toBe('webgpu');
  // WebGPU needs onnxruntime-web's asyncify build; the WASM-only one is not fetched.
  expect(
    [...new Set(requested.filter((path) => path.startsWith('/med7-ner/ort/')))].sort(),
  ).toEqual([
    '/med7-ner/ort/ort-wasm-simd-threaded.asyncify.mjs',
    '/med7-ner/ort/ort-wasm-simd-threaded.asyncify.wasm',
  ]);
  // and the model file with float products: WebGPU has no kernels for integer ones
  expect(ready.dtype).toBe('q8');
  expect(
    [
      ...new Set(
        requested.filter((path) => path.startsWith('/med7-ner/models/med7-compact/onnx/')),
      ),
    ].sort(),
  ).toEqual(['/med7-ner/models/med7-compact/onnx/model_quantized.onnx']);
  await expect(page.locator('med7-ner').getByRole('status').first()).toContainText('WebGPU');
  const { entities, ms } = await analyze(page, README_SENTENCE);
  recordTimings({ webgpu: { adapter, loadMs: ready.loadMs, readmeSentenceMs: ms } });
  expect(entities.map((e) => [e.label, e.text])).toEqual(README_ENTITIES);
});

test('auto passes a software WebGPU adapter by for WASM, and says so', async ({ page }) => {
  await watchEvents(page);
  await page.goto('./?empty&device=auto');
  const software = await page.evaluate(async () => {
    const gpu = (
      navigator as Navigator & {
        gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string } } | null> };
      }
    ).gpu;
    const adapter = await gpu?.requestAdapter();
    return adapter != null && /swiftshader/i.test(adapter.info?.architecture ?? '');
  });
  test.skip(!software, 'this browser offers no software (SwiftShader) WebGPU adapter');
  const ready = await waitForReady(page);
  expect(ready.device).toBe('wasm');
  expect(ready.fallbackReason ?? '').toMatch(/software/);
  await expect(page.locator('med7-ner').getByRole('status').first()).toContainText('software');
});
