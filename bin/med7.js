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
  try {
    ({ main } = await import('../dist/lib/cli/main.js'));
  } catch (error) {
    // The model runtime is an optional peer dependency, so that pages using only the element do
    // not install the native onnxruntime: the command needs it.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/@huggingface\/transformers/.test(error.message))
      throw error;
    process.stderr.write(
      'med7: the command needs @huggingface/transformers: npm install @huggingface/transformers\n',
    );
    process.exit(2);
  }
}
process.exitCode = await main(process.argv.slice(2));
