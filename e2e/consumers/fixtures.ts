/**
 * What the consumer tests build: the packed tarball, fresh apps that install it (offline: lit and
 * its dependencies come from this repository's node_modules as tarballs), and plain pages.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { README_SENTENCE } from '../helpers.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WORK = join(ROOT, 'test-results', 'consumers');
/** The drop-in folder that `npm run build` wrote (the e2e web server builds it first). */
export const DROPIN_DIR = join(ROOT, 'dist', 'med7-ner');
/**
 * The package's dependencies and theirs: what a browser-only consumer installs beside it. All are
 * packed from this repository's node_modules, so the offline install needs no registry metadata
 * (a machine whose npm cache `npm ci` filled holds tarballs, not the registry's package lists).
 */
const LIT_PACKAGES = [
  '@lit/task',
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  '@lit-labs/ssr-dom-shim',
  '@types/trusted-types',
];

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

let tarballs: { package: string; fixtures: string[] } | undefined;

/** `npm pack` of this repository (dist/ already built) and of lit's packages, once per run. */
export function packTarballs(): { package: string; fixtures: string[] } {
  if (tarballs !== undefined) return tarballs;
  const dir = join(WORK, 'tarballs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(
    npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT),
  ) as { filename: string }[];
  const fixtures = LIT_PACKAGES.map((name) => {
    const out = JSON.parse(
      npm(
        ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
        join(ROOT, 'node_modules', name),
      ),
    ) as { filename: string }[];
    return join(dir, out[0]!.filename);
  });
  tarballs = { package: join(dir, packed[0]!.filename), fixtures };
  return tarballs;
}

/** A fresh app folder with `files` written and the packed package installed from the tarball. */
export function freshApp(name: string, files: Record<string, string>): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }),
  );
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const { package: tarball, fixtures } = packTarballs();
  npm(['install', '--offline', '--no-audit', '--no-fund', tarball, ...fixtures], dir);
  return dir;
}

/** The README's bundler recipe: copy the drop-in folder into the app's public folder. */
export function copyDropinInto(app: string, publicDir = 'public'): void {
  cpSync(
    join(app, 'node_modules', 'med7-web', 'dist', 'med7-ner'),
    join(app, publicDir, 'med7-ner'),
    {
      recursive: true,
    },
  );
}

/** A page that knows nothing of our build: one script tag and the element with the README sentence. */
export function plainPage(scriptSrc: string, attributes = ''): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A page of someone else's</title>
    <script type="module" src="${scriptSrc}"></script>
  </head>
  <body>
    <h1>Notes</h1>
    <med7-ner${attributes}>${README_SENTENCE}</med7-ner>
  </body>
</html>
`;
}

/** A site folder holding `index.html` and, if asked, a copy of the drop-in folder at `dropinAt`. */
export function site(name: string, html: string | undefined, dropinAt?: string): string {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (html !== undefined) writeFileSync(join(dir, 'index.html'), html);
  if (dropinAt !== undefined) cpSync(DROPIN_DIR, join(dir, dropinAt), { recursive: true });
  return dir;
}

/** Every file under `dir` whose name ends with `suffix`, as paths relative to `dir`. */
export function filesEndingWith(dir: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    if (!existsSync(at)) return;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}
