"""What the core knows about Discord without connecting: published rate limits and mention markup."""

from bot.ports import PlatformFacts, PlatformLimits, Rate

# Published limits, checked 2026-11, with a safety margin (the server counts in its own windows):
# 50 requests/s per bot (global rate limit) -> 48 per second.
FACTS = PlatformFacts(
    name="discord",
    limits=PlatformLimits(per_bot=Rate(48, 1.0)),
    channel_mention="<#{channel}>",  # Discord markdown: a link to the channel
    menu_options=25,  # a string select menu holds at most 25 options (API docs, checked 2026-12)
)
