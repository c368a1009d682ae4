"""Combine the program's gates and the policy's verdict into the one decision the relay acts on."""

from __future__ import annotations

import json

from policies.types import Action, Decision, Hit

SAFEGUARDING_PREFIXES = ("concern.", "safeguarding.")


def combine(gates: list[Hit], verdict: Decision) -> Decision:
    """The strictest action wins; alerts add up; the notice comes from the strictest source.

    A quiet-hours release time survives only when nothing but time rules held the message.
    """
    if not gates:
        return verdict
    hits = tuple(gates) + verdict.hits
    action = max((h.action for h in hits), key=lambda a: a.severity, default=Action.ALLOW)
    action = max(action, verdict.action, key=lambda a: a.severity)
    notice = verdict.notice if verdict.action.severity >= action.severity else None
    if notice is None:
        notice = next((h.notice for h in gates if h.action == action), None)
    return Decision(action=action, alert=verdict.alert or any(h.alert for h in gates), hits=hits,
                    notice=notice, hold_until=None, flag=verdict.flag, layer=verdict.layer)


def alert_kind(decision: Decision) -> tuple[str, bool]:
    """(kind, urgent) of the alert a decision raises."""
    rules = [h.rule for h in decision.hits if h.alert]
    if any(r.startswith(SAFEGUARDING_PREFIXES) or h.category in ("concern", "safeguarding")
           for r, h in zip(rules, [h for h in decision.hits if h.alert], strict=True)):
        return "safeguarding", True
    if "match.stranger" in rules:
        return "stranger", True
    if "channel.wrong_side" in rules:
        return "unsafe_setup", True
    return "policy", False


def hits_json(decision: Decision) -> str:
    """The hits as stored in the log: rule, span and the coordinator's reason."""
    return json.dumps(
        [{"rule": h.rule, "start": h.start, "end": h.end, "reason": h.reason,
          "action": h.action.value, "alert": h.alert} for h in decision.hits],
        ensure_ascii=False,
    )


def spans_of(hits_json_text: str) -> list[tuple[int, int]]:
    return [(h["start"], h["end"]) for h in json.loads(hits_json_text) if h["end"] > h["start"]]
