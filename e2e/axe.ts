import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/** One axe-core violation: its rule and the elements it was found on. */
export interface AxeViolation {
  id: string;
  targets: unknown[];
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Injects axe-core into the page (again, if it was reloaded) and runs it on `context`. */
export async function axeViolations(page: Page, context = 'document'): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    type Axe = {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(context === 'document' ? document : context, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
  }, context);
}
