"""After the policy loads, a message's large buffers are served by mapping and given back, not
left as holes in the heap (policies/heap.py). glibc raises its mmap threshold each time a mapped
block is freed — loading the encoder frees several — after which they came from the heap."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

from policies import engine, heap

try:
    GLIBC = hasattr(ctypes.CDLL("libc.so.6"), "mallinfo2")  # glibc 2.33 and later
except OSError:
    GLIBC = False

# A fresh process (the threshold is process-wide): free a 16 MB block, as loading does, then
# allocate large blocks before and after ``fix_mmap_threshold`` (kept, so that none reuses the
# room of another) and print whether each was mapped or grew the heap.
_PROBE = """
import ctypes
from policies.heap import fix_mmap_threshold
class MI(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                                               "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MI
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
kept = []
def mapped(size):
    before = libc.mallinfo2().hblkhd
    kept.append(libc.malloc(size))
    return libc.mallinfo2().hblkhd - before >= size
libc.free(libc.malloc(16 << 20))  # a large mapped block freed: glibc raises its threshold to 16 MB
print(mapped(2 << 20), fix_mmap_threshold(), mapped(3 << 20))
"""


@pytest.mark.skipif(not GLIBC, reason="the setting is glibc's; other allocators keep their own policy")
def test_large_buffers_are_mapped_again_once_the_threshold_is_fixed():
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True,
                         timeout=60).stdout.split()
    assert out == ["False", "True", "True"], out  # from the heap before; mapped (given back) after


def test_loading_a_policy_fixes_the_threshold(monkeypatch):
    calls = []
    monkeypatch.setattr(engine, "fix_mmap_threshold", lambda: calls.append(1) or True)
    engine.load_policy(rules_only=True)
    assert calls == [1]


def test_without_glibc_the_setting_is_a_no_op(monkeypatch):
    monkeypatch.setattr(heap, "_libc", lambda: None)
    assert heap.fix_mmap_threshold() is False
    heap.return_freed_memory()  # no error
