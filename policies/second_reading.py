"""Whether the rules' second reading can change a message at all (the usual answer: no).

The second pass (``Policy.variant``) reads a message again with spelled-out words joined,
leetspeak read as letters, stretched letters squeezed and typos and texting spellings respelled.
Saying that none of these applies must cost a small part of the rules layer, so for plain ASCII
text (most chat) it is decided word by word, on the words the concept layer has already split:
a word once found plain — no letter next to a leetspeak digit, no letter written three times,
no contraction, no typo of a rule word — is remembered, and ordinary chat costs one set
difference and one re2 test (spelled-out words, "s n a p", span words). Any other message
takes the full path, whose steps each make their own exact check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from policies.deobfuscate import _is_leet
from policies.regex import compile_pattern
from policies.spelling import Speller

# ``deobfuscate``'s letter runs, necessary part, for ASCII text and without look-around (so re2
# runs it): three single letters apart by separators, not inside a word.
_ASCII_RUN_GATE = compile_pattern(
    r"(?:^|[^A-Za-z0-9'])[A-Za-z](?:[\t-\r\x1c-\x1f ._*\-/,+|~:;=^\\#]+[A-Za-z]){2}(?:$|[^A-Za-z0-9])")
_STRETCHED = re.compile(rb"([a-z])\1\1")
# Characters the concept layer's words do not keep as deobfuscate reads them: "@" and "$" are
# leetspeak there, "_" joins words, "<" opens a platform mention (blanked for the concepts).
_OTHER_SPLIT = re.compile(r"[@$_<]|[\x00-\x08\x0e-\x1b\x7f]")  # + control characters folded away
# A letter masked with "*" ("r*tarded") is read as the word it hides (a "*" is rare: tested first).
_MASK = re.compile(r"[A-Za-z]\*")

# Every ASCII byte but those: ``translate`` deleting these leaves only the others (a C loop, a
# fraction of the regex's cost on a 200-character message).
_NOT_OTHER = bytes(c for c in range(256) if c > 127 or _OTHER_SPLIT.match(chr(c)) is None)
_SHAPE = bytes(32 if c == 32 else 97 for c in range(256))  # every byte but a space to "a"
MAX_REMEMBERED = 50_000  # plain words remembered (a flood of new words is checked, not stored)


class SecondReadingGate:
    """For one policy: its known words (a number's leetspeak reading must not be one) and its
    speller (a word must be no typo of a rule word)."""

    def __init__(self, known: Callable[[str], bool], speller: Speller,
                 odd: Callable[[bytes], bool] | None = None) -> None:
        self._known = known
        self._speller = speller
        self._odd = odd  # a word turned round, doubled or run together (policies/rereading.py)
        self._odd_seen: dict[bytes, bool] = {}
        self._plain: set[bytes] = set()

    def reads_the_same(self, text: str, tokens: Collection[str] | Collection[bytes] | None,
                       words: list[bytes] | None = None) -> bool:
        """True when the second reading certainly changes nothing in ``text``; False when it may
        (then the full path decides). ``tokens``: the concept layer's words of ``text`` (bytes
        of the lower-cased text for ASCII), or None; ``words``: the same words in order, repeats
        kept (``ConceptLayer.last_words``), which spares most messages a re2 test."""
        if tokens is None or not text.isascii() or text.encode().translate(None, _NOT_OTHER) \
                or ("*" in text and _MASK.search(text) is not None) \
                or _bang_inside(text):
            return False
        plain = self._plain
        for w in tokens - plain:  # type: ignore[operator]
            if not isinstance(w, bytes) or not self._plain_word(w):
                return False
            if len(plain) < MAX_REMEMBERED:
                plain.add(w)
        return not _may_spell_out(text, words)

    def any_odd(self, tokens: Collection[bytes]) -> bool:
        """Whether an ASCII message's words (the concept layer's set) hold one that the readings
        of ``policies/rereading.py`` may change (backwards, doubled, run together). Plain words
        are remembered, so this looks only at the few others, and remembers their answer too."""
        if self._odd is None:
            return False
        seen = self._odd_seen
        for w in tokens - self._plain:  # type: ignore[operator]
            odd = seen.get(w)
            if odd is None:
                odd = self._odd(w)
                if len(seen) < MAX_REMEMBERED:
                    seen[w] = odd
            if odd:
                return True
        return False

    def _plain_word(self, w: bytes) -> bool:
        return (_STRETCHED.search(w) is None and self._speller.typo_free(w)
                and not _is_leet(w.decode(), self._known)
                and (self._odd is None or not self._odd(w)))


def _may_spell_out(text: str, words: list[bytes] | None) -> bool:
    """Whether ASCII ``text`` may hold letters spelled out one by one (``_ASCII_RUN_GATE``). Its
    first two letters are two one-letter words in a row: when ``words`` (its words in order)
    hold no such pair, a C-speed look at their shape says no for a fraction of the re2 test."""
    if words is not None and b" a a " not in (b" " + b" ".join(words) + b" ").translate(_SHAPE):
        return False
    return _ASCII_RUN_GATE.test(text)


def _bang_inside(text: str) -> bool:
    """Whether a "!" stands between two letters ("k!ll": leetspeak for "i"): that message takes
    the full path. A look at each "!" (most messages have none or one at a word's end)."""
    i = text.find("!")
    while i != -1:
        if 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            return True
        i = text.find("!", i + 1)
    return False
