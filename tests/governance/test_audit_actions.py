"""Every audit action the code can write is declared with whom it concerns (storage/audit_actions.py),
so an access request cannot silently miss a new kind of event.

The walk reads the source (no import, no database): every call that writes an audit event
(``audit.record``, the desk's ``scope.audit``, ``AuditEvent(...)``, ``append_audit``) and every value
its ``action=`` can take — a literal, an f-string, ``a if c else b``, a ``{...}[key]`` lookup, or a
variable traced to its assignments and to the keyword arguments that pass it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from storage import audit_actions
from storage.audit_actions import ACTIONS, IMPERSONAL_KINDS, LISTED_KINDS, TARGET_KINDS

ROOT = Path(__file__).resolve().parents[2]
WRITERS = {"record", "audit", "append_audit", "AuditEvent"}
WRAPPERS = {"audit", "record", "append_audit"}  # functions that only pass ``action`` on


def _sources() -> dict[Path, ast.Module]:
    files = [p for d in ("bot", "storage", "adapters") for p in (ROOT / d).rglob("*.py")]
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in files}


def _strings(expr: ast.expr) -> list[ast.expr] | None:
    """The string-valued alternatives of ``expr``; None when it is not built from strings."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str) or isinstance(expr, ast.JoinedStr):
        return [expr]
    if isinstance(expr, ast.IfExp):
        a, b = _strings(expr.body), _strings(expr.orelse)
        return a + b if a is not None and b is not None else None
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Dict):
        found = [_strings(v) for v in expr.value.values]
        return [s for f in found if f for s in f] if all(f is not None for f in found) else None
    return None


def _pattern(expr: ast.expr) -> re.Pattern[str]:
    if isinstance(expr, ast.Constant):
        return re.compile(re.escape(expr.value))
    parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[a-z_]+" for v in expr.values]  # type: ignore[attr-defined]
    return re.compile("".join(parts))


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _calls(call: ast.Call, name: str) -> bool:
    """``call`` calls ``name``, directly or handing it on (``asyncio.to_thread(name, ...)``)."""
    handed = [a.attr if isinstance(a, ast.Attribute) else getattr(a, "id", "") for a in call.args]
    return _name(call) == name or name in handed


class _Walk:
    def __init__(self) -> None:
        self.trees = _sources()
        self.calls: list[tuple[str, ast.Call, ast.AST]] = []  # (where, call, the function it is in)
        for path, tree in self.trees.items():
            for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
                for node in ast.walk(func):
                    if isinstance(node, ast.Call):
                        self.calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", node, func))

    def sites(self) -> list[tuple[str, ast.Call, ast.AST]]:
        return [
            (where, call, func)
            for where, call, func in self.calls
            if _name(call) in WRITERS and any(k.arg == "action" for k in call.keywords)
        ]

    def values(self, call: ast.Call, func: ast.AST) -> list[ast.expr]:
        expr = next(k.value for k in call.keywords if k.arg == "action")
        if getattr(func, "name", "") in WRAPPERS and isinstance(expr, ast.Name):
            return []  # a wrapper passes its caller's action on; the callers are walked themselves
        found = self._traced(expr, func, depth=0)
        assert found, f"action={ast.unparse(expr)}: no string value found for it"
        return found

    def _traced(self, expr: ast.expr, func: ast.AST, depth: int) -> list[ast.expr]:
        """String values of ``expr`` in ``func``: a name is followed to its assignments in ``func``,
        its default, and what every caller of ``func`` passes for it (a few calls deep)."""
        found = _strings(expr)
        if found is not None:
            return found
        assert isinstance(expr, ast.Name), f"{ast.unparse(expr)}: use a literal or a plain name"
        if depth > 6:
            return []
        out: list[ast.expr] = []
        for node in ast.walk(func):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == expr.id for t in node.targets
            ):
                out += self._traced(node.value, func, depth + 1)
        args = func.args  # type: ignore[attr-defined]
        params = args.args + args.kwonlyargs
        defaults = dict(zip([a.arg for a in args.args][::-1], args.defaults[::-1], strict=False))
        defaults |= {
            a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None
        }
        if expr.id in defaults:
            out += _strings(defaults[expr.id]) or []
        if any(a.arg == expr.id for a in params):
            for _where, call, caller in self.calls:
                if _calls(call, func.name):  # type: ignore[attr-defined]
                    out += [
                        v
                        for k in call.keywords
                        if k.arg == expr.id
                        for v in self._traced(k.value, caller, depth + 1)
                    ]
        return out


WALK = _Walk()
SITES = WALK.sites()


def test_the_walk_finds_the_writers_of_every_feature():
    files = {site.split(":")[0] for site, _, _ in SITES}
    assert (
        len(SITES) >= 70
        and {
            "bot/year/reflections.py",
            "bot/matching/confirm.py",
            "bot/handover/departure.py",
            "bot/web/views_year.py",
            "storage/erasure.py",
        }
        <= files
    )


@pytest.mark.parametrize(("site", "call", "func"), SITES, ids=[s for s, _, _ in SITES])
def test_every_action_written_is_declared_with_its_target_kind(site, call, func):
    for value in WALK.values(call, func):
        pattern = _pattern(value)
        declared = [name for name in ACTIONS if pattern.fullmatch(name)]
        assert declared, f"{site}: action {ast.unparse(value)} is not in storage/audit_actions.py"
        target = next((k.value for k in call.keywords if k.arg == "target"), None)
        if target is None or isinstance(target, ast.JoinedStr | ast.Constant):
            kind = audit_actions.target_kind(_example(target) if target is not None else "")
            assert any(kind in ACTIONS[name].targets for name in declared), (
                f"{site}: {ast.unparse(value)} names a {kind!r} target; declare that kind for it"
            )


def _example(target: ast.expr) -> str:
    if isinstance(target, ast.Constant):
        return str(target.value)
    return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in target.values)  # type: ignore[attr-defined]


def test_every_declared_kind_has_a_resolver():
    """Kinds are closed lists, and every kind that names people has its resolver."""
    from storage.audit_concerns import LISTED_TABLES, TARGET_RESOLVERS

    for name, action in ACTIONS.items():
        assert set(action.targets) <= set(TARGET_KINDS), name
        for _key, kind in action.listed:
            assert kind in LISTED_KINDS, name
        if action.everyone:
            assert set(action.targets) & {"", "program"}, f"{name}: 'everyone' applies to program pages"
    assert set(TARGET_RESOLVERS) == set(TARGET_KINDS) - set(IMPERSONAL_KINDS) - {"search", "hold"}
    assert set(LISTED_TABLES) == set(LISTED_KINDS) - {"person", "match"}


def test_recording_an_undeclared_action_or_target_is_refused():
    with pytest.raises(audit_actions.UndeclaredAuditAction, match="not declared"):
        audit_actions.check("profile.peek", "person:ana")
    with pytest.raises(audit_actions.UndeclaredAuditAction, match="target kinds"):
        audit_actions.check("profile.view", "profile:ana")
    assert audit_actions.check("legal_hold.place", "match dana-ana").targets == ("hold",)
    assert audit_actions.target_kind("the whole program") == "hold"
