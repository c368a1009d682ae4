# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""A personal detail handed over in the chat, however the ask is dressed (round 14).

The ask rules in ``contact.py`` know the direct forms ("drop your number", "what's your snap").
A cover story asks differently: the adult *needs* the detail ("I'll need your home address by
Monday", "HR necesita tu dirección"), collects it for somebody ("asked me to collect a cell
number… what's yours?"), or says where to put it ("type your number here and I'll pass it
along", "ponlo aquí"). A local number with a phone word before it ("my cell 555-0187", "heres
mine 555 0187") is a number given out even without the area code the phone finder wants.

The ordinary uses are the program's own channels for official details — a form, the school
e-mail, an emergency contact, a resume's header — named in ``unless``; the school, HR or the
coordinator being *named* is no exemption here (that is the cover story's whole move).
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_social = partial(rule, governs="contact.social", mentor=1.0, student=1.0)
_phone = partial(rule, governs="contact.phone", mentor=1.0, student=1.0)
# classmates swapping numbers for a group project are students' business, not a contact request
_mentor_social = partial(rule, governs="contact.social", mentor=1.0, student=0.0)

# Where an official detail goes: an application, a portal, a form, the school e-mail, an
# emergency contact, a resume's header; a student or staff ID is no contact detail.
_OFFICIAL_PLACES = (r"college|university|universidad|common app|fafsa|registrar|scholarship|beca|application"
                    r"|aplicaci[oó]n|portal|college board|transcript|diploma|naviance|acceptance"
                    r"|emergency contact|contacto de emergencia|school e-?mail|student e-?mail|school account"
                    r"|correo de la escuela|correo escolar|resume|resum[eé]|cv|header|linkedin|student id"
                    r"|id number|osis|locker|seat|order number|case number|confirmation|badge number"
                    r"|parents?'s?|guardian'?s?|your (?:mom|dad)'s|de tus? (?:papás|papas|padres|mamá|mama|papá|papa)")
_FORMS = r"|the form|a form|this form|el formulario|google form|permission slip|the slip"
_OFFICIAL = rf"\b(?:{_OFFICIAL_PLACES}{_FORMS})\b"
# Typed "here" for a form is still typed here; a favourite thing asked back ("my favourite snap
# filter… what's yours?") is no detail.
_OFFICIAL_HERE = rf"\b(?:{_OFFICIAL_PLACES}|favou?rite|fav|favorit[oa])\b"

RULES = [
    _social(
        "contact.detail_needed",
        "Says the adult needs or collects the student's personal number, e-mail, address or account (contact request)",
        # the adult's own need: "I'll need your home address by Monday"
        "(i|i'll|ill|i_will|i'm_gonna|im_gonna|i'm_going_to|yo|voy_a) ~1 (need|necesito|necesitar|want|quiero|ocupo) ~2 (YOUR|tu|su|ur) ~2 (personal|private|home|own|propio|propia|real|backup|best|personal_cell)? ~1 CONTACT_THING",
        "(i|i'll|ill|i_will|yo|voy_a) ~1 (need|necesito|necesitar|want|quiero|ocupo) ~2 (a|an|un|una) ~2 (personal|private|backup|cell|good|working)? ~1 (number|numero|email|e-mail|correo|cell|cel|celular|phone|telefono) ~4 (i_can_reach|i_can_text|i_can_call|pueda_llamarte|pueda_escribirte|pueda_localizarte|reach_you|text_you|call_you|contact_you|llamarte|escribirte|contactarte|localizarte)",
        "(i|i'll|ill|i_will|yo|voy_a) ~1 (need|necesito|necesitar|want|quiero|ocupo) ~2 (a|an|un|una) ~1 (personal|private|personal_cell|cell|celular) ~1 (email|e-mail|correo|number|numero|phone|telefono)",
        # asked to collect it: "asked me to get your number", "collect a cell number for each mentee"
        "(asked_me_to|told_me_to|wants_me_to|me_pidio_que|me_pidieron_que|me_pidio) ~1 (get|grab|collect|ask_for|pedirte|pida|conseguir|tener|tenga) ~2 (YOUR|tu|su|ur|el|la) ~2 (personal|home|cell)? ~1 CONTACT_THING",
        "(collect|collecting|confirm|confirming|gather|confirmar|recoger) ~3 (a|an|un|una|your|tu|su|their)? ~1 (personal|private|personal_cell) ~1 (phone|phone_number|number|numero|email|e-mail|correo|address|direccion|cell)",
        "(collect|collecting|confirm|confirming|gather|recoger|juntar|confirmar|tener|tenga|tengan|tengamos) ~3 (a|the|un|una|each|every|your|tu|su|el|la)? ~3 (cell|cell_number|phone_number|personal_email|celular|numero_de_celular|numero_de_cel|whatsapp|home_address|numero_personal|correo_personal) ~3 (for|de|del|of|from)? ~2 (each|every|cada|my|mi|su|their|your|tu)? ~1 (mentee|mentees|student|students|estudiante|estudiantes|alumno|alumnos|you|ti)",
        unless=_OFFICIAL,
        examples=("I'll need your home address by Monday", "asked me to collect a cell number for each of my mentees"),
    ),
    _mentor_social(
        "contact.collect_all",
        "Collects every student's personal number or account (contact request)",
        "(get|grab|collect|gather|confirm|tener|recoger|juntar|conseguir) ~1 (everyone's|everybody's|each_student's|every_student's|all_the_students'|all_mentees'|los_de_todos|de_todos) ~2 CONTACT_THING",
        unless=_OFFICIAL,
        examples=("The front office asked me to get everyone's cell",),
    ),
    _social(
        "contact.detail_here",
        "Asks for the student's personal number, e-mail, address or account to be put in the chat or passed along (contact request)",
        "(type|put|write|drop|post|leave|escribe|pon|deja|ponme|escribeme|reply_with) ~2 (YOUR|tu|su|ur) ~2 (personal|home|cell)? ~1 CONTACT_THING ~3 (here|aqui|aca|below|in_the_chat|en_el_chat|in_this_chat|in_here|abajo|for_me|pa_mi|para_mi)",
        # somebody else's need, handed to the adult in the chat: "HR needs your cell, reply with it"
        "(need|needs|needed|want|wants|require|requires|necesita|necesitan|ocupa|quiere|quieren|pide|piden|pidio) ~2 (YOUR|tu|su|ur|our|everyone's|each_student's|mentee's) ~2 (personal|private|home|own|propio|propia|real|backup|best|personal_cell)? ~1 CONTACT_THING ~8 HANDED_TO_ME",
        "CONTACT_DETAIL ~8 (what's_yours|whats_yours|what_is_yours|reply_with_yours|send_yours|drop_yours|cual_es_el_tuyo|cual_es_la_tuya|cual_es_el_suyo|el_tuyo|type_it_here|put_it_here|drop_it_here|write_it_here|drop_them_here|put_them_here|type_them_here|ponlo_aqui|ponla_aqui|ponlos_aqui|escribelo_aqui|escribemelo|me_lo_puedes_escribir|me_lo_pasas|me_la_pasas|pasamelo|pasamela|mandamelo|mandamela|yo_se_lo_paso|yo_se_la_paso|i'll_need_yours|ill_need_yours|need_yours|necesito_el_tuyo|necesito_la_tuya|i'll_pass_it_along|i'll_pass_them_along|i'll_pass_it_on|ill_pass_it_along|i'll_forward_it|i'll_send_it_to_her|i'll_send_it_to_him)",
        "(what's_yours|whats_yours|cual_es_el_tuyo|cual_es_tu_usuario|como_te_sale_el_user|what's_your_@|whats_ur_@) ~3 (so_i_can_follow|so_i_can_add|pa_seguirte|para_seguirte|pa_agregarte|para_agregarte|i'll_follow|te_sigo|te_agrego|and_i'll_follow|y_te_sigo)",
        unless=_OFFICIAL_HERE,
        examples=("Just type your number here and I'll pass it along", "la ofi necesita tu address, ponlo aqui y yo se lo paso"),
    ),
    _phone(
        "contact.local_number",
        "A local phone number (no area code) given with a phone word (phone number)",
        "(number|numbr|numero|num|numba|cel|celular|cell|phone|telefono|tel|digits|whatsapp|text_me|call_me|llamame|escribeme|textea|add_me|agregame|reach_me|reach_me_at|hmu|hit_me_up|hit_me) ~4 PHONE7",
        unless=(r"\b(?:office|oficina|front desk|desk|main line|office line|school line|program line|hotline"
                r"|reception|recepci[oó]n|school|escuela|program|programa|coordinator'?s?|coordinadora"
                r"|counselor'?s?|extension|ext|clinic|cl[ií]nica|hospital|911|988|311|crisis|help ?line"
                r"|company|empresa|hr|support|help ?desk|soporte|tech|line|l[ií]nea"
                # numbers that are not phones: orders, IDs, scores, prices, shifts
                r"|order|tracking|confirmation|account|case|ticket|invoice|serial|model|isbn|id|osis"
                r"|locker|room|zip|pin|code|score|points|dollars|price|total|grade|gpa|jersey|roster"
                r"|seat|flight|gate|route|bus|pedido|orden|cuenta|c[oó]digo|precio|pay|paid|stipend|salary"
                r"|month|mes|cost|costs|cuesta|range|museum|museo|library|biblioteca|store|tienda"
                r"|restaurant|student number|lucky|suerte|shift|turno)\b|\$"
                # a whole number with its area code: the phone finder's (``contact.phone``)
                r"|[0-9]{3}[ .)-]*[0-9]{3}[ .-]?[0-9]{4}"),
        # the number itself is in the match: "said" or "not" around it change nothing
        negatable=False, reportable=False,
        examples=("my cell 555 0187", "mi cel es cinco cinco cinco cero dos dos uno"),
    ),
    _phone(
        "contact.number_given",
        "A phone number in another country's or an odd grouping, given as the sender's (phone number)",
        # round 22: a review's personal numbers the phone finder (US shapes) did not read; the
        # owner word, the phone word, at most "is"/"es"/"at" and the number, side by side
        "(my|mi|mine|mio|mia) ~0 (personal|own|cell|cellphone|mobile|uk|us|real|other|new|whatsapp|work)? ~0 (number|numero|num|cel|celular|cell|phone|telefono|tel|whatsapp|movil|mobile) ~0 (is|es|at|al)? ~0 PHONE_LONG",
        "(text_me|call_me|llamame|escribeme|textea|textea_me|textame|reach_me|hmu|hit_me_up|marcame|whatsappeame|wasapeame) ~0 (at|al|on|en|to)? ~0 PHONE_LONG",
        # shapes of other numbers: thousands, decimals, a year range, a date
        unless=(r"[0-9]{1,3}(?:[.,][0-9]{3}){2,}|[0-9]+[.,][0-9]{5,}|(?:19|20)[0-9]{2} ?[-–] ?(?:19|20)?[0-9]{2}(?![0-9])"
                r"|[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}"
                # a US number with its area code: the phone finder's (``contact.phone``)
                r"|(?<![0-9])[2-9][0-9]{2}[ .)-]*[0-9]{3}[ .-]?[0-9]{4}(?![0-9])"),
        negatable=False, reportable=False,
        examples=("my number is 07700 900123", "mi cel es 612 555 013"),
    ),
]
