"""The encoder's two ways of running its layers: onnxruntime's fused kernels (the default when
installed) and numpy (the fallback). Same embeddings to float rounding, either way."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from policies.encoder import onnx_wire
from policies.encoder.layer import shared_model
from policies.encoder.minilm import (
    HEADS,
    HIDDEN,
    LAYERS,
    MiniLM,
    _layer_weights,
    choose_backend,
    choose_threads,
)
from policies.encoder.model_files import ModelUnavailable, model_files
from policies.encoder.ort_layers import _graph

TEXTS = [
    "",
    "   ",
    "😂😂🔥",
    "ok",
    "does your mom ever check your phone?",
    "mi mamá no me deja salir y ya no quiero volver a casa",
    "Thanks Dana, we did! The arm kept dropping the cube but we fixed it in room 214.",
    "word " * 600,  # truncated at 256 pieces
]


@pytest.fixture(scope="module")
def both() -> dict[str, MiniLM]:
    files = model_files()
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        for backend in ("onnxruntime", "numpy"):
            mp.setenv("MENTORBOT_ENCODER_BACKEND", backend)
            out[backend] = MiniLM(files["model.safetensors"], files["tokenizer.json"])
    return out


def test_the_shipped_default_runs_onnxruntime(monkeypatch):
    monkeypatch.delenv("MENTORBOT_ENCODER_BACKEND", raising=False)
    assert choose_backend() == "onnxruntime"
    shared_model.cache_clear()  # as in a fresh process
    try:
        model = shared_model()
        assert model.backend == "onnxruntime"
        # the session does not keep a second copy of the model's ≈ 43 MB of weights
        assert model.ort_layers.session._model_bytes is None
    finally:
        shared_model.cache_clear()


def test_both_backends_give_the_same_embeddings_one_at_a_time_and_in_batches(both):
    ort, ref = both["onnxruntime"], both["numpy"]
    for text in TEXTS:
        assert np.abs(ort.encode([text]) - ref.encode([text])).max() < 1e-5, text
    # a padded batch: the mask must keep the short messages' vectors as they are alone
    batch = ort.encode(TEXTS)
    assert np.abs(batch - ref.encode(TEXTS)).max() < 1e-5
    for text, row in zip(TEXTS, batch, strict=True):
        assert np.abs(ort.encode([text])[0] - row).max() < 1e-5


def test_numpy_is_used_when_onnxruntime_is_missing_unless_onnxruntime_was_asked_for(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    monkeypatch.delenv("MENTORBOT_ENCODER_BACKEND", raising=False)
    assert choose_backend() == "numpy"
    monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", " ONNXRuntime ")
    with pytest.raises(ModelUnavailable, match="cannot be imported"):
        choose_backend()
    monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", "torch")
    with pytest.raises(ModelUnavailable, match="onnxruntime or numpy"):
        choose_backend()


def test_bad_settings_stop_the_start_with_a_sentence_not_a_traceback(monkeypatch):
    from policies.encoder.layer import EncoderLayer, EncoderUnavailable

    shared_model.cache_clear()
    try:
        monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", "torch")
        with pytest.raises(EncoderUnavailable, match="use onnxruntime or numpy"):
            EncoderLayer()
        monkeypatch.delenv("MENTORBOT_ENCODER_BACKEND")
        monkeypatch.setenv("MENTORBOT_ENCODER_THREADS", "two")
        with pytest.raises(EncoderUnavailable, match="whole number"):
            EncoderLayer()
    finally:
        shared_model.cache_clear()


def test_thread_counts(monkeypatch):
    monkeypatch.delenv("MENTORBOT_ENCODER_THREADS", raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert choose_threads("numpy") == 1  # BLAS threads waiting on a shared machine: seconds
    assert choose_threads("onnxruntime") == 2  # never more than two
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {3})  # a container's one CPU
    assert choose_threads("onnxruntime") == 1
    monkeypatch.setenv("MENTORBOT_ENCODER_THREADS", "3")
    assert choose_threads("onnxruntime") == 3


def test_the_graph_written_by_hand_is_a_valid_onnx_model():
    """The real onnx package parses and checks what onnx_wire writes (contrib ops included)."""
    onnx = pytest.importorskip("onnx", reason="onnx is a test dependency ([dev] extra)")
    from policies.encoder.minilm import read_safetensors

    weights = read_safetensors(model_files()["model.safetensors"])
    data = _graph(lambda i: _layer_weights(weights, f"encoder.layer.{i}."), LAYERS, HIDDEN, HEADS)
    model = onnx.load_model_from_string(data)
    onnx.checker.check_model(model)
    ops = [(n.domain, n.op_type) for n in model.graph.node]
    assert ops.count(("com.microsoft", "Attention")) == LAYERS
    assert ops.count(("com.microsoft", "SkipLayerNormalization")) == 2 * LAYERS
    assert [i.name for i in model.graph.input] == ["x", "mask"]
    first = {t.name: t for t in model.graph.initializer}["qkv0"]
    assert list(first.dims) == [HIDDEN, 3 * HIDDEN]
    qkv = _layer_weights(weights, "encoder.layer.0.")["qkv"]
    assert np.array_equal(onnx.numpy_helper.to_array(first), qkv)


def test_wire_encodings_match_protobuf():
    """Varints and attributes as protobuf writes them (negative int64: ten bytes)."""
    assert onnx_wire._varint(0) == b"\x00"
    assert onnx_wire._varint(300) == b"\xac\x02"
    assert onnx_wire._varint(-1) == b"\xff" * 9 + b"\x01"
    onnx = pytest.importorskip("onnx", reason="onnx is a test dependency ([dev] extra)")
    for value in (12, -3, 1e-12):
        attr = onnx.AttributeProto()
        attr.ParseFromString(onnx_wire.attribute("a", value))
        assert onnx.helper.get_attribute_value(attr) == pytest.approx(value)


def test_a_broken_onnxruntime_falls_back_to_numpy_unless_it_was_asked_for(monkeypatch, caplog):
    from policies.encoder import ort_layers

    class Broken:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("no CPU kernel for Attention")

    monkeypatch.setattr(ort_layers, "OrtLayers", Broken)
    monkeypatch.delenv("MENTORBOT_ENCODER_BACKEND", raising=False)
    files = model_files()
    model = MiniLM(files["model.safetensors"], files["tokenizer.json"])
    assert model.backend == "numpy" and "using numpy" in caplog.text
    assert model.encode(["hi there"]).shape == (1, HIDDEN)
    monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", "onnxruntime")
    with pytest.raises(ModelUnavailable, match="Attention"):
        MiniLM(files["model.safetensors"], files["tokenizer.json"])


class _Drifted:
    """An onnxruntime whose kernels give slightly different numbers (another release, say)."""

    def __init__(self, real):
        self.real = real

    def __call__(self, x, mask):
        y = self.real(x, mask)
        return y + np.float32(0.05) * np.sin(np.arange(y.shape[-1], dtype=np.float32))


def test_an_onnxruntime_that_misses_the_published_similarities_is_not_used(monkeypatch, caplog):
    from policies.encoder import ort_layers

    real = ort_layers.OrtLayers
    monkeypatch.setattr(ort_layers, "OrtLayers", lambda *a, **k: _Drifted(real(*a, **k)))
    monkeypatch.delenv("MENTORBOT_ENCODER_BACKEND", raising=False)
    files = model_files()
    model = MiniLM(files["model.safetensors"], files["tokenizer.json"])
    assert model.backend == "numpy" and "published" in caplog.text
    monkeypatch.setenv("MENTORBOT_ENCODER_BACKEND", "onnxruntime")
    with pytest.raises(ModelUnavailable, match="published similarity"):
        MiniLM(files["model.safetensors"], files["tokenizer.json"])


def test_a_non_finite_embedding_holds_the_message_with_an_alert(both):
    """A NaN would score as "nothing" and let a disclosure through: the policy holds it instead."""
    from policies import Action, PolicyContext, load_policy

    policy = load_policy()
    model = policy.encoder.model
    real = model.ort_layers
    model.ort_layers = lambda x, mask: real(x, mask) * np.float32("nan")
    try:
        decision = policy.evaluate("things at home have been really bad, I don't want to go back",
                                   PolicyContext(role="student"))
    finally:
        model.ort_layers = real
    assert decision.action is Action.HOLD and decision.alert
    assert any(h.rule == "encoder.error" for h in decision.hits)


def test_one_session_serves_several_threads_at_once(both):
    from concurrent.futures import ThreadPoolExecutor

    model = both["onnxruntime"]
    texts = [f"message {i}: " + "how was the robotics meet " * (i % 7) for i in range(48)]
    alone = [model.encode([t])[0] for t in texts]
    with ThreadPoolExecutor(6) as pool:
        together = list(pool.map(lambda t: model.encode([t])[0], texts))
    assert max(np.abs(a - b).max() for a, b in zip(alone, together, strict=True)) == 0.0
