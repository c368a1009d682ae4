"""A word-by-word English gloss of a Spanish or Spanglish message, read by the sentence encoder only.

all-MiniLM-L6-v2 learned English: a Spanish disclosure ("a veces pienso que todos estarían mejor
sin mí") barely moves its embedding, so the heads trail on Spanish however many Spanish rows they
are trained on. A crude gloss ("sometimes i think that everyone would be better without me") is
English enough for the model to place it near what it means. Only the embedding reads the gloss,
and only when the message looks Spanish; the rules, the n-gram partner and the coordinator see
the words as written. The lexicon (``policies/data/gloss_es_en.tsv``: phrases and word forms, no
morphology of our own) is pinned to the heads trained on its glosses (``heads.json`` meta).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Lexicon", "gloss", "load_lexicon", "looks_spanish", "LEXICON_PATH"]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "gloss_es_en.tsv"
MAX_PHRASE = 5  # words in the longest lexicon phrase tried
# Frequent Spanish words that are not everyday English words: two of them (one in a message of
# three words or fewer) make a message Spanish enough to gloss. "a", "me", "no", "con", "come"…
# are left out: English chat is full of them.
_MARKER_WORDS = """
que qué de del la las los el y en es está esta estoy están estás por para pero muy como cómo mi mis
tu tus te se lo una uno yo tú él ella ellos sin también tambien porque cuando cuándo donde dónde
hay tengo tiene tienes soy eres ya nada todo todos todas algo eso esto este nos les le su sus
sí más mas bien hoy mañana manana jaja jajaja jajajaja pues pa pq xq q ni nunca siempre aquí aqui
ahora entonces alguien nadie casa mamá papá voy vas va vamos quiero puedo hacer tener
dice dijo fue era estaba mucho mucha muchos poco otra otro cosa cosas gracias hola oye mira dime
ayuda miedo sola triste ahorita tarea escuela profe clase
"""
_MARKERS = frozenset(_MARKER_WORDS.split())
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+|\S")
_LAUGH = re.compile(r"(?:j[aeiou]){2,}j?|(?:js){2,}j?", re.IGNORECASE)


def _plain(word: str) -> str:
    """The word without accents (texting drops them: "estarian", "mañana" → "manana")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@dataclass(frozen=True)
class Lexicon:
    """Spanish phrase or word form (lower case) → its English gloss; ``sha256`` of the file."""

    entries: dict[str, str]
    sha256: str

    def lookup(self, key: str) -> str | None:
        found = self.entries.get(key)
        return found if found is not None else self.entries.get(_plain(key))


def parse_lexicon(raw: str, sha256: str = "") -> Lexicon:
    """``spanish<TAB>english`` lines (``#`` comments); accentless spellings are added where free."""
    entries: dict[str, str] = {}
    for number, line in enumerate(raw.split("\n"), 1):
        if not line or line[0] == "#":
            continue
        spanish, tab, english = line.partition("\t")
        if not tab or not spanish.strip():
            if not line.strip():
                continue
            raise ValueError(f"{LEXICON_PATH.name} line {number}: expected 'spanish<TAB>english'")
        key = spanish if spanish.islower() and "  " not in spanish else " ".join(spanish.lower().split())
        entries.setdefault(key, english.strip())
    for key in [k for k in entries if not k.isascii()]:
        entries.setdefault(_plain(key), entries[key])
    return Lexicon(entries, sha256)


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = path.read_bytes()
    return parse_lexicon(raw.decode("utf-8"), hashlib.sha256(raw).hexdigest())


def looks_spanish(words: list[str], lexicon: Lexicon | None = None) -> bool:
    """Two distinct Spanish words (one in a message of three words or fewer): a marker word, or
    a word that is not English (``policies/data/known_words.txt``) but Spanish or in the lexicon."""
    from policies.spelling import known_words

    english, spanish = known_words()
    entries = lexicon.entries if lexicon is not None else {}
    found = {w for w in words
             if w in _MARKERS or _LAUGH.fullmatch(w)
             or (w not in english and (w in spanish or w in entries))}
    return len(found) >= 2 or (len(found) == 1 and len(words) <= 3)


def gloss(text: str, lexicon: Lexicon | None = None) -> str | None:
    """The English gloss of a Spanish-looking ``text`` (None when it does not look Spanish or
    nothing in it is in the lexicon). Longest phrase first; unknown words, numbers and emoji stay
    as they are, and so does a single word that is English too when a neighbour is English only
    (Spanglish: "can u check mi cover letter" keeps "u", not Spanish "u" = "or")."""
    from policies.spelling import known_words

    tokens = _TOKEN.findall(text)
    words = [t.lower() for t in tokens]
    lexicon = lexicon or load_lexicon()
    if not looks_spanish([w for w in words if w[0].isalpha()], lexicon):
        return None
    english_words = known_words()[0]

    def english_only(j: int) -> bool:
        return 0 <= j < len(words) and words[j] in english_words and lexicon.lookup(words[j]) is None

    out: list[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        if not words[i][0].isalpha():
            out.append(tokens[i])
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            span = words[i:i + n]
            if n > 1 and not all(w[0].isalpha() for w in span):
                continue
            if n == 1 and (span[0] in english_words or len(span[0]) == 1) \
                    and (english_only(i - 1) or english_only(i + 1)):
                continue  # an English word (or a texting letter: "u") among English words
            english = lexicon.lookup(" ".join(span))
            if english is None and n == 1 and _LAUGH.fullmatch(span[0]):
                english = "haha"
            if english is not None:
                if english:
                    out.append(english)
                changed = changed or english != " ".join(span)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out) if changed else None
