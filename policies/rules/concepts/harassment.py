# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Harassment families round 6 added from misses several writers share: sarcasm aimed at a
person, insults said about someone (not only to them), groups insulted as a whole, sexual
remarks about a person, origin and class used as an insult, threats in Spanish, threats to
expose someone, and exclusion said as an order to the group. English, texting and Spanish.

Each family needs a target (a person, a second-person word, a group of people) and an
attitude (an insult, a mock, a threat) close together; a word on its own never decides.
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_harass = partial(rule, governs="language.harassment", mentor=1.0, student=1.0)
_threat = partial(rule, governs="language.threat", mentor=1.0, student=1.0, reportable=False)

# "my mom is from Mexico", "my uncle is such a clown lol": family talk is not an attack.
_FAMILY = r"\b(?:my|mi|mis) (?:mom|mama|mami|dad|papa|papi|parents|padres|papas|family|familia|tio|tia|abuela|abuelo|grandma|grandpa|uncle|aunt|brother|sister|hermano|hermana|primo|prima|cousin|little brother|hermanito|hermanita|dog|perro|cat|gato)\b"

# Talk ABOUT a stereotype (a class discussion, the news) is no attack: "en historia hablamos de
# los estereotipos de los latinos en las películas", "that's a stereotype".
META_STEREOTYPE = (r"|\b(?:(?:is|es|it's|its|that's|thats|son|are|was|era) (?:un |una |a |just a |solo un |such a )?"
                   r"(?:stereotypes?|estereotipos?)|(?:talked|hablamos|habl[oó]|learned|aprendimos|discussed"
                   r"|discutimos|le[ií]mos|read|wrote|escribimos|studied|estudiamos|project|proyecto|essay|ensayo)"
                   r" (?:about|de|sobre) [^.!?]{0,40}(?:stereotypes?|estereotipos?)|(?:stereotypes?|estereotipos?)"
                   r" (?:of|about|de|sobre|against|contra))\b")
# Girls and women as a group (the subject of a generalisation).
_GIRLS = ("(girls|women|females|ladies|chicks|mujeres|chicas|ninas|muchachas|hembras|a_girl"
          "|a_woman|una_mujer|una_chica|you_girls|you_ladies)")
_NOT = ("(aren't|arent|are_not|r_not|isn't|isnt|is_not|ain't|aint|weren't|no_son|no_es|no_estan"
        "|are_just_not|are_simply_not|are_really_not|are_not_really|just_aren't|really_aren't)")
_TRADE = ("(code|weld|lead|engineer|do_math|think_logically|handle_the_job|handle_the_work"
          "|handle_the_pressure|handle_a_job_site|handle_the_site|programar|soldar|liderar|mandar"
          "|pa_na|pa_nada|para_nada|be_engineers|be_electricians|be_mechanics|be_welders|be_leaders"
          "|be_bosses|be_programmers|be_pilots|be_surgeons|be_ceos|be_an_engineer|be_an_electrician"
          "|be_a_mechanic|be_a_welder|be_a_leader|be_a_boss|be_a_programmer|be_a_pilot|be_a_surgeon"
          "|be_a_ceo|ser_ingenieras|ser_mecanicas|ser_jefas|ser_ingeniera|ser_mecanica|ser_jefa"
          "|do_welding|do_coding|do_engineering|do_electrical|do_construction|do_mechanics|do_tech"
          "|do_stem|do_the_trades|do_physics|hacer_mecanica|la_mecanica|mecanica|ingenieria"
          "|la_ingenieria|electricidad|la_electricidad|construccion|la_construccion)")
# A whole place's people or "your people" as one bad thing.
_PEOPLE = ("(kids|people|ppl|folks|gente|chamacos|chicos|muchachos|pelaos|families|familias|ninos"
           "|everybody|everyone|todos|todo_el_mundo)")
_BAD_TRAIT = ("(thugs|thug|criminals|criminal|criminales|gangsters|gangster|delincuentes|delincuente"
              "|animals|animales|lazy|vagos|vago|flojos|dirty|sucios|ghetto|dumb|brutos|ignorant"
              "|ignorantes|hoodlums|ladrones|ladron|ladrona|thieves|thief|trash|basura|savages|salvajes"
              "|dropouts|losers|gangbangers|maleantes|tecatos|junkies|late|tarde|loud|escandalosos"
              "|liars|mentirosos|drunks|borrachos|illegal|ilegales|cheaters|tramposos|rude|groseros)")
# Saying the generalisation is wrong, asking whether it is true, or warning about it: "who says
# girls can't weld?", "don't let anyone tell you women aren't built for this", "that's a myth".
# "I'm not sexist but…" and "prove me wrong" introduce one: they are no counter.
_COUNTER = (r"\b(?:who (?:says|said|told)|quien (?:dijo|dice|te dijo)|(?:don't|dont|do not|never|nunca)"
            r" (?:let|listen to|believe|dejes|creas|escuches)|used to (?:think|say|believe)"
            r"|(?:that's|thats|that is|it's|its|it is|is|es|eso es) (?:a |un |una |just a |so |totally )?"
            r"(?:myth|stereotype|mito|estereotipo|sexist|racist|sexista|racista|not true|mentira|falso|wrong|bs)"
            r"|no es (?:verdad|cierto)|prove[sd]? (?:them|him|her|everyone|people|that|it|this|those \w+) wrong"
            r"|(?:they're|theyre|they are|he's|hes|she's|shes|people are|est[aá]n?|is) (?:so |dead |totally |just )?"
            r"(?:wrong|equivocad[oa]s?)|is it true|es (?:verdad|cierto) que|if anyone|si alguien"
            r"|built different|(?:a girl|a woman|una chica|una mujer) (?:who|that|que)"
            r"|(?:people|some people|many people|a lot of people|lots of people|folks|la gente|mucha gente|algunos)"
            r" (?:think|thought|say|said|believe|assume|piensan|creen|dicen)(?![^.!?]{0,80}\b(?:right|razon|true|verdad)\b)"
            r"|yet|till|until|todav[ií]a|a[uú]n no|sin licencia|right now|ahora mismo"
            r"|(?:in|with|con) (?:those|these|that|this|esos|esas|estos|estas)\b)\b")
# English "the girls", "my girls": some girls, not girls as such.
_SOME_GIRLS = (r"|\b(?:the|our|my|these|those|some|both|two|three|four|five|all the|his|her|their|your)"
               r" (?:girls|women|ladies|females|chicks)\b")

RULES = [
    _harass(
        "language.stereotype",
        "Demeans people as a group: girls and women, or where people come from (stereotype)",
        # girls and women said to be unfit: "women just aren't cut out for this trade"
        _GIRLS + " ~2 (just|really|simply|generally|usually|honestly|naturally)? ~1 " + _NOT
        + " ~2 (really|just|even|naturally|physically|realmente)? ~1 (built|cut_out|made|meant|wired|designed|smart_enough|strong_enough|tough_enough|good_enough|hechas|hecha|capaces|capaz|aptas|apta|buenas) ~1 (for|pa|para|to_do|to_be|to_work|to_handle)",
        _GIRLS + " ~2 (can't|cant|cannot|can_never|never|no_pueden|no_puede|no_saben|no_sabe|no_sirven|no_sirve) ~2 (really|even|ever|realmente)? ~1 " + _TRADE,
        "(coding|engineering|electrical_work|welding|construction|tech|stem|programming|mechanics|la_mecanica|la_ingenieria|programar|la_construccion|this_job|this_trade|this_field|este_trabajo) ~3 (isn't|isnt|is_not|ain't|aint|no_es) ~2 (really|just|realmente)? ~1 (for|para|a_job_for|un_trabajo_para|a_field_for|a_career_for|cosa_de) ~1 (girls|women|ladies|females|mujeres|chicas|ninas|a_girl|a_woman|una_mujer|una_chica)",
        # success put down to looks or sex: "she only got the role cuz she's pretty"
        "(only|solo|just|nomas|nada_mas) ~1 (got|gets|won|was_hired|got_hired|got_in|got_picked|consiguio|gano|entro|la_escogieron|la_contrataron|la_cogieron) ~4 (because|bc|cuz|cause|porque|x_q|pq|xq) ~1 (she's|shes|she_is|she|es|esta|ur|you're|youre|you_are|u_r) ~2 (a|an|una)? ~1 (girl|woman|female|mujer|chica|hot|pretty|cute|fine|bonita|linda|guapa|bella|buena|sexy|diversity_hire|latina|black|negra)",
        "(got|gets|won|hired|picked|consiguio|gano|contrataron|escogieron) ~4 (only|just|solo|nomas|nada_mas) ~1 (because|bc|cuz|cause|porque|x_q|pq|xq) ~1 (she's|shes|she_is|she|es|esta|ur|you're|youre|you_are|u_r) ~2 (a|an|una)? ~1 (girl|woman|female|mujer|chica|hot|pretty|cute|fine|bonita|linda|guapa|bella|buena|sexy)",
        "(because_of|cuz_of|bc_of|cause_of|por) ~1 (her|su|ur|your|tu) ~1 (looks|body|cuerpo|cara|face|cuerpazo)",
        "(slept|sleeps|sleeping|se_acosto|se_acuesta) ~1 (with|con) ~2 (the|el|la|her|his|a|un|una|su)? ~1 (boss|manager|jefe|jefa|mentor|mentora|teacher|profe|recruiter|director|supervisor|interviewer|coach|entrenador|hiring_manager)",
        "(slept|sleeping) ~0 (her|his|their) ~0 way",
        "diversity_hire",
        # a place's people or "your people" as one bad thing: "kids from that block are thugs"
        _PEOPLE + " ~1 (from|de|del) ~4 (are|r|is|son|es|estan) ~1 (all|just|todos|todas|toda|todo|puros|nothing_but|always|siempre|basically)? ~2 (a_bunch_of|unos|unas|un|una|a|puros)? ~1 " + _BAD_TRAIT,
        "(all|every|todos_los|todas_las) ~2 (the)? ~1 (kids|people|ppl|folks|gente|chamacos|chicos|muchachos|families|familias) ~1 (from|de|del) ~4 (end_up|ends_up|terminan|wind_up|winds_up|go_to|van_a) ~2 (in|en|a|on)? ~1 (jail|prison|la_carcel|carcel|preso|presos|welfare|pregnant|embarazadas|gangs|gangas|the_street|la_calle)",
        "(your|ur|you|u|ustedes) ~0 (people|kind|ppl|gente|raza|lot) ~4 (never|nunca|always|siempre|are_all|son_todos|lazy|vagos|flojos|don't|dont|no) ~3 (work|trabajar|trabajan|handout|handouts|welfare|limosna|late|tarde|lie|mienten|steal|roban|cheat|complain|quejan|lazy|vagos|loud|dirty|sucios|ghetto)",
        "(people|gente|kids) ~0 (like|como) ~0 (you|u|ustedes|tu|them|ellos) ~2 (never|nunca|always|siempre|don't|dont|no) ~3 (work|trabajar|trabajan|handout|handouts|welfare|limosna|show_up|lie|mienten|steal|roban|cheat|learn|aprenden|make_it|llegan)",
        "(ustedes|you|y'all|yall|you_guys) ~1 (los|las)? ~1 ORIGIN ~3 (always|siempre|never|nunca|are_all|son_todos|all|are|son) ~3 " + _BAD_TRAIT,
        "ORIGIN ~2 (are|r|son) ~1 (always|siempre|never|nunca|all|todos|todas|just|puros) ~2 " + _BAD_TRAIT,
        "(typical|tipico|tipica|classic) ~1 ORIGIN ~4 (always|siempre|never|nunca|late|tarde|lazy|vagos|loud)",
        unless=_COUNTER + _SOME_GIRLS + META_STEREOTYPE,
        examples=("honestly women just aren't cut out for the trades", "you people never want to work"),
    ),
    _harass(
        "language.stereotype_place",
        "Tells girls or women to keep to their place (stereotype)",
        # "the girls should stick to the design side", "women belong in the kitchen"
        _GIRLS + " ~4 (should|need_to|better|deberian|tienen_que|mejor|have_to) ~2 (stick|keep) ~0 to ~2 (the|la|el)? ~2 (office_side|office_work|admin|design|the_design|makeup|paperwork|the_paperwork|the_easy|easy_stuff|nursing|teaching|cooking|the_kitchen|kitchen|pretty_slides|the_slides|slides|cosas_de)",
        _GIRLS + " ~4 (belong|belongs|pertenecen|deberian_estar|should_be|should_stay|van|se_quedan|quedense) ~2 (in|at|en|a)? ~1 (the|la)? ~1 (kitchen|cocina|la_cocina|the_kitchen|sandwich|sandwiches)",
        _GIRLS + " ~4 (should|deberian|tienen_que|need_to|mejor) ~2 (dedicarse|dedicate_themselves|stay_home|stay_at_home|quedarse_en_la_casa|quedarse_en_casa|go_make|go_do|ir_a_cocinar|cocinar|cook|make_sandwiches)",
        unless=_COUNTER,
        examples=("the girls should stick to the paperwork side", "women belong in the kitchen"),
    ),
    _harass(
        "language.fake_praise",
        "Mocks the other person with fake praise (sarcasm)",
        # fake praise with a mocking marker: "wow great job genius 🙄", "ay sí, la genia del grupo, por eso reprobaste"
        "(wow|oh|great|nice|ay_si|ay|wao|congrats|felicidades|another|otra|otro|oh_look|so|real|que|q|brilliant|ah_claro|claro) ~3 IRONIC ~8 SNEER",
        "IRONIC ~1 (🙄|🤡|👏)",
        "(for_someone_who|para_alguien_que|para_alguien_q|for_a_kid_who|for_a_girl_who|for_a_guy_who) ~2 (can't|cant|cannot|no_sabe|no_puede|doesn't|doesnt|never|ni_sabe)",
        "(another|otra|otro|one_more) ~1 (brilliant|great|genius|brillante|genial|smart|amazing) ~1 (idea|answer|respuesta|excuse|excusa|move|question|pregunta) ~2 (from|de) ~2 (our|the|el|la|nuestro|nuestra|mister|miss)",
        "(did|were|do|have|are) ~1 (you|u|ya) ~0 even ~1 (read|listen|listening|listened|study|studied|look|looked|open|opened|care|think|thinking|pay_attention)",
        "(q|que|wao|wow|ay_si|ah_claro|claro) ~1 (inteligente|brillante|responsable|genio|genia|lista|listo) ~2 (eres|estas|es)? ~6 (🙄|como_siempre|sin_hacer_nada|por_eso|tu_mama|reprobaste|bruta|bruto|se_me_olvido)",
        "(love_that_for_you|really_going_places|vas_pa_harvard|vas_para_harvard|future_genius|shocker)",
        unless=_FAMILY,
        examples=("wow great job genius 🙄", "ay sí, la genia del grupo, por eso reprobaste"),
    ),
    _harass(
        "language.insult_about",
        "Insults someone to others or insults a whole group (insult)",
        "(he's|hes|she's|shes|he_is|she_is|they're|theyre|is|es|son|ese_man_es|ese_tipo_es) ~1 (such_a|such_an|a|an|un|una|so|tan|bien|muy|tremendo|tremenda|total|complete|literally|just|unos|unas|puros)? ~1 PERSON_INSULT",
        "(ese|esa|este|esta|that|this) ~1 (man|tipo|guy|girl|kid|chamaco|chamaca|carajito|carajita|cuero|muchacho|muchacha|pana|mentor|mentora|profe|teacher) ~1 (es|is) ~2 (un|una|a|an|such_a)? ~1 PERSON_INSULT",
        "(some_of_you|you_guys|y'all|yall|all_of_you|everyone_in_here|everybody_in_here|algunos_de_ustedes|ustedes|todos_ustedes|you_people|you_kids) ~2 (are|r|son|estan|is) ~2 (so|too|just|acting_like|absolute|such|muy|tan|bien|unos|unas|a_bunch_of|like)? ~2 (lazy|dumb|stupid|brats|clowns|idiots|morons|flojos|vagos|brutos|pendejos|useless|pathetic|idiotas|payasos|inutiles|spoiled)",
        "(full_of|lleno_de|llena_de|bunch_of|un_monton_de|pack_of) ~1 (idiots|morons|clowns|losers|idiotas|pendejos|brutos|payasos|brats|spoiled_kids|dumbasses)",
        "(quit|stop|deja_de|dejen_de) ~1 (whining|llorar|crying|llorando) ~3 (it's|its|es|like_a|como)",
        "(stop|deja_de|quit) ~1 (acting|actuar|being|ser) ~1 (so)? ~1 (autistic|autista|retarded|retrasado|retrasada|special|sped|mongolico|mongolica|gay)",
        "(parece|pareces|looks|sounds|sound|bien|literally|so|tan|q|que|acting|actua) ~1 (mongolico|mongolica|autista|retarded|retrasado|retrasada|r\\*tarded|mariquita|maricon|joto) ~2 (hablando|talking|jaja|lol|lmao|bro|no_le|when)?",
        "(ese|esa|el|ella|he|she|that_boy|that_kid|bro) ~1 (es|is|literally)? ~1 (pato|gay|autista|joto|mariquita) ~3 (miren|look|jaja|lmao|no_le|no_lo|da_cringe|da_asco|ew|gross)",
        "(gay|pato|joto) ~0 (af|asf|asl)",
        "(mariconada|mariconadas|mariconerias)",
        "(sounds|sound|suenas|suena|look|looks|te_ves|se_ve) ~1 like ~1 (a|an|un|una)? ~1 (crackhead|drogadicto|drogadicta|tecato|tecata|junkie|retard|idiot|clown)",
        "(your|ur|tu|su) ~1 (code|work|essay|project|trabajo|codigo|proyecto|answer|respuesta|advice|consejo) ~2 (is|es|was|fue) ~2 (so|tan|bien)? ~1 (bad|malo|mala|idiotic|stupid|estupido|estupida|idiota|brain_dead) ~4 (brain_damage|who_taught|quien_te_enseno|a_toaster|lmao|💀|expected_better|from_a_student)",
        "(this|esta|este|that|your|ur) ~1 (work|answer|trabajo|respuesta|essay|code) ~1 (is|es|was) ~1 (idiotic|stupid|estupido|estupida|idiota|retarded|garbage|trash|basura|una_mierda)",
        "(eres|ere|you're|ur|youre|tu_eres|es) ~2 (un|una|a)? ~1 (tremendo|tremenda)? ~1 (rata|comebola|come_bola|come_cable|pajaro|bellaco|bellaca|malagradecida|malagradecido|lambona|lambon|snitch|little_snitch|brat|chismosa|chismoso)",
        "(tu|ur|your) ~1 (mom|mama|mai|mami|madre) ~1 (is|es) ~2 (una|a|an)? ~1 (crackhead|drogadicta|tecata|puta|cuero|hoe|whore|junkie)",
        "el_cuero_de_tu ~0 (mai|mama|madre)",
        unless=_FAMILY,
        examples=("mr. k is such a clown, his advice is garbage", "ese man es un gonorrea"),
    ),
    _harass(
        "language.origin_attack",
        "Attacks people for where they come from, where they live or how they talk (xenophobia, classism)",
        "(all|todos_los|todas_las|ustedes_los|ustedes_las|these|estos|estas|those|esos|esas|los|las|el|la|ese|esa|the) ~2 ORIGIN ~4 XENO_PRED",
        "ORIGIN ~1 (kid|kids|girl|boy|guy|people|ppl|chamaco|chamaca|nino|nina|ninos|ninas)? ~4 XENO_PRED",
        "(people|ppl|gente|kids|los|las) ~1 (like|como) ~1 (him|her|them|that|you|u|ella|el|tu|ustedes|esa|ese|[a-z]+) ~4 (go_back|should_go|deberian_irse|shouldn't_be|shouldnt_be|no_deberian|always|siempre|come_here|vienen|take|quitan|smell|huelen|steal|roban|deportan)",
        "(people|ppl|gente|kids|guys|girls|those) ~1 (from|de) ~1 (that|those|ese|esos|esa|esas) ~1 (country|countries|pais|paises|place|lugar) ~4 (always|siempre|can't|cant|cheat|cheats|are|son|no_pueden|no_saben|roban|steal|lazy|vagos)",
        "(people|ppl|kids|guys|girls|gente|chicos|you_guys|y'all|yall|hillbillies|los|las) ~2 (from|de|del|de_los) ~1 (the)? ~2 (projects|bronx|the_bronx|upstate|the_hood|el_barrio|los_proyectos|caserio|caserios|the_ghetto|el_ghetto|the_shelter|el_shelter|rochester|the_rochester_school|that_school|esa_escuela) ~5 (shouldn't|shouldnt|no_deberian|usually|always|siempre|can't|cant|don't_even|dont_even|aren't|arent|never|end_up|drop_out|dropping|no_saben|ni_saben|material)",
        "(lives|vive|living|viven|live) ~1 (in|en) ~1 (the|los|el|un)? ~1 (projects|proyectos|shelter|caserio) ~2 (and|y) ~1 (thinks|cree|wants|quiere|expects)",
        "(is|es|are) ~1 (he|she|u|you|ella|el)? ~1 (poor|pobre|broke) ~1 (or_smth|or_something|o_que|o_algo|lmao|lol)",
        "(go|goes|going|get|vete|regresate|regresen|regresense|devuelvete|vayan|vuelvan|vuelvete|se_regresen|se_devuelvan|se_vayan|se_larguen|que_se_vayan) ~2 (back)? ~2 (to|a|pa|para|al)? ~1 (their|his|her|tu|su|sus|ur|your) ~1 (country|countries|pais|paises|tierra|rancho|island|isla|village)",
        "(always|just|should_just|should|deberian|can_always|could_always|puedes|podrias) ~1 go_back ~1 (home|to_wherever|wherever|where_they_came_from|where_he_came_from|where_she_came_from)",
        "ORIGIN ~6 (que|q) ~0 se ~0 (regresen|devuelvan|vayan|larguen)",
        "(ni) ~0 (papeles|papers|documentos) ~0 (tienes|tiene|tienen|has|have)",
        "(he's|she's|hes|shes|they're|theyre|ur|you're|youre|ella_es|el_es|eres) ~2 (probably|prolly|seguro|totally|def|una|un)? ~1 (illegal|illegals|ilegal|ilegales|undocumented|indocumentad[oa]s?|mojad[oa]s?)",
        "(shouldn't|should_not|shouldnt|no_deberian|no_deberia|don't_belong|dont_belong|no_pertenecen) ~2 (even)? ~1 (be|estar)? ~1 (in|en|aqui|here) ~1 (this|este|our|nuestro|el)? ~1 (country|pais)",
        "(can_barely|barely|apenas|no_quieren|don't_even|dont_even|can't_even|cant_even|won't|no_saben) ~1 (speak|hablan|aprender|learn|hablar|habla) ~1 (english|ingles)",
        "(can't|cant|cheat|cheats|lazy|vagos|flojos|no_saben|nadie_les|no_pueden|steal|roban) ~6 (culture_thing|their_culture|su_cultura|es_la_cultura|la_cultura_supongo|in_their_blood|en_la_sangre)",
        "(hueles|huele|huelen|smell|smells|smelling|stink|stinks|apestas|apesta) ~1 (a|like|como) ~1 (ORIGIN|inmigrante|immigrant|immigrants|curry|cebolla|elotes)",
        "(mejor|better|just) ~1 (habla|speak) ~1 (espanol|spanish|your_language|tu_idioma) ~2 (en_tu_casa|at_home|at_your_house|en_tu_pais)",
        "(build|construyan) ~1 (the|el) ~0 (wall|muro)",
        "(vete|go|andate) ~1 (a_vender|sell) ~1 (elotes|tamales|flores|mangos|churros)",
        unless=_FAMILY + META_STEREOTYPE,
        examples=("ppl like mariam should just go back to their country", "los venecos vinieron a quitarnos todo, q se devuelvan"),
    ),
    _harass(
        "language.sexual_remark",
        "Makes a sexual remark about a person (sexual harassment)",
        "(i'd|id|i_would|would|i'll|ill|i_wanna|tryna|i'd_def|id_def) ~1 (smash|hit_that|tap_that|bang) ~2 (her|him|that|the|ur|your|jaja|lol|lmao|ngl|fr|$)",
        "(ella|esa_maestra|la_maestra|la_profe|la_de|la_nueva|la_new_girl|the_new_girl|tu_mama|tu_mai|ur_mom|your_mom|she|she's|shes|he's|hes|la_receptionist|the_receptionist|assistant|new_assistant|ms|miss|mrs|mr) ~3 (thicc|sexy|buenota|sabrosa|mamacita)",
        "(ella|esa_maestra|la_maestra|la_profe|la_de|la_nueva|la_new_girl|tu_mama|tu_mai) ~3 (esta) ~0 (bien|tan|re|muy|super) ~0 (buena|rica|buenota)",
        "(the_new_girl|ur_mom|your_mom|she|she's|shes|he's|hes|the_receptionist|assistant|new_assistant|ms|miss|mrs) ~3 (so|kinda|lowkey|hella|mad) ~0 (hot|thicc|thick|sexy)",
        "(estas|esta|you're|ur|youre|u_r) ~2 (bien|muy|tan|re|kinda|lowkey|so)? ~1 (rica|rico|buenota|sabrosa|sabroso|thicc|sexy) ~2 (mamacita|mami|mamita|mamasita|baby|ma|nena|lol|lmao|😍|🔥|🍑|jaja|for_a|do_u|do_you)",
        "(q|que|nice|what_a|damn|tremendo|tremenda|con_ese|con_esa|mira_ese|mira_esa|look_at_that|look_at_her) ~1 (culo|tetas|nalgas|pompas|booty|boobs|tits|cuerpazo|chichis|culote)",
        "(foto|fotos|pic|pics|picture|video) ~2 (de|of) ~1 (las|tus|sus|her|your|ur) ~1 (tetas|nalgas|culo|boobs|tits|booty|ass)",
        "(manda|mandame|send|send_me|pasame|pasa|drop) ~2 (el|un|tu|ur|your|the)? ~1 (pack|packs|nudes|fotos_sin_ropa|pics_sin_ropa)",
        "(skirts|skirt|scrubs|leggings|shorts|ropita|falda|faldas|vestido|vestidito|tight|apretad[oa]s?|escote) ~6 (drive_the|drive_them|drive_him|drive_everyone|drive_the_interns|vienes_provocando|provocando|provocar|provocas|provoking|asking_for_it|only_reason|unica_razon|no_te_quejes)",
        "(look|looks|se_ve|te_ves|u_look|you_look) ~2 (way|too|so|muy|bien)? ~2 (good|hot|sexy|buena|rica) ~3 (in_ur|in_your|en_tu|en_la) ~1 (profile_pic|pfp|foto_de_perfil|bikini|swimsuit|foto_de_la_playa)",
        "(vi|saw|i_saw) ~1 (tu|your|ur) ~1 (foto|pic|picture|photo) ~3 (estas|you're|ur) ~2 (rica|buena|sexy|hot|thicc)",
        "(thats_what_she_said|that's_what_she_said) ~3 (\\*moans\\*|moans|😏|👀)?",
        examples=("bro she's so hot i'd smash", "q culo tiene la de 11 grado"),
    ),
    _harass(
        "language.exclusion_order",
        "Tells the group to keep someone out (exclusion)",
        "(don't|dont|do_not|no|nobody|no_one) ~0 (let|invite|add|dejen|metan|inviten|agreguen|pongan|dejes|metas|invites|agregues|pongas) ~2 (her|him|them|la|lo|los|las|a_la|al|a_ese|a_esa|the|that|this|ese|esa|kid|girl|boy|guy|gorda|gordo|rara|raro|nueva|nuevo) ~4 (in|into|en|al|a_nuestro|join|to_our|to_the|in_our|in_the) ~2 (group|grupo|gc|groupchat|group_chat|breakout_room|room|team|equipo|chat|table|mesa|project|proyecto|squad)",
        "(no) ~0 (la|lo|los|las|le|les) ~0 (inviten|metan|pongan|agreguen|invites|metas|agregues) ~3 (al|en|a|el|nuestro|nuestra) ~2 (grupo|equipo|gc|team|mesa)",
        "(no) ~0 (le|les) ~0 (hablen|hables|hable) ~4 (es_la|es_el|es_rara|es_raro|she's|he's|es_una|es_un|a_ella|a_el)",
        "(nadie|ninguno|ninguna) ~1 te ~0 (soporta|aguanta|traga|quiere|habla|invito|invita|pasa)",
        "(nadie|ninguno|ninguna|nobody|no_one|noone) ~2 (quiere|quieren|wants|want) ~4 (contigo|with_you|with_u|w_u)",
        "(we|nosotros|nobody|no_one|noone) ~1 (don't|dont|no|do_not) ~0 (want|queremos|quiere|wants) ~1 (you|u|te|tu) ~2 (in|here|en|aqui|at|around|on)",
        "(everyone|everybody|y'all|yall|todos|let's|lets) ~1 (all)? ~1 (ignore|ignoren|spam|block|bloqueen|mute) ~2 ([a-z]+) ~3 (he's|she's|hes|shes|so_she|so_he|until|hasta_que|notifications|notificaciones|es|cuz|because|porque)",
        "(mute|silencia|callate) ~1 (urself|yourself|te|ur_mic) ~1 (forever|para_siempre|permanently|pls_forever)",
        "(te|la|lo) ~1 (dejamos|sacamos|quitamos|borramos) ~2 (fuera|afuera|out) ~3 (de_la_foto|del_grupo|of_the_pic|of_the_photo|of_the_group)",
        "(ni_en_la_foto|not_even_in_the_photo|not_even_in_the_pic|ni_en_la_foto_del_grupo) ~4 (te|you|u) ~2 (quisimos|queriamos|wanted)",
        examples=("don't let her in the breakout room", "no la inviten al grupo, ella es rara"),
    ),
    _harass(
        "language.body_mock",
        "Mocks someone's body or looks (body shaming)",
        "(she's|shes|he's|hes|she_is|he_is|ella_es|el_es|ella_esta|el_esta|esa_es|ese_es|tu_eres|q|que|tan) ~2 (so|too|bien|muy|tan|hella|mad|like)? ~1 (fat|gorda|gordo|ugly|fea|feo|nasty|asquerosa|asqueroso) ~2 (eres|estas|es|no_wonder|con_razon|that's_why|por_eso|lmao|lol|jaja|💀|🤢|🤮)",
        "(fat|gorda|gordo|fea|feo|ugly) ~0 (asquerosa|asqueroso|disgusting|de_mierda|nasty)",
        "(la|el|the) ~0 (gorda|gordo|fea|feo|fat_one|ugly_one) ~1 (de|del|in|of) ~2 (mi|my|our|el|the|la)? ~1 (grupo|group|clase|class|salon|team|equipo)",
        "(parece|parecen|pareces|looks_like|look_like|te_ves_como|se_ve_como|you_look_like|u_look_like|built_like) ~2 (un|una|a|an)? ~1 (hipopotamo|ballena|camaron|palo_de_escoba|enano|enanos|enanas|whale|hippo|pig|cerdo|cerda|vaca|cow|skeleton|esqueleto|sapo|gorila|foca|rhino|troll)",
        "(imagine|imaginate) ~1 (being|ser|estar) ~2 (this|that|so|tan|asi_de)? ~1 (fat|ugly|short|gorda|gordo|fea|feo|poor|pobre|dumb|broke|tiny) ~4 (and|y)",
        "(your|ur|her|his|su|tu) ~1 (room|cuarto|house|casa|haircut|hair|pelo|clothes|ropa|hoodie) ~2 (is|es|esta|looks) ~1 (so)? ~1 (disgusting|nasty|gross|asqueroso|asquerosa|un_asco|dirty|sucio|sucia)",
        "(same|misma) ~1 (hoodie|ropa|clothes|shirt|camisa) ~4 (is_he_poor|is_she_poor|poor|pobre|lmao|smh)",
        "(con_esa|with_that) ~0 (nariz|nose|cara|face) ~3 (tapas|covers|blocks|se_ve|nobody|nadie)",
        unless=_FAMILY,
        examples=("ew she's so fat, no wonder", "lol miren la foto de ella, parece un hipopotamo"),
    ),
    _threat(
        "language.threat_more",
        "Threatens to hurt, expose or ruin someone (threat)",
        "(gonna|going_to|imma|ima|i'll|ill|i_will|i'm_gonna|im_gonna|voy_a|te_voy_a|le_voy_a) ~2 (break|smash|bust|punch|beat|rock|crack|knock|partir|romper|quebrar) ~1 (his|her|your|ur|their|ya|la|su|tu) ~0 (face|head|teeth|jaw|nose|skull|legs|cara|cabeza|boca|dientes|madre)",
        "(te|la|lo|los|las|les) ~0 (voy|vamos|van) ~0 a ~0 (esperar|buscar|agarrar|caer|partir|romper|meter|matar|quebrar|joder|encontrar) ~5 (a_la_salida|en_tu_edificio|en_tu_casa|afuera|ya_veras|vas_a_ver|va_a_ver|entre_todos|la_cara|la_madre|una_pela|un_pana|te_lo_juro)",
        "(catch|wait_for|get|espero|esperar|agarro|agarrar) ~1 (you|u|ya|him|her|te|la|lo) ~2 (after_school|outside|at_the_bus|a_la_salida|after_class|afuera|despues_de_clase|saliendo) ~4 (y_vas_a_ver|and_you'll_see|you'll_see|watch|ya_veras|try_me|va_a_ver|y_va_a_ver|te_lo_juro|and_we'll_see)",
        "(i'll|ill|i_will|i'm_gonna|im_gonna|voy_a|me_voy_a) ~1 (make_sure|asegurar|asegurarme) ~2 (you|u|que|de_que) ~1 (never|nunca|no) ~2 (get|work|find|have|see|consigas|trabajes|encuentres|tengas)",
        "(gonna|going_to|imma|ima|i'll|ill|i_will|voy_a|le_voy_a|te_voy_a|i'm|im|keep_it_up_and) ~2 (post|postear|leak|publicar|subir|share|compartir|pasar|pasarle|send|mandar|tell|decirle) ~3 (your|ur|tu|tus) ~2 (real_name|name|address|direccion|dms|nudes|pics|fotos|diary|diario|secrets|secretos|number|numero|chats|mensajes)",
        "(gonna|going_to|imma|ima|i'll|ill|voy_a|le_voy_a|les_voy_a) ~1 (tell|decirle|decirles|contarle|contarles) ~1 (the_whole_school|a_todo_el_mundo|a_todos|everyone|toda_la_escuela|the_whole_class|todo_el_salon) ~3 (que|q|that) ~3 (tu|ur|your|you|u|eres)",
        "(would_be_a_shame|seria_una_pena|seria_una_lastima|be_a_shame|shame_if) ~2 (if|que|q)? ~3 (something|algo) ~2 (happened|pasara|happen|le_pasara|le_pase)",
        "(dile|tell) ~1 (a_tu|your|ur) ~1 (hermano|brother|sister|hermana|primo|cousin|friend|amigo|amiga) ~2 (que|q|to)? ~1 (se_cuide|watch_out|watch_his_back|watch_her_back|be_careful|tenga_cuidado|cuidado)",
        "(keep_talking|sigue_hablando|keep_it_up|sigue_asi) ~2 (y|and) ~2 (te|i'll|ill|vas_a) ~2 (meto|hit|pop|smack|ver|see)",
        examples=("if jayden says that again im gonna break his face", "si vuelves a hablar de mi te voy a buscar en tu edificio y vas a ver"),
    ),
]
