/** Spawns the real `med7` command as users run it, for the CLI tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { MED7_BIN } from './paths.ts';

export interface Med7Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args`, feeding `input` on stdin, and collects its output. */
export function runCommand(
  file: string,
  args: string[],
  input?: string | Buffer,
): Promise<Med7Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: 'pipe' });
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

/** Runs `bin/med7.js` with `args`, feeding `input` on stdin, and collects its output. */
export function runMed7(args: string[], input?: string | Buffer): Promise<Med7Run> {
  return runCommand(process.execPath, [MED7_BIN, ...args], input);
}

/** JSON Lines of `records`, one per line. */
export const jsonl = (records: unknown[]) =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface SpawnOptions {
  /** A file (a device, say) to open as the command's standard output instead of a pipe. */
  stdout?: string;
  cwd?: string;
  input?: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Med7Run & { signal: NodeJS.Signals | null }>;
}

/** Starts `med7` like `runMed7`, with a working folder or a file as standard output. */
export function startMed7(args: string[], options: SpawnOptions = {}): Started {
  const fd = options.stdout === undefined ? 'pipe' : openSync(options.stdout, 'w');
  const child = spawn(process.execPath, [MED7_BIN, ...args], {
    cwd: options.cwd,
    stdio: ['pipe', fd, 'pipe'],
  });
  if (typeof fd === 'number') closeSync(fd);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(options.input ?? '');
  const done = new Promise<Med7Run & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
  });
  return { child, done };
}

export const spawnMed7 = (args: string[], options: SpawnOptions = {}) =>
  startMed7(args, options).done;
