/** Spawns the real `med7` command as users run it, for the CLI tests. */
import { spawn } from 'node:child_process';
import { MED7_BIN } from './paths.ts';

export interface Med7Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/med7.js` with `args`, feeding `input` on stdin, and collects its output. */
export function runMed7(args: string[], input?: string | Buffer): Promise<Med7Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MED7_BIN, ...args], { stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
    // A command that exits before reading all its input must not fail the test with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
