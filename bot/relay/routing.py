"""Which channels receive a message: a pure function of the match's channels (STYLE.md point 4).

Never the origin: the relay reposts into every *other* active supervised channel of the match,
which is the second of the three layers against echo loops.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.messages import ChannelRef


def relay_targets(origin: ChannelRef, match_channels: Iterable[ChannelRef]) -> list[ChannelRef]:
    """Every channel of the match except the one the message came from, without repeats."""
    seen: set[ChannelRef] = {origin}
    targets: list[ChannelRef] = []
    for channel in match_channels:
        if channel not in seen:
            seen.add(channel)
            targets.append(channel)
    return targets
