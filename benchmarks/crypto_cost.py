"""What encryption at rest adds per relayed message, measured alone (no database, no other work).

A relayed message seals five values (the log row's text, sender name and rule hits; the copy's text
and sender name), computes its blind-index tokens, and the relay and delivery open two sealed values
on average (counted with cProfile over 600 messages of relay_throughput.py: 3,025 seals and 1,201
opens). This times each operation on the
benchmark's own messages and adds them up, so the cost is known even when a shared machine makes
the end-to-end figures (relay_throughput.py) move by more than the cost itself.

    .venv/bin/python benchmarks/crypto_cost.py [--repeat 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage import blind_index  # noqa: E402
from storage.keyring import KeyRing, new_secret  # noqa: E402

TEXTS = [  # the relay benchmark's messages
    "Hi Ana! How did the robotics meet go on Saturday? I heard your team placed third.",
    "Thanks Dana, we did! The arm kept dropping the cube but we fixed it in room 214.",
    "Nice work. When I started at the utility in 2012 our first project failed twice too.",
    "Can you look at my resume before the job shadow day on 10/14? I added the internship.",
]
SEALS_PER_MESSAGE = 5
OPENS_PER_MESSAGE = 2


def per_call(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best of three runs of ``repeat`` calls, in microseconds per call (process CPU time)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for n in range(repeat):
            function(n)
        best = min(best, time.process_time() - start)
    return best / repeat * 1e6


def main(repeat: int) -> None:
    ring = KeyRing.single(new_secret())
    sealed = [ring.seal(t) for t in TEXTS]
    seal = per_call(lambda n: ring.seal(TEXTS[n % 4]), repeat)
    open_ = per_call(lambda n: ring.open(sealed[n % 4]), repeat)
    tokens_cold = per_call(lambda n: blind_index.tokens(ring, f"p{n}", TEXTS[n % 4]), repeat // 10)
    tokens = per_call(lambda n: blind_index.tokens(ring, "riverside-ptech", TEXTS[n % 4]), repeat)
    total = SEALS_PER_MESSAGE * seal + OPENS_PER_MESSAGE * open_ + tokens
    print(f"seal one ~85-character value (AES-256-GCM + base64): {seal:.2f} µs")
    print(f"open one: {open_:.2f} µs")
    print(f"blind-index tokens of one message: {tokens:.2f} µs "
          f"(first sight of each word: {tokens_cold:.2f} µs)")
    print(f"per relayed message ({SEALS_PER_MESSAGE} seals, {OPENS_PER_MESSAGE} opens, tokens): "
          f"{total:.1f} µs")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20000)
    main(parser.parse_args().repeat)
