/**
 * The `med7` command: `med7 annotate` (JSON Lines in, the same records with entities out:
 * annotate.ts) and `med7 eval` (strict and lenient scores against gold: eval.ts). Run through
 * `bin/med7.js`.
 *
 * `med7 annotate` streams: it reads, annotates and writes in groups of records (docs/batch.md),
 * so its memory does not grow with the input, and it runs the model on every core (--jobs).
 *
 * Exit status: 0 done, 1 the model or the run failed, 2 bad usage or bad input (reported with its
 * line number; the records before it are written to standard output, an --output file is left
 * as it was).
 */
import { annotate } from './annotate.ts';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, failureLine, InputError } from './errors.ts';
import { evalCommand } from './eval.ts';
import { USAGE } from './usage.ts';
import { errorMessage } from '../core/error-message.ts';

/**
 * Ends the run when standard output fails. A closed pipe (`med7 annotate | head`) is not a
 * failure; anything else (a full disk: ENOSPC) is one line on stderr and exit status 1, not an
 * uncaught exception with a stack trace.
 */
function stdoutFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
  process.stderr.write(`med7: cannot write standard output: ${error.message}\n`);
  process.exit(EXIT_FAILURE);
}

/** Runs the command line; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', stdoutFailed);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'annotate':
        return await annotate(rest);
      case 'eval':
        return await evalCommand(rest);
      case undefined:
        process.stderr.write(`${USAGE}\n`);
        return EXIT_BAD_INPUT;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      default:
        throw new InputError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    const usage =
      error instanceof InputError ||
      (error instanceof Error &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = errorMessage(error);
    // A usage message may end with the usage text; a failure is one line.
    process.stderr.write(`med7: ${usage ? message : failureLine(message)}\n`);
    return usage ? EXIT_BAD_INPUT : EXIT_FAILURE;
  }
}
