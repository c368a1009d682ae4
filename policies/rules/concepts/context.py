"""What a match means in its sentence: negated, reported, quoted, or said as advice.

These checks run only on the few matches a message has, over a short window of folded text
before the match, with plain ``re`` (the window is bounded, so they stay cheap and linear).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policies.rules.concepts.institution import FREE_MAIL, lookalike_domain

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
    r"|te piden)|if (?:a|an|some|any) [a-z'\"]+ (?:dms?|messages?|asks?|texts?|offers?|contacts?|adds?|sends?"
    r"|reaches out|tells?|wants?)|si (?:un|una|alg[uú]n|alguna) \w+ te (?:escribe|pide|manda|contacta|ofrece"
    r"|agrega|dice))\b"
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
        return single_quoted(text, start, end)
    rest = _SENTENCE_END.search(text, end)
    return '"' in text[end:rest.start() if rest else len(text)]


# Quotes in single or typographic marks ('…', ‘…’, “…”): an opening mark at the start of a word,
# a closing one at its end, so an apostrophe inside a word ("don't", "girls' room") is neither.
_QUOTE_OPEN = re.compile(r"(?:^|(?<=[\s(\[:]))['`\"\u2018\u201c](?=[^\W_])")
_QUOTE_CLOSE = re.compile(r"(?<=[^\s'`\"\u2018\u201c])['`\"\u2019\u201d](?=$|[\s.,!?;:)\]…]|[^\x00-\x7f])")
_QUOTE_REACH = 120
# ... and only words somebody said or wrote: a verb of saying or writing just before the opening
# mark ("typed 'im gonna find u'", "texting someone 'what's ur address'", "me dijo 'no le
# digas'"). A quote with no such verb may be the sender's own slogan ("remember: 'what happens
# here stays here' 😉"), so it is read as the sender's words.
_SAID_BEFORE_QUOTE = re.compile(
    r"\b(?:said|says|say|saying|typed|types|typing|texted|texts|texting|wrote|writes|writing"
    r"|asked|asks|asking|messaged|messages|messaging|dm'?d|dms|posted|posts|posting|commented"
    r"|comments|replied|replies|answered|goes|went|yelled|yells|screamed|called|calls"
    r"|tweeted|captioned|sent|sends|told|tells|telling|threatened|threatens"
    r"|dijo|dice|dicen|dec[ií]a|escribi[oó]|escribe|escriben|puso"
    r"|pone|pusieron|mand[oó]|manda|mandaron|pregunt[oó]|pregunta|contest[oó]|grit[oó]|coment[oó]"
    r"|public[oó]|llam[oó])\b(?:\W+[\w']+){0,4}\W*$")
# ... or a title or a term named, not used: "that song 'Call me when you want'", "what does
# "reach out" mean in an email?"
_NAMED_BEFORE_QUOTE = re.compile(
    r"\b(?:songs?|canci[oó]n|track|album|[aá]lbum|movie|film|pel[ií]cula|show|series|book|libro|poem|line|lyrics?"
    r"|letra|verse|chorus|coro|caption|title|t[ií]tulo"
    r"|poema|called|titled|named|llamad[ao]|titulad[ao]|word|words|phrase|term|palabra|frase|t[eé]rmino"
    r"|expression|expresi[oó]n|what does|what do|qu[eé] significa|que quiere decir)\W*$")
_APPLIED_TO_US = re.compile(
    r"\b(?:us|our|ours|we|nosotros|nuestr[oa]s?|you|u|ya|your|ur|t[uú]|ti|te|do it|hazlo|reminds? me"
    r"|me recuerda"
    r"|show me|pics?|photos?|fotos?"
    r"|that'?s (?:what|how|us|our|the)|eso (?:es|somos)|saturday|sunday|friday|tonight|tomorrow|at \d|then"
    r"|deal|wanna|want to|quieres|[aá]ndale|see you|nos vemos|s[aá]bado|domingo|viernes|ma[nñ]ana|esta noche"
    r"|entonces)\b")
_MEANING_AFTER_QUOTE = re.compile(r"\W{0,3}(?:mean|means|meant|significa|quiere decir|stands for)\b")
# ... said by somebody else: "like I said 'delete this chat'", "as I wrote: '…'", "you said '…'"
# are the two people in this chat, not words passed on.
_OWN_SAYING = re.compile(r"\b(?:i|i've|ive|i'd|id|i'll|ill|we|you|u|ya|yo|tu|nosotros)"
                         r"(?: (?:just|already|literally|also|even|ya|never|always|kept|keep|had|have))?"
                         r" \w+$")
_VERB = re.compile(r"[\w']*")


def single_quoted(text: str, start: int, end: int) -> bool:
    """The match lies inside a quote in single or typographic marks on one line: somebody's
    words the sender passes on ("this guy typed 'i'm gonna find u'", "texting 'what's ur
    address' at work means UPS"), not the sender's own."""
    lo = max(0, start - _QUOTE_REACH)
    line = text.rfind("\n", lo, start)
    lo = line + 1 if line >= 0 else lo
    opened = None
    for m in _QUOTE_OPEN.finditer(text, lo, start + 1):
        if m.end() <= start:
            opened = m.end()
    if opened is None or _QUOTE_CLOSE.search(text, opened, start) is not None:
        return False
    said = _SAID_BEFORE_QUOTE.search(text, lo, opened - 1)
    if said is None:
        return False
    verb_end = said.start() + len(_VERB.match(text, said.start()).group())
    if _OWN_SAYING.search(text, lo, verb_end) is not None:
        return False
    hi = text.find("\n", end, end + _QUOTE_REACH)
    return _QUOTE_CLOSE.search(text, end, hi if hi >= 0 else end + _QUOTE_REACH) is not None


def named_in_quotes(text: str, start: int, end: int) -> bool:
    """The match lies in quotes that name a title or a term ("esa canción 'Call me when you
    want'", "what does "reach out" mean?"), and the sender does not apply it to the two of them
    ("… reminds me of you, do it", "that's our rule now", "friday at 4 then"). Read for a
    student's message only: an adult's "the song 'send me a pic…'" is the ask itself."""
    lo = max(0, start - _QUOTE_REACH)
    line = text.rfind("\n", lo, start)
    lo = line + 1 if line >= 0 else lo
    opened = None
    for m in _QUOTE_OPEN.finditer(text, lo, start + 1):
        if m.end() <= start:
            opened = m.end()
    if opened is None:
        return False
    hi = text.find("\n", start, end + _QUOTE_REACH)
    close = _QUOTE_CLOSE.search(text, start + 1, hi if hi >= 0 else end + _QUOTE_REACH)
    if close is None or _QUOTE_CLOSE.search(text, opened, start) is not None:
        return False
    named = (_NAMED_BEFORE_QUOTE.search(text, lo, opened - 1) is not None
             or _MEANING_AFTER_QUOTE.match(text, close.end()) is not None)
    return named and _APPLIED_TO_US.search(text, close.end(), close.end() + 200) is None


def window(text: str, start: int, end: int, around: int = 40) -> str:
    """The match with a few words either side (for a rule's ``unless`` pattern)."""
    return text[max(0, start - around):end + around]


# Advice to keep one's own accounts private ("keep it private and clean — recruiters look",
# "tener las cuentas personales en privado", "don't share [your password] with anyone, me
# included"): the message is about profiles, passwords or recruiters, and neither the move's words
# nor those around it name an "us", a chat, or a person to keep something from.
_PRIVACY_TOPIC = re.compile(
    r"\b(?:passwords?|contrase[nñ]as?|passcodes?|profiles?|perfil(?:es)?|accounts?"
    r"|(?:tus|mis|las|sus) cuentas"
    r"|cuentas? (?:personales|privadas|p[uú]blicas|de)|settings"
    r"|configuraci[oó]n|recruiters?|reclutador(?:es)?|employers?|public|p[uú]blic[oa]s?|socials"
    r"|redes sociales|linkedin|2fa|two[- ]factor|logins?|digital footprint|huella digital)\b")
_SECRET_FROM_SOMEONE = re.compile(
    r"\b(?:us|our|ours|between|nosotros|nuestr[oa]s?|entre|chats?|conversations?|conversaci[oó]n"
    r"|messages?|mensajes?|talks?|hablamos|coordinator|coordinador[a]?|program|programa|parents?"
    r"|mom|dad|pap[aá]s?|padres|mam[aá]|teachers?|maestr[oa]s?|staff|school|escuela|gifts?|regalo"
    r"|know|sepa|saber|tell|digas|decirle|anyone|anybody|everyone|nobody|no one|nadie|todos|only|solo|s[oó]lo"
    r"|just me|for me|para m[ií]|pics?|photos?|fotos?|sent|mand[eé]|accept|acepta|songs?|phrase|rule|regla"
    r"|mention|menciones|got you|bought|gave you|te (?:compr[eé]|regal[eé]|di))\b")
# "don't share it with anyone, me included": the sender excludes himself too
_SELF_INCLUDED = re.compile(r"\b(?:anyone|anybody|nadie|nobody),? (?:me|myself|yo) included\b"
                            r"|\bnot even (?:me|to me)\b"
                            r"|\bni (?:siquiera )?(?:a )?m[ií]\b|\bincluding me\b|\bincluido yo\b")


@lru_cache(maxsize=8)
def privacy_advice(text: str) -> bool:
    """Whether a "keep it private" in ``text`` is advice about the student's own profile or
    password: read for the whole message, once (cached)."""
    return (_PRIVACY_TOPIC.search(text) is not None
            and _SECRET_FROM_SOMEONE.search(_SELF_INCLUDED.sub(" ", text)) is None)


# A safety lesson retold ("my health teacher said if someone online asks for pics tell an adult",
# "in health we learned the warning signs of depression", "el profe nos habló de las señales de
# abuso"): a class, a teacher or "we learned" frames it, and nothing outside the frame is the
# student's own ("… and honestly i have all of them" is).
_LESSON_FRAME = re.compile(
    r"\b(?:(?:my |mi |el |la |our |the )?(?:health|cyber|advisory|homeroom|sex ed|wellness|salud)"
    r"(?: class| teacher| clase| profe| maestr[oa])?|clase de (?:salud|health)|(?:my |mi |el |la |our |the )?"
    r"(?:teacher|profe|profesor[a]?|maestr[oa]|counselor|consejer[oa]|nurse|presenter|speaker|officer)"
    r" (?:said|says|told us|taught us|showed us|explained|talked about|went over|nos \w+|dijo|dice|explic[oó]"
    r"|habl[oó])"
    r"|(?:we|they) (?:learned|learnt|talked about|went over|were taught|watched)|learned about"
    r"|nos (?:dijo|dice|explic[oó]|ense[nñ][oó]|habl[oó]|ense[nñ]aron|explicaron|hablaron|dijeron)"
    r"|aprendimos|told us|taught us|showed us"
    r"|(?:the |las |los )?(?:warning )?(?:signs|se[nñ]ales) (?:of|de))\b")
# ... and outside the frame, no adult named and nothing ongoing ("mr ramos asks for pics every
# night" after the lesson is a disclosure told in the third person).
_SOMEONE_ONGOING = re.compile(
    r"\b(?:mr|ms|mrs|mister|miss|coach|se[nñ]or|se[nñ]ora|uncle|stepdad|t[ií]o|padrastro"
    r"|every (?:night|day|time|week)"
    r"|keeps|always|siempre|todas las noches|todos los d[ií]as|cada (?:noche|d[ií]a))\b")
_OWN_WORDS = re.compile(r"\b(?:i|i'?m|i'?ve|i'?ll|i'?d|im|me|my|mine|myself|yo|mi|mis|m[ií]o|conmigo"
                        r"|our|ours|us"
                        r"|nuestr[oa]s?|nosotros)\b")


# "asking for a friend", "hypothetically", "¿qué pasa si alguien…?": the disguises a disclosure
# wears, never a lesson.
_DISGUISE_WORDS = (r"hypothetically|hipot[eé]ticamente|for a friend|por un amig[oa]|pa un amig[oa]"
                   r"|what (?:happens|would happen|do you do) if|qu[eé] pasa si|qu[eé] pasar[ií]a si")
_DISGUISE = re.compile(rf"\b(?:{_DISGUISE_WORDS}|asking for|preguntando por)\b")


def lesson_retold(text: str) -> bool:
    """A student retelling a safety lesson, with no word of their own beyond the lesson's frame."""
    if _LESSON_FRAME.search(text) is None or _DISGUISE.search(text) is not None:
        return False
    rest = _LESSON_FRAME.sub(" ", text)
    return _OWN_WORDS.search(rest) is None and _SOMEONE_ONGOING.search(rest) is None


# Somebody else's trouble, already handled ("mi amiga me contó que un tipo le pidió fotos, ella lo
# bloqueó y le dijo a su mamá", "this kid in my class was getting picked on and we told the dean"):
# a third person is its subject, an adult knows or the person acted, and the teller's only part is
# the telling ("told me", "me and my friend told the dean", "i think"). Any other first-person
# word ("… and he does it to me too", "same lol", "vivo con ellos"), a disguise ("asking for a
# friend"), an adult named as the one doing it, something still going on or still to come ("but
# nothing happened", "tonight", "by friday"), or a danger to life keeps it a disclosure to hold.
_OTHER = (r"(?:best )?(?:friends?|amig[oa]s?|cousins?|prim[oa]s?|classmates?|compa[nñ]er[oa]s?|kids?|girls?"
          r"|boys?|chic[oa]s?|ni[nñ][oa]s?|neighbou?rs?|vecin[oa]s?|sisters?|brothers?|herman[oa]s?|bff|homegirl"
          r"|homie|teammates?|roommates?|girlfriend|boyfriend|novi[oa]|sobrin[oa]s?)")
_THIRD_PARTY = re.compile(
    rf"\b(?:my|mi|mis|a|one of my|this|that|una?|esta?|este|ese|esa|our|his|her|su|sus|la|el) {_OTHER}\b"
    r"|\b(?:someone|somebody|alguien) (?:i know|que conozco|in my class|de mi clase)\b")
# ... an adult already knows, or the person acted
_HANDLED = re.compile(
    r"\b(?:(?:told|talked to|went to|se lo dijo a|le dijo a|le dijeron a|le contaron a|le cont[oó] a"
    r"|hablaron con|habl[oó] con|fue con|fueron con) (?:the |her |his |their |a |an |our |my |su |sus "
    r"|la |el |al |a la |a su |a el |a mi )?(?:dean|counsel(?:l)?or|consejer[oa]|teacher|maestr[oa]|profe"
    r"|principal|director[a]?|parents?|mom|mama|mam[aá]|dad|pap[aá]|padres|t[ií]a|aunt|police|polic[ií]a"
    r"|coordinator|coordinador[a]?|social worker|trabajador[a] social|nurse|enfermer[oa]|adult|adulto"
    r"|psic[oó]log[oa]|therapist)"
    r"|reported|reportaron|report[oó]|blocked|bloque[oó]|bloquearon|called the police"
    r"|llamaron a la polic[ií]a|got help|is getting help|est[aá] recibiendo ayuda|already knows"
    r"|ya (?:lo )?saben?|they handled it|lo resolvieron)\b")
# ... not "she never actually told", "nadie le dijo a la consejera"
_NOT_DONE = re.compile(r"\b(?:n't|not|never|no|nunca|nadie|nobody|no one|ni)(?:\s+[\w']+){0,2}\s+$")
# ... the teller's own part is only the telling
_TELLER = re.compile(
    r"\b(?:(?:told|tells|showed|texted|sent) me|me (?:cont[oó]|dijo|dice|cuenta|mand[oó]|ense[nñ][oó])"
    r"|(?:me and (?:my|her|his|a) \w+|(?:my|her) \w+ and i|we|nosotr[oa]s)"
    r"\s+(?:told|reported|went to|talked to|le dijimos|fuimos con|hablamos con)"
    r"|i told (?:her|him|them|the|a|my|our)\b"
    r"|(?:yo )?le (?:dije|dijimos)|i (?:said|think|thought|hope|guess|feel bad|helped|went with|was like)"
    r"|i'?m glad|im glad|idk|i don'?t know|creo|espero|me alegro|bien hecho"
    r"|(?:in|at|from) (?:my|our) (?:class|grade|school|team)"
    r"|(?:en|de) (?:mi|nuestr[ao]) (?:clase|escuela|grado)"
    rf"|(?:my|mi|mis|one of my) {_OTHER})\b")
_OWN_MORE = re.compile(r"\b(?:we|nos|m[ií]|same|igual|tambi[eé]n|too|both|las dos|los dos|estoy|tengo|siento"
                       r"|soy|necesito|vivo|quiero|puedo|voy|estaba|ten[ií]a)\b")
# ... an adult of her own world doing it (a stranger online, "un tipo", "some guy", is not named)
_KNOWN_ADULT = re.compile(
    r"\b(?:mr|ms|mrs|mister|coach|entrenador[a]?|uncle|t[ií]o|stepdad|stepmom|stepfather|padrastro|madrastra"
    r"|dad|father|pap[aá]|padre|mom|mother|mam[aá]|madre|boyfriend of|novio de)\b")
_STILL_GOING = re.compile(
    r"\b(?:still|again|todav[ií]a|sigue|siguen|otra vez|tonight|tomorrow|esta noche|ma[nñ]ana|by (?:friday"
    r"|monday|tuesday|wednesday|thursday|saturday|sunday|the weekend)|going to|gonna|wants more|keeps"
    r"|every (?:night|day|time)|always|siempre|but (?:nothing|they|he|she|it|no one|nobody)"
    r"|pero (?:nada|no|[eé]l|ella|ellos|sigue))\b")
_DANGER = re.compile(
    r"\b(?:die|dying|kill (?:herself|himself|themself|themselves)|suicid\w*|pills|pastillas|goodbye|despedida"
    r"|morir\w*|matarse|se quiere matar|cuts|cutting|se corta\w*|overdos\w*"
    r"|hang(?:ed|ing)? (?:herself|himself|themself|themselves)|self[- ]?harm\w*"
    r"|end (?:it|her life|his life|their life)|hurt (?:herself|himself)"
    r"|jump(?:ed)? off|ahorc\w*|colgarse|quitarse la vida|lastimarse|hacerse da[nñ]o)\b")


# ... the disguises ("asking for a friend", "hypothetically"), not any "asking for [pics]"
_STORY_DISGUISE = re.compile(
    rf"\b(?:{_DISGUISE_WORDS}|asking for (?:a|my|this) \w+|preguntando por (?:un|una|mi) \w+)\b")


def handled_story(text: str) -> bool:
    """A student telling of somebody else's trouble that an adult already knows of or that was
    dealt with, with nothing of their own, nothing still going on and no danger to life."""
    return story_handled_at(text) >= 0


@lru_cache(maxsize=8)
def story_handled_at(text: str) -> int:
    """Where a handled story (``handled_story``) says it was handled ("she blocked him"), or -1."""
    if _THIRD_PARTY.search(text) is None or _STORY_DISGUISE.search(text) is not None:
        return -1
    done = next((m for m in _HANDLED.finditer(text)
                 if _NOT_DONE.search(text, max(0, m.start() - 40), m.start()) is None), None)
    if done is None or _STILL_GOING.search(text, done.end()) is not None or _DANGER.search(text):
        return -1
    rest = _TELLER.sub(" ", _HANDLED.sub(" told ", text))
    own = (_OWN_WORDS.search(rest) is not None or _OWN_MORE.search(rest) is not None
           or _KNOWN_ADULT.search(rest) is not None)
    return -1 if own else done.start()


# A student who tells of somebody else's attempt or self-harm and then of their own ("… same tbh",
# "and so do i", "a mí también me pasa", "the friend is me"): the student's own disclosure.
_ME_TOO = re.compile(
    r"\b(?:me too|same here|same tbh|same ngl|same lol|lowkey same|same lowkey|so (?:do|did|have|am) i"
    r"|i (?:do|did|have|am|feel it|think about it|thought about it|want to|wanna)(?: it| that)?"
    r" (?:too|also|as well)"
    r"|i(?:'ve| have)? (?:tried|done|cut|thought about|think about|wanted to)"
    r"(?: it| that| the same| myself| it myself)? (?:too|also|as well)"
    r"|i (?:did|do|tried|want to do|wanna do) the same(?: thing)?|(?:yo )?hice lo mismo"
    r"|i wish i (?:had|did)(?: too| as well)?(?=\s*(?:$|[.!?,]|lol|tbh|fr|ngl))"
    r"|i should'?ve gone with (?:her|him|them)"
    r"|i(?:'ve| have)? (?:been|keep) thinking (?:about|of) (?:doing )?(?:it|that|the same)"
    r"|i (?:think|thought|sometimes think|kinda think) (?:about|of) doing (?:it|that|the same)"
    r"|yo tambi[eé]n|a m[ií] (?:tambi[eé]n|igual|me pasa)|yo igual|yo\b[^.!?\n]{0,25}\btampoco"
    r"|yo lo (?:hago|he pensado|pienso)|yo tmb|yo tb|yo a veces tambi[eé]n"
    r"|tambi[eé]n (?:quiero|lo he pensado|lo pienso|pienso en|me quiero|me corto|me lastimo|lo hago"
    r"|lo intent[eé])"
    r"|(?:wanna|want to|i want to|feel like|i feel like) (?:die|do it|do the same|doing the same|doing it)"
    r"(?: too| also)?"
    r"|(?:i'?ve|ive|i have) done (?:it|that|the same)(?: too| also| as well)?"
    r"|(?:ngl|honestly|tbh|lowkey|fr) same"
    r"|(?:the friend|my friend|la amiga|el amigo) is (?:actually|really|lowkey) me"
    r"|(?:we|nosotr[oa]s) (?:do|did|have done|hacemos|lo hacemos|lo hicimos)\b[^.!?\n]{0,20}"
    r"\b(?:together|juntos|juntas)"
    r"|(?:it'?s|its|the friend is|the friend was) (?:really )?me"
    r"(?=\s*(?:$|[.!?,)]|lol|tbh|fr|ngl|isn'?t it|isnt it))"
    r"|(?:la amiga|el amigo|la persona) soy yo)\b"
    r"|^\W*same\W*$|[,.!?]\s*same\W*$")
# The teller in the telling ("my friend and i both took…", "my bf found me after i took…", "me and my
# bestie attempted…"): not somebody else's act alone.
_TELLER_WORD = re.compile(r"\b(?:i|me|i'?m|im|i'?ve|ive|i'?d|myself|yo|we|ourselves|both|together|juntos"
                          r"|juntas|los dos|las dos|nosotr[oa]s)\b")
_ME_AND = re.compile(r"\b(?:me|i|yo) (?:and|&|y|n) (?:my |mi |a |the |this )?$")
_WITH_ME_AFTER = re.compile(r"^[^.!?\n]{0,12}\b(?:together|with me|conmigo|juntos|juntas|both of us"
                            r"|los dos|las dos)\b")


_SOMEONE_DISGUISE = re.compile(
    rf"\b(?:{_DISGUISE_WORDS}|asking (?:4|for) a|askin (?:4|for) a"
    r"|(?:let'?s |lets )?say (?:someone|somebody|a friend|a kid|u|you)"
    r"|if (?:someone|somebody|a person|a friend|a kid)|si alguien|es para (?:una|un) amig[oa]"
    r"|pregunto por (?:una|un) amig[oa]|preguntando por (?:una|un) amig[oa])\b")


def disguised(text: str) -> bool:
    """Whether a telling of "someone"'s trouble wears a disguise ("hypothetically", "asking 4 a
    friend", "say someone…", "si alguien…"): the student's own until shown otherwise."""
    return _SOMEONE_DISGUISE.search(text) is not None


def says_me_too(text: str, after: int = 0) -> bool:
    """Whether a student's telling of somebody else's trouble adds, after it, that it is theirs too."""
    rest = _TOLD_ME.sub(" ", text[after:after + _ME_TOO_REACH])  # "she told me too" is the telling
    return _ME_TOO.search(rest.strip()) is not None


_ME_TOO_REACH = 200  # characters after the telling: a "same" at the end of a long message is not read


def teller_in_it(text: str, start: int, end: int) -> bool:
    """Whether the student is in the telling of somebody else's act: a first-person word inside it,
    or "me and" just before it."""
    told = _I_HEARD.sub(lambda m: " " * len(m.group()),
                        _TOLD_ME.sub(lambda m: " " * len(m.group()), text[start:end]))
    return (_TELLER_WORD.search(told) is not None
            or _ME_AND.search(text[max(0, start - 16):start]) is not None
            or _WITH_ME_AFTER.search(text[end:]) is not None)


_TOLD_ME = re.compile(r"\b(?:told|tells|telling|showed|texted|sent|dm'?d|messaged|called) (?:me|us)\b"
                      r"|\bme (?:cont[oó]|dijo|dice|cuenta|escribi[oó]|mand[oó]|llam[oó])\b")
_I_HEARD = re.compile(r"\bi (?:think|guess|heard|found out|just found out|learned)\b|\bcreo que\b")


# A mentor turning something down by the program's rule ("that's kind of you, but program rules
# say no gifts", "no puedo aceptar regalos, son las reglas"): a refusal, which the encoder cannot
# read as one. Nothing after the rule may take it back ("… but I made an exception for you").
_RULE_CITED = re.compile(
    r"\b(?:(?:the |our |program(?:'s)? |school(?:'s)? )?(?:rules?|policy|policies)"
    r"|las reglas(?: del programa)?|la pol[ií]tica(?: del programa)?|el reglamento)"
    r" (?:say|says|are|is|dicen|son|es|no permiten|don'?t allow)\b"
    r"|\bagainst (?:the |program |our |school )?(?:rules|policy)\b|\bcontra las reglas\b"
    # ... or a gift turned down in so many words ("i can't accept gifts", "no puedo aceptar regalos")
    r"|\b(?:can'?t|cannot|not allowed to|no puedo|no podemos|no se permite|no est[aá] permitido)"
    r" (?:accept|take|receive|aceptar|recibir|dar|darte|give|give you)(?: [\w']+){0,2}"
    r" (?:gifts?|regalos?|presents?|money|dinero|cash|gift cards?|tips?|propinas?)\b")
_TAKEN_BACK_AFTER = re.compile(
    r"\b(?:but|pero|except|excepto|exceptions?|excepci[oó]n|just this once|solo esta vez|nobody|nadie"
    r"|between us|entre nosotros|secret|secreto|don'?t tell|no le digas|no digas|unless|a menos que"
    r"|instead|en vez|outside|afuera|fuera|quiet|shh+|nuestro|nuestra|solos|solitos|a solas|alone|no one"
    r"|after school|anyone|anybody|we|us|our|tell|digas|decir)\b")


_CLAUSE_BREAK = re.compile(r"[,.;:!?\n]|\s(?:so|and|but|pero|y|as[ií] que|entonces|because|porque)\s")


def declined_rest(text: str) -> str | None:
    """When ``text`` turns something down by naming the program's rule, with nothing after the
    rule that takes the refusal back: the message without the rule's clause (to be read again —
    "las reglas dicen que no regalos, así que te lo doy cuando estemos solos" keeps its move).
    None otherwise."""
    m = _RULE_CITED.search(text)
    if m is None or _TAKEN_BACK_AFTER.search(text, m.end()) is not None:
        return None
    starts = [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())]
    stop = _CLAUSE_BREAK.search(text, m.end())
    return text[:starts[-1] if starts else 0] + " " + text[stop.start() if stop else len(text):]


# A move somebody else makes, warned about ("scammers love to move you to whatsapp fast, watch
# out", "if a recruiter ever asks u to move to telegram, it's a scam", "some guy got her to switch
# to telegram"), or advice against making it with anyone ("nunca mandes fotos de tu ID a nadie por
# DM"): the move's doer is a stranger, a scammer or a recruiter named just before it, or nobody in
# particular, and the message warns. A message that also asks for contact ("… but text me") is
# read as the ask (the caller checks ``_ASKS_CONTACT``).
_STRANGER_AGENT = re.compile(
    r"\b(?:scammers?|estafador(?:es|as?)?|recruiters?|reclutador(?:es|as?)?|strangers?|desconocid[oa]s?"
    r"|extra[nñ]os?|predators?|depredador(?:es)?|hackers?|catfish(?:ers)?|randoms?|fake \w+"
    r"|some (?:guy|dude|man|woman|lady|person|rando|random|creep|account)|un (?:tipo|se[nñ]or|desconocido"
    r"|extra[nñ]o|perfil)|una (?:se[nñ]ora|desconocida|cuenta)|people (?:online|you (?:don'?t know|meet))"
    r"|gente (?:rara|desconocida)|(?:a|an|any) (?:employer|company|recruiter|job offer|stranger)"
    r"|someone you (?:don'?t know|met|meet) online)\b(?:[^a-z0-9'.!?\n]+[a-z0-9']+){0,8}[^a-z0-9'.!?\n]*$")
_WARNS = re.compile(
    r"\b(?:scams?|scammed|scammers?|scammy|estafad[oa]s?|estafaron|fake|red flags?|watch out|careful"
    r"|cuidado|estafas?|fraud|fraude|phishing|block(?:ed|ing)?|bloqu\w+|report(?:ed|ing)?|reporta\w*|never"
    r"|nunca|sketchy|sus|suspicious|sospechos[oa]|trap|trampa|creepy|ojo|aguas"
    r"|legit (?:company|employer|job) (?:would|will) never|no legit)\b")
_NOBODY_IN_PARTICULAR = re.compile(
    r"\b(?:a nadie|con nadie|to anyone|to anybody|with anyone|with anybody|to strangers|a desconocidos"
    r"|to people you (?:don'?t know|meet online)|to someone you (?:don'?t know|met online))\b")
_ADVICE_START = re.compile(r"^\W*(?:(?:tip|pro tip|consejo|ojo|reminder|recordatorio)\W+)?"
                           r"(?:never|nunca|don'?t|do not|no|jam[aá]s)\b")
# ... advice about the student's own things ("tu ID", "your number"), never about the two of them
# ("nunca le digas a nadie lo que hablamos" is a secret asked for)
_YOUR_THING = re.compile(
    r"\b(?:your|ur|tu|tus) (?:\w+ )?(?:id|ids|number|n[uú]mero|address|direcci[oó]n|password|contrase[nñ]a"
    r"|info|informaci[oó]n|photos?|pics?|fotos?|personal|datos|ssn|social|bank|banco|card|tarjeta|location"
    r"|ubicaci[oó]n|documents?|documentos?)\b")
_ABOUT_US = re.compile(r"\b(?:we|us|our|nosotros|nuestr[oa]s?|hablamos|lo que|what we|this chat|este chat"
                       r"|esto|this|tell|digas|decir|cuentes|contar|say|secret|secreto)\b")
# ... and the sender asks nothing for themselves ("… but text me", "so let's do that, add me")
_SENDER_ASKS = re.compile(
    r"\b(?:text me|call me|hmu|hit me up|reach me|add me|follow me|dm me|message me|my (?:cell|number|snap"
    r"|insta|ig|whatsapp|telegram|signal|discord|email)|mi (?:cel|n[uú]mero|snap|insta|whatsapp|correo)"
    r"|let'?s|lets|vamos|pasemos|podemos|ll[aá]mame|escr[ií]beme|text[eé]ame|agr[eé]game|s[ií]gueme)\b")


# ... and nothing after it offers the sender instead ("… but i'm legit, wanna move there?", "with
# me it's fine tho, find me there", "mándamelas a mí mejor"), within the next few sentences.
_OFFERED_AFTER = re.compile(
    r"\b(?:but|tho|though|pero|except|excepto|unless|a menos|instead|mejor|me|m[ií]|mine|yours|wanna|we|us"
    r"|let'?s|lets|podemos|vamos|find|shoot|send|m[aá]nd\w*|text|dm|hmu|call|ll[aá]ma\w*|escr[ií]b\w*)\b")
_OFFER_REACH = 200


@lru_cache(maxsize=8)
def _warning_message(text: str) -> tuple[bool, bool]:
    """For the whole message, once: (no ask of the sender's and a warning word in it, shaped as
    advice about the student's own things with anyone)."""
    if _SENDER_ASKS.search(text) is not None:
        return False, False
    return (_WARNS.search(text) is not None,
            _NOBODY_IN_PARTICULAR.search(text) is not None and _YOUR_THING.search(text) is not None
            and _ABOUT_US.search(text) is None)


def warned_of(text: str, start: int, end: int) -> bool:
    """Whether the move at ``start:end`` is somebody else's, warned about, or advice against
    making it with anyone — and nothing after it offers the sender instead."""
    warns, advice = _warning_message(text)
    if not (warns or advice) or _OFFERED_AFTER.search(text, end, end + _OFFER_REACH) is not None:
        return False
    prefix = clause_prefix(text, start)
    if _STRANGER_AGENT.search(prefix) is not None:
        return warns
    return advice and _ADVICE_START.search(prefix) is not None


# A threat somebody else made, told by a student ("this kid keeps saying hes gonna shoot up the
# school", "dice que va a traer una pistola"): a third person is the threat's subject, a few words
# before it, and no "I" among them. The student is reporting a danger, not threatening.
_THIRD_PERSON_THREAT = re.compile(
    r"\b(?:he|she|they|hes|he'?s|shes|she'?s|theyre|they'?re|[eé]l|ella|ellos|ellas)"
    r"(?:\s+(?!(?:i|i'?m|im|i'?ma|imma|i'?mma|i'?ll|we|yo|voy)\b)[\w']+){0,3}\s*$")


_SENDERS_THREAT = re.compile(r"\b(?:i|i'?m|im|i'?ma|imma|i'?mma|i'?ll|ill|we|we'?ll|yo|voy|vamos|you|u|ya"
                             r"|te|ti|usted)\b")


def threat_of_someone_else(text: str, start: int, end: int) -> bool:
    """Whether the threat at ``start:end`` is a third person's, told by the sender: never with
    "I" or "you" in the threat's own words ("he's so annoying im gonna kill you")."""
    return (_SENDERS_THREAT.search(text, start, end) is None
            and _THIRD_PERSON_THREAT.search(clause_prefix(text, start)) is not None)


# A program event or a school period named as the time or place to meet ("in the lunch period",
# "at the end of year celebration", "la visita a la obra"): the program's own meeting.
# The words, an alternation, are shared with the meeting concepts' ``unless`` (contact.py).
PROGRAM_TIME_WORDS = (
    r"shadow day|shadowing|permission slip"
    r"|la visita (?:a|al|de)|the visit to|field trip|excursi[oó]n|celebration|celebraci[oó]n|ceremony"
    r"|ceremonia|graduation|graduaci[oó]n|end of (?:the )?year|fin de a[nñ]o|(?:morning|afternoon|lunch"
    r"|advisory|[0-9](?:st|nd|rd|th)|first|second|third|last) period|homeroom")
_PROGRAM_TIME = re.compile(rf"\b(?:{PROGRAM_TIME_WORDS})\b")


def program_time(text: str) -> bool:
    """Whether ``text`` names a program event or a school period."""
    return _PROGRAM_TIME.search(text) is not None


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


# A public office number given as such: "call the P-TECH office at …", "the coordinator's office
# line is …", "our school has a text line for snow days, it's …", "el programa tiene línea: …".
# An institution owns the number: named as the owner of a line, or as what to call, and close
# before the number with no new clause in between ("the program office never answers, text …"
# gives the sender's). Text here is lower-cased, not folded (accents stay).
_OWNER = (r"office|offices|oficina|school|escuela|colegio|program|programa|p-?tech|district|department"
          r"|dept|registrar|admissions|guidance|counseling|secretar[ií]a|direcci[oó]n|coordinator"
          r"|coordinador[a]?|counselor|consejer[oa]|nurse|front desk|reception|recepci[oó]n"
          r"|switchboard|headquarters|company|empresa|hr"
          # public institutions and businesses (round 14): "the hospital's main line is …"
          r"|hospital|cl[ií]nica|clinic|library|biblioteca|museum|museo|agency|agencia|dot|dmv|mta"
          r"|city|county|state|plant|store|tienda|bank|banco|university|universidad|college|campus"
          r"|center|centro|firm|studio|hq"
          # departments and public services (round 18): "the security desk number", "el número de
          # recursos humanos de la planta", "the financial aid line"
          r"|security|seguridad|human resources|recursos humanos|financial aid|ayuda financiera"
          r"|admisiones|box office|taquilla|ticket office|billing|facturaci[oó]n|pharmacy|farmacia"
          r"|precinct|comisar[ií]a|payroll|n[oó]mina|help desk|benefits|student services"
          r"|servicios estudiantiles|consulate|consulado|station|estaci[oó]n|shelter|albergue|food bank"
          r"|banco de comida|airline|aerol[ií]nea|newsroom|planta|parts desk|dispatch|despacho")
_LINE_NOUN = (r"office|line|number|phone|telephone|hotline|helpline|desk|extension|ext"
              r"|oficina|l[ií]nea|n[uú]mero|tel[eé]fono")
_CALL = r"call|ring|contact|reach|dial|phone|text|llam[ae]n?|llamar|marc[ae]n?|marcar|contact[ae]n?"
_OFFICIAL_LINE = re.compile(
    rf"\b(?:(?:{_OWNER})(?:'s)? (?:[\w'-]+ ){{0,3}}(?:{_LINE_NOUN})"
    rf"|(?:{_CALL}) (?:to |a |al |the |our |your |la |el |a la )?(?:[\w'-]+ ){{0,2}}(?:{_OWNER})"
    rf"|(?:{_LINE_NOUN}) (?:de|del|of|for) (?:la |el |the |our |your )?(?:[\w'-]+ )?(?:{_OWNER})"
    r"|hotline|helpline|help line|crisis line|front desk|switchboard|letterhead"
    r"|main line|info line|information line|public (?:info |information )?line|general line"
    r"|l[ií]nea (?:general|principal|de informaci[oó]n)|customer service|servicio al cliente"
    # the sender's organisation's desk: "our community relations desk, 646-…"
    r"|(?:our|nuestra|nuestro) (?:[\w'-]+ ){0,3}"
    r"(?:desk|hotline|helpline|main line|main office|recepci[oó]n)"
    # an office named as such (round 18): "through our education office, 518-…", "the attendance
    # office its 718-…", "la oficina de admisiones: …"
    r"|(?:the|our|la|el|nuestra|nuestro)"
    r" (?!(?:little|tiny|own|home|personal|private|secret|other|mentors?'?)\b)"
    r"(?:[\w'-]+ ){1,2}(?:office|oficina)(?! (?:de|del|of) )"
    rf"|(?:the|la|el) (?:office|oficina) (?:de|del|of) (?:la |el |the )?(?:{_OWNER}))\b")
# Between the owner and the number: a few words, and a comma only as an apposition ("her office
# line at the school, 718-…") or pointing back ("…, it's 914-…"); "…never picks up, text 917-…"
# starts a new clause.
_CLOSE_GAP = 40
_NEW_CLAUSE = re.compile(r"[,;—–]| - ")
_APPOSITION = re.compile(r" *(?:(?:it'?s|it is|that'?s|thats|es|which is|el número es|la línea es) *:?)? *")
# The sender's own line: "my", "mi", "cell", "personal" anywhere in the sentence; "me", "I" and
# Spanish "escríbeme"/"llámame" in the part that names the institution ("reach me about the
# program, the coordinator's office line is …" gives the office's; "call me at the office, …"
# the sender's).
_PERSONAL_LINE = re.compile(r"\b(?:my|mi|m[ií]o|personal|cell|celular|cel|private|privad[oa]|home|casa"
                            r"|whatsapp|wa|signal|telegram)\b")
_SENDER = re.compile(r"\b(?:me|yo|i|i'?m|i'?ll|i'?d|hmu|escr[ií]beme|escribime|ll[aá]mame|m[aá]rcame"
                     r"|text[eé]ame|h[aá]blame|b[uú]scame|agr[eé]game|mand[aá]me)\b")


# ... or named just after the number: "716-555-0126 is the program's text line", "prueba el
# 718-555-0176, ese es el directo de la coordinadora".
_LINE_AFTER = re.compile(
    rf"[\s,)]*(?:[-—–:]\s*)?(?:(?:is|it'?s|its|that'?s|thats|that is|which is|es|ese es|esa es|este es)\s+)?"
    rf"(?:the|our|el|la|nuestra|nuestro)\s+(?:(?:{_OWNER})(?:'s)?\s+(?:[\w'-]+\s+){{0,2}}(?:{_LINE_NOUN}|directo)"
    rf"|(?:[\w'-]+\s+){{0,2}}(?:{_LINE_NOUN}|directo)\s+(?:de|del|of|for)\s+(?:la |el |the |our )?"
    rf"(?:[\w'-]+ )?(?:{_OWNER}))\b")


def official_line_after(text: str, end: int) -> bool:
    """A phone number followed at once by the institution's line it is."""
    if _LINE_AFTER.match(text, end, end + 120) is None:
        return False
    rest = _SENTENCE_END.search(text, end)
    sentence = clause_prefix(text, end) + text[end:rest.start() if rest else len(text)]
    return _PERSONAL_LINE.search(sentence) is None


_PHONE_LINK = re.compile(r"wa\.me|signal\.me|t\.me|tel:|sms:|whatsapp|/p/|phone")
_URL_BEFORE = re.compile(r"(?:https?://|www\.|\b[a-z0-9-]+\.[a-z]{2,}/)\S*$")


def in_url(text: str, start: int) -> bool:
    """Digits inside a link ("zoom.us/j/5550193847"): the link's rules judge the link; its
    meeting number is no phone number."""
    if start == 0 or text[start - 1] not in "/=#-_" or text[start] == "+":
        return False
    url = _URL_BEFORE.search(text, max(0, start - 200), start)
    return url is not None and _PHONE_LINK.search(url.group()) is None


# ... or named earlier in the sentence, the clause just before the number only pointing at its
# line: "if you need to reach the program office for the form, the number is (212) …", "la oficina
# del programa está en el tercer piso, teléfono 718-…", "si necesitan la oficina del programa,
# llamen al (718) …". Not when the sentence says the office fails the sender ("the program office
# never answers, text 917-…" gives the sender's own).
_POINTER = re.compile(r"(?:(?:the |el |la |its |their |su )?"
                      r"(?:number|phone|line|tel[eé]fono|n[uú]mero|l[ií]nea)(?: number)?(?: (?:is|es))?"
                      r"(?: (?:on|in|en) (?:the |el |la )?(?:flyer|website|web|syllabus|handout|sign|volante"
                      r"|p[aá]gina|hoja))?"
                      r"|call|ll[aá]men(?: al)?|llamar al|marquen al)(?: *[:(])* *")
_FAILS = re.compile(r"\b(?:never|not|no|nunca|don'?t|doesn'?t|won'?t|can'?t|cannot|closed|cerrad[ao]|ni"
                    r"|useless|sucks|broken|wrong|slow|forever|busy|out|instead|forget|tonight|anytime"
                    r"|esta noche|cuando quieras|solo para ti|directly|directo|whenever|text|texto)\b")
# The institution as a place with a line: an office, a desk (not "the company", "school" or "hr")
# that the sentence reaches for ("if you need to reach …", "si necesitan …", "questions for …") or
# places ("… está en el tercer piso").
_OFFICE_NAMED = re.compile(
    r"\b(?:need|needs|reach|contact|questions?|call|necesitan?|necesita|comunicarse|comun[ií]quense"
    r"|preguntas|hablar con|llamar a)\b[^,;]{0,40}\b(?:the|la|el|our|nuestra|main|front)? ?"
    r"(?:(?:program|school|main|front|guidance|counseling|attendance|district|p-?tech)(?:'s)? office"
    r"|oficina(?: del programa| de la escuela| principal)?|front desk|recepci[oó]n|secretar[ií]a)\b"
    r"|\b(?:the|la|el) (?:(?:program|school|main|front)(?:'s)? office|oficina del programa"
    r"|oficina de la escuela|front desk)\b[^,;]{0,30}\b(?:is on|is in|is at|est[aá] en|queda en)\b")
_POINTER_GAP = 100


# After the number, the sender's own line or a call at odd hours or elsewhere (round 18: "… 347-555-
# 0112, thats basically where i am", "… pero contesto yo directo", "… ask for mike, thats me").
_SENDERS_AFTER = re.compile(
    r"\b(?:that'?s me|it'?s me|es mi|it'?s (?:actually |really |just )?my"
    r"|my (?:cell|phone|number|line|personal|direct)|mine|ask for|pregunta por|preguntes por|contesto yo"
    r"|i answer|i pick up|i'?m there|goes to my|rings my|llega a mi|text (?:me|it)|hit (?:me|it)|hmu|call me"
    r"|ll[aá]mame|escr[ií]beme|escr[ií]bele|m[aá]ndame|cuando quieras|anytime|whenever|tonight|esta noche"
    r"|after hours|weekend|fin de semana|after the program|fuera del canal"
    r"|outside (?:the|this) (?:channel|program)"
    r"|save it|gu[aá]rdalo|home alone|alone|sol[oa]|late at night|after (?:midnight|1[0-2]|9|10pm|11pm)"
    r"|where i (?:usually |basically |always |normally )?am|is (?:basically |just |really )?me"
    r"|me basically|that'?s (?:my|mi)|thats (?:my|mi)|my desk|forward\w*|desv[ií]a\w*)\b")
_AFTER_REACH = 160


def senders_after(text: str, end: int) -> bool:
    """Whether the words after a number (to the end of the next sentence, at most a short
    reach) make it the sender's own line or a call outside the program."""
    return _SENDERS_AFTER.search(text, end, min(len(text), end + _AFTER_REACH)) is not None


def official_line(text: str, start: int, pointer: bool = True) -> bool:
    """A phone number introduced as a school, program or office line, just before it
    (``pointer``: also an office named earlier in the sentence, ``_pointed_at``)."""
    prefix = clause_prefix(text, start)
    last = None
    for m in _OFFICIAL_LINE.finditer(prefix):
        last = m
    if _PERSONAL_LINE.search(prefix) is not None:
        return False
    if last is not None:
        gap = prefix[last.end():]
        parts = _NEW_CLAUSE.split(gap)
        if len(gap) <= _CLOSE_GAP and (len(parts) == 1 or _APPOSITION.fullmatch(parts[-1]) is not None) \
                and _FAILS.search(gap) is None:
            return _SENDER.search(prefix, prefix.rfind(",", 0, last.start()) + 1) is None
    return pointer and _pointed_at(text, start, prefix)


# ... or, in a message with one number, an institution's line named anywhere ("can u call the
# school main office to confirm the outing? its 718-…", "the member service line is 315-… — it's
# on the back of every card"), when nothing in the message is the sender's own, a reason to call
# it at odd hours or instead, or a second number.
_INSTITUTION_LINE = re.compile(
    r"\b(?:main (?:line|office|number|desk)|front desk|front office|reception|recepci[oó]n|switchboard"
    r"|request line|listener line|public line|l[ií]nea p[uú]blica|l[ií]nea para oyentes"
    r"|service line|member services?|customer service|servicio al cliente|help ?line|hotline"
    r"|(?:school|program|office|district|company|hospital|clinic|library|bank|store)(?:'s)? "
    r"(?:main |front |general )?(?:office|number|line|phone|desk)"
    r"|n[uú]mero (?:principal|general|de la (?:escuela|oficina|empresa|compa[nñ][ií]a))"
    r"|l[ií]nea (?:principal|general)|tel[eé]fono (?:principal|de la (?:escuela|oficina|empresa))"
    r"|oficina (?:del programa|de la escuela|principal)"
    r"|on the back of (?:the|your|every|each|my) (?:card|badge|id|letter))\b")
_OWN_OR_ODD = re.compile(
    r"\b(?:my|mi|mine|m[ií]o|me|i|i'?m|i'?ll|i'?d|personal|cell|celular|cel|private|privad[oa]|home"
    r"|whatsapp|signal|telegram|text me|textea|directly|directo|instead|closed|closes|closing|cierra"
    r"|cerrad[oa]|busy|after that|despu[eé]s de eso|save|saved|guarda|gu[aá]rdalo|quick\w*|faster"
    r"|better|mejor"
    r"|useless|forever|slow|can'?t help|no sirve|no contesta|skip|straight|friend|amig[oa]|share|compartas"
    r"|text it|text after|text when|text before|escribe al|escr[ií]beme|por whats|the one to text|works"
    r"|never|nunca|after hours|weekends?|tonight|esta noche|anytime|whenever|cuando quieras|late)\b")
_NUMBER_RUN = re.compile(r"\d[\d\s().-]{5,}\d")


def first_person_or_odd(text: str) -> bool:
    """Anything first-person, personal, or about odd hours or another channel in a (lower-cased)
    message (``_OWN_OR_ODD``): a program's listed line is then read as if it were not listed."""
    return _OWN_OR_ODD.search(text) is not None


@lru_cache(maxsize=8)
def institution_line_message(text: str) -> bool:
    """A message whose one phone number is an institution's line named anywhere in it (a
    greeting "yo" aside), with no word making it the sender's or a call at odd hours. Read for
    the whole message, once (cached): a message of many numbers asks it for each."""
    if len(_NUMBER_RUN.findall(text)) != 1 or _INSTITUTION_LINE.search(text) is None:
        return False
    return _OWN_OR_ODD.search(re.sub(r"^\W*yo\b", "", text)) is None


# What ties a line given as an institution's to somebody of the chat, anywhere in the message (round
# 22: an outside review put 347 personal numbers dressed as an office's line through the shipped
# policy; 171 were delivered with no hit at all — "the counseling office number is … but honestly
# its just the phone in my room", "la oficina del programa es …, contesto yo", "the hr line … isnt
# recorded lol"). Five kinds, each a concept and not a wording: the sender in the first person
# (English, Spanish, a verb with "-me"); the chat's own people as who answers ("the one you're
# talking to", "guess who", "ya sabes quién"); the line as more private, unwatched or quicker than
# this chat, or to be saved under another name or hidden; a call when nobody is around or whenever;
# and the line reaching a home or a phone carried around (forwarded, rolled over, by the bed). A
# line with none of these is still only the institution's word for it: delivered, and the
# coordinator alerted to check it (``Policy._hit``).
_TIE_FIRST_PERSON = (
    r"\b(?:my|mi|mis|mah|ma) (?:own |personal |work |real |actual |direct |other )?(?:cell|cel|celular|phone"
    r"|tel[eé]fono|number|n[uú]mero|line|l[ií]nea|desk|extension|ext|room|cuarto|bedroom|apartment|apartamento"
    r"|place|house|casa|home|bed|cama|pocket|bolsillo|voicemail|buz[oó]n|inbox|whatsapp|signal|telegram)\b"
    r"|\b(?:it'?s|its|it is|that'?s|thats|es|is) (?:just |really |actually |basically |literally "
    r"|only |all )?(?:me|mine|yo|m[ií]o|m[ií]a|ma|mah|my phone)\b"
    r"|\bi(?:'?m| am)? (?:usually |always |actually |basically |normally |really |only "
    r"|just )?(?:answer|pick up|pick it up|reply|respond|carry|sleep|sit right|get it|have it on"
    r"|am (?:reachable|there|the one)"
    r"|reachable|the one (?:who|that|picking|answering|covering|on (?:it|shift|call)))\b"
    r"|\b(?<!no )(?:contesto|respondo|atiendo|la llevo|lo llevo|llevo encima|soy yo|soy la [uú]nica"
    r"|soy el [uú]nico)\b"
    r"|\b(?:call|text|ring|reach|hit|dm|message|msg|page|buzz) me (?:there|at|on|directly|direct|straight"
    r"|anytime|whenever|after|later|tonight)\b"
    r"|\b(?:ll[aá]mame|escr[ií]beme|escr[ií]bele|m[aá]rcame|text[eé]ame|b[uú]scame|h[aá]blame|m[aá]ndame)\b"
    r"|\b(?:speed dial)\b|\b(?:ask for|pregunta por|pregunten por) (?:me|m[ií])\b"
    # who answers (round 26): "that goes straight to me", "nobody picks up but me", "solo yo contesto"
    r"|\b(?:goes|go|rings?|comes?|forwards?|routes?|gets? sent) (?:straight |directly |right |only )?"
    r"(?:to|through to) me\b|\b(?:but|except|besides|other than) (?:me|m[ií])\b|\bonly me\b"
    r"|\b(?:solo|s[oó]lo) yo\b|\bllega (?:directo |directamente )?a m[ií]\b")
_TIE_CHAT_PEOPLE = (
    r"\b(?:(?:the|this|that) (?:one|person|guy|girl|lady|man|woman|dude)|(?:who'?s|whos|who is|that'?s|thats"
    r"|it'?s|its)) (?:(?:you'?re|youre|ur|you are|u r|who'?s|whos|who is|that'?s|thats) )?(?:talking|typing"
    r"|writing|texting|messaging|chatting|sending)\b|\byours truly\b|\byou know who\b|\bguess who\b"
    r"|\bya sabes qui[eé]n\b|\badivina qui[eé]n\b|\bthe one (?:on|in|from) (?:this|the) (?:chat|channel)\b")
_TIE_PRIVATE = (
    r"\b(?:private|privately|privad[oa]s?|secret|secreto|unmonitored|not monitored"
    r"|no one (?:monitors|reads|checks|sees)|nobody (?:monitors|reads|checks|sees)"
    r"|nadie (?:lo |la )?(?:ve|lee|revisa)"
    r"|not recorded|isn'?t recorded|no (?:se )?graba|than (?:this|here|the chat|this chat|the channel)"
    r"|que (?:aqu[ií]|ac[aá]|este chat|el chat|el canal)|instead of (?:this|here|the chat|the channel)"
    r"|en vez de (?:aqu[ií]|este chat|el chat)|skip (?:the|all the) (?:adults|coordinator|chat|channel)"
    r"|save (?:it|this|that|the number) (?:as|under)|gu[aá]rdal[oa] como|another name|otro nombre"
    r"|different name|delete (?:it|this)|b[oó]rr[ae]l[oa]|won'?t ask|no (?:te )?van a preguntar"
    r"|don'?t tell|no le digas|shh+)\b|[🤫😏😉]")
_TIE_ALONE_OR_WHENEVER = (
    r"\b(?:whenever|cuando quieras|anytime|any time|at any hour|a cualquier hora|midnight|medianoche"
    r"|madrugada|nobody(?:'?s| else'?s)? (?:else )?(?:is )?(?:there|around|home)"
    r"|no one(?:'?s| else'?s)? (?:else )?(?:is )?(?:there|around|home)|nadie en (?:tu |su )?casa"
    r"|no haya nadie|home alone"
    r"|alone|a solas|est(?:oy|[aá]s|[aá]) sol[oa]|when (?:your|ur) (?:parents|family|mom|dad) (?:are|is|'re)"
    r" (?:out|gone|away|asleep)|cuando tus pap[aá]s no est[eé]n|after the program"
    r"|when the program(?:'s| is) (?:off|over|done)|despu[eé]s del programa)\b")
_TIE_HOME_OR_CARRIED = (
    r"\b(?:forward(?:s|ed)? to (?:my|wherever|whichever|a (?:cell|mobile|personal))|roll(?:s|ed)? over"
    r"|desv[ií]a\w*"
    r"|rings? (?:at|on|in) (?:the|my|a) "
    r"|(?:apartment|apartamento|bedroom|cuarto|rec[aá]mara|by the bed|at home|en casa|in (?:the|my) pocket"
    r"|en el bolsillo|carry|llevo encima))\b")
_TIE = re.compile("|".join((_TIE_FIRST_PERSON, _TIE_CHAT_PEOPLE, _TIE_PRIVATE, _TIE_ALONE_OR_WHENEVER,
                            _TIE_HOME_OR_CARRIED)))


# ... and "personal" said of it ("(personal, but I use it for work too)") — not in a rule against
# personal numbers ("please don't post personal numbers", "no compartan números personales").
_PERSONAL_WORD = re.compile(r"\bpersonal(?:es)?\b")
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|don'?t|do not|never|nunca|sin|without|ni|nada|nothing|avoid"
                             r"|evita\w*)\b(?:\W+\w+){0,4}\W*$")


@lru_cache(maxsize=8)
def line_tied_to_someone(text: str) -> bool:
    """Whether anything in a (lower-cased) message makes a line given as an institution's the
    sender's own or a way to reach somebody of the chat apart from it (``_TIE``). Read once per
    message (cached): a message of many numbers asked it for each, 3 s on 100,000 characters."""
    if _TIE.search(text) is not None:
        return True
    return any(_NEGATED_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
               for m in _PERSONAL_WORD.finditer(text))


def _pointed_at(text: str, start: int, prefix: str) -> bool:
    """An office reached for or placed earlier in the sentence and the last clause before the
    number only points at its line; nothing in the sentence makes it the sender's own, says the
    office fails or sets a time to call. Read for mentors only (``phrase_weight``)."""
    named = None
    for m in _OFFICE_NAMED.finditer(prefix):
        named = m
    if named is None:
        return False
    gap = prefix[named.end():]
    parts = _NEW_CLAUSE.split(gap)
    if len(parts) < 2 or len(gap) > _POINTER_GAP or _POINTER.fullmatch(parts[-1].lstrip()) is None \
            or _FAILS.search(gap) is not None:
        return False
    rest = _SENTENCE_END.search(text, start)
    after = text[start:rest.start() if rest else len(text)]
    return (_SENDER.search(prefix) is None and _SENDER.search(after) is None
            and _PERSONAL_LINE.search(after) is None and _FAILS.search(after) is None)


# An address that names a function, not a person (RFC 2142's info@, support@; a program's
# mentoring-office@, admissions@) at a school's or program's domain (.edu, k12, "ptech",
# "program" …): the school's desk, not a private channel. Every part of the local part must be a
# role ("dana.mentoring@" is Dana's), and a free-mail or personal domain never counts.
_ROLE_WORDS_TEXT = (
    "office offices oficina info information admissions admission mentoring mentorship mentor mentors "
    "program programs programa ptech p-tech frontdesk front desk support help helpdesk contact contacto "
    "registrar counseling guidance careers career internships internship hr jobs recruiting "
    "events noreply no-reply reception secretaria attendance principal coordinator coordinacion "
    "coordinators coordinadora coordinador consejeria orientacion mentoria mentores wbl cte pathways")
_ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
_SCHOOL_DOMAIN_TEXT = ("edu k12 gov school schools ptech p-tech program programa programs college university "
                       "cuny suny district academy escuela colegio nycdoe doe")
_SCHOOL_DOMAIN_WORDS = frozenset(_SCHOOL_DOMAIN_TEXT.split())
_LOCAL_PART = re.compile(r"([a-z0-9._+-]+)@([a-z0-9.-]+)")
# ... also inside one label of the domain: "canarsieptech.org", "bronxcareeracademy.org"
_SCHOOL_IN_LABEL = re.compile(r"ptech|school|academy|college|careers?|district|escuela|colegio")


def _school_domain(domain: str) -> bool:
    """A school's or program's domain, never a free-mail one."""
    labels = [x for x in re.split(r"[.-]", domain) if x]
    if not FREE_MAIL.isdisjoint(labels) or lookalike_domain(domain):
        return False
    return not _SCHOOL_DOMAIN_WORDS.isdisjoint(labels) or any(
        _SCHOOL_IN_LABEL.search(x) for x in labels[:-1])


def official_address(text: str, start: int, end: int) -> bool:
    """An e-mail address whose local part is a role ("mentoring.office@…", "info@…") at a school's
    or program's domain, in a sentence that does not make it the sender's own."""
    m = _LOCAL_PART.match(text, start, end)
    if m is None:
        return False
    parts = [x for x in re.split(r"[._+-]", m.group(1)) if x]
    if not parts or not all(x in _ROLE_WORDS for x in parts) or not _school_domain(m.group(2)):
        return False
    prefix = clause_prefix(text, start)
    if _PERSONAL_LINE.search(prefix) is not None:
        return False
    # "mentor@…" alone is somebody's, and "… i check it at night" makes any address the sender's
    if parts == ["mentor"] or _MINE_AFTER.search(text[end:_sentence_stop(text, end)]) is not None:
        return False
    # "email me through the program address, …": the sender reached only through the institution
    return _SENDER.search(prefix) is None or _THROUGH_INSTITUTION.search(prefix) is not None


# ... and after the address, nothing that makes it the sender's own ("i check it at night", "that's
# mine", "i made it myself"); "not to me directly" sends nothing to the sender.
_MINE_AFTER = re.compile(r"\b(?:i (?:check|read|see|answer|made|set up|use)|mine|m[ií]o|m[ií]a|my own|myself"
                         r"|my personal|personal|private|privad[oa]|at night|late|tonight|por la noche"
                         r"|de noche|weekends?|fin de semana|only i|solo yo|just me)\b")


def _sentence_stop(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


# "email me through the program address, mentoring@…": the sender named as reached only through
# the institution's own address.
_THROUGH_INSTITUTION = re.compile(
    r"\b(?:through|via|using|use|at|to|por|a trav[eé]s de|con|en)\s+(?:the|our|el|la|nuestro|nuestra)\s+"
    r"(?:program|school|office|programa|escuela|oficina)(?:'s)?\s+(?:address|email|e-mail|inbox|account|correo"
    r"|cuenta)\b"
    r"|\b(?:the|our|el|la)\s+(?:address|email|e-mail|inbox|correo|cuenta)\s+(?:of the|del|de la)\s+"
    r"(?:program|school|office|programa|escuela|oficina)\b")


# A ride the student's own family gives ("mi tío me da pon", "my grandpa drives me", "my dad picks
# us up"): the family member is the driver, not merely mentioned ("mi mamá trabaja tarde, ¿me das
# un pon?") nor said not to drive ("mi mamá no me recoge hoy"). Read only in a student's message
# (a mentor's "mi hermano nos lleva, paso por ti" is still the mentor's ride).
_FAMILY = (r"(?:mi|my|mis) (?:papa|papi|papá|mama|mami|mamá|dad|mom|tia|tía|tio|tío|aunt|uncle|abuela"
           r"|abuelo|grandma|grandpa|hermano|hermana|brother|sister|primo|prima|cousin|padrastro"
           r"|madrastra|stepdad|stepmom|padrino|madrina|vecino|vecina|neighbor|parents|papas|papás)")
_NOT_DRIVING = r"(?!(?:no|never|nunca|can'?t|won'?t|doesn'?t|didn'?t|ya no|isn'?t|ain'?t) )"
_FAMILY_DRIVES = re.compile(
    rf"\b{_FAMILY} {_NOT_DRIVING}(?:[a-z]+ )?(?:me|nos) (?:da|dan|dio|lleva|llevan|llevó|llevo|recoge"
    r"|recogen|trae|traen|busca|buscan|pasa)\b"
    rf"|\b{_FAMILY} {_NOT_DRIVING}(?:[a-z]+ )?(?:drives|drove|gives|gave|picks|picked|takes|took|brings"
    r"|brought) (?:me|us)\b")


# ... and in a mentor's message, the student's family named as the driver ("great that your mom
# is picking you up", "an adult family member picking you up is fine"); never "I" or "my".
_YOUR_FAMILY = (r"(?:your|ur|tu|su|tus|sus) (?:papa|papi|papá|mama|mami|mamá|dad|mom|tia|tía|tio|tío|aunt"
                r"|uncle|abuela|abuelo|grandma|grandpa|hermano|hermana|brother|sister|parents?|papas|papás"
                r"|padres|guardian|family|familia)|(?:an? )?(?:adult )?family member")
_YOUR_FAMILY_DRIVES = re.compile(
    rf"\b{_YOUR_FAMILY} {_NOT_DRIVING}(?:is |are |will |can |could |'s |va a |puede )?(?:[a-z]+ )?"
    r"(?:driving|picking|drives|picks|pick|drive|takes|taking|bringing|brings|lleva|recoge|busca|recoger"
    r"|buscar|llevar)(?: (?:you|u|te|le|los|las))?\b")
_SENDER_DRIVES = re.compile(r"\b(?:i|i'?ll|i'?m|i'?d|me|my|mi|yo|te llevo|paso por ti|we|us|could|can|should"
                            r"|podr[ií]a|puede|hotel|motel|lake|cabin|party|fiesta|movies|cine|apartment|apartamento"
                            r"|house|casa|saturday|sunday|s[aá]bado|domingo|tonight|esta noche|crew|corner"
                            r"|esquina|gas station|van|get in|s[uú]bete|parking|behind|around the block)\b")


def family_drives(window_text: str, role: str = "student") -> bool:
    """The student's own family member drives them (``_FAMILY_DRIVES``; for a mentor,
    ``_YOUR_FAMILY_DRIVES`` with no word making the sender a driver too)."""
    if role != "mentor":
        return _FAMILY_DRIVES.search(window_text) is not None
    return (_YOUR_FAMILY_DRIVES.search(window_text) is not None
            and _SENDER_DRIVES.search(window_text) is None)


# A student's ask taken back in the same breath ("do u have whatsapp? jk i know we cant", "¿usted
# tiene instagram? jk ya sé que no se puede"): teen texting's retraction, a few words after the
# question. "no kidding", "not kidding", "no es mentira" say the opposite; "playing" is too often a
# game ("add me on roblox, im playing rn") to count.
_RETRACTION = re.compile(
    r"(?:[^?]{0,40}?\?)?[\W_]*(?:\w+(?:'\w+)*[\W_]+){0,3}?(?<!no )(?<!not )(?<!no es )"
    r"(?:jk|jkjk|j/k|just kidding|kidding|es broma|era broma|es chiste|mentira)\b")
# ... unless the retraction is itself taken back anywhere after it ("jk... unless 👀", "jk lol but
# fr", "es broma... bueno no tanto").
_UNLESS_AFTER = re.compile(
    r"\b(?:unless|but fr|fr|for real|or nah|or not|or am i|kinda|sorta|lowkey|pero en serio|o no"
    r"|a menos|no tanto|bueno no|medio en serio)\b|[👀😏😉😈]")


def retracted(text: str, start: int, end: int) -> bool:
    """The question matched at ``start:end`` is taken back in the next few words ("jk", "es
    broma") and that is not taken back in turn."""
    m = _RETRACTION.match(text, end)
    if m is None or ("?" not in text[start:m.end()]
                     and _KNOWS_THE_RULE.search(text, m.end(), m.end() + _RULE_NAMED_REACH) is None):
        return False
    return _UNLESS_AFTER.search(text, m.end(), m.end() + 300) is None


# ... or an ask said and taken back with the rule named: "text me... jk jk i know, we stay on slack".
# Searched in the few characters after the retraction (no nested repetition: linear on any text).
_RULE_NAMED_REACH = 40
_KNOWS_THE_RULE = re.compile(
    r"\b(?:i know|ik|ya s[eé]|lo s[eé]|we can'?t|can'?t|cant|not allowed|no se puede|no podemos|we stay"
    r"|stay (?:here|on)|on slack|on discord|in here|aqu[ií] nom[aá]s|rules?|reglas?)\b")


# Somebody else's place, named as the place to go: "the counselor … you can stop by her office",
# "la oficina de la consejera" — a referral to another adult of the school, not the sender's
# invitation ("nos vemos en la oficina de…", "meet me in …" include the sender; Spanish "su
# oficina" is also the formal "your office": not a referral).
_REFERRAL_PLACE = re.compile(
    r"^[\w' ]{0,30}?\b(?:(?:his|her|their) (?:office|room|desk)"
    r"|(?:the )?(?:counselor|nurse|coordinator|principal|consejer[oa]|enfermer[oa]|coordinador[a]?)'?s?"
    r" (?:office|room|desk)|(?:oficina|salon) (?:de|del) (?:la |el )?(?:consejer[oa]|enfermer[oa]"
    r"|coordinador[a]?|director[a]?))\b")
_SENDER_GOES = re.compile(r"\b(?:me|my|mi|nos|we|let'?s|lets|i'?ll|i|yo|us|vemos|veamos)\b")


def referral_place(text: str, start: int, end: int) -> bool:
    """The invitation matched at ``start:end`` sends the student to another adult's place."""
    if _SENDER_GOES.search(text, start, end) is not None:
        return False
    return _REFERRAL_PLACE.search(text[start:end + 40]) is not None


# Said to the whole group, not to one student: "see you all Thursday at the site visit",
# "Chicos, pongan una foto profesional en LinkedIn", "Les mando un abrazo a todos". An adult's
# grooming move singles one child out; the same words said to everyone are program talk (a weak
# signal: delivered and flagged). Not when the sentence singles someone out again ("just you",
# "tú y yo", "nobody else") or the group word is a comparison ("better than everyone").
_GROUP_WORDS = (r"everyone|everybody|y'?all|team|folks|chicos|chicas|muchachos|muchachas|gente|guys"
                r"|todos|todas|class|cohort")
_GROUP = re.compile(
    # the group called by name at either end of the sentence: "Chicos, …", "…, everyone!"
    r"(?:^|[.!?\n]) *(?:(?:hey|hi|hello|ok|okay|good (?:morning|afternoon|evening)"
    r"|buenas(?: tardes| noches)?|buenos dias|hola|gracias|thanks|thank you|great job|buen trabajo)"
    r"[ ,!]*)?(?:" + _GROUP_WORDS + r") *[,:!.]"
    r"|, *(?:" + _GROUP_WORDS + r") *(?:[.!]|$)"
    # ... or the sentence says it is for all of them
    r"|\b(?:all of you|each of you|every one of you|to all|see you all|see everyone"
    r"|a tod[oa]s(?= *(?:[,.!]|$| y | por | ustedes))"
    r"|todos ustedes|ustedes|para todos|nos vemos todos|los veo a todos|everyone is invited"
    r"|the whole (?:group|class|cohort|team))\b")
_SINGLED_OUT = re.compile(
    r"\b(?:just you|only you|you and me|you and i|me and you|just us|just the two of us|solo tu"
    r"|solo contigo|solo a ti|tu y yo|entre nosotros|between us|nobody else|no one else|nadie mas"
    r"|privately|in private|en privado|por privado|alone|sol[oa]s?|one on one|1 on 1|1:1|dm|dms"
    r"|especially you|sobre todo tu|except you|menos tu|not the others|los demas no|the others"
    # one student addressed in Spanish (tú, te, eres, vas …) or by a pet name
    r"|tu|te|ti|contigo|eres|estas|vas|tienes|mamita|mami|mija|nena|bebe|princesa|preciosa|hermosa"
    r"|baby|babe|sweetie|sweetheart|honey|cutie|beautiful|gorgeous|princess|kiddo)\b")
_GROUP_REACH = 160


def to_the_group(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a match is said to the whole group and singles nobody out."""
    lo = max(0, start - _GROUP_REACH)
    before = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    lo += ends[-1] if ends else 0
    rest = _SENTENCE_END.search(text, end, end + _GROUP_REACH)
    hi = rest.start() if rest else min(len(text), end + _GROUP_REACH)
    # the sentence before the match's may name the group ("Buenas tardes, chicos. Les …")
    prev = text[max(0, lo - _GROUP_REACH):lo]
    sentence = text[lo:hi]
    if _SINGLED_OUT.search(text, max(0, lo - _GROUP_REACH), hi) is not None:
        return False
    return _GROUP.search(sentence) is not None or (
        bool(prev) and _GROUP.search(prev) is not None)


# The act's object is a crowd, not the other person: "game studios find people through Discord",
# "a teacher got arrested for messaging kids on instagram" tell of an app, they move nobody.
_CROWD_OBJECT = re.compile(
    r"[\w']+\s+(?:(?:a|some|the|random|other|young|little|real|new|more|lots of|a lot of|these|those"
    r"|all the|unos|unas|los|las|otros|otras|muchos|muchas)\s+)?"
    r"(?:people|ppl|kids|children|students|teens|teenagers|minors|girls|boys|strangers|others|followers"
    r"|fans|candidates|recruiters|employers|customers|clients|users|players|gente|personas|chicos|chicas"
    r"|ni[nñ]os|ni[nñ]as|estudiantes|menores|desconocidos|extra[nñ]os|seguidores|clientes|jugadores)\b")


def crowd_object(span_text: str) -> bool:
    """Whether the act in ``span_text`` (lowercased, from its verb) is done to a crowd."""
    return _CROWD_OBJECT.match(span_text) is not None

