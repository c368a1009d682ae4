# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, concern family: self-harm, abuse, neglect, exploitation and homelessness disclosures."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

_ADULT = r"(?:teacher|coach|guy|man|dude|adult|mentor|older guy|counselor|pastor|neighbor|boss|manager|uncle|tutor|he|she)"

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
    "concern.selfharm": [
        '(?:hate|hating) (?:my life|myself|being alive|living) {www}{www}(?:want|wanna) (?:it|everything|it all) (?:all )?to (?:end|stop)',
        "(?:everyone|everybody|they|people|my family|my friends|the world) (?:would|will|'d) be (?:so )?(?:better|happier|better off|fine|okay|ok) (?:off )?(?:without me|if i (?:was|were|wasn't|wasnt|weren't|died|disappeared|left|was gone|were gone|wasn't here|wasnt here|wasn't around))",
        '(?:want|wanna|wish i could|just want to|i just wanna) (?:to )?(?:disappear|vanish|not be here|not be alive|go to sleep forever|sleep forever)',
        '(?:thinking about|thought about|think about|thinking of|want to|wanna|going to|gonna|ready to|about to) (?:end|ending) (?:it|it all|everything|my life)(?:$|[.!?,]| (?:all|tonight|now|soon|for good|already))',
        '(?:just )?want (?:everything|it all|my life|all of this|all of it|the pain) (?:all )?to (?:end|stop|be over)',
        "(?:i|i've|ive|i have) (?:cut|cutted|been cutting) (?:again|last night|yesterday|today|this morning|tonight|myself|my wrist)",
        '(?:jump|jumping|jumped) (?:off|from|in front of) (?:a|the|my|our) (?:bridge|roof|building|balcony|train|subway|window|car)',
        '(?:step|stepping|walk|walking) in front of (?:a|the) (?:train|bus|car|truck)',
        "(?:don't|dont|do not|can't|cant|cannot) see (?:the|any) point (?:in|of) (?:anything|living|life|trying|going on|it all|being here|existing)",
        "(?:what's|whats|what is|what) the point (?:of|in) (?:living|life|anything|going on|being alive|existing)",
        '(?:me )?quiero (?:morir|morirme|matarme|desaparecer)',
        '(?:me voy a|me quiero) matar',
        'no quiero (?:vivir|seguir viviendo|estar aqu[ií])',
        "(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|hang|hanging|starve|starving|burn|burning|shoot|end) {w}(?:myself|my self|meself)",
        "(?:end|ending|take|taking) (?:my|my own) life",
        "(?:end|ending) it all",
        "(?:suicidal|self harming|self-harming|unalive myself|kms|kill my ?self)",
        "(?:commit|committing|attempt|attempted|attempting|thinking about|thought about|think about|thinking of|considering|contemplating|tried) (?:suicide|self harm|self-harm)",
        "suicide (?:note|plan|attempt|letter)",
        "(?:i|i've|ive|i have|i'm|im) {w}(?:self harm|self-harm|selfharm|self harmed|self-harmed)",
        "(?:took|take|taking|swallowed|swallow) (?:a bunch of|a lot of|too many|all (?:my|the|of my|of the)|a handful of|so many) (?:pills|meds|medicine|tablets|sleeping pills)",
        "(?:want|wanna|wish|going|gonna|ready|plan|planning|thinking about how) to (?:die|disappear forever|not wake up|not exist|stop existing|be dead)",
        "(?:don't|dont|do not|no longer|no more) {w}(?:want|wanna|wish) (?:to )?(?:live|be alive|be here anymore|exist|wake up|be around|go on)",
        "better off (?:dead|without me|if i was gone|if i wasn't here|if i were gone)",
        "(?:no|any) (?:reason|point) (?:to live|in living|living|in going on|to keep going|to go on)",
        "(?:not|isn't|isnt) worth living",
        "(?:can't|cant|cannot) (?:go on|do this anymore|take it anymore|keep going|take this anymore|live like this)",
        "(?:overdose|od on|take all (?:my|the) pills|swallow (?:all )?(?:the|my) pills)",
        "jump (?:off|from) (?:a|the|my) (?:bridge|roof|building|balcony)",
        "(?:slit|cut) (?:my )?wrists",
        "wish (?:i|i'd) (?:was|were|had been|never been) (?:dead|never born|gone|not born|born)",
        "wish i (?:wasn't|wasnt|weren't) (?:alive|born|here)",
        "(?:nobody|no one|noone) would (?:miss|notice|care if) (?:me|i)",
        "(?:started|been|keep|still|am|i'm) cutting (?:again|myself|my arms|my legs)?",
        "(?:cut|cuts|scars|marks) on my (?:arms|wrists|legs|thighs)",
        "(?:i|i'm|im|i am) (?:feel )?(?:so )?(?:hopeless|worthless|empty|a burden|a waste of space)",
        "(?:want|wanna) to hurt myself",
        "everyone would be better off",
    ],
    "concern.abuse": [
        '{abuser} (?:gets|get|got|always gets) (?:drunk|high|mad|angry|wasted) and (?:hits|yells|throws|beats|hurts|screams|punches|slaps|breaks)',
        "my (?:dad|mom|father|mother|stepdad|stepmom|step dad|step mom|mom's bf|moms bf|mom's boyfriend|parents|uncle) {w}(?:throws|threw|throwing|throw|throwin) (?:things|stuff|shit|bottles|plates|shoes|chairs|a [a-z]{2,10}|[a-z]{2,10}s) at (?:me|us|my mom|my little)",
        '{abuser} (?:does|did|keeps doing|keep doing) (?:stuff|things|something|weird stuff|weird things|bad things) to me',
        '{abuser} (?:keeps coming|keeps getting|always comes|sneaks|sneaking|snuck|keeps sneaking|comes|came|gets|got) (?:in|into) (?:my|the) (?:bed|shower|bathroom when|room at night|room every night|room late at night)',
        "my (?:mom's|moms|mothers|mother's|dad's|dads) (?:bf|boyfriend|husband|girlfriend|gf) (?:hits|beats|hurts|punches|slaps|yells|touches|chokes)",
        'my (?:dad|father|stepdad|step dad|mom|mother|stepmom|uncle|brother|parents?) (?:hits|beats|hurts|punches|chokes|slaps) (?:her|him|my mom|my mother|my dad|my little|my baby|my brother|my sister)',
        "(?:kill|hurt|beat|hit) me {www}{www}(?:and )?(?:he|she|they) (?:meant it|was serious|were serious|wasn't joking|wasnt joking|weren't joking)",
        '(?:threatened|threatens|threatening) to (?:kill|hurt|beat|hit|kick) (?:me|us)',
        '(?:touches|touched|touching) me (?:and|but) (?:says|said|tells|told)',
        '(?:me pega|me pegan|me golpea|me golpean|me maltrata|me maltratan|me toca|me tocan|abusa de m[ií])',
        "{abuser} (?:hits|hit|beats|beat|beat up|hurts|hurt|punches|punched|kicks|kicked|chokes|choked|slaps|slapped|burns|burned|touches|touched|molests|molested|abuses|abused|rapes|raped|whips|whipped|threw|throws|grabs|grabbed|shoves|shoved|locks|locked|yells and hits|attacks|attacked) (?:me|my|us|on me)",
        "(?:touched|touches|touching) me (?:inappropriately|where|down there|in a way|in places|without|when)",
        "(?:i|i've|ive|i have|i'm|im|i am) (?:was|got|been|being|am being|have been|was being|get)? ?(?:abused|molested|raped|assaulted|sexually assaulted|beaten|beat up|groped|hit by my|hurt by my|touched by)",
        "sexual(?:ly)? (?:abuse|abused|assault|assaulted|harass|harassed|harassment) (?:me|by|at home)",
        "(?:abuse|abuses|abused|abusing|hurts|hurting|beats|beating|hitting) (?:me|us) (?:at home|when|every|all|again)",
        "(?:scared|afraid|terrified|don't want|dont want|do not want) (?:to go|of going|of being|to be) (?:back )?home",
        "(?:don't|dont|do not) feel safe (?:at home|in my house|with my|around my|at my)",
        "(?:unsafe|not safe) (?:at home|in my house|with my|around my)",
        "(?:bruises|bruise|marks|black eye) (?:from|because of|that) (?:my|he|she|they)",
        "(?:makes|made|forces|forced) me (?:to )?(?:do things|touch|watch|keep secrets|undress)",
        "domestic violence",
        "{abuser} (?:is|are|gets|get) (?:abusive|violent|drunk and hits|drunk and yells)",
        "(?:hits|beats|hurts) (?:me|us) when (?:he|she|they)",
    ],
    "concern.neglect": [
        '(?:nobody|no one|noone) (?:at home )?(?:cares|care|gives a) (?:about|for) me',
        "{family} (?:works?|working) (?:nights|late|overnight|doubles|all night) (?:so|and) (?:it's|its|it is|i'm|im|i am) (?:just me|alone|by myself|home alone|on my own)",
        "(?:i'm|im|i am) (?:always |usually |basically )?(?:home )?(?:alone|by myself|on my own) (?:every|most|all) (?:night|nights|weekend|weekends)",
        "(?:don't|dont|do not|never) have (?:anyone|anybody|no one|nobody|someone) (?:to talk to|to turn to|who cares|who listens)(?:$|[.!?,]| (?:at home|anymore|no more|at all|in my life|except you|but you))",
        "(?:nobody|no one|noone) {w}(?:at home )?(?:cares|care|would care|notices|would notice) (?:if|whether|when) (?:i|i'm|im) {w}(?:die|died|gone|disappear|disappeared|come home|come back|came home|alive|dead|leave|left|exist|ran away|run away|hurt)",
        '(?:no hay|no tenemos) (?:comida|nada de comer)',
        "(?:haven't|havent|have not|hasn't|didn't|didnt|did not|not) (?:eaten|ate|had (?:food|anything to eat|a meal|dinner|breakfast|lunch|a real meal)) (?:(?:in|for) (?:like |about |almost |over |nearly )?(?:days|two days|2 days|three days|3 days|a day|a while|24 hours|a whole day)|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|the weekend)|today|all day|yesterday|in days)",
        "(?:no|not any|not enough) food (?:at|in) (?:home|the house|my house|the apartment|our)",
        "(?:nothing|no food) to eat",
        "{family} (?:left|leaves|hasn't been|haven't been|hasnt been|havent been|don't come|doesn't come|dont come|doesnt come|abandoned|never comes|never come) (?:home|me|us)",
        "left (?:me |us )?(?:home )?alone for (?:days|a week|weeks|the weekend|two days|three days)",
        "no (?:heat|heating|electricity|water|power|lights|hot water) (?:at|in) (?:home|my|our|the house|the apartment)",
        "(?:nobody|no one|noone|they don't|they dont) (?:takes|take|taking) care of (?:me|us)",
        "(?:always|constantly) hungry (?:at home|because|since)",
        "(?:we|i) (?:never|don't|dont|do not) have (?:enough )?(?:food|anything to eat)",
        "(?:hasn't|hasnt|haven't|havent|has not|have not|didn't|didnt|never) (?:come|came|been) (?:back )?home (?:in|for|since|all week|all weekend|last)",
        "{family} (?:left|leaves) (?:and|&) (?:hasn't|hasnt|haven't|havent|didn't|didnt|never)",
        "(?:go|going|went) to (?:bed|sleep|school) hungry",
        "(?:can't|cant|cannot|couldn't) afford (?:food|to eat|groceries|meals)",
        "(?:our|my) (?:lights|electricity|power|heat|water|gas) (?:got|was|were|has been|have been|is|are) (?:shut|cut|turned) off",
        "(?:lights|electricity|power|heat|water|gas) (?:got|was|were|has been|have been|is|are) (?:shut|cut|turned) off (?:at home|at my house|at our|in our|in my|again)",
        "(?:take care of|raising|feeding) my (?:little )?(?:siblings|brothers|sisters|brother|sister) (?:alone|by myself|because)",
    ],
    "concern.exploitation": [
        '(?:older|grown|adult) (?:guy|man|boyfriend|girlfriend|woman|dude|lady) {w}(?:says|said|offered|offers|promised|promises|texts|messages|dms|sends|sent)',
        "(?:give|pay|send|buy) me (?:money|cash|gifts|stuff|things|\\$[0-9]{1,5}|[0-9]{1,5} dollars) (?:if|to|for) (?:i|me) {w}(?:meet|send|come|go|do stuff|do things|keep|don't tell|dont tell|sleep|hang out|pics|pictures|photos)",
        "(?:someone|a guy|a man|an adult|an older|he|she|this guy|this man|a lady) {w}(?:is )?(?:paying|pays|paid|offered|offers|offering) me (?:to|for|money)",
        "(?:asked|asking|asks|wants|want|told|forcing|forced|makes|made|pressuring|pressured) me (?:to )?(?:send|sending) {w}(?:nudes|pics|pictures|photos|videos|nude)",
        "(?:sent|send|sending) (?:him|her|them|a guy|someone|this guy|a man|an adult) {w}(?:nudes|pics|pictures|photos|nude|videos)",
        "(?:threatening|threatened|threatens|going) to (?:post|share|send|leak|show) (?:my|the|our) {w}(?:pics|pictures|photos|nudes|videos|messages)",
        "sextortion",
        "(?:older|grown|adult) (?:guy|man|boyfriend|girlfriend|woman|dude) {www}(?:wants|asked|gives|buys|bought|pays|paid|keeps|picks)",
        "(?:made|makes|forced|forces|forcing|pressuring|pressured) me (?:to )?(?:work|sell|deliver|carry|have sex|do stuff|do things|sleep with)",
        "(?:trafficking|trafficked|groomed|grooming me)",
        "(?:he's|hes|he is|she's|she is|my boyfriend is|my girlfriend is) (?:2[0-9]|3[0-9]|4[0-9]|much older|way older)",
        "(?:selling|sell) (?:pics|pictures|photos|myself|my body)",
        "(?:a|this|some) (?:guy|man|person|adult|lady) (?:i met )?online (?:wants|asked|keeps|told) (?:me )?(?:to )?(?:meet|send|come)",
        "(?:in exchange for|for money|for cash) (?:he|she|they|i) (?:wants|want|made|have to)",
    ],
    "concern.homeless": [
        "(?:i|we) (?:sleep|slept|sleeping|live|living|stay|staying|been sleeping|have been sleeping|are sleeping|are living) (?:in|at) (?:a|the|our|my|his|her|my mom's|my moms) (?:car|van|shelter|truck|park|subway|train station)",
        "(?:haven't|havent|have not|not|didn't|didnt) (?:slept|been sleeping|stayed|been staying) (?:at )?home (?:in|for|since)",
        "(?:at|between|on) (?:different|various|random) (?:friends'?|people's|peoples) (?:places|houses|couches|apartments)",
        '(?:vivimos|estamos viviendo|dormimos) en (?:un|el|una|la) (?:refugio|shelter|carro|coche|auto)',
        "(?:i'm|im|i am|we're|were|we are|been|i've been|ive been|we've been|became|becoming|being) {w}(?:homeless|living in (?:a|the|our|my) (?:car|shelter|van|street|streets)|sleeping (?:in (?:a|the|our|my) (?:car|van|shelter|park)|on the (?:street|streets|subway|train)|outside|at a shelter|on (?:a|my) friends? couch)|couch ?surfing)",
        "(?:got|been|getting|were|are being|being|we're being|am being|just got) (?:evicted|kicked out(?:$|[.!,?]| of (?:the|our|my) (?:house|home|apartment|apt|place)| by (?:my|our) (?:mom|dad|parents|landlord|family|stepdad|stepmom)))",
        "(?:kicked|threw|thrown) (?:me|us) out",
        "(?:no|nowhere|no place|noplace|nowhere else) to (?:stay|sleep|live|go) (?:tonight|anymore|now|right now)",
        "(?:don't|dont|do not) have (?:a|anywhere|any where|a place|anyplace|a home|a bed) to (?:stay|sleep|live|go)",
        "(?:live|living|staying|stay|sleep|sleeping) (?:in|at) (?:a|the) (?:shelter|homeless shelter|motel because)",
        "lost (?:our|my) (?:apartment|home|house|place)",
        "homeless (?:now|again|right now)",
        "(?:we|i) (?:have|got) (?:no|nowhere) (?:home|place to live)",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "concern.selfharm": [
        "(?:wrote|writing|written|left|leave|leaving|write) (?:a |my |the )?(?:goodbye|good bye|good-bye) (?:letter|note|letters|notes)",
        "(?:i {w}(?:won't|wont|will not)|i'm not gonna|im not gonna|i'm not going to|im not going to) be (?:around|here|alive) (?:much longer|for much longer|anymore)(?:$|[.,!?]| anyway| lol| tbh| so| and| ngl)",
    ],
    "concern.abuse": [
        "if (?:i|we) (?:tell|told|say anything|said anything|snitch) {www}{ww}(?:he'll|he will|she'll|she will|they'll|they will|he'd|she'd|they'd|he would|she would|they would) {w}(?:hurt|kill|beat|hit|kick me out|throw me out|send me away|take)",
    ],
    "concern.exploitation": [
        "(?:pay|give|buy) me {w}(?:if|to) (?:i )?(?:go to a party|party|meet|send|sleep|hang out|come over|come to his|go to his|keep quiet|don't tell|dont tell)",
        "(?:party|parties|partying|hotel|motel|his place|their place|go out|hang out|hanging out|drive around) with (?:some |a few |these |two |a bunch of )?(?:older|grown|adult) (?:guys|men|dudes|man|guy)",
        "(?:come|go|coming|going) (?:to|over to) (?:his|her|their) (?:place|house|apartment|apt|car|hotel|room) alone",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "concern.selfharm": [
        "(?:feel|feeling|felt) like (?:disappearing|giving up on life|ending it|not existing)",
        "(?:so )?done with (?:life|living|being alive)",
    ],
    "concern.homeless": ["(?:kick|throw) me out if"],
}
# Third round, after held-out v7's first run: the tactic behind each miss, with near-misses
# in fp_probes.jsonl (indirect disclosures, grooming questions about bed, bodies and nights).
_V7: dict[str, list[str]] = {
    "concern.selfharm": [
        "(?:don't|dont|do not|can't|cant) {ww}see (?:the|any) point (?:of|in) (?:anything|living|life|trying|being alive|existing)",
        "(?:hide|hiding|cover|covering|cover up|sees|see|notice|notices|seeing) (?:the |my )?cuts(?:$|[.,!?]| on| i| lol| from)",
        "(?:hide|hiding|cover|covering|cover up) my (?:scars|burns|cuts)",
        "(?:don't|dont|do not) worry about my (?:arms|wrists|thighs|legs|scars|cuts)(?: lol| haha| lmao)? (?:it's|its|it is|they're|theyre|they are) (?:just|nothing|fine|from|the cat|an accident)",
        "how (?:many|much) (?:of (?:my|the|her|his) )?(?:pills|meds|medicine|tablets|tylenol|advil|sleeping pills) {w}(?:it )?(?:would|will|does it|it'd|to)? ?(?:take|kill)",
        "(?:took|take|taking|swallowed|swallow) (?:a bunch of|a lot of|too many|all of|a handful of|so many) {ww}(?:pills|meds|medicine|tablets|sleeping pills)",
        "(?:might|may|hope i|hopefully i|wish i could|maybe i'll|maybe ill|i'll just|ill just|just) {w}(?:not|never) wake up(?:$|[.,!?]| tomorrow| tmrw| again| ever| lol)",
        "if i (?:disappeared|died|was gone|were gone|vanished|wasn't here|wasnt here|wasn't around|wasnt around) {ww}(?:nobody|no one|noone|would anyone|anyone) {w}(?:would )?{w}(?:notice|care|miss)",
        "(?:nobody|no one|noone) would (?:even |really |actually |ever )?(?:miss|notice|care)(?:$|[.,!?]| if i| me| tbh| honestly| anyway)",
        "(?:don't|dont|do not) think (?:i'll|ill|i will|i'm gonna|im gonna) be (?:around|here|alive) (?:much longer|for much longer|anymore|for long)(?:$|[.,!?]| anyway| lol| tbh| so| and| ngl)",
        "(?:tired|sick) of (?:being alive|living|existing|being me)(?:$|[.,!?]| tbh| honestly| anymore| ngl| lol)",
    ],
    "concern.abuse": [
        "{abuser} (?:gets|get|is|goes|got) {w}(?:mad|angry|scary|violent|mean|crazy) when (?:he|she|they) (?:drinks|drink|is drunk|gets drunk|is high|gets high|uses)",
        "(?:hide|hiding|cover|covering|cover up) (?:the |my )?(?:bruises|bruise|black eye)",
        "tell (?:anyone|anybody|someone|a teacher|people|the school) about (?:the |my )?(?:bruises|bruise|black eye)",
        "if (?:i|we) (?:tell|told|say|talk to) {www}{w}(?:get|be|are|go) {w}(?:taken away|put in foster|sent to foster|in foster care|split up|taken from)",
        "(?:he|she|they|boyfriend|bf|girlfriend|gf) (?:pushes|pushed|shoves|shoved|pushing|shoving|throws|threw) (?:me|us) (?:around|down|into|against|on the)",
        "(?:jealous|angry|mad|drunk) (?:he|she|they) (?:pushes|hits|grabs|shoves|slaps|chokes|kicks|punches) (?:me|us)",
        "(?:angry|mad|drunk|high|violent) {w}(?:and|&|so) (?:i'm|im|i am) (?:so |really )?(?:scared|afraid|terrified)",
        "(?:says|said|say|tells me|told me|tell me|calls me|call me|called me) (?:that )?(?:i'm|im|i am|i was) (?:a mistake|worthless|a waste of space|a burden|a disappointment|an accident they regret)",
        "(?:told|tells|asked|asks|made|makes) me (?:not to|to not|never to|to never|promise not to) (?:tell|mention|say anything to) (?:my )?(?:parents|family|folks|anyone about (?:us|him|her|what (?:he|she|happened)))",
    ],
    "concern.exploitation": [
        "(?:show|send|post|share|leak|tell) (?:everyone|everybody|people|my (?:parents|mom|dad|friends|school)|the school|the whole school)? ?(?:the |my |our )?(?:pics|pictures|photos|nudes|videos|vids|snaps) (?:i|we) (?:sent|send)",
        "(?:do|doing|did) (?:stuff|things|favors|something|whatever he wants|what he wants|stuff he wants) (?:for|with) (?:him|this guy|a guy|some guy|that guy|this man|an older guy|his friends|them) {ww}(?:so|and|for|then|cause|bc|because) {ww}(?:gives|give|giving|buys|buy|buying|pays|pay|paying|drives|driving|gets|keeps giving) (?:me|us)",
        "(?:party|parties|partying|hotel|motel|his place|their place|hang out|hanging out|chill|chilling|drive around|go out) with {www}(?:older|grown|adult) (?:friends|guys|men|dudes|man|guy)",
        "(?:come|came|go|went|coming|going|stay|stayed|be|hang out|meet)(?: over)? (?:to |at )?(?:his|her|their) (?:place|house|apartment|apt|car|hotel|room|office) alone",
        "(?:hang out|hangout|chill|be|stay|meet|spend time) with (?:him|her|them|this guy|that guy|a guy|some guy) alone",
        "(?:says|said|told me) (?:i|that i) owe (?:him|her|them)(?:$|[.,!?]| now| big| something| a favor| so)",
        "(?:wants|asked|asking|keeps asking|told) me to (?:meet|come|go) {ww}(?:at|to) (?:a|his|their|some) (?:hotel|motel|airbnb)",
        _ADULT + " {w}(?:keeps|kept|always|has been|been) {w}(?:messaging|texting|dming|calling|snapping) me (?:at night|late|every night|after midnight|really late)",
    ],
    "concern.neglect": [
        "(?:haven't|havent|have not|didn't|didnt|not) {w}(?:eaten|ate) since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|the weekend|two days|2 days)",
        "(?:there's|theres|there is) nothing (?:to eat|in the house|at home)",
        "(?:is|are|'s) {w}(?:my|the) only (?:real |proper |actual )?(?:meal|food)(?:$|[.,!?]| i| most| every| a day| of the| some)",
        "(?:there's|theres|there is|there isn't|there isnt|isnt|isn't|wasn't|wasnt) (?:not |never )?enough(?:$|[.,!?]| food| to eat| for (?:all of us|everyone|both of us|us))",
        "hungry all the time(?:$|[.,!?]| because| bc| at home| cause| cuz| we| theres| there's)",
        "(?:pantry|food bank|food stamps|ebt) {www}{www}(?:runs|ran|run) out",
        "(?:dad|mom|father|mother|parents?|stepdad|stepmom) (?:got|is|was|went|been|getting|just got) (?:locked up|arrested|in jail|to jail|in prison|to prison|deported)",
        "(?:dads|dad's|moms|mom's|dad is|mom is|father is|mother is|parents are|fathers|father's) (?:in|back in) (?:jail|prison|rehab|juvie)",
        "(?:nobody|no one|noone) {w}(?:checks|check|knows|asks) (?:if|whether|where) (?:i'm|im|i am|i)(?:$|[.,!?]| home| even| ok| okay| alive| safe| ate| eat| slept| sleep| came)",
        "(?:said|says|told me) (?:she|he|they) (?:doesn't|doesnt|does not|don't|dont|do not) want me (?:back|home|there|anymore|around|in the house|living)",
        "{family} (?:doesn't|doesnt|does not|don't|dont|do not) want me (?:back|home|anymore|around|in the house|living)",
    ],
    "concern.homeless": [
        "kicked (?:me )?out (?:so|and|again|last|yesterday|today|because|bc|cause|cuz|lol|tbh)",
        "(?:i'm|im|i am|we're|were|we are|i've been|ive been|been) (?:sleeping|staying|living|crashing) (?:in|at|on) (?:a|the|our|my|his|her|my mom's|my moms) {w}(?:car|van|shelter|truck|park|subway)",
    ],
}
# A paraphrase check after the v7 fixes (16 new wordings, 0/16 on first run) added these.
_V7B: dict[str, list[str]] = {
    "concern.selfharm": [
        "(?:skipping|skip|skipped|not eating|stopped eating|starving myself) {w}(?:meals|food|eating|lunch|dinner)? ?on purpose",
        "deserve (?:to (?:suffer|be hurt|die|feel bad|be punished)|the pain)",
        "(?:not|never) (?:gonna|going to) (?:go through with|act on) it",
    ],
    "concern.abuse": [
        "(?:he|she|they) (?:pushes|pushed|shoves|shoved|threw|throws|slammed|slams) (?:her|him|my mom|my mother|my sister|my brother|my little) {w}(?:into|against|down) ",
        "(?:he'll|he will|she'll|she will|he'd|she'd|they'll|they will) {ww}(?:hurt|kill) (?:himself|herself|themself|themselves)",
    ],
    "concern.exploitation": [
        "(?:gives|give|giving|pays|pay|paying|buys|offers|offered) me (?:money|cash|\\$[0-9]{1,5}|stuff|gifts|vapes|weed|rides|[0-9]{1,5} ?(?:bucks|dollars)) (?:if|when) (?:i )?{w}(?:sit|come over|hang|meet|chill|stay|ride|send|sleep|keep|get in)",
    ],
    "concern.neglect": [
        "(?:don't|dont|do not|skip|skipping) (?:eat|eating|dinner|meals|lunch|breakfast) so (?:that )?my (?:little |younger )?(?:brother|sister|siblings|brothers|sisters|mom|family) (?:can|has|gets|have|can eat)",
    ],
    "concern.homeless": [
        "(?:not|aren't|arent|isn't|isnt) allowed (?:back|back home|home|to come (?:back|home)|in the house)(?:$|[.,!?]| anymore| since| after| because| bc)",
    ],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B, v7=_V7, v7b=_V7B)
