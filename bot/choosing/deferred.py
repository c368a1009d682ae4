"""Students-proposing deferred acceptance with capacities (Gale & Shapley 1962; Roth 1984).

Each free student proposes to their next host; a host holds its best ``seats`` proposals so far
and turns the weakest away, who then tries their next host. The result is stable (no student and
host would both rather be together than with what they got) and the best stable result for every
student at once. Because the hosts' order (fit, then the draw) does not depend on how a student
ranked them, a student can never do better by ranking anyone but their true favourite first —
the property the NYC high-school match is built on, and the one we can explain to a 15-year-old.

It is written here, about forty lines, rather than taken from a library: see the package
docstring for what was tried (the ``matching`` package fails on this size without raising the
interpreter's recursion limit).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Priority = Callable[[str, str], Any]  # (student id, host key) -> comparable; higher is preferred


def deferred_acceptance(preferences: Mapping[str, Sequence[str]], seats: Mapping[str, int],
                        priority: Priority) -> dict[str, str]:
    """Student id -> host key for every student who got a place; the rest are absent.

    ``preferences`` lists each student's acceptable hosts, best first; ``seats`` is each host's
    capacity; ``priority`` must be a strict order per host (include a unique tie-break).
    """
    next_index = dict.fromkeys(preferences, 0)
    held: dict[str, list[tuple[Any, str]]] = {}  # host -> min-heap: the weakest held proposal on top
    free = deque(sorted(preferences))
    while free:
        student = free.popleft()
        wanted = preferences[student]
        while next_index[student] < len(wanted):
            host = wanted[next_index[student]]
            next_index[student] += 1
            capacity = seats.get(host, 0)
            if capacity <= 0:
                continue
            offer = (priority(student, host), student)
            heap = held.setdefault(host, [])
            if len(heap) < capacity:
                heapq.heappush(heap, offer)
                break
            if heap[0] < offer:
                _, bumped = heapq.heapreplace(heap, offer)
                free.append(bumped)
                break
    return {student: host for host, heap in held.items() for _, student in heap}
