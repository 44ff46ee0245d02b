"""Find import circles among the project's own modules.

`python scripts/check_imports.py [--root DIR] [PACKAGE ...]`

Reads every module of the packages (default: `bot` and `training` under the repository root) with `ast`,
never importing them, and builds the graph of which project module imports which. Every import counts:
at module level and inside functions and methods (a lazy import is how a circle hides: it only moves
the failure to whichever caller runs first), `import a.b`, `from a import b` where `b` is a submodule
(an edge to `a.b`), and relative imports. Imports under `if TYPE_CHECKING:` are left out: they never
run. An import names the module it loads; the packages' `__init__` modules above it are not counted
(ours import nothing, but `bot.pool`'s, which re-exports names of its own submodules). Modules outside
the packages (the standard library, dependencies) are ignored.

Exit 0 with a one-line summary when the graph has no circle; else exit 1, one line per circle
(`a -> b -> c -> a`, starting at its first module by name), each followed by where its imports are.
Every import that takes part in some circle shows up in at least one circle named.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PACKAGES = ("bot", "training")


@dataclass(frozen=True)
class Import:
    """One import of a project module by another: where it is written, and whether in a function."""

    source: str
    target: str
    path: Path
    line: int
    lazy: bool


def find_modules(root: Path, packages: list[str]) -> dict[str, Path]:
    """Dotted module name -> file, for every `.py` file under each package folder of `root`."""
    modules: dict[str, Path] = {}
    for package in packages:
        folder = root / package
        if not folder.is_dir():
            raise SystemExit(f"check_imports: no package folder {folder}")
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class _Collector(ast.NodeVisitor):
    """Every import statement of one module, with whether it runs in a function, skipping the bodies
    of `if TYPE_CHECKING:`."""

    def __init__(self) -> None:
        self.found: list[tuple[ast.Import | ast.ImportFrom, bool]] = []
        self._depth = 0

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _function(self, node: ast.AST) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_Import(self, node: ast.Import) -> None:
        self.found.append((node, self._depth > 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.append((node, self._depth > 0))


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The dotted name a `from ... import` reads from, relative imports resolved against `module`."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, node.module] if node.module else base)


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The project module that loading `name` runs: `name` itself, else its nearest project parent
    (`training.x.Y` names `Y` inside `training.x`); None outside the project."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in modules:
            return ".".join(parts)
        parts.pop()
    return None


def module_imports(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_bytes(), filename=str(path))
    collector = _Collector()
    collector.visit(tree)
    found: list[Import] = []
    for node, lazy in collector.found:
        targets: list[str | None] = []
        if isinstance(node, ast.Import):
            targets = [_owner(alias.name, modules) for alias in node.names]
        else:
            base = _absolute(module, path, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"  # `from a import b`: b may be the module a.b
                targets.append(submodule if submodule in modules else _owner(base, modules))
        for target in dict.fromkeys(targets):
            if target is not None and target != module:
                found.append(Import(module, target, path, node.lineno, lazy))
    return found


def _shortest_path(graph: dict[str, set[str]], start: str, goal: str, within: set[str]) -> list[str]:
    """Modules from `start` to `goal` along imports inside `within` (breadth first, sorted: stable)."""
    came: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            break
        for nxt in sorted(graph[node] & within):
            if nxt not in came:
                came[nxt] = node
                queue.append(nxt)
    path: list[str] = []
    node: str | None = goal
    while node is not None:
        path.append(node)
        node = came[node]
    return path[::-1]


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


def find_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Circles (each a list of modules, its first repeated at the end) that together use every import
    lying on some circle: per strongly connected component, for each of its imports a -> b not yet
    used, the shortest way back from b to a."""
    circles: list[list[str]] = []
    for component in strongly_connected(graph):
        used: set[tuple[str, str]] = set()
        for source in sorted(component):
            for target in sorted(graph[source] & component):
                if (source, target) in used:
                    continue
                circle = [source, *_shortest_path(graph, target, source, component)]
                used.update(itertools.pairwise(circle))
                first = circle.index(min(circle[:-1]))
                circles.append(circle[first:-1] + circle[:first] + [circle[first]])
    return sorted(circles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the folder holding the packages (default: the repository root)")
    parser.add_argument("packages", nargs="*", default=list(DEFAULT_PACKAGES),
                        help=f"package folders under ROOT (default: {' '.join(DEFAULT_PACKAGES)})")
    args = parser.parse_args(argv)
    modules = find_modules(args.root, args.packages)
    imports: list[Import] = []
    for module, path in modules.items():
        try:
            imports += module_imports(module, path, modules)
        except SyntaxError as exc:
            print(f"check_imports: {path}: cannot parse: {exc}", file=sys.stderr)
            return 2
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports:
        graph[imp.source].add(imp.target)
    circles = find_circles(graph)
    edges = sum(len(t) for t in graph.values())
    if not circles:
        print(f"check_imports: {len(modules)} modules of {', '.join(args.packages)}, {edges} imports "
              "among them, no circle")
        return 0
    where: dict[tuple[str, str], list[Import]] = {}
    for imp in imports:
        where.setdefault((imp.source, imp.target), []).append(imp)
    for circle in circles:
        print(" -> ".join(circle))
        for source, target in itertools.pairwise(circle):
            for imp in where[(source, target)]:
                shown = imp.path.relative_to(args.root) if imp.path.is_relative_to(args.root) else imp.path
                lazy = " (in a function)" if imp.lazy else ""
                print(f"    {source} imports {target} at {shown}:{imp.line}{lazy}")
    print(f"check_imports: {len(circles)} import circle(s) among {len(modules)} modules", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
