"""``mentorbot policy`` — show the effective policy and try it on sample messages.

Imported by every ``mentorbot`` run, so the policy engine is imported inside the commands
(once per command, never per message).
"""

from __future__ import annotations

import sys
from typing import Any

import typer

policy_app = typer.Typer(help="Try and inspect the online-interaction policy.", no_args_is_help=True)

_POLICY_OPT = typer.Option(None, "--policy", help="A program's policy file (default: shipped defaults).")
_RULES_ONLY_OPT = typer.Option(False, "--rules-only",
                               help="Run the rules layer alone (no sentence encoder).")


def _load(path: str | None, rules_only: bool = False) -> Any:
    from policies import PolicyFileError, load_policy
    from policies.encoder.layer import EncoderUnavailable

    try:
        return load_policy(path, rules_only=rules_only)
    except PolicyFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except EncoderUnavailable as exc:
        typer.echo(f"error: {exc}\n(or try the rules alone: mentorbot policy check --rules-only)", err=True)
        raise typer.Exit(2) from None


@policy_app.command("show")
def show(policy: str | None = _POLICY_OPT, rules_only: bool = _RULES_ONLY_OPT) -> None:
    """Print the effective policy in plain language."""
    typer.echo(_load(policy, rules_only).describe())


@policy_app.command("check")
def check(
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON lines in and out (for tools)."),
    explain: bool = typer.Option(False, "--explain",
                                 help="Say which layer decided and why (scores and thresholds)."),
    role: str = typer.Option("student", "--role",
                             help="Who sent the plain-text lines: student, mentor, teacher or coordinator."),
    policy: str | None = _POLICY_OPT,
    rules_only: bool = _RULES_ONLY_OPT,
) -> None:
    """Read messages on standard input, one per line, and print a verdict for each."""
    import json

    from policies import PolicyContext
    from policies.types import SENDER_ROLES
    from storage.safe_text import without_lone_surrogates

    if role.strip().lower() not in SENDER_ROLES:
        raise typer.BadParameter(f"must be one of {', '.join(SENDER_ROLES)}", param_hint="--role")
    pol = _load(policy, rules_only)
    # Read bytes and decode leniently: any input line gets an answer, never a crash.
    stdin = sys.stdin.buffer
    out = sys.stdout
    # Flush per line only for a person at a terminal; a pipe gets block-buffered output.
    interactive = out.isatty()
    if jsonl:
        def run(line: str) -> str:
            return _check_jsonl(pol, without_lone_surrogates, line, json, PolicyContext, explain,
                                SENDER_ROLES)
    else:
        def run(line: str) -> str:
            return _check_plain(pol, line, PolicyContext(role=role), explain)
    for raw in iter(stdin.readline, b""):
        line = raw.decode("utf-8", errors="replace")
        if line.endswith("\n"):
            line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
        out.write(run(line) + "\n")
        if interactive:
            out.flush()
    out.flush()


def _check_jsonl(pol: Any, clean: Any, line: str, json: Any, context: Any, explain: bool,
                 roles: tuple[str, ...]) -> str:
    """One answer per line, whatever the line holds: a verdict, or ``{"error": ...}``.

    ``clean`` (lone surrogates out), ``json``, ``context`` (PolicyContext) and ``roles`` (the
    sender roles a line may name) are passed in: imported once per command, not per line.
    """
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return json.dumps({"error": f"not valid JSON: {exc}"})
    except RecursionError:  # e.g. "[" * 100_000: Python's parser gives up before the end
        return json.dumps({"error": "not valid JSON: nested too deeply"})
    try:
        return _verdict_json(pol, obj, json, context(role="student"), explain, clean, roles)
    except Exception as exc:  # never let one line stop the answers to the next ones
        return json.dumps({"error": f"could not check this line: {type(exc).__name__}"})


def _verdict_json(pol: Any, obj: Any, json: Any, student: Any, explain: bool, clean: Any,
                  roles: tuple[str, ...]) -> str:
    if not isinstance(obj, dict):
        return json.dumps({"error": "each line must be a JSON object with a \"text\" field"})
    text = obj.get("text")
    role = obj.get("role")
    if not isinstance(text, str):
        return json.dumps({"error": "\"text\" must be a string"})
    if role is None or role == "":
        role = "student"  # the contract: role is optional, student by default
    elif not isinstance(role, str) or role.strip().lower() not in roles:
        # A typo must not be judged as somebody else: say so, and check nothing.
        return json.dumps({"error": f"\"role\" must be one of {', '.join(roles)}, not {json.dumps(role)}"})
    ctx = student if role == "student" else type(student)(role=role)
    d = pol.evaluate(clean(text), ctx)  # as a platform shows it
    hits = []
    for h in d.hits:
        hit = {"rule": h.rule, "start": h.start, "end": h.end, "reason": h.reason}
        if h.score is not None:
            hit["score"] = h.score
            hit["threshold"] = h.threshold
        if h.band:
            hit["band"] = h.band
        hits.append(hit)
    out = {"decision": d.action.value, "alert": d.alert, "hits": hits, "flag": d.flag,
           "layer": d.layer, "score": round(d.signal, 4)}
    if explain:
        out["notice"] = d.notice
    return json.dumps(out)


def _check_plain(pol: Any, line: str, context: Any, explain: bool) -> str:
    d = pol.evaluate(line, context)
    head = d.action.value.upper() + (" + ALERT" if d.alert else "") + (" + FLAG" if d.flag else "")
    if explain:
        head += f" [decided by: {d.layer if d.hits else 'rules (nothing matched)'}]"
    if not d.hits:
        return f"{head}: {line}"
    marked, pos = [], 0
    for h in sorted(d.hits, key=lambda h: h.start):
        if h.end <= h.start or h.start < pos or (h.score is not None and h.end - h.start == len(line)):
            continue
        marked.append(line[pos:h.start])
        marked.append(f"[[{line[h.start:h.end]}]]")
        pos = h.end
    marked.append(line[pos:])
    parts = [f"{head}: {''.join(marked)}"]
    for h in d.hits:
        layer = "encoder" if h.score is not None else "rules"
        band = f", {h.band} band" if h.band else ""
        extra = f" ({layer}: {h.action.value}{', alert' if h.alert else ''}{band})" if explain else ""
        parts.append(f"    {h.rule}: {h.reason}{extra}")
    if d.notice:
        parts.append(f"    sender is told: {d.notice}")
    return "\n".join(parts)
