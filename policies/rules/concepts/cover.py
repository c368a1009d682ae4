"""Borrowed authority: a claim that staff, the school or the program approved, asked for or
know about an act ("the coordinator okayed it", "la maestra dijo que no hay problema") is read
as no part of the act.

A groomer's cover story borrows the program's name so that a ride, a home visit, a private call
or a personal number looks sanctioned. The rules exempt real program activity by the words that
name it ("with the coordinator", "the school's van"); a claim of approval names the same people
without making them take part. So the rules read the message with such claims blanked out
(same length, so every span stays put): the act that remains is judged on its own, and a said
("Ms. Patel said it's fine, I'll drive you home") no longer reads the act as reported speech.
A mentor naming himself in the third person ("hop in the mentor's car") is read as "my".
"""

from __future__ import annotations

import re

from policies.regex import compile_pattern

# Who is claimed to approve: staff by title and name, by role, the school, the program (on the
# lowercased text; re2, no look-around: this runs on every message and is the gate).
_WHO = compile_pattern(
    r"\b(?:(?:ms|mr|mrs|miss|mister|dr|coach|dean|profe|sra|sr|srta)\.? +[a-zñáéíóú][a-zñáéíóú'-]*"
    r"|program(?:me)?|school|office|hr|human resources|coordinators?|coordinadora|coordinador"
    r"|counselors?|consejera|consejero|teachers?|maestras?|maestros?|profes?|profesora|profesor"
    r"|principal|vice principal|assistant principal|directora|director|staff|oficina|ofi|escuela|programa"
    r"|admin|administration|dean|nurse|superintendent|district|headteacher|registrar|supervisor|manager"
    r"|boss|jef[ae]|management|program (?:director"
    r"|manager|team|people|staff|office)|mentor training|the training|coordi|consejer[ao]s?"
    r"|compa[nñ][ií]a|company|empresa|se[nñ]ora del programa)\b")
# ... and what is claimed, right after who: approval, permission, a request or knowledge.
_CLAIM = (
    r"(?:(?:already|ya|totally|actually|also|tambi[eé]n)\s+)?"
    r"(?:said|says|say|told me|dijo|dice|dicen|me dijo)\s+(?:that\s+|que\s+|q\s+)?"
    r"(?:(?:it'?s|its|it is|it was|it'?d be|that'?s|thats|that was|this is|everything'?s|(?:est[aá]|ta)|es"
    r"|estaba|era)\s+)?"
    r"(?:(?:totally|completely|all|100%|perfectly|super|muy|totalmente)\s+)?"
    r"(?:fine|ok|okay|cool|alright|all good|good|allowed|no problem|yes|yep|ya|yeah|go for it|no worries"
    r"|no hay problema|bien|todo bien|permitido|sale|va|de una|dale"
    # "said we can …": the claim ends before "we can", which is part of the act
    r"|(?=(?:we|i|you|u|he|she)\s+(?:can|could|are allowed|may)\b(?!'|n)"
    r"|(?:podemos|puedo|puedes|puede|pueden)\b))"
    r"|(?:okayed|ok'?d|oked|okd|approved|aprob[oó]|signed off|cleared|authori[sz]ed|autoriz[oó]"
    r"|gave (?:us |me |you |u )?(?:the )?(?:ok|okay|green light|permission)|dio (?:el )?permiso"
    r"|(?:is|are|está|esta) (?:fine|ok|okay|cool|good) with|(?:has|have) no problem with|is aware"
    r"|ya (?:lo )?sabe|sabe (?:todo|que)|gave (?:the )?(?:ok|okay|go-?ahead)|dio el (?:ok|visto bueno)"
    r"|(?:already )?knows(?= *(?:[.,;!?)]|$|about (?:it|this|that|the)\b|and\b|y\b))|already knows?"
    r"|(?P<ask>(?:asked|asks|wants|wanted|needs|needed|told|requires|required|requests|requested)\b"
    r"|(?:me |nos |les )?(?:pidi[oó]|pide|piden|quiere|quieren|necesita|necesitan|requiere)\b)"
    r"|set (?:it|this) up|arranged (?:it|this)|thinks? (?:we|i) should|agreed|is allowing|lets? (?:me|us)"
    # an instruction whose object is the sender ("Mr. D said send me ur snap", "me dijo que te
    # llamara"): the ask is the sender's own; the claim ends before it
    r"|(?:said|says|told (?:me|us|you|u)|dijo|dice|me dijo|me pidi[oó])\s+(?:to\s+|que\s+|q\s+)?"
    r"(?=(?:send|give|add|text|call|dm|message|email|follow|hit)\s+me\b"
    r"|(?:m[aá]ndame|p[aá]same|dame|escr[ií]beme|ll[aá]mame|agr[eé]game|s[ií]gueme)\b"
    r"|me\s+(?:mandes|pases|des|escribas|llames|agregues|sigas|mande|pase|escriba|llame)\b"
    r"|(?:te|le)\s+(?:llamara|llame|escribiera|escriba|pidiera|pida)\b)"
    r"|(?:est[aá]|esta) de acuerdo|lo organiz[oó])"
)
# "HR at my company needs …": a few words may name where who works.
_AFTER_WHO = re.compile(rf"(?:\s+(?:at|from|de|del|en)\s+(?:my|mi|the|la|el)\s+[a-z]+)?\s*(?:,\s*)?"
                        rf"(?:{_CLAIM})\b")
# "per the coordinator", "según la maestra": the claim comes before who.
_PER = re.compile(r"\b(?:per|according to|cleared (?:it )?with|okayed by|approved by"
                  r"|con (?:el )?permiso de|seg[uú]n)\s+"
                  r"(?:(?:the|your|ur|my|our|tu|su|mi|la|el|al|a la|del)\s+)?$")
# "I asked ur coordinator and she said it's fine": asked first, the claim after.
_ASKED = re.compile(r"\b(?:i|we|ya)\s+(?:asked|checked with|talked to|habl[eé] con|le pregunt[eé] a)\s+"
                    r"(?:(?:the|your|ur|my|our|tu|su|mi|la|el|al|a la)\s+)?$")
_AND_SAID = re.compile(r"\s*,?\s*(?:and|y)\s+(?:she|he|they|ella|[eé]l)?\s*(?:"
                       + _CLAIM.replace("(?P<ask>", "(?:") + r")\b")
# "the less the school knows", "don't let the coordinator know": secrecy, not a claim.
_NOT_A_CLAIM = re.compile(r"(?:\bless|\bnobody|\bno one|(?<!\bor )\bnot|n't|\bnever|\blet|\bnadie|\bno)\s+"
                          r"(?:(?:the|your|ur|my|tu|su|mi|la|el)\s+)?$")
# A mentor naming himself: "the mentor's car", "the mentor will pick you up".
_SELF = re.compile(r"\b(?:the|your|ur)\s+mentor(?:'s|s'|(?=\s+(?:will|'ll|can|could|would|is|was|gonna"
                   r"|wants|needs|drives|picks|has|knows|lives|pays|is going|will be)\b))")
_BOSSES = frozenset({"supervisor", "manager", "boss", "jefe", "jefa", "management"})
_REACH = 40  # characters before who that may hold "per" or "I asked"


def _claims(low: str) -> list[tuple[int, int]]:
    """Spans of ``low`` (lowercased text) that claim staff approved or asked for something."""
    spans = []
    for m in _WHO.finditer(low):
        s, e = m.start(), m.end()
        before = low[max(0, s - _REACH):s]
        claim = _AFTER_WHO.match(low, e)
        if claim is None and " " in m.group():  # "miss said it's fine": the title alone is who
            claim = _AFTER_WHO.match(low, s + m.group().index(" "))
        if claim is not None:
            if _NOT_A_CLAIM.search(before):
                continue
            # A request: who asked is no part of the act, what is asked for is ("the office
            # needs your address": "needs your address" stays for the rules to read). The
            # sender's own boss asking something of the sender is the sender's business.
            if claim.group("ask") is not None and m.group() in _BOSSES:
                continue
            end = claim.start("ask") if claim.group("ask") is not None else claim.end()
            spans.append((s, end))
        elif (per := _PER.search(before)) is not None:
            spans.append((s - len(before) + per.start(), e))
        elif (asked := _ASKED.search(before)) is not None and (said := _AND_SAID.match(low, e)):
            spans.append((s - len(before) + asked.start(), said.end()))
    return spans


def without_borrowed_authority(text: str, role: str) -> str:
    """``text`` with claims of staff approval blanked and, from a mentor, "the mentor" read as
    the sender (same length: spans found in the result are spans of ``text``)."""
    low = text.lower().replace("\u2019", "'")
    if len(low) != len(text) or not _WHO.test(low):  # the usual case: nobody is named
        return _myself(text, low) if role == "mentor" else text
    chars = list(text)
    for s, e in _claims(low):
        chars[s:e] = " " * (e - s)
    out = "".join(chars)
    return _myself(out, out.lower()) if role == "mentor" else out


def _myself(text: str, low: str) -> str:
    if "mentor" not in low or len(low) != len(text):
        return text
    out = list(text)
    for m in _SELF.finditer(low):
        word = "my" if m.group().endswith(("'s", "s'")) else "i"
        # padded with no-break spaces (separators to the rules), so a blanked claim (plain
        # spaces) can still be told from a renamed sender
        out[m.start():m.end()] = word + "\u00a0" * (len(m.group()) - len(word))
    return "".join(out)
