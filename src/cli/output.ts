/**
 * Where `med7 annotate` writes: standard output, or the `--output` path.
 *
 * A regular file is written to a hidden temporary file beside it and renamed into place when the
 * run succeeds, so a run that fails (a model that will not load, say) or is interrupted leaves what
 * was there untouched, even when the output is the input file itself. The new file keeps the mode
 * of the one it replaces (notes kept 0600 must not become world-readable), and a symbolic link is
 * followed, so the link stays and its file is replaced.
 *
 * Anything else that exists (a FIFO, a device such as /dev/null or /dev/tty, /dev/stdout) is
 * written directly: it cannot be replaced by a renamed file, only written to.
 */
import { unlinkSync } from 'node:fs';
import { lstat, open, readlink, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { constants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.ts';
import { errorMessage } from '../core/error-message.ts';

/** Names standard input or output in place of a file, as most Unix tools read it. */
export const STDIO = '-';

/** How to write a path: replace it (through a temporary file) or write to it as it is. */
type Target = { kind: 'replace'; file: string; mode?: number } | { kind: 'direct' };

/**
 * Names of a descriptor the process already holds. On Linux they are links into /proc whose
 * targets (`pipe:[123]`, a file the shell opened with `>>`) must be written through, never replaced.
 */
const DESCRIPTOR = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/;

/** Symbolic links in a row beyond which a path is taken to loop (Linux's own limit). */
const MAX_LINKS = 40;

async function targetOf(path: string): Promise<Target> {
  if (DESCRIPTOR.test(resolve(path))) return { kind: 'direct' };
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info === undefined) return { kind: 'replace', file: await followLinks(path) };
  if (info.isDirectory()) throw new Error('it is a folder');
  if (!info.isFile()) return { kind: 'direct' };
  return { kind: 'replace', file: await followLinks(path), mode: info.mode & 0o777 };
}

/** The file a chain of symbolic links leads to, which may not exist yet (a new output file). */
async function followLinks(path: string): Promise<string> {
  let file = path;
  for (let links = 0; links < MAX_LINKS; links++) {
    const info = await lstat(file).catch(() => undefined);
    if (info?.isSymbolicLink() !== true) return file;
    file = resolve(dirname(file), await readlink(file));
  }
  throw new Error('too many levels of symbolic links');
}

const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A hidden file beside the file it will replace, removed if the run fails or is interrupted. */
class TempFile {
  readonly path: string;
  private readonly onSignal = (signal: NodeJS.Signals) => this.interrupted(signal);

  constructor(readonly target: string) {
    this.path = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  }

  /** Creates the file with `mode` (the replaced file's), before any text is written to it. */
  async create(mode: number | undefined): Promise<FileHandle> {
    // Listening before the file exists leaves no moment in which a signal could strand it.
    for (const signal of CLEANUP_SIGNALS) process.on(signal, this.onSignal);
    try {
      const handle = await open(this.path, 'wx', mode ?? 0o666);
      // The mode given to open is narrowed by the umask; chmod restores the replaced file's
      // exactly. Where it cannot, the narrower mode is still never wider than the original.
      if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
      return handle;
    } catch (error) {
      this.stopListening();
      throw error;
    }
  }

  /** Puts the file in its target's place. */
  async commit(): Promise<void> {
    await rename(this.path, this.target);
    this.stopListening();
  }

  async remove(): Promise<void> {
    await unlink(this.path).catch(() => undefined);
    this.stopListening();
  }

  private stopListening(): void {
    for (const signal of CLEANUP_SIGNALS) process.off(signal, this.onSignal);
  }

  /** Ctrl-C and the like: removes the file, then ends the process as the signal would have. */
  private interrupted(signal: NodeJS.Signals): void {
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone, or never created.
    }
    this.stopListening();
    // With no listener left the signal's default action applies, so the parent sees the signal;
    // where that does not end the process (Windows), the shell's convention 128 + N does.
    try {
      process.kill(process.pid, signal);
    } finally {
      process.exit(128 + constants.signals[signal]);
    }
  }
}

/**
 * Writes with back-pressure; a write error fails the run. `close` finishes a successful run,
 * `discard` a failed one.
 */
export class Output {
  private failure: Error | undefined;

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly name: string,
    private readonly temp?: TempFile,
  ) {
    stream.on('error', (error: Error) => this.fail(error));
  }

  /** Opens the output now, so that a bad path is reported before any work. */
  static async open(path: string | undefined): Promise<Output> {
    if (path === undefined || path === STDIO) return new Output(process.stdout, 'standard output');
    try {
      const target = await targetOf(path);
      if (target.kind === 'direct') {
        // Appending, so a file behind /dev/stdout (`>> log`) is not cut short.
        const handle = await open(path, 'a');
        return new Output(handle.createWriteStream(), path);
      }
      const temp = new TempFile(target.file);
      const handle = await temp.create(target.mode);
      return new Output(handle.createWriteStream(), path, temp);
    } catch (error) {
      const reason = errorMessage(error);
      throw new InputError(`cannot write ${path}: ${reason}`);
    }
  }

  async write(chunk: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.stream.write(chunk)) return;
    // events.once also rejects on an 'error' event, and removes its listeners either way.
    await once(this.stream, 'drain').catch((error: Error) => {
      this.fail(error);
      throw this.failure;
    });
  }

  /** Finishes the output: a replacing file takes its target's place. */
  async close(): Promise<void> {
    await this.end();
    if (this.failure !== undefined) throw this.failure;
    await this.temp?.commit();
  }

  /** Drops the output of a failed run; a replaced file stays as it was. */
  async discard(): Promise<void> {
    await this.end();
    await this.temp?.remove();
  }

  /**
   * Ends a stream of our own; standard output stays open for whatever comes after. A write can
   * fail after it was accepted (a full disk, /dev/full), and `end`'s callback may run before the
   * 'error' event, so the failure is taken from `finished`.
   */
  private async end(): Promise<void> {
    if (this.stream === process.stdout) return;
    this.stream.end();
    await finished(this.stream).catch((error: Error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.failure ??= new Error(`cannot write ${this.name}: ${error.message}`, { cause: error });
  }
}
