# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Disclosures as Spanish-speaking and Spanglish-writing teens put them, round 8: the concepts the
English families have, in the words fresh writers' Spanish disclosures used and the rules missed
(writer groups si … sn, read after their sets were spent): wishing not to exist, running away,
being afraid of going home, being threatened by other people, food taken away as punishment,
an adult family member the student fears alone, a shelter, papers kept by an employer, parents
fighting at night. Each template is a concept (who does what to the student), not a sentence;
the sentence checks are the safeguarding ones (never cancelled by negation or reported speech).
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
]
