# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Disclosure families added in round 6, mostly from Spanish and Spanglish misses several
writers share: an adult who told the student not to tell, what will happen "if I tell",
money offered for photos or for carrying packages, being grabbed or pushed, goodbyes and
belongings given away, hiding cuts, not wanting to go home, being waited for after school,
feeling empty, a partner who controls, and work without pay.

A disclosure is the student's: these read students' messages only, ignore negation and
reported speech ("mi mamá dice que si le cuento a alguien…" is the disclosure), and hold
the message with an alert (never a block).
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.dsl import rule

_c = partial(rule, mentor=0.0, student=1.0, negatable=False, reportable=False)
_selfharm = partial(_c, governs="concern.selfharm")
_abuse = partial(_c, governs="concern.abuse")
_neglect = partial(_c, governs="concern.neglect")
_exploit = partial(_c, governs="concern.exploitation")

RULES = [
    _abuse(
        "concern.told_not_to_tell",
        "Says an adult told them not to tell, or what happens if they tell (secret kept by an adult)",
        "(me_dijo|me_dice|me_dijeron|me_pidio|me_pide|dice|dijo|he_told_me|she_told_me|told_me|tells_me|says|asked_me) ~3 (que|q|to|not_to)? ~1 (no)? ~1 (le|les|lo|se_lo)? ~0 (diga|digas|cuente|cuentes|contara|dijera|tell|decir|mention|contar) ~3 (a_la_coordinadora|al_coordinador|a_mi_mama|a_mis_papas|a_mi_papa|a_nadie|nadie|anyone|my_mom|my_parents|my_dad|the_coordinator|a_mi_mom|a_mi_mom_lo|that_he|que_me|que_hablamos|q_me|que_le)",
        "(si|if) ~1 (le|les)? ~0 (cuento|digo|hablo|i_tell|i_talk|alguien_sabe|someone_finds_out|anyone_finds_out|se_entera|i_say_anything|digo_algo|hablo_con_alguien) ~8 (nadie_me_va_a_creer|nobody_will_believe|no_one_will_believe|me_van_a_llevar|me_mata|me_va_a_matar|nos_deportan|nos_pueden_deportar|deport|me_pega|me_va_a_ir_mal|gets_worse|me_sacan|take_me_away|hurt_me|me_manda|me_va_a_mandar|a_un_hogar|foster|kick_me_out|me_bota|me_hecha|me_echa)",
        "(no_le_diga|no_le_digas|no_le_cuente|no_le_cuentes|please_don't_tell|pls_don't_tell|dont_tell) ~2 (a)? ~1 (mi|my) ~0 (mama|mama|mom|papa|dad|parents|papas) ~6 (lo_quiere|loves_him|va_a_decir|will_say|miento|i'm_lying|no_me_va_a_creer|won't_believe)",
        unless=r"\b(?:surprise|sorpresa|party|fiesta|answers?|respuestas?|spoilers?|gift for|regalo para|birthday|cumple\w*|quiz|test|exam|examen|the ending|el final)\b",
        examples=("mi stepdad me dice q si le cuento a mi mom nadie me va a creer", "mr. ramos me dijo q no le diga a la coordinadora que me mando plata"),
    ),
    _abuse(
        "concern.threat_if_told",
        "Says someone will hurt them if they tell (threatened into silence)",
        "(he'll|hell|she'll|shell|he_will|she_will|he'd|she'd|they'll|he's_gonna|she's_gonna|hes_gonna|shes_gonna|me_va_a|me_van_a) ~1 (kill|hurt|beat|matar|pegar|hacer_algo) ~1 (me|us)? ~3 (if|si) ~1 (i|yo)? ~1 (tell|told|say|snitch|cuento|digo|hablo|le_cuento|le_digo)",
        unless=r"\b(?:lol|lmao|lmfao|jaja\w*|haha\w*|jk|boyfriend|girlfriend|novi[oa]|crush|florero|vase|cried|llor[oó]|broke|rompi[oó]|spoilers?|surprise|sorpresa|ate|se comi[oó]|birthday|cumple\w*)\b|😂|💀|🤣",
        examples=("my dad said hell kill me if i tell anyone what he does",),
    ),
    _exploit(
        "concern.offer_for_pictures",
        "Says someone offers money or gifts for photos, for things on camera or for carrying packages (exploitation)",
        "(ofrece|ofrecio|ofrecieron|ofreciendo|paga|pagar|pago|me_da|me_paga|me_pagan|da|offered|offers|offering|pay|pays|will_pay|give_me|gives_me) ~8 (si|if|por|for|to) ~2 (le_mando|le_mandaba|mando|hago|llevo|llevar|send|sending|carry|carrying|lleve|mandarle|hacer|do|deliver|entregar) ~3 (fotos|pics|pictures|paquetes|packages|cosas|things|algunas_cosas|\"algunas_cosas\"|\"paquetes\"|por_camara|on_camera|videos)",
        "(me_ofrecieron|me_ofrece|me_ofrecio|offered_me) ~2 (trabajo|a_job|work|chamba) ~2 (llevando|carrying|moving|delivering|vendiendo|selling) ~2 (paquetes|packages|\"paquetes\"|cosas|stuff|things)",
        "(no_pregunte|don't_ask|dont_ask|not_to_ask|no_preguntes) ~3 (que_hay|what's|whats|what_is|lo_que_hay) ~1 (adentro|inside|in_it|in_them)",
        "(si_no_vendo|if_i_don't_sell|if_i_dont_sell|si_no_llevo) ~6 (le_hacen|hurt|me_hacen|a_mi_familia|my_family)",
        examples=("un man mayor en insta me ofrecio dinero si le mando fotos", "un amigo de mi primo me ofrece 200 dolares por llevar unos paquetes en el tren"),
    ),
    _abuse(
        "concern.grabbed",
        "Says someone grabbed, pushed, hit or choked them (physical abuse)",
        "(me|a_mi_me) ~0 (jalo|jala|jalan|agarro|agarra|agarraron|apreto|aprieta|empujo|empuja|empujan|pego|pega|pegan|golpeo|golpea|golpean|tiro|tira|avento|avienta|ahorco|ahorca|cacheteo|cachetea|quemo|quema|arrastro|arrastra) ~2 (del|el|la|de_los|por_el|por_la|contra|de_la) ~1 (pelo|cuello|brazo|brazos|cara|pared|cabello|garganta|muneca|munecas|oreja|piso)",
        "(grabbed|grabs|choked|chokes|pushed|pushes|slammed|slams|shoved|shoves|yanked|pulled|squeezed) ~1 (me|my) ~2 (by_the|by_my|against|into|hair|neck|arm|throat|wrist|wall)",
        "(a_mi_mama|my_mom|mi_mama) ~1 (la)? ~0 (empuja|pega|golpea|pushes|hits|slaps) ~4 (y|and|a_mi|me)?",
        "(te|nos|me) ~0 (dejan|dejo|deja) ~0 (morao|morado|morada|moretones|marcado|marcada)",
        "(bajar|baje|se_baje|go_down) ~2 (la|the) ~0 (hinchazon|swelling) ~2 (del|of_my|de_mi)? ~1 (ojo|eye|cara|face)",
        examples=("mi novio me quito el cel y me apreto el brazo bien duro", "me jalo del pelo porque no le servi rapido la cena"),
    ),
    _selfharm(
        "concern.not_around",
        "Says goodbye, gives belongings away or says they will not be around (goodbye)",
        "(regale|regale|le_di|le_voy_a_dar|le_doy|voy_a_dar|gave|giving|i'm_giving|im_giving|regalando) ~8 (ya_no|no) ~2 (voy_a|los_voy_a|la_voy_a|lo_voy_a|las_voy_a|gonna|going_to|will) ~0 (necesitar|usar|need|use)",
        "(si_no_me_ve|si_no_me_ven|si_no_me_vuelven_a_ver|por_si_no_los_veo|por_si_no_te_veo|por_si_no_la_veo|si_no_me_conecto|si_un_dia_no_me_conecto|if_you_don't_see_me|if_u_dont_see_me|if_you_never_see_me) ~2 (mas|more|again|anymore|nunca)?",
        "(si_es_que_hay_manana|if_there's_a_tomorrow|if_there_is_a_tomorrow|si_hay_manana)",
        "(ya_no_voy_a_molestar|ya_no_los_voy_a_molestar|won't_bother_anyone|no_voy_a_molestar_mas|no_los_molesto_mas)",
        "(igual|anyway|de_todas_formas|de_todos_modos) ~2 (no|not|won't|wont) ~1 (voy_a_estar|gonna_be|going_to_be|be) ~2 (pa_entonces|para_entonces|around|there|by_then|aqui)",
        "(me_despedi|said_goodbye|dije_adios|i_said_bye) ~3 (de|to) ~2 (mis|my) ~1 (amigos|amigas|friends|family|familia) ~6 (por_si|in_case|just_in_case)",
        "(no_creo|don't_think|dont_think) ~1 (q|que|i'll|ill|i_will)? ~1 (llegue|make_it|get|be_around) ~1 (al|to|a|until|til|hasta)",
        "(hice|made|i_made|tengo) ~1 (un|a) ~0 (plan|plan) ~4 (este|this|el) ~1 (viernes|friday|fin|weekend|sabado|saturday|lunes|dia|day)",
        "(si|if) ~1 (me_pasa|something_happens_to_me|anything_happens_to_me) ~2 (algo)? ~4 (quiero|i_want|give|den|dale|le_den) ~4 (mi|my) ~1 (laptop|phone|cel|celular|cosas|stuff|things|guitarra|switch)",
        "(ya_me_compre|ya_compre|i_bought|already_got|ya_consegui) ~2 (lo_q|lo_que|what|the_stuff) ~2 (necesitaba|i_needed) ~3 (pa|para|to) ~2 (no_sentir|not_feel|no_despertar|dormir)",
        "(whatever_happens|pase_lo_que_pase|si_no_me_ve|if_i'm_not|if_im_not|if_you_don't_see|just_know|solo_sepa|solo_sepan) ~8 (not_your_fault|wasn't_your_fault|tu_culpa|culpa_suya|culpa_tuya|su_culpa|none_of_it_was|it's_better_that_way|es_mejor_asi)",
        "(last_time|ultima_vez|my_last_time) ~2 (logging_on|log_on|logging_in|here|in_the_chat|conectandome|que_me_conecto|aqui)",
        "(make_sure|asegurate|asegurese) ~3 (my|mi) ~2 (project|stuff|laptop|things|cosas|switch|phone) ~2 (goes_to|go_to|le_den|get_to|llegue_a|se_la_den) ~2 (my_mom|my_brother|my_sister|mi_mama|mi_hermano|mi_hermana|her|him)",
        "(thank_you|thanks|gracias) ~4 (for_everything|for_trying|por_todo|x_todo|for_believing) ~8 (i'm_sorry|im_sorry|perdon|i_mean_it|take_care_of_yourself|couldn't_be|no_es_culpa|si_no_me_ve|won't_be_around|bye_everyone|adios_a_todos)",
        "(deleted|borre) ~1 (all)? ~1 (my|mis) ~0 (socials|accounts|cuentas|redes) ~4 (cleaning|before|antes|limpiando|getting_ready)",
        examples=("ya le regale mi guitarra a mi primo, ya no la voy a usar mas", "igual no voy a estar pa entonces"),
    ),
    _selfharm(
        "concern.hiding_cuts",
        "Hides cuts or blades, or says the marks are self-made (self-harm)",
        "(cortadas|cortaditas|cortes|cuchillas|navajas|navajitas|curitas|cicatrices|cuts|blades|razors|scars) ~8 (escondi|esconder|escondo|escondidas|hide|hid|hiding|tapar|tapo|cubrir|no_quiero|pa_q_no|para_que_no|que_no|vea|vean|me_hago_yo|lo_q_me_hago|lo_que_me_hago|i_do_myself|i_did_myself|not_from)",
        "(escondi|esconder|escondo|hide|hid|hiding) ~3 (las|the|my|mis) ~0 (cuchillas|cuchillitas|navajas|navajitas|blades|razors|cortadas|cuts|gillettes)",
        "(pa|para|so) ~0 (q|que|that) ~0 (no|nobody|no_one|nadie) ~1 (me)? ~0 (vean|vea|noten|note|sees|see|notices) ~2 (los_brazos|mis_brazos|my_arms|las_munecas|my_wrists|las_piernas|my_legs|los_moretones|the_bruises|las_cortadas|the_cuts)",
        "(el_dolor_fisico|physical_pain|the_pain) ~2 (me_calma|calms_me|helps|me_ayuda|makes_me_feel)",
        "(las_manos|my_hands|los_brazos|my_arms|las_piernas|my_legs) ~1 (llenas|llenos|full|covered) ~1 (de|of|in)? ~0 (cortaditas|cortadas|cortes|cuts|scratches|marcas)",
        # a safety rule said to someone else: "los guantes son pa que no te cortes"
        unless=r"\b(?:pa|para|so) (?:que |q )?(?:no te|you don'?t) cort|don'?t cut yourself|no te vayas a cortar",
        examples=("uso sueter aunque haga calor pa q no me vean los brazos", "escondi las cuchillas en mi cuarto"),
    ),
    _abuse(
        "concern.avoid_home",
        "Does not want to go home, or is waited for and robbed after school (unsafe home, bullying)",
        "(pa|para|so|so_that|to_avoid|para_no|pa_no) ~1 (no|not|i_don't|i_dont)? ~1 (llegar|ir|volver|regresar|go|going|get|have_to_go) ~1 (a_la_casa|a_casa|home|a_mi_casa|back_home)",
        "(me|nos) ~0 (esperan|esperaban|siguen|persiguen|waiting_for|wait_for) ~2 (a_la_salida|afuera|after_school|outside|en_la_salida|at_the_exit) ~4 (todos_los_dias|to_los_dias|every_day|everyday|cada_dia|pa_quitarme|para_quitarme|y_me_quitan|and_take|por_eso)",
        "(every_day|everyday|todos_los_dias|to_los_dias|cada_dia) ~2 (me|they) ~0 (esperan|wait_for_me|wait) ~2 (a_la_salida|outside|after_school|afuera)",
        "(me_tiraron|tiraron|threw) ~2 (la|mi|my) ~0 (mochila|backpack|bag|cosas|stuff) ~4 (y_lo_grabaron|and_filmed|and_recorded|inodoro|toilet|trash|basura)",
        "(se_tapan|cover_their) ~2 (la_nariz|noses|nose) ~4 (huelo|smell|dicen|say)",
        "(prefiero|i'd_rather|i_rather) ~2 (comer|eat|eating) ~1 (en_el_bano|in_the_bathroom|alone_in|sola_en|solo_en)",
        "(me_escriben|text_me|message_me|dm_me) ~4 (cuentas_falsas|fake_accounts|de_cuentas_falsas|from_fake) ~4 (que_me_mate|q_me_mate|to_kill_myself|kys|matarme)",
        "(cuando|when) ~2 (mi_pai|mi_papa|my_dad|mi_padrastro|my_stepdad|el|he) ~1 (bebe|toma|drinks|gets_drunk|llega|gets_home|comes_home) ~6 (nadie|nobody|me_encierro|me_quedo|i_stay|i_hide|me_escondo|callao|callada|callado|quiet|esconder|hide|no_hacer_ruido|tengo_q|tengo_que)",
        "(aprendi|learned|i_learned|learnt) ~2 (a|to)? ~1 (no)? ~1 (hacer_ruido|make_noise|quedarme|stay|esconderme|hide|be_quiet|callarme) ~4 (cuando|when|asi_no|so_he|so_she|callao|en_el_cuarto|in_my_room)",
        "(my|mi) ~1 (stepdad|padrastro|dad|papa|mom's_boyfriend|tio|uncle) ~1 (guarda|keeps|tiene|has) ~1 (una|a) ~0 (pistola|gun|arma|knife|cuchillo) ~4 (y_la_saca|and_pulls|when|cuando)",
        examples=("a veces me quedo en la biblioteca hasta q cierran pa no llegar a la casa", "me esperan a la salida todos los dias y me quitan las cosas"),
    ),
    _selfharm(
        "concern.empty",
        "Says they feel empty, feel nothing or cannot stop the panic (low mood)",
        "(siento|me_siento|feel|i_feel|como_si_estuviera|like_i'm|i_just_feel|just_feel) ~2 (un)? ~0 (vacio|vacia|empty|hueca|hueco|numb) ~4 (en_el_pecho|todo_el_dia|todo_el_tiempo|all_the_time|all_day|inside|por_dentro|como_q|como_que|nada_importa)?",
        "(no|don't|dont|can't|cant) ~0 (siento|feel) ~0 (nada|anything|nothing) ~2 (desde|since|anymore|ya|como_si)",
        "(todo|everything) ~1 (me_da_igual|doesn't_matter|dont_matter|feels_pointless) ~4 (ni|not_even|even)",
        "(no_me_acuerdo|can't_remember|cant_remember|don't_remember) ~2 (la_ultima_vez|the_last_time) ~2 (q|que|i)? ~1 (me_rei|laughed|was_happy|fui_feliz|sonrei|smiled)",
        "(ataques_de_panico|panic_attacks|ataques) ~6 (no_puedo_respirar|can't_breathe|cant_breathe|me_voy_a_morir|i'm_dying|todos_los_dias|casi_todos|every_day)",
        "(escucho|oigo|i_hear|hearing) ~1 (voces|voices) ~4 (cuando|when|at_night|de_noche|no_es_broma|for_real|not_joking)?",
        "(un|like|como) ~0 (fantasma|ghost) ~2 (en|in) ~1 (mi|my) ~0 (casa|house|home|familia|family)",
        examples=("siento un vacio en el pecho todo el dia", "i just feel like un fantasma en mi casa"),
    ),
    _selfharm(
        "concern.eating",
        "Describes not eating, purging, or losing weight to extremes (eating disorder)",
        "(i|i'm|im|yo) ~2 (skip|skipping|throw|throwing|hide|hiding|tiro|salto|me_salto) ~2 (away|my|mi|mis|el|la)? ~1 (lunch|lunches|meals|dinner|breakfast|food|almuerzo|comida|comidas|cena|desayuno) ~6 (nobody_notices|nadie_se_da_cuenta|on_purpose|a_proposito|so_my|so_they|lose|bajar|skinnier|flaca|parents_think|mom_thinks|in_my_napkin|en_la_servilleta)",
        "(skipping|skip|saltandome|me_salto) ~1 (meals|comidas|lunch|breakfast|dinner) ~6 (skinnier|flaca|thinner|lose|bajar|nobody_notices|nadie_se_da_cuenta)",
        "(i|yo|i've|ive|quiero|my_goal|mi_meta|tengo_que|i_need_to|i_have_to) ~3 (lose|lost|losing|under|get_to|bajar|baje|perdi|perder) ~2 ([0-9]+) ~0 (pounds|lbs|libras|kilos) ~4 (in_a_month|en_un_mes|in_two_weeks|en_dos_semanas|still_hate|still_see|todavia_me_veo|but_i_still|by_prom|para_prom)",
        "(want_to_be|wanna_be|get|getting|be|ser|estar|quiero_ser|quiero_estar) ~1 (skinny|skinnier|thinner|thin|flaca|flaco|mas_flaca|mas_flaco) ~6 (verano|summer|prom|before|antes|worth_it|like_the_girls|como_las)",
        "(eat|ate|eating|como|comer|comida|dinner|cena) ~4 (throw_it_up|lo_vomito|me_meto_el_dedo|go_to_the_bathroom_after|purge)",
        "(every_time|cada_vez|after_i|despues_de|if_i) ~2 (eat|ate|como|comer|comi|go_over) ~4 (throw_up|vomit|vomito|throw_it_up|run_until)",
        "(haven't|havent|have_not|stopped|no_he|deje_de) ~2 (really)? ~1 (been)? ~1 (eating|eaten|comer|comido) ~4 (days|dias|[0-9]+_days|in_days|on_purpose|a_proposito|since_monday|since_tuesday|desde_el|for_days|en_dias)",
        "(bc|because|porque|xq|pq) ~2 (i|yo) ~2 (haven't|havent|stopped|no_he|deje_de) ~2 (really)? ~1 (been)? ~1 (eating|comer|comido)",
        "(from|por|de) ~0 (not_eating|no_comer) ~2 (lol|probably|i_think|creo)?",
        "(only|solo|nada_mas) ~1 (eat|como) ~2 (an|a|una|un)? ~1 (apple|manzana|one_meal|una_comida|when_someone|cuando_alguien)",
        "(count|cuento) ~1 (every)? ~0 (calorie|calories|calorias) ~6 (if_i_go_over|cry|lloro|run|throw_up)",
        "(don't|dont|no) ~1 (deserve|merezco) ~1 (to_eat|comer)",
        examples=("i skip lunch every day and nobody notices", "quiero estar más flaca antes del verano"),
    ),
    _abuse(
        "concern.afraid_at_home",
        "Hides or stays away from home out of fear of an adult there (unsafe home)",
        "(hide|hiding|hid|we_hide|i_hide|me_escondo|nos_escondemos|me_encierro|nos_encerramos|locked_my_door|lock_my_door|lock_the_door) ~8 (when|until|till|cuando|hasta_que|whenever|while) ~2 (he|she|they|my_dad|my_mom|my_stepdad|mom's_boyfriend|my_parents|el|ella|mi_papa|mi_padrastro|dad|mi_pai) ~2 (drinks|fight|fights|gets|is|angry|leaves|yelling|llega|bebe|toma|se_enoja|pelean|comes_home|gets_home)",
        "(scared|afraid|terrified|miedo|nervous) ~6 (my_dad|my_stepdad|mom's_boyfriend|my_mom|mi_papa|mi_padrastro|mi_mama|he|el) ~4 (sees|finds_out|se_entera|will_find_out|will_do|va_a_hacer|gets_home|llega|will_see)",
        "(not|never|to_not|not_to|no) ~2 (go|going|be|being|have_to_go|ir|volver|llegar) ~1 (home|back_there|back_home|a_la_casa|a_casa) ~6 (i_know_what_happens|something_bad|it'll_be_bad|consequences|scared|afraid|miedo|me_mata|me_pega|worse)",
        "(something_bad|i_know_what_happens|there's_consequences|it's_bad|algo_malo|se_pone_feo) ~6 (go_home|get_home|at_home|home|a_casa|en_la_casa|when_he|cuando_llega|if_i)",
        "(anything|lo_que_sea|cualquier_cosa) ~2 (to_not|not_to|para_no|pa_no) ~2 (have_to)? ~1 (go|be|ir|volver|estar) ~2 (home|back_there|a_la_casa|a_casa|en_la_casa)",
        "(blocking|bloqueando|blocked) ~1 (the|la) ~0 (door|puerta)",
        examples=("when my dad gets angry we all hide in the bathroom", "i'm scared of what my stepdad will do when he sees my grades"),
    ),
    _abuse(
        "concern.marks_explained_away",
        "Hides marks or bruises, or tells a cover story for them (hidden injuries)",
        "(scratches|bruise|bruises|marks|cuts|marcas|moretones|cortadas|rasgunos|black_eye) ~5 (from|del|de|por|fue|fueron|were|was|is) ~2 (the_cat|el_gato|gym|gym_class|falling|a_fall|me_cai|sports|practice|cooking|the_door|la_puerta) ~6 (if_anyone_asks|si_alguien_pregunta|we_don't_have|we_dont_have|that's_what|lie|lied|casi_todas|bueno_casi|mostly|no_tenemos)",
        "(told|tell|telling|le_dije|les_dije|dije) ~3 (the|my|el|la|mi)? ~1 (nurse|mom|teacher|enfermera|mama|maestra|people|everyone) ~4 (scratches|bruise|bruises|marks|cuts|wrist|marcas|moretones|cortadas) ~4 (were|was|from|fueron|fue|lied|menti)",
        "(camera_off|camara_apagada|sleeves|long_sleeves|hoodie|turtleneck|makeup|maquillaje|sueter|sweater) ~8 (don't_want_anyone|dont_want_anyone|nobody_sees|so_no_one|cover_my|tapar_mis|tapar_los|pa_q_no|para_que_no|don't_ask|dont_ask|stays_on|my_arms|my_neck|mis_brazos|el_cuello)",
        "(covering|cubrir|tapar|hide|hiding) ~1 (stuff|marks|bruises|las_marcas|los_moretones|it) ~2 (with)? ~1 (makeup|maquillaje|sleeves|mangas)",
        examples=("told my mom the scratches were from the cat. we don't have a cat", "can i keep my camera off? i don't want anyone seeing my arms"),
    ),
    _abuse(
        "concern.shamed_online",
        "Says pictures, videos or messages about them are being spread or sent to hurt them (bullying online)",
        "(video|videos|pic|pics|picture|pictures|voice_memo|screenshots|nudes|foto|fotos|audio) ~2 (of_me|mia|mio|de_mi|mias) ~8 (the_whole_school|everyone|whole_grade|the_whole_grade|group_chat|meme_page|todos|todo_el_salon|el_salon|keep_sharing|keep_sending|se_burlan|posted|subieron|pusieron|editada|sharing|spreading)",
        "(messages|mensajes|accounts|cuentas|dms) ~6 (telling_me|saying|diciendome|diciendo|que_me|q_me) ~3 (i_should_die|i'm_disgusting|im_disgusting|to_kill_myself|me_mate|que_me_muera|kys|to_die)",
        "(sent|mando|mandaron|shared|posted|subio) ~1 (my|mis) ~0 (nudes|fotos|pics) ~3 (to_the_whole|a_todo|to_everyone|a_todos|on_the)",
        "(if_i_don't|if_i_dont|unless_i|si_no) ~2 (pay|send|le_pago|le_mando|mando|se_las_mando|sending) ~8 (post|everyone|my_parents|my_school|will_see|le_ensena|a_todos|publica|school's_page)",
        examples=("people keep sharing a video of me crying and the whole school has seen it", "si no le mando mas fotos se las enseña a todos"),
    ),
    _abuse(
        "concern.controlling_partner",
        "Says a partner controls, watches or threatens them (partner control)",
        "(mi|my|su) ~0 (novio|novia|bf|gf|boyfriend|girlfriend|pareja|jevo|jeva) ~8 (no_me_deja|me_controla|controla|me_revisa|le_revisa|revisa|me_borro|borro|me_quito|quito|me_tiene_bloqueados|bloqueados|no_le_gusta|se_pone_loco|se_pone_loca|me_amenaza|amenaza|me_deja_si|me_dijo_que_si|dice_q_es_por_amor|doesn't_let_me|won't_let_me|checks_my|goes_through_my|made_me_quit|makes_me)",
        "(si|if) ~1 (lo|la|le)? ~0 (dejo|deja|dejas|leave|break_up) ~2 (se_mata|se_va_a_matar|kill_himself|kill_herself|se_suicida|me_mata|will_kill)",
        "(tuve_q|tuve_que|i_had_to) ~1 (dejar|quit|leave) ~3 (el_equipo|the_team|el_club|the_club|volleyball|basket|soccer) ~3 (xq|porque|pq|because|bc|cuz) ~2 (a_mi|my) ~0 (novio|novia|bf|gf|boyfriend|girlfriend)",
        "(si_no_le_contesto|if_i_don't_answer|if_i_dont_reply|if_i_don't_reply) ~4 (me_amenaza|threatens|se_enoja|gets_mad|me_grita)",
        "(he|she|my_bf|my_gf|my_boyfriend|my_girlfriend|mi_novio|mi_novia) ~3 (has_my_location|tiene_mi_ubicacion|blows_up_my_phone|calls_me|took_my_phone|me_quito_el_cel|goes_through_my_phone|checks_my_phone|revisa_mi_cel|makes_me_send|says_if_i|dice_que_si) ~6 ([0-9]+_times|[0-9]+_veces|if_i'm_not|if_i_dont|if_i_don't|every_hour|bc|because|we're_done|terminamos|si_no|cada_hora)",
        "(send|mandarle) ~2 (my|mi) ~0 (bf|gf|boyfriend|girlfriend|novio|novia) ~2 (a|una)? ~1 (pic|foto|picture|location|ubicacion) ~2 (every|cada) ~1 (hour|hora|day|dia)",
        "(if|si) ~1 (i_don't|i_dont|no) ~2 (text|answer|contesto|le_contesto|reply) ~3 (him|her|le)? ~3 (back)? ~4 (he_comes|comes_to|makes_a_scene|calls_me|me_llama|viene)",
        examples=("mi novia me controla todo, con quien hablo, q me pongo", "me dijo q si lo dejo se mata y q va a ser mi culpa"),
    ),
    _exploit(
        "concern.unpaid_work",
        "Says an employer does not pay them, keeps them working at night or threatens them (labour exploitation)",
        "(no_me_paga|no_me_pagan|doesn't_pay_me|doesnt_pay_me|hasn't_paid_me|won't_pay_me|no_me_ha_pagado|solo_me_dio|only_paid_me) ~8 (hace|desde|meses|deuda|inmigracion|un_mes|weeks|months|debt|ya_van|the_end_of)",
        "(si_me_quejo|if_i_complain|si_digo_algo|if_i_say_anything|si_me_voy) ~4 (llama|call|calls|llamar|reports|reporta|va_a_llamar) ~2 (a)? ~0 (inmigracion|la_migra|ice|immigration|police|policia)",
        "(trabajo|trabajar|work|working) ~2 (de_noche|at_night|nights|hasta_la|hasta_las|until|till) ~3 ([0-9]+|la_1|las_2|1am|2am|3am|de_la_manana|in_the_morning) ~8 (no_me_paga|por_la_deuda|for_the_debt|por_eso_me_duermo|me_duermo_en_clase|fall_asleep|todos_los_dias|every_day|casi_todos)",
        examples=("my boss no me paga hace un mes y dice q si me quejo llama a inmigracion",),
    ),
]
