"""What makes a line or an address given as an institution's somebody's own (round 26).

The office-line reading (``context.official_line`` and its kin, rounds 15–22) delivers a number or a
mailbox the message gives as a school's, a program's or an office's with the coordinator alerted.
Round 26 adds what a red team and a review found it missed:

- the office said to fail, or the number given for when it is closed or as better than it ("the
  school's number never works, the office line … is better", "the main office closes at 4, so after
  that call …"): the line is somebody's (``elsewhere_said``);
- a domain dressed as a school's with a top-level name or a digit inside a word
  ("admissions@cuny.edu.evil.example", "careers@harb0rbank.com"): never an institution's
  (``lookalike_domain``);
- one list of free-mail and internet-provider domains (``FREE_MAIL``), shared by every reading of an
  address.

A wider reading — any named institution's line and any role mailbox ("summerinterns@…") delivered
with an alert — was built this round and red-teamed three times; each time personal numbers and
addresses whose words gave them away got through (16 in the last round of probes: a person's or a
family's own domain, "checked from the couch most nights"). It did not ship; it is kept on the branch
``r26-institution-release`` with the findings (docs/benchmarks-policy.md, round 26).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


FREE_MAIL = _words(
    "gmail googlemail yahoo ymail rocketmail hotmail outlook live msn icloud me mac aol proton protonmail "
    "pm gmx mail email zoho yandex tutanota tuta fastmail hushmail inbox duck hey qq naver daum 163 126 "
    "yeah sina rediff comcast att sbcglobal verizon optonline optimum earthlink cox charter spectrum rr "
    "bellsouth juno netzero frontier windstream centurylink web t-online orange free laposte libero "
    "virgilio terra uol bol prodigy infinitum telmex movistar claro engineer usa consultant post "
    "writeme techie accountant cheerful dr europe asia iname workmail"
)
_TOP_LEVEL = _words("com org net gov edu k12 io co info biz us")
# A country's second level ("fundacion.org.mx", "uni.edu.co") is part of the top level.
_SECOND_LEVEL = _words("com org net gov gob edu ac co")
_DIGIT_IN_WORD = re.compile(r"[a-z][0-9]+[a-z]")


def lookalike_domain(domain: str) -> bool:
    """A top-level name inside a domain ("harbor.edu.evil.example", "harbor-bank-com.net") or a
    digit inside a word ("harb0rbank.com"): somebody else's domain dressed as an institution's; a
    country's second level ("fundacion.org.mx") is not one."""
    labels = [x for x in domain.split(".") if x]
    top = 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 1
    inner = [w for x in labels[:-top] for w in x.split("-")]
    return not _TOP_LEVEL.isdisjoint(inner) or any(_DIGIT_IN_WORD.search(x) for x in labels[:-top])


_BREAK = re.compile(r"[.!?\n]+")
_REACH = 300  # how far the read reaches either side of the number (a long message costs no more)
# The office said to fail, the number given for when it is closed or as better than it, or for any
# hour: read for every line given as an office's, the program's own too ("the school's number never
# works, … is better", "the main office closes at 4, so after that call …").
_FAILS = re.compile(
    r"\b(?:never (?:works|answers?|picks? up)|nunca (?:contesta\w*|funciona)|no contesta\w*|no sirve|useless"
    r"|doesn'?t work|(?:is|es|works?) (?:way |much |a lot )?(?:better|mejor)|skip"
    r"|instead of (?:the |this |here|calling the|emailing the|the chat|the channel|slack|discord)"
    r"|en vez de (?:aqu[ií]|este chat|el canal|la oficina)|anytime|any time|whenever|cuando quieras"
    r"|a cualquier hora|after hours|(?:closes|closed|cierra|cerrad[oa])\b[^.!?\n]{0,40}\b(?:after that|after"
    r"|despu[eé]s|then|luego))\b")


def elsewhere_said(low: str, start: int, end: int) -> bool:
    """Whether the number's sentence or the one before (each within ``_REACH`` characters) says the
    office fails, or gives the number for when it is closed: a line given as an office's is then
    somebody's."""
    lo = max(0, start - _REACH)
    starts = [lo] + [m.end() for m in _BREAK.finditer(low, lo, start)]
    before = starts[-2] if len(starts) > 1 else lo  # the sentence before the number's, or its own
    stop = _BREAK.search(low, end, min(len(low), end + _REACH))
    return _FAILS.search(low, before, stop.start() if stop else min(len(low), end + _REACH)) is not None
