"""An institution's public line or mailbox, told of: the library's number, a college's financial-aid
mailbox, a company's recruiting inbox.

Mentors point students to offices all year and students pass on the numbers their counselor gave
them; in the spent sealed batches these were most of the ordinary messages the policy stopped (49 of
85 in rounds 25's three batches). Two readings, each a concept rather than a wording:

- a **role mailbox**: every part of the address's local part is made of words naming a function
  ("careers", "summer"+"interns", "fin"+"aid", "talento.joven"), at a domain that is no free-mail
  service — a person's address has a name in it ("dana.mentoring@…" is Dana's);
- a **line attributed to an institution**: a public place or office is named in the number's
  sentence or the one before it ("La biblioteca de Parkchester tiene tutoría gratis."), and the
  number is introduced as its line ("their number is on the flyer, …", "el número de citas es …",
  "call the registrar at …", "Kingsborough admissions: …").

Either is only the message's word for it: the hit is delivered with the coordinator alerted
(``OFFICE_LINE_WEIGHT``), and anything that ties the line or the address to somebody of the chat —
the sender in the first person, a line of their own, the chat's people, privacy, odd hours (the
round-22 ties in ``context.line_tied_to_someone``) — keeps the stop. Text here is lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- role mailboxes


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROLE_WORDS = _words(
    "info information contact contacto contactus hello hola general team equipo office offices "
    "oficina desk frontdesk front reception recepcion admin administration ops operations help "
    "helpdesk support soporte service services servicios questions preguntas inquiries ask admissions "
    "admission admisiones apply application applications applicants aplicaciones registrar records "
    "transcripts enrollment inscripciones attendance asistencia careers career jobs job empleo "
    "empleos trabajo trabajos hiring hire recruiting recruitment recruiters talent talento hr rrhh "
    "people staffing workforce internships internship interns intern pasantias pasantia practicas "
    "aprendices apprentice apprentices apprenticeship apprenticeships volunteer volunteers "
    "voluntarios voluntariado summer verano youth joven jovenes teen teens student students "
    "estudiantes early college university program programs programa programas ptech mentoring "
    "mentorship mentoria mentores forms form docs documents papers work working workpapers permisos "
    "finaid fin aid financial ayuda becas beca scholarship scholarships awards award grants grant "
    "fund stipends stipend payroll billing benefits families familias parents padres events event "
    "eventos feria fair fairs tours visits site sitevisits noreply no reply donotreply do not "
    "notifications news outreach community communications press media education educacion learning "
    "programs groups reservations citas appointments"
)
_FREE_MAIL = _words(
    "gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol proton protonmail pm gmx "
    "mail email zoho yandex tutanota fastmail hushmail inbox"
)
_TOP_LEVEL = _words(
    "com org net gov io co info biz us"
)
_ADDRESS = re.compile(r"([a-z0-9._+-]+)@([a-z0-9.-]+)")


@lru_cache(maxsize=256)
def _made_of_roles(piece: str) -> bool:
    """Whether a piece of a local part splits wholly into role words ("summerinterns",
    "earlycareers") or digits ("ptech2025")."""
    if not piece:
        return True
    if piece[0].isdigit():
        i = 1
        while i < len(piece) and piece[i].isdigit():
            i += 1
        return _made_of_roles(piece[i:])
    return any(piece[:n] in _ROLE_WORDS and _made_of_roles(piece[n:])
               for n in range(min(len(piece), 16), 1, -1))


def role_mailbox(address: str) -> bool:
    """An address naming a function, not a person, at a domain that is no free-mail service."""
    m = _ADDRESS.fullmatch(address)
    if m is None:
        return False
    parts = [x for x in re.split(r"[._+-]", m.group(1)) if x]
    labels = [x for x in re.split(r"[.-]", m.group(2)) if x]
    # a top-level name inside the domain is a look-alike ("careers@harbor.com.evil.example")
    return (bool(parts) and len(labels) >= 2 and _FREE_MAIL.isdisjoint(labels)
            and _TOP_LEVEL.isdisjoint(labels[:-1])
            and not any(x.isdigit() for x in parts)
            and all(_made_of_roles(x) for x in parts) and parts != ["mentor"])


# ---------------------------------------------------------------- lines attributed to institutions

# Public places and offices that own a line.
_INSTITUTION = re.compile(
    r"\b(?:library|libraries|biblioteca|branch|sucursal|clinic|cl[ií]nica|hospital|pharmacy|farmacia"
    r"|museum|museo|urgent care|health cent(?:er|re)|centro de salud|community cent(?:er|re)"
    r"|admissions?|admisiones|registrar|financial aid|ayuda financiera|financial-aid|bursar"
    r"|college|university|universidad|cuny|suny|community college|union|sindicato|guidance|counseling"
    r"|attendance|asistencia|main office|front desk|front office|oficina|office|department|dept"
    r"|departamento|bank|banco|agency|agencia|consulate|consulado|dmv|mta|dentist|dental|odontolog[ií]a"
    r"|doctor'?s office|pediatra|foundation|fundaci[oó]n|school|escuela|colegio|program|programa|p-?tech"
    r"|company|empresa|hr|human resources|recursos humanos|ymca|ywca|shelter|albergue|food pantry"
    r"|despensa|church|iglesia|precinct|city hall|center|centro|box office|taquilla|help ?desk)\b")
# The number introduced as a line: a line word or a call just before it, with only a pointer
# ("… is on their flyer,", "que sale en google es", "its") between.
_LINE_WORD = (r"(?:number|numbers|num|no\.|#|line|lines|phone|telephone|tel|hotline|extension|n[uú]mero"
              r"|l[ií]nea|tel[eé]fono)")
_CALL_WORD = r"(?:call|called|calling|dial|ring|phone|ll[aá]m\w*|marc\w+)"
_INTRO = re.compile(
    rf"(?:\b{_LINE_WORD}(?:'s)?|\b{_CALL_WORD}\b[^,;:.!?\n]{{0,40}}?)"
    r"(?:[^.!?\n]{0,45}?)"  # "'s on their flyer,", " que sale en la página es", " of the clinic is"
    r"[\s:,(\-–—]*(?:\b(?:is|es|it'?s|its|at|al|el|la|:)\b[\s:(]*)?$")
_INTRO_REACH = 90
# An institution named just before, as the label of the number: "Kingsborough admissions: …".
_LABEL = re.compile(r"\b(?:admissions|admisiones|registrar|financial aid|front desk|main office|library"
                    r"|biblioteca|clinic|cl[ií]nica|pharmacy|farmacia|guidance|attendance|asistencia)"
                    r"[\s:,(\-–—]*$")
_BREAK = re.compile(r"[.!?\n]+")

# The sender or the line's owner in the first person: not released (the office-line readings of
# ``context`` handle "reach me through the office").
_FIRST_PERSON = re.compile(
    r"\b(?:me|my|mine|myself|i|i'?m|i'?ll|i'?d|i'?ve|us|yo|m[ií]o|m[ií]a|conmigo"
    r"|nos|ll[aá]mame|escr[ií]beme|m[aá]rcame|text[eé]ame|b[uú]scame|h[aá]blame"
    r"|m[aá]ndame|hmu|dm)\b|\bmi\b|\bmis\b")
# ... but not where the first person only tells what somebody said or gave ("they gave me their
# line", "me dijeron que llame"), who in the family needs the number ("mi abuela necesita una cita"),
# which card it is printed on ("the back of my school id"), or that the sender is not it ("not me",
# "no el mío", "not my personal one").
_NOT_OWNERSHIP = re.compile(
    r"\b(?:told|gave|sent|showed|texted|emailed|handed|reminded|asked) (?:me|us)\b"
    r"|\b(?:me|nos) (?:dijo|dijeron|dio|dieron|dej[oó]|dejaron|mand[oó]|mandaron|llam[oó]|llamaron|pas[oó]"
    r"|pasaron|atendi[oó]|atendieron|contestaron|contest[oó])\b"
    r"|\b(?:my|mi|mis) (?:mom|mother|mama|mami|mamá|dad|father|papa|papi|papá|parents|padres|pap[aá]s"
    r"|grandma|grandpa|grandmother|grandfather|abuel[ao]s?|aunt|uncle|t[ií][ao]s?|brother|sister"
    r"|herman[ao]s?|hermanit[ao]s?|cousin|prim[ao]s?|family|familia|stepmom|stepdad|counselor"
    r"|consejer[ao]|teacher|maestr[ao]|profe|profesor[a]?|coach|entrenador[a]?|guidance counselor"
    r"|advisor|school id|id card|student id|id|permission slip|resume|résumé|cv|essay|ensayo|application"
    r"|aplicaci[oó]n|solicitud|hoja de vida|transcripts?|papeles|documentos|documents|cover letter|carta)\b"
    r"|\b(?:not|no|never|nunca|ni)\s+(?:to\s+|a\s+|es\s+|el\s+|la\s+|is\s+)?(?:me|m[ií]|mine|m[ií]o|m[ií]a"
    r"|yo|my (?:personal|own|cell|phone|number|line)|mi (?:n[uú]mero|cel\w*|tel[eé]fono|l[ií]nea))\b"
    r"(?:\s+(?:personally|directly|directo|personal))?")
_PRIVATE_LINE = re.compile(r"\b(?:personal|personally|cell|celular|cel|private|privad[oa]|home|casa"
                           r"|whatsapp|signal|telegram|text(?:ing|s)?|sms|dm|snap\w*|insta\w*|after hours)\b")
# ... said of it, not in a rule against it ("not to anyone's personal email", "no compartan números
# personales", "not me personally").
_NEGATED_PRIVATE = re.compile(r"\b(?:not|no|never|nunca|ni|nada|don'?t|do not|without"
                              r"|sin)\b[^.,;:!?\n]{0,30}?"
                              r"\b(?:personal\w*|private|privad[oa]s?|cell|celular)\b")


def _private(text: str) -> bool:
    """A private channel or a personal line named, not in a rule against one."""
    return _PRIVATE_LINE.search(_NEGATED_PRIVATE.sub(" ", text)) is not None
# After the number: the sender as the one who answers ("ask for mike", "pregunta por mí"), but not an
# office or a program asked for ("ask for the job center", "pregunta por el programa").
_ASK_FOR_SOMEONE = re.compile(r"\b(?:ask for|pregunt[ae]n? por|preguntes por)\s+(?!(?:the|a|an|their|el|la"
                              r"|los|las|un|una|su|sus)\b)")


# The institution failing or closed, or a call at another hour or instead: the number is then
# somebody's own ("the main office closes at 4, so after that call 917-…").
_ELSEWHERE = re.compile(
    r"\b(?:closed|closes|closing|cierra|cierran|cerrad[oa]|busy|ocupad[oa]|after that|despu[eé]s de eso"
    r"|instead"
    r"|en vez|en lugar|useless|no sirve|no contesta\w*|never (?:answer|pick)\w*|nunca contesta\w*|skip"
    r"|straight"
    r"|never|nunca|(?:is|es|works?) (?:way |much |a lot )?(?:better|mejor)|doesn'?t work|no funciona"
    r"|friend|amig[oa]|quick\w*|faster|tonight|esta noche|anytime|any time"
    r"|whenever"
    r"|cuando quieras|a cualquier hora|late at night|after hours|otherwise|backup|if (?:no one"
    r"|nobody) (?:answers|picks)"
    r"|si no (?:contestan|contesta|responden)|better (?:to )?(?:call|text|reach)|mejor (?:ll[aá]ma\w*"
    r"|escr[ií]be\w*"
    r"|text\w*)|after (?:[0-9]|six|seven|eight|nine|ten|eleven|midnight|class|school|work))\b")


# The narrow part, for every line given as an office's (the program's own too): the office said to
# fail, or the number for when it is closed, or better than it ("the school's number never works,
# … is better", "the main office closes at 4, so after that call …").
_OFFICE_FAILS = re.compile(
    r"\b(?:never (?:works|answers?|picks? up)|nunca (?:contesta\w*|funciona)|no contesta\w*|no sirve|useless"
    r"|doesn'?t work|(?:is|es|works?) (?:way |much |a lot )?(?:better|mejor)|instead|en vez|en lugar|skip"
    r"|anytime|any time|whenever|cuando quieras|a cualquier hora|after hours"
    r"|(?:closes|closed|cierra|cerrad[oa])\b[^.!?\n]{0,40}\b(?:after that|after|despu[eé]s|then|luego))\b")


def elsewhere_said(low: str, start: int, end: int) -> bool:
    """Whether the number's sentence or the one before says the office fails, or gives the number
    for when it is closed (``_OFFICE_FAILS``): a line given as an office's is then somebody's."""
    before, _, stop = _sentence(low, start, end)
    return _OFFICE_FAILS.search(low, before, stop) is not None


def _sentence(low: str, start: int, end: int) -> tuple[int, int, int]:
    """The start of the sentence before the number's, of the number's own, and its end."""
    starts = [0] + [m.end() for m in _BREAK.finditer(low, 0, start)]
    own = starts[-1]
    before = starts[-2] if len(starts) > 1 else own
    stop = _BREAK.search(low, end)
    return before, own, stop.start() if stop else len(low)


# ... nor, of a line, the sender as the one who calls it ("i called the pharmacy", "should i call").
_CALLER = re.compile(
    r"\bi(?:'?ll)? (?:called|call|rang|phoned|found|googled|looked it up|tried|try) (?:the|them|their|it|that"
    r"|there|this|again|back there|a few|like|twice|three)\b"
    r"|\b(?:should|do|did|can|could|would|when|before|until) i (?:call|ask|go|email|apply|send|bring|wait"
    r"|need|have|tell|say|mention|put|use)\b")


_LATIN = frozenset("áéíóúüñàèìòùâêîôûçäëïöß")


def _plain(text: str) -> bool:
    """Only ASCII letters and Spanish/Western accents, no invisible or combining character: a
    look-alike letter ("thаt's mе" in Cyrillic) would hide a tie from these word lists."""
    for ch in text:
        if ch.isascii():
            continue
        if ch.isalpha() and ch not in _LATIN:
            return False
        if unicodedata.category(ch) in ("Cf", "Mn", "Me", "Co", "Cn"):
            return False
    return True


def _owned(text: str) -> bool:
    """Whether text holds the first person once the harmless first persons are taken out."""
    return _FIRST_PERSON.search(_CALLER.sub(" ", _NOT_OWNERSHIP.sub(" ", text))) is not None


def public_line(low: str, start: int, end: int) -> bool:
    """A number given as a named institution's public line, and nothing in its sentence making it
    the sender's, private, or for odd hours."""
    before, own, stop = _sentence(low, start, end)
    lead = low[max(own, start - _INTRO_REACH):start]
    if _INTRO.search(lead) is None and _LABEL.search(lead) is None:
        return False
    if _INSTITUTION.search(low, before, start) is None:
        return False
    sentence = low[own:stop]
    # the first person anywhere in the message (round 26's red team: "Kingsborough admissions: …. it's
    # the phone on my nightstand", "… if I don't answer just call back"), a look-alike letter or an
    # invisible character hiding it
    return not (_owned(low) or not _plain(low) or _private(sentence) or _ASK_FOR_SOMEONE.search(low, end)
                or _ELSEWHERE.search(low, before, stop))


# ---------------------------------------------------------------- addresses in their sentence

# An address: the sender disowning it is fine ("not to me", "not my personal one", "no a mí"),
# the sender as its reader is not ("email me at …", "that's my work inbox").
# The sender as the mailbox's reader: "email me at …", "send it to me", "my work inbox", "i check it".
_READER = re.compile(
    r"\b(?:email|e-mail|mail|write|send|sent|reach|contact|message|msg|dm|text|cc|bcc|forward|copy)"
    r"(?: it| them| this| that| those)? (?:to )?me\b|\b(?:to|for|at|reach) me\b|\bmy\b|\bmine\b|\bmi\b"
    r"|\bm[ií][oa]\b|\ba m[ií]\b|\bconmigo\b|\byo\b|\b(?:escr[ií]beme|m[aá]ndame|m[aá]ndamel[oa]"
    r"|cont[aá]ctame"
    r"|ll[aá]mame|av[ií]same)\b|\bi (?:check|read|see|answer|made|set up|use|own|run|monitor|get)\b"
    r"|\b(?:that'?s|thats|it'?s|its|es) (?:just |really |actually )?(?:me|mine|yo)\b")


# ... and whose mailbox the message says it is: an institution, an application or where it is
# published ("the bank's careers mailbox", "applications go to …", "it's on their website"), not
# "the best way to reach the studio".
_MAILBOX_OF = re.compile(
    r"\b(?:inbox|mailbox|buz[oó]n|applications?|apply|aplicar|aplicaci[oó]n|solicitud\w*|internships?"
    r"|pasant[ií]\w*"
    r"|pr[aá]cticas|scholarships?|becas?|recruiting|recruiters?|reclutamiento|careers? page|posting|flyer"
    r"|website"
    r"|web ?site|p[aá]gina|portal|forms?|formularios?|permission slips?|transcripts?|resumes?|cv|essays?"
    r"|ensayos?"
    r"|admissions?|admisiones|financial aid|ayuda financiera|volunteers?|voluntari\w*|apprentice\w*"
    r"|aprendic\w*"
    r"|hr|human resources|recursos humanos|office|oficina|program|programa|p-?tech|hospital|bank|banco"
    r"|company"
    r"|compa[nñ][ií]a|empresa|foundation|fundaci[oó]n|college|university|universidad|school|escuela|colegio"
    r"|fund"
    r"|registrar|attendance|asistencia|coordinator|coordinador[a]?|families|familias|parents|padres|noreply"
    r"|confirmation|confirmaci[oó]n|emailed|email from|correo de|me lleg[oó]|finalist|finalista)\b")


def public_mailbox(low: str, start: int, end: int) -> bool:
    """A role mailbox given in a sentence that does not make it the sender's own."""
    m = _ADDRESS.match(low, start)
    if m is None or not role_mailbox(m.group().rstrip(".-")):
        return False
    end = start + len(m.group().rstrip(".-"))
    before, own, stop = _sentence(low, start, end)
    if _MAILBOX_OF.search(low, before, stop) is None:
        return False
    sentence = low[own:start] + " " + low[end:stop]
    # the sender as its reader anywhere in the message ("… I read every one that comes in", "La cuenta
    # la manejo yo"), or a look-alike letter or invisible character hiding it
    return (_READER.search(_NOT_OWNERSHIP.sub(" ", low[:start] + " " + low[end:])) is None
            and _FIRST_PERSON.search(_NOT_OWNERSHIP.sub(" ", low[:start] + " " + low[end:])) is None
            and _plain(low) and not _private(sentence))
