"""The encoder layer as the engine uses it: text + role in, explainable hits out.

It loads the checked weights, heads and n-gram weights once, caches embeddings by text (an edited
or repeated message is not embedded twice), blends each head's embedding logit with the n-gram
model's (``ngrams.py``: what the English-first embedding blurs), and turns head probabilities
into hits with the rule id ``encoder.<head>``, the score, the threshold crossed and the words for
coordinator and sender.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np

from policies.encoder.checks import checked_scores
from policies.encoder.evidence import may_hold_contact
from policies.encoder.gloss import Lexicon, gloss, load_lexicon
from policies.encoder.heads import Heads, HeadsUnavailable, load_heads
from policies.encoder.minilm import MiniLM
from policies.encoder.model_files import PINS, ModelUnavailable, model_files
from policies.encoder.ngrams import NgramModel, NgramsUnavailable, load_ngrams
from policies.encoder.spec import HEAD_ROLES, STUDENT_ALERT_HEADS, with_default_bands
from policies.types import Action, Hit

__all__ = ["EncoderLayer", "EncoderUnavailable"]
CACHE_SIZE = 4096
BATCH = 16  # small batches: a batch of 64 long messages needs ~0.5 GB of activations

# What the coordinator reads for an encoder hit, and the sender's one friendly sentence.
_WHAT = {
    "grooming": "reads like a grooming move (trust, secrecy, looks, home, gifts, isolation)",
    "concern": "reads like a possible safeguarding disclosure",
    "contact": "reads like sharing or asking for personal contact details",
    "offplatform": "reads like moving the conversation or meeting outside the program",
    "language": "reads like an insult, harassment, a slur or a threat",
}
_NOTICE = {
    "grooming": "Let's keep the conversation professional — about school, skills and careers.",
    "concern": "Thank you for sharing this — your coordinator will reach out soon to make sure you "
               "get support.",
    "contact": "Personal contact details stay private here — your coordinator can help if you need "
               "to exchange details.",
    "offplatform": "Mentoring conversations stay in this supervised channel — let's keep talking here.",
    "language": "Let's keep it respectful — this message waits for a coordinator's look before it is "
                "delivered.",
}
# Which senders each head judges (disclosures come from students, grooming moves from mentors).
ROLES = HEAD_ROLES  # whose messages each head reads (policies/encoder/spec.py)


@lru_cache(maxsize=1)
def shared_model() -> MiniLM:
    """One loaded model per process, however many programs' policies use it (~90 MB)."""
    files = model_files()
    return MiniLM(files["model.safetensors"], files["tokenizer.json"])


@lru_cache(maxsize=1)
def shared_heads() -> Heads:
    return load_heads()


@lru_cache(maxsize=1)
def shared_ngrams() -> NgramModel:
    return load_ngrams()


def tokenizer_words(tokenizer: Any) -> frozenset[str]:
    """Whole words (2+ letters) of a ``tokenizers.Tokenizer``'s word-piece list (for training)."""
    return frozenset(w for w in tokenizer.get_vocab() if w.isalpha() and len(w) > 1)


def knows_word(model: MiniLM, word: str) -> bool:
    """Whether ``word`` is a whole word (2+ letters) of the model's word-piece list: which squeezed
    spelling of a stretched word ("goood": "good" or "god") the model knows
    (``engine.encoder_text``). Asked of the tokenizer, not copied out of it (a set of its
    ≈ 20,000 words would be 3 MB more in every process)."""
    tokenizer = getattr(model, "tokenizer", None)  # a stand-in model may have none
    return (tokenizer is not None and len(word) > 1 and word.isalpha()
            and tokenizer.token_to_id(word) is not None)


class EncoderUnavailable(Exception):
    """The encoder cannot run: its model files or heads are missing or not the pinned ones."""


class EncoderLayer:
    """all-MiniLM-L6-v2 + the trained heads; thresholds = trained ones, moved by the program."""

    def __init__(self, moved: dict[str, dict[str, float]] | None = None, heads: Heads | None = None,
                 model: MiniLM | None = None, ngrams: NgramModel | None = None) -> None:
        try:
            self.heads = heads or shared_heads()
            if self.heads.model_sha256 != PINS["model.safetensors"]:
                raise HeadsUnavailable("the encoder heads were trained on another model file")
            self.ngrams = self._paired_ngrams(ngrams) if self.heads.uses_ngrams else None
            self.lexicon = self._paired_lexicon()
            model = model or shared_model()
        except (ModelUnavailable, HeadsUnavailable, NgramsUnavailable) as exc:
            raise EncoderUnavailable(str(exc)) from exc
        self.model = model
        self.thresholds = {name: {**with_default_bands(name, h.thresholds), **(moved or {}).get(name, {})}
                           for name, h in self.heads.heads.items()}
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the desk and the relay may evaluate at the same time

    def _paired_ngrams(self, ngrams: NgramModel | None) -> NgramModel:
        """The n-gram model the heads were blended with (its pinned file, trained in the same run)."""
        ngrams = ngrams or shared_ngrams()
        want = self.heads.meta.get("ngrams_sha256")
        if want != ngrams.sha256:
            raise NgramsUnavailable(f"the encoder heads were blended with n-gram weights {want}, "
                                    f"not {ngrams.sha256}; retrain with `python -m policies.encoder.train`")
        return ngrams

    def _paired_lexicon(self) -> Lexicon | None:
        """The Spanish gloss lexicon the heads were trained with (None: heads that read no gloss)."""
        want = self.heads.meta.get("gloss_sha256")
        if not want:
            return None
        try:
            lexicon = load_lexicon()
        except (OSError, UnicodeError, ValueError) as exc:
            raise HeadsUnavailable(f"the Spanish gloss lexicon cannot be read ({exc}); reinstall mentorbot "
                                   "or rebuild it with `python policies/data/build_gloss_es_en.py`") from exc
        if lexicon.sha256 != want:
            raise HeadsUnavailable(f"the encoder heads were trained on Spanish glosses from lexicon {want}, "
                                   f"not {lexicon.sha256} (policies/data/gloss_es_en.tsv, known_words.txt or "
                                   "the gloss code changed); retrain with `python -m policies.encoder.train`")
        return lexicon

    def knows_word(self, word: str) -> bool:
        """A whole word of the model's word-piece list (``knows_word``)."""
        return knows_word(self.model, word)

    def reading(self, text: str) -> str:
        """What the embedding reads: a Spanish-looking message's English gloss (gloss.py), else the text."""
        return (gloss(text, self.lexicon) or text) if self.lexicon is not None else text

    def embed(self, texts: Iterable[str]) -> list[np.ndarray]:
        """Embeddings of the texts (as ``reading`` gives them), computing the uncached ones in small
        batches."""
        texts = [self.reading(t) for t in texts]
        with self._lock:
            missing = [t for t in texts if t not in self._cache]
        # Similar lengths batched together: padding to the longest costs every row in a batch.
        todo = sorted(dict.fromkeys(missing), key=len)
        for i in range(0, len(todo), BATCH):
            chunk = todo[i:i + BATCH]
            vectors = self.model.encode(chunk)
            with self._lock:
                for t, v in zip(chunk, vectors, strict=True):
                    self._cache[t] = v
                    if len(self._cache) > CACHE_SIZE:
                        self._cache.popitem(last=False)
        out = []
        for t in texts:
            with self._lock:
                v = self._cache.get(t)
                if v is not None:
                    self._cache.move_to_end(t)
            out.append(v if v is not None else self.model.encode([t])[0])  # evicted meanwhile
        return out

    def scores(self, text: str, role: str) -> dict[str, float]:
        """Each head's probability for this message from this sender."""
        emb = self.embed([text])[0][None, :]
        mentor = np.array([1.0 if role == "mentor" else 0.0], np.float32)
        ngram = None
        if self.ngrams is not None:
            z = self.ngrams.logits(text, role == "mentor")
            ngram = {name: z[j:j + 1] for j, name in enumerate(self.ngrams.heads)}
        return checked_scores({k: float(v[0]) for k, v in self.heads.scores(emb, mentor, ngram).items()},
                              self.heads.heads)

    def hits(self, text: str, role: str, scores: dict[str, float] | None = None) -> list[Hit]:
        """The encoder's hits for one message (empty when no head crosses a threshold)."""
        scores = self.scores(text, role) if scores is None else scores
        out = []
        for name, p in scores.items():
            if role not in ROLES.get(name, ()):
                continue
            if name == "contact" and not may_hold_contact(text):
                continue  # nothing concrete to share: "four (live)" only sounds like a number
            hit = self._hit(name, p, role)
            if hit is not None:
                out.append(hit)
        return out

    def _hit(self, name: str, p: float, role: str) -> Hit | None:
        th = self.thresholds[name]
        if th.get("on", 1.0) < 0.5:  # the program turned this head off
            return None
        mentor = role == "mentor"
        if p >= th["hold"]:
            action, alert, crossed = Action.HOLD, name in ("grooming", "concern") or mentor, "hold"
        elif (name == "concern" or (name in STUDENT_ALERT_HEADS and not mentor)) \
                and p >= th.get("alert", 2.0):  # a student's possible ask, or a possible disclosure
            action, alert, crossed = Action.ALLOW, True, "alert"
        elif name == "grooming" and p >= th.get("flag", 2.0):
            action, alert, crossed = Action.ALLOW, False, "flag"
        else:
            return None
        # Toward the conversation score: a mentor's grooming or off-platform move counts.
        signal = round(p, 3) if mentor and name in ("grooming", "offplatform") else 0.0
        verb = {"hold": "hold band: held",
                "alert": "alert band: delivered, coordinator alerted, nothing shown to the student",
                "flag": "flag band: delivered, flagged for a later look"}[crossed]
        reason = (f"Encoder: the message {_WHAT[name]} — sent by the {role}; score {p:.4f} ≥ "
                  f"{crossed} threshold {th[crossed]:.4f} ({verb})")
        # No span: the whole message reads this way (redaction and highlighting skip it).
        return Hit(rule=f"encoder.{name}", start=0, end=0, reason=reason, notice=_NOTICE[name],
                   action=action, alert=alert, category="concern" if name == "concern" else name,
                   signal=signal, score=round(p, 4), threshold=th[crossed], band=crossed)
