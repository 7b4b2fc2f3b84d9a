import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// `npm run build` regenerates custom-elements.json; this keeps the committed copy honest.
describe('custom-elements.json', () => {
  it('matches what `cem analyze` generates from the components now', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'med7-cem-'));
    try {
      execFileSync(
        join(root, 'node_modules', '.bin', 'cem'),
        ['analyze', '--outdir', relative(root, outdir)],
        {
          cwd: root,
          stdio: 'pipe',
        },
      );
      const fresh = JSON.parse(
        readFileSync(join(outdir, 'custom-elements.json'), 'utf8'),
      ) as unknown;
      const committed = JSON.parse(
        readFileSync(join(root, 'custom-elements.json'), 'utf8'),
      ) as unknown;
      expect(committed, 'custom-elements.json is stale: run `npm run build` and commit it').toEqual(
        fresh,
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
