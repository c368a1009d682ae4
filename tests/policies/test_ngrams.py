"""The n-gram partner of the encoder heads: stable features, a pinned weights file, the blend."""

from __future__ import annotations

import numpy as np
import pytest

from policies.encoder.heads import Head, Heads
from policies.encoder.layer import EncoderLayer, EncoderUnavailable
from policies.encoder.ngrams import (
    BUCKETS,
    MAX_CHARS,
    NGRAMS_PATH,
    NgramModel,
    NgramsUnavailable,
    features,
    load_ngrams,
)
from policies.encoder.train import HEADS, _folded, blend


def test_features_read_pieces_of_words_in_any_spelling():
    a_idx, a_val = features("Nadie te entiende como yo")
    b_idx, _ = features("nadie t entiende como yo!!")
    assert set(a_idx) == set(features("NADIE TE ENTIENDE COMO YO")[0])  # case does not matter
    shared = len(set(a_idx) & set(b_idx)) / len(set(a_idx))
    assert 0.6 < shared < 1.0  # a teen's spelling shares most pieces, not all
    assert abs(float(np.sum(a_val**2)) - 2.0) < 1e-5  # two blocks, each of unit length
    assert features("")[0].size == 0 and features("   ")[0].size == 0
    long_idx, long_val = features("ab " * 50_000)  # only the head of a long message is read
    head_idx, head_val = features(("ab " * 50_000)[:MAX_CHARS])
    assert np.array_equal(long_idx, head_idx) and np.allclose(long_val, head_val)
    assert all(0 <= i < BUCKETS for i in features("٥٥٥ ñandú 🙂 <@U1>")[0])


def test_slots_are_the_ones_the_weights_were_trained_with():
    """CRC-32 slots, not Python's salted ``hash``: the same in every process and on every machine.
    A changed hashing would silently scramble the trained weights; these slots pin it."""
    idx, _ = features("hola mentor")
    assert sorted(idx.tolist())[:6] == _PINNED_HOLA


_PINNED_HOLA = [3135, 20452, 21951, 32726, 41440, 44768]


def _labelled(category: str, limit: int) -> list[dict]:
    from policies.encoder.dataset import load_rows

    rows = [r for r in load_rows() if r["category"] == category]
    return rows[:: max(len(rows) // limit, 1)][:limit]


def test_shipped_weights_separate_what_they_were_trained_on():
    """The committed weights read the features this module makes: on labelled rows, grooming
    moves score above ordinary chat for the grooming head (a scrambled hashing gives ~0.5)."""
    model = load_ngrams()
    j = model.heads.index("grooming")
    pos = [model.logits(r["text"], True)[j] for r in _labelled("grooming", 150)]
    neg = [model.logits(r["text"], r["role"] == "mentor")[j] for r in _labelled("ordinary", 300)]
    auc = np.mean([p > n for p in pos for n in neg])
    assert auc > 0.9


def test_weights_file_is_checked_against_its_pin(tmp_path):
    edited = tmp_path / "ngrams.npz"
    raw = bytearray(NGRAMS_PATH.read_bytes())
    raw[-40] ^= 1
    edited.write_bytes(bytes(raw))
    with pytest.raises(NgramsUnavailable, match="not the pinned"):
        load_ngrams(edited)
    with pytest.raises(NgramsUnavailable, match="cannot read"):
        load_ngrams(tmp_path / "missing.npz")


def test_heads_refuse_an_ngram_model_they_were_not_blended_with():
    real = load_ngrams()
    other = NgramModel(real.heads, np.zeros((len(real.heads), BUCKETS), np.float16),
                       np.zeros(len(real.heads)), np.zeros(len(real.heads)), sha256="0" * 64)
    with pytest.raises(EncoderUnavailable, match="blended with n-gram weights"):
        EncoderLayer(ngrams=other)


def test_folded_head_computes_the_blend_the_thresholds_were_chosen_on():
    """Training chooses thresholds on sigmoid(blend / T); the runtime computes
    hidden·w + b + ngram·z_ngram with the folded numbers. Both must be the same probability."""
    rng = np.random.default_rng(3)
    n, hidden = 40, 8
    p = {"w1": rng.normal(size=(5, hidden)), "b1": rng.normal(size=hidden),
         "w2": rng.normal(size=(hidden, len(HEADS))), "b2": rng.normal(size=len(HEADS))}
    x = rng.normal(size=(n, 5))
    h = np.maximum(x @ p["w1"] + p["b1"], 0)
    z, zn = h @ p["w2"] + p["b2"], rng.normal(2.0, 3.0, size=(n, len(HEADS)))
    mixed, k = blend(z, zn)
    temps = [1.5, 2.0, 0.75, 3.0, 1.2][: len(HEADS)]
    for j in range(len(HEADS)):
        f = _folded(p, k, temps, j)
        runtime = h @ f["w"] + f["b"] + f["ngram"] * zn[:, j]
        assert np.allclose(runtime, mixed[:, j] / temps[j], atol=1e-4)


def test_heads_without_the_ngram_logit_fail_rather_than_guess():
    head = Head("grooming", np.ones(2, np.float32), 0.0, {"hold": 0.9}, ngram=0.5)
    heads = Heads({"grooming": head}, np.ones((3, 2), np.float32), np.zeros(2, np.float32), "m", "s", {})
    emb, mentor = np.ones((1, 2), np.float32), np.ones(1, np.float32)
    from policies.encoder.heads import HeadsUnavailable

    with pytest.raises(HeadsUnavailable):
        heads.scores(emb, mentor)
    p = heads.scores(emb, mentor, {"grooming": np.array([2.0], np.float32)})["grooming"][0]
    assert p == pytest.approx(1 / (1 + np.exp(-(6.0 + 0.5 * 2.0))))  # hidden [3, 3]·[1, 1] + 0.5·2


def test_weights_kept_as_stored_give_the_logits_of_float32_weights():
    """The weights stay float16 in memory (half the size); the rows a message reads are widened
    exactly, so its logits are those of a float32 copy of the same weights, bit for bit."""
    model = load_ngrams()
    assert model._w.dtype == np.float16
    wide = NgramModel(model.heads, model._w.T.astype(np.float32), model._mentor, model._bias)
    for text in ("u free this weekend? dont tell ur mom lol", "nadie me entiende como tú", "ok"):
        for mentor in (True, False):
            assert np.array_equal(model.logits(text, mentor), wide.logits(text, mentor))
