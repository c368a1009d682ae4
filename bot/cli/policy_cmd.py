"""``mentorbot policy`` — show the effective policy and try it on sample messages.

Imported by every ``mentorbot`` run, so the policy engine is imported inside the commands.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

policy_app = typer.Typer(help="Try and inspect the online-interaction policy.", no_args_is_help=True)

_POLICY_OPT = typer.Option(None, "--policy", help="A program's policy file (default: shipped defaults).")


def _load(path: str | None) -> Any:
    from policies import PolicyFileError, load_policy

    try:
        return load_policy(path)
    except PolicyFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@policy_app.command("show")
def show(policy: str | None = _POLICY_OPT) -> None:
    """Print the effective policy in plain language."""
    typer.echo(_load(policy).describe())


@policy_app.command("check")
def check(
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON lines in and out (for tools)."),
    policy: str | None = _POLICY_OPT,
) -> None:
    """Read messages on standard input, one per line, and print a verdict for each."""
    pol = _load(policy)
    # Read bytes and decode leniently: any input line gets an answer, never a crash.
    stdin = sys.stdin.buffer
    out = sys.stdout
    run = _check_jsonl if jsonl else _check_plain
    for raw in iter(stdin.readline, b""):
        line = raw.decode("utf-8", errors="replace")
        if line.endswith("\n"):
            line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
        out.write(run(pol, line) + "\n")
        out.flush()


def _check_jsonl(pol: Any, line: str) -> str:
    """One answer per line, whatever the line holds: a verdict, or ``{"error": ...}``."""
    import json

    try:
        obj = json.loads(line)
    except ValueError as exc:
        return json.dumps({"error": f"not valid JSON: {exc}"})
    except RecursionError:  # e.g. "[" * 100_000: Python's parser gives up before the end
        return json.dumps({"error": "not valid JSON: nested too deeply"})
    try:
        return _verdict_json(pol, obj)
    except Exception as exc:  # never let one line stop the answers to the next ones
        return json.dumps({"error": f"could not check this line: {type(exc).__name__}"})


def _verdict_json(pol: Any, obj: Any) -> str:
    import json

    from policies import PolicyContext
    from storage.safe_text import without_lone_surrogates

    if not isinstance(obj, dict):
        return json.dumps({"error": "each line must be a JSON object with a \"text\" field"})
    text = obj.get("text")
    role = obj.get("role", "student")
    if not isinstance(text, str):
        return json.dumps({"error": "\"text\" must be a string"})
    if not isinstance(role, str) or not role:
        role = "student"  # the contract: role is optional, student by default
    d = pol.evaluate(without_lone_surrogates(text), PolicyContext(role=role))  # as a platform shows it
    hits = [{"rule": h.rule, "start": h.start, "end": h.end, "reason": h.reason}
            for h in d.hits]
    return json.dumps({"decision": d.action.value, "alert": d.alert, "hits": hits})


def _check_plain(pol: Any, line: str) -> str:
    from policies import PolicyContext

    d = pol.evaluate(line, PolicyContext())
    head = d.action.value.upper() + (" + ALERT" if d.alert else "")
    if not d.hits:
        return f"{head}: {line}"
    marked, pos = [], 0
    for h in sorted(d.hits, key=lambda h: h.start):
        if h.end <= h.start or h.start < pos:
            continue
        marked.append(line[pos:h.start])
        marked.append(f"[[{line[h.start:h.end]}]]")
        pos = h.end
    marked.append(line[pos:])
    parts = [f"{head}: {''.join(marked)}"]
    parts += [f"    {h.rule}: {h.reason}" for h in d.hits]
    if d.notice:
        parts.append(f"    sender is told: {d.notice}")
    return "\n".join(parts)
