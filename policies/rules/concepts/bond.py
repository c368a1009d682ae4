# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Grooming families added in round 6, mostly from Spanish and Spanglish misses several writers
share: "nobody values you like I do", favouritism kept from the group, "with you it's
different", isolating the student after a session, jokes and shows "for adults", the hour of
the night, guilt for not writing, and secrecy asked from the group or the coordinator.

Like every grooming concept these are an adult's acts: strong from a mentor, nothing from a
student (a student saying "nadie me entiende como tú" to a friend is not grooming).
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_personal = partial(rule, governs="offplatform.personal", mentor=1.0, student=0.0)
_secrecy = partial(rule, governs="offplatform.secrecy", mentor=1.0, student=0.0)
_isolation = partial(rule, governs="offplatform.meet", mentor=1.0, student=0.0)
_parents = partial(rule, governs="offplatform.parents", mentor=1.0, student=0.0)

RULES = [
    _personal(
        "grooming.like_i_do",
        "Says nobody else values or understands the student the way the adult does (exclusivity)",
        "(te|la|lo) ~0 (valoran|valora|aprecian|aprecia|entienden|entiende|escuchan|escucha|cuidan|cuida|conocen|conoce|ayudan|ayuda|merecen|merece|quieren|quiere|tratan|trata) ~3 (como|tanto_como|asi_como) ~0 (yo|lo_hago_yo)",
        "(yo|i) ~1 (te)? ~0 (ayudo|help|escucho|listen|entiendo|understand) ~1 (mejor|better) ~3 (que|than)?",
        "(yo|i'm|im|i_am) ~1 (soy)? ~1 (el|la|the) ~0 (unico|unica|only|only_one) ~3 (que|who|that) ~3 (de_verdad|really|truly|actually)? ~2 (te|you|u)? ~0 (entiende|entiendo|gets|understands|se_preocupa|cares|valora|escucha)",
        "(los|las|the) ~0 (demas|otros|otras|others|other) ~3 (no_me|don't|dont) ~0 (entienden|entiende|get|understand) ~2 (como|like|the_way) ~0 (tu|tu|you)",
        "(tu_si|tu_si|you_really|only_you|solo_tu) ~0 (me_entiendes|get_me|understand_me|me_conoces|know_me)",
        "(contigo|with_you) ~2 (es_otra_cosa|es_diferente|it's_different|is_different|puedo_ser_yo|i_can_be_myself|se_puede_hablar_de_verdad|puedo_hablar_como|siento_algo|i_feel_something|puedo_hablar_de_todo)",
        "(tenemos|we_have|have) ~1 (una|a) ~0 (conexion|connection|bond) ~4 (que_no|that_i_don't|i_don't|no_tengo|con_nadie|with_anyone|with_nobody|nobody|nadie)",
        "(eres|you're|youre|ur|you_are|tu_eres) ~2 (so|muy|tan|really)? ~1 (different|diferente|distinta|distinto) ~1 (from|than|a|de) ~2 (the|los|las)? ~1 (rest|others|otros|otras|demas|los_demas|other)",
        "(eres|you're|youre|ur|you_are|tu_eres) ~1 (la|el|the) ~0 (unica|unico|only_one) ~2 (del|of|in|de) ~1 (grupo|group|the_group|class|clase) ~3 (que|who|that) ~2 (vale|worth|matters|importa)",
        "(no_eres|you're_not|ur_not) ~1 (como) ~2 (las|los)? ~1 (otras|otros|demas) ~1 (chamaquitas|chamaquitos|muchachas|muchachos|ninas|ninos|chicas|chicos|de_tu_edad)",
        "(como|like) ~1 (con_alguien|with_someone|someone) ~1 (de_mi_edad|my_age)",
        "(mi|my) ~0 (mejor_amiga|mejor_amigo|best_friend) ~3 (not_just|no_solo|no_una|no_un|not_a)",
        "(para_mi|to_me) ~1 (eres|you're|you_are) ~1 (como|like) ~1 (familia|family|mi_hija|my_daughter|my_own_kid)",
        "(yo|i) ~1 (puedo|can|could) ~1 (ser|be) ~1 (como)? ~1 (tu|your) ~1 (papa|dad|father|padre|mama|mom)",
        "^ (not|no|nobody|nadie) ~0 (like|como) ~0 (i_do|yo|i_do_lol|me) $",
        "(doesn't|don't|dont|doesnt|no) ~2 (really)? ~1 (care|care_about_you|see_your_potential|get_you|te_valora|le_importas|te_entiende) ~8 (i'm_here_for_you|i_do|i_see|not_like_i_do|yo_si|i_am|yo_estoy_aqui)",
        "(you're|ur|you_are|eres|tu_eres) ~2 (honestly|literally|really)? ~1 (the_only|the_one|el_unico|la_unica) ~1 (student|mentee|one|person|kid|estudiante) ~4 (who_gets_me|i_wanted|i_think_about|i_look_forward|que_me_entiende|que_quiero)",
        "(same|different) ~0 wavelength ~4 (you_and_me|you_and_i|than_them|nobody_else|than_the_rest|than_everyone)",
        "(you_and_me|you_and_i|me_and_you) ~3 (same|different) ~0 wavelength",
        "(the_others|other_mentees|the_other_kids|the_rest|los_demas|los_otros) ~3 (just|are_fine|don't|dont|no) ~3 (think_like|get_me|like_you_and_me|like_you|but_you|como_tu|me_entienden)",
        "(cancelled|canceled|cancele|i_dropped|dropped) ~2 (my|mi|the)? ~1 (other|otra|otro) ~1 (mentee's|mentees|student's|students|sessions?|estudiante)",
        "(rather|prefer|prefiero) ~2 (not_have|mentor_you|no_tener|mentorearte) ~3 (other_mentees|one-on-one|one_on_one|alone|otros_estudiantes|a_solas|drop_the_group)",
        mentor=1.0,
        examples=("Tus amigas no te valoran como yo.", "Contigo es otra cosa."),
    ),
    _personal(
        "grooming.favouritism",
        "Tells the student they are the favourite and to keep it from the others (favouritism)",
        "(favorita|favorito|preferida|preferido|favorite|fav|favourite) ~8 (no_lo_digas|no_le_digas|no_les_digas|don't_tell|dont_tell|celosos|celosas|jealous|se_ponen_celosos|get_jealous)",
        "(no_lo_digas|no_le_digas|no_les_digas|don't_tell|dont_tell) ~6 (favorita|favorito|preferida|preferido|favorite|fav|favourite|favoritos)",
        "(van_a_decir|will_say|they'll_say|they'd_say) ~2 (que)? ~1 (tengo|i_have) ~0 (favoritos|favoritas|favorites|a_favorite|favorita)",
        examples=("Tú eres mi favorita, pero no lo digas en el grupo",),
    ),
    _isolation(
        "grooming.alone_after",
        "Arranges to be alone with the student after a session or away from friends (isolation)",
        "(quedate|quedese|quedarte|stay|stick_around|no_te_desconectes|don't_log_off|dont_log_off|don't_leave|no_te_vayas) ~4 (despues|after|cuando|mas|un_rato|un_ratito|un_ratico|behind|late|a_bit) ~8 (a_solas|solos|solitos|tu_y_yo|nosotros_dos|se_vayan_los_demas|los_demas_se_van|cuando_se_vayan|when_everyone_leaves|when_the_others_leave|alone|conmigo|with_me|just_us|contigo)",
        "(hablar|hablamos|hablemos|vernos|nos_vemos|estar|estudiar|conversar|quedarnos|platicar) ~4 (a_solas|nosotros_dos_solos|solos|solitos|just_the_two_of_us|sin_nadie_mas|sin_los_demas)",
        "(hablar|hablemos|hablamos|talk|platicar|estar) ~1 (mas)? ~0 (tranquilos|tranquilas|tranquilo|in_peace|calmly|quietly) ~2 (tu_y_yo|nosotros_dos|just_us|you_and_me)",
        "(ven|vente|come|venga) ~3 (sin|without) ~1 (tus|your|ur|los|las) ~0 (amigas|amigos|friends|demas|otros|otras|companeros|companeros|group|grupo)",
        "(nos_escapamos|escaparnos|sneak_away|sneak_off|slip_away) ~4 (del|from|de) ~2 (grupo|group|the_group|los_demas|the_others)",
        "(ven|come|llega|get_here) ~1 (temprano|early|antes) ~6 (antes_de_que_llegue|before_the|before_everyone|antes_que|a_solas|alone|just_us)",
        "(cuando|when) ~1 (ya)? ~1 (no_queda|nobody's|no_one's|no_hay) ~2 (casi)? ~1 (nadie|anyone|left|around|en_la_oficina|in_the_office)",
        "(tutoria|tutoring|extra_help|ayuda_extra|practice) ~1 (extra)? ~1 (conmigo|with_me) ~6 (nosotros_dos|solos|a_solas|just_us|alone|nos_vemos)",
        "(el|la|tu|your) ~1 (proxima|next) ~1 (vez|time) ~3 (que)? ~2 (tu|your) ~1 (mama|mama|mom|papa|dad|parents|papas) ~2 (trabaje|works|no_este|is_out|is_away|salga) ~4 (me_avisas|let_me_know|tell_me|avisame|dime)",
        examples=("Quédate un ratito después de la sesión cuando se vayan los demás", "ven sin tus amigas, así podemos hablar más tranquilos"),
    ),
    _personal(
        "grooming.adult_jokes",
        "Shares adult jokes or shows, or tells the student not to be a prude (desensitising)",
        "(chiste|chistes|joke|jokes|meme|memes|video|videos|serie|series|pelicula|movie|show) ~3 (verde|verdes|de_adultos|for_adults|para_adultos|subido_de_tono|subidito_de_tono|subidito|de_doble_sentido|doble_sentido|picante|dirty|nsfw|adult|\"for_adults\")",
        "(no_seas|don't_be|dont_be|deja_de_ser|stop_being|no_eres) ~1 (tan|so|such_a|una|un)? ~1 (santita|santito|santurrona|santurron|santa|mojigata|mojigato|prude|nun|monja|baby|bebe|aburrida|inocente|innocent)",
        "(a_tu_edad|at_your_age) ~2 (yo_ya|ya_deberias|i_was_already|i_already|ya_tenia|yo_salia|ya_sabia|yo_hacia|i_was|you_should_already) ~4 (salia|hacia|sabia|dating|saliendo|cosas|know|saber|con_gente_mayor|older)?",
        "(tienes_edad_para|ya_tienes_edad|you're_old_enough_for|ur_old_enough_for|eres_grande_ya|ya_eres_grande) ~4 (verla|ver|watch|esto|this|handle|chiste|joke|esas_cosas|saber|you_can_handle)",
        "(you're|ur|youre|estas) ~0 (blushing|sonrojada|sonrojado|colorada|colorado) ~4 (chiste|joke|broma|jaja|lol|😏)",
        "(sono|sounded|sounds|suena) ~2 (medio|kinda|a_bit)? ~1 (\"sus\"|sus|sucio|dirty) ~4 (sabes|know|😏|jaja)",
        "(a_tu_edad|at_your_age) ~3 (ya_deberias|you_should|deberias) ~2 (saber|know) ~2 (de_esas_cosas|about_these_things|about_that|de_eso)",
        examples=("Te voy a contar un chiste verde pero no se lo digas a la coordinadora", "Ay no seas tan santita"),
    ),
    _personal(
        "grooming.night_thoughts",
        "Talks about thinking of the student at night or liking to talk late (late night)",
        "(can't_sleep|cant_sleep|no_puedo_dormir|ni_dormi|couldn't_sleep|no_pude_dormir|awake|despierto|despierta|[0-9]_?am|las_[0-9]|la_madrugada|all_night|toda_la_noche) ~6 (pensando|thinking|pienso) ~2 (en_ti|about_you|of_you|en_nuestra|about_our|en_nuestras|about_us|en_lo_que|about_what_you)",
        "(pensando|thinking) ~1 (en_ti|about_you|of_you) ~4 (all_night|toda_la_noche|can't_sleep|no_puedo_dormir|jaja|que_loco|at_night|de_noche|2am|3am)",
        "(me_gusta|i_like|i_love|me_encanta) ~1 (hablar|talking|chatting|hablarte|charlar) ~1 (contigo|with_you|to_you) ~3 (de_noche|a_esta_hora|at_night|late|so_late|tan_tarde|en_las_noches|por_las_noches|at_this_hour|hay_mas_calma)",
        "(sigues|still) ~0 (despierta|despierto|awake|up) ~4 (jaja|lol|me_gusta|i_like|son_las|it's|its|[0-9]+)",
        "(a_esta_hora|at_this_hour|by_now) ~3 (ya)? ~2 (tu|your) ~1 (mama|mama|mom|papa|dad|parents|papas) ~3 (esta|is|are|estan) ~1 (dormida|dormido|dormidos|asleep)",
        "(tu|your) ~1 (mama|mom|papa|dad|parents|papas) ~1 (sabe|knows|saben|know) ~2 (que|that) ~1 (te_escribo|i_text_you|i_write_you|hablamos|we_talk) ~3 (en_las_noches|at_night|de_noche|tan_tarde|late)",
        examples=("son las 2am y aquí estoy pensando en ti", "Me gusta hablar contigo de noche"),
    ),
    _personal(
        "grooming.reply_guilt",
        "Makes the student feel guilty for not writing or replying (guilt)",
        "(si|if) ~1 (no|dejas_de|me_dejas_de|you_stop|you_don't|you_dont) ~2 (me)? ~1 (escribes|contestas|hablas|hablarme|escribirme|contestarme|respondes|write|text|talk|reply|answer) ~5 (me_preocupo|me_siento|me_voy_a_sentir|voy_a_pensar|me_duele|me_pongo|i_worry|i'll_feel|i'll_think|i_get)",
        "(me_quede|me_quede|i_was|estuve|i've_been|i_waited) ~1 (esperando|waiting) ~3 (tu|your|ur|por_tu) ~1 (mensaje|message|text|respuesta|reply) ~3 (toda_la_noche|todo_el_dia|all_night|all_day|ni_dormi|couldn't_sleep)?",
        "(waiting|esperando) ~3 (todo_el_dia|toda_la_noche|all_day|all_night) ~2 (por|for) ~2 (tu|your|ur) ~1 (mensaje|message|text|respuesta|reply)",
        "(me_haces|me_hace) ~1 (mucha|tanta)? ~0 falta ~3 (cuando|when|si)",
        "(ya_no_te_caigo|ya_no_te_importo|you_don't_like_me_anymore|ya_no_me_quieres)",
        "(pense|pense|i_thought|crei) ~2 (que)? ~1 (ya_no_te_importaba|yo_te_importaba|i_mattered|te_importaba_mas|you_cared_more)",
        "(me_duele|me_dolio|me_molesta|it_hurts|hurts_me) ~3 (que|q|when|that) ~1 (no)? ~1 (me)? ~0 (contestaste|contestas|escribiste|escribes|respondiste|answered|replied|wrote)",
        "(me_debes|me_debe|you_owe_me) ~0 (una|un_favor|algo|mucho|one|big)",
        "(yo|i) ~1 (deje|deje|stopped|put_off|gave_up) ~2 (de_hacer)? ~2 (cosas|things|work|trabajo) ~4 (para_ayudarte|to_help_you|por_ti|for_you) ~4 (y_tu|and_you) ~2 (ni|don't|dont|didn't|no)",
        "(eres|you're|you_are|ur) ~1 (lo_unico_bueno|the_only_good_thing|the_best_part) ~2 (que_tengo|i_have|in_my|de_mi|of_my)",
        examples=("Si no me escribes me preocupo mucho", "Me quedé esperando tu mensaje toda la noche"),
    ),
    _personal(
        "grooming.photo_private",
        "Asks for photos just for the adult, of outfits or of the body (photo request)",
        "(send|sending|take|snap|show|mandame|manda|enviame|tomate) ~6 (PIC|one|it|some|a_few|more|the_ones|las|los) ~8 (just_for_me|only_for_me|solo_para_mi|solo_pa_mi|not_the_group|not_to_the_group|not_in_the_group|not_the_group_ones|didn't_post|no_subiste|nobody_else|nadie_mas)",
        "(send|take|snap|mandame|manda|enviame|tomate|hazte) ~3 (me)? ~2 (a|an|una|un)? ~1 PIC ~3 (in|of|wearing|con|de_como|en) ~3 (your|ur|the|something|tu|el|la|what_you're|lo_que|como_te) ~2 (WEARING|outfit|dress|skirt|costume|swimsuit|pajamas|work_gear|more_comfortable|planning_to_wear|queda|quedo|uniforme|vestido)",
        "(full_length|full-length|few_angles|a_few_angles|front_and_back|shirt_off|sin_camisa|de_cuerpo_completo|cuerpo_entero|you_in_it|tu_en_ella) ~6 (send|pic|photo|foto|see|ver|mandame|so_i_can)?",
        "(model|try_on|pose|posa|pruebate|ponte) ~4 (and|y)? ~2 (send|mandame|manda|snap|take) ~2 (me)? ~2 (a|una|some)? ~1 (PIC|it|one|some)",
        examples=("just send it to me, not the group", "Send me a pic of the outfit you're wearing to it, full length"),
    ),
    _secrecy(
        "grooming.secret_from_group",
        "Asks the student not to tell the group, the coordinator or the parents (secrecy)",
        "(no|don't|dont) ~0 (lo|le|les|se_lo|se_los)? ~0 (vayas_a|vaya_a)? ~0 (digas|diga|cuentes|cuente|comentes|comente|menciones|decir|contar|tell|mention) ~3 (en_el_grupo|al_grupo|a_los_demas|a_los_otros|a_las_otras|del_grupo|a_la_coordinadora|al_coordinador|a_la_maestra|al_maestro|a_tu_mama|a_tus_papas|a_tu_papa|a_nadie|nadie|to_the_group|the_group|the_others|in_the_group|to_the_coordinator|your_mom|your_parents)",
        "(di|dile|diles|say|tell_them|tell_her|tell_him|tell_your) ~2 (que|that) ~3 (te_los_compraste|te_lo_compraste|you_bought|lo_compraste|de_tu_chamba|from_your_job|from_work|de_la_universidad_nada_mas|nada_mas|just_college|only_college)",
        "(si|if) ~1 (tu|your) ~1 (mama|mama|mom|papa|dad|parents|papas|novio|boyfriend) ~2 (pregunta|asks|preguntan|ask) ~6 (dile|di|tell_her|tell_him|say|dile_que|tell_them)",
        "(no_tiene_que|doesn't_need_to|doesnt_need_to|no_necesita|no_tienen_que|don't_need_to) ~1 (saber|know) ~2 (los_detalles|the_details|todo|everything|nada|de_esto|about_this)",
        "(yo_que_tu|if_i_were_you|si_fuera_tu) ~2 (no|wouldn't|wouldnt) ~1 (le|se_lo)? ~0 (diria|contaria|tell|diria|contaria)",
        "(borra|borralo|borrala|delete) ~4 (por_si_acaso|just_in_case|just_to_be_safe|no_quiero_que|before_they|antes_de_que)",
        "(no_need_to|don't_need_to|dont_need_to|not_to|don't|dont|better_not|better_not_to|maybe_don't|maybe_dont|let's_not|lets_not|no_hace_falta|no_tienes_que) ~2 (mention|bring_up|report|tell|bring|mencionar|mencionarle|reportar|decirle|contarle) ~2 (this|it|that|her|him|them|eso|esto)? ~4 (to|in|for|with|a|en) ~2 (ms|mr|mrs|miss|the_school|your_parents|the_coordinator|here|in_here|the_group|your_reflection|the_program|your_mom|your_dad|your_teacher|staff|la_coordinadora|la_escuela|tus_papas|tu_mama|el_grupo|aqui)",
        "(keep|let's_keep|lets_keep|keeping) ~6 (off_your|off_the|off_mr|off_ms|off_mrs|off_her|off_his|off_their|fuera_del) ~3 (radar|group_chat|groupchat|reflection)",
        "(wouldn't|wouldnt|won't|wont|would_not|no_entenderian|no_entenderia|wouldn't_get) ~1 (understand|get|entender)? ~2 (our|the|nuestra|nuestro) ~1 (friendship|relationship|context|chats|thing|bond|amistad|relacion)",
        "(they'd|theyd|she'd|he'd|they_would|would) ~1 (misunderstand|twist_it|twist_things|malinterpretar|get_the_wrong_idea)",
        "(don't|doesn't|dont|doesnt|no) ~1 need ~2 (all_the|the|los|todos_los)? ~1 (details|detalles) ~3 (of_our|de_nuestras|about_us|de_lo_que)?",
        "(that's|thats|eso_es) ~0 (all|todo) ~1 (they|she|he|your_parents|lo_que) ~1 (need|needs|necesitan|necesita) ~1 (to_know|saber)",
        "(tell|dile|decirle|say|di) ~1 (your|ur|tu|a_tu) ~1 (father|mother|mom|dad|mama|papa|parents|papas|moms) ~3 (you're|you_are|that_you're|estas|que_estas|que_tienes) ~2 (at|en|with|con)? ~2 (a_friend's|a_friends|la_casa_de|your_friend's|practice|practica|tutoring|tutoria)",
        "(say|di|dile|tell_them|decir|and_say) ~2 (you|que|que_te|you_just) ~1 (saved_up|bought_it|bought_them|lo_compraste|los_compraste|te_lo_compraste|ahorraste|found_it|won_it|te_lo_ganaste)",
        "(save|put|guardame|ponme) ~1 (me|my_number|mi_numero)? ~1 (as|under|como) ~4 (so|something|or_something|para_que|asi) ~4 (don't_ask|no_pregunte|no_pregunten|won't_ask|doesn't_ask|don't_see|no_vea)",
        "(people|gente|anyone) ~2 (found_out|se_enteran|se_enteraran|knew|supieran) ~3 (how_close|lo_cercanos|what_we|lo_que_hablamos|about_us|de_nosotros)",
        examples=("No le digas a los demás del grupo que te ayudé", "Si tu mamá pregunta de dónde sacaste el dinero, dile que de tu chamba."),
    ),
    _parents(
        "grooming.supervision_es",
        "Asks who can read the chat or use the student's devices, or when the student is alone (risk assessment)",
        "(tu|your|ur|tus) ~1 (mama|mama|mom|papa|dad|papas|parents|padres) ~1 (lee|leen|ve|ven|reads|read|checks|revisa|revisan) ~3 (lo_que|what|los_mensajes|the_messages|aqui|here|el_canal|the_channel) ~4 (o_solo_tu|or_just_you|o_no|or_not|?)",
        "(la_coordinadora|el_coordinador|la_sra|sra|ms|mrs|the_coordinator|la_senora) ~2 (lee|leen|puede_ver|can_see|reads|ve|revisa) ~2 (todos|todo|all|every|los_mensajes|the_messages) ~3 (o_solo|or_only|or_just|que_se_borran|that_get_deleted|?)",
        "(usas|use|do_you_use|alguien_mas|anyone_else|someone_else) ~3 (la|the|una|tu|your)? ~1 (compu|computer|laptop|tablet|celular|phone) ~3 (tuya|yours|de_la_escuela|of_the_school|school's|la_usa|use_it|usa)",
        "(hay|is_there|there's|is_anyone|anyone) ~1 (alguien|anyone|somebody|someone) ~1 (contigo|with_you) ~2 (en_el_cuarto|in_the_room|en_tu_cuarto|in_your_room|ahorita|right_now|rn|ahora)",
        "(tienes|you_have|you've_got|u_have) ~1 (la|the) ~0 (casa|house|place) ~1 (para_ti|to_yourself|all_to_yourself) ~1 (solita|solito|sola|solo|alone)?",
        "(tus_papas|your_parents|tu_mama|your_mom|tu_papa|your_dad) ~1 (trabajan|work|trabaja|works) ~1 (tarde|late|de_noche|nights) ~6 (la_casa|the_house|sola|solita|alone|para_ti)",
        examples=("¿Tus papás ven lo que escribimos aquí?", "¿Hay alguien contigo en el cuarto ahorita?"),
    ),
]
