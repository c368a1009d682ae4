"""Contact details split across two messages ("my number is 555 201", then "3344").

The policy judges one message at a time, so each half passes. The relay remembers each sender's
last message in a channel for a few minutes and, when the new one could continue a detail (it
starts with a digit, "@" or ".", is one handle-shaped word such as "ana_r2009", or the last one
ended with a digit or "@"), asks the policy about
the two read together (ordinary chat pays nothing). A
contact hit that spans both halves is added to the new message's decision, so the half that would
complete the detail is held or blocked like the whole detail would be. The memory is this
process's (a restart or another replica forgets it: a split across a restart is judged alone).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime, timedelta

from bot.relay import final_decision
from bot.relay.policy_cache import PolicyLike
from policies.types import Decision, Hit, PolicyContext

WINDOW = timedelta(minutes=10)
REMEMBERED = 10_000  # senders' last messages kept (the oldest are forgotten first)
JOIN = "\n"
REACH = 60  # characters read on each side of the join: a contact detail is shorter than that
_MAY_CONTINUE = re.compile(r"^\W{0,2}[0-9@.]")  # the new message starts like the rest of a detail
_MAY_BE_CONTINUED = re.compile(r"[0-9@]\W{0,2}$")  # the last one ended like the start of one
# The new message is one handle-shaped word ("ana_r2009", "maria.g07"): it may complete a platform
# name sent just before ("add me on snap"), which only the two read together show.
_HANDLE_SHAPED = re.compile(r"^\W{0,2}[A-Za-z][\w.]{0,28}[._0-9][\w.]{0,28}\W{0,2}$")


class SplitContacts:
    """Each sender's last message per channel, and the check of the next one against it."""

    def __init__(self) -> None:
        self._last: OrderedDict[tuple[int, int], tuple[str, datetime]] = OrderedDict()

    def judge(self, policy: PolicyLike, *, channel_id: int, sender_id: int, text: str, at: datetime,
              context: PolicyContext, decision: Decision) -> Decision:
        """``decision``, stricter if ``text`` completes a contact detail begun in the last message."""
        key = (channel_id, sender_id)
        previous = self._last.pop(key, None)
        self._last[key] = (text, at)
        if len(self._last) > REMEMBERED:
            self._last.popitem(last=False)
        if previous is None or not timedelta(0) <= at - previous[1] <= WINDOW:
            return decision
        before = previous[0]
        handle_like = bool(_HANDLE_SHAPED.match(text.strip()))
        if not (handle_like or _MAY_CONTINUE.search(text) or _MAY_BE_CONTINUED.search(before)):
            return decision
        spanning = _spanning_hits(policy, before, text, context, precheck=not handle_like)
        return final_decision.combine(spanning, decision) if spanning else decision


def _spanning_hits(policy: PolicyLike, before: str, text: str, context: PolicyContext, *,
                   precheck: bool = True) -> list[Hit]:
    """The contact hits of ``before + text`` that take characters from both, as spans of ``text``
    (only the end of one and the start of the other are read: cheap, and enough for a detail).
    ``precheck`` asks the rules' spans first; a handle next to a platform name is found only by
    the whole evaluation, so a handle-shaped word skips it."""
    before, text = before[-REACH:], text[:REACH]
    joined, cut = before + JOIN + text, len(before)
    start_of_new = cut + len(JOIN)

    def spans(rule: str, start: int, end: int) -> bool:
        return rule.startswith("contact.") and start < cut and end > start_of_new

    finder = getattr(policy, "find", None)  # the rules' spans alone: cheap, no encoder
    if precheck and finder is not None and not any(spans(*found) for found in finder(joined)):
        return []
    together = policy.evaluate(joined, context)
    return [replace(h, start=0, end=h.end - start_of_new,
                    reason=f"{h.reason} (completed with the sender's previous message)")
            for h in together.hits if spans(h.rule, h.start, h.end) and h.action.severity > 0]
