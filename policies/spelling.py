"""Misspellings and texting spellings, read as the words the rules know (the second pass).

Students type fast: "dissapear", "shcool", "tommorow", "beleive", "jus", "wanna", "bc", "xq".
Word lists of typos never end, so this is generic:

- **One edit** (Damerau: a letter dropped, doubled or added, swapped with its neighbour, or
  replaced): a token of 5+ letters that is not a known word and is one edit from exactly one
  English rule word of 6+ letters reads as that word. Spanish rule words take only a careful
  edit (a letter dropped, added or swapped before the last three letters), since their endings
  carry person and tense ("mataste" is not "matarte"). Known words (general English and
  Spanish vocabularies, the rules' own words) are never changed, so "patient" never becomes "parent".
  The rule words' deletion neighbourhoods are indexed once at policy load (SymSpell), so a
  token costs a few dictionary look-ups, however many rule words there are.
- **Texting contractions** ("wanna", "ima", "bc", "xq", "tmb"): a short table, expanded.

``respell`` returns the message as the rules' second pass reads it, with the index in the
original text of each character (like ``normalize.deobfuscate``); None when nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import cache
from pathlib import Path

MIN_TARGET = 6  # rule words shorter than this have too many one-edit neighbours
MIN_TOKEN = MIN_TARGET - 1
MAX_TOKEN = 20
MAX_CHANGES = 64  # per message: a flood of typos costs no more than this
# Unknown words looked up per message: a flood of junk words ("qzxvwlkj …") costs no more than
# this; a typo after that many unknown words is read only as written.
MAX_LOOKUPS = 64

# Texting contractions, English and Spanish: token -> what it stands for.
CONTRACTIONS: dict[str, str] = {
    "jus": "just", "juss": "just", "wanna": "want to", "wana": "want to", "gonna": "going to",
    "gona": "going to", "gotta": "got to", "ima": "i'm going to", "imma": "i'm going to",
    "tryna": "trying to", "lemme": "let me", "gimme": "give me", "bc": "because",
    "bcuz": "because", "bcoz": "because", "cuz": "because", "coz": "because",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "2morrow": "tomorrow",
    "2day": "today", "2nite": "tonight", "tonite": "tonight", "ppl": "people", "pls": "please",
    "plz": "please", "abt": "about", "sum1": "someone", "some1": "someone", "any1": "anyone",
    "every1": "everyone", "kno": "know", "dunno": "don't know", "prolly": "probably",
    # Spanish texting
    "q": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque", "xk": "porque",
    "tmb": "tambien", "tb": "tambien", "tmbn": "tambien", "toy": "estoy", "stoy": "estoy",
    "pa": "para", "pal": "para el",
    "kiero": "quiero", "qiero": "quiero", "kieres": "quieres", "bn": "bien", "dnd": "donde",
    "xfa": "por favor", "porfa": "por favor", "msj": "mensaje", "msjs": "mensajes",
    "tqm": "te quiero mucho", "aki": "aqui", "kien": "quien", "kuando": "cuando",
}

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_WORDCH = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'")
_MAX_REMEMBERED = 50_000
# Words as bytes: upper case folded to lower, non-ASCII bytes kept inside their word.
_BYTE_SPLIT = bytes(c + 32 if 65 <= c <= 90 else c if c in _WORDCH or c >= 0x80 else 32
                    for c in range(256))
_KNOWN_PATH = Path(__file__).resolve().parent / "data" / "known_words.txt"


class WordView:
    """Membership in one list of a ``KnownWords`` (``word in known.english``), text or bytes."""

    __slots__ = ("_flags", "_bit")

    def __init__(self, flags: dict[bytes, int], bit: int) -> None:
        self._flags, self._bit = flags, bit

    def __contains__(self, word: object) -> bool:
        key = word.encode() if isinstance(word, str) else word
        return bool(self._flags.get(key, 0) & self._bit)  # type: ignore[call-overload]


class KnownWords:
    """General English and Spanish vocabularies, each word stored once: one dict of UTF-8 words
    to flags (which lists hold the word). The two lists as sets of text plus the speller's copy
    as bytes (its fast path splits messages into bytes) were 17 MB in every process; this is 9."""

    ENGLISH, SPANISH = 1, 2

    def __init__(self, english: Iterable[str], spanish: Iterable[str]) -> None:
        flags: dict[bytes, int] = {}
        for bit, words in ((self.ENGLISH, english), (self.SPANISH, spanish)):
            for w in words:
                key = w.encode()
                flags[key] = flags.get(key, 0) | bit
        # Never changed (the speller and the gloss share it), and an exact dict: ``set.difference``
        # looks each token up in one at C speed (a read-only proxy would walk every word).
        self.flags = flags
        self.english = WordView(flags, self.ENGLISH)
        self.spanish = WordView(flags, self.SPANISH)

    def words(self, bit: int) -> Iterator[str]:
        """The words of one list, as text."""
        return (k.decode() for k, f in self.flags.items() if f & bit)


@cache
def known_words() -> KnownWords:
    """General English and Spanish vocabularies (``policies/data/known_words.txt``)."""
    sections: dict[str, list[str]] = {"en": [], "es": []}
    current = sections["en"]
    for line in _KNOWN_PATH.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line in ("[en]", "[es]"):
            current = sections[line[1:3]]
            continue
        current.extend(line.split())
    return KnownWords(sections["en"], sections["es"])


_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")


def spanish_inflections(known: KnownWords) -> frozenset[str]:
    """The other gender and number of each Spanish participle ``known`` has ("pegado" →
    "pegada", "pegados", "pegadas") that neither list has: a word frequency list holds most
    participles in one form only, and an unknown form one letter from a rule word would be read as
    that word ("vive pegada a TikTok" as "apegada", attached)."""
    out = set()
    for word in known.words(KnownWords.SPANISH):
        if len(word) > 4 and word.endswith(("ado", "ada", "ido", "ida")):
            stem = word[:-1]
            out.update(f for f in (stem + "o", stem + "a", stem + "os", stem + "as")
                       if f.encode() not in known.flags)
    return frozenset(out)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


_DOUBLE = re.compile(r"([a-z])\1+")


def _undouble(word: str) -> str:
    return _DOUBLE.sub(r"\1", word)


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one Damerau edit (drop, add, replace, swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # replaced
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return (a[i + 1:] == b[i:]) if la > lb else (a[i:] == b[i + 1:])


def careful_edit(a: str, b: str) -> bool:
    """A one-edit typo that leaves the word's ending alone: a letter dropped, added or swapped
    before the last three letters (never a replaced letter, never in the ending)."""
    la, lb = len(a), len(b)
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if i >= min(la, lb) - 3:
        return False
    if la == lb:
        return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return (a[i + 1:] == b[i:]) if la > lb else (a[i:] == b[i + 1:])


class Speller:
    """Reads misspelled tokens as rule words, through a deletion-neighbourhood index."""

    def __init__(self, targets: Iterable[str], known: KnownWords) -> None:
        """``targets``: the rules' words; only English ones of 6+ letters are read into (Spanish
        verb forms one edit apart are different words: "mataste" is not "matarte").
        ``known``: general English and Spanish words, never changed (``known_words()``, shared
        with the encoder's Spanish gloss)."""
        targets = list(targets)
        words = [w for w in targets if len(w) >= MIN_TARGET and w.isalpha()]
        self.targets = frozenset(words)
        # Other (Spanish) rule words are read into only through a careful edit (``careful_edit``):
        # their endings carry person and tense ("mataste" is not "matarte").
        self._careful = frozenset(w for w in words if w not in known.english)
        # Known words: the shared lists (bytes → flags), and the speller's own few: the rules' words
        # and the participle forms the Spanish list lacks ("pegado", not "pegada").
        self._known_b = known.flags
        self._extra_b = frozenset(w.encode() for w in (*targets, *spanish_inflections(known))
                                  if w.encode() not in known.flags)
        index: dict[str, set[str]] = {}
        for w in self.targets:
            index.setdefault(w, set()).add(w)
            for d in _deletes(w):
                index.setdefault(d, set()).add(w)
        # A key naming one word keeps that word, others a tuple: ≈ 35,000 keys, nearly all naming
        # one word (a tuple or set each would be 2–6 MB more).
        self._index: dict[str, str | tuple[str, ...]] = {
            k: next(iter(v)) if len(v) == 1 else tuple(v) for k, v in index.items()}
        # Doubled letters put in the wrong place ("dissapear", "tommorow") are two edits; the
        # words with every double letter written once ("disapear", "tomorow") meet.
        skeletons: dict[str, set[str]] = {}
        for w in self.targets:
            skeletons.setdefault(_undouble(w), set()).add(w)
        self._skeletons = {k: tuple(v) for k, v in skeletons.items()}
        self._cache: dict[str, str | None] = {}
        # The fast path (most messages have no typo): the message's words as bytes, split and
        # compared with the known words at C speed.
        self._short_b = frozenset(w.encode() for w in CONTRACTIONS)
        self._clean_b: set[bytes] = set()

    def worth_reading(self, text: str, tokens: Collection[str] | Collection[bytes] | None = None) -> bool:
        """Whether ``text`` holds a contraction or an unknown word that may be a typo.
        ``tokens``: its words already split by the concept layer (bytes for ASCII text), which
        saves splitting it again. Otherwise bytes of non-ASCII letters stay inside their word,
        whose token is then skipped (an accented word is not a typo), as the full pass does.
        Tokens once found to be no typo are remembered (one memory for text and bytes tokens: a
        flood of junk words in one message can decide how soon a later one reaches the look-up
        cap), so the usual message costs a look-up of each token in the known words and two set
        differences."""
        if tokens is None:
            tokens = set(text.encode().translate(_BYTE_SPLIT).split())
        elif tokens and isinstance(next(iter(tokens)), str):
            tokens = {t.encode() for t in tokens}  # type: ignore[union-attr]
        if not tokens:
            return False
        if not self._short_b.isdisjoint(tokens):
            return True
        # Each step walks the few tokens (``a.difference(b, c)`` would walk every known word;
        # ``difference`` with a dict looks each token up in it).
        as_set = tokens if isinstance(tokens, (set, frozenset)) else set(tokens)
        rest = as_set.difference(self._known_b)
        if rest:
            rest = rest - self._extra_b - self._clean_b
        clean = self._clean_b
        looked = 0
        for t in rest:
            if len(t) < MIN_TOKEN:
                continue
            word = t.decode()
            if not word.isascii():
                continue
            if self.correct(word):
                return True
            if len(clean) < _MAX_REMEMBERED:
                clean.add(t)
            looked += 1
            if looked >= MAX_LOOKUPS:
                return True  # the full pass decides, in the message's order (also capped)
        return False

    def typo_free(self, token: bytes) -> bool:
        """Whether an ASCII word (bytes, lower case) is no contraction and no typo ``respell``
        would read (the per-word part of ``worth_reading``)."""
        if token in self._short_b:
            return False
        if (token in self._known_b or token in self._extra_b or token in self._clean_b
                or len(token) < MIN_TOKEN):
            return True
        return self.correct(token.decode()) is None

    def correct(self, token: str) -> str | None:
        """The one rule word ``token`` is a misspelling of, or None (known, ambiguous, none)."""
        if token in self._cache:
            return self._cache[token]
        found: str | None = None
        if (MIN_TOKEN <= len(token) <= MAX_TOKEN and token.isalpha()
                and not self.is_known(token)):
            candidates: set[str] = set()
            for key in (token, *_deletes(token)):
                found_words = self._index.get(key, ())
                if isinstance(found_words, str):
                    candidates.add(found_words)
                else:
                    candidates.update(found_words)
            close = [w for w in candidates if within_one_edit(token, w)
                     and (w not in self._careful or careful_edit(token, w))]
            if not close:
                close = list(self._skeletons.get(_undouble(token), ()))
            found = close[0] if len(close) == 1 else None
        if len(self._cache) < _MAX_REMEMBERED:
            self._cache[token] = found
        return found

    def is_known(self, token: str) -> bool:
        """A known word, or one with a regular English ending ("moles", "texted")."""
        if self._in_known(token):
            return True
        return any(token.endswith(e) and self._in_known(token[:-len(e)]) for e in _ENDINGS)

    def _in_known(self, word: str) -> bool:
        key = word.encode()
        return key in self._known_b or key in self._extra_b

    def respell(self, text: str, tokens: Collection[str] | Collection[bytes] | None = None
                ) -> tuple[str, list[int]] | None:
        """``text`` with contractions expanded and misspellings read as rule words,
        and the index in ``text`` of each character; None when nothing changes."""
        if not self.worth_reading(text, tokens):
            return None
        out: list[str] = []
        index: list[int] = []
        pos = changes = looked = 0
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if not tok.isascii():
                continue  # an accented word was typed with care: not a typo
            tok = tok.lower()
            new = CONTRACTIONS.get(tok)
            if new is None and len(tok) >= MIN_TOKEN and looked < MAX_LOOKUPS \
                    and not self.is_known(tok):
                looked += 1
                new = self.correct(tok)
            if new is None:
                continue
            a, b = m.start(), m.end()
            out.append(text[pos:a])
            index.extend(range(pos, a))
            out.append(new)
            # each new letter points at the original letter in its place (the last one after)
            index.extend(min(a + i, b - 1) for i in range(len(new)))
            pos = b
            changes += 1
            if changes >= MAX_CHANGES:
                break
        if not changes:
            return None
        out.append(text[pos:])
        index.extend(range(pos, len(text)))
        return "".join(out), index
