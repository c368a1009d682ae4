"""The words the rules know, for reading stretched spellings ("goood" is "good", not "god").

``normalize.destretch`` squeezes a run of three or more letters to two or one and keeps the
spelling a vocabulary knows. The rules' vocabulary is every word in their own word classes,
concept templates, phrase patterns and word lists: a squeezed spelling matters to a rule only
when it is one of those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ESCAPE = re.compile(r"\\.")
_WORDS = re.compile(r"[a-z]{2,}(?:'[a-z]+)?")


def words_in(texts: Iterable[str]) -> frozenset[str]:
    """Lower-case words (2+ letters) written in rule sources: patterns, classes, word lists.
    Regex escapes are removed first (``\\bsecret`` holds "secret", not "bsecret")."""
    out: set[str] = set()
    for t in texts:
        out.update(_WORDS.findall(_ESCAPE.sub(" ", t.lower()).replace("_", " ")))
    return frozenset(out)


def rules_vocabulary() -> frozenset[str]:
    """Every word the shipped rules are written with (computed once per policy load)."""
    from policies.rules.concepts import ALL_RULES
    from policies.rules.concepts.lexicon import LEXICON
    from policies.rules.phrases import RULES
    from policies.rules.words import EXTRA_BLOCK, load_ordinary_words, load_profanity_list

    sources: list[str] = list(LEXICON.specs.values())
    sources += [t for r in ALL_RULES for t in r.templates]
    sources += [p for pats in RULES.values() for p in pats]
    sources += load_profanity_list() + list(EXTRA_BLOCK) + sorted(load_ordinary_words())
    return words_in(sources)
