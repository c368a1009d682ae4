"""Readings of a disguised message that a person makes at a glance but the fold does not.

The second pass (``Policy.variant``) reads these before its own steps:

* a whole message written backwards ("tahcpans no em dda") or upside down ("ʇɐɥɔdɐus uo ǝɯ ppɐ"),
  read turned round only when most of its letters are in no known word and most of the turned
  message's are: a message in another language or full of names stays as written;
* one word in an ordinary message written backwards ("I want to llik myself") or upside down
  ("llᴉʞ"): turned round only when the word is no known word and the turned one is a rule word;
* letters a "fancy text" alphabet uses for two letters ("ƚ" for "t" and "l", "ɯ" for "w" and
  "m", "×" for "x"): the reading that makes a known word;

and, after spelled-out letters are joined and stretched letters squeezed:

* every letter doubled ("kkiillll"): read single when the word is unknown and the single one known;
* words run together ("addmeonsnapchat", "iwanttokillmyself"): split into known words when the
  run is no known word itself ("therapist" is one, so it is never "the rapist"), every part is a
  known word, and the fewest parts do it (three or more: a two-part compound such as
  "throwbackthursday" changes nothing a rule reads).

Each step is gated by a character-class test or a dictionary look-up first; ordinary ASCII chat
never reaches them (``SecondReadingGate`` remembers its plain words, and ``odd_word`` is asked
only about a word it has not seen).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterable

from policies.normalize import normalize
from policies.spelling import KnownWords

# An upside-down letter (as a reader turns it the right way up) — the plain letters that turn into
# another plain letter (d/p, u/n, b/q) swap too. "ɾ" is left out: fancy-text alphabets use it as "r".
_FLIPPED = {
    "ɐ": "a", "q": "b", "ɔ": "c", "p": "d", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɥ": "h", "ᴉ": "i",
    "ʞ": "k", "ɯ": "m", "u": "n", "d": "p", "b": "q", "ɹ": "r", "ʇ": "t", "n": "u", "ʌ": "v",
    "ʍ": "w", "ʎ": "y", "ı": "i", "∀": "A", "Ɔ": "C", "Ǝ": "E", "Ⅎ": "F", "⅁": "G", "ſ": "J",
    "˥": "L", "Ԁ": "P", "⊥": "T", "∩": "U", "Λ": "V", "⅄": "Y", "¡": "!", "¿": "?",
}
# Turned letters that are no ordinary letter of any language's writing: a message holding one
# may be upside down ("ɯ" alone is not: fancy-text alphabets use it for "w").
_FLIP_GATE = re.compile("[ɐǝɥᴉʞɹʇʎʍɔɟƃ]")
# Letters that fancy-text alphabets use for two ASCII letters; the known word decides, and between
# two known words the letter of the character's own name ("ƚ" is "L WITH BAR": "look", not "took").
_AMBIGUOUS = {"ƚ": "lt", "ɯ": "mw", "×": "x"}
_AMBIGUOUS_GATE = re.compile("[ƚɯ×]")
_MAX_SPELLINGS = 16
_TOKEN = re.compile(r"(?:[^\W\d_]|×)+(?:'(?:[^\W\d_]|×)+)*")
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
# Words ``resegmented`` may change are among these: one plain scan (a back-reference in the pattern
# would cost ten times more on a long message); each word's reading is remembered.
# An ASCII run of letters that is a whole word: not the ASCII part of "presentación" (a review saw
# it cut at the accent and split into "pres en tac ión").
_RUN_CANDIDATE = re.compile(r"(?<![^\W\d_])[A-Za-z][A-Za-z']{3,}(?![^\W\d_])")
_MAX_REMEMBERED = 50_000
_TRIPLED = re.compile(r"(.)\1\1")
_LETTERS = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[^\W\d_]+")
# The share of a message's letters in known words below which it may be turned round, and the
# share its turned reading needs.
_TURN_BELOW, _TURNED_AT = 0.5, 0.8
_MIN_TURN_LETTERS = 6
# Words run together: the shortest run looked at, the longest, the fewest parts read.
_MIN_RUN, _MAX_RUN, _MIN_PARTS = 8, 40, 3
_MIN_REVERSED = 4  # a shorter backwards word is too often another word or a name
# Short words a run may hold: a one- or two-letter "word" of a general vocabulary is mostly an
# abbreviation ("st", "sc", "ma") that would split any name ("ma" + "son" ...).
_SHORT_PARTS = frozenset((
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me",
    "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "ya", "yo", "im", "ur",
    "de", "el", "en", "la", "lo", "mi", "se", "si", "su", "te", "tu", "un"))
# A run inside a link, an address, a handle or a hashtag is a name: left as written.
_NAME_MARKS = frozenset("/@:#_.0123456789")
# Endings a vocabulary lists once, on the stem: an unknown word that is a known stem plus one of
# them is a word ("mentorships", "despedirse"), not words run together ("de sped irse"). Spanish
# pronouns join an infinitive or a gerund only.
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ness", "ment", "ments", "ful", "less",
            "able")
_CLITICS = ("se", "me", "te", "lo", "la", "le", "nos", "los", "las", "les")
_CLITIC_HOSTS = ("ar", "er", "ir", "ndo")


class Rereader:
    """The readings above, for one policy's words: ``rule_words`` (the rules' vocabulary) and the
    general English and Spanish vocabularies."""

    def __init__(self, rule_words: Container[str], known: KnownWords) -> None:
        self._rule_words = rule_words
        self._english = known.english
        self._spanish = known.spanish
        self._seen: dict[str, str | None] = {}  # ``_reading`` of each word met

    # -- words ------------------------------------------------------------------------------

    def known(self, word: str) -> bool:
        """Whether a lower-case word is a word of the rules or of a general vocabulary (with or
        without its apostrophe: "dont", "don't")."""
        if word in self._rule_words or word in self._english or word in self._spanish:
            return True
        bare = word.replace("'", "")
        return bare != word and (bare in self._english or bare in self._rule_words)

    def _part(self, word: str) -> bool:
        """Whether ``word`` may be one part of a run of words (short ones from a fixed list)."""
        return word in _SHORT_PARTS if len(word) <= 2 else self.known(word)

    def odd_word(self, w: bytes) -> bool:
        """Whether an ASCII word (lower case, as the concept layer splits it) may be read by a
        step here: no known word, and backwards, un-doubled or split into words it is one. Asked
        once per new word (``SecondReadingGate`` remembers the plain ones)."""
        if len(w) < _MIN_REVERSED or w.isdigit():
            return False
        word = w.decode()
        if self.known(word) or not word.replace("'", "").isalpha():
            return False
        return word[::-1] in self._rule_words or self._reading(word) is not None

    def _folded_known(self, token: str) -> bool:
        """Whether a token, as the fold reads its letters, is a known word."""
        folded = token.lower() if token.isascii() else normalize(token).text.strip()
        return bool(folded) and self.known(folded)

    # -- whole message turned round ---------------------------------------------------------

    def _known_share(self, text: str, fold: bool) -> float:
        """The share of the letters of ``text`` (folded first when ``fold``; else a word with a
        letter the fold would change counts as unknown) that stand in known words; 0 for fewer
        than two words or ``_MIN_TURN_LETTERS`` letters (too little to tell)."""
        words = (_LETTERS.findall(normalize(text).text.replace("'", "")) if fold
                 else _WORDS.findall(text.lower().replace("'", "")))
        total = sum(len(w) for w in words)
        if len(words) < 2 or total < _MIN_TURN_LETTERS:
            return 0.0
        return sum(len(w) for w in words if self.known(w)) / total

    def turned(self, text: str) -> tuple[str, list[int]] | None:
        """``text`` turned round (read backwards, or upside down) when it reads in known words
        only that way, else its backwards or upside-down words turned one by one; with the index
        in ``text`` of each character. None when nothing turns (the usual case)."""
        flipped = _FLIP_GATE.search(text) is not None
        ambiguous = _AMBIGUOUS_GATE.search(text) is not None
        if not (flipped or ambiguous or text.isascii()):
            return None  # the usual non-ASCII message (accents, emoji): two scans
        if flipped or text.isascii():
            whole = "".join(_FLIPPED.get(c, c) for c in reversed(text)) if flipped else text[::-1]
            if self._known_share(text, False) < _TURN_BELOW and self._known_share(whole, True) >= _TURNED_AT:
                return whole, list(range(len(text) - 1, -1, -1))
        edits: list[tuple[int, int, str, bool]] = []
        for m in (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text):
            turn = self._turned_word(m.group(), flipped, ambiguous)
            if turn is not None:
                edits.append((m.start(), m.end(), *turn))
        if not edits:
            return None
        chars, index = list(text), list(range(len(text)))
        for a, b, new, backwards in edits:
            chars[a:b] = new
            if backwards:
                index[a:b] = range(b - 1, a - 1, -1)
        return "".join(chars), index

    def _turned_word(self, token: str, flipped: bool, ambiguous: bool) -> tuple[str, bool] | None:
        """One word's reading (same length) and whether it runs backwards: upside down, with
        two-letter look-alikes resolved, or backwards; None when it is a known word already or no
        reading is one."""
        if ambiguous and _AMBIGUOUS_GATE.search(token) is not None:
            resolved = self._resolved(token)  # before the fold's own reading ("ƚ" as "t")
            if resolved is not None:
                return resolved, False
        if self._folded_known(token):
            return None
        if flipped and _FLIP_GATE.search(token) is not None:
            up = "".join(_FLIPPED.get(c, c) for c in reversed(token))
            if self._folded_known(up):
                return up, True
        if token.isascii() and len(token) >= _MIN_REVERSED and token.lower()[::-1] in self._rule_words:
            return token[::-1], True
        return None

    def _resolved(self, token: str) -> str | None:
        """``token`` with each two-letter look-alike read as the letter that makes a known word:
        a rule word first, then a word both vocabularies know, then any known word; between
        equals, the first spelling (each character's own letter first)."""
        slots = [i for i, c in enumerate(token) if c in _AMBIGUOUS]
        best, best_rank = None, 0
        for n, pick in enumerate(itertools.product(*(_AMBIGUOUS[token[i]] for i in slots))):
            if n >= _MAX_SPELLINGS:
                break
            chars = list(token)
            for i, c in zip(slots, pick, strict=True):
                chars[i] = c
            spelled = "".join(chars)
            folded = spelled.lower() if spelled.isascii() else normalize(spelled).text.strip()
            rank = (2 * (folded in self._rule_words) + (folded in self._english)) if self.known(folded) else 0
            if rank > best_rank:
                best, best_rank = spelled, rank
        return best

    # -- doubled letters and words run together ---------------------------------------------

    def _undoubled(self, word: str) -> str | None:
        """A word with every letter written twice ("kkiillll", "ppiicc") read once, when that is
        a known word (and the word as written is not)."""
        if len(word) < 4 or len(word) % 2 or any(word[i] != word[i + 1] for i in range(0, len(word), 2)):
            return None
        single = word[::2]
        return single if self.known(single) else None

    def _inflected(self, word: str) -> bool:
        """Whether ``word`` is a known stem (three letters or more) plus one of ``_ENDINGS``, or a
        known Spanish infinitive or gerund plus pronouns ("despedirse", "decirselo")."""
        if any(word.endswith(e) and len(word) - len(e) >= 3 and self.known(word[:-len(e)]) for e in _ENDINGS):
            return True
        for e in _CLITICS:
            stem = word[:-len(e)]
            if word.endswith(e) and (self._inflected(stem) if stem.endswith(_CLITICS) else
                                     stem.endswith(_CLITIC_HOSTS) and stem in self._spanish):
                return True
        return False

    def split(self, word: str) -> list[str] | None:
        """The known words (``_MIN_PARTS`` or more) that ``word`` is written of, when it is no known
        word itself: fewest words the rules never use first ("add me on", not "add meon"), then
        fewest words, then the longest words. None otherwise — also when the fewest words it can be
        read as are fewer than ``_MIN_PARTS``: "therapistfinder" is two words, so it is never read
        "the rapist finder" (a review found it when only the preferred split was counted)."""
        n = len(word)
        if n < _MIN_RUN or n > _MAX_RUN or self.known(word) or self._inflected(word):
            return None
        fewest = self._best_split(word, by_parts=True)
        if fewest is None or len(fewest) < _MIN_PARTS:
            return None
        return self._best_split(word, by_parts=False)

    def _best_split(self, word: str, *, by_parts: bool) -> list[str] | None:
        """The split of ``word`` into known parts that is best by (parts, rare parts, -sum of squared
        lengths) when ``by_parts``, else by (rare parts, parts, -sum of squared lengths)."""
        n = len(word)
        # best[i]: (key, key, -sum of squared lengths, parts) for word[:i]
        best: list[tuple[int, int, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, 0, 0, [])
        for end in range(1, n + 1):
            for start in range(max(0, end - 20), end):
                prev = best[start]
                part = word[start:end]
                if prev is None or not self._part(part):
                    continue
                rare = int(len(part) > 2 and part not in self._rule_words)
                first, second = (1, rare) if by_parts else (rare, 1)
                cand = (prev[0] + first, prev[1] + second, prev[2] - len(part) ** 2, prev[3] + [part])
                if best[end] is None or cand[:3] < best[end][:3]:  # type: ignore[index]
                    best[end] = cand
        found = best[n]
        return None if found is None else found[3]

    def _reading(self, word: str) -> str | None:
        """A word read once (doubled letters) or split (spaces between its words), or None;
        remembered (a long message's long words are mostly the same known words)."""
        seen = self._seen
        if word in seen:
            return seen[word]
        reading = None
        if not self.known(word):
            single = self._undoubled(word)
            # A letter written three times is stretched ("seeelfie"): squeezing reads it, not a split.
            parts = None if single is not None or _TRIPLED.search(word) else self.split(word)
            reading = single if single is not None else " ".join(parts) if parts else None
        if len(seen) < _MAX_REMEMBERED:
            seen[word] = reading
        return reading

    def any_reading(self, tokens: Iterable[str] | Iterable[bytes]) -> bool:
        """Whether any of a message's words (the concept layer's set: bytes or text) has a reading
        ``resegmented`` makes: a long message asks each distinct word once (remembered), not each
        word of its text."""
        for w in tokens:
            if len(w) < _MIN_REVERSED:
                continue
            word = w.decode() if isinstance(w, bytes) else w
            if (len(word) >= _MIN_RUN or (word[0] == word[1] and word[2] == word[3])) \
                    and self._reading(word) is not None:
                return True
        return False

    def read_runs(self, text: str) -> list[tuple[int, int, str]]:
        """The words of ``text`` read otherwise — doubled letters read once, a run split — as
        (start, end, reading); never a link, a handle or a hashtag."""
        runs = []
        for m in _RUN_CANDIDATE.finditer(text):
            word = m.group()
            if len(word) < _MIN_RUN and (word[0] != word[1] or word[2] != word[3]):
                continue  # neither long enough to hold three words nor written doubled
            reading = self._reading(word.lower())
            if reading is not None and not _names_something(text, m.start(), m.end()):
                runs.append((m.start(), m.end(), reading))
        return runs

    def resegmented(self, text: str) -> tuple[str, list[int]] | None:
        """``text`` with doubled-letter words read once and words run together split (spaces
        inserted), with the index in ``text`` of each character; None when nothing changes."""
        out: list[str] = []
        index: list[int] = []
        pos = 0
        for a, b, reading in self.read_runs(text):
            single, parts = (reading, None) if " " not in reading else (None, reading.split(" "))
            out.append(text[pos:a])
            index.extend(range(pos, a))
            if single is not None:
                out.append(single)
                index.extend(range(a, b, 2))
            else:
                at = a
                for k, part in enumerate(parts or []):
                    if k:
                        out.append(" ")
                        index.append(at - 1)
                    out.append(part)
                    index.extend(range(at, at + len(part)))
                    at += len(part)
            pos = b
        if pos == 0:
            return None
        out.append(text[pos:])
        index.extend(range(pos, len(text)))
        return "".join(out), index


def _names_something(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is part of a link, address, handle or hashtag:
    its whitespace-delimited chunk holds one of ``_NAME_MARKS`` next to letters."""
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 60:
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace() and right - end < 60:
        right += 1
    chunk = text[left:right].rstrip(".,!?;:)\"'").lstrip("(\"'")
    return any(c in _NAME_MARKS for c in chunk)


def composed(first: list[int] | None, then: list[int]) -> list[int]:
    """The index into the original of a reading of a reading."""
    return then if first is None else [first[i] for i in then]

