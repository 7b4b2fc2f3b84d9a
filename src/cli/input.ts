/** Where `med7` reads its input: a file, or standard input for `-` or no path. */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from './errors.ts';
import { readFileChunks } from './jsonl.ts';
import { STDIO } from './output.ts';
import { ANNOTATE_USAGE } from './usage.ts';
import { errorMessage } from '../core/error-message.ts';

/** Reads a file, or standard input for `-` or no path. */
export async function readInput(
  path: string | undefined,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (path !== undefined && path !== STDIO) {
    try {
      return { bytes: await readFile(path), name: path };
    } catch (error) {
      const reason = errorMessage(error);
      throw new InputError(`cannot read ${path}: ${reason}`);
    }
  }
  // Without --input a terminal is most likely a mistake; an explicit "-" reads it, as `cat -` does.
  if (path === undefined && process.stdin.isTTY) {
    throw new InputError(
      'no input: pipe JSON Lines on standard input, or give --input FILE or --text "…"\n\n' +
        ANNOTATE_USAGE,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), name: 'stdin' };
}

/** The input of `med7 annotate` as a stream of chunks, with its size when it is a file. */
export async function openInput(
  path: string | undefined,
): Promise<{ chunks: AsyncIterable<Uint8Array>; name: string; size: number | undefined }> {
  if (path !== undefined && path !== STDIO) {
    const info = await stat(path).catch((error: Error) => {
      throw new InputError(`cannot read ${path}: ${error.message}`);
    });
    return {
      chunks: readFileChunks(path),
      name: path,
      size: info.isFile() ? info.size : undefined,
    };
  }
  if (path === undefined && process.stdin.isTTY) {
    throw new InputError(
      'no input: pipe JSON Lines on standard input, or give --input FILE or --text "…"\n\n' +
        ANNOTATE_USAGE,
    );
  }
  return { chunks: process.stdin, name: 'stdin', size: undefined };
}
