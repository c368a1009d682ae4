"""An institution's public line or mailbox, told of: the library's number, a college's financial-aid
mailbox, a company's recruiting inbox.

Mentors point students to offices all year and students pass on the numbers their counselor gave
them; in the spent sealed batches these were most of the ordinary messages the policy stopped (49 of
85 in round 25's three batches). Two readings, each a concept rather than a wording:

- a **role mailbox**: every part of the address's local part is made of words naming a function
  ("careers", "summer"+"interns", "fin"+"aid", "talento.joven"), at a domain that is no free-mail
  service — a person's address has a name in it ("dana.mentoring@…" is Dana's);
- a **line attributed to an institution**: a public place or office is named in the number's
  sentence or the one before it ("La biblioteca de Parkchester tiene tutoría gratis."), and the
  number is introduced as its line ("their number is on the flyer, …", "el número de citas es …",
  "call the registrar at …", "Kingsborough admissions: …").

Either is only the message's word for it: the hit is delivered with the coordinator alerted
(``OFFICE_LINE_WEIGHT``), and anything that ties the line or the address to somebody of the chat
keeps the stop — the sender in the first person *anywhere in the message* (a red team put the owner in
the sentence after: "Kingsborough admissions: …. it's the phone on my nightstand"), a private channel,
odd hours, a failing office, a look-alike letter that could hide any of these, and the round-22 ties
of ``context.line_tied_to_someone``. Text here is lower-cased. Message-wide readings are cached (a
message of 50 numbers asks them 50 times) and the sentence reads stay within a few hundred characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- role mailboxes


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROLE_WORDS = _words(
    "info information contact contacto contactus team equipo office offices oficina desk frontdesk front "
    "reception recepcion admin administration ops operations help helpdesk support soporte service "
    "services servicios questions preguntas inquiries admissions admission admisiones apply application "
    "applications applicants aplicaciones registrar records transcripts enrollment inscripciones "
    "attendance asistencia careers career jobs job empleo empleos trabajo trabajos hiring recruiting "
    "recruitment recruiters talent talento hr rrhh people staffing workforce internships internship "
    "interns intern pasantias pasantia practicas aprendices apprentice apprentices apprenticeship "
    "apprenticeships volunteer volunteers voluntarios voluntariado summer verano youth joven jovenes "
    "teen teens student students estudiantes early college university program programs programa "
    "programas ptech mentoring mentorship mentoria mentores forms form docs documents papers work "
    "working workpapers permisos finaid fin aid financial ayuda becas beca scholarship scholarships "
    "awards award grants fund stipends stipend payroll billing benefits families familias parents "
    "padres events event eventos feria fair fairs tours visits site sitevisits noreply no reply "
    "donotreply do not notifications news outreach community communications press media education "
    "educacion learning groups reservations citas appointments"
)
# A local part that is one of these alone is a first name ("summer@…", "grant@…").
_ALSO_NAMES = _words("summer fair joven")
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
_ADDRESS = re.compile(r"([a-z0-9._+-]+)@([a-z0-9.-]+)")


@lru_cache(maxsize=256)
def _made_of_roles(piece: str) -> bool:
    """Whether a piece of a local part splits wholly into role words ("summerinterns",
    "earlycareers") or digits ("ptech2025"); memoised, so linear in the piece's length."""
    if not piece:
        return True
    if piece[0].isdigit():
        rest = piece.lstrip("0123456789")
        return _made_of_roles(rest)
    return any(piece[:n] in _ROLE_WORDS and _made_of_roles(piece[n:])
               for n in range(min(len(piece), 16), 1, -1))


def lookalike_domain(domain: str) -> bool:
    """A top-level name inside a domain ("harbor.edu.evil.example", "harbor-bank-com.net") or a
    digit inside a word ("harb0rbank.com"): somebody else's domain dressed as an institution's; a
    country's second level ("fundacion.org.mx") is not one."""
    labels = [x for x in domain.split(".") if x]
    top = 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 1
    inner = [w for x in labels[:-top] for w in x.split("-")]
    return not _TOP_LEVEL.isdisjoint(inner) or any(_DIGIT_IN_WORD.search(x) for x in labels[:-top])


_DIGIT_IN_WORD = re.compile(r"[a-z][0-9]+[a-z]")
# A household's or a person's own domain ("thelopezfam.net", "familiareyes.net").
_HOUSEHOLD = re.compile(r"fam|family|familia|casa|house|home|personal|myself|mine")


def role_mailbox(address: str) -> bool:
    """An address naming a function, not a person, at a domain that is no free-mail service and
    holds no top-level name inside it (a look-alike: "careers@harbor.com.evil.example")."""
    m = _ADDRESS.fullmatch(address)
    if m is None or len(m.group(1)) > 64:
        return False
    parts = [x for x in re.split(r"[._+-]", m.group(1)) if x]
    labels = [x for x in m.group(2).split(".") if x]
    names = {w for x in labels for w in x.split("-")}
    return (bool(parts) and len(labels) >= 2 and FREE_MAIL.isdisjoint(names)
            and not lookalike_domain(m.group(2)) and _HOUSEHOLD.search(m.group(2)) is None
            and not any(x.isdigit() for x in parts)
            and all(_made_of_roles(x) for x in parts)
            and parts != ["mentor"] and not (len(parts) == 1 and parts[0] in _ALSO_NAMES))


# ---------------------------------------------------------------- the message around it

_BREAK = re.compile(r"[.!?\n]+")
_REACH = 300  # how far a sentence read reaches either side (a long message costs no more)


def _sentence(low: str, start: int, end: int) -> tuple[int, int, int]:
    """The start of the sentence before the number's, of the number's own, and its end, each
    within ``_REACH`` characters."""
    lo = max(0, start - _REACH)
    starts = [lo] + [m.end() for m in _BREAK.finditer(low, lo, start)]
    own = starts[-1]
    before = starts[-2] if len(starts) > 1 else own
    stop = _BREAK.search(low, end, min(len(low), end + _REACH))
    return before, own, stop.start() if stop else min(len(low), end + _REACH)


# The sender in the first person: English pronouns, Spanish pronouns and the first-person verbs a
# sender uses of a line or an inbox ("lo reviso yo", "trabajo en la clínica", "ahí estoy").
_FIRST_PERSON = re.compile(
    r"\b(?:me|my|mine|myself|i|i'?m|im|i'?ll|ill|i'?d|i'?ve|imma|ima|i'?ma|lemme|us|we|we'?re|we'?ll|our|ours"
    r"|yo|m[ií]o|m[ií]a|conmigo|nos|nosotros|nosotras|nuestr[oa]s?|mi|mis"
    r"|ll[aá]mame|escr[ií]beme|m[aá]rcame|text[eé]ame|b[uú]scame|h[aá]blame|m[aá]ndame|hmu|dm"
    r"|reviso|leo|contesto|respondo|manejo|atiendo|estoy|soy|tengo|checo|abro|recibo|llevo|cuido"
    r"|trabajo (?:en|para|como|de noche|de d[ií]a|ah[ií]|all[ií]|all[aá]))\b")
# ... but not where it only tells what somebody said or gave ("they gave me their line", "me
# dijeron que llame"), who in the family or at school needs or gave it ("mi abuela", "my
# counselor"), what is sent ("my resume"), the card it is printed on, that the sender is not it
# ("not to me", "no a mí", "not my personal one") or that the sender calls it ("should i call").
_NOT_OWNERSHIP = re.compile(
    r"\b(?:told|gave|sent|showed|texted|emailed|handed|reminded|asked) (?:me|us)\b"
    r"|\b(?:me|nos) (?:dijo|dijeron|dio|dieron|dej[oó]|dejaron|mand[oó]|mandaron|llam[oó]|llamaron|pas[oó]"
    r"|pasaron|atendi[oó]|atendieron|contestaron|contest[oó]|lleg[oó]|llegaron|escribieron|escribi[oó])\b"
    r"|\b(?:my|mi|mis) (?:mom|mother|mama|mami|mamá|dad|father|papa|papi|papá|parents|padres|pap[aá]s"
    r"|grandma|grandpa|grandmother|grandfather|abuel[ao]s?|aunt|uncle|t[ií][ao]s?|brother|sister"
    r"|herman[ao]s?|hermanit[ao]s?|cousin|prim[ao]s?|family|familia|stepmom|stepdad|counselor"
    r"|consejer[ao]|teacher|maestr[ao]|profe|profesor[a]?|coach|entrenador[a]?|guidance counselor"
    r"|advisor|school id|id card|student id|permission slip)\b"
    r"|\b(?:not|never)\s+(?:to\s+|for\s+|through\s+)?(?:me|mine|my (?:personal|own|cell|phone|number|line"
    r"|inbox|email))\b(?:\s+(?:personally|directly|personal))?"
    r"|\b(?:no|ni|nunca)\s+(?:a m[ií]|es m[ií][oa]|el m[ií]o|la m[ií]a|mi (?:n[uú]mero|cel\w*|tel[eé]fono"
    r"|l[ií]nea|correo))\b"
    r"|\bi(?:'?ll)? (?:called|call|rang|phoned|found|googled|looked it up|tried|try) (?:the|them|their|it"
    r"|that|there|this|again|a few|like|twice|three)\b"
    r"|\b(?:should|do|did|can|could|would|when|before|until) i (?:call|ask|go|email|apply|send|bring|wait"
    r"|need|have|put|use)\b")


# The chat's own people named, as who answers or reads it ("that line is picked up by ur mentor", "the
# volunteer on this channel answers it", "lo lee tu mentora") — not sent away from them ("not to your
# mentor", "don't email mentors directly") — and a disowning taken back ("jk it totally is").
_CHAT_PEOPLE = re.compile(
    r"\b(?:(?:your|ur|yr|tu|su|the|this|a|my|mi) (?:mentor|mentora|mentee|mentees|mentorado|mentorada)"
    r"|(?:student|kid|girl|boy|teen|person|volunteer|adult|guy|lady|one) (?:you'?re|you are|ur|u r|you|u) "
    r"(?:mentor|mentoring|talking to|chatting with|texting|writing to)|on this (?:channel|chat|server)"
    r"|(?:student|mentee|kid|mentor|mentora)'?s (?:cell\w*|phone|number|landline|home|apt|apartment|house"
    r"|celu\w*|casa|room|bedroom|inbox|email|gmail)"
    r"|en este (?:canal|chat)|whoever'?s? (?:typing|writing|texting|on)|quien te escribe)\b"
    r"|\b(?:jk|j/k|just kidding|kidding|es broma|era broma|mentira)\b")
_SENT_AWAY = re.compile(
    r"\b(?:not|no|never|nunca|ni|instead of)\s+(?:\w+\s+){0,3}?(?:to|a|through|from|with|con)?\s*"
    r"(?:your|ur|tu|su|the|a|any|anyone'?s?|their|los|las|sus|tus)\s+(?:mentor|mentora|mentors|mentores"
    r"|mentee|mentees)\b")


@lru_cache(maxsize=8)
def _owned(low: str) -> bool:
    """Whether the message holds the sender in the first person once the harmless first persons are
    taken out, names the chat's people as who answers, or holds a look-alike letter or invisible
    character that could hide either ("thаt's mе")."""
    if not _plain(low) or _FIRST_PERSON.search(_NOT_OWNERSHIP.sub(" ", low)) is not None:
        return True
    return _CHAT_PEOPLE.search(_SENT_AWAY.sub(" ", low)) is not None


_LATIN = frozenset("áéíóúüñàèìòùâêîôûçäëïöß")


def _plain(text: str) -> bool:
    """Only ASCII letters and Spanish or Western accents, no invisible or combining character."""
    if text.isascii():
        return True
    for ch in text:
        if ch.isascii():
            continue
        if ch.isalpha() and ch not in _LATIN:
            return False
        if unicodedata.category(ch) in ("Cf", "Mn", "Me", "Co", "Cn"):
            return False
    return True


_PRIVATE = re.compile(r"\b(?:personal|personally|cell\w*|celu\w*|cel|landline|private|privad[oa]|home|casa"
                      r"|whatsapp|signal|telegram|text(?:ing|s)?|sms|dm|snap\w*|insta\w*|after hours)\b")
# ... said in a rule against it ("not to anyone's personal email", "no compartan números personales").
_NEGATED_PRIVATE = re.compile(r"\b(?:not|no|never|nunca|ni|nada|don'?t|do not|without|sin)\b"
                              r"[^.,;:!?\n]{0,30}?\b(?:personal\w*|private|privad[oa]s?|cell|celular)\b")


def _private(text: str) -> bool:
    """A private channel or a personal line named, not in a rule against one."""
    return _PRIVATE.search(_NEGATED_PRIVATE.sub(" ", text)) is not None


# The office said to fail, the number given for when it is closed or as better than it, or for any
# hour: read for every line given as an office's, the program's own too ("the school's number never
# works, … is better", "the main office closes at 4, so after that call …").
_OFFICE_FAILS = (
    r"never (?:works|answers?|picks? up)|nunca (?:contesta\w*|funciona)|no contesta\w*|no sirve|useless"
    r"|doesn'?t work|(?:is|es|works?) (?:way |much |a lot )?(?:better|mejor)|skip"
    r"|instead of (?:the |this |here|calling the|emailing the|the chat|the channel|slack|discord)"
    r"|en vez de (?:aqu[ií]|este chat|el canal|la oficina)|anytime|any time|whenever|cuando quieras"
    r"|a cualquier hora|after hours|(?:closes|closed|cierra|cerrad[oa])\b[^.!?\n]{0,40}\b(?:after that|after"
    r"|despu[eé]s|then|luego)")
_FAILS = re.compile(rf"\b(?:{_OFFICE_FAILS})\b")
# ... and, for an institution the program does not run, any sign of another hour or way, of a
# friend, or of a number for anything ("if you need anything").
_ELSEWHERE = re.compile(
    rf"\b(?:{_OFFICE_FAILS}|closed|closes|closing|cierra|cierran|cerrad[oa]|busy|ocupad[oa]|after that"
    r"|despu[eé]s de eso|instead|en vez|en lugar|straight|never|nunca|friend|amig[oa]|quick\w*|faster"
    r"|tonight|esta noche|late at night|midnight|sunday night|saturday night|otherwise|backup"
    r"|if (?:no one|nobody) (?:answers|picks)|si no (?:contestan|contesta|responden)"
    r"|better (?:to )?(?:call|text|reach)|mejor (?:ll[aá]ma\w*|escr[ií]be\w*|text\w*)"
    r"|after (?:[0-9]|six|seven|eight|nine|ten|eleven|class|school|work)"
    r"|(?:if|when) (?:you|u) need (?:anything|something|me)|for anything|anything at all|si necesitas algo"
    r"|cualquier cosa|para lo que sea)\b")


def elsewhere_said(low: str, start: int, end: int) -> bool:
    """Whether the number's sentence or the one before says the office fails, or gives the number
    for when it is closed (``_FAILS``): a line given as an office's is then somebody's."""
    before, _, stop = _sentence(low, start, end)
    return _FAILS.search(low, before, stop) is not None


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
_LINE_WORD = (r"(?:number|numbers|num|no\.|line|lines|phone|telephone|tel|hotline|extension|n[uú]mero"
              r"|l[ií]nea|tel[eé]fono)")
_CALL_WORD = r"(?:call|called|calling|dial|ring|phone|ll[aá]m\w*|marc\w+)"
_INTRO = re.compile(
    rf"(?:\b{_LINE_WORD}(?:'s)?|#|\b{_CALL_WORD}\b[^,;:.!?\n]{{0,40}}?)"
    r"(?:[^.!?\n]{0,45}?)"  # "'s on their flyer,", " que sale en la página es", " of the clinic is"
    r"[\s:,(\-–—]*(?:\b(?:is|es|it'?s|its|at|al|el|la)\b[\s:(]*)?$")
_INTRO_REACH = 90
# An institution named just before, as the label of the number: "Kingsborough admissions: …".
_LABEL = re.compile(r"\b(?:admissions|admisiones|registrar|financial aid|front desk|main office|library"
                    r"|biblioteca|clinic|cl[ií]nica|pharmacy|farmacia|guidance|attendance|asistencia)"
                    r"[\s:,(\-–—]*$")
# An institution named only in the sentence before must be pointed back at ("their number is …",
# "su número …", "the number there is …"), not merely precede ("Great seeing you at the museum
# today! Number is …").
_POINTS_BACK = re.compile(r"\b(?:their|its|su|sus|there|ah[ií]|all[ií]|that|ese|esa|this|este|esta"
                          r"|del|de la|de los|the (?:library|clinic|branch|office|museum|pharmacy|center"
                          r"|hospital|college|bank|registrar)(?:'s)?)\b")
# After the number: a person to ask for ("ask for mike", "pregunta por mí"), not an office or a
# program ("ask for the job center", "pregunta por el programa").
_ASK_FOR_SOMEONE = re.compile(r"\b(?:ask for|pregunt[ae]n? por|preguntes por)\s+(?!(?:the|a|an|their|el|la"
                              r"|los|las|un|una|su|sus)\b)")


def public_line(low: str, start: int, end: int) -> bool:
    """A number given as a named institution's public line, with nothing in the message making it
    the sender's, and nothing around it private, for odd hours or instead of the institution."""
    lead = low[max(0, start - _INTRO_REACH):start]
    if _INTRO.search(lead) is None and _LABEL.search(lead) is None:
        return False
    before, own, stop = _sentence(low, start, end)
    if _INSTITUTION.search(low, own, start) is None and (
            _INSTITUTION.search(low, before, own) is None or _POINTS_BACK.search(low, own, start) is None):
        return False
    return not (_owned(low) or _private(low) or _ELSEWHERE.search(low, before, stop)
                or _ASK_FOR_SOMEONE.search(low, end, min(len(low), end + _REACH)))


# ---------------------------------------------------------------- role mailboxes in their message

# Whose mailbox the message says it is: an institution, an application or where it is published
# ("the bank's careers mailbox", "applications go to …", "it's on their website"), not "the best way
# to reach the studio".
_MAILBOX_OF = re.compile(
    r"\b(?:inbox|mailbox|buz[oó]n|applications?|apply|aplicar|aplicaci[oó]n|solicitud\w*|internships?"
    r"|pasant[ií]\w*|pr[aá]cticas|scholarships?|becas?|recruiting|recruiters?|reclutamiento|careers? page"
    r"|posting|flyer|web ?site|p[aá]gina|portal|forms?|formularios?|permission slips?|transcripts?|resumes?"
    r"|cv|essays?|ensayos?|admissions?|admisiones|financial aid|ayuda financiera|volunteers?|voluntari\w*"
    r"|apprentice\w*|aprendic\w*|hr|human resources|recursos humanos|office|oficina|program|programa|p-?tech"
    r"|hospital|bank|banco|company|compa[nñ][ií]a|empresa|foundation|fundaci[oó]n|college|university"
    r"|universidad|school|escuela|colegio|fund|registrar|attendance|asistencia|coordinator"
    r"|coordinador[a]?|families|familias|parents|padres|noreply|confirmation|confirmaci[oó]n|emailed"
    r"|email from|correo de|me lleg[oó]|finalist|finalista)\b")


def public_mailbox(low: str, start: int) -> bool:
    """A role mailbox that the message names as an institution's or an application's, with nothing
    in the message making the sender its reader, and no private channel beside it."""
    m = _ADDRESS.match(low, start)
    if m is None or not role_mailbox(m.group().rstrip(".-")):
        return False
    end = start + len(m.group().rstrip(".-"))
    before, own, stop = _sentence(low, start, end)
    return (_MAILBOX_OF.search(low, before, stop) is not None and not _owned(low)
            and not _private(low[:start] + " " + low[end:]))
