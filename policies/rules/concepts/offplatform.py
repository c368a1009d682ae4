# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Off-platform families added in round 6 from misses several writers share: a call or video
call asked for by either side, a message or file promised on another app, money sent through
a payment app, a gift delivered outside the program, a visit to a home or workplace, a game
session together, an extra ticket, a ride, and — the strongest evidence — saying the program
need not know ("don't worry about telling the coordinator", "no hace falta avisar").

Each template joins an act (call, send, visit, pay) to the other person (you, te, le, me) or
to a channel outside the program; program activities ("the whole group", "the office line",
"the school's Teams") are the ordinary uses the ``unless`` patterns name.
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_move = partial(rule, governs="offplatform.move", mentor=1.0, student=1.0)
_private = partial(rule, governs="offplatform.private", mentor=1.0, student=1.0)
_home = partial(rule, governs="offplatform.home", mentor=1.0, student=1.0)
_meet = partial(rule, governs="offplatform.meet", mentor=1.0, student=1.0)
_ride = partial(rule, governs="offplatform.ride", mentor=1.0, student=1.0)
_gift = partial(rule, governs="offplatform.gift", mentor=1.0, student=1.0)
_bypass = partial(rule, governs="offplatform.secrecy", mentor=1.0, student=0.0)

# Calls the program runs or asks for: with the group, the office, the school, a parent.
_PROGRAM_CALL = (r"\b(?:whole group|group call|everyone|todos|the class|la clase|cohort|the team|el equipo"
                 r"|office|oficina|front desk|recepcion|school|escuela|counselor|consejer[oa]|coordinator"
                 r"|coordinadora|coordinador|recruiter|reclutador|interviewer|hr|the company|la empresa"
                 r"|doctor|dentist|clinic|clinica|911|hotline|linea|teams meeting|program's|del programa)\b")

RULES = [
    _private(
        "offplatform.call_request",
        "Asks for or offers a phone or video call outside the program (private call)",
        "(can|could|may|puedo|podemos|wanna|want_to|quieres|lets|let's|let_me|lemme|should_i|i'll|ill|i_can) ~2 (just)? ~1 (call|llamar|llamarte|llamarle|facetime|ft|videollamada|video_call|video_chat) ~1 (u|you|te|le|usted|later|tonight|sometime|esta_noche|hoy|manana|mas_tarde)",
        "(me|nos) ~0 (puede|puedes|podria|podrias|hace|haces) ~0 (llamar|videollamada|una_videollamada|facetime) ~3 (ahora|ahorita|hoy|esta_noche|por|mas_tarde|?|pa|para)",
        "(hablar|hablamos|hablemos|talk|continue|seguir|seguimos|conversations|conversaciones|chat|llamar|llama|explicar|explain|explicarle) ~4 (by|por|on|over|via) ~1 (the)? ~1 (telephone|telefono|phone|facetime|videollamada|video_call|videocall|ft) ~4 (evenings|en_las_noches|de_noche|tonight|esta_noche|manana|tomorrow|after|despues|later|mas_tarde|hoy|cuando|when|mejor|better|?)",
        "(call|calling|llamar|llamo|llama|llamame|text|texting) ~1 (my|your|ur|tu|mi|su) ~1 (cell|celular|cel|personal_number|private_number|numero_personal)",
        "(hop|jump|get) ~1 (in|on|into) ~2 (the|my|a)? ~1 (party_chat|vc|voice_chat|voice) ~4 (tonight|later|with_me|just_us|rn|right_now|esta_noche|and_we'll|y_hablamos|easier)",
        "(hacemos|hagamos|hacer|do|we_do|podemos_hacer) ~1 (una|un|a)? ~1 (facetime|videollamada|video_call|llamada) ~4 (tu_y_yo|just_us|nosotros_dos|esta_noche|tonight|mas_tarde|later)",
        "(call|facetime|ft|llamar|llamame|llamarme|videollamada|video_call|phone|telefono) ~8 (typing|escribiendo|writing|texting|escribir|por_escrito|in_writing|here|aqui|in_here|the_channel|el_canal) ~3 (is|es|are|esta)? ~2 (so|too|muy|tan)? ~1 (slow|lento|lenta|hard|dificil|inefficient|ineficiente|annoying)",
        "(call|facetime|ft|llamame|llamar|videollamada|telefono|phone|party_chat|vc) ~8 (easier|faster|mas_facil|mas_rapido|quicker|mejor|better) ~2 (than|que|rather_than|asi_que) ~2 (typing|writing|escribiendo|escribir|here|aqui|aca|in_here|the_chat|the_channel|el_canal)",
        unless=_PROGRAM_CALL,
        examples=("can i just call u? idk how to explain it in writing", "me puede llamar por facetime hoy?"),
    ),
    _move(
        "offplatform.app_send",
        "Sends or asks for messages or files on another app (channel switch)",
        "(send|sending|text|texting|message|messaging|msg|dm|hmu|hit_me_up|reply|write|add|talk|chat|reach|contact) ~6 (on|over|via|through|thru|in) ~1 (the|my|your|ur)? ~1 (PLATFORM|imessage|messenger|email|telegram|signal)",
        "(te|le|les|me) ~0 (mando|mandare|envio|enviare|escribo|escribire|escribi|paso|hablo|agrego|llamo|contesto|respondo|mande|envie|mandas|escribes) ~4 (por|en|pal|al|a_mi|a_tu|on) ~1 PLATFORM",
        "(mandame|manda|mandeme|escribeme|escribame|hablame|agregame|pasate|pasame|dame|enviame|envieme|textea|texteame|contactame|buscame) ~4 (por|en|pal|al|on|a) ~1 (el|la|mi|tu|su)? ~1 (PLATFORM|dm|privado|correo|email)",
        # ... said to several students at once (ustedes): "háblenme por WhatsApp", "búsquenme en Insta"
        "(mandenme|escribanme|hablenme|agreguenme|pasenme|denme|envienme|texteenme|contactenme|busquenme|llamenme|marquenme|siganme) ~4 (por|en|pal|al|on|a) ~1 (el|la|mi|tu|su)? ~1 (PLATFORM|dm|privado|correo|email|whats|wasap)",
        "(can|could|should|can_we|lets|let's|wanna|podemos) ~2 (just|we)? ~1 (use|usar|usemos|switch_to|move_to|get_on) ~1 (PLATFORM|imessage|email|correo|telegram|signal|messenger)",
        "(made|make|created|create|hice|cree|start|started|set_up|arme|abri) ~2 (a|an|un|una|my|mi)? ~1 (personal|private|privado|privada|second|segunda|segundo|new|nuevo|nueva)? ~1 (PLATFORM) ~1 (group|grupo|gc|server|servidor|groupchat|chat|account|cuenta) ~6 (for_us|pa_nosotros|para_nosotros|for_you_and_me|just_me_and_u|just_me_and_you|for_just|reply_with|add_you|te_agrego|te_meto|accept|acepta|add_it|for_talking|para_hablar)",
        "(my|mi|our) ~1 (personal|private|privado|privada|own|propio|propia) ~1 (PLATFORM|zoom|meet) ~1 (server|link|group|grupo|servidor|room|account|cuenta|enlace)",
        "(way_less|less|menos|fewer|no) ~2 (people|gente|ppl|one|nadie|adults) ~1 (watching|mirando|viendo|reading|leyendo|checking)",
        "(sin_que|without) ~2 (el|la|the) ~1 (bot|coordinadora|coordinador|coordinator|program|programa) ~1 (se_meta|see|seeing|vea|lea|reading|knowing|sepa)",
        "(asi|so|so_that) ~1 (no|not|isn't|doesn't) ~1 (lo|la)? ~1 (ve|lee|see|read|sees|reads|checks) ~2 (la|el|the) ~1 (coordinadora|coordinador|coordinator|bot|program|programa|teacher|maestra)",
        "(aqui|here|in_here) ~2 (siempre|always|everyone|todos|they|ellos|la_coordinadora|the_coordinator)? ~1 (estan|are|is|they're|esta) ~0 (vigilando|watching|monitoring|monitoreando|mirando)",
        "(mandame|send_me|manda) ~1 (eso|that|it|esto|the_pics|los_screenshots) ~1 (por|on|via) ~1 PLATFORM ~2 (no_por_aqui|not_here|not_in_here|no_aqui)?",
        "(somewhere|someplace|anywhere|algun_lugar|otro_lugar|otro_sitio) ~1 (else|mas)? ~3 (we_can|we_could|to|para|donde|where) ~1 (chat|talk|hablar|message|text|escribirnos)",
        "(i'm|im|i_am|estoy|always) ~1 (always|siempre)? ~1 (on|en) ~1 PLATFORM ~4 (if_u|if_you|late|tarde|de_noche|at_night|way_less|hmu|escribeme)",
        unless=r"\b(?:linkedin|(?:school|program)\'?s? (?:instagram|insta|ig|page|account|discord|server)|the (?:school|program)'?s? (?:discord|server|page|account)|official|oficial|the coordinator'?s|de la coordinadora|del programa|the program's|school email|correo de la escuela|teams|google classroom|classroom)\b",
        examples=("te mando más ejemplos por WhatsApp, es más fácil que aquí", "I'll send them on Snapchat since files are easier there"),
    ),
    _gift(
        "offplatform.money_app",
        "Sends or asks for money through a payment app or a private loan (money outside the program)",
        "PAYAPP ~0 (me|you|u|te|le|ya) ~3 (like|some|unos|[0-9]+|\\$[0-9]+|for|pa|para|the|el|back)?",
        "(send|sending|mando|mandar|enviar|envio|paso|pasar|mande|pay|pago|pagar|give|doy|dar|transfer) ~3 (you|u|me|te|le|some_money|money|dinero|un_dinero|plata|el_dinero|lo_q|lo_que|[0-9]+|\\$[0-9]+) ~6 (por|on|via|thru|through|by|en|al|with) ~0 PAYAPP",
        "(te|le|me) ~0 (voy_a|va_a)? ~1 (mando|mandar|enviar|envio|paso|pasar|mande|pago|pagar) ~6 (por|on|via|en|al) ~0 PAYAPP",
        "(un|a|una) ~0 (cashapp|venmo|zelle|paypal) ~2 (pa|para|for|de)",
        "(me|nos) ~1 (puede|puedes|podria|podrias|pudiera) ~0 (prestar|regalar) ~3 (pa|para|dinero|plata|chavos|unos|[0-9]+|\\$[0-9]+|la|el)",
        "(can|could) ~1 (you|u) ~1 (lend|loan|spot|front) ~1 (me) ~3 (money|cash|some|[0-9]+|\\$[0-9]+|for|a_few|until|til)",
        unless=r"\b(?:the program|el programa|stipend|estipendio|the school|la escuela|my mom|mi mama|my dad|mi papa|split|dividir|rent|renta)\b",
        examples=("can u venmo me 20? es pa la comida del trip", "Te mando el dinero para los tenis por Zelle"),
    ),
    _gift(
        "offplatform.gift_delivery",
        "Delivers a gift or device privately, to the home or outside the school (private gift)",
        "(mandar|mando|mandarte|enviar|enviarte|envio|send|ship|mail|dejar|dejarte|llevar|llevarte|hand|give|drop|drop_off|entregar|entregarte) ~6 (a_tu_casa|a_su_casa|to_your_house|to_ur_house|to_your_home|tu_direccion|your_address|por_amazon|on_amazon|via_amazon|outside_the_school|outside_school|afuera_de_la_escuela|fuera_de_la_escuela|con_tu_nombre|with_your_name|en_la_recepcion)",
        "(purchased|bought|compre|got|tengo) ~3 (a|an|un|una|the|el|la)? ~1 GIFT ~2 (for_you|para_ti|pa_ti) ~8 (hand|give|entregar|dar|dejar|drop|pick_up|recoger) ~3 (outside|afuera|after|despues|at_the|en_la|in_person|en_persona|when)",
        unless=r"\b(?:the program|el programa|the coordinator|la coordinadora|school supplies|certificate|certificado|diploma|the school will)\b",
        examples=("Te voy a mandar un regalo a tu casa por Amazon", "I will hand it to you outside the school after Friday's session."),
    ),
    _home(
        "offplatform.visit",
        "Proposes a visit to a home, building or workplace outside the program (visit)",
        "(paso|pasar|pasare|pasarme|puedo_pasar|voy|ir|venir|puedo_ir|come|came|come_by|swing_by|stop_by|drop_by|visit|visitar|i_came|i_come) ~3 (por|a|to|by|at)? ~2 (tu|your|ur|my|mi) ~1 (casa|house|edificio|building|oficina|office|trabajo|work|job|apartment|apartamento|place|home|shop|tienda) ~6 (solo|sola|alone|without|sin|sometime|any_day|un_dia|whenever|cuando_quieras|a_saludarte|after_school|after_classes|after_class|despues|el_sabado|el_domingo|el_viernes|saturday|sunday|friday|tonight|esta_noche|manana|q_no_haya|no_need|no_hace_falta|a_ayudarme|to_help_me|a_dejarte|myself)",
        "(paso|pasar|pasarme|puedo_pasar|puedo_ir|ir|venir|visitar) ~3 (por|a)? ~1 su ~1 (casa|oficina|trabajo|edificio|apartamento|tienda) ~6 (solo|sola|sin|un_dia_q_no_haya|un_dia_que_no_haya|q_no_haya|que_no_haya|sin_los_demas|sin_el_permiso|sin_permiso)",
        "(un_dia_de_estos|one_of_these_days|some_day|algun_dia) ~2 (paso|pasare|i'll_stop|i'll_swing|i'll_come) ~2 (por|by)? ~1 (tu|your|ur) ~1 (edificio|building|casa|house|escuela|school)",
        "(puedes|puede|can_you|could_you|can_u|wanna|quieres|want_to|u_wanna) ~1 (venir|come|pasar|stop_by) ~1 (a|to|over|by)? ~2 (la|my|mi|the)? ~1 (casa|house|place|party|fiesta|junte|bday|cumple|cumpleanos|dinner|cena|over)",
        "(invite|invitar|invitarte|invitarle) ~1 (u|you|te|le|lo|la)? ~1 (over|a_la_casa|a_casa|to_our_house|for_dinner|a_cenar|a_comer)",
        "(venga|vente|come_thru|pull_up) ~2 (mister|miss|profe)? ~3 (a_mi_casa|to_my_house|my_house|mi_casa|the_party|la_fiesta|el_junte|my_spot|el_spot)",
        "(near|cerca_de|by|around|por) ~1 (your|ur|tu|su) ~1 (school|escuela|building|edificio|house|casa) ~4 (meet_you|verte|te_veo|sal|come_out|salir|grab_you|pick_you_up|i_can_meet)",
        unless=r"\b(?:job shadow|site visit|career fair|feria|field trip|excursion|the program|el programa|con el grupo|with the group|with your class|con tu clase|the coordinator|la coordinadora|tour for the|sign up|inscribete|orientation|open house)\b(?! (?:without|sin))",
        examples=("Un día de estos paso por tu edificio a saludarte.", "Swing by after classes any day, I'll give you a tour myself"),
    ),
    _meet(
        "offplatform.outing",
        "Invites to a game, show or outing outside the program (outing)",
        "(extra|dos|two|2|un|una|spare|another) ~1 (ticket|tickets|boletos|boleto|entradas|entrada|pass|passes) ~8 (wanna|want_to|quieres|vienes|come|come_with_me|venir|conmigo|with_me|te_invito|invite_you|yo_te)",
        "(wanna|want_to|can_we|let's|lets|quieres|juegas|u_should|you_should|join|unete|add_me|agregame) ~3 (play|jugar|jugamos|join|squad|party|lobby) ~4 (GAME|together|juntos|tonight|esta_noche|con_nosotros|with_me|conmigo|just_u_and_me|my_party|mi_party)",
        "(GAME) ~4 (together|juntos|tonight|esta_noche) ~3 (u_can_join|join_my|add_me|agregame|with_me|conmigo|my_party|mi_party|jugamos)",
        "(podemos|vamos|let's|lets|we_could|we_can|wanna) ~1 (ir|go) ~2 (al|a|to_the|to) ~1 (cine|movies|mall|game|juego|concert|concierto|parque|park|beach|playa) ~4 (yo_pago|i'll_pay|my_treat|el_viernes|el_sabado|friday|saturday|tu_y_yo|just_us|no_hace_falta)",
        unless=r"\b(?:the program|el programa|field trip|excursion|the whole group|todo el grupo|con el grupo|with the group|the class|la clase|club|official|oficial)\b",
        examples=("I have an extra ticket for the Mets game Sunday, wanna come?", "¿Juegas Fortnite? Agrégame y jugamos esta noche"),
    ),
    _ride(
        "offplatform.ride_more",
        "Offers or asks for a ride (rides)",
        "(te|le|yo_te|i'll|ill) ~0 (paso|pasamos|voy) ~0 a ~0 (buscar|recoger)",
        "(me|nos) ~1 (puede|puedes|podria|podrias|da|das) ~1 (dar)? ~1 (un|una)? ~0 (pon|ride|raite|rait|bola|aventon|lift|jalon)",
        "(te|le|les) ~1 (puedo|podria|doy|damos|puedo_dar) ~1 (dar)? ~1 (un|una)? ~0 (pon|ride|raite|rait|bola|aventon|lift|jalon)",
        "(swing_by|come_by|pass_by|stop_by) ~2 (and)? ~1 (grab|get|pick_up|pick) ~1 (you|u)",
        "(te|le) ~0 (llevo|llevare|puedo_llevar) ~2 (en_mi|in_my) ~0 (carro|car|troca|truck)",
        "(no_te_montes|don't_take|dont_take|skip) ~2 (en_el|the)? ~0 (bus|guagua|train|tren) ~4 (te_llevo|i'll_drive|i'll_take|yo_te_llevo|i_can_drive|i'll_give_you)",
        # the school's van (the student's own family driving: ``family_drives``, in the layer)
        unless=r"\b(?:school (?:van|bus)|van de la escuela|bus de la escuela|the program'?s? (?:van|bus)|chaperone"
               r"|la guagua del programa)\b",
        examples=("¿A qué hora sales de la práctica? Yo te paso a buscar.", "profe, me puede dar un raite a mi casa"),
    ),
    _bypass(
        "offplatform.program_bypass",
        "Says the program, the coordinator or the parents need not know or be involved (bypassing the program)",
        "(don't_worry_about|dont_worry_about|no_need_to|no_need_for|don't_need_to|dont_need_to|no_hace_falta|no_tienes_que|no_hay_que|no_necesitas|no_te_preocupes_por|don't_have_to|dont_have_to|need_not|no_tiene_que) ~3 (telling|tell|avisar|avisarle|decirle|decir|contarle|sign_up|signing_up|pasar_por|que_pase_por|go_through|going_through|make_it|involve|involving|loop_in|looping_in|ask|asking|preguntarle|inform|informar) ~3 (the|el|la|al|a_la|through_the|a|an|your|tus|tu)? ~1 (program|programa|coordinator|coordinadora|coordinador|school|escuela|teacher|maestra|maestro|parents|papas|padres|mom|mama|permission|permiso|official)",
        "(it's|its|it_is|es|no_es) ~1 (not|no)? ~1 (a)? ~1 (program|school|programa|escuela) ~1 (thing|cosa|event|evento)",
        "(no_need_to|don't_need_to|dont_need_to|no_hace_falta|no_tienes_que) ~2 (make_a_thing_of_it|hacer_un_drama|hacerlo_un_drama) ~3 (with|to|a|con) ~2 (ms|mr|mrs|the_coordinator|your_mom|your_parents|la_coordinadora|tu_mama|tus_papas|anyone|nadie|the_program|el_programa)",
        "(without|sin) ~2 (going_through|pasar_por|passing_through|involving|meter_a) ~2 (the|la|el|your|tu)? ~1 (school|escuela|program|programa|coordinator|coordinadora|office|oficina|front_desk)",
        "(no_hay_que|no_tienes_que|no_hace_falta|don't_need_to|dont_need_to|no_need_to) ~1 (decirle|avisarle|contarle|tell|mention_it_to) ~1 (a|to)? ~1 (ms|mr|mrs|miss|la_senora|el_senor|la_profe|el_profe|sra|sr|la_coordinadora|el_coordinador|your_mom|tu_mama)",
        "(nobody|no_one|nadie) ~1 (se_va_a_dar_cuenta|va_a_saber|will_notice|will_know|needs_to_know|tiene_que_saber|has_to_know|se_entera|se_va_a_enterar)",
        "(sin|without) ~1 (the|el|la|los)? ~1 (permiso|permission|program|programa|sign-up|signing_up|los_demas|the_group|el_grupo|the_others) ~3 (esta_bien|it's_fine|is_fine|ok|okay|?)",
        unless=r"\b(?:already (?:emailed|told|asked|signed)|ya (?:le )?(?:avise|dije|escribi)|i (?:already )?let (?:her|him|them) know|she knows|he knows|ya sabe)\b",
        examples=("Don't worry about telling the program.", "No hace falta avisar al programa."),
    ),
]
