"""What a match means in its sentence: negated, reported, quoted, or said as advice.

These checks run only on the few matches a message has, over a short window of folded text
before the match, with plain ``re`` (the window is bounded, so they stay cheap and linear).
"""

from __future__ import annotations

import re

_NEGATORS = (
    r"not|never|dont|don't|didnt|didn't|doesnt|doesn't|wouldnt|wouldn't|won't|wont|cant|can't"
    r"|cannot|couldnt|couldn't|shouldnt|shouldn't|isnt|isn't|aint|ain't|wasnt|wasn't|nunca"
    r"|jamas|tampoco|ni|no(?![a-z0-9']*[^a-z0-9']+(?:one|body)\b)"
    # turning the act down: "I care about you too much to keep this quiet", "keeping you safe
    # matters more to me than keeping it quiet", "instead of texting you"
    r"|than|instead of|en vez de|en lugar de|too(?: [a-z']+){0,2} to"
)
# A negation a few words before the match, in the same clause (a comma ends its reach).
# A conjunction starts a new clause: "i'm not doing great and talking to you helps" is not negated.
_CLAUSE_START = r"(?!(?:and|but|so|y|pero|because|porque)\b)"
_NEG_BEFORE = re.compile(r"\b(?:" + _NEGATORS + r")\b(?:[^a-z0-9',;:]+" + _CLAUSE_START
                         + r"[a-z0-9']+){0,4}[^a-z0-9',;:]*$")
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


# A negator inside an insult's own words: "you are not stupid", "no eres tonta, eres nueva".
_NEG_INSIDE = re.compile(
    r"\b(?:not|never|isn't|isnt|aren't|arent|ain't|aint|nunca|no(?! one| body| wonder))\b")
_NOT_INSIDE = re.compile(r"\b(?:not|isn't|isnt|aren't|arent)\b")


def negated_inside(text: str, start: int, end: int, strict: bool = False) -> bool:
    """A negator after the first word of the match ("you're NOT stupid"); ``strict``: only
    "not" (a phrase such as "you'll never amount to…" holds "never" itself)."""
    first = re.match(r"[^\s]+", text[start:end])
    rx = _NOT_INSIDE if strict else _NEG_INSIDE
    return rx.search(text, start + (first.end() if first else 0), end) is not None


# An order ("shut up", "get lost") with a subject or a condition before it is a statement:
# "i never shut up on the court", "in case you get lost, call the office".
_SUBJECT_BEFORE = re.compile(
    r"\b(?:(?:if|in case|case|when|so) (?:you|u|we|they|i)|i|we|they|he|she|never|to|can't|cant"
    r"|don't|dont|didn't|won't)[^a-z0-9'.!?\n]*$")


def stated_not_ordered(text: str, start: int) -> bool:
    """The words before an order make it a statement or a condition."""
    return _SUBJECT_BEFORE.search(clause_prefix(text, start)) is not None


# Threat words said of a game, a sibling or a spreadsheet, or taken back ("not really", "jk").
_HYPERBOLE = re.compile(
    r"\b(?:not really|jk|just kidding|(?:my|mi) (?:little |lil |baby )?(?:brother|sister|bro|sis"
    r"|cousin|hermanito|hermanita|hermano|hermana|primo|prima)|in (?:smash|fortnite|2k|fifa|madden"
    r"|valorant|the game|smash bros)|excel|spreadsheet|en el juego"
    r"|(?:get|got) (?:you|u) (?:to|through|there|ready|set|started|into|on|up|sorted|covered|in)\b)")


def hyperbole(window_text: str) -> bool:
    """Threat words used about a game, a sibling or work, or taken back in the same breath."""
    return _HYPERBOLE.search(window_text) is not None


# A public office number given as such: "the program office number is …", "call the P-TECH office
# at …", "our school has a text line for snow days, it's …", "la línea de la oficina del programa
# es …": an institution owns the number. A person's number is "my", "me", "mi", "cell", "personal".
_INSTITUTION = (r"office|offices|oficina|school'?s?|escuela|colegio|program'?s?|programa|p-?tech|district"
                r"|department|dept|front desk|reception|recepci[oó]n|switchboard|headquarters|hq"
                r"|main line|hotline|helpline|help line|crisis line|text line|l[ií]nea|guidance"
                r"|counseling|counselor'?s? office|registrar|admissions|secretar[ií]a|direcci[oó]n")
# ... named as its owner ("the P-TECH office", "our school", "el programa") or its line ("office
# number", "línea de la escuela"); "after school call 555…" names no owner.
_OFFICIAL_LINE = re.compile(
    rf"\b(?:(?:the|our|your|their|this|la|el|del|al|de la|nuestr[ao]|su|tu) (?:[\w'-]+ ){{0,2}}"
    rf"(?:{_INSTITUTION})"
    rf"|(?:{_INSTITUTION}) (?:main )?(?:line|number|phone|tel[eé]fono|n[uú]mero)"
    rf"|(?:tel[eé]fono|n[uú]mero|l[ií]nea) de (?:la |el |l )?(?:{_INSTITUTION})"
    r"|hotline|helpline|help line|crisis line|front desk|switchboard|official|letterhead)\b")
# The sender's own line: "my", "mi", "cell", "personal" anywhere in the sentence, "me", "I" in
# the part that names the institution ("reach me about the program, the coordinator's office
# line is …" gives the office's; "call me at the office, …" the sender's).
_PERSONAL_LINE = re.compile(r"\b(?:my|mi|m[ií]o|personal|cell|celular|cel|private|privad[oa]|home|casa"
                            r"|whatsapp|wa|signal|telegram)\b")
_SENDER = re.compile(r"\b(?:me|yo|i|i'?m|i'?ll|i'?d)\b")


def official_line(text: str, start: int) -> bool:
    """A phone number introduced as a school, program or office line."""
    prefix = clause_prefix(text, start)
    last = None
    for m in _OFFICIAL_LINE.finditer(prefix):
        last = m
    if last is None or _PERSONAL_LINE.search(prefix) is not None:
        return False
    return _SENDER.search(prefix, prefix.rfind(",", 0, last.start()) + 1) is None


# An address that names a function, not a person (RFC 2142's info@, support@; a program's
# mentoring-office@, admissions@): the school's or program's desk, not a private channel.
_ROLE_WORDS_TEXT = (
    "office offices oficina info information admissions admission mentoring mentorship program "
    "programs programa ptech frontdesk desk support help helpdesk contact contacto hello registrar "
    "counseling guidance careers career internships internship hr jobs recruiting events noreply "
    "no-reply reception main secretaria attendance principal")
_ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
_LOCAL_PART = re.compile(r"([a-z0-9._+-]+)@")


def official_address(text: str, start: int, end: int) -> bool:
    """An e-mail address whose local part is a role ("mentoring.office@…", "info@…") and whose
    sentence does not make it the sender's own ("my", "me", "mi" …)."""
    m = _LOCAL_PART.match(text, start, end)
    if m is None:
        return False
    parts = [p for p in re.split(r"[._+-]", m.group(1)) if p]
    if not parts or not any(p in _ROLE_WORDS for p in parts):
        return False
    prefix = clause_prefix(text, start)
    return _PERSONAL_LINE.search(prefix) is None and _SENDER.search(prefix) is None


# A ride the student's own family gives ("mi tío me da pon", "my grandpa drives me"): the family
# member is the driver, not merely mentioned ("mi mamá trabaja tarde, ¿me das un pon?"). Used in
# the ride rules' ``unless`` (offplatform.ride_more, offplatform.give_ride).
FAMILY_DRIVES = (
    r"(?:mi|my|mis) (?:papa|papi|mama|mami|dad|mom|tia|tio|aunt|uncle|abuela|abuelo|grandma|grandpa"
    r"|hermano|hermana|brother|sister|primo|prima|cousin|padrastro|madrastra|stepdad|stepmom|padrino|madrina"
    r"|vecino|vecina|neighbor|parents|papas) (?:[a-z]+ )?(?:me|nos|us) (?:da|dan|dio|lleva|llevan|llevo"
    r"|recoge|recogen|trae|traen|busca|buscan|pasa|drives|drove|gives|gave|picks|picked|takes|took)")


# A student's ask taken back in the same breath ("do u have whatsapp? jk i know we cant", "¿usted
# tiene instagram? jk ya sé que no se puede"): teen texting's retraction, within a few words.
_RETRACTION = re.compile(
    r"(?:\W*[\w']+){0,4}?\W*\b(?:jk|jkjk|j/k|just kidding|just playing|i'?m playing|kidding|es broma"
    r"|era broma|es chiste|mentira|na+h? (?:jk|i'?m playing))\b")


# ... unless the retraction is itself taken back ("jk... unless 👀", "es broma, o no?").
_UNLESS_AFTER = re.compile(
    r"\W*(?:unless|but fr|but for real|or not|or am i|pero en serio|o no|a menos que)\b")


def retracted(text: str, end: int) -> bool:
    """The words just after a match take it back ("jk", "es broma") and do not take that back."""
    m = _RETRACTION.match(text, end, end + 60)
    return m is not None and _UNLESS_AFTER.match(text, m.end()) is None


# Somebody else's place named as such: "the counselor … you can stop by his office", "la oficina
# de la consejera" — a referral to another adult, not the sender's invitation. (Spanish "su
# oficina" is also the formal "your office": not a referral.)
_REFERRAL_PLACE = re.compile(
    r"\b(?:(?:his|her|their) (?:office|room|classroom|desk)"
    r"|(?:counselor|nurse|teacher|coordinator|principal|consejer[oa]|enfermer[oa]|coordinador[a]?)'?s?"
    r" (?:office|room|desk)|(?:oficina|salon) (?:de|del) (?:la |el )?(?:consejer[oa]|enfermer[oa]"
    r"|coordinador[a]?|director[a]?|profe|maestr[oa]))\b")


def referral_place(window_text: str) -> bool:
    """The place of a meeting belongs to another adult of the school (a referral)."""
    return _REFERRAL_PLACE.search(window_text) is not None
