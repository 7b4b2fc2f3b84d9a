/**
 * Where a model folder is, and that it holds what a Med7 model needs: a path checked file by file
 * in Node (the package's embedded model by default), a URL split the way transformers.js joins it
 * back in a browser (the page's `/models/med7-compact/` by default).
 */
import { errorMessage } from '../core/error-message.ts';
import { Med7ModelError, MissingFileError } from './errors.ts';

export const IS_NODE =
  typeof process !== 'undefined' &&
  (process as { release?: { name?: string } }).release?.name === 'node';

const MODEL_FOLDER = 'models/med7-compact';
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** Imports a Node built-in without letting a browser bundler see it. */
const nodeImport = <T>(name: string): Promise<T> => import(/* @vite-ignore */ name) as Promise<T>;

export interface Location {
  /** What transformers.js is asked for: an absolute folder path (Node) or a folder name (browser). */
  readonly id: string;
  /** For messages. */
  readonly source: string;
  /** Browser: the URL of the folder holding the model folder. */
  readonly base?: string;
  /** Browser: the folder is on another origin than the page's (see ./fetch-tokenizer.ts). */
  readonly crossOrigin?: boolean;
}

export async function locateNode(model: string | undefined): Promise<Location> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const url = await nodeImport<typeof import('node:url')>('node:url');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  const folder =
    model === undefined
      ? await embeddedModelFolder(url.fileURLToPath(import.meta.url))
      : path.resolve(model);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (stat === undefined) throw new Med7ModelError(`Model folder not found: ${folder}`);
  if (!stat.isDirectory()) throw new Med7ModelError(`Not a model folder: ${folder}`);
  await requireFiles(folder, REQUIRED_FILES);
  for (const file of REQUIRED_FILES) await checkJsonFile(folder, file);
  return { id: folder, source: folder };
}

/**
 * Node: the embedded model's folder, found upwards of this module: `models/med7-compact` in a
 * checkout of the repository, the drop-in folder's copy (`dist/med7-ner/models/med7-compact`) in
 * the npm package. The first that holds a config.json wins.
 */
async function embeddedModelFolder(modulePath: string): Promise<string> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const candidates = [MODEL_FOLDER, `dist/med7-ner/${MODEL_FOLDER}`];
  let dir = path.dirname(modulePath);
  for (;;) {
    for (const candidate of candidates) {
      const folder = path.join(dir, candidate);
      if (await hasFile(folder, 'config.json')) return folder;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Med7ModelError(
    `The embedded model was not found above ${path.dirname(modulePath)} ` +
      `(looked for ${candidates.join(' and ')}); pass a model folder`,
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Node: reads a JSON file of the folder with its exact length and checks that it parses, before
 * transformers.js reads it. Its Node file reader (4.3) hands over the whole shared buffer behind
 * a small file, so an empty or broken file made the error quote bytes of other memory; here a
 * message only ever quotes the file itself.
 */
async function checkJsonFile(folder: string, file: string): Promise<void> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  const where = `${file} in ${folder}`;
  const bytes = await fs.readFile(path.join(folder, file));
  if (bytes.length === 0) throw new Med7ModelError(`The ${where} is empty`);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new Med7ModelError(`The ${where} is not UTF-8 text`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Med7ModelError(`The ${where} is not valid JSON: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/** Node: whether `folder` holds the plain file `file`. */
export async function hasFile(folder: string, file: string): Promise<boolean> {
  const path = await nodeImport<typeof import('node:path')>('node:path');
  const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
  return fs.stat(path.join(folder, file)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Node: a clear error naming every file of `files` that `folder` lacks. */
export async function requireFiles(folder: string, files: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const file of files) if (!(await hasFile(folder, file))) missing.push(file);
  if (missing.length > 0) {
    throw new MissingFileError(
      `Model folder ${folder} lacks ${missing.join(', ')} (a Med7 model folder holds ${[...REQUIRED_FILES, 'onnx/<model file>'].join(', ')})`,
    );
  }
}

/**
 * Splits a model folder URL into the URL of its parent (transformers.js's `localModelPath`) and
 * the folder name (the model id), as transformers.js joins them back.
 */
export function splitModelUrl(model: string | undefined, pageUrl: string | undefined) {
  let url: URL;
  try {
    url =
      pageUrl === undefined ? new URL(model ?? '') : new URL(model ?? `/${MODEL_FOLDER}/`, pageUrl);
  } catch {
    throw new Med7ModelError(`Not a model URL: ${model ?? '(none)'}`);
  }
  url.search = '';
  url.hash = '';
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const name = decodeSegment(segments.pop() ?? '', url.href);
  // transformers.js only joins env.localModelPath with names that look like a model id.
  if (!/^[\w.-]{1,96}$/.test(name) || name.includes('..') || name.includes('--')) {
    throw new Med7ModelError(
      `The model folder name "${name}" in ${url.href} must be 1–96 letters, digits, "_", "." or "-" (no ".." or "--")`,
    );
  }
  url.pathname = `${segments.join('/')}/`;
  return { base: url.href, name, source: `${url.href}${name}/` };
}

/** A path segment without its %-escapes; a broken escape (`%zz`) is a clear model error. */
function decodeSegment(segment: string, href: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Med7ModelError(`The model folder name in ${href} has a broken %-escape`);
  }
}

export function locateBrowser(model: string | undefined): Location {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  const { base, name, source } = splitModelUrl(model, here);
  // transformers.js 4.3.1 looks for tokenizer_config.json (get_file_metadata) only under a
  // localModelPath that is not a full URL; a same-origin model gets its path, so it is found.
  const parent = new URL(base);
  const local =
    here !== undefined && parent.origin === new URL(here).origin ? parent.pathname : base;
  return { id: name, base: local, source, crossOrigin: local === base };
}

/** The folder of `model` (the embedded one when absent), checked in Node. */
export function locate(model: string | undefined): Promise<Location> | Location {
  return IS_NODE ? locateNode(model) : locateBrowser(model);
}
