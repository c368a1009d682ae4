"""glibc heap settings for a long-running policy process (no-ops elsewhere).

A large allocation that does not fit the heap's free room is served by its own mapping (given
back on free) only above glibc's mmap threshold; below it the heap grows, and the room freed
later stays resident. glibc raises that threshold — up to 32 MB — each time a mapped block is
freed, and loading the policy frees several (the encoder's weights on their way into
onnxruntime, parsed data files), so afterwards a message's large buffers (a long message's
activations are ≈ 1.5 MB) grew the heap: measured with the bot's modules, 13–17 MB more was
resident after 300 messages. Fixing the threshold once the policy is loaded keeps such buffers
out of the heap (the load itself keeps glibc's default: fixing it before cost the load
150–200 ms).
"""

from __future__ import annotations

import contextlib
import ctypes
from functools import cache

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
MMAP_THRESHOLD = 1 << 20  # 1 MiB: as small as 128 KiB gave nothing more (254 against 256 MB)


@cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, macOS): its own allocator's policy stands
        return None


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve allocations of ``size`` bytes and more by mapping, from now on (this also turns off
    glibc's raising of the threshold). Whether the setting was taken."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, size))


def return_freed_memory() -> None:
    """Hand freed heap pages back to the system (glibc keeps them otherwise)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.malloc_trim(0)
