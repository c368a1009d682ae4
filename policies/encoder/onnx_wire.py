"""The few ONNX protobuf messages the encoder's graph needs, written in protobuf's wire format.

Why by hand: the ``onnx`` package takes ≈ 1 s to import (over the policy's whole load budget)
and the encoder only needs to *write* one small graph whose weights it already holds. The field
numbers are onnx.proto's (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
ValueInfoProto); tests/policies/test_encoder_backends.py has the real ``onnx`` package parse and
check what this module writes.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence

import numpy as np

# TensorProto.DataType values used here.
FLOAT, INT32 = 1, 6
_DATA_TYPES = {np.dtype(np.float32): FLOAT, np.dtype(np.int32): INT32}
_ATTR_FLOAT, _ATTR_INT = 1, 2  # AttributeProto.AttributeType


def _varint(n: int) -> bytes:
    if n < 0:
        n += 1 << 64  # int64 fields: two's complement on ten bytes, as protobuf does
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _int(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _bytes(field: int, value: bytes | str) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return _key(field, 2) + _varint(len(data)) + data


def _float(field: int, value: float) -> bytes:
    return _key(field, 5) + struct.pack("<f", value)


def attribute(name: str, value: int | float) -> bytes:
    """An AttributeProto holding one int or one float."""
    if isinstance(value, float):
        return _bytes(1, name) + _float(2, value) + _int(20, _ATTR_FLOAT)
    return _bytes(1, name) + _int(3, value) + _int(20, _ATTR_INT)


def node(op: str, inputs: Sequence[str], outputs: Sequence[str], domain: str = "",
         **attrs: int | float) -> bytes:
    """A NodeProto: operator ``op`` of ``domain`` ("" is the standard one)."""
    out = b"".join(_bytes(1, i) for i in inputs) + b"".join(_bytes(2, o) for o in outputs)
    out += _bytes(3, outputs[0]) + _bytes(4, op)
    out += b"".join(_bytes(5, attribute(k, v)) for k, v in attrs.items())
    return out + (_bytes(7, domain) if domain else b"")


def tensor(name: str, array: np.ndarray) -> list[bytes | memoryview]:
    """A TensorProto with its values as little-endian raw data, as chunks: the header, then the
    array's own buffer (not copied here; ``model`` copies every weight once, into its result)."""
    array = np.ascontiguousarray(array, array.dtype.newbyteorder("<"))
    dims = b"".join(_int(1, d) for d in array.shape)
    head = dims + _int(2, _DATA_TYPES[array.dtype.newbyteorder("=")]) + _bytes(8, name)
    head += _key(9, 2) + _varint(array.nbytes)
    return [head, memoryview(array).cast("B")]


def value_info(name: str, elem_type: int, dims: Iterable[int | str]) -> bytes:
    """A ValueInfoProto for a tensor; a str dim is symbolic (a batch or sequence length)."""
    shape = b"".join(
        _bytes(1, _bytes(2, d) if isinstance(d, str) else _int(1, d)) for d in dims)
    tensor_type = _int(1, elem_type) + _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


def model(name: str, nodes: Sequence[bytes], initializers: Iterable[list[bytes | memoryview]],
          inputs: Sequence[bytes], outputs: Sequence[bytes], opsets: dict[str, int],
          ir_version: int = 8) -> bytes:
    """A serialised ModelProto whose graph is ``nodes`` over ``initializers`` (``tensor``'s chunks).

    Joined once at the end: the weights (≈ 43 MB) are copied a single time, into the result."""
    parts: list[bytes | memoryview] = [_bytes(1, n) for n in nodes] + [_bytes(2, name)]
    for chunks in initializers:
        parts += [_key(5, 2) + _varint(sum(len(c) for c in chunks)), *chunks]
    parts += [_bytes(11, i) for i in inputs] + [_bytes(12, o) for o in outputs]
    head = _int(1, ir_version) + _bytes(2, "mentorbot")
    head += b"".join(_bytes(8, (_bytes(1, d) if d else b"") + _int(2, v)) for d, v in opsets.items())
    head += _key(7, 2) + _varint(sum(len(p) for p in parts))
    return b"".join([head, *parts])
