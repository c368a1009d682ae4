"""Profanity: better-profanity's word list matched on folded tokens, robust to common evasions.

Evasions handled: leetspeak (``sh1t``, ``a$$``), masks (``f*ck``), repeated letters
(``fuuuck``), letters split by separators (``f.u.c.k``, ``f u c k``, ``fu ck``), look-alike and
invisible characters (folded by ``policies.normalize``). Whole tokens only, so ``classic``,
``cockpit`` and ``Scunthorpe`` pass; allow-phrases (``Dick Van Dyke``) mask their words.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

from policies.regex import ENGINE, compile_pattern

_TOKEN = re.compile(r"[a-z0-9@$!|+*#_]+")
_REPEAT = re.compile(r"([a-z])\1\1")
# Letters mixed with digits or symbols the way leetspeak and masks mix them ("sh1t", "f*ck",
# "a$$", "$hit", "@ss"), but not "3:30pm", "2nd", "10am", "hello!" or "@maria".
_LEETISH = re.compile(
    r"[a-z][0-9@$!|+*#_]+[a-z]|[a-z][@$*#_]+(?![a-z0-9])"
    r"|(?<![a-z0-9])[$!|+*#_0-9][a-z]{2,}(?<!st)(?<!nd)(?<!rd)(?<!th)(?<!am)(?<!pm)"
    r"|(?<![a-z0-9])@[s$][s$]"
)
_RUN1 = re.compile(r"([a-z0-9@$!|+*#_])\1+")
_RUN2 = re.compile(r"([a-z0-9@$!|+*#_])\1\1+")
_SINGLES = compile_pattern(r"\b[a-z](?:[ ._*,/-]{1,3}[a-z]\b){2,}")
_MASKED = re.compile(r"(?<![a-z0-9])[a-z]{1,12}[*#_]{1,10}[a-z*#_]{0,12}")
# The same tests as ``_LEETISH``/``_REPEAT`` without look-behind or back-references, so re2 can
# run them (and the block list, stems, splits and phrases) as ONE pass over the message.
_BANNED_PAIR_FREE = r"(?:[b-mo-z][a-z]|a[a-ln-z]|n[a-ce-z]|p[a-ln-z]|r[a-ce-z]|s[a-su-z]|t[a-gi-z])"
_LEETISH_RE2 = (
    r"[a-z][0-9@$!|+*#_]+[a-z]|[a-z][@$*#_]+(?:[^a-z0-9]|$)"
    r"|(?:^|[^a-z0-9])[$!|+*#_0-9](?:[a-z]{3}|" + _BANNED_PAIR_FREE + r")"
    r"|(?:^|[^a-z0-9])@[s$][s$]"
)
_REPEAT_RE2 = "|".join(c * 3 for c in "abcdefghijklmnopqrstuvwxyz")
_TOKCH = "a-z0-9@$!|+*#_"
_LEET = str.maketrans("0134567@$!|+89", "oieasgtasiltbg")
_LEET_ALT = str.maketrans("0134567@$!|+89", "oleasgtasiitbg")
_DIGITS = re.compile(r"[0-9]")

# Unmistakable words whose evasions (masks, splits, vowel-less forms) are worth hunting for,
# and stems that make any token profane when it starts or ends with them.
STRONG = (
    "fuck", "fucking", "fucker", "fucked", "shit", "shitty", "bullshit", "bitch", "bitches",
    "cunt", "dick", "dickhead", "pussy", "whore", "slut", "asshole", "ass", "bastard",
    "motherfucker", "cock", "damn", "crap", "piss", "twat", "wanker", "prick", "nigger",
    "nigga", "faggot", "retard", "fag", "beaner", "midget", "dyke",
)
STEMS_START = ("fuck", "shit", "bitch", "cunt", "whore", "slut", "motherf", "nigg")
STEMS_END = ("fuck", "fucker", "shit", "bitch", "cunt", "whore", "slut")
EXTRA_BLOCK = (
    "fck", "fcking", "fckin", "fckn", "fk", "fkn", "fking", "fkin", "fkd", "fcked", "sht",
    "btch", "biatch", "azz", "dipshit", "asshat", "shitshow", "effing", "frickin",
    "fag", "fags", "beaner", "beaners", "dyke", "midget",
)
ALLOW_PHRASES = (
    "dick van dyke", "van dyke", "moby dick", "philip k dick", "dick's sporting goods",
    "dick tracy", "cum laude", "magna cum", "summa cum", "hell's kitchen", "hells kitchen",
    "homo sapiens", "homo erectus", "tit for tat", "negro league", "negro leagues",
    "sex ed", "sex education", "what the heck", "hell gate", "pen island", "shiitake",
    # "hell" as "he'll" after a verb of saying or thinking ("my dad said hell throw me out")
    "said hell", "says hell", "think hell", "thinks hell", "hope hell", "bet hell", "know hell",
    "swear hell", "promised hell", "guess hell", "sure hell", "worried hell", "scared hell",
)


def load_profanity_list() -> list[str]:
    """better-profanity's own word list, read from the installed package (not copied here),
    plus the shipped Spanish list (policies/data/profanity_es.txt). The package is found, not
    imported: importing it builds its own censor's tables (≈ 1 MB we never use)."""
    spec = importlib.util.find_spec("better_profanity")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("better-profanity is not installed (its word list is the policy's)")
    data = Path(next(iter(spec.submodule_search_locations))) / "profanity_wordlist.txt"
    words = [w.strip().lower() for w in data.read_text(encoding="utf-8").splitlines() if w.strip()]
    path = Path(__file__).resolve().parent.parent / "data" / "profanity_es.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        words += line.split("#", 1)[0].split()
    return words


def load_ordinary_words() -> set[str]:
    """The shipped allow-list of list words that are ordinary in school and career chat."""
    path = Path(__file__).resolve().parent.parent / "data" / "ordinary_words.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return words


def _collapse(token: str, keep: int) -> str:
    """Squeeze runs of one letter to at most ``keep`` letters (``fuuuck`` -> ``fuck``)."""
    return _RUN1.sub(r"\1", token) if keep == 1 else _RUN2.sub(r"\1\1", token)


class WordMatcher:
    """Finds blocked words in folded text; returns (start, end, word) spans of that text."""

    def __init__(self, *, block: Iterable[str], allow: Iterable[str],
                 allow_phrases: Iterable[str] = ALLOW_PHRASES) -> None:
        allow_set = {w.lower() for w in allow}
        singles: set[str] = set()
        phrases: set[str] = set()
        for w in block:
            w = w.lower().strip()
            if not w or w in allow_set:
                continue
            (phrases if " " in w else singles).add(w)
            # Hyphenated or dotted list entries ("ass-fucker", "s.o.b.") also match joined.
            joined = re.sub(r"[-_. ]", "", w)
            if joined != w and joined not in allow_set and joined.isalnum():
                singles.add(joined)
        self.block = frozenset(s for s in singles if _TOKEN.fullmatch(s))
        self.allow = frozenset(allow_set)
        self._collapsed = {_collapse(w, 1): w for w in self.block if w.isalpha()}
        strong = [w for w in STRONG if w in self.block]
        self._strong_by_len: dict[int, list[str]] = {}
        for w in strong:
            self._strong_by_len.setdefault(len(w), []).append(w)
        self._stems_start = tuple(s for s in STEMS_START if s not in allow_set)
        self._stems_end = tuple(s for s in STEMS_END if s not in allow_set)
        stems = sorted(set(self._stems_start) | set(self._stems_end), key=len, reverse=True)
        self._stem_re = re.compile("|".join(stems)) if stems else None
        splits = [
            re.escape(w[:i]) + r"[ ._*,/-]{1,3}" + re.escape(w[i:])
            for w in strong for i in range(2, len(w) - 1) if len(w) >= 4
        ]
        self._split_re = compile_pattern(r"\b(?:" + "|".join(splits) + r")\b")
        phrase_alts = [r"[^a-z0-9]{1,3}".join(map(re.escape, p.split())) for p in phrases]
        self._phrase_re = (
            compile_pattern(r"\b(?:" + "|".join(phrase_alts) + r")\b")
            if phrase_alts else None
        )
        ap = [r"[^a-z0-9]{0,3}".join(map(re.escape, re.findall(r"[a-z0-9]+", p)))
              for p in allow_phrases]
        self._allow_re = compile_pattern(r"\b(?:" + "|".join(ap) + r")\b")
        # One re2 pass that is true whenever the step-by-step checks in ``find`` would be.
        self._suspicious = None
        self.gate_pattern = ""
        if ENGINE == "re2":
            words = "|".join(re.escape(w) for w in sorted(self.block, key=len, reverse=True))
            parts = [
                rf"(?:^|[^{_TOKCH}])(?:{words})(?:$|[^{_TOKCH.replace('!', '')}])",
                _LEETISH_RE2, _REPEAT_RE2, _SINGLES.pattern, self._split_re.pattern,
            ]
            if stems:
                parts.append("|".join(map(re.escape, stems)))
            if self._phrase_re is not None:
                parts.append(self._phrase_re.pattern)
            self.gate_pattern = "|".join(f"(?:{p})" for p in parts)
            self._suspicious = compile_pattern(self.gate_pattern)

    def _token_bad(self, tok: str) -> str | None:
        """The list word a single token stands for, or None."""
        if tok in self.allow:
            return None
        if tok in self.block:
            return tok
        forms = [tok]
        base = tok.rstrip("!?.,;:") or tok
        stripped = base.strip("@$!|+*#_0123456789")
        for f in (base, stripped):
            if f and f not in forms:
                forms.append(f)
        letters = sum(c.isalpha() for c in base)
        if not base.isalpha() and (letters >= 2 or letters >= len(_DIGITS.findall(base)) + 1):
            forms.append(base.translate(_LEET))
            forms.append(base.translate(_LEET_ALT))
        for f in forms[1:]:
            if f in self.allow:
                return None
            if f in self.block:
                return f
        for f in forms:
            if not f:
                continue
            squeezed = _collapse(f, 1)
            if squeezed != f:
                if f in self.allow or squeezed in self.allow:
                    return None
                for cand in (_collapse(f, 2), squeezed):
                    if cand in self.block:
                        return cand
                if squeezed in self._collapsed:
                    return self._collapsed[squeezed]
            word = squeezed if squeezed != f else f
            if word.isalpha() and word not in self.allow and (
                word.startswith(self._stems_start) or word.endswith(self._stems_end)
            ):
                return word
        return self._masked(tok) or self._masked(base)

    def _masked(self, tok: str) -> str | None:
        """``f*ck``, ``sh#t``, ``b__ch``: a strong word with some letters masked."""
        if not tok[:1].isalpha() or not any(c in "*#_" for c in tok):
            return None
        for w in self._strong_by_len.get(len(tok), ()):
            if all(c == d or c in "*#_" for c, d in zip(tok, w, strict=True)):
                return w
        return None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of blocked words in folded ``text``."""
        if self._suspicious is not None:
            if not self._suspicious.test(text):
                return []
            return self._find(text)
        toks = _TOKEN.findall(text)
        suspicious = (
            not self.block.isdisjoint(toks)
            or ("!" in text and not self.block.isdisjoint([t.rstrip("!") for t in toks]))
            or _LEETISH.search(text) is not None
            or _REPEAT.search(text) is not None
            or (self._stem_re is not None and self._stem_re.search(text) is not None)
            or _SINGLES.search(text) is not None
            or self._split_re.search(text) is not None
            or (self._phrase_re is not None and self._phrase_re.search(text) is not None)
        )
        if not suspicious:
            return []
        return self._find(text)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        repeats = _REPEAT.search(text) is not None
        block, stems_s, stems_e = self.block, self._stems_start, self._stems_end
        seen: dict[str, str | None] = {}
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if len(tok) < 2 or tok.isdigit() or (tok.isalpha() and tok not in block and not (
                (repeats and _REPEAT.search(tok)) or tok.startswith(stems_s)
                or tok.endswith(stems_e)
            )):
                continue  # a plain word or number that is not on the list: the common case
            if len(tok) > 60:  # no list word is this long unless letters were stretched
                tok = _collapse(tok, 1)
                if len(tok) > 60:
                    continue
            if tok in seen:
                word = seen[tok]
            else:
                word = seen[tok] = self._token_bad(tok)
            if word:
                found.append((m.start(), m.end(), word))
                if len(found) >= 200:
                    break
        for m in _SINGLES.finditer(text):
            joined = re.sub(r"[^a-z]", "", m.group()[:800])
            word = self._in_run(joined)
            if word:
                found.append((m.start(), m.end(), word))
        for rx in (self._split_re, self._phrase_re):
            if rx is not None:
                found.extend((m.start(), m.end(), m.group()) for m in rx.finditer(text))
        if not found:
            return []
        allowed = [m.span() for m in self._allow_re.finditer(text)]
        if allowed:
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in allowed)]
        return found

    def _in_run(self, joined: str) -> str | None:
        """A blocked word spelled out letter by letter somewhere in a run of single letters."""
        for size in range(min(len(joined), 14), 2, -1):
            for i in range(len(joined) - size + 1):
                piece = joined[i:i + size]
                if piece in self.block and piece not in self.allow and len(piece) >= 3:
                    return piece
        return None
