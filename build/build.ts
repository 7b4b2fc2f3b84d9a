/**
 * `npm run build`: the drop-in folder (dist/med7-ner/), then the demo page that loads it (dist/),
 * then the npm package's compiled modules and types (dist/lib/, by tsc -p tsconfig.lib.json).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { buildDropin } from './dropin.ts';
import { ROOT } from './vite-shared.ts';

const dist = join(ROOT, 'dist');
rmSync(dist, { recursive: true, force: true });
await buildDropin();
await build({ root: ROOT, logLevel: 'warn' });
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json'],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
