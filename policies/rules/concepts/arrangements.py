# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Arrangements outside the program that a cover story dresses up (round 14).

Each template names the arrangement itself, whoever is said to have approved it: a meeting at
a named everyday place ("meet me at the train station at 9"), a night call ("after 10pm works
best, just call"), a night away ("overnight, hotel's covered", "un fin de semana en mi casa del
lago"), the adult's own private channel ("text him on his personal phone", "request my private
Instagram"), a send "not here", the hours a parent is away ("¿qué días tu mamá está
trabajando?"), and the parents kept out ("no need to bother your parents", "tell your mom it's a
school thing so she doesn't ask questions").

The ordinary uses are group activities with staff present (the field trip, the whole cohort,
a chaperone), named in ``unless``; a claim that staff approved is read away before these run
(``cover.py``), so it is no exemption.
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_meet = partial(rule, governs="offplatform.meet", mentor=1.0, student=1.0)
_private = partial(rule, governs="offplatform.private", mentor=1.0, student=1.0)
_move = partial(rule, governs="offplatform.move", mentor=1.0, student=1.0)
_home = partial(rule, governs="offplatform.home", mentor=1.0, student=0.5)
_gift = partial(rule, governs="offplatform.gift", mentor=1.0, student=1.0)
_parents = partial(rule, governs="offplatform.parents", mentor=1.0, student=0.0)
_bypass = partial(rule, governs="offplatform.secrecy", mentor=1.0, student=0.5)
_evade = partial(rule, governs="offplatform.secrecy", mentor=1.0, student=1.0)

# Activities the program runs with the group and staff present.
_GROUP = (r"\b(?:field trip|excursi[oó]n|job shadow|shadow day|site visit|career fair|feria|the group|el grupo"
          r"|whole group|everyone|everybody|todos|todas|the class|la clase|your class|cohort|chaperones?"
          r"|chaperon(?:a|es)?|cleanup|clean-up|volunteers?|voluntari[oa]s?|sign-?in|you all|y'?all|all of you|ustedes|trip|viaje|open house|event|evento|tour|fair|expo|showcase|all (?:the )?(?:students|mentees)|los (?:estudiantes|dem[aá]s)|the team|el equipo"
          r"|with (?:ms|mr|mrs|dr|the coordinator|your teacher|your counselor)|con (?:la|el) (?:coordinador|coordinadora|maestra|maestro|profe))\b")
# Somebody else the sender meets or sees: friends, family, a team ("my dad is meeting me at the station").
_COMPANY = (r"\b(?:my|mis|mi|with my|con mis?|con tus?|with your|your|tus?|our|nuestros?|nuestras?) (?:friends?|amigos?|amigas?|cousins?|primos?|primas?"
            r"|family|familia|fam|kids|hijos|hijas|wife|esposa|husband|esposo|dad|pap[aá]|mom|mam[aá]|parents"
            r"|grandma|grandpa|abuel[ao]s?|aunt|auntie|uncle|t[ií]as?|t[ií]os?|coach|tutor|manager|boss|jef[ae]"
            r"|supervisor|interviewer|recruiter"
            r"|padres|pap[aá]s|brothers?|sisters?|hermanos?|hermanas?|team|equipo|church|iglesia|girlfriend|boyfriend"
            r"|novia|novio)\b")
_PROGRAM_CALL = (r"\b(?:whole group|group call|everyone|todos|the class|la clase|cohort|office|oficina|front desk"
                 r"|school|escuela|counselor|coordinator|coordinadora|hotline|911|988|teams meeting|program'?s"
                 r"|del programa|doctor|clinic|hospital|recruiter|interviewer)\b")

RULES = [
    _meet(
        "offplatform.meet_place",
        "Arranges to meet at an everyday place outside the program (meeting)",
        "(meet_me|meet_you|meet_u|i'll_meet_you|i_can_meet_you|we_could_meet|we_can_meet|let's_meet|lets_meet|te_veo|nos_vemos|nos_veamos|vernos|verte|te_espero|encontrarnos|nos_encontramos) ~3 (at|en|in|near|by|outside|afuera_de|cerca_de|frente_a|al|a_la|del|de_la) ~2 (the|a|el|la|my|mi|that)? ~2 MEET_PLACE",
        unless=_GROUP + "|" + _COMPANY,
        examples=("Just meet me at the train station at 9.", "te espero en el parque a las 4"),
    ),
    _meet(
        "offplatform.outing_alone",
        "Invites the student to an outing for the two of them (meeting)",
        "(vamos|let's_go|lets_go|we_could_go|we_can_go|podemos_ir|wanna_go|quieres_ir) ~2 (al|a_la|a|to_the|to) ~1 (cine|movies|mall|game|juego|concert|concierto|parque|park|beach|playa|dinner|cena|lunch|almuerzo) ~6 (tu_y_yo|just_us|you_and_me|solos|solitos|nomas_tu_y_yo|solo_nosotros|just_the_two_of_us)",
        unless=_GROUP,
        examples=("vamos al cine el sábado tú y yo",),
    ),
    _private(
        "offplatform.late_call",
        "A call, video call or voice chat late at night (private call)",
        "(call_me|text_me|facetime_me|ft_me|llamame|escribeme|texteame|hit_me_up|hmu|i'll_call_you|i_can_call_you|i'll_text_you|i'll_facetime_you|te_llamo|llamarte|escribirte) ~6 LATE",
        "LATE ~8 (call_me|text_me|facetime_me|ft_me|llamame|te_llamo|escribeme|texteame|hit_me_up|hmu|i'll_call_you|call_whenever|just_call)",
        unless=_PROGRAM_CALL + "|" + _COMPANY + r"|\b(?:here|aqu[ií]|on here|this chat|the channel|el canal|slack|crazy|loca|loco|atenci[oó]n)\b",
        examples=("After 10pm works best for me, just call whenever.", "Llámame esta noche después de las 10"),
    ),
    _home(
        "offplatform.night_away",
        "Takes the student away overnight or for a weekend (night away)",
        "(bring_you|take_you|come_with_me|you_could_come|you_can_come|u_can_come|wanna_come|want_to_come|llevarte|traerte|vengas_conmigo|vente_conmigo|vienes_conmigo|bring_one_mentee|just_us|solo_nosotros|tu_y_yo|you_and_me) ~8 NIGHT",
        "NIGHT ~8 (u_in|you_in|wanna_come|want_to_come|quieres_venir|vienes_conmigo|vente_conmigo|come_with_me|just_us|solo_nosotros|tu_y_yo|you_and_me|just_the_two_of_us)",
        # staying over at the adult's: "you can crash at my place saturday", "te puedes quedar en mi casa"
        "(you|u|te) ~3 (crash|stay|sleep|quedar|quedarte|dormir|sleep_over) ~2 (over)? ~1 (at|en) ~1 (my|mi) ~1 (place|house|apartment|apt|casa|depa|apartamento|crib)",
        unless=_GROUP + "|" + _COMPANY,
        examples=("bring one mentee to the conference, overnight, hotel's covered. u in?", "nos quedamos en el hotel, vienes conmigo"),
    ),
    _move(
        "offplatform.personal_channel",
        "Points to the adult's own private phone, e-mail or account (channel switch)",
        "(text|call|email|e-mail|dm|message|add|follow|request|write|escribeme|escribele|llamame|llamale|reach|contact|send|mandame|hit) ~4 (my|mi|me_on|me_at|me_to) ~1 (personal|private|privado|privada|burner|second|segundo) ~1 (phone|cell|number|email|e-mail|instagram|insta|ig|snap|snapchat|account|acc|cuenta|correo|numero|telefono|celular|cel|server|discord|page|tiktok|whatsapp|line)",
        "(my|mi|mis) ~1 (dms|dm|inbox|privado|mensajes_privados) ~2 (are|r|is|son|estan|esta|always|siempre)? ~1 (open|abiertos|abierto|abierta)",
        "(my|mi|mis) ~1 (own|personal|propio|propia|private|privado|privada) ~1 (link|zoom|meet|room|sala|email|correo|account|cuenta|number|numero) ~4 (not_the|no_el|no_la|instead_of|en_vez_del|en_vez_de_la) ~2 (school|program|escuela|programa|class|clase|official|oficial)",
        "(send_me|send_it_to_me|send_them_to_me|to_my|a_mi|mandame|mandamelo|mandamela|mandamelas|mandamelos|text_me|dm_me|email_me|escribeme|pasamelo|pasamela|enviamelo|enviamela) ~8 (no_aqui|no_por_aqui|not_in_here|not_on_here|not_in_the_channel|not_on_slack|not_on_discord|no_por_el_canal|fuera_del_canal|outside_the_channel|no_por_slack|no_por_discord)",
        unless=(r"\b(?:(?:to|a|al) (?:the|your|ur|la|el|tu) (?:coordinator|coordinadora|coordinador|teacher|maestra|maestro"
                r"|counselor|consejera|consejero|office|oficina|school|escuela|program|programa)"
                r"|school e-?mail|e-?mail de la escuela|correo de la escuela|school account|program'?s? e-?mail"
                r"|classroom|teams|portal|plataforma|platform|naviance)\b"
                # turned down inside its own words: "message the coordinator, not my personal phone"
                r"|\b(?:not|never|nunca|no) (?:to |a |on |en )?(?:my|mi)\b"),
        examples=("text him on his personal phone", "Send it to my email, not here"),
    ),
    _gift(
        "offplatform.money_to_you",
        "Sends the student money through a payment app (money outside the program)",
        "(pasarte|mandarte|enviarte|pagarte|depositarte|darte|send_you|pay_you|give_you|venmo_you|zelle_you|cashapp_you) ~6 (por|on|via|en|al|thru|through|by|with|over) ~1 PAYAPP",
        unless=r"\b(?:the program'?s?|el programa|la escuela|the school|office|oficina|payroll|check|cheque|direct deposit|dep[oó]sito directo)\b",
        examples=("puedo pasarte los $100 directo por Zelle", "I'll send you the 50 on Venmo tonight"),
    ),
    _evade(
        "offplatform.evade_filter",
        "Coaches a way past the program's filter or its supervision (evading supervision)",
        "(so|so_that|asi|asi_que|para_que|pa_que|or|o|because|porque|since|cause|cuz|else) ~2 (the|el|la|our|this)? ~1 (bot|filter|filtro|sistema|system|mods|moderator|moderador|monitor|algorithm|algoritmo) ~3 (doesn't|don't|won't|wont|doesnt|no|can't|cant|will|would|va_a|lo|la|los) ~2 (eat|eats|catch|block|bloquea|bloquee|delete|borra|borre|see|ve|vea|detect|detecta|flag|notice|read|lee|lea|pick_it_up|get_it|catches|blocks|deletes|flags|quita|quite)",
        "(asi|so|para_que|pa_que|so_that) ~1 (no|doesn't|won't|wont|doesnt|it_doesn't) ~1 (lo|la|los|it|me|te)? ~1 (bloquea|bloquee|borra|borre|ve|vea|detecta|eats|eat|catches|catch|blocks|block|flags|flag|deletes|delete) ~1 (el|la|the) ~1 (bot|filter|filtro|sistema|system|mods)",
        "(spell|write|type|escribe|escribeme|escribelo|escribemelo|escribirlo|pon|ponlo|send|manda|mandamelo|put) ~3 (your|ur|tu|yours|el_tuyo|la_tuya|my|mi|mine|el_mio) ~1 (number|numero|cel|cell|phone|telefono|email|correo|snap|insta|handle|address|direccion|usuario|whatsapp)? ~3 (in_words|en_palabras|en_letras|with_spaces|con_espacios|backwards|al_reves|spelled_out|one_by_one|uno_por_uno|digit_by_digit|with_dots|con_puntos|like_5_5_5)",
        # coaching past supervision is no quote: "the coordinator said the filter eats numbers, so…"
        reportable=False,
        examples=("spell yours out in words so the bot doesn't eat it", "escríbeme tu número en palabras, así no lo bloquea el sistema"),
    ),
    _parents(
        "offplatform.parent_away",
        "Asks which days or hours a parent is away or at work (risk assessment)",
        "(which|what|que|cuales|cuando) ~1 (nights|days|dias|noches|evenings|tardes|weekends|times|horas|hora) ~2 (is|are|does|do|esta|estan|trabaja|trabajan|sale|salen)? ~0 (your|ur|tu|tus) ~1 GUARDIAN ~2 (is|are|esta|estan)? ~1 (out|away|gone|working|trabajando|at_work|not_home|home_late|fuera|afuera|de_viaje|en_el_trabajo|no_esta|no_estan)",
        "(which|what) ~1 (nights|days|evenings|weekends|times) ~1 (is|are|does|do) ~1 (he|she|they) ~1 (out|away|gone|working|at_work)",
        unless=(r"\b(?:no est[aá]n? trabajando|not working|isn'?t working|aren'?t working|off work|libres?|free"
                r"|reuni[oó]n|meeting|conference|family night|noche de familias|open house)\b"),
        examples=("¿Qué días tu mamá está trabajando?", "Which nights is he out?"),
    ),
    _bypass(
        "offplatform.parents_kept_out",
        "Keeps the parents out of an arrangement (bypassing the parents)",
        "(no_need|don't_need|dont_need|do_not_need|no_hace_falta|no_tienes_que|don't_have_to|dont_have_to|no_hay_que|ni_tienes_que|no_necesitas) ~2 (to|que)? ~1 (tell|involve|loop_in|check_with|decirle|decirles|avisarle|avisarles|contarle|contarles|preguntarle|preguntarles|pedirle_permiso|get_permission_from|ask) ~2 (your|ur|tu|tus|su|sus|a_tu|a_tus) ~1 GUARDIAN",
        "(tell|decir|decirle|decirles|digo|dile|diles|say) ~3 (PARENT|them|her|him|le|les)? ~3 (it's|its|it_is|es|que_es|that_it's|it_was|fue|que_fue) ~3 (a|an|una|un)? ~2 (school|escuela|program|programa|class|clase) ~2 (thing|cosa|event|evento|activity|actividad|trip)? ~6 (so|pa|para|pa'|asi|so_that) ~2 (she|he|they|no|doesn't|don't|won't)? ~2 (ask|asks|pregunte|pregunten|pregunta|preguntan|questions|preguntas)",
        "(keep|leave|deja|dejar|dejemos) ~2 (your|ur|tu|tus) ~1 GUARDIAN ~2 (out_of_the_loop|out_of_it|out_of_this|fuera_de_esto|afuera_de_esto|al_margen)",
        "(so|pa|para|pa'|so_that) ~1 (que)? ~1 (your|ur|my|tu|tus|mi|mis)? ~0 GUARDIAN ~1 (doesn't|dont|don't|won't|wont|no|doesnt) ~1 (ask|asks|pregunte|pregunten|start_asking|ask_questions|haga_preguntas)",
        examples=("no need to bother your parents about saturday", "le voy a decir a mi mamá que es una actividad de la escuela pa' que no pregunte"),
    ),
]
