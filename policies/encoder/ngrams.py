"""Character and word n-grams of a message, hashed: the encoder's language-agnostic partner.

MiniLM was trained on English; a Spanish or Spanglish message, a teen's spelling ("q", "xq",
"nadie t entiende") or a new slang word lands in an untidy part of its embedding space. Pieces
of words are read the same in any language and spelling, so a linear model over them, blended
with the encoder's heads, catches what the embedding blurs (round 6, docs/benchmarks-policy.md).

Each message becomes two L2-normalised blocks of counts, hashed into ``BUCKETS`` slots by CRC-32
(stable across processes and machines, unlike ``hash``): character 2–5-grams of each
space-padded word, and words and word pairs. The trained weights live in ``ngrams.npz``.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import numpy as np

from policies.encoder.heads import read_pinned

NGRAMS_PATH = Path(__file__).resolve().parent / "ngrams.npz"
BUCKETS = 1 << 18
MAX_CHARS = 2000  # the head of a long message is enough to read its tone; bounds the cost
_WORD = re.compile(r"\w+")
_CHAR_SIZES = (2, 3, 4, 5)


def _counts(grams: list[str], salt: bytes) -> dict[int, float]:
    crc, start = zlib.crc32, zlib.crc32(salt)  # the salt keeps the two blocks' slots apart
    out: dict[int, float] = {}
    for g in grams:
        slot = crc(g.encode("utf-8"), start) % BUCKETS
        out[slot] = out.get(slot, 0.0) + 1.0
    return out


def _char_grams(low: str) -> list[str]:
    grams = []
    for word in low.split():
        padded = f" {word} "
        for n in _CHAR_SIZES:
            grams.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


def _word_grams(low: str) -> list[str]:
    words = _WORD.findall(low)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def features(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(slots, values) of one message: the sparse vector the n-gram model reads."""
    low = text[:MAX_CHARS].lower()
    slots: dict[int, float] = {}
    for counts in (_counts(_char_grams(low), b"c"), _counts(_word_grams(low), b"w")):
        norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
        for slot, v in counts.items():
            slots[slot] = slots.get(slot, 0.0) + v / norm
    idx = np.fromiter(slots.keys(), np.int64, len(slots))
    val = np.fromiter(slots.values(), np.float32, len(slots))
    return idx, val


class NgramsUnavailable(Exception):
    """The n-gram weights file is missing, unreadable or not the file that was pinned."""


class NgramModel:
    """One linear model per head over ``features``: a logit per head for a message and sender.

    The weights (``ngrams.npz``: ``weights`` heads × BUCKETS in float16, ``mentor`` and ``bias``
    per head, ``heads`` their names) are written by ``python -m policies.encoder.train`` and
    their SHA-256 is pinned like heads.json's, so a changed file is refused, not used."""

    def __init__(self, heads: tuple[str, ...], weights: np.ndarray, mentor: np.ndarray,
                 bias: np.ndarray, sha256: str = "") -> None:
        if weights.shape != (len(heads), BUCKETS):
            raise NgramsUnavailable(f"n-gram weights shaped {weights.shape}, expected "
                                    f"({len(heads)}, {BUCKETS})")
        self.heads, self.sha256 = heads, sha256
        # Slot-major (BUCKETS × heads): one message's few hundred slots are one fancy-index read.
        # Kept as stored (float16: 2.6 MB, not 5.1); the rows read are widened exactly to float32.
        self._w = np.ascontiguousarray(weights.T)
        self._mentor, self._bias = mentor.astype(np.float32), bias.astype(np.float32)

    def logits(self, text: str, mentor: bool) -> np.ndarray:
        """Each head's logit (in ``heads`` order) for one message."""
        idx, val = features(text)
        z = val @ self._w[idx].astype(np.float32) if len(idx) else np.zeros(len(self.heads), np.float32)
        return z + self._bias + (self._mentor if mentor else 0.0)


def load_ngrams(path: Path = NGRAMS_PATH, pin: str | None = None) -> NgramModel:
    """Read and check the n-gram weights (``pin`` defaults to the committed pin)."""
    if pin is None:
        from policies.encoder.pins import NGRAMS_SHA256 as pin  # noqa: N811
    raw, got = read_pinned(path, pin, "n-gram weights", NgramsUnavailable)
    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        heads = tuple(str(h) for h in z["heads"])
        return NgramModel(heads, z["weights"], z["mentor"], z["bias"], sha256=got)
