/** Options shared by the `med7` subcommands, and the checks of their values. */
import type { ParseArgsConfig } from 'node:util';
import { DTYPES, isDtype, type Med7Dtype } from '../model/dtype.ts';
import { InputError } from './errors.ts';

export const COMMON_OPTIONS = {
  model: { type: 'string' },
  dtype: { type: 'string' },
  jobs: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * parseArgs keeps only the last value of an option given twice, so `--text A --text B` would
 * annotate B alone; a value given twice is refused instead. A flag given twice means what it
 * means once, so it is let be.
 */
export function rejectRepeats(
  tokens: readonly { kind: string; rawName?: string; value?: unknown }[],
) {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined || token.rawName === undefined) {
      continue;
    }
    if (seen.has(token.rawName)) throw new InputError(`${token.rawName} given twice; give it once`);
    seen.add(token.rawName);
  }
}

export function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) {
    throw new InputError(`--jobs must be a whole number of cores from 1, not "${value}"`);
  }
  return Number(value);
}

export function dtypeOf(value: string | undefined): Med7Dtype {
  if (value === undefined) return 'auto';
  if (isDtype(value)) return value;
  throw new InputError(`--dtype must be one of ${DTYPES.join(', ')}, not "${value}"`);
}
