"""The concept-rule language: word classes combined by proximity, compiled to linear regexes.

A rule names one act (a CONCEPT such as ``grooming.risk_assessment``) and lists templates.
A template is a row of elements separated by spaces:

- ``UPPER`` — a word class from the lexicon (lemmas, inflections, texting spellings, Spanish
  with and without accents: the text is folded first, so "papás" is "papas");
- anything else — a literal regex fragment in lower case, where ``_`` stands for one separator
  ("between_us"), e.g. ``(are|r)`` or ``home_alone``;
- ``~N`` — the next join lets up to N other words in between (the default is ``GAP`` words),
  so "does your mom check your phone" also matches "does ur mom EVER check ur phone";
- ``^`` / ``$`` — the start / end of a clause; ``?`` — a question mark follows; ``,`` — a
  comma (", sweetheart");
- ``( a B | c )`` — alternatives, each itself a row (classes and gaps allowed inside);
  ``( … )?`` — an optional group.

Words never join across a sentence end (``. ! ?`` or a new line). Every repetition is over a
character class that is disjoint from what follows it, so the pattern stays linear in re2
and in the ``re`` fallback alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policies.rules.concepts.anchors import class_words, commonness, first_words

WORD = r"[a-z0-9']+"
SEP = r"[^a-z0-9'.!?\n]+"  # inside one clause: spaces, commas, quotes, emoji
GAP = 2
_INFLECT = r"(?:s|es|ed|d|ing|in|n)?"
_CLASS_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_GAP_TOKEN = re.compile(r"~([0-9])")


Anchors = frozenset[str] | None  # the words an element cannot match without (None: unknown)


class Lexicon:
    """Word classes: each as a regex alternation and as its anchor words."""

    def __init__(self, specs: dict[str, str]) -> None:
        self.specs = dict(specs)
        # A spec starting with "re:" is one raw regex (an open-ended shape such as a username).
        self.regex = {name: (f"(?:{spec[3:]})" if spec.startswith("re:") else forms(spec))
                      for name, spec in specs.items()}
        self.anchors = {name: (None if spec.startswith("re:") else class_words(spec, _INFLECT))
                        for name, spec in specs.items()}


def best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The anchor set that filters best (least common words, then fewest)."""
    return min(sets, key=commonness) if sets else None


def forms(spec: str) -> str:
    """One word class as an alternation: space-separated forms, ``_`` a separator, ``%``
    after a word the regular English inflections (``check%``: check, checks, checked…)."""
    alts = []
    for form in spec.split():
        alts.append(form.replace("%", _INFLECT).replace("_", SEP))
    # Longer forms first: alternation is leftmost-first in both engines.
    alts.sort(key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


def _gap(n: int) -> str:
    return SEP + (f"(?:{WORD}{SEP}){{0,{n}}}" if n else "")


_TOKEN = re.compile(r"\s+|\(|\)\??|\||[^\s()|]+")
_CLAUSE_START = r"(?:^|[.!?\n])[^a-z0-9']*"
_CLAUSE_END = r"[^a-z0-9'.!?\n]*(?:[.!?\n]|$)"
_QUESTION = r"[^a-z0-9'.!?\n]*\?"
_COMMA = r"[^a-z0-9'.!?\n,]*,[^a-z0-9'.!?\n]*"
_SPECIAL = {"^": _CLAUSE_START, "$": _CLAUSE_END, "?": _QUESTION, ",": _COMMA}


class _Parser:
    """Template text to regex: a sequence of items joined by gaps; ``( a b | c )`` groups
    alternatives (each itself a sequence), ``(…)?`` makes a group optional."""

    def __init__(self, template: str, lexicon: Lexicon) -> None:
        self.toks = [t for t in _TOKEN.findall(template) if not t.isspace()]
        self.pos = 0
        self.lexicon = lexicon
        self.template = template

    def parse(self) -> tuple[str, list[frozenset[str]]]:
        rx, required = self.sequence()
        if self.pos != len(self.toks):
            raise ValueError(f"unbalanced parentheses in template {self.template!r}")
        return rx, required

    def sequence(self) -> tuple[str, list[frozenset[str]]]:
        out = ""
        required: list[frozenset[str]] = []
        gap, first, carry = GAP, True, 0
        while self.pos < len(self.toks) and self.toks[self.pos] not in ("|", ")", ")?"):
            tok = self.toks[self.pos]
            self.pos += 1
            if m := _GAP_TOKEN.fullmatch(tok):
                gap = max(int(m.group(1)), carry)  # an absent optional item leaves its gap
                continue
            if tok.startswith("~"):  # "~10" would be read as the literal text "~10"
                raise ValueError(f"a gap is ~0 … ~9, not {tok!r}, in template {self.template!r}")
            if tok in _SPECIAL:
                out += _SPECIAL[tok]
                first = tok in ("^", ",")  # what follows them joins without a gap
                gap = GAP
                continue
            item, anchors, optional = (self.group() if tok == "(" else
                                       (*_element(tok, self.lexicon), False))
            if not optional and anchors is not None:
                required.append(anchors)
            if first:
                if optional:  # a leading optional item never decides a match: skip it
                    gap = GAP
                    continue
                out += item
            else:
                joined = _gap(max(gap, carry)) + item
                out += f"(?:{joined})?" if optional else joined
            carry = max(gap, carry) if optional else 0
            first, gap = False, max(GAP, carry)
        return out, required

    def group(self) -> tuple[str, Anchors, bool]:
        alts = [self.sequence()]
        while self.pos < len(self.toks) and self.toks[self.pos] == "|":
            self.pos += 1
            alts.append(self.sequence())
        if self.pos >= len(self.toks) or self.toks[self.pos] not in (")", ")?"):
            raise ValueError(f"unclosed group in template {self.template!r}")
        optional = self.toks[self.pos] == ")?"
        self.pos += 1
        # The group needs one of its alternatives: the union of one necessary set of each.
        picks = [best(req) for _, req in alts]
        anchors = None if any(p is None for p in picks) else frozenset().union(*picks)
        return "(?:" + "|".join(rx for rx, _ in alts) + ")", anchors, optional


def _element(tok: str, lexicon: Lexicon) -> tuple[str, Anchors]:
    if _CLASS_NAME.fullmatch(tok):
        if tok not in lexicon.regex:
            raise KeyError(f"unknown word class {tok}")
        return lexicon.regex[tok], lexicon.anchors[tok]
    if tok.lower() != tok:
        raise ValueError(f"literal {tok!r} must be lower case (classes are UPPER case)")
    return "(?:" + tok.replace("_", SEP) + ")", first_words(tok)


def compile_template(template: str, lexicon: Lexicon) -> str:
    """A template as one regex (see the module docstring for the syntax). The match starts
    and ends at a word edge (the edge character is part of the match; callers trim it)."""
    return compile_with_anchors(template, lexicon)[0]


def compile_with_anchors(template: str, lexicon: Lexicon) -> tuple[str, list[frozenset[str]]]:
    """The template's regex and the anchor sets it requires (each must meet the message's
    tokens for the regex to have any chance)."""
    body, required = _Parser(template, lexicon).parse()
    lead = "" if template.lstrip().startswith(("^", ",")) else r"(?:^|[^a-z0-9'])"
    tail = "" if template.rstrip().endswith(("$", " ?")) else r"(?:[^a-z0-9']|$)"
    return lead + body + tail, required


@dataclass(frozen=True)
class Rule:
    """One concept: its templates, what it means, and how much it weighs per sender role.

    ``mentor``/``student`` are the hit's signal when that role sends it: 1.0 or more is strong
    evidence (the rule's configured action), below 1.0 a weak signal (delivered, flagged, fed
    to the conversation score), 0 means the wording is not this act from that role.
    ``negatable``: a negation just before the match ("I'd never ask you to…") cancels it.
    ``reportable``: reported speech, advice or a quote ("my teacher said don't share your
    number") cancels it. ``unless``: a regex on the matched words and the few words around
    them that marks an ordinary use ("you're pretty GOOD at this"). ``softens``: a regex on the
    same words that marks a disclosure as likely exaggeration ("i want to die, this essay"): the
    hit is kept at ``SOFTENED`` weight, delivered with the coordinator alerted — a disclosure
    is never read away by a word nearby (issue 11: low-confidence disclosures still alert).
    """

    id: str
    templates: tuple[str, ...]
    reason: str
    mentor: float = 1.0
    student: float = 1.0
    negatable: bool = True
    reportable: bool = True
    unless: str = ""
    softens: str = ""
    governs: str = ""
    examples: tuple[str, ...] = field(default=())
    # ``unless`` reads this rule's own matches only, never its family's phrase hits (a rule whose
    # filter is about its own wording: "grooming.kept_secret" and a surprise party).
    own_unless: bool = False

    def weight(self, role: str) -> float:
        return self.mentor if role == "mentor" else self.student


def rule(id: str, reason: str, *templates: str, **kw) -> Rule:  # noqa: A002 - a rule's id
    """Shorthand for the rule tables: ``rule(id, reason, template, …, mentor=…, …)``."""
    return Rule(id=id, templates=tuple(templates), reason=reason, **kw)
