/**
 * The import-cycle checks (scripts/check-cycles.ts for TypeScript, scripts/check-py-cycles.py for
 * the training package) on small packages written to a temporary folder, and on this repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_CYCLES, findCycles, importGraph, isKnown } from './check-cycles.ts';

const ROOT = join(import.meta.dirname, '..');
const folders: string[] = [];

/** Writes `files` (path → content) into a fresh temporary folder and returns it. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'med7-cycles-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('TypeScript import cycles', () => {
  it('finds a cycle through static, type-only, dynamic and re-export imports, with its path', () => {
    const dir = fixture({
      'src/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'src/b.ts':
        "import type { C } from './deep/c.ts';\nexport const b = 1;\nexport type B = C;\n",
      'src/deep/c.ts': "export * from '../a.ts';\nexport type C = number;\n",
      'src/d.ts': "export const d = () => import('./e');\n",
      'src/e.ts': "import { d } from './d.js';\nexport const e = d;\n",
      'src/leaf.ts': "import { a } from './a.ts';\nimport 'lit';\nexport const leaf = a;\n",
      'bench/self.ts': "import './self.ts';\n",
    });
    expect(importGraph(dir).get('src/leaf.ts')).toEqual(['src/a.ts']);
    expect(findCycles(importGraph(dir))).toEqual([
      { members: ['bench/self.ts'], path: ['bench/self.ts', 'bench/self.ts'] },
      {
        members: ['src/a.ts', 'src/b.ts', 'src/deep/c.ts'],
        path: ['src/a.ts', 'src/b.ts', 'src/deep/c.ts', 'src/a.ts'],
      },
      { members: ['src/d.ts', 'src/e.ts'], path: ['src/d.ts', 'src/e.ts', 'src/d.ts'] },
    ]);
  });

  it('finds none in an acyclic package, and reads an index.ts folder import', () => {
    const dir = fixture({
      'src/a.ts': "import { b } from './lib';\nexport const a = b;\n",
      'src/lib/index.ts': "export { c as b } from './c.ts';\n",
      'src/lib/c.ts': 'export const c = 1;\n',
    });
    expect(importGraph(dir).get('src/a.ts')).toEqual(['src/lib/index.ts']);
    expect(findCycles(importGraph(dir))).toEqual([]);
  });

  it('finds in this repository no cycle but the listed temporary ones', () => {
    const unknown = findCycles(importGraph(ROOT)).filter(
      ({ members }) => !isKnown(members, KNOWN_CYCLES),
    );
    expect(unknown).toEqual([]);
  });
});

describe('Python import cycles', () => {
  const check = (...args: string[]) =>
    spawnSync('/usr/bin/python3', [join(ROOT, 'scripts', 'check-py-cycles.py'), ...args], {
      encoding: 'utf8',
    });

  it('fails on a cycle hidden in a function-level import, and names its path', () => {
    const dir = fixture({
      'pkg/__init__.py': 'from .a import A\n',
      'pkg/a.py': 'from . import b\nA = 1\n',
      'pkg/b.py': 'def late():\n    from .c import C\n    return C\n',
      'pkg/c.py': 'import pkg.a\nC = 2\n',
      'pkg/d.py': 'from pkg import a\n',
    });
    const result = check(join(dir, 'pkg'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('error: import cycle in pkg: a.py → b.py → c.py → a.py');
    const known = check(join(dir, 'pkg'), '--known', 'c.py,a.py,b.py');
    expect(known.status).toBe(0);
    expect(known.stderr).toContain('warning: known import cycle (temporary) in pkg');
  });

  it('passes an acyclic package', () => {
    const dir = fixture({
      'pkg/__init__.py': 'from .a import A\n',
      'pkg/a.py': 'from .b import B\nA = B\n',
      'pkg/b.py': 'import json\nB = json.dumps(1)\n',
    });
    const result = check(join(dir, 'pkg'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
