"""What the core knows about Slack without connecting: published rate limits and mention markup."""

from bot.ports import PlatformFacts, PlatformLimits, Rate

# Published limits, checked 2026-11, with a safety margin (the server counts in its own windows):
# chat.postMessage: 1 message/s per channel, "several hundred per minute" per workspace
# -> 1 per 1.1 s per channel, 290 in any minute per workspace.
FACTS = PlatformFacts(
    name="slack",
    limits=PlatformLimits(per_workspace=Rate(290, 60.0), per_channel=Rate(1, 1.1)),
    channel_mention="<#{channel}>",  # Slack mrkdwn: a link to the channel
    menu_options=100,  # a static_select holds at most 100 options (Block Kit docs, checked 2026-12)
)
