# ruff: noqa: E501  (word lists: one class per line reads better than wrapped)
"""Word classes for the concept rules: English, texting spellings and Spanish in one class.

The text is folded before matching (lower case, accents and look-alikes removed), so the
Spanish forms are written without accents ("papas" matches "papás", "nina" matches "niña").
``_`` joins the words of a multi-word form; ``%`` after a word adds the regular English
inflections (see ``dsl.forms``).
"""

from __future__ import annotations

from policies.rules.concepts.dsl import Lexicon

_CLASSES: dict[str, str] = {
    # --- people and pronouns ----------------------------------------------------------------
    "YOU": "you u ya yu youu yall y'all ya'll tu ti usted vos",
    "YOUR": "your ur yr yur yor ya tu tus",
    "YOURE": "you're youre you_are ur u_r u_are you_r u're ure ya_are eres estas",
    "YOURSELF": "yourself urself ur_self your_self ti_misma ti_mismo",
    "I": "i im i'm ill i'll id i'd ive i've yo",
    "IM": "i'm im i_am i_m estoy soy",
    "MY": "my mi mis",
    "ME": "me mee mi conmigo",
    "WE": "we us nosotros nosotras",
    "PARENT": ("parents? mom moms mum mommy momma mother dad dads daddy father pops folks guardians? "
               "grandma grandpa grandmother grandfather stepdad stepmom step_dad step_mom stepfather "
               "stepmother foster_(?:mom|dad|parents?) family fam aunt auntie uncle "
               "mama mami papa papi padres papas papis padrastro madrastra abuela abuelo abuelita "
               "abuelito familia tia tio hermano hermana brother sister siblings?"),
    "OVERSEER": ("teachers? coordinators? counselors? principal coach staff school program "
                 "ms mr mrs miss dr maestra maestro profe profesora profesor coordinadora "
                 "coordinador consejera consejero escuela programa"),
    "ANYONE": ("anyone anybody someone somebody nobody no_one noone alguien nadie people ppl "
               "others anyone_else somebody_else someone_else"),
    "PARTNER": "boyfriend girlfriend bf gf partner ex man novio novia pareja jevo jeva",
    "ABUSER": ("he she they him dad father stepdad step_dad stepfather mom mother stepmom "
               "step_mom stepmother uncle aunt brother cousin grandpa grandma "
               "mom's_(?:bf|boyfriend) moms_(?:bf|boyfriend) papa padrastro madrastra mama tio "
               "primo abuelo hermano el ella"),
    # --- devices, messages, monitoring ------------------------------------------------------------
    "DEVICE": ("phone cell cellphone messages msgs texts chats? dms inbox convos? conversations? "
               "history laptop computer ipad tablet screen accounts? passwords? passcode pin "
               "discord insta snap email "
               "celular cel telefono mensajes conversaciones compu computadora contrasena clave "
               "historial chats"),
    "MONITOR": ("check% read% reading go_through goes_through went_through going_through "
                "look%_(?:at|through|over) snoop%(?:_on|_through)? monitor% see% sees saw watch% "
                "track% spy_on spies_on know%_(?:about|what) "
                "revisa revisan revisar revise lee leen leer mira miran ve ven vigila vigilan "
                "checa checan chequea chequean se_mete(?:n)?_en"),
    # where the conversation lives, and who runs it (who might read "this chat")
    "CHATROOM": ("threads? channels? chats? servers? groups? gc dms? messages msgs convos? "
                 "conversations? workspace history logs? hilos? canal(?:es)? grupos? mensajes "
                 "conversaciones? chat_history old_messages"),
    "WATCHER": ("admins? administrators? mods? moderators? bots? program staff school "
                "coordinators? coordinadora coordinador programa moderadores? nobody anyone "
                "anybody someone somebody alguien nadie ms mr mrs miss dr sra srta sr"),
    "KEEPS": ("save% log% flag% keep% store% record% archive% screen% review% scan% "
              "guarda guardan graba graban revisa revisan"),
    # --- secrecy ----------------------------------------------------------------------------------
    "TELL": ("tell% told mention% say say_anything show% share% report% snitch% repeat% "
             "bring_up loop_in involve% "
             "digas cuentes menciones comentes ensenes cuentas dices contar decir mencionar "
             "decirle contarle"),
    "SECRET": ("secret secrets secreto secretito our_thing on_the_low down_low on_the_dl "
               "between_us between_you_and_me between_(?:the_)?two_of_us just_between_us "
               "between_you_and_i to_ourselves off_the_record hush hush_hush "
               "(?:this|it|that|our_\\w+|my_\\w+|these|what_i_said|what_we\\w*)_(?:to_yourself|private|quiet) "
               "entre_(?:tu|nosotros|nosotras)_y_yo entre_nosotros entre_nosotras calladit[oa] "
               "en_secreto"),
    "DELETE": ("delete% erase% clear% unsend% wipe% borra borralo borrala borrame borres borrar "
               "elimina eliminalo"),
    "SCREENSHOT": "screenshots? screen_shots? ss capturas? screenshotting screenshoting",
    # --- body, looks, photos ----------------------------------------------------------------------
    "LOOKS_ADJ": ("cute hot sexy beautiful gorgeous pretty stunning adorable handsome attractive "
                  "good-looking good_looking thicc curvy sexi "
                  "bonita bonito linda lindo guapa guapo hermosa hermoso preciosa precioso "
                  "rica rico buena buenota bella bello chula chulo"),
    "BODY": ("body figure legs lips butt booty ass curves chest boobs thighs hips waist abs "
             "cuerpo piernas labios nalgas pompas curvas pecho cintura"),
    "PIC": ("pics? pictures? photos? selfies? snaps? vids? videos? shots? fotos? fotitos? "
            "selfis? imagen(?:es)? pic_of_you"),
    "SEND": ("send% sent snap% dm% text% show% post% share% give% drop% take% "
             "manda mandame mandas mandar mandarme envia enviame enviar pasame pasa hazte "
             "tomate tomame"),
    "WEARING": ("wearing dressed outfit outfits fit clothes pajamas pjs pyjamas underwear "
                "bra swimsuit bikini swim_suit leggings skirt dress uniform shorts towel "
                "ropa vestido falda piyama pijama traje_de_bano bikini calzones "
                "ropa_interior"),
    "PETNAME": ("babe baby babygirl baby_girl bby princess gorgeous sexy darling doll cutie "
                "sweetheart sweetie sweety honey hun hon love_bug lovebug sweet_pea my_love "
                "beautiful handsome my_girl my_boy mi_amor amor mi_vida mi_cielo cielo "
                "princesa bebe mamita mami papito corazon preciosa hermosa mi_nina mi_reina "
                "reina chula mi_hermosa nena mamacita bombon"),
    "KISS": ("😘 😍 🥰 😻 💕 💖 💗 💘 💞 💓 💋 ❤ ♥ 😚 😙 😽 xoxo xo <3"),
    "LEWD_EMOJI": "🥵 🤤 👅 🍆 🍑 💦",
    "MISS": "miss% missing te_extrano te_echo_de_menos extranarte",
    "LOVE": "love% luv adore% te_quiero te_amo te_adoro",
    "ROMANCE": ("boyfriend girlfriend bf gf crush date dating novio novia crush pareja "
                "special_someone someone_special anyone_special love_life"),
    "SEXUAL": ("sex sexual sexy porn porno nudes? naked nude virgin laid horny kinks? kinky "
               "nsfw spicy dirty freaky freak naughty seduc\\w* hook_up hooking_up hooked_up "
               "make_out made_out making_out sexo desnuda desnudo desnudos virgen cochinadas "
               "subido_de_tono picante caliente arrechos? bellac[oa]s?"),
    # --- age and maturity --------------------------------------------------------------------------
    "MATURE": ("mature grown grown_up grown-up adult advanced developed old wise older "
               "madura maduro grande adulta adulto desarrollada"),
    "AGE_NUM": "1[0-9] 2[0-9] 3[0-9] 4[0-9]",
    "KID": ("kid kids child children teen teens teenager teenagers minor minors little_girl "
            "little_boy baby nina nino chamaca chamaco chavo chava mocosa mocoso"),
    # --- family home and being alone -----------------------------------------------------------
    "HOME": "home house place apartment apt crib casa hogar depa departamento apartamento",
    "ALONE": ("alone home_alone by_yourself by_urself on_your_own on_ur_own solo sola solita "
              "solito a_solas by_ourselves just_us just_the_two_of_us just_you_and_me "
              "you_and_me_alone the_place_to_yourself the_house_to_yourself"),
    "ROOM": "room bedroom cuarto recamara habitacion bed cama",
    # --- money and gifts -----------------------------------------------------------------------
    "MONEY": ("money cash bucks dollars \\$[0-9]+ [0-9]+_(?:bucks|dollars|dolares|pesos) "
              "gift_?cards? prepaid_card allowance dinero plata chavos chavitos lana feria "
              "billetes pesos dolares tarjeta_de_regalo recarga"),
    "PAYAPP": "venmo cashapp cash_app zelle paypal apple_pay cash_tag cashtag",
    "GIFT": ("gifts? presents? surprise something_(?:nice|special|pretty|cute) airpods "
             "iphone phone laptop shoes sneakers jordans clothes jacket hoodie necklace jewelry "
             "perfume makeup flowers bracelet ring tickets sim_card regalos? sorpresa tenis "
             "ropa collar perfume maquillaje flores anillo"),
    # --- contact and platforms -------------------------------------------------------------------
    "PLATFORM": ("snap snapchat snapchats sc sn@p \\$n@p \\$nap snp sn4p sn4pch4t snapch4t s_n_a_p s-n-a-p "
                 "insta instagram ig 1nsta 1ns7a 1ns74 inst@ i\\.n\\.s\\.t\\.a i_n_s_t_a the_gram finsta "
                 "tiktok tik_tok tt t1kt0k t!kt0k tikt0k discord disc0rd d1scord d!sc0rd whatsapp whats "
                 "wsp wasap guasap whatsap telegram tg telegrm twitch roblox xbox psn ps5 ps4 playstation "
                 "steam fortnite gamertag facebook fb threads twitter kik bereal signal messenger vsco "
                 "👻 the_ghost_app ghost_app"),
    "HANDLE": ("re:(?:@[a-z0-9_.]{2,30}|[a-z][a-z0-9]*[_.][a-z0-9_.]*[a-z0-9]|[a-z]{2,}[0-9]{2,}[a-z0-9]*"
               "|[a-z]+_[a-z0-9_]*)"),
    "HANDLE_AT": "re:(?:@[a-z0-9_.]{2,30}|[a-z][a-z0-9]*[_.][a-z0-9_.]*[0-9][a-z0-9_.]*|[a-z]{2,}[0-9]{2,}[a-z0-9]*|[a-z]+_[a-z0-9_]+)",
    "CONTACT_THING": ("number numbr nmbr numero num numba numbah digits cel celular cell phone telefono whats "
                      "whatsapp email e-mail correo gmail insta snap socials redes handle usuario "
                      "address direccion contacto contact contact_info personal_number numero_personal "
                      "telefono_personal correo_personal personal_email"),
    # a local number: 3 + 4 digits, in figures or in words (round 14, ``handover.py``)
    # (figures in two groups or one by one, or words; not digits in a list "5, 4, 4, 3…")
    "PHONE7": ("re:(?:[0-9]{3}[ .-]?[0-9]{4}|(?:[0-9][ -]){6}[0-9]|(?:(?:zero|oh|one|two|three|four|five|six"
               "|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)[ ,.-]+){6}"
               "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis"
               "|siete|ocho|nueve))"),
    # a number of 8 to 13 digits in any grouping: a number from abroad or written oddly ("07700
    # 900123", "612 555 013", "55 1234 5678", "4155550 173"), round 22, ``handover.py``
    "PHONE_LONG": "re:(?:[0-9][ .-]?){7,12}[0-9]",
    # everyday places to meet outside the program (round 14, ``arrangements.py``)
    "MEET_PLACE": ("train_station station subway subway_station bus_stop starbucks coffee_shop cafe diner "
                   "mall park corner parking_lot plaza estacion metro parada parque centro_comercial esquina "
                   "mcdonalds dunkin dunkin_donuts chipotle pizza_place food_court movies cine "
                   "my_car mi_carro the_car el_carro my_building mi_edificio my_apartment mi_apartamento"),
    "NIGHT": ("overnight hotel hotel's hotels motel airbnb stay_the_night spend_the_night sleepover sleep_over "
              "nos_quedamos quedarnos quedarte te_quedas pasar_la_noche dormir_en weekend_at fin_de_semana_en "
              "lake_house beach_house cabin casa_del_lago casa_de_playa cabana two_nights dos_noches"),
    # parents and guardians only (``PARENT`` also holds siblings and the wider family)
    # a contact detail by name (``CONTACT_THING`` without the bare "number", which is also a
    # jersey's, a bus's or a lucky one)
    "CONTACT_DETAIL": ("cel celular cell cellphone phone phone_number telefono whats whatsapp email e-mail "
                       "correo gmail insta snap socials handle usuario address direccion contacto "
                       "contact_info personal_number numero_personal telefono_personal correo_personal "
                       "personal_email numero_de_celular numero_de_cel cell_number"),
    # the detail handed to the adult in the chat (``handover.py``)
    "HANDED_TO_ME": ("here aqui aca below in_the_chat en_el_chat to_me me_lo me_la a_mi send_it_over send_me "
                     "reply reply_with_it drop_it drop_them type_it pasamelo pasamela mandamelo mandamela "
                     "me_lo_pasas me_lo_mandas me_lo_das what's_yours whats_yours cual_es_el_tuyo por_aqui "
                     "dm_me text_it_to_me so_i_can pa_que_yo para_que_yo i'll_pass i'll_forward yo_se_lo "
                     "yo_se_la i'll_send_it i'll_fill"),
    "GUARDIAN": ("parents? mom moms mum mommy momma mother dad dads daddy father folks guardians? stepdad "
                 "stepmom step_dad step_mom stepfather stepmother grandma grandmother abuela abuelita "
                 "mama mami papa papi padres papas papis padrastro madrastra"),
    "LATE": ("after_9 after_10 after_11 after_9pm after_10pm after_11pm past_10 past_11 10pm 11pm 12am "
             "10_pm 11_pm midnight medianoche late_at_night late_tonight really_late super_late "
             "despues_de_las_10 despues_de_las_11 despues_de_las_9 10_de_la_noche 11_de_la_noche "
             "12_de_la_noche de_madrugada "
             "tarde_en_la_noche bien_tarde after_my_kids_sleep after_everyone's_asleep"),
    # --- insults -----------------------------------------------------------------------------
    "INSULT": ("stupid dumb idiot idiots moron morons loser losers ugly worthless useless pathetic "
               "trash garbage disgusting clown joke failure dumbass fool creep creepy weirdo freak "
               "jerk dummy retard retarded imbecile brainless clueless psycho scum lame annoying pig "
               "cow bitch whore slut skank hoe thot fatass crackhead liar coward waste_of_space "
               "waste_of_time disappointment embarrassment burden dumbest stupidest "
               "estupido estupida idiota idiotas pendejo pendeja pendejos pendejas imbecil bruto "
               "bruta brutos tonto tonta baboso babosa inutil vago vaga culero culera pariguayo "
               "pariguaya come_cable comemierda mamabicho mamaguevo mamaguebo mamahuevo singao cafre "
               "naco naca gandalla gonorrea malparido malparida hijueputa hijo_de_puta hija_de_puta "
               "hdp creido creida cobarde payaso payasa asqueroso asquerosa basura una_mierda "
               "perdedor perdedora menso mensa zoquete tarado tarada retrasado retrasada cabron "
               "cabrona puta puto perra zorra maricon marica mmg"),
    # --- harm and help --------------------------------------------------------------------------
    "PILLS": ("pills meds medicine tablets tylenol advil sleeping_pills pastillas medicinas "
              "pildoras"),
    "MEANS": ("pills rope razor razors blades? knife gun bullets bridge roof ledge "
              "pastillas cuerda navaja cuchilla gillette pistola puente azotea"),
    "INJURY": ("cuts scars bruises bruise marks burns black_eye arms wrists thighs cortes "
               "cicatrices moretones moreton marcas quemaduras brazos munecas"),
    "SUBSTANCE": ("drink% drunk wasted smoke% vape% vaping high weed edibles pills xans? "
                  "perc(?:s|ocet)? lean molly coke alcohol liquor vodka tequila henny blunts? "
                  "joints? bebo tomo fumo fumar beber tomar emborracharme emborracho borracha "
                  "borracho drogas mota"),
    # --- round 6: targets and attitudes of harassment ------------------------------------------
    # praise said to mock ("wow great job genius 🙄") and what marks it as a mock
    "IRONIC": ("genius geniuses genio genia einstein brilliant brillante rocket_scientist "
               "resident_genius mr_smart miss_smart smarty smartypants sabelotodo inteligente "
               "ingeniero ingeniera teacher's_pet"),
    "SNEER": ("🙄 🤡 did_u_even did_you_even were_you_even otra_vez shocker por_eso "
              "for_someone_who para_alguien_que can't_even cant_even no_sabe ni_sabe reprobaste "
              "sin_hacer_nada can't_wait definitivamente all_by_urself all_by_yourself slowest "
              "el_mas_lento la_mas_lenta ya_veo really_smart_move love_that_for_you vas_pa "
              "vas_para like_always como_siempre de_la_clase del_grupo"),
    # insults that only name a person (not "trash", "a joke", "annoying": those are said of things)
    "PERSON_INSULT": ("idiot idiots moron morons loser losers clown clowns dumbass dumbasses "
                      "imbecile retard bitch whore slut skank hoe thot fatass crackhead dummy "
                      "jerk creep weirdo brat brats snitch "
                      "idiota idiotas pendejo pendeja pendejos pendejas imbecil payaso payasa "
                      "culero culera cabron cabrona comemierda mamabicho mamaguevo mamahuevo "
                      "cafre bellaco bellaca gonorrea pajaro rata lambon lambona malparido "
                      "malparida hijueputa estupido estupida retrasado retrasada mongolico "
                      "mongolica tarado tarada baboso babosa inutil perdedor perdedora "
                      "come_cable comebola charro charra"),
    # peoples and origins (with the nicknames used to insult them)
    "ORIGIN": ("mexicans mexican mexicanos mexicano mexicana mexicanas dominicans dominican "
               "dominicanos dominicano dominicana venezuelans venezuelan venezolanos "
               "venezolano venezolana venecos veneco veneca venecas haitians haitian haitianos "
               "haitiano haitiana ecuadorians ecuadorian ecuatorianos ecuatoriano ecuatoriana "
               "colombians colombian colombianos colombiano colombiana puerto_ricans "
               "puertorriquenos boricuas chinese chinos chino china asians asian africans "
               "african africanos africano africana arabs arab arabes muslims muslim "
               "musulmanes musulman musulmana immigrants immigrant inmigrantes inmigrante "
               "refugees refugiados latinos latinas indians indio india guatemaltecos "
               "hondurenos salvadorenos cubanos cubans jews jewish judios nuevos_que_llegaron "
               "los_que_acaban_de_llegar the_new_kids_from"),
    # what is said of them to attack
    "XENO_PRED": ("smell smells stink stinks huelen huele apestan apesta eat_dogs eats_dogs "
                  "comen_perros come_perros eat_cats cheat cheats steal steals roban roba "
                  "take_our_jobs take_the_jobs taking_our_jobs quitan quitarnos nos_quitan "
                  "vienen_a_quitar vinieron_a_quitarnos vienen_a_vivir_del_gobierno "
                  "vivir_del_gobierno can't_do cant_do no_pueden no_saben are_all son_todos "
                  "dirty sucios sucias lazy vagos flojos illegal ilegales are_good_at_math "
                  "good_at_math shouldn't_be shouldnt_be no_deberian se_regresen "
                  "se_devuelvan se_vayan parecen_enanos terrorists terroristas criminals "
                  "criminales delincuentes rats ratas"),
    # games played together online (an invitation to play is an invitation to another channel)
    "GAME": ("fortnite valorant roblox minecraft 2k nba_2k nba2k cod warzone apex overwatch "
             "league fifa fc24 fc25 among_us rocket_league smash gta rainbow_six r6 "
             "call_of_duty madden"),
}

LEXICON = Lexicon(_CLASSES)


def insult_words() -> frozenset[str]:
    """The one-word insults and slurs of the lexicon (a masked word is read as one of these
    before an ordinary word: ``policies.deobfuscate``)."""
    out: set[str] = set()
    for name in ("INSULT", "PERSON_INSULT"):
        out.update(w for w in _CLASSES.get(name, "").split() if w.isalpha())
    return frozenset(out)
