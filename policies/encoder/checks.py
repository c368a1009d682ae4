"""The encoder's scores checked before anything compares them with a threshold (fail closed).

Kept apart from ``layer`` (numpy, the model) so the engine can check scores without loading either.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


class EncoderScoreError(ValueError):
    """A head gave no score, or one that is not a probability: the encoder's output is not trusted."""


def checked_scores(scores: Mapping[str, float], heads: Iterable[str]) -> dict[str, float]:
    """``scores`` for ``heads``, each a finite number in [0, 1]; else EncoderScoreError.

    A NaN compares false with every threshold, so "below the threshold that backs a stop" would
    read it as not backed and let the message through: a broken score must fail closed.
    """
    out: dict[str, float] = {}
    for name in heads:
        value = scores.get(name)
        if not isinstance(value, int | float) or not math.isfinite(value) or not 0.0 <= value <= 1.0:
            raise EncoderScoreError(f"the {name} head gave {value!r}, not a probability")
        out[name] = float(value)
    return out
