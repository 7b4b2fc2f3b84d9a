#!/usr/bin/env python3
"""Fails on an import cycle between the modules of a Python package (default:
training/med7_train). Every import counts, also one inside a function: a lazy import only hides
a cycle. Each cycle is printed with one path around it.

    python3 scripts/check-py-cycles.py [PACKAGE_DIR] [--known a.py,b.py ...]

Exit 1 on a cycle whose modules are not exactly one of the --known sets (those only warn;
without PACKAGE_DIR, KNOWN_CYCLES below).
"""
import argparse
import ast
import sys
from collections import deque
from pathlib import Path

# Cycles of training/med7_train on main today, being broken in the training work of issue 31.
# Temporary: delete an entry once its cycle is gone. Used when no PACKAGE_DIR is given.
KNOWN_CYCLES: list[str] = []


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module name (file stem) -> the modules of the same package it imports."""
    name = package.name
    modules = {path.stem for path in package.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in sorted(package.glob("*.py")):
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom):
                relative = node.level == 1 and node.module is None
                absolute = node.level == 0 and node.module == name
                if relative or absolute:  # from . import a, b
                    targets.update(alias.name for alias in node.names if alias.name in modules)
                elif node.level == 1:  # from .a import x
                    targets.add(node.module.split(".")[0])
                elif node.level == 0 and (node.module or "").startswith(name + "."):
                    targets.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(name + "."):
                        targets.add(alias.name.split(".")[1])
        # Every submodule imports the package's __init__ first: not an edge of its own.
        graph[path.stem] = {t for t in targets if t in modules and t != "__init__"}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """Each strongly connected component of more than one module (or a self-import), as its sorted
    members and one shortest path around it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for to in sorted(graph.get(node, ())):
            if to not in index:
                visit(to)
                low[node] = min(low[node], low[to])
            elif to in on_stack:
                low[node] = min(low[node], index[to])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [(members, shortest_cycle(graph, members)) for members in sorted(components)]


def shortest_cycle(graph: dict[str, set[str]], members: list[str]) -> list[str]:
    start, inside = members[0], set(members)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for to in sorted(graph[node]):
            if to not in inside:
                continue
            if to == start:
                path = [node]
                while path[0] != start:
                    path.insert(0, previous[path[0]])
                return path + [start]
            if to not in previous:
                previous[to] = node
                queue.append(to)
    return [start, start]


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", nargs="?")
    parser.add_argument("--known", action="append", default=[], help="a.py,b.py: warn only")
    args = parser.parse_args()
    default = args.package is None
    package = root / "training" / "med7_train" if default else Path(args.package)
    entries = args.known + (KNOWN_CYCLES if default else [])
    known = [sorted(p.removesuffix(".py") for p in entry.split(",")) for entry in entries]
    cycles = find_cycles(import_graph(package))
    failed = False
    for members, path in cycles:
        is_known = members in known
        failed |= not is_known
        label = "warning: known import cycle (temporary)" if is_known else "error: import cycle"
        print(f"{label} in {package.name}: {' → '.join(m + '.py' for m in path)}", file=sys.stderr)
    found = [members for members, _ in cycles]
    for entry, members in zip(entries, known):
        if members not in found:
            print(f"warning: known cycle {entry} is gone: remove it from the list", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
