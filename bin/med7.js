#!/usr/bin/env node
// The `med7` command. The npm package runs its compiled JavaScript (dist/lib/); a checkout of the
// repository, which has the TypeScript sources and tsx among its dev dependencies, runs the sources
// directly so that no build step stands between an edit and the command (tsx's hooks are scoped to
// this command's own imports, and no tsconfig is read).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: 'med7-cli', tsconfig: false });
  ({ main } = await api.import('../src/cli/main.ts', import.meta.url));
} else {
  ({ main } = await import('../dist/lib/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
