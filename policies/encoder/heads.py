"""The trained per-category heads: a small two-layer network on the sentence embedding.

``heads.json`` is written by ``python -m policies.encoder.train`` and committed; its SHA-256
is pinned in ``pins.py`` (written by the same run) and checked at load, so a hand-edited or
corrupted file is refused rather than silently changing what the policy stops.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from policies.encoder.spec import HEADS

HEADS_PATH = Path(__file__).resolve().parent / "heads.json"
CATEGORIES = tuple(HEADS)  # policies/encoder/spec.py


class HeadsUnavailable(Exception):
    """The heads file is missing, unreadable or not the file that was pinned."""


@dataclass(frozen=True)
class Head:
    """One category's classifier and the thresholds chosen for it on the dev rows."""

    category: str
    weights: np.ndarray  # over the shared hidden layer
    bias: float
    thresholds: dict[str, float]  # "hold", and "flag" (grooming) or "alert" + "corroborate" (concern)
    ngram: float = 0.0  # weight of the n-gram model's logit for this head (0: embedding only)


@dataclass(frozen=True)
class Heads:
    """A shared hidden layer (ReLU) over embedding + role, and one sigmoid output per head."""

    heads: dict[str, Head]
    hidden_w: np.ndarray
    hidden_b: np.ndarray
    model_sha256: str
    sha256: str
    meta: dict

    @property
    def uses_ngrams(self) -> bool:
        return any(h.ngram for h in self.heads.values())

    def scores(self, embeddings: np.ndarray, mentor: np.ndarray,
               ngram_logits: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
        """Probability per category for each row (embedding + the sender-is-a-mentor flag),
        blended with the n-gram model's logit per head where the head was trained with it."""
        x = np.concatenate([embeddings, mentor.reshape(-1, 1).astype(np.float32)], axis=1)
        hidden = np.maximum(x @ self.hidden_w + self.hidden_b, 0.0)
        out = {}
        for name, h in self.heads.items():
            z = hidden @ h.weights + h.bias
            if h.ngram:
                if ngram_logits is None or name not in ngram_logits:
                    raise HeadsUnavailable(f"the {name} head needs the n-gram model's logit")
                z = z + h.ngram * ngram_logits[name]
            z = np.clip(z, -40.0, 40.0)
            out[name] = 1.0 / (1.0 + np.exp(-z))
        return out


def read_pinned(path: Path, pin: str, what: str, error: type[Exception]) -> tuple[bytes, str]:
    """A trained file's bytes and SHA-256, refused (``error``) when unreadable or not ``pin``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read the {what} {path} ({exc})") from exc
    got = hashlib.sha256(raw).hexdigest()
    if got != pin:
        raise error(f"the {what} {path} have SHA-256 {got}, not the pinned {pin}; "
                    "retrain with `python -m policies.encoder.train` or restore the file")
    return raw, got


def load_heads(path: Path = HEADS_PATH, pin: str | None = None) -> Heads:
    """Read and check the heads file (``pin`` defaults to the committed pin)."""
    if pin is None:
        from policies.encoder.pins import HEADS_SHA256 as pin  # noqa: N811
    raw, got = read_pinned(path, pin, "encoder heads", HeadsUnavailable)
    doc = json.loads(raw)
    heads = {}
    for name, h in doc["heads"].items():
        heads[name] = Head(category=name, weights=np.asarray(h["w"], np.float32), bias=float(h["b"]),
                           thresholds={k: float(v) for k, v in h["thresholds"].items()},
                           ngram=float(h.get("ngram", 0.0)))
    hidden = doc["hidden"]
    return Heads(heads=heads, hidden_w=np.asarray(hidden["w"], np.float32),
                 hidden_b=np.asarray(hidden["b"], np.float32), model_sha256=doc["model_sha256"], sha256=got,
                 # the hidden layer's weights as Python floats would be 1.5 MB kept for nothing
                 meta={k: v for k, v in doc.items() if k not in ("heads", "hidden")})


@lru_cache(maxsize=1)
def trained_thresholds(path: Path = HEADS_PATH) -> dict[str, dict[str, float]]:
    """Each head's trained thresholds, without its weights: a policy file's moved thresholds are
    checked against them (``policies/config.py``) even when the file turns the encoder off. Empty
    when the heads file is missing or not the pinned one: the encoder then refuses to start anyway,
    and the file is checked on its own values."""
    from policies.encoder.pins import HEADS_SHA256

    try:
        raw, _ = read_pinned(path, HEADS_SHA256, "encoder heads", HeadsUnavailable)
        heads = json.loads(raw)["heads"]
        return {name: {k: float(v) for k, v in h["thresholds"].items()} for name, h in heads.items()}
    except (HeadsUnavailable, ValueError, KeyError, TypeError, AttributeError):
        return {}
