"""A student's thank-you that sounds final: thanks for everything, and an absence with no end around
it ("no voy a estar en la sesión del jueves. ni en las otras creo. gracias por todo miss").

The concept rules join words inside one sentence only; a goodbye is often two sentences, each
ordinary alone. Neither half holds a message: together they are a hint that the coordinator hears
of at once (delivered, alerted — issue 11: the alert band sits below the hold). A return named
anywhere ("see you in September", "nos vemos el lunes"), not negated, makes it an ordinary goodbye;
an absence with a reason ("… because i joined soccer") or an end ("no voy a estar el jueves, tengo
dentista") is not one of these.
Read on the folded text (lower case, no accents, straight apostrophes: ``policies.normalize``).
"""

from __future__ import annotations

import re

_THANKS_ALL = re.compile(
    r"\b(?:thanks|thank (?:you|u)|thx|ty|gracias)\b[^.!?\n]{0,40}?"
    r"\b(?:for everything|4 everything|for all of it|for all (?:you|u) did|for all (?:you'?ve|u'?ve) done"
    r"|por todo)\b")
# An absence with no end: not "this thursday", but "ni en las otras", "anymore", "won't be back".
_ABSENCE = re.compile(
    r"\b(?:ni en las otras|ni nunca|nunca mas|ya no voy a (?:estar|venir|volver)|no voy a volver|no vuelvo"
    r"|(?:ya )?me despedi|me estoy despidiendo|said my goodbyes"
    r"|said (?:bye|goodbye) to (?:every(?:one|body)|all)"
    r"|won'?t be (?:here|around|back|coming back)(?! (?:on|this|next|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|for)\b)"
    r"|not (?:gonna be|going to be) (?:here|around)(?! (?:on|this|next|tomorrow|for)\b)|not coming back"
    r"|won'?t see (?:you|u|y'?all) (?:again|anymore)|this is goodbye"
    r"|no nos vamos a (?:ver|volver a ver)|no me van a ver (?:mas|nunca)|si no me (?:ves|ven)(?: mas)?"
    r"|if (?:you|u) (?:don'?t|never) see me (?:again|anymore))\b")
_RETURN = re.compile(
    r"\b(?:see (?:you|u|ya|y'?all)|nos vemos|hasta (?:el|la|los|septiembre|enero|pronto|luego|manana)"
    r"|next (?:year|week|session|time|fall|semester)|(?:el|la) (?:proxim[oa]|otra) (?:semana|vez|ano)"
    r"|(?:in|en) (?:september|septiembre|the fall|el otono)|after (?:the )?(?:break|vacation|summer)"
    r"|despues de (?:las )?vacaciones|talk (?:to (?:you|u) )?(?:soon|tomorrow|monday|later)"
    r"|back (?:on|next)|moving|me mudo|nos mudamos|graduat\w*|gradu[oa]|internship|college|universidad"
    r"|because|porque|cuz|bc|joined|me meti)\b")
# "won't see you again", "idk if i'll see you again": a return negated or doubted is no return, and
# "see you on the other side", "nos vemos en otra vida" is a goodbye, not a return (a review's probes)
_NEGATED_BEFORE = re.compile(
    r"\b(?:won'?t|will not|never|not|no|nunca|don'?t|if|si|idk)\s+(?:[\w']+\s+){0,2}$")
_NO_RETURN_AFTER = re.compile(
    r"\s*(?:on|in|en)\s+(?:the\s+other\s+side|another\s+life|otra\s+vida|heaven|el\s+cielo"
    r"|the\s+next\s+life|la\s+otra\s+vida)\b")


def _returns(low: str) -> bool:
    return any(_NEGATED_BEFORE.search(low, max(0, m.start() - 30), m.start()) is None
               and _NO_RETURN_AFTER.match(low, m.end()) is None
               for m in _RETURN.finditer(low))


def could_thank(low: str) -> bool:
    """A cheap necessary test for ``_THANKS_ALL`` on lower-cased ``low``: both its halves' words are
    in it as substrings ("for everything", "for all …", "por todo"; a thanks word)."""
    return ("everything" in low or "for all" in low or "por todo" in low) \
        and ("thank" in low or "thx" in low or "gracias" in low or "ty" in low)


def final_thanks(folded: str) -> tuple[int, int] | None:
    """The span of a final-sounding thank-you in ``folded`` (the message folded), or None."""
    thanks = _THANKS_ALL.search(folded)
    if thanks is None or _ABSENCE.search(folded) is None or _returns(folded):
        return None
    return thanks.start(), thanks.end()
