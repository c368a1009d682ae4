"""A student's thank-you that sounds final: thanks for everything, and an absence around it
("no voy a estar en la sesión del jueves. ni en las otras creo. gracias por todo miss").

The concept rules join words inside one sentence only; a goodbye is often two sentences, each
ordinary alone. Neither half holds a message: together they are a hint that the coordinator
hears of at once (delivered, alerted — issue 11: the alert band sits below the hold). A return
named anywhere ("see you in September", "nos vemos el lunes") makes it an ordinary goodbye.
"""

from __future__ import annotations

import re

_THANKS_ALL = re.compile(
    r"\b(?:thanks|thank (?:you|u)|thx|ty|gracias)\b[^.!?\n]{0,40}?"
    r"\b(?:for everything|for all of it|for all (?:you|u) did|for all (?:you'?ve|u'?ve) done|por todo)\b")
_ABSENCE = re.compile(
    r"\b(?:no (?:s[eé] si |creo que )?(?:voy a|vaya a) estar|won'?t be (?:here|around|there|on)|"
    r"not gonna be (?:here|around|there)|si no me (?:ves|ven)|if (?:you|u) don'?t see me|ni en las otras|"
    r"(?:ya )?me desped[ií]|said my goodbyes|said (?:bye|goodbye) to (?:every|my|all)|won'?t be back|"
    r"not coming back|no voy a volver|no (?:creo que )?vuelva|before i go|antes de irme|"
    r"this is (?:goodbye|it)|"
    r"just wanted (?:you|u|y'?all) to know|solo quer[ií]a (?:decirle|decirte|que sepa)|"
    r"cu[ií]d(?:e|a)se mucho|"
    r"take care of yourself|one of the good ones|you were (?:a|one of)|"
    r"fuiste (?:un|una|el|la) (?:buen|mejor))")
_RETURN = re.compile(
    r"\b(?:see (?:you|u|ya|y'?all)|nos vemos|hasta (?:el|la|los|septiembre|enero|pronto|luego|ma[nñ]ana)|"
    r"next (?:year|week|session|time|fall|semester)|(?:el|la) (?:pr[oó]xim[oa]|otra) (?:semana|vez|a[nñ]o)|"
    r"(?:in|en) (?:september|septiembre|the fall|el oto[nñ]o)|after (?:the )?(?:break|vacation|summer)|"
    r"despu[eé]s de (?:las )?vacaciones|talk (?:to (?:you|u) )?(?:soon|tomorrow|monday|later)|"
    r"back (?:on|next))\b")


def final_thanks(low: str) -> tuple[int, int] | None:
    """The span of a final-sounding thank-you in lower-cased ``low``, or None."""
    thanks = _THANKS_ALL.search(low)
    if thanks is None or _ABSENCE.search(low) is None or _RETURN.search(low) is not None:
        return None
    return thanks.start(), thanks.end()
