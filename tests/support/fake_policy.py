"""A small, predictable policy for core tests, so relay invariants don't hinge on the real
policy's tuning. It follows the real interface (text + context in, Decision out)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from policies.types import Action, Decision, Hit, PolicyContext

PHONE = re.compile(r"\d{3}[-. ]\d{3}[-. ]\d{4}")


class FakePolicy:
    """BLOCK phone numbers, HOLD the word "secret", ALERT on "hurt myself", quiet hours 22-07 UTC."""

    def __init__(self, *, quiet_hours: bool = False):
        self.quiet_hours = quiet_hours

    def evaluate(self, text: str, ctx: PolicyContext) -> Decision:
        hits: list[Hit] = []
        for m in PHONE.finditer(text):
            hits.append(Hit("contact.phone", m.start(), m.end(), "phone number", "Phone numbers can't "
                            "be shared here.", Action.BLOCK, category="contact"))
        at = text.lower().find("secret")
        if at >= 0:
            hits.append(Hit("offplatform.secrecy", at, at + 6, "secrecy", "Let's keep things open.",
                            Action.HOLD, category="offplatform"))
        at = text.lower().find("hurt myself")
        if at >= 0:
            hits.append(Hit("concern.self_harm", at, at + 11, "possible self-harm disclosure",
                            "Thank you for sharing — your coordinator will reach out.", Action.ALLOW,
                            alert=True, category="concern"))
        hold_until = None
        if self.quiet_hours and ctx.sent_at is not None and not 7 <= ctx.sent_at.hour < 22:
            morning = ctx.sent_at.replace(hour=7, minute=0, second=0, microsecond=0)
            hold_until = morning if morning > ctx.sent_at else morning + timedelta(days=1)
            hits.append(Hit("time.quiet_hours", 0, 0, "quiet hours", "It's quiet hours — your "
                            "message goes out in the morning.", Action.HOLD, category="time"))
        if not hits:
            return Decision(Action.ALLOW)
        action = max((h.action for h in hits), key=lambda a: a.severity)
        strictest = next(h for h in hits if h.action == action)
        notice = strictest.notice if action != Action.ALLOW or any(h.alert for h in hits) else None
        return Decision(action=action, alert=any(h.alert for h in hits), hits=tuple(hits),
                        notice=notice, hold_until=hold_until)


def at_hour(day: datetime, hour: int) -> datetime:
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)
