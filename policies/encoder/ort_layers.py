"""The six BERT layers of all-MiniLM-L6-v2 run by onnxruntime (≈ 2× numpy's speed on one core).

The graph is built in memory at load from the checked safetensors weights (nothing derived is
cached on disk, so there is no second file to trust): per layer one fused ``Attention`` (q, k, v
in one product, the padding mask, 12 heads), the output projection, ``SkipLayerNormalization``
(residual + bias + LayerNorm in one kernel), the feed-forward pair with ``BiasGelu`` (GELU by erf,
as BERT) and a second ``SkipLayerNormalization``. These are onnxruntime's own CPU kernels for
BERT (the ``com.microsoft`` domain) — the ones its transformer optimiser fuses an exported BERT
into. Word-piece lookup, embedding LayerNorm and mean pooling stay in numpy (minilm.py).

onnxruntime copies the weights into its session and packs them for its matrix kernels; the
unpacked copies are released, so the weights cost about what numpy's transposed copies did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from policies.encoder import onnx_wire as wire

_EPS = 1e-12


# Each layer's weights, by the names minilm._layer_weights gives them.
_WEIGHTS = ("qkv", "qkv_b", "o", "o_b", "ln1_g", "ln1_b", "i", "i_b", "f", "f_b", "ln2_g", "ln2_b")


def _flat(layer: dict) -> dict[str, np.ndarray]:
    out = dict(layer)
    out["ln1_g"], out["ln1_b"] = out.pop("ln1")
    out["ln2_g"], out["ln2_b"] = out.pop("ln2")
    return out


def _graph(load_layer: Callable[[int], dict], n_layers: int, hidden: int, heads: int) -> bytes:
    """The serialised model: input ``x`` (batch × pieces × hidden, after the embedding
    LayerNorm) and ``mask`` (batch × pieces, 1 for a real piece), output ``y`` (last layer).

    ``load_layer(i)`` gives layer i's weights (copies: transposed, q/k/v joined); all six are
    alive until ``onnx_wire.model`` joins them into the model's bytes, then freed (≈ 80 MB for a
    moment at load, on top of what onnxruntime builds from the bytes)."""
    nodes: list[bytes] = []
    x = "x"
    for i in range(n_layers):
        out = "y" if i == n_layers - 1 else f"x{i + 1}"
        nodes += [
            wire.node("Attention", [x, f"qkv{i}", f"qkv_b{i}", "mask"], [f"ctx{i}"],
                      "com.microsoft", num_heads=heads),
            wire.node("MatMul", [f"ctx{i}", f"o{i}"], [f"proj{i}"]),
            wire.node("SkipLayerNormalization", [f"proj{i}", x, f"ln1_g{i}", f"ln1_b{i}", f"o_b{i}"],
                      [f"h{i}"], "com.microsoft", epsilon=_EPS),
            wire.node("MatMul", [f"h{i}", f"i{i}"], [f"up{i}"]),
            wire.node("BiasGelu", [f"up{i}", f"i_b{i}"], [f"act{i}"], "com.microsoft"),
            wire.node("MatMul", [f"act{i}", f"f{i}"], [f"down{i}"]),
            wire.node("SkipLayerNormalization", [f"down{i}", f"h{i}", f"ln2_g{i}", f"ln2_b{i}", f"f_b{i}"],
                      [out], "com.microsoft", epsilon=_EPS),
        ]
        x = out

    def tensors() -> Iterator[bytes]:
        for i in range(n_layers):
            layer = _flat(load_layer(i))
            for key in _WEIGHTS:
                yield wire.tensor(f"{key}{i}", np.asarray(layer[key], np.float32))

    return wire.model(
        "all-MiniLM-L6-v2 layers", nodes, tensors(),
        [wire.value_info("x", wire.FLOAT, ["batch", "pieces", hidden]),
         wire.value_info("mask", wire.INT32, ["batch", "pieces"])],
        [wire.value_info("y", wire.FLOAT, ["batch", "pieces", hidden])],
        {"": 17, "com.microsoft": 1})


class OrtLayers:
    """The encoder's layers as one onnxruntime session (``threads`` for one message's kernels)."""

    def __init__(self, load_layer: Callable[[int], dict], n_layers: int, hidden: int, heads: int,
                 threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # The graph is already in its fused form: the basic passes (constant folding) suffice.
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        # No memory arena: with it, one batch of 16 long messages left RSS 166 MB higher for good
        # (without: 28 MB, given back; short messages as fast). No thread spinning between
        # messages: it would hold a core that the relay and the database need.
        options.enable_cpu_mem_arena = False
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(_graph(load_layer, n_layers, hidden, heads), options,
                                            providers=["CPUExecutionProvider"])
        # CPU only: no retry on another execution provider (it would rebuild from the bytes below).
        self.session.disable_fallback()
        # The Python session keeps the model's bytes (≈ 43 MB) only for such rebuilds and for
        # set_providers(), which the encoder never calls (onnxruntime's own comment calls holding
        # them "bad"); the C++ session has its own packed copy of the weights.
        if getattr(self.session, "_model_bytes", None) is not None:
            self.session._model_bytes = None

    def __call__(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last-layer states for ``x`` (batch × pieces × hidden) under ``mask`` (batch × pieces)."""
        return self.session.run(["y"], {"x": np.ascontiguousarray(x, np.float32),
                                        "mask": np.ascontiguousarray(mask, np.int32)})[0]
