"""all-MiniLM-L6-v2 in numpy: tokens → 6 BERT layers → mean pooling → L2 norm.

No torch and no model hub: ``tokenizers`` reads tokenizer.json, ``safetensors`` the weights.
Each batch is padded to its own longest message (not to 128: chat messages are short) and
truncated at 256 word pieces, as sentence-transformers does for this model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

MAX_PIECES = 256
HIDDEN, HEADS, LAYERS = 384, 12, 6
_EPS = 1e-12
# erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and GELU needs it.
_P = np.float32(0.3275911)
_A = [np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)]


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


class MiniLM:
    """The encoder, loaded once; ``encode`` is thread-compatible (no state changes)."""

    def __init__(self, weights: Path, tokenizer: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)
        w = load_file(str(weights))
        p = "embeddings."
        self.word = w[p + "word_embeddings.weight"]
        self.pos = w[p + "position_embeddings.weight"]
        self.type0 = w[p + "token_type_embeddings.weight"][0]
        self.emb_ln = (w[p + "LayerNorm.weight"], w[p + "LayerNorm.bias"])
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(LAYERS)]

    @staticmethod
    def _layer(w: dict[str, np.ndarray], p: str) -> dict[str, np.ndarray]:
        a = p + "attention.self."
        # q, k and v in one matrix: one matmul instead of three. Transposed once here so the
        # forward pass multiplies (tokens × in) @ (in × out) without copies.
        qkv = np.concatenate([w[a + n + ".weight"] for n in ("query", "key", "value")], 0)
        return {
            "qkv": np.ascontiguousarray(qkv.T),
            "qkv_b": np.concatenate([w[a + n + ".bias"] for n in ("query", "key", "value")]),
            "o": np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
            "o_b": w[p + "attention.output.dense.bias"],
            "ln1": (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
            "i": np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
            "i_b": w[p + "intermediate.dense.bias"],
            "f": np.ascontiguousarray(w[p + "output.dense.weight"].T),
            "f_b": w[p + "output.dense.bias"],
            "ln2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
        }

    def pieces(self, texts: list[str]) -> list[list[int]]:
        """Word-piece ids per text ([CLS] … [SEP], at most 256)."""
        return [e.ids for e in self.tokenizer.encode_batch(texts)]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length 384-wide embeddings, one row per text, in order."""
        if not texts:
            return np.zeros((0, HIDDEN), np.float32)
        ids = self.pieces(texts)
        longest = max(len(x) for x in ids)
        batch = np.zeros((len(ids), longest), np.int64)
        mask = np.zeros((len(ids), longest), np.float32)
        for row, seq in enumerate(ids):
            batch[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1.0
        n = len(ids)
        x = (self.word[batch] + self.pos[:longest] + self.type0).reshape(n * longest, HIDDEN)
        x = _layer_norm(x, *self.emb_ln)
        # A padded batch needs the mask; a single message (the relay's case) has no padding.
        bias = None if n == 1 else (1.0 - mask)[:, None, None, :] * np.float32(-1e4)
        for layer in self.layers:
            x = self._block(x, layer, bias, n, longest)
        summed = (x.reshape(n, longest, HIDDEN) * mask[:, :, None]).sum(1)
        mean = summed / np.maximum(mask.sum(1, keepdims=True), 1.0)
        return mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)

    @staticmethod
    def _block(x: np.ndarray, L: dict[str, np.ndarray], bias: np.ndarray | None, n: int,
               t: int) -> np.ndarray:
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
