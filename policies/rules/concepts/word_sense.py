"""Words of a rule used in another sense, read from the words right beside them.

* a "meet" that is a contest ("good luck at the swim meet this weekend");
* a Spanish "nos vemos" that names only a time ("nos vemos en septiembre", "nos vemos el lunes,
  miss") — read as the English "see you in September" already is: a goodbye till then;
* a threat about a game, the game named right after it ("i'm gonna destroy u at handball", "te voy
  a dar una pela en 2k"), with no weapon in the sentence.

Each reading is narrow on purpose: the sense is fixed by the words next to the rule's own word,
never by a topic somewhere in the message (round 24's red teams walked through topic readings).
"""

from __future__ import annotations

import re

_CONTEST = (r"swim|swimming|track|cross[- ]country|xc|wrestling|gymnastics|diving|dive|fencing|debate"
            r"|speech|math|science|robotics|chess|quiz bowl|indoor|outdoor|dual|invitational|championship"
            r"|psal|relay")
_CONTEST_MEET = re.compile(rf"\b(?:{_CONTEST})(?:\s+and\s+field)?\s+$")


def a_contest_meet(low: str, start: int) -> bool:
    """Whether the match at ``start`` begins with "meet" used as a contest's name (``low``: the
    message in lower case or folded; "swim meet", "track and field meet")."""
    return low.startswith("meet", start) and _CONTEST_MEET.search(low, max(0, start - 30), start) is not None


_MONTHS = (r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
           r"|diciembre")
_DAYS = r"lunes|martes|miercoles|jueves|viernes|sabado|domingo"
_TIME = (r"(?:(?:el|la|los|las)\s+)?(?:(?:proxim[oa]|siguiente|otr[oa])\s+)?"
         rf"(?:{_MONTHS}|{_DAYS}|semana|ano|mes|sesion|clase|reunion|vez|navidad|vacaciones|verano|otono|primavera|invierno|curso|semestre)"
         r"(?:\s+(?:que\s+viene|entrante|proxim[oa]))?")
_ADDRESSEE = r"miss|mister|mr|ms|profe|profesora?|maestr[oa]|todos|a\s+todos|chic[oa]s|guys|familia|gente"
# after "nos vemos": an optional "en/el/hasta", one time (or two joined by "o"/"y"), an optional
# vocative (or one name after a comma), and nothing else in the clause but punctuation or emoji
_ONLY_A_TIME = re.compile(
    rf"\s*(?:(?:en|hasta|para|a)\s+)?{_TIME}(?:\s+(?:o|y)\s+{_TIME})?(?:\s*,?\s*(?:{_ADDRESSEE})|\s*,\s*[a-z]+)?[^a-z0-9]*$")
_CLAUSE_END = re.compile(r"[.!?\n]")
_NOS_VEMOS = re.compile(r"nos\s+vemos\b")


def only_a_time_after(t: str, start: int, end: int) -> bool:
    """Whether the "nos vemos" match at ``start:end`` of folded text ``t`` names only a time in its
    clause: no place, no "tú y yo", nothing but a time and who it is said to."""
    lead = _NOS_VEMOS.match(t, start)
    if lead is None:
        return False
    stop = _CLAUSE_END.search(t, end)
    rest = t[lead.end():stop.start() if stop else len(t)]
    return _ONLY_A_TIME.fullmatch(rest) is not None


_GAMES = (r"handball|basketball|ball|hoops|b-?ball|soccer|football|f[uú]tbol|baseball|softball|volleyball"
          r"|voley|tennis|ping\s?pong|pool|bowling|chess|ajedrez|checkers|damas|uno|cards|cartas|dominoes|domin[oó]"
          r"|trivia|debate|kahoot|blooket|gimkit|smash(?:\s+bros)?|fortnite|(?:nba\s+)?2k\d*|fifa|madden|valorant"
          r"|cod|call\s+of\s+duty|warzone|mario\s+kart|mario\s+party|minecraft|roblox|overwatch|apex|rocket\s+league"
          r"|brawl\s+stars|clash\s+royale|among\s+us|tekken|street\s+fighter|mortal\s+kombat|1v1|one\s+on\s+one"
          r"|1\s+on\s+1|arm\s+wrestling|wrestling|(?:the|a)\s+race|track|the\s+mile|spelling\s+bee|robotics"
          r"|hackathon|the\s+game|this\s+game|the\s+match|el\s+partido|el\s+juego|la\s+partida|el\s+torneo"
          r"|the\s+tournament|regionals|scrimmage|checkers|jenga|monopoly|beer\s+pong|ps5|xbox|switch")
_GAME_AFTER = re.compile(rf"\s+(?:at|in|en|on)\s+(?:(?:a|the|el|la|this|that|ur|your|tu|our|un|una)\s+)?"
                         rf"(?:{_GAMES})\b")
_WEAPON = re.compile(r"\b(?:guns?|pistol|pistola|knife|knives|navaja|cuchillo|strap|glock|blick|ak|shoot|shot"
                     r"|stab|apu[nñ]al\w*|bat|bate|nine|9mm|piece|fierro|bullets?|balas?|burner|blade)\b")


def threat_about_a_game(low: str, end: int) -> bool:
    """Whether the threat ending at ``end`` of lower-cased ``low`` is said of a game named right
    after it, with no weapon anywhere in its sentence."""
    if _GAME_AFTER.match(low, end) is None:
        return False
    begin = max((low.rfind(c, 0, end) for c in ".!?\n"), default=-1) + 1
    stop = _CLAUSE_END.search(low, end)
    return _WEAPON.search(low, begin, stop.start() if stop else len(low)) is None


# Keeping a password or a code from everyone is the safety rule itself ("don't share the codes with
# anyone, not even me"): the secrecy words ask the student to keep a credential, not a chat.
_CREDENTIAL = re.compile(r"\b(?:passwords?|passcodes?|pins?|codes?|codigos?|2fa|two[- ]factor|verification"
                         r"|verificacion|logins?|contrasenas?|claves?|otp|one[- ]time)\b")
_SHARE = re.compile(r"\b(?:share|sharing|give|send|tell|show|post|paste|compart\w*|d[ae]s|mand\w*|pas\w*)\b")
_ANYONE = re.compile(r"\b(?:anyone|anybody|nobody|no one|nadie)\b")
# ... and nothing in those sentences names an "us", a chat, a family or staff member, a secret, or an
# exception for the sender ("… with anyone but me")
_NOT_ADVICE = re.compile(
    r"\b(?:us|our|ours|between|nosotros|nuestr\w*|chats?|conversations?|messages?|mensajes?|what we"
    r"|lo que hablamos|parents?|mom|mum|dad|mama|papas?|padres|family|familia|coordinator|coordinador[a]?"
    r"|secret\w*|except|excepto|menos|salvo|just me|only me|solo yo|solo a mi|but me|other than me"
    # ... nor asks for it: "never share your password with anyone. send it to me"
    r"|(?:send|give|tell|text|dm|show|paste|read)\s+(?:it|them|that|those|yours?)?\s*(?:to\s+)?me"
    r"|dm me|text me"
    r"|me\s+(?:lo|la|los|las)\s+(?:mandas|das|pasas|dices|envias)|mandamel\w*|damel\w*|pasamel\w*|dimel\w*)\b")


_BEFORE = 200  # how far back the credential may be named ("Password tip: … And never share it")


def credential_kept(t: str, start: int, end: int) -> bool:
    """Whether the secrecy match at ``start:end`` of folded text ``t`` is "don't share it with
    anyone" said of a password or a code named in its sentence or the two before ("Password tip: …
    And never share it with anyone"), and neither those nor the sentence after name an "us", a
    family or staff member, an exception for the sender or an ask for it."""
    span = t[start:end]
    if _SHARE.search(span) is None or _ANYONE.search(span) is None:
        return False
    cuts = [m.end() for m in _CLAUSE_END.finditer(t, max(0, start - _BEFORE), start)]
    begin = cuts[-3] if len(cuts) > 2 else max(0, start - _BEFORE)
    after = [m.start() for m, _ in zip(_CLAUSE_END.finditer(t, end), range(2), strict=False)]
    read = t[begin:after[-1] if len(after) == 2 else len(t)]
    return _CREDENTIAL.search(read) is not None and _NOT_ADVICE.search(read) is None
