"""all-MiniLM-L6-v2 without torch: tokens → 6 BERT layers → mean pooling → L2 norm.

``tokenizers`` reads tokenizer.json; the safetensors file is memory-mapped (its header is a
length and a JSON table of tensor offsets); the 47 MB word-piece table stays on disk and only
the rows a batch uses are read (``FileRows``); the layers' weights are copied once, transposed
for the matrix products. The six layers run in onnxruntime when it is installed (ort_layers.py:
its fused BERT kernels take about half numpy's time per message; the same values to ~1e-6), and in
numpy otherwise or with ``MENTORBOT_ENCODER_BACKEND=numpy``.
Each batch is padded to its own longest message (not to 128: chat messages are short) and
truncated at 256 word pieces, as sentence-transformers does for this model.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from pathlib import Path

import numpy as np

from policies.encoder.model_files import ModelUnavailable

logger = logging.getLogger(__name__)
MAX_PIECES = 256
# Only the head of a long message is tokenised: 256 word pieces never need more than this many
# characters (a piece is at least one character), and tokenising 100 KB would take ~150 ms.
MAX_CHARS = 4 * 1024
HIDDEN, HEADS, LAYERS = 384, 12, 6
_EPS = 1e-12
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
# erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and GELU needs it.
_P = np.float32(0.3275911)
_A = [np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)]


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a read-only memory map (nothing copied)."""
    with path.open("rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        dtype = np.dtype(_DTYPES[meta["dtype"]])
        shape = tuple(meta["shape"])
        if end - start != dtype.itemsize * int(np.prod(shape, dtype=np.int64)):
            raise ValueError(f"tensor {name} has a bad size in {path}")
        out[name] = np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=shape)
    return out


class FileRows:
    """A 2-D tensor of a file whose rows are read on demand (``os.pread``), never mapped.

    The 47 MB word-piece table: a message needs a few dozen of its 30,522 rows. Memory-mapped,
    each row read faulted in the pages around it too (fault-around and read-ahead: ≈ 40 MB of
    the table resident after 300 messages); read this way only the rows of the batch at hand
    are in memory, as ordinary arrays, byte for byte the same values."""

    def __init__(self, mapped: np.memmap) -> None:
        self.path, self.offset = str(mapped.filename), int(mapped.offset)
        self.shape, self.dtype = mapped.shape, mapped.dtype
        self._row_bytes = self.dtype.itemsize * self.shape[1]
        self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))

    def __getitem__(self, ids: np.ndarray) -> np.ndarray:
        """The rows for an integer array of ids, shaped ``ids.shape + (width,)``."""
        ids = np.asarray(ids)
        unique, inverse = np.unique(ids, return_inverse=True)
        rows = np.empty((len(unique), self.shape[1]), self.dtype)
        for j, i in enumerate(unique.tolist()):
            if not 0 <= i < self.shape[0]:
                raise IndexError(f"row {i} outside a table of {self.shape[0]} rows")
            data = os.pread(self._fd, self._row_bytes, self.offset + i * self._row_bytes)
            if len(data) != self._row_bytes:
                raise OSError(f"{self.path} is shorter than its header says")
            rows[j] = np.frombuffer(data, self.dtype)
        return rows[inverse.reshape(-1)].reshape(ids.shape + (self.shape[1],))

    def __del__(self, _close=os.close) -> None:  # bound now: at interpreter exit ``os`` may be gone
        fd = getattr(self, "_fd", None)
        if fd is not None:
            _close(fd)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # a container's or taskset's share, not the host's
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def choose_threads(backend: str) -> int:
    """Threads for one message's layers (MENTORBOT_ENCODER_THREADS). numpy: one BLAS thread —
    with two, on a shared machine, waiting BLAS threads made a 256-piece message take seconds.
    onnxruntime: up to two (its pool does not spin between messages; measured with the other core
    busy, a 256-piece message took 37–40 ms on two threads against 57–59 ms on one)."""
    asked = os.environ.get("MENTORBOT_ENCODER_THREADS", "").strip()
    if asked:
        if not asked.isdigit() or int(asked) < 1:
            raise ModelUnavailable(f"MENTORBOT_ENCODER_THREADS={asked!r}: use a whole number, 1 or more")
        return int(asked)
    return min(2, _cpus()) if backend == "onnxruntime" else 1


def asked_backend() -> str:
    """MENTORBOT_ENCODER_BACKEND as given ("" when unset: the best one that works)."""
    asked = os.environ.get("MENTORBOT_ENCODER_BACKEND", "").strip().lower()
    if asked not in ("", "onnxruntime", "numpy"):
        raise ModelUnavailable(f"MENTORBOT_ENCODER_BACKEND={asked!r}: use onnxruntime or numpy "
                               "(or leave it unset)")
    return asked


def choose_backend() -> str:
    """``onnxruntime`` when it imports (or when asked for), else ``numpy``."""
    asked = asked_backend()
    if asked == "numpy":
        return "numpy"
    try:
        import onnxruntime  # noqa: F401
    except Exception as exc:  # not installed, or a broken install
        if asked:
            raise ModelUnavailable(f"MENTORBOT_ENCODER_BACKEND=onnxruntime, but onnxruntime cannot be "
                                   f"imported ({exc}); install it or unset the variable") from exc
        return "numpy"
    return "onnxruntime"


# Published cosine similarities of all-MiniLM-L6-v2 (sentence-transformers' quickstart), checked at
# every load: a model that does not reproduce them is not the model the heads were trained on.
SELF_CHECK = (("The weather is lovely today.", "It's so sunny outside!", 0.6660),
              ("The weather is lovely today.", "He drove to the stadium.", 0.1046),
              ("It's so sunny outside!", "He drove to the stadium.", 0.1411))
_SELF_CHECK_TOLERANCE = 5e-4  # the published values are rounded to 4 decimals; float32 moves 1e-6


def _erf(x: np.ndarray) -> np.ndarray:
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + _P * a)
    poly = ((((_A[4] * t + _A[3]) * t + _A[2]) * t + _A[1]) * t + _A[0]) * t
    return s * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(-1, keepdims=True)
    return xc / np.sqrt(var + _EPS) * g + b


def _layer_weights(w: dict[str, np.ndarray], p: str) -> dict:
    """One layer's weights, copied into memory and transposed once (tokens × in @ in × out)."""
    a = p + "attention.self."

    def t(name: str) -> np.ndarray:
        return np.ascontiguousarray(np.asarray(w[name]).T)

    def v(name: str) -> np.ndarray:
        return np.array(w[name])

    return {
        "qkv": np.concatenate([t(a + n + ".weight") for n in ("query", "key", "value")], 1),
        "qkv_b": np.concatenate([v(a + n + ".bias") for n in ("query", "key", "value")]),
        "o": t(p + "attention.output.dense.weight"), "o_b": v(p + "attention.output.dense.bias"),
        "ln1": (v(p + "attention.output.LayerNorm.weight"), v(p + "attention.output.LayerNorm.bias")),
        "i": t(p + "intermediate.dense.weight"), "i_b": v(p + "intermediate.dense.bias"),
        "f": t(p + "output.dense.weight"), "f_b": v(p + "output.dense.bias"),
        "ln2": (v(p + "output.LayerNorm.weight"), v(p + "output.LayerNorm.bias")),
    }


class MiniLM:
    """The encoder, loaded once; ``encode`` changes no state (safe to share)."""

    def __init__(self, weights: Path, tokenizer: Path) -> None:
        from threadpoolctl import threadpool_limits
        from tokenizers import Tokenizer

        self.backend = choose_backend()
        self.threads = choose_threads(self.backend)
        # Process-wide: the encoder is numpy's only user (with onnxruntime numpy does no products).
        threadpool_limits(limits=self.threads if self.backend == "numpy" else 1, user_api="blas")
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)
        w = read_safetensors(weights)
        p = "embeddings."
        self.word = FileRows(w[p + "word_embeddings.weight"])  # only used rows are read
        self.pos = np.array(w[p + "position_embeddings.weight"][:MAX_PIECES])
        self.type0 = np.array(w[p + "token_type_embeddings.weight"][0])
        self.emb_ln = (np.array(w[p + "LayerNorm.weight"]), np.array(w[p + "LayerNorm.bias"]))
        self.layers: list[dict] = []
        if self.backend == "onnxruntime":
            try:
                self._start_onnxruntime(w)
            except Exception as exc:  # a broken onnxruntime: the same layers in numpy
                if asked_backend():
                    raise ModelUnavailable(f"onnxruntime cannot run the encoder: {exc}") from exc
                logger.warning("onnxruntime cannot run the encoder (%s); using numpy", exc)
                self.backend, self.threads = "numpy", 1
                threadpool_limits(limits=1, user_api="blas")
        if self.backend == "numpy":
            self.layers = [_layer_weights(w, f"encoder.layer.{i}.") for i in range(LAYERS)]
            self.self_check()
        logger.info("sentence encoder: %s, %d thread(s)", self.backend, self.threads)

    def _start_onnxruntime(self, w: dict[str, np.ndarray]) -> None:
        from policies.encoder.ort_layers import OrtLayers

        self.ort_layers = OrtLayers(lambda i: _layer_weights(w, f"encoder.layer.{i}."), LAYERS,
                                    HIDDEN, HEADS, threads=self.threads)
        self.self_check()

    def self_check(self) -> None:
        """Raise ModelUnavailable unless the published similarities come out (≈ 5 ms)."""
        texts = sorted({t for a, b, _ in SELF_CHECK for t in (a, b)})
        vectors = dict(zip(texts, self.encode(texts), strict=True))
        for a, b, published in SELF_CHECK:
            got = float(vectors[a] @ vectors[b])
            if not abs(got - published) <= _SELF_CHECK_TOLERANCE:
                raise ModelUnavailable(f"the encoder ({self.backend}) gives {got:.4f} for a published "
                                       f"similarity of {published:.4f}: its output is not the model's")

    def pieces(self, texts: list[str]) -> list[list[int]]:
        """Word-piece ids per text ([CLS] … [SEP], at most 256)."""
        return [e.ids for e in self.tokenizer.encode_batch([t[:MAX_CHARS] for t in texts])]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length 384-wide embeddings, one row per text, in order."""
        if not texts:
            return np.zeros((0, HIDDEN), np.float32)
        ids = self.pieces(texts)
        n, longest = len(ids), max(len(x) for x in ids)
        batch = np.zeros((n, longest), np.int64)
        mask = np.zeros((n, longest), np.float32)
        for row, seq in enumerate(ids):
            batch[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1.0
        x = _layer_norm(self.word[batch] + self.pos[:longest] + self.type0, *self.emb_ln)
        if self.backend == "onnxruntime":
            x = self.ort_layers(x, mask)
        else:
            x = self._numpy_layers(x.reshape(n * longest, HIDDEN), mask, n, longest)
        x = x.reshape(n, longest, HIDDEN)
        mean = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        out = mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        if not np.isfinite(out).all():  # a NaN would score as "nothing": the caller holds instead
            raise FloatingPointError(f"the encoder ({self.backend}) produced a non-finite embedding")
        return out

    def _numpy_layers(self, x: np.ndarray, mask: np.ndarray, n: int, longest: int) -> np.ndarray:
        """The six layers in numpy on (n·longest × 384) rows."""
        # A padded batch needs the mask; a single message (the relay's case) has no padding.
        bias = None if n == 1 else ((1.0 - mask) * np.float32(-1e4))[:, None, None, :]
        for layer in self.layers:
            x = self._block(x, layer, bias, n, longest)
        return x

    @staticmethod
    def _block(x: np.ndarray, L: dict, bias: np.ndarray | None, n: int, t: int) -> np.ndarray:
        """One transformer layer on (n·t × 384) rows; attention per message and head."""
        hd = HIDDEN // HEADS
        qkv = x @ L["qkv"] + L["qkv_b"]
        qkv = qkv.reshape(n, t, 3, HEADS, hd).transpose(2, 0, 3, 1, 4)  # 3, n, heads, t, hd
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(hd))
        if bias is not None:
            scores += bias
        scores -= scores.max(-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n * t, HIDDEN)
        x = _layer_norm(x + ctx @ L["o"] + L["o_b"], *L["ln1"])
        h = _gelu(x @ L["i"] + L["i_b"])
        return _layer_norm(x + h @ L["f"] + L["f_b"], *L["ln2"])
