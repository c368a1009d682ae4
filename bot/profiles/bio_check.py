"""A bio through the program's online-interaction policy before any student reads it.

Bios are shown to the other side, so they follow the same rules as a message, and stricter:
- **refused**: anything the policy blocks, and any contact detail (phone, e-mail, address, a
  social-media handle or profile link), even one the policy would only hold in a message. A
  refused bio is never posted; the coordinator (or the person) edits it.
- **flagged**: anything else the policy would hold or flag (secrecy, an off-platform invitation, a
  word on the list). Not posted until a coordinator reads it and approves it as it is.
- **ok**: the policy found nothing.
Time rules (quiet hours, flooding) do not apply: a bio is not sent at a time. The stored reasons
name the rule and say why, never repeat the matched words.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.relay.policy_cache import PolicyLike
from policies.explain import RULE_TEXT
from policies.types import Action, PolicyContext

CONTACT_RULES = ("contact.",)
IGNORED_CATEGORIES = ("time",)


@dataclass(frozen=True, slots=True)
class BioVerdict:
    state: str  # ok | flagged | refused
    reasons: tuple[tuple[str, str], ...] = ()  # (rule, reason)

    def as_json_rows(self) -> list[dict[str, str]]:
        return [{"rule": rule, "reason": reason} for rule, reason in self.reasons]


def check_bio(policy: PolicyLike, text: str, *, role: str, timezone: str = "UTC") -> BioVerdict:
    """The verdict on one bio (an empty bio is ok: there is nothing to show)."""
    if not text.strip():
        return BioVerdict("ok")
    decision = policy.evaluate(text, PolicyContext(role=role, sent_at=None, timezone=timezone))
    hits = [h for h in decision.hits if h.category not in IGNORED_CATEGORIES]
    if not hits and not getattr(decision, "flag", False):
        return BioVerdict("ok")
    reasons = tuple(dict.fromkeys((h.rule, _reason(h.rule)) for h in hits))
    refused = any(
        h.action == Action.BLOCK or h.rule.startswith(CONTACT_RULES) or h.category == "contact" for h in hits
    )
    if refused:
        return BioVerdict("refused", reasons)
    return BioVerdict("flagged", reasons or (("policy.flag", "the policy flagged this text for a look"),))


def _reason(rule: str) -> str:
    """What the rule looks for, in a coordinator's words (never the matched words themselves)."""
    what = RULE_TEXT.get(rule, rule)
    what = what[:1].upper() + what[1:]
    if rule.startswith(CONTACT_RULES):
        return f"{what}: bios never carry contact details; students reach mentors only through mentorbot"
    return what
