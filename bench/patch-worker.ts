/**
 * A/B variants of the built page for the interleaved benches (./interleaved.ts): the model
 * worker's built text with one expression replaced, or another file in place of one of the build's
 * (the model), and every integrity manifest that pins its hash updated with it, so the page is
 * otherwise the build itself.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser.ts';

const WORKER = join(DIST, 'med7-ner', 'med7-ner.worker.js');

const sri = (content: string | Buffer): string =>
  `sha384-${createHash('sha384').update(content).digest('base64')}`;

/** Replaces `from` by `to` in every text file of the build (the integrity manifests). */
function replaceEverywhere(dir: string, from: string, to: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) replaceEverywhere(path, from, to);
    else if (/\.(js|html|txt|json)$/.test(name)) {
      const text = readFileSync(path, 'utf8');
      if (text.includes(from)) writeFileSync(path, text.split(from).join(to));
    }
  }
}

/**
 * What installs the worker as built (`false`) or with `pattern` replaced by `replacement` (`true`).
 * Throws when the built worker has no match: the bench would otherwise compare a build with itself.
 */
export function workerVariant(pattern: RegExp, replacement: string): (patched: boolean) => void {
  let original: string | undefined;
  return (patched) => {
    original ??= readFileSync(WORKER, 'utf8');
    if (!pattern.test(original)) throw new Error(`the built worker has no match for ${pattern}`);
    const current = readFileSync(WORKER, 'utf8');
    const wanted = patched ? original.replace(pattern, replacement) : original;
    if (current === wanted) return;
    writeFileSync(WORKER, wanted);
    replaceEverywhere(DIST, sri(current), sri(wanted));
  };
}

/**
 * What puts a file of the build back as built (no argument) or replaces it by the file at
 * `replacement`, updating every integrity manifest that pins its hash (the page checks the model).
 */
export function fileVariant(file: string): (replacement?: string) => void {
  let original: Buffer | undefined;
  return (replacement) => {
    original ??= readFileSync(file);
    const current = readFileSync(file);
    const wanted = replacement === undefined ? original : readFileSync(replacement);
    if (current.equals(wanted)) return;
    if (replacement === undefined) writeFileSync(file, original);
    else copyFileSync(replacement, file);
    replaceEverywhere(DIST, sri(current), sri(wanted));
  };
}
