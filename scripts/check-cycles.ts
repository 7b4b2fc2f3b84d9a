/**
 * Fails on an import cycle between the repository's TypeScript files: walks the relative imports
 * (static, dynamic, type-only and re-exports, as `ts.preProcessFile` reads them) of every `.ts`
 * file under src/, bench/, build/, e2e/, scripts/ and the root, and reports each cycle with one
 * path around it. A cycle makes load order matter and hides which module owns what.
 *
 *   npx tsx scripts/check-cycles.ts        (exit 1 on a cycle not in KNOWN_CYCLES)
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** What the check walks, relative to the repository root. */
export const ROOTS = ['src', 'bench', 'build', 'e2e', 'scripts'] as const;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'artifacts', 'tmp', 'test-results']);

/**
 * Cycles on main today, in folders whose rework is in other branches (bench/ and src/worker/).
 * Temporary: delete each entry once its cycle is gone. A listed cycle only warns; any other
 * cycle, or a listed one that grew, fails.
 */
export const KNOWN_CYCLES: readonly (readonly string[])[] = [];

/** Module → the modules it imports, as paths relative to the root with `/`. */
export type ImportGraph = Map<string, string[]>;

function tsFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) tsFiles(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(join(dir, entry.name));
    }
  }
}

/** The file a relative specifier names: as written, with `.ts` for `.js`, or `/index.ts`. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find(
    (file) => file.endsWith('.ts') && existsSync(file) && statSync(file).isFile(),
  );
}

/** The import graph of the `.ts` files under `roots` (and directly in `root`), relative to `root`. */
export function importGraph(root: string, roots: readonly string[] = ROOTS): ImportGraph {
  const files: string[] = [];
  for (const dir of roots) if (existsSync(join(root, dir))) tsFiles(join(root, dir), files);
  for (const entry of readdirSync(root)) {
    if (entry.endsWith('.ts') && statSync(join(root, entry)).isFile())
      files.push(join(root, entry));
  }
  const name = (file: string): string => relative(root, file).split(sep).join('/');
  const graph: ImportGraph = new Map();
  for (const file of files.sort()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== undefined)
      .map(name);
    graph.set(name(file), [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * The cycles of `graph`: each strongly connected component of more than one module (or a module
 * that imports itself), as its sorted members and one shortest path around it.
 */
export function findCycles(graph: ImportGraph): { members: string[]; path: string[] }[] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((members) => ({ members, path: shortestCycle(graph, members) }));
}

/** The shortest path from the component's first member back to itself, inside the component. */
function shortestCycle(graph: ImportGraph, members: readonly string[]): string[] {
  const start = members[0]!;
  const inside = new Set(members);
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const to of graph.get(node) ?? []) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let back: string | undefined = node; back !== start; back = previous.get(back!)) {
          path.splice(1, 0, back!);
        }
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Whether a found cycle is exactly one of `known` (same members). */
export function isKnown(
  members: readonly string[],
  known: readonly (readonly string[])[],
): boolean {
  return known.some(
    (entry) =>
      entry.length === members.length && [...entry].sort().every((m, i) => m === members[i]),
  );
}

function main(): void {
  const root = join(import.meta.dirname, '..');
  const cycles = findCycles(importGraph(root));
  let failed = false;
  for (const { members, path } of cycles) {
    const known = isKnown(members, KNOWN_CYCLES);
    failed ||= !known;
    const what = known ? 'known import cycle (temporary, see KNOWN_CYCLES)' : 'import cycle';
    console.error(`${known ? 'warning' : 'error'}: ${what}: ${path.join(' → ')}`);
  }
  for (const entry of KNOWN_CYCLES) {
    if (!cycles.some(({ members }) => isKnown(members, [entry]))) {
      console.error(`warning: KNOWN_CYCLES lists ${entry.join(' ↔ ')}, which is gone: remove it`);
    }
  }
  if (failed) process.exit(1);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) main();
