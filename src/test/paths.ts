/** Paths the Node-side tests share, resolved from the repository root. */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The model under test: `MED7_TEST_MODEL` if set, else the shipped `models/med7-compact`. */
export const TEST_MODEL = process.env['MED7_TEST_MODEL'] ?? `${REPO_ROOT}models/med7-compact`;

/** `../shared` beside the repository (CI clones the repository next to it). */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export const DEV_GOLD = `${SHARED}data/gold/dev.jsonl`;

export const MED7_BIN = `${REPO_ROOT}bin/med7.js`;
