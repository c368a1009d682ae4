"""What a match means in its sentence: negated, reported, quoted, or said as advice.

These checks run only on the few matches a message has, over a short window of folded text
before the match, with plain ``re`` (the window is bounded, so they stay cheap and linear).
"""

from __future__ import annotations

import re

_NEGATORS = (
    r"not|never|dont|don't|didnt|didn't|doesnt|doesn't|wouldnt|wouldn't|won't|wont|cant|can't"
    r"|cannot|couldnt|couldn't|shouldnt|shouldn't|isnt|isn't|aint|ain't|wasnt|wasn't|nunca"
    r"|jamas|tampoco|no(?![a-z0-9']*[^a-z0-9']+(?:one|body)\b)"
)
# A negation a few words before the match, in the same clause (a comma ends its reach).
_NEG_BEFORE = re.compile(r"\b(?:" + _NEGATORS + r")\b(?:[^a-z0-9',;:]+[a-z0-9']+){0,4}[^a-z0-9',;:]*$")
# Somebody else's words, advice, or a hypothetical: "my teacher said", "they always tell us",
# "if someone asks you", "the training says", "is it normal if".
_REPORTED = re.compile(
    r"\b(?:said|says|saying|told (?:me|us|them|everyone|him|her)|tells (?:me|us|them|everyone)"
    r"|tell us|warned|warns|warning|taught|teaches|reminded|reminds|explained|explains"
    r"|always say|keep saying|dijo|dice|dicen|decia|advirtio|nos ensenaron"
    r"|if (?:someone|anyone|somebody|a stranger|strangers|people|an adult|a person|a guy|a man"
    r"|someone online|they|a mentor|an older)|(?:is it|it's|its|it is) (?:normal|ok|okay|weird"
    r"|allowed|appropriate) (?:if|when|for|to)|what (?:do|should) (?:i|you) do (?:if|when)"
    r"|how (?:do|should) (?:i|you) (?:respond|answer|react)|si (?:alguien|un adulto|una persona"
    r"|te piden))\b"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_WINDOW = 90


def clause_prefix(text: str, start: int) -> str:
    """The words before ``start`` in the same sentence (at most ``_WINDOW`` characters)."""
    lo = max(0, start - _WINDOW)
    chunk = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(chunk)]
    return chunk[ends[-1]:] if ends else chunk


def negated(text: str, start: int) -> bool:
    """A negator just before the match: "I'd never ask you to keep secrets"."""
    return _NEG_BEFORE.search(clause_prefix(text, start)) is not None


def reported(text: str, start: int, end: int) -> bool:
    """Somebody else's words, advice, a hypothetical or a quote, not the sender's own act."""
    prefix = clause_prefix(text, start)
    if _REPORTED.search(prefix):
        return True
    if prefix.count('"') % 2 == 0:  # a quote opened in this sentence and closed after the match
        return False
    rest = _SENTENCE_END.search(text, end)
    return '"' in text[end:rest.start() if rest else len(text)]


def window(text: str, start: int, end: int, around: int = 40) -> str:
    """The match with a few words either side (for a rule's ``unless`` pattern)."""
    return text[max(0, start - around):end + around]
