"""A mentor passing on what a student told them: "Ms. Reyes, can you check in with Kayla? She
mentioned her dad hits her when he drinks", "uno de mis estudiantes me dijo que…".

The disclosure rules read a student's own words, and a mentor's are left out of them on purpose
(a mentor answering a disclosure repeats its words to the student). A report about a student,
in the third person, is neither: it is a disclosure reaching the channel second-hand, and the
coordinator must hear of it. These checks find the report; the engine
(``Policy._reported_disclosure``) reads what it says as a student's words would be read.
"""

from __future__ import annotations

import re

from policies.regex import compile_pattern

# Who the report is about: a pronoun, the mentee, a student, or a name written with a capital
# (not a title's name -- "Mr. Byrne told me" is staff --, a sentence's usual first word or the
# sender). In Spanish the name or the student comes before "me contó", "me dijo".
_PRONOUNS = frozenset({"she", "he", "they", "ella", "él", "el"})
_TELLERS = frozenset({"you", "u", "ya", "i", "we", "yo", "tú", "tu", "usted", "ustedes", "nosotros"})
_STUDENT = (r"(?:my\s+(?:mentee|mentees|student|students)|one\s+of\s+my\s+(?:mentees|students)"
            r"|(?:the|this|a|our|one\s+of\s+the)\s+(?:student|mentee|kid|girl|boy|girls|boys|students|kids)"
            r"(?:\s+in\s+my\s+\w+)?|mi\s+(?:estudiante|alumn[oa]|mentee)|(?:uno|una)\s+de\s+mis\s+"
            r"(?:estudiantes|alumn[oa]s|mentees)|(?:la|el|esta|este)\s+(?:estudiante|alumn[oa]|chic[oa]))")
# Staff go by a title: "Mr. Byrne told me…", "la Sra. Pérez me dijo…", "Principal Davis said…".
_TITLES = frozenset({"Mr", "Ms", "Mrs", "Mx", "Dr", "Miss", "Sr", "Sra", "Srta", "Prof", "Profe", "Coach",
                     "Principal", "Counselor", "Officer", "Nurse", "Dean", "Pastor", "Director", "Directora",
                     "Maestra", "Maestro", "Professor", "Doctor", "Doctora", "Señora", "Señor", "Consejera",
                     "Consejero"})
_NOT_NAMES_TEXT = """I You We It If When What Why How That This There Then Today Yesterday Everyone
    Everybody Someone Somebody Nobody People The My Your Our Coordinadora Coordinador Coordinator Mom Dad
    Mama Papa Mami Papi Hey Hi Hola Also And But So Just Honestly Mentor Mentors Teacher Teachers Program
    La El Los Las Mi Tu Su Un Una Hoy Ayer Forget Remember Please Yes No Si Sí Ok Okay Anyway Btw Update
    Quick Sorry Thanks Well Actually Apparently Lol Oh Ah Um Pues Bueno Oye Entonces También Y Pero"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split()) | _TITLES
# The telling verb: found first (most messages have none), then the words before it are read for
# who told — up to three words may stand between ("Kayla, the quiet one, told me"). Linear (re2).
_TELLS = compile_pattern(
    r"(?i)\b(?:told\s+(?:me|us)|mentioned|said|says|shared|admitted|confided|let\s+(?:it\s+)?slip|brought\s+up"
    r"|opened\s+up|wrote|texted|posted|showed\s+me|asked\s+(?:me|if|whether|about|for)"
    r"|keeps\s+(?:saying|mentioning|talking)|hinted|disclosed|revealed|confessed"
    r"|(?:me\s+)?(?:cont[oó]|dijo|coment[oó]|confes[oó]|escribi[oó]|confi[oó]|enseñ[oó]|mostr[oó]|pidi[oó]"
    r"|mencion[oó]))(?:\b|[^\w]|$)")  # re2's \b is ASCII: "contó" ends on a non-word letter
_STUDENT_BEFORE = re.compile(r"\b" + _STUDENT + r"(?:\s+[\w'’,]+){0,3}\s*$", re.IGNORECASE)
# "I noticed Ethan's messages…", "I'm worried about Tanisha", "me preocupa Mateo", "noté que Camila…"
_NOTICED = compile_pattern(r"(?i)\b(?:noticed|saw|found\s+out|heard|learned|worried\s+about|concerned\s+about"
                           r"|me\s+preocupa|not[eé]|preocupad[oa]\s+por)\s+(?:that\s+|que\s+)?")
_STUDENT_AFTER = re.compile(_STUDENT + r"\b|(?:her|him)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.]+")


def _is_name(word: str, before: str | None) -> bool:
    """A capitalised name that is not a usual first word, a title, or a titled staff member's."""
    word = word.rstrip(".,").removesuffix("'s").removesuffix("’s")
    return (len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()
            and word not in _NOT_NAMES
            and (before is None or before.rstrip(".") not in _TITLES))


# The mentor asks the coordinator to act on it, about a person: their own judgement that it
# matters. Not a plain "talk to you tomorrow" or "I'm worried we'll miss the bus".
_ESCALATES = re.compile(
    r"\b(?:flagging|flag(?:ged)?\s+(?:this|something|it)|check\s+(?:in\s+)?(?:with|on)\s+(?:her|him|them)\b"
    r"|(?:i'?m|i\s+am)\s+(?:really\s+|a\s+bit\s+|kind\s+of\s+|very\s+|a\s+little\s+)?(?:worried|concerned)"
    r"\s+(?:about|for)\s+(?:her|him|them|my\s+mentee|one\s+of|(?-i:[A-Z][a-z]+))"
    r"|asked\s+me\s+not\s+to\s+(?:tell|say)|made\s+me\s+promise\s+not\s+to"
    r"|quer[ií]a\s+avisar(?:le)?|prefiero\s+avisar|estoy\s+(?:muy\s+)?preocupad[oa]\s+por"
    r"|me\s+pidi[oó]\s+que\s+no\s+(?:le\s+)?(?:dijera|cont(?:ara|ase)|diga)|me\s+preocupa\s+(?:ella|él|(?-i:[A-Z])))",
    re.IGNORECASE)


# The worry said on its own, after the report ("Estoy preocupada.", "Se rió, pero me preocupa.", "She
# sounded scared.", "Le dije que hablaría con usted."), escalates only a report about harm itself
# (a partner, injuries, hunger, nowhere to sleep, dying, a forced marriage, being locked in, abuse):
# first cuts escalated "Kevin said the link didn't work, how should we proceed?" (round 25's review
# and red team). Logistics words ("how should we proceed", "needs follow-up") are no worry.
_WORRY_ALONE = re.compile(
    r"\b(?:estoy|i'?m|i\s+am)\s+(?:muy\s+|really\s+|a\s+bit\s+|kind\s+of\s+|very\s+|a\s+little\s+|so\s+)?"
    r"(?:preocupad[oa]|worried|concerned)(?:\s+about\s+(?:her|him|them|it|this))?(?=\s*(?:[.!?\n]|$))"
    r"|\bme\s+preocupa(?:\s+mucho)?(?=\s*(?:[.!?\n]|$))|no\s+s[eé]\s+si\s+es\s+algo|lo\s+reporto"
    r"|(?:le|te)\s+dije\s+que\s+(?:hablar[ií]a|te\s+lo\s+iba|le\s+iba|se\s+lo\s+iba)"
    r"|(?:est[aá]|sounded|seemed|looked)\s+(?:muy\s+|really\s+|so\s+)?(?:aterrad[oa]|scared|terrified)",
    re.IGNORECASE)
# ... about harm itself, not about family or food in general (a red team's "her mom can't drive her to
# the fair. How should we proceed?" and "forgot to eat breakfast" were ordinary).
_RISK_TOPIC = re.compile(
    r"\b(?:boyfriend|girlfriend|novi[oa]|cuts?|cutting|se\s+corta|cortes|cortadas|bruises?|moret[oó]n"
    r"|black\s+eye|hurts?\s+(?:her|him|them)|hits?\s+(?:her|him|them)|le\s+pega|golpe\w*|scars?"
    r"|hungry|hambre|no\s+(?:ha\s+)?comid[oa]|shelter|albergue|lavander[ií]a|laundromat|duerme\s+en|sleeps?\s+in"
    r"|die|dying|morir|muere|kill\w*|matar\w*|suicid\w*|pills?|pastillas|married|marry|casar\w*|wedding"
    r"|boda|locks?\s+(?:her|him)|encierra\w*|amenaz\w*|threat\w*|deport\w*|drunk|borrach\w*"
    r"|drugs?|drogas?|pregnant|embarazada|abus\w*|touch\w*|toca\w*|no\s+(?:la|lo)\s+quieren"
    r"|nadie\s+(?:la|lo)\s+(?:quiere|extra[nñ]ar[ií]a))\b",
    re.IGNORECASE)


# Reports are short: a longer message is read only this far, and at most this much of it is read
# again as the student's words (``students_words``), so the extra readings stay cheap.
REPORT_READ_CHARS = 1_500
MAX_QUOTES = 3


def student_reported(text: str) -> tuple[int, int] | None:
    """The span of a report of a student's words or doings told to the sender, or None."""
    head = text[:REPORT_READ_CHARS]
    for m in _TELLS.finditer(head):
        window = head[max(0, m.start() - 80):m.start()]
        words = _WORD.findall(window)
        for i in range(len(words) - 1, max(len(words) - 5, -1), -1):
            w = words[i]
            if w.lower() in _TELLERS:
                break  # "I'm glad you told me": the reader or the sender told it
            if w.lower() in _PRONOUNS or _is_name(w, words[i - 1] if i else None):
                return m.start() - len(window) + window.rfind(w), m.end()
        found = _STUDENT_BEFORE.search(window)
        if found is not None:
            return m.start() - len(window) + found.start(), m.end()
    for m in _NOTICED.finditer(head):
        after = head[m.end():m.end() + 60]
        about = _STUDENT_AFTER.match(after)
        first = _WORD.match(after)
        if about is not None or (first is not None and _is_name(first.group(), None)):
            return m.start(), m.end() + (about.end() if about else first.end())
    return None


_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{8,}?)[\"”»]|(?<![A-Za-z])['‘]([^'‘’]{8,}?)['’](?![A-Za-z])")
# The third person read as the student's own first person: "she's been skipping meals so her
# sister can eat" -> "I'm been skipping meals so my sister can eat" (rough grammar is fine for
# the rules; the words and who they are about are what they read).
_FIRST_PERSON = {
    "she": "I", "he": "I", "her": "my", "his": "my", "him": "me", "herself": "myself",
    "himself": "myself", "she's": "I'm", "he's": "I'm", "she'd": "I'd", "he'd": "I'd",
    "she'll": "I'll", "he'll": "I'll", "hers": "mine", "is": "am", "has": "have",
    "doesn't": "don't", "does": "do", "su": "mi", "sus": "mis", "le": "me", "ella": "yo", "él": "yo",
}
_PERSON_WORD = re.compile(r"\b(?:she's|he's|she'd|he'd|she'll|he'll|herself|himself|hers|she|he|her|his|him"
                          r"|su|sus|le|ella|él)\b|\b(?:is|has|does|doesn't)\b", re.IGNORECASE)


def students_words(text: str, start: int) -> list[str]:
    """Readings of a report (``start``: where it begins) as the student's own message: every
    passage quoted from them, and what follows the report in the first person."""
    text = text[:REPORT_READ_CHARS]
    quotes = [a or b for a, b in _QUOTED.findall(text)][:MAX_QUOTES]
    rest = text[start:]
    shifted = _PERSON_WORD.sub(lambda m: _match_case(_FIRST_PERSON[m.group(0).lower()], m.group(0)), rest)
    return [q for q in quotes if len(q.split()) >= 2] + [shifted]


def _match_case(word: str, like: str) -> str:
    return word if word == "I" or not like[:1].isupper() else word[:1].upper() + word[1:]


def escalates(text: str) -> bool:
    """Whether the sender asks the coordinator to look into it, about a person ("flagging this",
    "can you check in with her", "me preocupa Mateo"), or says a worry or an ask on its own about
    what a disclosure is about ("… duerme en la lavandería. Se rió, pero me preocupa.")."""
    if _ESCALATES.search(text, 0, REPORT_READ_CHARS) is not None:
        return True
    head = text[:REPORT_READ_CHARS].replace("’", "'")  # "I’m worried" as typed on a phone
    return _WORRY_ALONE.search(head) is not None and _RISK_TOPIC.search(head) is not None
