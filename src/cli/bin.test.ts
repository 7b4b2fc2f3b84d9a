/**
 * `bin/med7.js` in a checkout compiles the sources at each start: an edit takes effect on the next
 * run, never a stale build. Run on a copy of the command and its sources, edited between two runs.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test/paths.ts';

let checkout: string;
beforeAll(async () => {
  checkout = await mkdtemp(join(tmpdir(), 'med7-bin-'));
  for (const path of ['bin/med7.js', 'src', 'tsconfig.json', 'tsconfig.lib.json']) {
    await cp(join(REPO_ROOT, path), join(checkout, path), { recursive: true });
  }
  await symlink(join(REPO_ROOT, 'node_modules'), join(checkout, 'node_modules'));
});
afterAll(async () => {
  await rm(checkout, { recursive: true, force: true });
});

const help = () =>
  execFileSync(process.execPath, [join(checkout, 'bin/med7.js'), '--help'], { encoding: 'utf8' });

describe('bin/med7.js in a checkout', () => {
  it('runs the sources as they are now, edited since the last run', async () => {
    expect(help()).toMatch(/^Usage: med7 <command>/);
    const usage = join(checkout, 'src/cli/usage.ts');
    const source = await readFile(usage, 'utf8');
    await writeFile(usage, source.replace('Usage: med7 <command>', 'Usage: edited med7 <command>'));
    expect(help()).toMatch(/^Usage: edited med7 <command>/);
  });
});
