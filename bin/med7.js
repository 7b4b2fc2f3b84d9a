#!/usr/bin/env node
// The `med7` command. It runs the TypeScript sources directly through tsx (a dependency), so it
// works straight after `npm install`, with no build step. The hooks are scoped to this command's
// own imports, and no tsconfig is read: the sources need none, and a user's own must not interfere.
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'med7-cli', tsconfig: false });
const { main } = await api.import('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
