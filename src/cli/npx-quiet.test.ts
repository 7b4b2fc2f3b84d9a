/** `npx med7` prints only what the command says: npm itself must have nothing to warn about. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test/paths.ts';

describe('npx med7', () => {
  it('runs without a warning from npm (no unknown .npmrc key)', () => {
    const run = spawnSync('npx', ['--no-install', 'med7', '--help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: med7');
    expect(run.stderr).not.toMatch(/npm warn/i);
  });
});
