"""State of the fake Discord: guilds, roles, channels (with permission overwrites), members, messages."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits (https://discord.com/developers/docs/topics/permissions, checked 2026-11)
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ADD_REACTIONS = 1 << 6
READ_MESSAGE_HISTORY = 1 << 16
MANAGE_WEBHOOKS = 1 << 29
EVERYONE_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | EMBED_LINKS
BOT_DEFAULT = EVERYONE_DEFAULT | MANAGE_WEBHOOKS


# Unicode's Default_Ignorable_Code_Point characters a Discord client draws as nothing (UCD 15.1,
# DerivedCoreProperties.txt): what a reader of the channel cannot see.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)


def visible(content: str) -> str:
    """The text a person sees in a Discord client (invisible characters drawn as nothing)."""
    return INVISIBLE.sub("", content)


def snowflake_time(snowflake: str) -> datetime:
    return datetime.fromtimestamp(((int(snowflake) >> 22) + DISCORD_EPOCH_MS) / 1000, UTC)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class FakeGuildMixin:
    """Guild, channel, member and message state plus the payload builders discord.py parses."""

    app_id: str
    bot_user: dict[str, Any]

    def __init__(self) -> None:
        self._last_id = 0
        self.guilds: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.members: dict[tuple[str, str], dict[str, Any]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.bot_permissions = BOT_DEFAULT
        self.guild_owner = "1"  # a user who is not a member: owners bypass every permission check

    def new_id(self) -> str:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        self._last_id = max(self._last_id + 1, ms << 22)
        return str(self._last_id)

    def _id_on_shard(self, shard_id: int, count: int) -> str:
        """A fresh snowflake whose ``(id >> 22) % count`` is ``shard_id`` (Discord's shard formula)."""
        stamp = (self._last_id >> 22) + 1
        stamp += (shard_id - stamp) % count
        self._last_id = stamp << 22
        return str(self._last_id)

    # ----------------------------------------------------------------- set-up

    def add_guild(self, name: str, *, everyone_permissions: int = EVERYONE_DEFAULT,
                  on_shard: tuple[int, int] | None = None) -> str:
        """A guild; ``on_shard=(shard_id, num_shards)`` picks an id Discord routes to that shard."""
        gid = self.new_id() if on_shard is None else self._id_on_shard(*on_shard)
        everyone = self._role_payload(gid, "@everyone", everyone_permissions, position=0)
        self.guilds[gid] = {"id": gid, "name": name, "roles": [everyone], "channel_ids": [], "member_ids": []}
        bot_role = self.add_role(gid, "mentorbot", permissions=self.bot_permissions, managed=True)
        self.users[self.bot_user["id"]] = self.bot_user
        self.guilds[gid]["member_ids"].append(self.bot_user["id"])
        self.members[(gid, self.bot_user["id"])] = {"roles": [bot_role]}
        return gid

    def add_role(self, guild_id: str, name: str, *, permissions: int = 0, managed: bool = False) -> str:
        roles = self.guilds[guild_id]["roles"]
        role = self._role_payload(self.new_id(), name, permissions, position=len(roles), managed=managed)
        roles.append(role)
        return role["id"]

    def add_channel(
        self,
        guild_id: str,
        name: str,
        *,
        overwrites: list[dict[str, Any]] | None = None,
        kind: int = 0,
        parent_id: str | None = None,
    ) -> str:
        cid = self.new_id()
        self.channels[cid] = {
            "id": cid,
            "type": kind,
            "guild_id": guild_id,
            "name": name,
            "position": len(self.channels),
            "permission_overwrites": overwrites or [],
            "parent_id": parent_id,
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }
        if kind in (11, 12):
            self.channels[cid]["thread_metadata"] = {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": now_iso(),
                "locked": False,
            }
            self.channels[cid].update(owner_id=self.bot_user["id"], member_count=1, message_count=0)
        self.guilds[guild_id]["channel_ids"].append(cid)
        self.messages[cid] = []
        return cid

    def add_thread(self, parent_id: str, starter_message_id: str, name: str = "thread") -> str:
        """A public thread started from a message: its id equals the starter message's id."""
        guild_id = self.channels[parent_id]["guild_id"]
        self.channels[starter_message_id] = {
            "id": starter_message_id,
            "type": 11,
            "guild_id": guild_id,
            "name": name,
            "parent_id": parent_id,
            "owner_id": self.bot_user["id"],
            "member_count": 1,
            "message_count": 0,
            "flags": 0,
            "rate_limit_per_user": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": now_iso(),
                "locked": False,
            },
        }
        self.guilds[guild_id]["channel_ids"].append(starter_message_id)
        self.messages[starter_message_id] = []
        return starter_message_id

    def add_member(
        self,
        guild_id: str,
        name: str,
        *,
        roles: list[str] | None = None,
        bot: bool = False,
        user_id: str | None = None,
    ) -> str:
        uid = user_id or self.new_id()
        self.users[uid] = {
            "id": uid,
            "username": name.lower().replace(" ", "_"),
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "bot": bot,
            "flags": 0,
        }
        self.guilds[guild_id]["member_ids"].append(uid)
        self.members[(guild_id, uid)] = {"roles": list(roles or [])}
        return uid

    def add_dm(self, user_id: str) -> str:
        """The direct-message channel between one user and the bot."""
        cid = self.new_id()
        self.channels[cid] = {
            "id": cid,
            "type": 1,
            "recipients": [self.users[user_id]],
            "last_message_id": None,
        }
        self.messages[cid] = []
        return cid

    @staticmethod
    def overwrite(target_id: str, *, member: bool = False, allow: int = 0, deny: int = 0) -> dict[str, Any]:
        return {"id": target_id, "type": 1 if member else 0, "allow": str(allow), "deny": str(deny)}

    # ----------------------------------------------------------------- lookups

    def channel_guild(self, channel_id: str) -> str | None:
        return self.channels[channel_id].get("guild_id")

    def find_message(self, channel_id: str, message_id: str) -> dict[str, Any]:
        for msg in self.messages.get(channel_id, []):
            if msg["id"] == message_id:
                return msg
        raise KeyError(message_id)

    def add_message(self, msg: dict[str, Any]) -> None:
        self.messages.setdefault(msg["channel_id"], []).append(msg)

    def texts(self, channel_id: str) -> list[str]:
        """What a person reading the channel sees, oldest first (webhook names shown as 'name: ')."""
        out = []
        for msg in self.messages.get(channel_id, []):
            name = msg["author"].get("global_name") or msg["author"]["username"]
            content = visible(msg["content"])
            out.append(f"{name}: {content}" if msg.get("webhook_id") else content)
        return out

    # ----------------------------------------------------------------- payloads

    @staticmethod
    def _role_payload(rid: str, name: str, permissions: int, *, position: int, managed: bool = False) -> dict:
        return {
            "id": rid,
            "name": name,
            "color": 0,
            "hoist": False,
            "position": position,
            "permissions": str(permissions),
            "managed": managed,
            "mentionable": False,
            "flags": 0,
        }

    def user_payload(self, user_id: str) -> dict[str, Any]:
        return dict(self.users[user_id])

    def member_payload(self, guild_id: str, user_id: str) -> dict[str, Any]:
        m = self.members[(guild_id, user_id)]
        return {
            "user": self.user_payload(user_id),
            "roles": m["roles"],
            "joined_at": now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "avatar": None,
            "pending": False,
        }

    def with_member(self, msg: dict[str, Any], user_id: str) -> dict[str, Any]:
        guild_id = msg.get("guild_id")
        if guild_id and (guild_id, user_id) in self.members:
            member = self.member_payload(guild_id, user_id)
            member.pop("user")
            return {**msg, "member": member}
        return msg

    def guild_payload(self, guild_id: str) -> dict[str, Any]:
        g = self.guilds[guild_id]
        chans = [self.channels[c] for c in g["channel_ids"]]
        return {
            "id": guild_id,
            "name": g["name"],
            "owner_id": self.guild_owner,
            "icon": None,
            "roles": g["roles"],
            "channels": [c for c in chans if c["type"] not in (11, 12)],
            "threads": [c for c in chans if c["type"] in (11, 12)],
            "members": [self.member_payload(guild_id, u) for u in g["member_ids"]],
            "member_count": len(g["member_ids"]),
            "large": False,
            "unavailable": False,
            "emojis": [],
            "stickers": [],
            "features": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": now_iso(),
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
        }

    def make_message(
        self,
        channel_id: str,
        author: dict[str, Any],
        content: str,
        *,
        reply_to: str | None = None,
        webhook_id: str | None = None,
        nonce: str | None = None,
        embeds: list | None = None,
        components: list | None = None,
    ) -> dict[str, Any]:
        mid = self.new_id()
        guild_id = self.channel_guild(channel_id)
        msg: dict[str, Any] = {
            "id": mid,
            "channel_id": channel_id,
            "author": author,
            "content": content,
            "timestamp": snowflake_time(mid).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": embeds or [],
            "pinned": False,
            "type": 19 if reply_to else 0,
            "flags": 0,
            "components": components or [],
        }
        if guild_id:
            msg["guild_id"] = guild_id
        if webhook_id:
            msg["webhook_id"] = webhook_id
        if nonce is not None:
            msg["nonce"] = nonce
        if reply_to:
            msg["message_reference"] = {
                "type": 0,
                "message_id": str(reply_to),
                "channel_id": channel_id,
                "guild_id": guild_id,
            }
        return msg

    def _delete_payload(self, channel_id: str, message_id: str) -> dict[str, Any]:
        payload = {"id": message_id, "channel_id": channel_id}
        guild_id = self.channel_guild(channel_id)
        if guild_id:
            payload["guild_id"] = guild_id
        return payload
