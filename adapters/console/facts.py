"""What the core knows about the console platform: no rate limits, Slack-style channel mentions
(the console shows ``<#name>`` as ``#name``)."""

from bot.ports import PlatformFacts

FACTS = PlatformFacts(name="console", channel_mention="<#{channel}>")
