/** Exit statuses of the `med7` command. */
export const EXIT_OK = 0;
/** The model or the run failed. */
export const EXIT_FAILURE = 1;
/** Bad input or bad usage: nothing was written. */
export const EXIT_BAD_INPUT = 2;

/** A problem with the command line or the input that the user must fix; exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
