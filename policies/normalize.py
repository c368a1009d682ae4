"""Text normalisation that keeps a map back to the original string's indices."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters people use to hide words from filters: zero-width and bidi controls, soft hyphen,
# variation selectors, word joiners, Mongolian vowel separator, tag characters.
_INVISIBLE = set(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
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
}

# Two or more whitespace characters, or any single character outside printable ASCII.
_SPECIAL = re.compile(r"\s{2,}|[^\x20-\x7e]")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character to its plain lower-case ASCII-ish form ('' for invisible characters)."""
    cp = ord(ch)
    if cp in _INVISIBLE:
        return ""
    if ch.isspace():
        return " "
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
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


@dataclass(frozen=True, slots=True)
class Normalized:
    """Folded text plus, for each folded character, the index of the original character.

    ``index`` is None when the folded text lines up one-to-one with the original (the common,
    all-ASCII case), which keeps normalisation near-free for typical messages.
    ``cased`` is the same text without lower-casing (street names are capitalised).
    """

    original: str
    text: str
    cased: str
    index: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to a span of the original text."""
        if self.index is None:
            return start, end
        if not self.index or start >= len(self.index):
            n = len(self.original)
            return n, n
        s = self.index[start]
        e = self.index[end - 1] + 1 if end > start else s
        # Extend over characters folded into nothing (e.g. trailing zero-width joiners inside).
        return s, max(e, s)


def normalize(text: str) -> Normalized:
    """Fold ``text``: NFKC, look-alikes, diacritics and invisibles removed, whitespace collapsed."""
    first = _SPECIAL.search(text)
    if first is None:
        return Normalized(text, text.lower(), text, None)
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text, first.start()):
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
    if len(low) != len(cased):  # a handful of characters lower-case into two; keep the map true
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in cased)
    return Normalized(text, low, cased, index)
