"""Spelled-out words and leetspeak, read as letters for the rules' second pass (``deobfuscate``).

"s n a p c h a t", "s.e.c.r.e.t" and "sn@pch@t", "h0t", "k1ll" are read as the words they hide,
with the index of each character in the original text. Most messages hold nothing of the kind,
and saying so must cost far less than reading: ``has_obfuscation`` classes the characters
once (``_shape``) and asks two linear-time questions of that, looking at words only when a
letter sits next to a digit. A number with an ordinal or unit ("3:30pm", "4th", "$70k") is a
number, not leetspeak.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from policies.regex import compile_pattern

# Obfuscations the rules would otherwise read past (``deobfuscate``): words spelled out letter by
# letter ("s n a p c h a t", "s.e.c.r.e.t", words apart by two spaces), and leetspeak inside a
# word ("sn@pch@t", "h0t", "k1ll"). Digits alone (phone numbers) are left as they are.
# Separators between spelled-out letters: punctuation people put between them ("m:o:r:i:r",
# "t·o·u·c·h", "s^e^x^y"), an emoji or other symbol ("k🔪i🔪l🔪l"), each maybe with a space either side.
_SEPARATOR_CHARS = "._*\\-/,+|~:;=^\\\\#\u00b7\u2027\u2219\u2022\u2026\u2044\u30fb"
_SEPARATOR = (r"(?:\s?(?:[" + _SEPARATOR_CHARS + r"]{1,2}|[\u2190-\u2bff\U0001f000-\U0001faff]\ufe0f?)\s?"
              r"|\s|\s{2,})")
_LETTER_RUN = re.compile(r"(?<![^\W_])(?<!['\u2019])[^\W\d_]"
                         r"(?:" + _SEPARATOR + r"[^\W\d_](?![^\W_])){2,}")
# "!" is an "i" only inside a word ("k!ll", "p!c"); at a word's end it is an exclamation mark.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
_LEET_TABLE = str.maketrans(_LEET)
_WORD = re.compile(r"[\w@$]+(?:!+[\w@$]+)*")
# A word censored with asterisks inside it ("r*tarded", "p**ndejo"): read as the rules' word it
# hides when a vowel in each masked place gives one (``_unmask``). Writers and teens alike mask
# the worst words; the profanity list reads its own masked words, the concept rules did not.
_MASKED = re.compile(r"(?<![\w*])[^\W\d_]+(?:\*{1,2}[^\W\d_]+)+(?![\w*])")
_MASK_FILL = "aeiouy"

# A number with an ordinal or unit after it is a number, not leetspeak: a time ("3:30pm",
# "10am"), a date ("4th", "1st", "2do"), a count or an amount ("3x", "$70k", "90s", "5k").
# Leetspeak puts digits for letters inside a word ("sn4pch4t", "1nsta"); read as leetspeak,
# "30pm" would be "eopm" — and a message with a time in it would be read twice for nothing.
# Such a token is still read as leetspeak when that reading is a word the rules know ("1s" is
# "is", "3x" is "ex"): ``deobfuscate``'s ``known``.
_NUMBER_SUFFIXES = frozenset([
    "st", "nd", "rd", "th",  # English ordinals
    "o", "a", "er", "ra", "ro", "da", "do", "ta", "to", "mo", "vo", "no", "º", "ª",  # 1ro, 5to, 2ª
    "am", "pm", "p", "h", "hr", "hrs", "min", "mins", "sec", "secs", "s", "ish",  # times, 90s
    "k", "m", "b", "x", "c", "d", "ft", "lb", "lbs", "kg", "km", "mi", "cm", "mm", "gb", "mb",
    "tb", "g", "yo", "yr", "yrs", "pt", "pts", "mph",  # counts, amounts, rooms ("3c")
])
_NUMBER_WORD = re.compile(r"\$?[0-9]+([^\W\d_]+)")


def _is_number(word: str, known: Callable[[str], bool] | None) -> bool:
    """Whether a word with digits and letters is a number with an ordinal or unit ("30pm")."""
    m = _NUMBER_WORD.fullmatch(word)
    if m is None or m.group(1).lower() not in _NUMBER_SUFFIXES:
        return False
    return known is None or not known(word.lower().translate(_LEET_TABLE))


@lru_cache(maxsize=8192)
def _is_leet(word: str, known: Callable[[str], bool] | None) -> bool:
    """Whether ``deobfuscate`` reads letters into this word (a ``[\\w@$]+`` token)."""
    word = word.strip("!")
    return (any(c.isalpha() for c in word) and any(c in _LEET for c in word)
            and not word.startswith("@") and not _is_number(word, known))


class _ShapeTable(dict):
    """``str.translate`` table: each character to its class for the deobfuscation gates —
    "a" a letter or other non-digit word character (``[^\\W\\d_]``), "1" a digit leetspeak reads
    (0 1 3 4 5 7), "2" any other digit (``\\d``), "@" "@" or "$", "_", " " whitespace (``\\s``),
    "." the other separators of a spelled-out word, "'" an apostrophe, "#" anything else. Each
    class is its own ASCII character's class, so a shape can be translated again unchanged."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        out = ("1" if ch in "013457" else "@" if ch in "@$!" else "_" if ch == "_"
               else "'" if ch in "'\u2019" else " " if ch.isspace()
               else "." if ch in "._*-/,+|~:;=^\\#\u00b7\u2027\u2219\u2022\u2026\u2044\u30fb"
               or 0x2190 <= cp <= 0x2BFF or 0x1F000 <= cp <= 0x1FAFF or cp == 0xFE0F
               else "2" if ch.isdecimal()
               else "a" if ch.isalnum() else "#")
        if cp > 0x7F and len(self) > 20_000:
            return out  # a flood of distinct characters is classed, not remembered
        self[cp] = out
        return out


_SHAPE = _ShapeTable()
for _cp in range(0x80):
    _SHAPE[_cp]  # noqa: B018 - fill the ASCII part now (str.translate's fast path)
_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")
# On the shape: a superset of ``_LETTER_RUN`` (three single letters apart by separators) and a
# word holding a letter and a digit or symbol leetspeak reads (a superset of ``_is_leet``), and
# the whole words of the second kind. re2 when available: linear and ≈ 1 µs on 200 characters.
_RUN_GATE = compile_pattern(r"(?:^|[^a12'])a(?:[ ._]+a){2}(?:$|[^a12])")
_LEET_GATE = compile_pattern(r"a[a12_@]*[1@]|[1@][a12_@]*a")
_LEET_WORDS = compile_pattern(r"[a12_@]*(?:a[a12_@]*[1@]|[1@][a12_@]*a)[a12_@]*")


def _shape(text: str) -> str:
    """``text`` as one character class per character (``_ShapeTable``)."""
    if text.isascii():
        return text.translate(_SHAPE)
    parts = _NON_ASCII_RUN.split(text)
    parts[1::2] = [p.translate(_SHAPE) for p in parts[1::2]]
    return "".join(parts).translate(_SHAPE)


# Words of an ASCII text and of its shape, split alike at C speed (``_leet_words``).
_TEXT_SPLIT = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_@$!") else 32
                    for c in range(256))
_SHAPE_SPLIT = bytes(c if chr(c) in "a12_@" else 32 for c in range(256))


def _leet_words(text: str, shape: str) -> set[str]:
    """The words of ``text`` whose shape holds a letter and a digit or symbol leetspeak reads."""
    if text.isascii():
        pairs = zip(shape.encode().translate(_SHAPE_SPLIT).split(),
                    text.encode().translate(_TEXT_SPLIT).split(), strict=True)
        # (``isalpha``/``isdigit`` first: most words are all letters or all digits, and an int
        # membership test is several times cheaper than a bytes one)
        return {w.decode() for s, w in pairs if not s.isalpha() and not s.isdigit()
                and 97 in s and (49 in s or 64 in s)}  # "a", "1", "@"
    return {text[m.start():m.end()] for m in _LEET_WORDS.finditer(shape)}


def _unmask(word: str, known: Callable[[str], bool] | None,
            prefer: Callable[[str], bool] | None = None) -> str | None:
    """The known word a masked word stands for, trying a vowel in each masked place (at most
    two masks: 36 tries), or None. A word ``prefer`` accepts (a strong word: people mask
    "p*ta", not "pata") wins over the first known one."""
    stars = word.count("*")
    if known is None or stars > 2 or len(word) - stars < 3:
        return None
    parts = word.lower().split("*")
    fills = [a + b for a in _MASK_FILL for b in _MASK_FILL] if stars == 2 else list(_MASK_FILL)
    first = None
    for fill in fills:
        letters = iter(fill)
        cand = parts[0] + "".join(next(letters) + p for p in parts[1:])
        if known(cand):
            if prefer is None or prefer(cand):
                return cand
            first = first or cand
    return first


def _masked_words(text: str, known: Callable[[str], bool] | None,
                  prefer: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
    """(start, word it stands for) of each masked word ``_unmask`` reads."""
    if "*" not in text:
        return []
    out = []
    for m in _MASKED.finditer(text):
        word = _unmask(m.group(), known, prefer)
        if word is not None:
            out.append((m.start(), word))
    return out


# Blank letters that show as a space (Hangul fillers, the braille blank; ``normalize._BLANKS``):
# "kㅤiㅤlㅤl" is spelled out like "k i l l".
_BLANKS_TO_SPACE = str.maketrans(dict.fromkeys((0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800), " "))


# One-letter words a spelled-out word may follow or precede with another separator ("a p:i:c",
# "i: k.i.l.l", "u r 😍 s.e.x.y", "p.i.c a").
_LETTER_WORDS = frozenset("aiuryoe")


def _spelled_runs(text: str) -> list[tuple[int, int]]:
    """The spans of words spelled out letter by letter. A word keeps one separator: a one-letter
    word apart by another separator ("a p:i:c") is not the spelled word's first or last letter;
    any other letter is ("k i.l.l" is "kill"). A piece of three letters or more is read."""
    out = []
    for m in _LETTER_RUN.finditer(text):
        letters = [i for i in range(m.start(), m.end()) if text[i].isalpha()]
        marks = [text[a + 1:b].strip() for a, b in zip(letters, letters[1:], strict=False)]
        first, last = 0, len(letters) - 1
        while last - first >= 3 and text[letters[first]].lower() in _LETTER_WORDS \
                and marks[first] != marks[first + 1]:
            first += 1
        while last - first >= 3 and text[letters[last]].lower() in _LETTER_WORDS \
                and marks[last - 1] != marks[last - 2]:
            last -= 1
        if last - first >= 2:
            out.append((letters[first], letters[last] + 1))
    return out


def has_obfuscation(text: str, known: Callable[[str], bool] | None = None) -> bool:
    """Whether ``deobfuscate`` could read anything in ``text``: a spelled-out word or a
    leetspeak word. Exact (it never says no where ``deobfuscate`` would read something) and
    cheap on ordinary chat: one translation into character classes and two re2 tests; the words
    themselves are looked at only when the shape holds a letter next to a digit or symbol
    (a time such as "3:30pm": a few µs more)."""
    if not text.isascii():
        text = text.translate(_BLANKS_TO_SPACE)
    if "*" in text and _masked_words(text, known):
        return True
    shape = _shape(text)
    if _RUN_GATE.test(shape) and _LETTER_RUN.search(text) is not None:
        return True
    if not _LEET_GATE.test(shape):
        return False
    return any(_is_leet(w, known) for w in _leet_words(text, shape))


def deobfuscate(text: str, known: Callable[[str], bool] | None = None,
                prefer: Callable[[str], bool] | None = None) -> tuple[str, list[int]] | None:
    """``text`` with spelled-out words joined and leetspeak inside words read as letters, plus the
    index in ``text`` of each character kept; None when there is nothing of the kind (the usual case).

    Numbers with an ordinal or unit ("3:30pm", "4th", "$70k") are not leetspeak unless their
    leetspeak reading is a word ``known`` accepts (see ``_NUMBER_SUFFIXES``).
    The policy reads this variant in a second pass, so one transformation cannot hide a message
    from every rule at once (the profanity list and the phone/e-mail finders handle these already).
    """
    return read_obfuscated(text, known, prefer) if has_obfuscation(text, known) else None


def read_obfuscated(text: str, known: Callable[[str], bool] | None = None,
                    prefer: Callable[[str], bool] | None = None) -> tuple[str, list[int]] | None:
    """``deobfuscate`` without its cheap check (the caller made one: ``SecondReadingGate``)."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    original = text
    if not text.isascii():
        text = text.translate(_BLANKS_TO_SPACE)  # same length: every index stays
    masked = _masked_words(text, known, prefer)
    if masked:  # same length: every character keeps its index
        chars = list(text)
        for start, word in masked:
            chars[start:start + len(word)] = word
        text = "".join(chars)
    for start, end in _spelled_runs(text):
        out.append(text[pos:start])
        index.extend(range(pos, start))
        for i in range(start, end):
            ch = text[i]
            if ch.isalpha():
                out.append(ch)
                index.append(i)
            elif ch.isspace() and i + 1 < end and text[i + 1].isspace() and (not out or out[-1] != " "):
                out.append(" ")  # two spaces between spelled-out words: one word break
                index.append(i)
        pos = end
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    joined = "".join(out)
    chars = list(joined)
    for m in _WORD.finditer(joined):
        if _is_leet(m.group(), known):
            for i in range(m.start(), m.end()):
                chars[i] = _LEET.get(chars[i], chars[i])
    variant = "".join(chars)
    return (variant, index) if variant != original else None
