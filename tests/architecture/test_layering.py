"""The layering of docs/architecture.md, checked on every import of every module.

- ``policies/`` imports nothing of ``bot/``, ``storage/`` or ``adapters/`` (pure functions);
- ``storage/`` imports nothing above it (``bot/``, ``adapters/``, ``policies/``);
- ``adapters/`` hold no SQL and no policy: no ``storage/``, no ``policies/``, and of the core only
  the port, its message types and the settings;
- ``bot/`` reaches ``adapters/`` only from the composition root, ``bot/app.py``;
- no import circle between modules (imports at module level and type-only ones count; an import
  inside a function, made when it runs, does not).

Every import counts for the layering, even inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "adapters", "storage", "policies")
FORBIDDEN = {
    "policies": ("bot", "storage", "adapters"),
    "storage": ("bot", "adapters", "policies"),
    "adapters": ("storage", "policies"),
    "bot": ("adapters",),
}
ADAPTERS_MAY_USE = ("bot.ports", "bot.messages", "bot.settings")
COMPOSITION_ROOT = "bot.app"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (or package)
    line: int
    top_level: bool  # at module level (or under ``if TYPE_CHECKING``): runs when the module loads


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] not in PACKAGES or "migrations" in rel.parts:
            continue
        name = ".".join(rel.with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(root: Path) -> list[Import]:
    known = modules(root)
    found = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = set(map(id, tree.body))
        for statement in tree.body:
            if isinstance(statement, ast.If):
                top |= set(map(id, statement.body))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:  # ``from pkg import sub`` depends on the submodule
                    sub = f"{node.module}.{alias.name}"
                    targets.append(sub if sub in known else node.module)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in dict.fromkeys(targets):
                if target.split(".")[0] in PACKAGES and target != name:
                    found.append(Import(name, target, node.lineno, id(node) in top))
    return found


def crossings(root: Path) -> list[str]:
    """Every import that crosses the layering, as ``module:line imports target``."""
    wrong = []
    for imp in imports(root):
        layer, target_layer = imp.module.split(".")[0], imp.target.split(".")[0]
        if target_layer == layer:
            continue
        allowed = True
        if target_layer in FORBIDDEN[layer]:
            allowed = layer == "bot" and imp.module == COMPOSITION_ROOT
        elif layer == "adapters" and target_layer == "bot":
            allowed = imp.target.startswith(ADAPTERS_MAY_USE)
        if not allowed:
            wrong.append(f"{imp.module}:{imp.line} imports {imp.target}")
    return wrong


def circles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other (strongly connected, size > 1)."""
    graph: dict[str, set[str]] = {name: set() for name in modules(root)}
    for imp in imports(root):
        if imp.top_level and imp.target in graph:
            graph[imp.module].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_crosses_the_layering() -> None:
    assert crossings(REPO) == []


def test_no_module_imports_itself_in_a_circle() -> None:
    assert circles(REPO) == []


def test_the_checks_catch_a_crossing_and_a_circle(tmp_path: Path) -> None:
    def write(name: str, text: str) -> None:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    write("storage/repo.py", "from bot.messages import ChannelRef\n")
    write("bot/messages.py", "")
    write("bot/relay.py", "def f():\n    from adapters.console import ConsoleAdapter\n")
    write("bot/app.py", "from adapters.registry import PLATFORMS\nfrom bot import scheduler\n")
    write("bot/scheduler.py", "import typing\nif typing.TYPE_CHECKING:\n    from bot.app import X\n")
    write("adapters/console.py", "from storage.repo import x\nfrom bot.relay import f\nimport bot.ports\n")
    write("adapters/registry.py", "")
    write("policies/engine.py", "import storage.repo\n")
    assert sorted(crossings(tmp_path)) == [
        "adapters.console:1 imports storage.repo",
        "adapters.console:2 imports bot.relay",
        "bot.relay:2 imports adapters.console",
        "policies.engine:1 imports storage.repo",
        "storage.repo:1 imports bot.messages",
    ]
    assert circles(tmp_path) == [["bot.app", "bot.scheduler"]]
