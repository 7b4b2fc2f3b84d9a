#!/usr/bin/env node
// The `med7` command. It runs the TypeScript sources directly through tsx (a dependency), so it
// works straight after `npm install`, with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const api = register({
  namespace: 'med7-cli',
  tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
});
const { main } = await api.import('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
