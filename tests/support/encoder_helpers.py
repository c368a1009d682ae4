"""Encoder tests that do not depend on the trained weights: thresholds set around a message's own
score, and messages the rules alone let through (so the encoder is what decides)."""

from __future__ import annotations

from policies import Action, PolicyContext, load_policy
from policies.encoder.layer import EncoderLayer


def unruled(role: str, *texts: str) -> str:
    """The first text the rules alone let through, so the encoder is what decides."""
    rules = load_policy(rules_only=True)
    ctx = PolicyContext(role=role)
    return next(t for t in texts if (d := rules.evaluate(t, ctx)).action is Action.ALLOW and not d.alert)


def around(text: str, role: str, **heads: dict[str, float]) -> EncoderLayer:
    """An encoder whose named heads' thresholds sit at these offsets from this message's scores
    (robust to retraining): ``around(text, "mentor", grooming={"hold": +0.001, "flag": -0.001})``."""
    p = EncoderLayer().scores(text, role)
    return EncoderLayer({h: {k: min(max(p[h] + d, 0.01), 1.0) for k, d in offsets.items()}
                         for h, offsets in heads.items()})
