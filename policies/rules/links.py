"""Links: personal profiles and invite links are contact details; other links need the
program's allow-list of domains."""

from __future__ import annotations

import re
from collections.abc import Callable

from policies.normalize import rewritten

_TLDS = (
    "com|org|net|edu|gov|io|co|us|me|ly|gg|app|dev|tv|info|biz|link|xyz|ai|to|sh|page|site"
    "|online|live|am|ee|be|fm|so|club|shop|store|blog|nyc|ny\\.us"
    # Top-level domains of piracy, scam, gambling and file-drop links and of link shorteners
    # (mega.nz, goo.gl, forms.gle, rb.gy, tiny.cc, free-games.ru, answers.top). Country codes that
    # are also words in chat ("it", "in", "at", "no", "do", "es", "de", "fr" for "for real") are left
    # out: a missing space after a full stop ("done.it was hard") must not read as a link.
    "|ru|su|cn|ua|nz|cc|tk|ml|ga|cf|gq|pw|ws|gy|gd|gl|gle|uk|ca|mx|br|top|bet|chat|gift|click"
    "|win|cam|buzz|icu|vip|xxx|porn|sex|fun|space|website|stream|download|zip|mov|lat"
)
# A link is one whitespace-free token: a scheme or "www." prefix, or a bare domain with a
# known top-level domain. Tokens are checked one by one (linear, and no pattern can run away
# on a long token: only the first 300 characters of a token are looked at).
_SCHEME = re.compile(r"(?:https?://|hxxps?://|www\.)")
_PREFIX = re.compile(r"(?:https?://|hxxps?://)?(?:www\.)?")
# Link shorteners whose top-level domain is also a chat word ("shorturl.at", "is.gd", "s.id").
_SHORTENERS = r"shorturl\.at|is\.gd|v\.gd|s\.id|we\.tl"
_BARE = re.compile(
    r"(?:[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:" + _TLDS + r")|" + _SHORTENERS
    # RFC 2606's reserved documentation domain, with a path ("quickbet.example/ref/…"): what
    # people write when they must not name a real site ("for.example" alone is no link)
    + r"|[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.example(?=/))"
    r"(?![a-z0-9-])(?:/|$|[^a-z0-9.@-])"
)
_TRAIL = ".,;:!?)]}>'\""
# A shortener named bare, with no path and no scheme ("a fake bit.ly link") is the service
# talked about; "bit.ly/3xYz9" is a link.
_SERVICE_NAMED = re.compile(r"\s+(?:links?|urls?|enlaces?|shorteners?|acortador(?:es)?|stuff|things|cosas)\b")
# A profile URL's bare prefix, written as a template ("linkedin.com/in/ followed by your name"):
# it points at nobody.
_PROFILE_PREFIXES = frozenset({"in", "u", "user", "users", "add", "invite", "j", "my", "pub", "profile", "@"})
# ... and only when a template's words follow it ("… followed by your name", "y luego tu nombre")
_TEMPLATE_AFTER = re.compile(r"\s*(?:(?:followed by|and then|then|plus|\+|y luego|seguido de|con)\s*)?"
                             r"(?:your|ur|tu|su)\s+(?:[a-z]+\s+){0,3}(?:name|nombre|handle|username)\b"
                             r"|\s*[\[<(](?:name|nombre|your name|tu nombre)[\]>)]")
SHORTENER_HOSTS = ("bit.ly", "tinyurl.com", "goo.gl", "t.co", "rb.gy", "tiny.cc", "ow.ly", "is.gd",
                   "v.gd", "shorturl.at", "cutt.ly", "buff.ly", "s.id", "t.ly", "shorturl.com")

# Hosts (and path prefixes) that are someone's personal profile or an invitation to a
# private space. Source: the platforms' own short-link and profile URL formats, 2026.
PROFILE_HOSTS = (
    "instagram.com", "instagr.am", "snapchat.com", "tiktok.com", "facebook.com", "fb.com",
    "fb.me", "m.me", "messenger.com", "twitter.com", "x.com", "t.me", "telegram.me",
    "telegram.dog", "wa.me", "whatsapp.com", "discord.gg", "discord.com/invite",
    "discordapp.com/invite", "discord.com/users", "signal.me", "signal.group", "kik.me",
    "linktr.ee", "venmo.com", "cash.app", "paypal.me", "onlyfans.com", "threads.net",
    "bsky.app", "twitch.tv", "steamcommunity.com", "roblox.com/users", "groupme.com",
    "zoom.us/j", "zoom.us/my", "meet.google.com", "facetime.apple.com", "join.skype.com",
    "vsco.co", "reddit.com/u", "reddit.com/user", "youtube.com/@", "tumblr.com",
    "snapchat.com/add", "line.me", "wechat.com", "chat.whatsapp.com",
)


# File-sharing hosts: a school may allow them (Google Drive for class work), but a folder the
# sender calls their own or personal ("my personal drive", "mi WeTransfer", "mis fotos en mi
# Drive") is a private channel to the student, not class material.
FILE_SHARE_HOSTS = (
    "drive.google.com", "dropbox.com", "db.tt", "onedrive.live.com", "1drv.ms", "box.com",
    "icloud.com", "we.tl", "wetransfer.com", "mega.nz", "mediafire.com",
)
_OWN_SHARE = re.compile(
    r"\b(?:my|mi|mis)\b[^.!?\n]{0,30}\b(?:drive|dropbox|onedrive|icloud|wetransfer|box|mega|folder"
    r"|carpeta|files|archivos|photos|fotos|pics|notes|apuntes)\b|\bpersonal\b|\bprivad[oa]\b|\bprivate\b")


_SHARED_PLACE = re.compile(r"\b(?:class|shared|program'?s?|school|team|group|clase|programa|escuela|equipo"
                           r"|grupo|compartid[ao]|del programa|de la clase)\s+(?:google\s+)?(?:drive|folder"
                           r"|carpeta|dropbox)\b")


# Defanged links, written so no app makes them clickable but every reader can type them:
# "bit[.]ly/…", "site(dot)com", "freegames-xyz dot com", "bit. ly/…", "%2E" for a dot.
_DEFANG = re.compile(
    r"(?P<d1>\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\[punto\]|\(punto\))\s*)"
    # "free-robux dot com", "site2 punto com", "quizlet dot com/join": a name with a hyphen or a digit,
    # or a path after it ("does it end in dot com", "etsy dot com" name a kind or a site: no link)
    r"|\b(?=[a-z0-9-]*[a-z])[a-z0-9]*[-0-9][a-z0-9-]*(?P<d2>\s+(?:dot|punto)\s+)(?=(?:com|net|org|io|gg|ly|xyz|co|me)\b)"
    r"|(?<=[a-z0-9])(?P<d3>\s+(?:dot|punto)\s+)(?=(?:com|net|org|io|gg|ly|xyz|co|me)/)"
    r"|(?<=\bbit)(?P<d4>\s*\.\s+|\s+\.\s*)(?=ly/)"
    r"|(?<=\btinyurl)(?P<d5>\s*\.\s+|\s+\.\s*)(?=com/)"
    r"|(?P<d6>%2e)")
_DEFANG_GROUPS = ("d1", "d2", "d3", "d4", "d5", "d6")
def _may_be_defanged(text: str) -> bool:
    """Whether ``text`` holds what a defanged form must (C-speed substring tests, rarest first)."""
    return ("dot" in text or "punto" in text or "%2e" in text
            or ("/" in text and ("ly/" in text or "com/" in text))
            or ("." in text and ("[.]" in text or "(.)" in text or "{.}" in text)))


def refanged(text: str) -> tuple[str, list[int]] | None:
    """``text`` with each defanged dot written as ".", and the index in ``text`` of each character
    kept; None when it holds none (the usual case: a few substring tests)."""
    if not _may_be_defanged(text):
        return None
    return rewritten(text, ((*next(m.span(g) for g in _DEFANG_GROUPS if m.group(g) is not None), ".")
                            for m in _DEFANG.finditer(text)))


class LinkFinder:
    """Finds links and sorts them: profile/invite (contact) or other (allow-list check)."""

    def __init__(self, allowed_domains: list[str]) -> None:
        self.allowed = tuple(d.lower().strip().lstrip(".") for d in allowed_domains if d.strip())

    @staticmethod
    def host_path(url: str) -> tuple[str, str]:
        u = url.lower()
        for scheme in ("https://", "http://", "hxxps://", "hxxp://"):
            if u.startswith(scheme):
                u = u[len(scheme):]
                break
        if u.startswith("www."):
            u = u[4:]
        # The authority ends at the first "/", "?", "#" or "\\" (browsers read a backslash as "/"): a
        # red team hid "evil.com?.cuny.edu" and "evil.com\\@commonapp.org" behind allowed suffixes.
        cut = min((i for i in (u.find(c) for c in "/?#\\") if i >= 0), default=len(u))
        host, path = u[:cut], u[cut + 1:]
        host = host.split("@")[-1].split(":")[0].rstrip(".")
        return host, path

    def _matches(self, host: str, path: str, entries: tuple[str, ...]) -> bool:
        for e in entries:
            eh, _, ep = e.partition("/")
            if (host == eh or host.endswith("." + eh)) and path.startswith(ep):
                return True
        return False

    def allowed_link(self, url: str, as_sent_ascii: bool = True) -> bool:
        """Whether ``url`` goes to an allowed site however a browser reads it: the host cut at the
        first "/", "?", "#" or "\\", the host cut at "/" only, and whatever follows the last "@" must
        all be allowed; the link as sent must be plain ASCII (a look-alike letter, a full-width "？" or
        a zero-width space folded away is another site), and hold no second link ("[www.nypl.org/](https://…)",
        "www.mta.info/https://…"). A red team got each of these past a single reading."""
        prefix = _PREFIX.match(url)
        if not as_sent_ascii or _SCHEME.search(url, prefix.end() if prefix else 0) is not None or "](" in url:
            return False
        readings = {self.host_path(url), self.host_path(url.split("?")[0].split("#")[0])}
        rest = url.split("//", 1)[-1]
        authority, _, path = rest.partition("/")
        readings.add((authority.split("@")[-1].split(":")[0].rstrip(".").removeprefix("www."), path))
        if "@" in url:
            after, _, path = url.rsplit("@", 1)[-1].partition("/")
            readings.add((after.split(":")[0].rstrip(".").removeprefix("www."), path))
        return all(self._matches(h, p, self.allowed) for h, p in readings)

    def find(self, text: str, as_sent_ascii: Callable[[int, int], bool] | None = None
             ) -> list[tuple[int, int, str]]:
        """(start, end, kind) with kind 'profile', 'domain' (not on the allow-list) or 'share' (a
        file-sharing link the message calls the sender's own or personal); defanged links
        ("bit[.]ly/…", "site dot com") too, as spans of ``text``. ``as_sent_ascii(start, end)``:
        whether those characters of ``text`` (a folded reading) were plain ASCII as sent."""
        found = self._find(text, as_sent_ascii)
        refang = refanged(text)
        if refang is not None:
            variant, index = refang
            for s, e, kind in self._find(variant):
                start, end = index[s], index[e - 1] + 1
                if not any(a < end and start < b for a, b, _ in found):
                    found.append((start, end, kind))
        return found

    def _find(self, text: str, as_sent_ascii: Callable[[int, int], bool] | None = None
              ) -> list[tuple[int, int, str]]:
        if "." not in text and "://" not in text:
            return []
        out: list[tuple[int, int, str]] = []
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if "." not in tok and "://" not in tok:
                continue
            head = tok[:300]
            sm = _SCHEME.search(head)
            if sm is not None:
                start = sm.start()
            else:
                bm = _BARE.search(head)
                if bm is None or "@" in head[: bm.start()]:
                    continue
                start = bm.start()
                if start and head[start - 1].isalnum():
                    continue
            url = tok[start:].rstrip(_TRAIL)
            if not url:
                continue
            host, path = self.host_path(url)
            # With a scheme, a host with no dot is still somewhere to go: a number or hex for an
            # IP address ("https://3232235786"), an IPv6 literal, an encoded dot.
            if ("." not in host and (sm is None or not host.strip("[]:") or host == "localhost")) \
                    or (sm is None and not path.strip("/") and host in SHORTENER_HOSTS
                                   and _SERVICE_NAMED.match(text, m.end()) is not None):
                continue
            if url.endswith("/") and path.strip("/").lower() in _PROFILE_PREFIXES \
                    and _TEMPLATE_AFTER.match(text, m.end()) is not None:
                continue  # "linkedin.com/in/ followed by your name": a template
            s = m.start() + start
            if self._matches(host, path, PROFILE_HOSTS):
                out.append((s, s + len(url), "profile"))
            else:
                if self._matches(host, "", FILE_SHARE_HOSTS) and _OWN_SHARE.search(text) is not None \
                        and _SHARED_PLACE.search(text) is None:
                    out.append((s, s + len(url), "share"))
                # the link itself as sent, not the punctuation around it (“https://…”, ¡…!, an emoji)
                plain = as_sent_ascii is None or as_sent_ascii(s, s + len(url))
                if not self.allowed_link(url, plain):  # its first reading is (host, path)
                    out.append((s, s + len(url), "domain"))
            if len(out) >= 50:
                break
        return out


_TOKEN = re.compile(r"[^\s<>|]+")
