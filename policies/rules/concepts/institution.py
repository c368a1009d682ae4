"""The program or the school handles the off-channel part, and nothing in the message is private.

A contact or off-platform rule matches words ("email", "Zoom link", "in person", "number"); a
coordinator reads who handles them. "Ms. Adler will send the Meet link to your school email",
"give the signed form to your teacher", "the in-person workshop is in room 310, the coordinator
runs it", "the program bus picks everyone up at school", "call the clinic's main line" are the
program's own staff, channels and places. The same words are not, when anywhere in the message
there is the sender's own channel ("text me", "my cell"), something private or secret ("just
you", "no le digas"), the sender's own act toward the student ("I'll drive you", "te espero"),
the student's own details ("your number", "¿dónde vives?") or a way around the institution
("without the group", "sin pasar por la escuela", "everyone reads this channel").

One reading for every contact and off-platform rule instead of an exception list per rule. A
match read this way is delivered; off-platform ones are flagged for the coordinator's later look
(``INSTITUTION_WEIGHT``). Text is lower-cased (phrase rules) or folded (concept rules): accents
are optional in the patterns.
"""

from __future__ import annotations

import re

# A weak signal: delivered and flagged (concept matches: four or more together add up to a stop,
# layer.py's STRONG = 1).
INSTITUTION_WEIGHT = 0.2

# Named staff ("ms adler", "la sra. lópez", "mr. shah") and staff or offices by role.
_TITLE = r"(?:mrs|mr|ms|mx|miss|dr|prof|profe|sra|srta|sr|se[nñ]ora|se[nñ]or|coach)\.? [a-z][a-z'-]+"
_ROLE = (r"coordinators?|coordinadoras?|coordinador(?:es)?|teachers?|maestr[oa]s?|profesor(?:a|es|as)?"
         r"|counselors?|consejer[oa]s?|principal|director[a]?|staff|program|programa|school|escuela"
         r"|office|oficina|front desk|recepci[oó]n|clinic|cl[ií]nica|district|distrito")
_DET = r"(?:the|your|our|their|la|el|las|los|tu|tus|su|sus|nuestr[oa]|al|del|a la)"
_WHO = rf"(?:{_TITLE}|{_DET} (?:[a-z'-]+ )?(?:{_ROLE}))"
# The institution does the act ("the coordinator va a mandar", "la sra. lópez le manda", "the
# program is giving", "ms adler will be there"), receives it ("give the form to mr shah",
# "dáselo a la profesora"), or is the channel or place ("school email", "el correo de la
# escuela", "the program's official instagram", "the form"). Not "here in the chat" alone: "here
# everyone reads, let's use WhatsApp" names the channel to leave it.
_ACTS = (r"will|'ll|va|van|vamos|is|are|was|has|have|sends?|manda|mandan|env[ií]a|hands?|gives?"
         r"|runs?|posts?|emails?|picks?|recoge|takes?|needs?|tiene|est[aá]|estar[aá]|stays?|comes?"
         r"|viene|reparte|organiza|sets?|can|puede|pueden|would")
_HANDLES = re.compile(
    rf"\b{_WHO}(?:'s)?(?: [a-z'-]+)?(?: (?:le|les|te|nos|you|us|them))? (?:{_ACTS})\b"
    rf"|\b(?:to|with|a|con|para|by|por|through|via|from|de|ask for|pregunta por) {_WHO}\b"
    r"|\b(?:school|program|programa|official|oficial|escuela|class|clase|district)(?:'s)? "
    r"(?:[a-z'-]+ )?(?:e-?mail|correo|server|discord|van|bus|instagram|insta|ig|page|account|library"
    r"|biblioteca|website|site|form|zoom|teams|classroom|line|office|number|n[uú]mero|tel[eé]fono)\b"
    r"|\b(?:correo|e-?mail|van|server|servidor|biblioteca|library|cuenta|p[aá]gina|n[uú]mero|l[ií]nea)"
    r" (?:de la escuela|del programa|de la clase|oficial|of the program|of the school|de la oficina)\b"
    r"|\b(?:main|front desk|office|oficina) (?:line|number|phone|n[uú]mero|l[ií]nea)\b"
    r"|\b(?:the|el|la|this|that) (?:form|formulario|flyer|volante|handout|syllabus)\b")
# Anything private in the sentence takes the reading away: the sender's own channel, place or
# act ("text me", "my cell", "I'll drive you", "te llamo", "paso por ti"), the student's private
# details ("your number", "¿dónde vives?"), going around the institution ("without the group",
# "sin pasar por la escuela", "instead of the school zoom", "the program emails are monitored",
# "when the program ends"), secrecy or being alone, and times outside the program's.
_PRIVATE = re.compile(
    r"\b(?:my|mi|mis|mine|m[ií]o|m[ií]a|personal|private|privad[oa]|privately|secret|secreto|secretly"
    r"|just (?:you|u|us|the two)|only (?:you|u)|solo (?:t[uú]|nosotros|los dos)|a solas|alone|sol[oa]s?"
    r"|nobody|no one|noone|nadie|don'?t tell|dont tell|no le digas|no les digas|between us|entre nosotros"
    r"|our little|together|junt[oa]s"
    # hiding from the institution: "don't show the teacher", "somewhere the teacher can't see"
    r"|don'?t (?:go )?(?:show|tell|mention|repeat)|no (?:se )?(?:l[oa]s? |le |les )?(?:ense[nñ]es|muestres"
    r"|digas|cuentes|menciones|repitas)|can'?t see|won'?t see|no (?:pueda|puedan|puede|vea|vean) ver"
    r"|no (?:lo |la )?vea|stays? (?:there|here|between)|queda entre|se queda aqu[ií]"
    # the sender acting: "i", "i'll", "let's", "can we", English "me" after a verb of reaching
    r"|i|i'?m|i'?ll|i'?d|i'?ve|let'?s|lets|lemme|imma|can we|could we|should we|we can|we could"
    r"|(?:with|to|for|meet|text|call|dm|email|e-mail|message|whatsapp|snap|facetime|ft|add|follow|hit|reach"
    r"|contact|write|find|send|give|tell|show|join|visit|see) me|hmu"
    r"|escr[ií]beme|ll[aá]mame|m[aá]ndame|agr[eé]game|b[uú]scame|s[ií]gueme|p[aá]same"
    # Spanish first person acting on "te": "te llamo", "te espero", "te invito", "paso por ti"
    r"|te (?:l[oa]s? )?[a-z]+o|te doy|te (?:l[oa]s? )?doy|te voy a|por ti|contigo"
    # the student's own details
    r"|(?:your|ur|yr|tu|tus) (?:own )?(?:number|n[uú]mero|cell|celular|phone|tel[eé]fono|address"
    r"|direcci[oó]n|casa|house|home|snap|insta|ig|whatsapp|personal)|where (?:do )?(?:you|u) live"
    r"|d[oó]nde vives|calle vives|vives"
    # around the institution, or after it
    r"|without|sin|instead|en vez|en lugar|direct|directly|directo|directa|directamente|aparte|apart"
    r"|outside|afuera|fuera|monitored|monitoread[oa]s?|vigilad[oa]s?|need to know|needs? to (?:know|read|see)"
    r"|(?:todo el mundo|todos|everyone|everybody|they|people|la gente|the staff) (?:lee|leen|reads?|can read"
    r"|puede leer|pueden leer|ve|ven|sees?|can see)|lee todo|leen todo|reads? (?:all|everything)"
    r"|doesn'?t need|don'?t need|no necesita|no tiene que|no tienen que|no hace falta que|not from"
    r"|no (?:es|son) de|no haya|no hay programa|ends|is over|se acabe|termine|after the program"
    r"|despu[eé]s del programa|near|cerca"
    # the staff away ("she won't be there", "ella no va a estar") and times outside the program's
    r"|(?:won'?t|will not|isn'?t going to|is not going to) be (?:there|here|around|in)"
    r"|no (?:va a estar|est[aá]|estar[aá]|viene|vendr[aá])|on vacation|de vacaciones|on leave|day off"
    r"|d[ií]a libre|weekend|fin de semana|tonight|esta noche|late|tarde en la noche|after hours"
    r"|off the clock|anytime|whenever|cuando quieras"
    # the institution's say-so or its channel failing, used as cover ("the coordinator knows", "the
    # program says it's fine", "the school zoom keeps kicking people, so …", "forget the school email")
    r"|knows|knew|approved|okayed|ok'?d|fine with|ok with|okay with|cool with|says|said|dijo|dice|sabe"
    r"|aprob[oó]|de acuerdo|le parece|allowed|allows|permitido|deja que|won'?t check|doesn'?t check"
    r"|no revisa|separate|forget|olvida|olv[ií]date|keep (?:this|it) off|down|blocks?|bloquea|glitchy"
    r"|kicks?|kicking|broken|cancel(?:l?ed)?|cancelad[oa]|closed|cerrad[oa]|is full|est[aá] llen[oa]|backup"
    r"|too slow|lento|lenta|en vez|rather|mejor)\b")
# A contact detail anywhere in the message: a number of 7 or more digits, an address, a handle or
# a link. The reading never covers a message that carries one.
_IDENTIFIER = re.compile(r"(?:\d[\s().-]*){7}|@|\bhttps?:|\bwww\.|\.(?:com|org|net|me|gg|ly|io)\b"
                         r"|\b[a-z][a-z0-9]*[._][a-z0-9]+|#\d{3,}")
_TITLE_DOT = re.compile(r"\b(mrs|mr|ms|mx|dr|prof|sra|srta|sr)\.")
_SENTENCE_END = re.compile(r"[.!?\n]")
_REACH = 160
# Longer messages are not read this way (their matches keep their weight): the private-words
# check reads the whole message, and must stay cheap on a 100,000-character one.
_MAX_MESSAGE = 1500


def _sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    lo = max(0, start - _REACH)
    before = _TITLE_DOT.sub(r"\1 ", text[lo:start])
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    after = _TITLE_DOT.sub(r"\1 ", text[end:end + _REACH])
    stop = _SENTENCE_END.search(after)
    return before[ends[-1]:] if ends else before, text[start:end], after[:stop.start()] if stop else after


def institution_handles(text: str, start: int, end: int) -> bool:
    """Whether the sentence of the match at ``start:end`` hands its off-channel part to the
    program, the school or its staff, and the message holds nothing private (see the module's
    docstring)."""
    if len(text) > _MAX_MESSAGE:
        return False
    if _IDENTIFIER.search(text) is not None:
        return False
    before, match, after = _sentence(text, start, end)
    if _HANDLES.search(f"{before}{match}{after}") is None:
        return False
    # anything private anywhere in the message ("…? sin los demás")
    return _PRIVATE.search(_TITLE_DOT.sub(r"\1 ", text)) is None
