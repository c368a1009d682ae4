"""A scripted policy for the conversation score: a grooming arc whose moves are each a weak signal.

It answers like the shipped engine does for a subtle grooming move from a mentor — delivered,
flagged, a signal below 1 — and like ordinary chat for everything else, so tests of the relay's
wiring do not hinge on the sentence encoder's tuning (tests/core/test_conversation_score.py runs
the shipped rules once as well).
"""

from __future__ import annotations

from policies.conversation import ConversationSettings
from policies.types import Action, Decision, Hit, PolicyContext

# A mentor's four weeks (day, text, weight): career talk throughout, and grooming moves that each
# stay under the hold threshold and are delivered — looks, home, maturity, secrecy, late chat, gifts.
ARC = [
    (0, "How did the robotics meet go?", 0.0),
    (1, "you looked really great in the team photo", 0.35),
    (3, "Good luck on the circuits quiz!", 0.0),
    (4, "are your parents around much after school?", 0.40),
    (7, "Let's look at internship applications next week.", 0.0),
    (9, "you're so mature compared to kids your age", 0.45),
    (11, "Did you finish the resume draft?", 0.0),
    (12, "this can stay between us, ok?", 0.45),
    (14, "Nice work on the presentation.", 0.0),
    (15, "you can message me late, I'm always up", 0.50),
    (16, "I picked up a little something for you", 0.50),
    (17, "your parents wouldn't really get it", 0.50),
    (18, "What classes are you taking next term?", 0.0),
    (22, "you're the only one who really gets me", 0.50),
    (25, "we should meet up just us two", 0.50),
]
WEAK = {text: weight for _, text, weight in ARC if weight}


class ArcPolicy:
    """Weak grooming signals for the arc's moves (a mentor's: flagged; a student's: a smaller
    signal, as the shipped concepts weigh a student's words), ordinary chat otherwise."""

    def __init__(self, settings: ConversationSettings | None = None):
        self.conversation = settings or ConversationSettings()

    def evaluate(self, text: str, ctx: PolicyContext) -> Decision:
        weight = WEAK.get(text, 0.0)
        if not weight:
            return Decision(action=Action.ALLOW)
        if ctx.role != "mentor":
            weight = weight / 2
        hit = Hit(rule="grooming.attention_weak", start=0, end=len(text), action=Action.ALLOW,
                  reason="attention on looks or home life (weak signal: delivered, flagged)", notice="",
                  category="grooming", signal=weight)
        return Decision(action=Action.ALLOW, hits=(hit,), flag=True)
