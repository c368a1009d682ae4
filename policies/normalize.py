"""Text normalisation that keeps a map back to the original string's indices."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

# Spelled-out words and leetspeak, read in the rules' second pass (kept importable from here).
from policies.deobfuscate import deobfuscate, has_obfuscation  # noqa: F401

# Characters people use to hide words from filters: zero-width and bidi controls, soft hyphen,
# variation selectors, word joiners, Mongolian vowel separator, tag characters.
_INVISIBLE = set(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0,
     0x20E3]  # combining enclosing keycap: "4️⃣" is the digit 4
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0000, 0xE0080))
)

# Look-alike letters that NFKC leaves alone (Cyrillic, Greek, a few Latin extensions).
# Source: Unicode confusables.txt, restricted to the lower-case letters that pass for ASCII.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԛ": "q",
    "ԝ": "w", "ү": "y", "һ": "h", "ӏ": "l", "ԁ": "d", "ɡ": "g", "ь": "b", "п": "n", "г": "r",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u", "ς": "s", "σ": "o", "ϲ": "c",
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ƅ": "b", "ɑ": "a", "ɩ": "i",
    "ʀ": "r", "ꜱ": "s", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ғ": "f", "ɢ": "g",
    "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
    "ǫ": "q", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "æ": "ae", "œ": "oe",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2024": ".", "\u3002": ".", "\uff0e": ".", "\u2022": ".", "\u00b7": ".",
    # "ƚ" stands for "t" in the "fancy text" alphabets people paste ("ƚɇ×ƚ ɱɇ"), not "l".
    "ƚ": "t",
    # Armenian, Cherokee and Lisu letters that pass for Latin ones ("my dad հits me", "ᏦᎥᏞᏞ").
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "զ": "q", "ա": "w", "Օ": "o", "Ս": "u", "Տ": "s",
    "Ꭺ": "a", "Ᏼ": "b", "Ꮯ": "c", "Ꭰ": "d", "Ꭼ": "e", "Ꮐ": "g", "Ꮋ": "h", "Ꭵ": "i", "Ꭻ": "j",
    "Ꮶ": "k", "Ꮮ": "l", "Ꮇ": "m", "Ꮲ": "p", "Ꮢ": "r", "Ꮪ": "s", "Ꭲ": "t", "Ꮩ": "v", "Ꮃ": "w",
    "Ꮤ": "w", "Ꮓ": "z", "Ꮑ": "n", "Ꮻ": "o", "Ꮜ": "u", "Ꭱ": "r",
    # "Fancy text" alphabets: Cyrillic, Greek and symbol letters ("тєχт мє", "ι∂ισт", "ƒυ¢к"),
    # barred Latin letters ("ɵ", "ʉ"), CJK strokes and Canadian syllabics ("Ҝ丨ㄥㄥ", "ᕼITᔕ").
    "є": "e", "я": "r", "∂": "d", "¢": "c", "ɵ": "o", "ʉ": "u", "ҝ": "k",
    "丨": "i", "ㄥ": "l", "卄": "h", "ㄒ": "t", "丂": "s", "ᒪ": "l", "ᕼ": "h", "ᔕ": "s",
    "ꓐ": "b", "ꓑ": "p", "ꓓ": "d", "ꓔ": "t", "ꓖ": "g", "ꓗ": "k", "ꓙ": "j", "ꓚ": "c", "ꓜ": "z",
    "ꓝ": "f", "ꓟ": "m", "ꓠ": "n", "ꓡ": "l", "ꓢ": "s", "ꓣ": "r", "ꓦ": "v", "ꓧ": "h", "ꓪ": "w",
    "ꓫ": "x", "ꓬ": "y", "ꓮ": "a", "ꓰ": "e", "ꓲ": "i", "ꓳ": "o", "ꓴ": "u",
}
# Cherokee small letters fold to the capitals above.
_LOOKALIKES.update({chr(ord(k) - 0x13A0 + 0xAB70): v for k, v in list(_LOOKALIKES.items())
                    if 0x13A0 <= ord(k) <= 0x13EF})
# A Latin letter dressed up, by its Unicode name: hooks, bars and strokes ("ƈ", "ɳ", "ƚ"), turned
# letters ("ʞ"), and letters in squares, circles or parentheses ("🅺", "⒦"): the letter itself.
_DRESSED_LATIN = re.compile(r"(?:NEGATIVE )?(?:SQUARED |CIRCLED |PARENTHESIZED )?LATIN (?:SMALL |CAPITAL )?"
                            r"LETTER (?:SMALL CAPITAL |TURNED |REVERSED |DOTLESS )?([A-Z])(?: WITH .+)?")

# Platform mentions inside the channel (Slack <@U123>, Discord <@!123>, <#123>, <:emoji:123>,
# <t:1700000000:R>) carry long digit ids; they are blanked before the content checks.
_MENTION = re.compile(
    r"<(?:[@#!][!&]?[a-z0-9|._-]{1,80}|a?:[a-z0-9_~]{1,40}:[0-9]{1,25}|t:[0-9]{1,15}(?::[a-z])?)>"
)


def blank_markup(folded: str) -> str:
    """Chat markup that renders as nothing (Discord's "||" spoiler bars, "`" inline code) as
    spaces of the same length: the reader sees what is inside, so the finders must too (spans
    stay where they were)."""
    if "`" in folded or "||" in folded:
        return folded.replace("||", "  ").replace("`", " ")
    return folded


def blank_mentions(folded: str) -> str:
    """Platform mentions in folded text replaced by spaces of the same length."""
    if "<" not in folded:
        return folded
    return _MENTION.sub(lambda m: " " * len(m.group()), folded)


# Two or more whitespace characters, or any single character outside printable ASCII.
_SPECIAL = re.compile(r"\s{2,}|[^\x20-\x7e]")


# The braille blank shows as a space. (Hangul fillers show as one too, but inside a word they hide
# it — "k\u3164ill" — so the first reading deletes them and ``Policy._spaced_hits`` reads them
# as spaces between words: "add\u3164me\u3164on\u3164snap".)
_BLANKS = frozenset([0x2800])


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character to its plain lower-case ASCII-ish form ('' for invisible characters)."""
    cp = ord(ch)
    if cp in _INVISIBLE:
        return ""
    if ch.isspace() or cp in _BLANKS:
        return " "
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    if 0x1F1E6 <= cp <= 0x1F1FF:  # regional indicator symbols (flag letters) spell words too
        return chr(ord("a") + cp - 0x1F1E6)
    if cp > 0x7F and unicodedata.category(ch) == "Nd":  # digits of any script (Arabic-Indic
        return str(unicodedata.decimal(ch))  # ٥, Devanagari ५ …) are read as the number they show
    if cp > 0x7F and unicodedata.category(ch) == "No" and unicodedata.digit(ch, None) is not None \
            and not unicodedata.normalize("NFKC", ch).isascii():
        return str(unicodedata.digit(ch))  # dingbat and negative circled digits: "➊", "❶", "⓿"
    if cp > 0x7F:
        dressed = _DRESSED_LATIN.fullmatch(unicodedata.name(ch, ""))
        plain = unicodedata.normalize("NFKC", ch)
        if dressed is not None and not (plain.isascii() and plain.isalpha()):
            return dressed.group(1).lower()
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
        if unicodedata.combining(c):
            continue
        c = c.casefold()
        for d in c:
            out.append(_LOOKALIKES.get(d, d))
    s = "".join(out)
    if unicodedata.category(ch) in ("Cc", "Cf") and not s.isspace():
        return ""
    return s


class _FoldTable(dict):
    """``str.translate`` table: each character to its folded form, filled on first sight.

    Invisible characters map to NUL first (deleted after whitespace runs are collapsed), so the
    result is exactly what the index-keeping fold in ``_fold_with_index`` produces.
    """

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        out = fold_char(ch)
        if out == "":
            out = "\x00"
        elif ch.isspace():
            out = " "
        self[cp] = out
        return out


_TABLE = _FoldTable({cp: chr(cp) for cp in range(0x20, 0x7F)})
_SPACES = re.compile(r" {2,}")
_RUN_CACHE: dict[str, str] = {}  # folded runs of special characters ("café" -> "cafe")
_SPECIAL_RUN = re.compile(r"([^\x20-\x7e]+)")


class Normalized:
    """Folded text plus, for each folded character, the index of the original character.

    ``index`` is None when the folded text lines up one-to-one with the original (the common,
    all-ASCII case), which keeps normalisation near-free for typical messages; otherwise it is
    built on first use (only messages with hits need it).
    ``cased`` is the same text without lower-casing (street names are capitalised).
    """

    __slots__ = ("original", "text", "cased", "_index", "_lazy")

    def __init__(self, original: str, text: str, cased: str, index: list[int] | None,
                 lazy: bool = False) -> None:
        self.original, self.text, self.cased = original, text, cased
        self._index, self._lazy = index, lazy

    @property
    def index(self) -> list[int] | None:
        if self._lazy:
            self._index = _fold_with_index(self.original)[2]
            self._lazy = False
        return self._index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to a span of the original text."""
        index = self.index
        if index is None:
            return start, end
        if not index or start >= len(index):
            n = len(self.original)
            return n, n
        s = index[start]
        e = index[end - 1] + 1 if end > start else s
        # Extend over characters folded into nothing (e.g. trailing zero-width joiners inside).
        return s, max(e, s)


# The message folded last: the engine's finders and the concept layer each fold the same
# message, and the second fold costs as much as the first. Kept by identity (the very string
# object, so never a stale answer); one entry, a 100 KB message at most is held.
_last: tuple[str | None, Normalized | None] = (None, None)


def normalize(text: str) -> Normalized:
    """Fold ``text``: NFKC, look-alikes, diacritics and invisibles removed, whitespace collapsed."""
    global _last
    last_text, last_norm = _last
    if last_text is text and last_norm is not None:
        return last_norm
    norm = _fold(text)
    _last = (text, norm)
    return norm


def _fold(text: str) -> Normalized:
    """``normalize`` without the memory of the last message."""
    if text.isascii() and text.isprintable() and "  " not in text:  # the common case
        return Normalized(text, text.lower(), text, None)
    if _SPECIAL.search(text) is None:
        return Normalized(text, text.lower(), text, None)
    parts = _SPECIAL_RUN.split(text)  # plain ASCII stays as it is; only the rest is folded
    cache = _RUN_CACHE
    if len(cache) > 20_000:
        cache.clear()
    parts[1::2] = [cache.get(p) or cache.setdefault(p, p.translate(_TABLE)) for p in parts[1::2]]
    cased = "".join(parts)
    # Every character kept its length (no invisibles, no "æ" -> "ae", no whitespace run): the
    # folded text lines up with the original one-to-one.
    aligned = len(cased) == len(text) and "\x00" not in cased and "  " not in cased
    if "  " in cased:
        cased = _SPACES.sub(" ", cased)
    if "\x00" in cased:
        cased = cased.replace("\x00", "")
    low = cased.lower()
    if len(low) != len(cased):  # a handful of characters lower-case into two; keep the map true
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in cased)
    return Normalized(text, low, cased, None, lazy=not aligned)


def _fold_with_index(text: str) -> tuple[str, str, list[int]]:
    """The folded text (cased and lower-case) with the map back to the original indices."""
    first = _SPECIAL.search(text)
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text, first.start() if first else len(text)):
        a = m.start()
        if a > pos:
            parts.append(text[pos:a])
            index.extend(range(pos, a))
        chunk = m.group()
        rep = " " if len(chunk) > 1 else fold_char(chunk)
        if rep:
            parts.append(rep)
            index.extend([a] * len(rep))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
        index.extend(range(pos, len(text)))
    cased = "".join(parts)
    low = cased.lower()
    if len(low) != len(cased):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in cased)
    return low, cased, index


# The words of folded ASCII text as the concept rules' anchors see them: runs of a-z, 0-9, "'".
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'")
_BYTE_SPLIT = bytes(c if c in _WORD_BYTES else 32 for c in range(256))
# The text split last and its words: the engine's address check, the concept filter and the
# second reading read the same folded message, which is split once. Kept by identity (the very
# string object), one entry.
_last_split: tuple[str | None, list[bytes]] = (None, [])


def ascii_words(folded: str) -> list[bytes]:
    """The words of folded ASCII text in order, repeats kept, as bytes (a C-speed split: the
    common case). Shared between callers: never change the list."""
    global _last_split
    last_text, words = _last_split
    if last_text is not folded:
        words = folded.encode("ascii").translate(_BYTE_SPLIT).split()
        _last_split = (folded, words)
    return words


# Stretched letters ("pleeeease", "secreeeet", "nooo", "solitaaaa"): a run of three or more of
# one letter inside a word. ``destretch`` squeezes each run to two letters or one, keeping the
# form a vocabulary knows ("goood" -> "good", "sooo" -> "so"); one letter when none is known.
_STRETCH = re.compile(r"([^\W\d_])\1\1", re.IGNORECASE)
_STRETCH_ASCII = re.compile(r"([a-z])\1\1")
_STRETCHED_WORD = re.compile(r"[^\W\d_]*?([^\W\d_])\1\1[^\W\d_]*", re.IGNORECASE)
_RUN = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
_NOT_A_WORD = frozenset("/@:")  # in a link, an e-mail address or a handle the letters stay
_MAX_RUNS = 4  # 2**4 spellings at most per word
_LONGEST_WORD = 60  # a longer run of letters is no word (an adversarial message): left alone
MAX_STRETCHED_WORDS = 64  # per message: 20,000 "fuuu"s cost no more than 64


def destretch(text: str, known: Callable[[str], bool] | None = None) -> tuple[str, list[int]] | None:
    """``text`` with stretched letters squeezed, plus the index in ``text`` of each character kept;
    None when no word is stretched (the usual case).

    Each run of 3+ letters becomes two or one; every spelling of a word is tried (two letters
    first: "goood" is "good" before "god") and the first that ``known`` accepts wins, else all
    runs become one letter. Links, e-mail addresses, handles and words with digits are left
    alone, as are words of one repeated letter ("www", "zzz", "aaaa") and runs of letters too long
    to be a word (over ``_LONGEST_WORD``). The first
    ``MAX_STRETCHED_WORDS`` stretched words of a message are squeezed.
    """
    if (_STRETCH_ASCII if text.isascii() else _STRETCH).search(text.lower()) is None:
        return None  # the usual case; the ASCII check costs ≈ 2 µs on a 200-character message
    out: list[str] = []
    index: list[int] = []
    pos = 0
    done: dict[str, tuple[str, list[int]]] = {}
    count = 0
    for m in _STRETCHED_WORD.finditer(text):
        a, word = m.start(), m.group()
        if len(word) > _LONGEST_WORD or len(set(word.lower())) == 1 or _in_link(text, a, m.end()):
            continue
        count += 1
        if count > MAX_STRETCHED_WORDS:
            break
        if word not in done:
            done[word] = _squeeze(word, known)
        squeezed, idx = done[word]
        out.append(text[pos:a])
        index.extend(range(pos, a))
        out.append(squeezed)
        index.extend(a + i for i in idx)
        pos = m.end()
    if pos == 0:
        return None
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def rewritten(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, list[int]] | None:
    """``text`` with each ``(start, end, new)`` edit (in order, not overlapping) applied, and the
    index in ``text`` of each character of the result (an edit's characters: its start); None
    when there is no edit. The readings that change a message's length map spans back with it."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    edited = False
    for start, end, new in edits:
        edited = True
        out.append(text[pos:start])
        index.extend(range(pos, start))
        out.append(new)
        index.extend([start] * len(new))
        pos = end
    if not edited:
        return None
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` sits in a link, address, handle or number: its
    whitespace-delimited chunk holds a digit, "/", "@", ":" or "www." (looked at ±60 characters)."""
    left = start
    while left > 0 and start - left < 60 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < 60 and not text[right].isspace():
        right += 1
    around = text[left:start] + " " + text[end:right]  # the word itself is letters only
    return "www." in around.lower() or any(c in _NOT_A_WORD or c.isdigit() for c in around)


def _squeeze(word: str, known: Callable[[str], bool] | None) -> tuple[str, list[int]]:
    """The best squeezed spelling of one word and the index in ``word`` of each letter kept."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(word)][:_MAX_RUNS]
    choices = sorted(itertools.product((2, 1), repeat=len(runs)), key=lambda k: -sum(k))
    for keep in choices if known is not None else []:
        s, _ = _spell(word, runs, keep)
        if known(s.lower()):
            return _spell(word, runs, keep)
    return _spell(word, runs, (1,) * len(runs))


def _spell(word: str, runs: list[tuple[int, int]], keep: tuple[int, ...]) -> tuple[str, list[int]]:
    letters: list[str] = []
    idx: list[int] = []
    pos = 0
    for (a, b), k in zip(runs, keep, strict=True):
        letters.append(word[pos:a + k])
        idx.extend(range(pos, a + k))
        pos = b
    letters.append(word[pos:])
    idx.extend(range(pos, len(word)))
    return "".join(letters), idx


def windows(variant: str, index: list[int], original_length: int, width: int = 150) -> tuple[str, list[int]]:
    """Only the parts of a long ``variant`` around its changes (where ``index`` skips original
    characters), ``width`` characters each side, joined by line breaks (no rule reads across
    one); with the index of each kept character. A second pass over a 100,000-character message
    with a few stretched words then reads a few hundred characters, not all of it."""
    changed = [i for i in range(1, len(index)) if index[i] != index[i - 1] + 1]
    if index and index[-1] != original_length - 1:
        changed.append(len(index) - 1)
    spans: list[list[int]] = []
    for c in changed:
        a, b = max(c - width, 0), min(c + width, len(variant))
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    parts: list[str] = []
    kept: list[int] = []
    for a, b in spans:
        if parts:
            parts.append("\n")
            kept.append(index[a])
        parts.append(variant[a:b])
        kept.extend(index[a:b])
    return "".join(parts), kept
