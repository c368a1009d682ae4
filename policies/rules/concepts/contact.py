# ruff: noqa: E501  (rule data: one template per line reads better than wrapped)
"""Contact and off-platform concepts: handles next to a platform name, asking for a number,
e-mail or account, and moving the chat, meeting or riding, in English, texting and Spanish.

These are violations whoever sends them (a student offering a handle is blocked too); the
configured action per role still applies (a mentor's are blocked with an alert).
"""

from __future__ import annotations

from functools import partial

from policies.rules.concepts.context import PROGRAM_TIME_WORDS
from policies.rules.concepts.dsl import rule

_social = partial(rule, governs="contact.social", mentor=1.0, student=1.0)
_phone = partial(rule, governs="contact.phone", mentor=1.0, student=1.0)
_email = partial(rule, governs="contact.email", mentor=1.0, student=1.0)
_address = partial(rule, governs="contact.address", mentor=1.0, student=1.0)
_move = partial(rule, governs="offplatform.move", mentor=1.0, student=1.0)
_private = partial(rule, governs="offplatform.private", mentor=1.0, student=1.0)
_meet = partial(rule, governs="offplatform.meet", mentor=1.0, student=1.0)
_ride = partial(rule, governs="offplatform.ride", mentor=1.0, student=1.0)
# A channel switch's look-alikes: an app that taught the sender something, messaging one of the
# program's adults directly (what the program asks for), an official form, content made for an app
# ("i wanna make a tiktok about my project").
_SWITCH_UNLESS = (r"\b(?:tiktok|youtube|insta|instagram|reddit|google|chatgpt|duolingo|khan academy|linkedin) (?:(?:taught|teaches|showed|shows|told|tells|helped|helps|reminded|recommended|gave|made|got|ense[nñ][oó]|ense[nñ]a|mostr[oó]) me|me (?:ense[nñ][oó]|ense[nñ]a|mostr[oó]|ayud[oó]|explic[oó]))\b|\b(?:message|text|write(?: to)?|dm|email|escribele|escribirle|contact|reach out to) (?:ms|mr|mrs|miss|dr|prof|sra|sr|srta|the coordinator|your coordinator|your teacher|your counselor|la coordinadora|el coordinador|la maestra|el maestro|tu maestra|tu maestro)\b|\b(?:official|oficial|the school runs|counselor|consejer[oa]|not on a job site)\b"
    # content made for an app, not a move there: "i wanna make a tiktok about my project"
    r"|\b(?:make|making|made|film|filming|post|posting|hacer|haciendo|subir|grabar) (?:a |an |un |una |my |mi )?(?:tiktok|video|reel|youtube|post|short)s?\b")

# What signs a student in: a password or login, or a code texted to sign in (a code alone is a
# program's source code, never asked here).
_CREDENTIAL = ("password|passwords|passcode|pass_code|pw|pword|contrasena|contrasenas|login|logins|log_in"
               "|login_info|sign_in_info|credentials|credenciales|username_and_password|user_and_pass"
               "|usuario_y_contrasena|usuario_y_clave|pin|pin_number|clave_de_acceso|datos_de_acceso|login_details"
               "|passphrase|sign_in|signin|sign-in|sign_in_info|acct_info|account_info|account_details|creds"
               # "clave" alone is also "key" ("tu palabra clave", "la idea clave"): only an account's
               "|clave ~0 (del|de_tu|de_su|de_la|de) ~0 (correo|portal|celular|cel|telefono|email|cuenta|escuela"
               "|instagram|insta|snap|tiktok|facebook|app|compu|computadora|laptop|ipad|tablet|banco|tarjeta)")
_SIGN_IN_CODE = ("verification_code|verify_code|security_code|confirmation_code|login_code|sign_in_code|2fa_code"
                 "|two_factor_code|one_time_code|otp|[0-9]_digit_code|six_digit_code|four_digit_code|code_they_sent"
                 "|code_they_texted|code_it_sent|code_it_texted|code_you_got|code_u_got|code_from_the_text"
                 "|codigo_de_verificacion|codigo_de_seguridad|codigo_de_confirmacion|codigo_de_[0-9]_digitos"
                 "|codigo_que_te_llego|codigo_que_te_mandaron|codigo_que_te_enviaron|codigo_del_mensaje")
# The shared parts of the credential asks: a handing-over verb, "what's", and either kind of sign-in.
_HAND_OVER = ("(give|gimme|send|tell|text|share|dm|read|drop|pass|forward|dame|pasame|mandame|dime|enviame|escribeme"
              "|comparteme|leeme|me_das|me_pasas|me_dices|me_mandas|me_lees|me_compartes)")
_WHATS = "(what's|whats|what_is|what_was|wats|cual_es|cual_era)"
_ANY_SIGN_IN = "(" + _CREDENTIAL + "|" + _SIGN_IN_CODE + ")"
# The credential as a topic, not asked for: "what's your password strategy", "your login issue", the
# wifi's or a meeting's passcode, a locker's combination, a course's code.
_NOT_A_CREDENTIAL_ASK = (r"\b(?:passwords?|logins?|contrase[nñ]as?|claves?|codes?|c[oó]digos?|pins?) (?:issue|problem"
                         r"|error|page|screen|trouble|reset|manager|strategy|tips?|rules?|requirements?|policy|strength"
                         r"|hygiene|habits?|expired|expires|streak|history)\b"
                         r"|\b(?:wifi|wi-fi|zoom|meeting|reunion|reuni[oó]n|locker|candado|door|puerta|course|curso"
                         r"|promo|discount|descuento|coupon|cup[oó]n|dress|vestimenta|zip|postal|area|[aá]rea|room"
                         r"|sal[oó]n|class|clase|bike|lock) (?:passwords?|passcode|codes?|c[oó]digos?|combo|combination"
                         r"|pin|clave|contrase[nñ]a)\b"
                         r"|\b(?:passwords?|passcode|codes?|c[oó]digos?|combo|combination|pin|clave|contrase[nñ]a)"
                         r" (?:for|to|of|de|del|para) (?:the |el |la |tu |your |ur )?(?:wifi|wi-fi|zoom|meeting|reuni[oó]n"
                         r"|locker|candado|door|puerta|course|curso|class|clase|room|sal[oó]n|bike|promo|discount)\b"
                         r"(?! (?:portal|account|login|email|e-mail|app|cuenta|correo))"
                         # a code for an errand: "what's the code they sent for the field trip form?"
                         r"|\b(?:codes?|c[oó]digos?)\b[^.!?\n]{0,30}\b(?:for|para) (?:the|el|la) (?:field trip|trip|form"
                         r"|event|order|raffle|viaje|excursi[oó]n|formulario)\b")

RULES = [
    _social(
        "contact.handle",
        "A username given next to a platform name (handle shared)",
        "PLATFORM ~2 (is|es|:|=|-|handle|user|username|usuario|name|nombre|id|tag|como|as|account|acc|cuenta|@)? ~1 HANDLE",
        "HANDLE_AT ~2 (on|en|in|at|@) ~1 PLATFORM",
        "(i'm|im|i_am|estoy|find_me|search|busca|buscame|add_me|agregame|follow_me|sigueme|hit_me|hmu|me_encuentras) ~3 (on|en|in|at|por)? ~2 PLATFORM ~3 (as|como|:|is|es|under)? ~1 HANDLE",
        "(the|la|a) ~1 (ghost_app|app_with_the_ghost|blue_bird_app|app_with_the_camera|app_where_messages_disappear|one_where_messages_disappear|app_de_los_videos_cortos|app_del_fantasmita|app_del_fantasma)",
        "PLATFORM ~2 (is|es|:)? ~1 (same_name|the_same|my_name|mi_nombre|igual|same_as_here|como_aqui|my_first_name)",
        "(my|mi|el|la) ~1 (@|usuario|username|user|handle|gamertag|tag) ~3 (on|en|in|is|es|:)",
        "(solicitud|friend_request|follow_request) ~3 (en|on|por) ~1 PLATFORM",
        "(buscame|find_me|search|busca|look_me_up) ~3 (en|on|in) ~2 (la|the) ~1 (app|aplicacion) ~4 (soy|i'm|im|as|como|is) ~1 HANDLE",
        "PLATFORM ~2 (es|is) ~2 (el_mismo|the_same|igual) ~2 (que|as|q) ~1 PLATFORM",
        "(im|i'm|estoy) ~2 (on|en) ~1 PLATFORM ~3 (with|con) ~2 (my|mi) ~1 (number|numero|cel|name|nombre)",
        examples=("sn@p is nayeli_xo", "buscame en insta como jeanc.08", "snapchat brayan_bx07"),
    ),
    _social(
        "contact.ask_account",
        "Asks for or offers a personal number, e-mail or account (contact request)",
        "(give|gimme|drop|send|share|pass|text|dm|write|leave|pasame|pasas|pasa|dame|das|me_das|me_da|mandame|manda|envia|enviame|escribe|deja|dejame|dime|anota|apunta|me_pasas) ~2 (me|a_mi)? ~1 (YOUR|su|your_personal|tu_numero|tu) ~2 CONTACT_THING",
        "(y|and|what's|whats|cual_es|what_is|cuál_es) ~1 (YOUR|su|el_de_tu|tu) ~1 CONTACT_THING ?",
        "(tienes|tiene|do_you_have|u_got|you_got|have_you_got|got|usas|usa|do_you_use) ~1 (a|an|un|una)? ~1 (personal|private|personal_phone|phone|PLATFORM|whatsapp|whats|cel|celular|telefono_personal|correo_personal|gmail|personal_email|personal_e-mail|private_email|personal_number|personal_cell|email_personal|other_email|non-school_email) ~2 ?",
        "(which|what|cuales|que|which_one) ~1 (socials|redes|social_media|platforms|redes_sociales) ~3 (do_you|you|u|usas|tienes|use|have|are_you_on|estas)",
        "(number|numero|num|cel|phone) ~3 (where|donde|to|para) ~2 (i_can|puedo|te_puedo) ~2 (reach|call|text|contact|llamar|escribir|localizar)",
        "(put|pon|guarda|save|anota|apunta) ~2 (YOUR|ur|tu|my|mi) ~1 (number|numero|num|cel) ~3 (in|en) ~2 (my|mi|your|tu) ~1 (phone|cel|celular|contacts)",
        "(te|le) ~1 (sigo|agrego|mando_solicitud|doy_follow|voy_a_seguir|voy_a_agregar)",
        "(me_puedes|me_puede|puedes|can_you|could_you|me_podrias) ~1 (add|agregar|seguir|follow|dar_follow|mandar_solicitud) ~1 (me)? ~1 (en|on|in|por) ~1 PLATFORM",
        "(add|follow|agregame|sigueme|add_me|follow_me) ~3 (on|en) ~1 (whichever|the_one|la_que|any)",
        "(como|how|where|donde) ~2 (te|can_i|do_i|puedo|lo|la) ~1 (encuentro|find|encontrarte|find_you|buscar|look_you_up) ~2 (en|on|in) ~1 PLATFORM",
        "(my|mi) ~2 (mom|mama|dad|papa|parents|papas|family) ~2 (wants|quiere|want|quieren) ~2 (ur|your|su|tu) ~1 (number|numero|cel|phone|email|correo)",
        unless=r"\b(?:resume|resum|cv|header|application|the form|el formulario|linkedin profile|emergency contact|contacto de emergencia|the school(?! one)|la escuela|recruiter|reclutador|hr|company|empresa|off (?:the|your|it|of it)|out of (?:the|your|it))\b"
               # an organisation's account asked after: "tu compañía tiene tiktok?", "does your hospital have insta?"
               r"|\b(?:compa[nñ][ií]as?|company|empresa|firm|team|equipo|ustedes|hospital|tienda|panader[ií]a|f[aá]brica|plant"
               r"|store|shop|bakery|studio|estudio|agency|agencia|brand|marca|negocio|business|organization|organizaci[oó]n"
               r"|union|sindicato)(?: [\w-]+){0,2} (?:tiene|tienen|has|have|got|is on|are on|est[aá]n? en|usa|uses|use)"
               r" (?:an? |un |una |su |their )?(?:instagram|insta|ig|tiktok|facebook|fb|twitter|youtube|linkedin|page|p[aá]gina|account|cuenta)\b",
        examples=("pasame tu numero mister", "drop your number", "y su celular?"),
    ),
    rule(
        "contact.credentials",
        "An adult asks for the student's password, login or a texted sign-in code (account takeover)",
        # "send me your password", "read me the verification code", "dime la clave de tu correo"
        _HAND_OVER + " ~1 (me|to_me|a_mi|over)? ~1 (YOUR|su|that|ese|esa) ~2 " + _ANY_SIGN_IN,
        _HAND_OVER + " ~1 (me|to_me|a_mi|over)? ~1 (the|el|la|los|las) ~2 (" + _SIGN_IN_CODE + ")",
        "(give|gimme|send|tell|text|share|dm|read|drop|pass|forward|dame|pasame|mandame|dime|enviame|comparteme|me_das|me_pasas|me_dices|me_mandas|me_compartes) ~2 (me|to_me|a_mi)? ~1 (the|el|la|los|las) ~1 (" + _CREDENTIAL + "|clave) ~1 (de|del|of|for|to|para) ~1 (YOUR|su)",
        # "what's your school login?", "cuál es tu contraseña", "whats the 6 digit code they sent u"
        _WHATS + " ~1 (YOUR|su) ~2 " + _ANY_SIGN_IN,
        _WHATS + " ~1 (the|el|la) ~2 (" + _SIGN_IN_CODE + ")",
        _WHATS + " ~1 (the|el|la) ~1 (" + _CREDENTIAL + "|clave) ~1 (to|for|of|on|de|del|para) ~1 (YOUR|su)",
        # "I'll log in as you", "let me log into your account", "yo entro a tu cuenta" — never "I can
        # help you log in" nor "I can't log in for you" (no word between the sender and the verb)
        "(i'll|ill|i_will|let_me|lemme|i'm_gonna|im_gonna|i_can|i_could|i_can_just|i_could_just) ~1 (log_in|login|sign_in|log_on) ~2 (as_you|as_u|for_you|for_u|with_your|with_ur|on_your|on_ur|to_your|into_your|into_ur)",
        "(i'll|ill|i_will|let_me|lemme|i'm_gonna|im_gonna|i_need_to|i_have_to) ~1 (log|sign|get) ~1 (into|in_to|onto) ~1 (YOUR) ~2 (account|acc|portal|email|e-mail|profile|phone|school|gmail|icloud|app)",
        "(log|sign) ~1 me ~1 in ~2 (as_you|as_u|with_your|with_ur)",
        "(yo|dejame|voy_a|me_dejas|puedo_yo) ~1 (entrar|entro|iniciar_sesion|inicio_sesion|meterme|me_meto) ~1 (a|en|con|como) ~1 (tu|su|ti|usted) ~1 (cuenta|usuario|correo|portal|perfil|contrasena|login)?",
        # "I need your password", "can I have your login", "type your password in here"
        "(i_need|i'll_need|ill_need|i_just_need|necesito|me_hace_falta|me_falta) ~2 (YOUR|su) ~2 " + _ANY_SIGN_IN,
        "(can_i|could_i|may_i|let_me) ~1 (have|get|use|borrow|see) ~1 (YOUR|su) ~2 " + _ANY_SIGN_IN,
        "(type|put|write|paste|escribe|pon|pega|escribeme) ~1 (YOUR|su) ~2 (" + _CREDENTIAL + ") ~3 (here|in_here|aqui|aca|in_the_chat|en_el_chat|below|abajo|to_me|a_mi)",
        # "decime tu contraseña", "spell out your password", "your pw pls"
        "(decime|decime_cual_es|say|spell|spell_out|read_out|dictate|dictame|deletrea|deletreame) ~1 (me)? ~1 (YOUR|su) ~2 " + _ANY_SIGN_IN,
        "^ (YOUR|su) ~0 (password|pw|pword|passcode|contrasena|login) ~1 (pls|plz|please|porfa|real_quick|rapido)",
        # "what's the code google just sent you", "screenshot the text with the code"
        "(what's|whats|what_is|read_me|tell_me|send_me|dime|pasame|mandame|leeme) ~1 (the|el|that|ese)? ~1 (code|codigo|2-step_code|2_step_code|two-step_code) ~3 (google|apple|instagram|insta|snap|snapchat|microsoft|outlook|tiktok|the_school|the_portal|they|it|te) ~2 (just)? ~1 (sent|texted|emailed|mando|envio|llego|mandaron)",
        "(screenshot|ss|screen_shot|captura|foto|pic|photo) ~4 (the|el|la|that|ese|esa)? ~1 (text|texto|mensaje|message|sms|email) ~3 (with|con) ~2 (the|el|your|tu)? ~1 (code|codigo)",
        # "approve the login request that pops up", "forward me the reset link"
        "(approve|accept|tap|click|aprueba|acepta|toca) ~2 (the|el|la|that|ese|esa)? ~1 (login|log_in|sign_in|sign-in|inicio_de_sesion) ~1 (request|prompt|notification|solicitud|notificacion|alert)",
        "(send|forward|fwd|pasame|mandame|reenviame|reenvia) ~1 (me)? ~1 (the|el|that|ese|your|tu)? ~2 (reset|password_reset|recovery|verification|login|sign_in|magic|recuperacion) ~1 (link|email|code|enlace|correo)",
        # "what email and password do you use", "¿qué correo y contraseña usas?"
        "(what|which|que|cual|cuales|whats|what's) ~2 (email|e-mail|correo|username|user|usuario|login) ~1 (and|&|y|\\+) ~1 (password|pw|pass|contrasena)",
        # "whats ur pass for the portal", "tell me the digits google just texted you", "the code that
        # pops up on your phone, paste it here", "tap yes on the 'is this you trying to sign in' popup"
        "(YOUR|su) ~0 (pass|passwd) ~1 (for|to|de|del|on) ~1 (the|el|la|ur|your|tu)? ~1 (portal|account|acct|acc|email|e-mail|app|login|school|correo|cuenta|laptop|phone|ipad|computer|compu|common_app|fafsa|cunyfirst)",
        "(read|tell|send|give|gimme|whats|what's|what_are|what_do|dime|pasame|mandame|leeme) ~3 (the|those|el|los|las)? ~2 (digits|numbers|code|codigo|numeros|digitos) ~4 (google|apple|microsoft|instagram|snap|they|it|that|que|the_app|the_site|the_portal) ~2 (just)? ~1 (texted|sent|came|popped|pops|llego|llegaron|mandaron|mando)",
        "(code|codigo|digits|numbers|numeros) ~8 (paste|type|put|send|drop|pega|escribe|manda|pon) ~1 (it|them|lo|los)? ~1 (here|aqui|in_here|in_the_chat|en_el_chat|to_me|a_mi)",
        "(code|codigo|digits|numbers|numeros|digitos) ~8 (read|tell|send|give|text|say) ~1 (them|it|those|that) ~1 (off|out|back)? ~1 (to_me|for_me)",
        "(code|codigo|digits|numbers|numeros|digitos|numero) ~8 (dimelo|dimelos|pasamelo|pasamelos|mandamelo|mandamelos|dictamelo|dictamelos|leemelo|leemelos)",
        "(tap|click|press|hit|toca|dale|presiona) ~1 (yes|si|approve|allow|accept|aceptar|permitir) ~8 (sign_in|signing_in|sign-in|log_in|logging_in|login|inicio_de_sesion|iniciar_sesion)",
        "(2-step|2_step|two-step|two_step|2fa|two_factor|verification|sign_in|login) ~1 (thing|code|prompt|popup|pop-up|notification|text|message|codigo)? ~8 (what's_it_say|whats_it_say|what_does_it_say|what_it_says|read_it|read_me|tell_me_what|dime_que_dice|que_dice)",
        "(what's|whats|what_is|what_are|send|give|gimme|tell|dame|pasame|mandame|dime|cual_es|cuales_son) ~2 (YOUR|su) ~2 (apple_id|icloud|email|e-mail|gmail|username|user|usuario|correo|login|id|fsa_id) ~1 (and|&|y|\\+) ~2 (pw|password|pass|contrasena|contra|clave|passcode)",
        "(pasame|dame|mandame|send|give|gimme|send_over|send_me) ~2 (los|the|tus|your|ur)? ~1 (datos|info|details|stuff|credentials) ~2 (pa|para|to|for) ~1 (entrar|get_in|log_in|sign_in|login|acceder|get_into|log_into)",
        "(dime|tell_me|read_me|whats|what's) ~1 (que|what|lo_que) ~1 (te_llego|came|you_got|u_got|te_mandaron|they_sent) ~2 (por|by|in|en)? ~1 (sms|text|mensaje|texto|a_text)",
        "(tell_me|dime|send_me|text_me) ~1 (what|que|lo_que) ~2 (you_use|u_use|usas) ~2 (to_get_into|to_log_into|to_sign_into|para_entrar_a|to_log_in|to_sign_in|to_get_in|para_entrar)",
        "(let_me|lemme|i'll|ill|i_can|i_could|imma|i'm_gonna|im_gonna|dejame|voy_a) ~1 (hop_on|jump_on|get_on|go_on|go_into|get_into|hop_into|entrar_a|entrar_en|meterme_a|meterme_en) ~1 (YOUR|tu|su) ~2 (account|acct|acc|cuenta|portal|email|profile|perfil|login|app)",
        # "¿qué código te llegó por mensaje?", "what code did you get by text"
        "(que|what|which|cual) ~1 (codigo|code|numero|number) ~3 (te_llego|you_got|u_got|they_sent|te_mandaron|te_enviaron|came|llego|did_you_get|did_u_get) ~3 (por_mensaje|by_text|in_a_text|texto|sms|text|al_cel|al_celular|to_your_phone|on_your_phone|from_google|de_google|por_sms)",
        unless=_NOT_A_CREDENTIAL_ASK,
        reportable=False,  # "the coordinator said you should send me your portal login" still asks
        governs="contact.social", mentor=1.0, student=0.0,
        examples=("what's your school login? i can submit it for you", "read me the verification code real quick",
                  "dime la clave de tu correo y yo te lo arreglo"),
    ),
    _social(
        "contact.not_the_school_one",
        "Asks for a personal e-mail, number or account rather than the school's (contact request)",
        "(personal|private|own|other|personal_e-mail|privado|propio) ~1 (email|e-mail|correo|number|numero|account|cuenta) ~3 (that_isn't|that_isnt|that's_not|thats_not|not_the|aside_from|besides|other_than|que_no_sea|aparte_del|aparte_de_la) ~2 (the|el|la|your|tu)? ~1 (school|escuela|program|programa|district|work|class)",
        unless=r"\b(?:set up|create|make|crea|abre|open|get) (?:a|an|un|una|your|tu)\b|\bfor (?:your|the|tus) (?:applications?|college|jobs?|aplicaciones)\b|\bdon'?t share it\b",
        examples=("Do you have a personal email that isn't the school one?",),
    ),
    rule(
        "offplatform.after_program",
        "An adult asks the student to keep talking once the program is over (channel switch)",
        "(keep_talking|stay_in_touch|keep_in_touch|seguir_hablando|seguimos_hablando|sigamos_hablando) ~5 (when|once|after|cuando|despues_de_que) ~2 (the|el)? ~1 (program|program's|programa) ~1 (ends|is_over|is_done|done|over|termine|acabe|se_acabe|wraps_up)",
        governs="offplatform.move", mentor=1.0, student=0.0,
        examples=("promise we keep talking over the summer when the program's done",),
    ),
    _address(
        "contact.place",
        "Says where someone lives or asks which building or apartment (address)",
        "(which|what|que|cual|en_que|which_one) ~1 (building|apartment|apt|floor|street|calle|edificio|piso|apartamento|block|cuadra|house|casa) ~3 (is_yours|are_you_in|do_you_live|vives|vive|es_el_tuyo|es_tuyo|you_in|es_la_tuya|is_it|are_you)",
        "(where|donde) ~2 (do|does|d)? ~1 (YOU|usted|tu) ~1 (live|stay|vives|vive|queda_tu_casa|queda_su_casa) ~2 (exactly|exactamente|en_que|?)?",
        "(donde) ~2 (vives|vive|queda_tu_casa|queda_su_casa) ~2 (exactly|exactamente|en_que|?)?",
        "(i'm|im|i_live|i_stay|vivo|my_house|my_building|my_apartment|mi_casa|mi_edificio|my_place) ~6 (corner_of|esquina_de|la_esquina) ~2 ([0-9]+[a-z]{0,2}|[a-z]+) ~1 (and|&|y|con) ~1 ([0-9]+[a-z]{0,2}|[a-z]+)",
        "(i_live|i_stay|vivo|my_house_is|my_building_is|mi_casa_queda|mi_casa_es|my_place_is|im_on|i'm_on) ~2 (on|en|at|off|near|by|cerca_de|en_la) ~2 ([0-9]+[a-z]{0,2}|[a-z]+) ~1 (and|&|y|con) ~1 ([0-9]+[a-z]{0,2}|[a-z]+)",
        "(my|mi|our|nuestro|nuestra) ~4 (apt|apartment|apartamento|puerta|piso|floor|unit|door|building|edificio) ~1 (is|es|#|number|numero|no)? ~0 ([0-9]{1,3}[a-z]?|[0-9]+[a-z]{2})",
        "(apt|apartment|apartamento|puerta|unit) ~0 ([0-9]{1,3}[a-z]) ~4 (if_u|if_you|come|drop|pasa|ven|traeme|bring)",
        "(sharing|share|compartiendo|te_mando|te_comparto|mandame|send_me|comparteme) ~2 (my|mi|your|tu|la) ~1 (location|ubicacion|live_location|pin)",
        "(buzzer|timbre|intercom|bell) ~2 (says|dice|is|es|for|:)? ~1 ([0-9]{1,3}[a-z])",
        "(1st|2nd|3rd|4th|5th|6th|7th|8th|9th|[0-9]|primer|segundo|tercer|cuarto) ~0 (floor|piso) ~1 (of|del|de) ~1 ([0-9]{2,5})",
        "(mandame|send_me|pasame|dame) ~2 (la|your|tu)? ~1 (ubicacion|location|direccion|address) ~2 (de_tu|of_your|tu)? ~1 (casa|house|home)?",
        "(what|which|que|cual|en_que) ~1 (street|calle|block|building|avenue|avenida|floor|edificio|cuadra) ~2 (u|you|ur|your|tu|usted) ~1 (on|live|en|at|in|vives|vive|stay)?",
        "(tell_me|dime|just_tell_me) ~1 (which|what|que|cual) ~1 (building|apartment|edificio|apartamento|floor|piso|street|calle)",
        unless=r"\b(?:school|campus|office|building for the|the event|career fair|job shadow|site visit|escuela|oficina|evento|feria|museum|museo|library|biblioteca|zoom|floor of the|minutes?|mins?|blocks?|away|stops?|hours?|cuadras|minutos|lejos|tour|lobby|work|company|trabajo)\b",
        examples=("¿En qué calle vives exactamente?", "apt 9J if u want to drop the book"),
    ),
    _move(
        "offplatform.switch_app",
        "Moves the conversation to another app, private messages or outside the program (channel switch)",
        "(let's|lets|we_can|can_we|wanna|want_to|podemos|pasemos|hablemos|sigamos|seguimos|vamos|cambiemos|mejor|better|easier|more_private|mas_privado|mas_comodo|es_mejor|hablamos|continue|continuemos|seguir) ~3 (on|en|por|a|al|to|over|via|through|in) ~1 (PLATFORM|text|texto|mensaje_de_texto|sms|email|correo|privado|dm|dms|inbox|private|el_chat_del_juego|party_chat|otro_lado|otra_app|otro_server|another_server|my_server|mi_server)",
        "(keep_in_touch|stay_in_touch|stay_connected|keep_talking|seguir_en_contacto|mantenernos_en_contacto|seguimos_en_contacto) ~3 (on|en|por|via|through|over) ~2 (my|mi|your|tu)? ~1 (personal|private|privado)? ~1 PLATFORM",
        "(download|get|bajate|baja|descarga|instala|install) ~2 PLATFORM ~4 (private|privado|seguro|safer|secure|chat|hablar|te_escribo|and_we|y_te|alla|there)",
        "(download|bajate|descarga|instala|install) ~1 PLATFORM ~1 (and|y) ~1 (i'll|ill|i|te|we|we'll) ~6 (there|alla|ahi|tonight|esta_noche|way_easier|easier|mas_facil|mejor)",
        "(message|text|write|dm|email|escribeme|mandame|textea|textéame|texteame|hablame) ~2 (me)? ~2 (directly|privately|instead|personal|directo|por_fuera|aparte|al_privado|al_numero|al_correo|a_mi_correo|normal) ~4 (not_in|no_por|not_here|instead|no_aqui|the_channel|el_canal|monitored|vigilan)?",
        "(por|on|in|en|via) ~2 (fuera|otro_lado|otra_parte|another_app|otra_app|other_app) ~3 (de_aqui|from_here|mejor|better|hablamos|talk|te_cuento|le_cuento|le_escribo)?",
        "(por|on|in|en|via) ~2 (private|privado) ~3 (de_aqui|from_here|mejor|better|hablamos|talk|te_cuento|le_cuento|le_escribo|te_escribo|chat|dm|message|text)",
        "(hablamos|hablemos|talk|chat|te_escribo|te_cuento|le_cuento|le_escribo|message|text|dm|continue|seguimos|sigamos) ~3 (por|on|in|en|via) ~2 (private|privado)",
        "(aqui|here|this_channel|en_este_chat|this_chat) ~3 (nos_vigilan|they_watch|is_monitored|everyone_reads|lo_lee_todo|se_guarda|they_read|lo_leen|me_da_pena) ~4 (por|on|en|better|mejor|whats|snap|text)?",
        "(the|el|este) ~1 (bot|coordinator|coordinadora|programa|program) ~2 (blocks|bloquea|reads|lee|won't_let|no_me_deja) ~4 (todo|everything|anything|nada) ~4 (hablamos|talk|por|on|otro|another|outside|fuera)",
        "(when|once|cuando|after|despues_de_que) ~2 (the|el)? ~1 (program|programa) ~2 (ends|is_over|termine|acabe|se_acabe|finishes|termina|done|is_done|over|wraps_up|se_termine) ~5 (stay_in_touch|seguimos|keep_talking|te_sigo|lo_sigo|contacto|por_fuera|text|insta|whats|snap|discord|instagram)",
        "(groupchat|group_chat|gc|grupo|server|servidor|canal) ~4 (aparte|separate|private|privado|sin_los|without_the|just_for|solo_pa|solo_para|for_me_and_you|para_ti_y|where_there's_no|donde_no_hay|ahi_no_hay|no_bot)",
        "(check|revisa|mira) ~2 (your|ur|tu|tus) ~0 (dms|dm|inbox|privado|mensajes_privados|snap|insta|whats)",
        "(lmk|tell_me|dime|explain|explico|cuento) ~3 (in|por|en) ~1 (dms|dm|private|privado|inbox)",
        "(sending|send|mandando|te_mando) ~2 (u|you|te)? ~2 (a)? ~1 (dm|private_message|mensaje_privado|privado) ~2 (now|ahora|ya)?",
        "PLATFORM ~1 (me|moi) ~2 (lol|pls|plz|porfa|later|tonight)?",
        "(📱|👻) ~2 (➡|->|→) ~2 (PLATFORM|👻)?",
        "(another|other|otra|otro|different) ~1 (way|forma|manera|lado|place|app|lugar) ~2 (to|de|pa|para)? ~2 (talk|chat|hablar|contact|reach|comunicarnos|hablarte|hablarle|escribirte) ~3 (besides|aparte|que_no_sea|outside|fuera|other_than|than_this|que_no_sea_esto)?",
        "(busquemos|let's_find|lets_find|find|buscar) ~2 (otra|another|other) ~1 (forma|way|manera|app) ~2 (de|to)? ~1 (hablar|talk|chat|comunicarnos)",
        "(por|on|in|en|via|over) ~1 (dm|dms|el_privado|privado|directo|inbox|pm) ~2 (mejor|better|instead|here|aqui|la_coordinadora|the_coordinator)?",
        "(hablamos|talk|chat|seguimos|keep_talking|text) ~2 (por_ahi|alla|there|over_there|on_there|por_alla)",
        "(to|a|al|en) ~2 (your|ur|su|tu|my|mi) ~1 (personal|private|privado|personales|real) ~1 (email|correo|number|numero|cel|phone) ~4 (asi|so|instead|en_vez|mejor|no_lo_ve|they_can't|won't_see|the_coordinator|la_coordinadora)?",
        "(can't|cant|no_puedo) ~1 (say|tell|decir|escribir) ~2 (it|this|eso|esto)? ~1 (here|aqui|en_el_chat|in_the_chat) ~3 (dm|text|call|llamame|whats|snap|privado|por)?",
        "(snap|dm|text|email|mandar|mando) ~2 (u|you|te|le) ~2 (the|el|my|mi)? ~1 (draft|essay|ensayo|file|archivo|resume|notes|notas|pics) ~4 (easier|mejor|instead|than_this|que_aqui|than_the_channel)",
        "(linkedin|messenger) ~1 (messages|message|mensajes|dm|dms) ~3 (accept|acepta|connection|conexion)?",
        "(👻|📱) ~1 ? ~1 (😉|😏|👀)?",
        "(do|does|d) ~1 (u|you) ~1 (have|got|use|tienes) ~1 (it|telegram|signal|kik|whatsapp|snap|insta) ~3 (more_private|mas_privado|safer|es_mas)?",
        # messaging one of the program's adults directly is what the program asks for
        unless=_SWITCH_UNLESS,
        examples=("pasemos esto al whatsapp", "Message me directly, not in the channel."),
    ),
    _move(
        "offplatform.not_here",
        "Moves the conversation to another app, private messages or outside the program (channel switch)",
        "(not|no) ~0 (in|por|en|on|aqui|here) ~1 (the|este|el|this)? ~1 (channel|chat|canal|discord|server)",
        # who is in a chat, not where to talk: "i'm the only one not in the group chat"
        unless=_SWITCH_UNLESS + r"|\b(?:i'?m|i am|i was|she'?s|he'?s|who'?s|who (?:is|are|was)|they'?re|you'?re|ur"
               r"|everyone'?s|everybody'?s)(?: (?:the only (?:one|person|kid)|still|even))? not in (?:the|this|that"
               r"|our|their)\b",
        examples=("Message me directly, not in the channel.", "mejor no por el canal"),
    ),
    _private(
        "offplatform.call",
        "Asks for or offers a private call or video call (private call)",
        "(te|le) ~1 (llamo|marco|llamare|marcare|hago_una_videollamada|hago_videollamada|puedo_llamar|puede_llamar|podria_llamar|timbro) ~3 (en_un_rato|al_rato|luego|mas_tarde|ahorita|ahora|esta_noche|manana|el_fin|por|al|a_tu|mejor|?|si|cuando)?",
        "(llamame|marcame|timbrame|dame_un_toque|dame_un_timbre|hablame_al|videollamame)",
        "(videollamada|video_llamada|facetime|ft|zoom|meet|video_call|videocall|llamada) ~3 (tu_y_yo|nosotros_dos|solo_tu|just_us|the_two_of_us|just_you_and_me|solo_para_ti|only_you|private|privada|ahorita|esta_noche|tonight)",
        "(hacemos|hagamos|hacer|let's_do|do_a) ~2 (una|un|a)? ~1 (videollamada|video|facetime|llamada|call) ~3 (nosotros_dos|tu_y_yo|just_us|pa|para|esta_noche|tonight)",
        "(link|enlace) ~3 (de|for|to)? ~2 (google_meet|zoom|meet|teams) ~3 (solo|just|only|sin|without) ~2 (para_ti|for_you|invitar|inviting|the_coordinator|la_coordinadora)",
        "(voicemail|voice_memo|nota_de_voz|audio) ~3 (me|mejor|por|on|en|whats)",
        "(can|could|puedes|puede|would) ~1 (u|you|usted)? ~1 (call|facetime|ft|llamar|llamarme|video_call) ~1 (me)? ?",
        "(me_llamas|me_puedes_llamar|me_llama|me_puede_llamar|me_llamarias|me_haces_una_llamada|me_marcas|me_hace_una_videollamada) ~3 (?|mejor|ahora|ahorita|esta_noche|tonight|cuando_puedas|cuando_salgas|por_video|es_que)",
        "(llamas|llama|call) ~2 (por|by|on) ~1 (video|videollamada|facetime) ~3 (cuando|when|en_tu|in_your)?",
        unless=r"\b(?:la atencion|atencion|oficina|office|school|escuela|front desk|recepcion|con todo el grupo|with the whole|whole group|todo el grupo|cohort|the program's|del programa|mi mama|mi papa|my mom|my dad|mi abuela|mi tia|recogerme|pick me up)\b",
        examples=("te marco al rato", "videollamada ahorita? solo un minuto"),
    ),
    _meet(
        "offplatform.meet_up",
        "Proposes meeting in person outside program activities (meeting)",
        "(nos|let's|lets|we_could|we_should|can_we|could_we|wanna|should_we) ~1 (vemos|podemos_ver|podriamos_ver|juntamos|podemos_juntar|encontramos|meet|hang|link_up|see_each_other|meet_up) ~4 (en|at|in|afuera|outside|el_sabado|el_domingo|saturday|sunday|un_ratito|alla|there|the_library|la_biblioteca|el_parque|the_park|persona|in_person|irl)",
        "(vente|ven|vienes|come|stop_by|swing_by|pasa_por|pasate) ~3 (a|to|by|por)? ~2 (my|mi|la|the) ~1 (oficina|office|casa|house|place|apartamento|apartment|depa|carro|car) ~5 (el_sabado|el_domingo|saturday|sunday|no_hace_falta|no_need|no_hay_nadie|nobody|tonight|esta_noche|alone|a_solas|after|despues|temprano|early|evening|one_evening)",
        "(te|le) ~1 (invito|invitaria) ~2 (a|un|una)? ~2 (cafe|comer|coffee|lunch|almorzar|cenar|dinner|un_helado|pizza|mi_casa|la_casa) ~5 (tu_y_yo|solos|just_us|after|despues|si_quieres|sabado|domingo)?",
        "(te|le) ~1 (espero|espero_en|busco|veo) ~3 (en|at|outside|afuera|a_la_salida|la_estacion|the_station|the_corner|la_esquina|el_parque) ~4 (y|and|caminamos|walk|vamos|we)?",
        "(meet|vernos|vernos_en_persona|see_you|verte) ~2 (in_person|irl|en_persona|outside_of|fuera_de|afuera_de) ~3 (the|la|el)? ~1 (program|programa|school|escuela|mall|park|parque)?",
        "(dar|take|go_for) ~1 (una|a)? ~1 (vuelta|walk|paseo) ~3 (tu_y_yo|just_us|together|juntos|por_el_parque|after_you)",
        "(estar|be) ~2 (por|in|around) ~2 (tu|your|ur) ~1 (barrio|neighborhood|area|zona|building|edificio) ~4 (nos_vemos|meet|see_you|verte|vernos|stop_by|pasar)",
        "(nos_vemos|meet_me|see_you) ~2 (alla|there|afuera|outside) ~3 (y_hablamos|and_talk|and_we|and_i'll|y_le|y_te)",
        "(podemos|podriamos|we_can|we_could|can_we|could_we|should_we|quieres|wanna) ~1 (vernos|juntarnos|meet|meet_up|hang|link|vernos_un_rato|quedar) ~4 (en|at|in|the|el|la|alli|ahi|los_viernes|on_fridays|saturday|el_sabado)",
        "(pull_up|slide|come_thru|come_through|caele|cae) ~2 (to)? ~2 (the|my|mi|el|la)? ~1 (park|house|crib|place|casa|parque|spot|game|party|juego|fiesta|cancha)",
        "(no_one|nobody|nadie) ~2 (from|de) ~1 (school|the_program|la_escuela|el_programa|the_coordinator) ~2 (will_be|va_a_estar|is|would_be|estara|va)",
        "(i_live|vivo|i_stay|my_place_is|my_house_is|mi_casa_queda) ~5 (if_u|if_you|si_quieres|stop_by|come_by|pasa|ven|swing_by|wanna_stop|quieres_pasar)",
        "(live|vivo|i'm|im) ~3 (minutes|blocks|cuadras|minutos|close|near|cerca|right_by) ~2 (from|de|to) ~1 (you|u|ti|your|tu|ur) ~4 (come_by|stop_by|pasar|visit|so_i_can|anytime|whenever)?",
        "(i|yo) ~2 (could|can|puedo|podria) ~1 (come_by|stop_by|swing_by|pasar|pasarme|visit|visitarte|come_see) ~3 (your|ur|tu|on_my|en_mi|at_your)",
        "(come|stop|swing|drop|pasa|ven) ~1 (by|over|por) ~3 (anytime|whenever|cuando_quieras|any_time|my_place|my_house|mi_casa)",
        "(which|what|que|cual) ~1 (bus|train|tren|guagua|stop|parada) ~2 (do|d)? ~1 (you|u|tomas|coges|take) ~3 (home|a_casa|see_you|verte|at_the_stop)",
        unless=r"\b(?:session|sesion|classroom|salon|career fair|feria|job shadow|site visit|company visit|info session|orientation|workshop|taller|program event|evento del programa|con el grupo|with the group|with your class|con la coordinadora|with the coordinator|supervised|supervisad[oa]|channel|canal|en la escuela|at school|at the school|de la escuela|class|clase|club|table|mesa|classmates|companeros|students|estudiantes|team|equipo|parade|desfile|showcase|expo|horario de escuela|school hours|group study|study group|grupo de estudio|group project|proyecto en grupo"
               # program events and school periods ("the end of year celebration", "la visita a la
               # obra", "in the morning period")
               r"|" + PROGRAM_TIME_WORDS + r")\b"
               # a member of staff present at a school place ("nos vemos en la biblioteca con Mr.
               # Ruiz", "el martes en el room 112 con Mr. Santos"): a supervised meeting — not
               # with a hotel, a car, a park, "just us", a secret or the sender as the "teacher"
               r"|^(?=[\s\S]*\b(?:library|biblioteca|cafeteria|school|escuela|gym|gimnasio|auditorium"
               r"|auditorio|lab|laboratorio|(?:room|rm|salon|aula) ?#?\d+)\b)"
               r"(?![\s\S]*\b(?:hotel|motel|cuarto|carro|car|mi casa|my place|my house|my apartment|conmigo"
               r"|soy yo|o sea yo|osea yo|yo jaja|solos|a solas|alone|just us|nadie mas|nobody else|sin tus"
               r"|without your|don'?t tell|no le digas|no les digas|secret|secreto|parque|park|mall|cine"
               r"|movie|plaza|estacion|station|esquina|corner|tonight|esta noche)\b)"
               r"[\s\S]*\b(?:with|con) (?:mr|ms|mrs|miss|dr|coach|the teacher|your teacher|our teacher"
               r"|el profe|la profe|tu profe|el profesor|la profesora|el maestro|la maestra|tu maestr[ao]"
               r"|el coach|la coach|la consejera|el consejero|the counselor)\b",
        examples=("¿nos vemos en el parque?", "vente a mi oficina el sábado, no hace falta avisar"),
    ),
    _ride(
        "offplatform.give_ride",
        "Offers or asks for a ride (rides)",
        "(te|le|yo_te|i'll) ~1 (recojo|recogo|busco|paso_a_buscar|paso_por_ti|llevo|doy_pon|doy_un_ride|doy_un_aventon) ~4 (en|a|al|por|after|despues|a_las|car|carro|casa|escuela|school|tu_casa|la_esquina)",
        "(paso|pasar|voy) ~2 (a)? ~1 (buscarte|recogerte|por_ti|a_buscarte) ~3 (en|a|al|after|despues|el|para)?",
        "(me|nos) ~1 (puede|puedes|podria) ~2 (dar|llevar) ~2 (pon|un_pon|ride|un_ride|aventon|a_mi_casa|home)",
        "(dar|dame|give_me) ~1 (pon|un_pon|aventon|un_aventon)",
        "(swing_by|pick_up|pass_by|come_get) ~3 (tu|your|ur) ~1 (escuela|school|casa|house) ~4 (te_llevo|and_take|y_te|a_las|at)",
        "(me|nos) ~1 (busca|buscas|recoge|recoges|pasa_a_buscar|pasas_a_buscar|lleva|llevas|puede_buscar|puedes_buscar) ~3 (en_mi|a_mi|en_la|al|after|despues|?)",
        unless=r"\b(?:school (?:van|bus)|van de la escuela|bus de la escuela|the program|el programa|job shadow"
               r"|chaperone)\b",
        examples=("te recojo en la escuela a las 3", "no esperes el bus, yo paso por ti en el carro"),
    ),
]
