# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Disclosures as Spanish-speaking and Spanglish-writing teens put them, round 8: the concepts the
English families have, in the words fresh writers' Spanish disclosures used and the rules missed
(writer groups si … sn, read after their sets were spent): wishing not to exist, running away,
being afraid of going home, being threatened by other people, food taken away as punishment,
an adult family member the student fears alone, a shelter, papers kept by an employer, parents
fighting at night. Each template is a concept (who does what to the student), not a sentence;
the sentence checks are the safeguarding ones (never cancelled by negation or reported speech).

Round 15 added the kinds the Spanish side still missed on fresh sets, each with its English form:
a near attempt, days without food, being jumped, intimate pictures passed around, being put out,
a parent gone with small children left to the student, work instead of school, the signs of a
named condition that the student says are theirs, and nowhere to go.
"""

from __future__ import annotations

# The safeguarding families' rule makers (students only, never read away): concern.py's own.
from policies.rules.concepts.concern import _abuse, _exploit, _homeless, _neglect, _selfharm

# An adult at home the student may fear (Spanish and Spanglish).
_ADULT = ("(mi_papa|mi_papi|mi_pai|mi_padrastro|mi_stepdad|mi_stepmom|mi_madrastra|mi_mama|mi_mami|mi_mai"
          "|mi_tio|mi_tia|mi_abuelo|mi_primo|el_novio_de_mi_mama|el_novio_de_mi_mai|el_esposo_de_mi_mama"
          "|mis_papas|mis_padres|mi_hermano_mayor|mi_hermana_mayor)")

# Parents and coaches "killing" a student over a grade, and games, are hyperbole, not threats.
_NOT_A_THREAT = (r"\b(?:(?:mi|mis|my) (?:mama|mami|mai|mom|papa|papi|pai|dad|papas|padres|parents|abuela|jefa"
                 r"|jefe|coach|profe|teacher|maestra|maestro|entrenador)|fortnite|call of duty|cod|valorant|roblox"
                 r"|minecraft|juego|game|partida|2k|fifa|madden|jaja\w*|lol|lmao)\b")

RULES = [
    _selfharm(
        "concern.wish_gone",
        "Wishes not to exist, not to wake up, or thinks of jumping (suicidal thoughts)",
        # "a veces pienso que todo sería más fácil si yo no estuviera"
        "(seria|fuera|estaria) ~2 (mas_facil|mejor|mejor_para_todos) ~3 (si) ~1 (yo)? ~1 (no) ~1 (estuviera|existiera|estuviese|existiese|despertara|viviera)",
        "(mejor|prefiero|ojala|quisiera) ~2 (no) ~0 (despertar|despertarme|existir|haber_nacido|volver_a_despertar)",
        "(pienso|pensando|me_dan_ganas|ganas) ~2 (en|de) ~1 (saltar|tirarme|aventarme|lanzarme|matarme|quitarme_la_vida|no_despertar)",
        "(nadie|ni_uno) ~2 (se_daria_cuenta|me_extranaria|me_va_a_extranar|notaria|lo_notaria) ~3 (si|cuando) ~2 (me_muero|me_voy|desaparezco|me_mato|no_estoy)",
        "(pa|para) ~0 (que|q) ~0 (vivo|vivir|sigo_viviendo|seguir_viviendo)",
        "(ya_no_aguanto|no_aguanto_mas|ya_no_puedo_mas) ~3 (de_verdad|fr|en_serio|nada|todo|esta_vida|vivir|seguir)",
        "(cansad[oa]) ~1 (de) ~1 (estar_cansad[oa]|vivir|todo_y_de_todos|la_vida|seguir_viviendo)",
        examples=("a veces pienso que todo sería más fácil si yo no estuviera", "nadie se daría cuenta si desaparezco"),
    ),
    _abuse(
        "concern.run_away",
        "Plans to run away or has not slept at home (running away)",
        "(me_quiero_ir|quiero_irme|pienso_irme|pensando_en_irme|me_voy_a_ir|voy_a_irme|escaparme|me_voy_a_escapar|me_escape) ~2 (de) ~1 (la|mi) ~0 (casa)",
        "(no_he|no_e|no_hemos) ~0 (dormido) ~1 (en) ~1 (mi|la) ~0 (casa)",
        unless=r"\b(?:temprano|tarde|a las|early|late|pa la escuela|para la escuela|pal trabajo|al trabajo|mañana temprano|manana temprano|de vacaciones|vacation)\b|[0-9]",
        examples=("creo que me voy a ir de la casa este weekend, ya no aguanto a mi padrastro", "no he dormido en mi casa desde el viernes"),
    ),
    _abuse(
        "concern.fear_home",
        "Is afraid of going home or of an adult at home (unsafe home)",
        "(me_da|me_dan|tengo) ~1 (miedo|panico|terror) ~3 (llegar|volver|regresar|ir|quedarme) ~2 (a|en)? ~1 (la|mi)? ~0 (casa)",
        "(me_da|me_dan|tengo) ~1 (miedo|panico|terror) ~3 (quedarme|estar) ~2 (sol[oa]) ~2 (con) ~1 (el|ella|" + _ADULT[1:-1] + ")",
        _ADULT + " ~4 (se_pone|se_ponen|anda|llega|viene) ~2 (bien|muy|super|re)? ~1 (agresivo|agresiva|violento|violenta|borracho|borracha) ~4 (cuando|si|y|every|todas_las)?",
        "(me_dice_cosas|dice_cosas|hace_cosas|me_hace_cosas|se_mete_en_mi_cuarto|entra_a_mi_cuarto|entra_en_mi_cuarto) ~4 (cuando) ~2 (mi_mama|mi_mami|mi_mai|mami|nadie|mis_papas) ~1 (no_esta|no_estan|se_va|sale|trabaja|no_hay)",
        _ADULT + " ~3 (nos|me) ~0 (encierra|encierran|encerro|deja_encerrad[oa]s?) ~3 (en_el_cuarto|en_el_bano|sin_comida|sin_comer|toda_la_noche|hasta)",
        "(mis_papas|mis_padres|they|ellos) ~2 (pelean|se_pelean|fight|se_gritan) ~3 (toda_la_noche|every_night|todas_las_noches|todo_el_tiempo) ~4 (y_se_tiran|se_rompen|tiran_cosas|rompen_cosas|break_things|y_se_pegan|i_hide|me_escondo|headphones)",
        _ADULT + " ~4 (dice|dijo|me_dijo) ~2 (que) ~2 (me_va_a|nos_va_a|me_van_a|nos_van_a|si) ~2 (quemar|separar|mandar_pa|mandar_para|quitar|echar_de_la_casa|botar_de_la_casa)",
        examples=("me da miedo llegar a casa, mi padrastro se pone bien agresivo cuando toma", "mi tío me dice cosas feas cuando mi mamá no está"),
    ),
    _abuse(
        "concern.threatened_by_others",
        "Says others threaten to hurt or kill them (threats, serious bullying)",
        "(me|nos) ~0 (van_a|quieren) ~0 (matar|partir_la_cara|partir|dar_una_pela|romper_la_cara|hacer_dano|caer_a_golpes) ~6 (si|a_la_salida|after_school|en_la_escuela|con_un_cuchillo|con_una_pistola|scared|miedo|fr)",
        "(dicen|dijeron|me_dijeron|amenazaron|amenazan) ~2 (que)? ~2 (me|nos) ~0 (van_a|iban_a) ~0 (matar|esperar|partir|buscar|quemar|dar_una_pela|hacer_algo)",
        "(me|nos) ~0 (siguen|sigue|siguio|persigue) ~3 (hasta) ~2 (la_puerta|mi_casa|el_building|el_edificio|la_casa)",
        "(sabe|saben) ~0 (donde) ~0 (vivo) ~4 (y|que|and) ~3 (va_a|van_a|aparecer|venir|buscarme)",
        "(me_escupen|me_empujaron|me_empujan|me_pegan|me_pegaron) ~8 (no_quiero_volver|no_quiero_ir|ya_no_quiero|faltando|me_da_miedo)",
        unless=_NOT_A_THREAT,
        examples=("unos chamacos me dijeron que me van a matar si vuelvo a la escuela", "me dicen la ilegal y me escupen en el pasillo, ya no quiero ir"),
    ),
    _neglect(
        "concern.food_withheld",
        "Is left without food, as punishment or because there is none (hunger, neglect)",
        "(me|nos) ~0 (dejaron|dejan|deja|dejo) ~1 (sin) ~0 (cena|cenar|comer|comida|almuerzo|desayuno)",
        "(no) ~0 (como|comemos|comi) ~3 (pa|para) ~1 (que) ~3 (pueda|puedan|alcance) ~1 (comer)",
        "(mi_mama|mi_mami|mi_mai|mis_papas|mi_papa|mi_papi) ~1 (no_ha|no_han) ~0 (venido|vuelto|regresado) ~2 (a_la_casa|a_casa) ~2 (en|hace|desde) ~3 (dias|semana|semanas)",
        "(nos|me) ~0 (dejo|dejaron) ~2 (sol[oa]s?) ~3 (toda_la_semana|todo_el_fin|varios_dias|dias|semana)",
        # a threat over a grade, or "for a month": hyperbole
        unless=r"\b(?:if i (?:fail|get)|si (?:repruebo|saco|pierdo|suspendo|fallo|me quedo)|por un (?:mes|ano|siglo)|for a (?:month|year))\b",
        examples=("hoy otra vez me dejaron sin cena de castigo", "mi mamá no ha venido a la casa en como 4 días"),
    ),
    _homeless(
        "concern.shelter",
        "Lives in a shelter or was put out of the home (homelessness)",
        "(estamos|vivimos|nos_vamos|nos_mudamos|nos_mandaron|quedandonos|nos_quedamos|me_quedo) ~3 (en|pa|para|a) ~1 (un|el|una|la)? ~0 (shelter|refugio|albergue)",
        "(nos|me) ~0 (sacaron|botaron|echaron|desalojaron) ~2 (del|de_la|de) ~1 (apartamento|apartment|casa|cuarto|building|edificio)",
        "(ya_no_soy|no_soy) ~0 (bienvenid[oa]) ~2 (en_la_casa|en_mi_casa|aqui)",
        "(que_me_busque|buscate) ~2 (donde|otro_lugar|otro_sitio) ~1 (vivir|quedarte|quedarme)",
        unless=r"\b(?:visitar|visita|voluntari|volunteer|donar|donamos|donation|food drive|colecta)\w*",
        examples=("nos sacaron del apartamento y ahora estamos en un shelter en el Bronx",),
    ),
    _exploit(
        "concern.papers_kept",
        "An employer or adult keeps their papers, or makes them work instead of school (exploitation)",
        "(me|nos|le) ~0 (tiene|tienen|quito|guarda|guardan) ~1 (guardado|guardados)? ~1 (el|mi|los|mis|su|sus) ~0 (pasaporte|pasaportes|papeles|documentos)",
        "(trabajo|trabajar|factoria|fabrica|restaurante|negocio|jefe|jefa|patron|senora) ~8 (no_me|no_nos|no_la|no_lo) ~0 (deja|dejan) ~2 (ir|salir_temprano|volver) ~2 (a_la_escuela|pa_la_escuela|para_la_escuela|ni_pa_la_escuela)",
        "(me|nos|la|lo) ~0 (obliga|obligan|pone|ponen) ~1 (a) ~1 (vender|trabajar|limpiar|cargar) ~6 (si_no|y_si_no|no_me_deja|sin_comer|todo_el_dia|y_no_la|y_no_me)",
        unless=r"\b(?:mi|mis) (?:mama|mami|mai|papa|papi|pai|papas|padres)\b[^.!?]{0,30}\b(?:pasaporte|papeles|documentos)\b[^.!?]{0,30}\b(?:pa que no|para que no|seguro|safe)",
        examples=("la señora donde trabajo me tiene guardado el pasaporte", "mi hermana mayor me obliga a vender cosas en el tren y si no traigo 100 me deja sin comer"),
    ),
    _selfharm(
        "concern.near_attempt",
        "Says they almost jumped, took the pills or ended their life (a near attempt)",
        "(casi|por_poco|estuve_a_punto_de|estuve_cerca_de) ~1 (me_tiro|salto|brinco|me_aviento|me_lanzo|tirarme|saltar|aventarme|lanzarme|brincar) ~2 (del|de_la|desde_el|desde_la|al|a_las|por_la|frente_al) ~1 (techo|azotea|puente|ventana|edificio|balcon|tren|vias|metro|roof|bridge|window)",
        "(casi|por_poco|estuve_a_punto_de) ~1 (me_quito_la_vida|quitarme_la_vida|me_tomo_todas|tomarme_todas|me_tomo_las_pastillas|tomarme_las_pastillas|me_tomo_el_frasco|me_corto_las_venas|cortarme_las_venas|me_ahorco|ahorcarme)",
        "(i|i've|ive|i_was|i_literally) ~1 (almost|nearly|came_close_to|was_about_to|was_so_close_to|was_close_to|so_close_to) ~1 (jumped|jumping|jump) ~1 (off|from|in_front_of) ~2 (the|a|my|our)? ~1 (roof|bridge|window|building|balcony|train|tracks|platform)",
        "(i|i've|ive|i_was|i_literally) ~1 (almost|nearly|came_close_to|was_about_to) ~1 (killed_myself|killing_myself|ended_it_all|ended_my_life|took_all_my_pills|took_all_the_pills|took_all_my_meds|took_the_whole_bottle|swallowed_all_the_pills|swallowed_the_whole_bottle)",
        unless=r"\b(?:alegr[ií]a|emoci[oó]n|gusto|joy|excitement|happiness|de la risa|laughing|susto|trampol[ií]n|pool|piscina|alberca|lake|lago|r[ií]o|river|cliff|parkour|diving|clavado|vitamins?|vitaminas|skittles|candy|dulces|caffeine|coffee|caf[eé]|sugar|az[uú]car|energy drinks?|red bull|monster|juego|game|al de enfrente|to the other)\b",
        examples=("ayer casi me tiro del techo", "i almost jumped off the roof last night"),
    ),
    _selfharm(
        "concern.signs_are_mine",
        "Says they have the warning signs a lesson listed (depression, self-harm)",
        "(i|yo) ~2 (have|got|tengo|check|cumplo) ~2 (all|every|most|like_all|todas|todos|casi_todas|casi_todos|la_mayoria_de) ~2 (of)? ~1 (the_signs|the_symptoms|las_senales|los_sintomas|esas_senales|esos_sintomas) ~2 (of|de) ~1 (depression|depresion|self-harm|self_harm|suicide|suicidio|suicidal|abuse|abuso|grooming|an_eating_disorder|eating_disorders|anorexia|bulimia|trauma|ptsd)",
        "(signs|symptoms|senales|sintomas|red_flags) ~2 (of|de) ~1 (depression|depresion|self-harm|self_harm|suicide|suicidio|abuse|abuso|grooming|an_eating_disorder|eating_disorders|anorexia|bulimia|trauma|ptsd) ~9 (i|yo) ~2 (have|got|tengo|check|cumplo) ~2 (all|every|most|like_all|todas|todos|casi_todas|casi_todos|like_every_one|every_single_one)",
        unless=r"\b(?:memori[sz]ed|memorizad[oa]s|right|correct|quiz|test|project|proyecto|listed|wrote|written|down pat)\b",
        examples=("in health we learned the warning signs of depression and honestly i have all of them",),
    ),
    _selfharm(
        "concern.not_needed",
        "Gives belongings away because they will not need them (giving things away)",
        "(gave|giving|gave_away|giving_away|regale|regalando|le_di|les_di|di) ~9 (not_gonna_need|won't_need|wont_need|won't_be_needing|ain't_gonna_need|aint_gonna_need|no_los_voy_a_necesitar|ya_no_los_voy_a_necesitar|ya_no_voy_a_necesitar|no_las_voy_a_necesitar|ya_no_las_voy_a_necesitar|no_lo_voy_a_necesitar)",
        examples=("gave my jordans and my switch to my lil cousin, not gonna need em",),
    ),
    _neglect(
        "concern.going_hungry",
        "Says the family has gone days without enough food (hunger)",
        "(no_hemos|no_he|casi_no_hemos|casi_no_he|no_han|no_e|no_emos) ~0 (comido|comido_bien|comido_nada) ~0 (en|hace|desde_hace|por) ~2 (dias|dos_dias|tres_dias|una_semana|semanas|2_dias|3_dias|varios_dias|como_dos|como_tres)",
        "(casi_no|ya_casi_no|a_veces_no) ~0 (comemos|cenamos|desayunamos|como_nada) $",
        "(pasamos|he_pasado|hemos_pasado|estamos_pasando|estoy_pasando) ~1 (hambre) ~4 (en_la_casa|en_casa|at_home|todos_los_dias|siempre|desde|hace|esta_semana|dias|semanas|porque_no_hay|no_hay|mi_mama|mis_papas|y_no)",
        "(nos_acostamos_con|me_acuesto_con|nos_dormimos_con|me_duermo_con) ~1 (hambre)",
        "(no_nos_alcanza|no_me_alcanza|no_hay_plata|no_hay_dinero|no_hay_chavos|no_hay_cuartos) ~2 (ni) ~1 (pa|para) ~1 (la)? ~0 (comida|comer)",
        unless=r"\b(?:ramad[aá]n|ayuno|fasting|dieta|diet|gym|practice|pr[aá]ctica|en familia|juntos|together|as a family)\b",
        examples=("no hemos comido bien en días", "mi prima trabaja de noche, yo cuido a los niños y casi no como"),
    ),
    _abuse(
        "concern.assaulted",
        "Says they were beaten up or jumped (assault)",
        "(me|nos) ~0 (dieron|dio|metieron|cayeron_a|entraron_a|cayeron_encima) ~1 (una|a)? ~1 (golpiza|paliza|pela|golpes|patadas|puños|punos|trompadas|madrazos|galletas|pescozones)",
        "(me|nos) ~0 (golpearon|patearon|apunalaron|apuñalaron|brincaron|madrearon|agarraron_entre|cayeron_entre) ~6 (en|a_la_salida|cuando|porque|pq|xq|ayer|anoche|entre|y|despues)",
        "(i|i've|ive|i_just|i_literally|me_and_my) ~1 (got|get|been|was|keep_getting) ~1 (jumped|jumpd|stabbed|beat_up|beaten_up) ~3 (after_school|outside|near|by_some|by_these|by_a_group|by_older|by_like|on_my_way|walking|in_the_hallway|in_the_bathroom|at_the_park|at_the_station|at_the_bus|leaving|again|last_night|yesterday|because_i|bc_i|cause_i|for_my|for_not)",
        "^ (got|just_got|been_getting|keep_getting) ~0 (jumped|jumpd|stabbed|beat_up|beaten_up) ~3 (after_school|outside|near|by_some|by_these|by_a_group|by_older|by_like|on_my_way|walking|in_the_hallway|in_the_bathroom|at_the_park|at_the_station|at_the_bus|leaving|again|last_night|yesterday|because_i|bc_i|cause_i|for_my|for_not)",
        unless=r"\b(?:nos|we|us)\b[^.!?]{0,40}\b(?:partido|juego|game|match|equipo|team|torneo|tournament|liga|league|scrimmage)\b"
               r"|\b(?:partido|juego|game|match|torneo|tournament|scrimmage)\b[^.!?]{0,40}\b(?:nos|we|us)\b"
               r"|\b(?:in|en) (?:el |la |the |a |un |una )?(?:gta|roblox|fortnite|minecraft|valorant|cod|2k|fifa|madden|smash|mario|game|juego|torneo|tournament|partida)\b"
               r"|\b(?:fight night|boxing|boxeo|sparring|debate|ajedrez|chess|homework|tarea|examen|exam|test|finals|concurso"
               r"|competencia|competition|contest|olimpiada|quiz|rob[oó]tica|robotics|primit[oa]s?|hermanit[oa]s?"
               r"|little (?:brother|sister|cousins?)|dog|perro|puppy|missed me|hugs?|abraz\w*)\b|\b[0-9]+ ?(?:a|-|to) ?[0-9]+\b",
        examples=("me dieron una golpiza en el parque pq no quise unirme a ellos", "i got jumped outside the bodega yesterday"),
    ),
    _exploit(
        "concern.intimate_images",
        "Says intimate pictures of them were passed around or posted (image abuse)",
        "(subio|subieron|paso|pasaron|mando|mandaron|compartio|compartieron|publico|publicaron|posteo|postearon|regaron|rego|esta_pasando|estan_pasando|anda_pasando|andan_pasando|tiene|tienen) ~4 (fotos|foto|videos|video|pics) ~2 (mias|mios|mia|mio|de_mi)? ~2 (sin_ropa|desnud[oa]s?|encuerad[oa]s?|en_ropa_interior|en_brasier|en_calzones|intimas|sin_camisa_y)",
        "(posted|shared|leaked|sent|spreading|spread|uploaded|airdropped|passing_around|passed_around|going_around|has|have) ~4 (my|pics_of_me|photos_of_me|pictures_of_me|a_pic_of_me|a_video_of_me|videos_of_me)? ~2 (nudes|naked_pics|nude_pics|naked_photos|private_pics|private_photos|pics_in_my_underwear|pics_in_my_bra)",
        unless=r"\b(?:beb[eé]s?|baby|babies|infant|toddler|chiquit[oa]|ba[nñ]era|bathtub|bath|album|[aá]lbum|when i was (?:little|a baby|small)|de (?:chiquit[oa]|peque[nñ][oa]))\b",
        examples=("alguien subió fotos mías sin ropa al grupo del salón", "someone leaked my nudes to the whole grade"),
    ),
    _homeless(
        "concern.put_out",
        "Says a parent will put them out on the street or out of the house (threat of homelessness)",
        "(me|nos) ~0 (pone|pondra|va_a_poner|ponen|echa|echara|va_a_echar|bota|botara|va_a_botar|van_a_echar|van_a_poner|van_a_botar) ~1 (en|a|pa|para|de_patitas_en) ~1 (la) ~0 (calle)",
        "(i|i've|ive|we|we've|i'll|ill|i_have|i_got|i_literally|i'm_gonna|im_gonna) ~1 (got|have|'ve_got|will_have|gonna_have|ain't_got|aint_got)? ~1 (nowhere|no_where|no_place) ~1 (to_go|to_stay|to_sleep|else_to_go|to_live|to_crash) ~3 (tonight|esta_noche|anymore|since|when|now|rn|right_now|bc|because|cuz|after_they|after_my|if)",
        "(he'll|he_will|she'll|she_will|they'll|they_will|he's_gonna|she's_gonna|hes_gonna|shes_gonna|they're_gonna|theyre_gonna|said_hell|says_hell|threatened_to|threatens_to) ~1 (kick|throw|put) ~1 (me|us) ~1 (out|on_the_street|in_the_street|out_on_the_street)",
        unless=r"\bout of (?:the |my |our )?(?:[a-z]+ )?(?:class|game|call|room|group|team|practice|lobby|server|chat|car|kitchen|store|gym|library|meeting|zoom|band|lineup|club|choir|show|play|program)\b"
               r"|\b(?:coach|director|teacher|profe|maestr[oa]|jefe|jefa|boss|manager|ref|referee|captain|capit[aá]n)\b"
               r"|\bnowhere to go (?:with|but up|in (?:this|the|my) (?:game|essay|project|career))\b"
               r"|\b(?:a pasear|al perro|the dog|to walk|after school|spring break|staying home|the library)\b",
        examples=("mi papá dijo que si fallo otra clase me pone en la calle", "my dad said he'll kick me out, he did it to my brother"),
    ),
    _neglect(
        "concern.left_in_charge",
        "A parent is in hospital, detained or gone and the student is alone with young children (left in charge)",
        "(mi_mama|mi_mami|mi_mai|mi_papa|mi_papi|mis_papas|mis_padres|mi_tia|mi_abuela) ~3 (esta_en_el_hospital|en_el_hospital|hospitalizad[oa]|detenid[oa]|presa|preso|en_la_carcel|deportad[oa]|se_la_llevo_la_migra|se_lo_llevo_la_migra|se_los_llevo_la_migra|lo_agarro_la_migra|la_agarro_la_migra|no_ha_vuelto) ~8 (sol[oa]|solos|solas|no_se_que_hacer|no_se_que_vamos|cuido|cuidando)",
        "(my_mom|my_mother|my_dad|my_father|my_parents|my_aunt|my_grandma) ~3 (is_in_the_hospital|in_the_hospital|got_arrested|got_detained|got_deported|is_in_jail|in_jail|got_locked_up|ice_took_her|ice_took_him|got_taken_by_ice|hasn't_come_back|hasnt_come_back) ~8 (alone|by_myself|don't_know_what_to_do|dont_know_what_to_do|idk_what_to_do|taking_care|watching_my)",
        "(la_migra|ice|immigration|inmigracion) ~1 (se_llevo|se_llevaron|agarro|agarraron|detuvo|took|detained|deported|deporto|picked_up|arrested) ~2 (a)? ~1 (mi_papa|mi_mama|mis_papas|mi_papi|mi_mami|my_dad|my_mom|my_parents|mi_tia|mi_tio) ~8 (solos|solas|sol[oa]|alone|by_myself|no_se_que_hacer|cuido|cuidando|taking_care|watching_my)",
        "(llegue|vine|llegamos) ~1 (sol[oa]|solos) ~2 (de|desde) ~2 (honduras|guatemala|el_salvador|mexico|ecuador|venezuela|colombia|la_frontera|the_border)",
        unless=r"\b(?:visiting|visitando|visitar|nurse|enfermer[ao]|doctora?|trabaja (?:ah[ií]|all[aá])|works (?:there|at)|vacaciones|vacation|gatos?|cats?|perros?|dogs?|for a few hours|unas horas"
               r"|dando a luz|giving birth|had (?:a|the) baby|tuvo (?:el|un|al|a la) beb[eé]|felices|happy|excited|emocionad[oa]s?|vuelo|flight|avi[oó]n|plane|llegan (?:ma[nñ]ana|hoy|el))\b",
        examples=("mi mamá está en el hospital y estoy sola con mi hermanito de 5, no sé qué hacer", "my mom got detained and i'm alone with my little brothers"),
    ),
    _exploit(
        "concern.work_not_school",
        "Works long hours instead of going to school, or is made to (child labour)",
        "(tengo_que|tengo_q|i_have_to|i_work|trabajo|i'm_working|im_working|estoy_trabajando|i've_been_working|ive_been_working|he_estado_trabajando|me_ponen_a_trabajar|me_pone_a_trabajar) ~6 (horas|hours|turnos|shifts|noches|nights) ~9 (no_he_ido|no_e_ido|no_voy|deje_de_ir|no_he_podido_ir|haven't_been|havent_been|stopped_going|can't_go|cant_go|no_puedo_ir) ~2 (a|to)? ~1 (clase|clases|la_escuela|school|class|classes)",
        "(must|have_to|has_to|makes_me|make_me|tengo_que|me_hace|me_obliga_a|me_pone_a) ~1 (work|trabajar) ~4 (instead_of|en_vez_de|en_lugar_de) ~1 (school|going_to_school|ir_a_la_escuela|la_escuela|estudiar)",
        "(tengo|tengo_q|tengo_que|have_to|gotta) ~1 (trabajar|work) ~2 (40|50|60|cuarenta|cincuenta|sesenta|forty|fifty|sixty|full_time|tiempo_completo) ~2 (horas|hours)? ~4 (pa|para|to) ~1 (pagar|pay|ayudar_con) ~2 (la_renta|el_alquiler|rent|the_rent|la_luz|los_biles|bills|las_deudas|the_debt)",
        unless=r"\b(?:en verano|verano|summer|vacaciones|vacation|weekends?|fines? de semana|sabados?|saturdays?|in college|when i'?m in college"
               r"|cuando est[eé] en la universidad|scholarships?|becas?)\b",
        examples=("tengo q trabajar 40 horas en la bodega pa pagar la renta, no he ido a clase en 2 semanas", "my auntie say I must work in her shop instead of school"),
    ),
]
