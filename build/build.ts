/**
 * `npm run build`: the drop-in folder (dist/med7-ner/), then the demo page that loads it (dist/),
 * then the npm package's compiled modules and types (dist/lib/, by tsc -p tsconfig.lib.json).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { buildDropin } from './dropin.ts';
import { ROOT } from './vite-shared.ts';

/**
 * tsc keeps the sources' `.ts` import paths in the declaration files it writes (it rewrites them
 * in the JavaScript only): point them at the `.d.ts` files beside them, as `.js` paths.
 */
function rewriteDeclarationImports(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDeclarationImports(path);
    else if (entry.name.endsWith('.d.ts')) {
      const source = readFileSync(path, 'utf8');
      const rewritten = source.replace(
        /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g,
        '$1$2$3.js$2',
      );
      if (rewritten !== source) writeFileSync(path, rewritten);
    }
  }
}

const dist = join(ROOT, 'dist');
rmSync(dist, { recursive: true, force: true });
await buildDropin();
await build({ root: ROOT, logLevel: 'warn' });
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: ROOT, stdio: 'inherit' });
rewriteDeclarationImports(join(dist, 'lib'));
