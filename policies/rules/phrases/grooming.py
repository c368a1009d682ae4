# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, grooming family: secrecy, gifts, photo requests, parents' whereabouts, flattery."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

_PICS = r"(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|nudes|video|vid|snap)"
_GIFT = (
    r"(?:gift|gifts|present|presents|phone|iphone|new phone|shoes|sneakers|jordans|clothes|jacket"
    r"|hoodie|game|video game|ps5|xbox|switch|headphones|airpods|laptop|money|cash|gift card"
    r"|something nice|something special|a surprise|surprise|treat|makeup|jewelry|necklace"
    r"|perfume|flowers|bracelet|ring|watch|tickets|concert tickets|whatever you want"
    r"|anything you want)"
)
_KEEP_FROM = (r"(?:this|that|it|our|what we|about (?:this|us|our|it|what|the)|we|{w}(?:ms|mr|mrs|miss"
              r"|coach|teachers?|parents?|mom|dad|mum|coordinator|counselor|family|folks|anyone|anybody))")

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
    "offplatform.secrecy": [
        '(?:make sure|be sure|ensure|check that) (?:nobody|no one|noone|{your} {w}(?:parents?|mom|dad|teachers?|family)|the coordinator|ms|mr|mrs) {w}(?:sees|see|reads|read|finds out about|find out about|knows about|know about|hears about|hear about) (?:this|these|that|our|it|them|the messages|the chat|what)',
        '(?:delete|erase|clear|unsend|wipe) (?:this|these|that|it|them|everything|all of this|all of it) (?:after|when|once|right after|as soon as) (?:you|u) (?:read|see|reply|answer|are done|finish|get)',
        "(?:{dont}|no need to|dont need to|don't need to|no reason to|not) (?:loop in|involve|bring in) {w}(?:ms|mr|mrs|miss|mx|dr|coach|{adults})",
        '(?:keep|keeping) (?:our|these|this|the) (?:chats?|convos?|conversations?|messages|texts|talks?|stuff|thing|plans?|calls?) (?:private|secret|quiet|between us|to ourselves|on the low|lowkey)',
        '{dont} (?:mention|tell|show|bring up|talk about|say anything about) (?:this|these|that|our|it|what|about) {ww}(?:to|with) {w}(?:ms|mr|mrs|miss|mx|dr|coach|teachers?|parents?|mom|dad|mum|coordinator|counselor|principal|anyone|anybody|family|folks|guardian|staff|the school|the program)',
        '{dont} (?:tell|mention|show|let) (?:ms|mr|mrs|miss|mx|dr|coach|prof|professor|sir|miss) ',
        '(?:{dont}|no|not) (?:have to|need to|gotta|got to|needa) (?:tell|mention|say|show|inform) (?:{your} |the |any |ms |mr |mrs |miss |coach )?{adults}',
        'no need (?:to|for) (?:tell|telling|mention|mentioning|inform|informing|let|letting) {w}{adults}',
        "(?:not|dont|don't|never) let {w}(?:ms|mr|mrs|miss|mx|dr|coach|teachers?|parents?|mom|dad|mum|coordinator|counselor|principal|anyone|anybody|family|folks|guardian|staff|the school|the program) {w}(?:see|know|read|find out|hear)",
        "{your} {w}(?:teachers?|parents?|mom|dad|family|coordinator|counselor|folks) (?:wouldn't|wouldnt|would not|won't|wont|would never|will never|never) (?:understand|get it|get this|approve)",
        'keep (?:this|it|that) (?:quiet|on the low|hush|between us)',
        "{dont} {w}(?:tell|telling|mention|say anything to|show|inform|say to|tell on) {w}{adults}",
        "{dont} (?:tell|mention|say) (?:anyone|anybody|nobody|no one|a soul)",
        "(?:keep|keeping) {ww}(?:this|it|that|these|our (?:chats?|convos?|conversations?|messages|texts)|us) {w}(?:a |our |a little |our little )?(?:secret|between us|between you and me|between you and i|to yourself|on the low|on the down low|on the dl|quiet|private|hush hush|hush|lowkey|low key|under wraps)",
        "(?:our|a little|my little|our little|our lil|a lil|my lil|lil) secret",
        "(?:it's|its|this is|that's|thats|this stays|it stays) (?:our secret|between us)",
        "(?:just |only )?between (?:{you} and me|us two|me and {you}|{you} and i|the two of us|us)",
        "(?:delete|erase|clear|remove|wipe|unsend) {ww}(?:these|this|our|the|all|your|those|my|that) {w}(?:messages|message|msgs|msg|chat|chats|conversation|conversations|texts|text|dms|history|convo|convos|pics|photos|pictures)",
        "(?:no one|nobody|noone|nobody else) (?:needs|has|have|ever needs|will|would|should) (?:to )?(?:know|find out|see|hear|ever know)",
        "{cant} (?:tell|let|say|mention) {w}(?:anyone|anybody|your|the|them|ur|a soul)",
        "{adults} (?:doesn't|doesnt|don't|dont|do not|does not|won't|wont|will never|never) (?:need to|have to|gotta|got to) (?:know|find out|see this|hear about)",
        "{adults} (?:won't|wont|will never|never|don't|dont|doesn't|doesnt) (?:ever )?(?:know|find out|see this|hear about)(?:$|[.,!?]| about (?:this|us|it|that|our)| lol| ok| if| unless| we| you| i)",
        "(?:on the dl|on the low|down low|keep it lowkey|keep it low key|hush hush)",
        "promise (?:me )?(?:you|u)? ?(?:won't|wont|will not|not to|you won't|you wont) tell",
        "(?:won't|wont|will not|never) tell (?:anyone|anybody|a soul|your|the teacher|my)",
        "(?:you|u) (?:can|could) trust me",
        "(?:hide|hiding) (?:this|it|our|these) {w}(?:from|messages|chat)",
    ],
    "offplatform.gift": [
        '(?:venmo|cashapp|cash app|zelle|paypal|apple pay) {you}',
        "(?:i'll|ill|i will|i can|i could|let me|lemme|i'd|want me to|i wanna|i want to) (?:buy|get|pay for|cover) {your} (?:lunch|dinner|food|uber|lyft|ticket|tickets|metrocard|bus fare|phone bill|shoes|clothes)",
        "(?:buy|get|send|give|bring|mail|order|got|bought|getting|buying|sending) {you} {ww}" + _GIFT,
        "(?:a|an|some|little|special|small) (?:gift|present|surprise) (?:just |only |especially )?(?:for|4) {you}",
        "(?:send|give|pay|venmo|cashapp|zelle|paypal) {you} (?:some )?(?:money|cash|\\$|bucks|dollars|[0-9]{1,5} dollars|\\$[0-9])",
        "(?:venmo|cashapp|cash app|zelle|paypal) {me} {w}(?:your|ur) (?:info|username|tag|handle|name)",
        "{whats} {your} (?:venmo|cashapp|cash app|zelle|paypal|cash tag|cashtag)",
        "(?:want|like|need|{you}) a gift ?card",
        "gift ?card (?:for|4) {you}",
        "(?:i'll|ill|i will|let me|lemme|i can) (?:pay for|cover|buy) {w}(?:it|that|your|everything|you)",
    ],
    "offplatform.photo": [
        '(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid) of (?:what|how) {youre} (?:wearing|dressed|look|looking)',
        '{send} {me} {ww}(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid) {www}{ww}of (?:you|u|yourself|urself)(?: i mean|$|[.,!?])',
        '(?:send|snap|dm|text) (?:a |some |me a |me some |me )?(?:selfie|selfies|nudes|nude)',
        "(?:send|show|post|give|share|text|dm|snap) {me} {ww}" + _PICS + " (?:of |of just |from |with |of only )?(?:{you}|yourself|urself|ur self|your self|ur face|your face|your body|ur body|your outfit|your legs|in your|in ur)",
        "{send} {me} {ww}(?:selfie|selfies|nudes|nude|sexy pic|cute pic|hot pic)",
        "(?:can|could|may|let) (?:i|me) (?:see|have|get) {ww}" + _PICS + " {ww}(?:of )?(?:{you}|yourself|urself|your face|ur face|your body)",
        "what (?:do|d) {you} (?:look|looks) like",
        "show {me} (?:what {you} look like|yourself|urself|your body|ur body|your face|ur face|you)",
        "(?:cute|hot|sexy|pretty|private|naughty|spicy) (?:pic|pics|picture|pictures|photo|photos|selfie|selfies)",
        "(?:pic|picture|photo|selfie) of (?:yourself|urself|your face|ur face|your body|ur body|you in)",
        "(?:turn|put) on {your} (?:camera|cam|webcam)",
    ],
    "offplatform.parents": [
        "(?:are|r|is|arent|aren't|isn't|isnt) {your} {family} {w}(?:home|around|there|awake|asleep|out|gone|away|working|watching|nearby|in the room|with you)",
        "(?:are|r) {you} (?:home )?(?:alone|by yourself|by urself)",
        "(?:when|what time) (?:do|does|will|d) {your} {family} {w}(?:get home|come home|get back|are back|be back|come back|leave|go to (?:bed|sleep|work)|go out|work|get off work|go to sleep)",
        "(?:is|r|are) (?:anyone|anybody|someone) (?:else )?(?:home|there|with you|around|watching)",
        "{you} (?:be |are |r |will be |gonna be )?home alone",
        "{your} {family} (?:won't|wont|don't|dont|will not|doesn't|doesnt) (?:know|find out|see|check|care)",
        "(?:do|does) {your} {family} (?:check|read|look at|see|monitor|go through|look through|snoop through|snoop on) {your} (?:phone|messages|texts|chats|dms)",
    ],
    "offplatform.personal": [
        '(?:more mature|older|smarter|prettier|cuter|different) than (?:other |most |the other )?(?:girls|boys|kids|guys|people|students|mentees) {w}(?:{your} age|at {your} school)',
        '{youre} (?:so |really |very |super )?special to me',
        '(?:more than (?:the|my|all the|any of the) other (?:mentees|students|kids|girls|boys)|not like (?:the )?other (?:girls|boys|kids))',
        '(?:so |really |very |super )?(?:grown up|grown-up|grown|mature|developed|advanced) for (?:{your} age|a [0-9]{2} year old|(?:a |an )?(?:1[0-9]|[0-9])(?: year old| yo|yo)?|someone {your} age|a kid|a teenager|a freshman|a sophomore|a junior)',
        "(?:i'm|im|i am) the only (?:one|person) (?:who|that) (?:really |truly |actually )?(?:gets|understands|cares about|knows|sees) {you}",
        '{you} (?:look|looked|looking|looks) (?:so |really |super |very |extra |kinda )?(?:cute|hot|beautiful|sexy|gorgeous|adorable|handsome|stunning)',
        "mature for {your} age",
        "{youre} {w}(?:so |really |very |super )?(?:beautiful|pretty|cute|hot|sexy|gorgeous|attractive|handsome|fine)",
        "(?:i|i'm in) love (?:you|u|with you)",
        "(?:love|miss|missed|missing) (?:you|u|ya) (?:so|too|a lot|lots|already|xo|<3|baby|babe)",
        "(?:thinking|think|dream|dreaming|dreamt) (?:about|of) (?:you|u) (?:all|every|a lot|at night|constantly|lately)",
        "(?:do|d) {you} have a (?:boyfriend|girlfriend|bf|gf|crush)",
        "{youre} (?:my|the) (?:favorite|special|only)",
        "nobody understands {you} like {i}",
        "(?:our|this) (?:relationship|connection|bond) is (?:special|different)",
        "(?:hey |hi |night |goodnight |morning )(?:babe|baby|sweetheart|sweetie|honey|beautiful|gorgeous|sexy|cutie)",
        "(?:what are|what're|wat r|what r) {you} wearing",
        "(?:kiss|hug|cuddle) {you}",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "offplatform.secrecy": [
        "(?:rather|prefer|prefer it|better|best|safer) (?:if )?{you} (?:didn't|didnt|did not|don't|dont|do not|not|wouldn't|wouldnt|never) (?:tell|mention|share|say anything about|bring up|show) " + _KEEP_FROM,
        "(?:if|when) (?:anyone|anybody|somebody|someone|{your} {w}{family}|{your} teachers?|the coordinator|people) (?:asks|ask|asked) {www}(?:we|just) {w}(?:just|only)? ?(?:talked|talking|talk|met|studied|chatted|did homework)",
        "{you} (?:don't|dont|do not) (?:need|have) to (?:run|check|clear|share|tell) (?:everything|things|this|it|stuff|that|all that) (?:by|with|past|to) {your} {w}(?:teachers?|parents?|mom|dad|family|coordinator|counselor|folks)",
        "nuestro secreto",
        "no (?:le |les )?(?:digas|cuentes|menciones) (?:nada )?(?:a|de esto|que) (?:tu|tus|nadie|hablamos)",
    ],
    "offplatform.gift": [
        "{i} {w}(?:got|bought|have|picked up|grabbed|made) {you} (?:a little |a lil |a small |a special )?something(?:$|[.,!?]| (?:special|nice|i'll|ill|when|and|lol|just|for (?:your|ur) (?:bday|birthday|graduation)))",
        "(?:venmo|cashapp|cash app|zelle|paypal|lend|spot|loan) {me} (?:like |some |a few )?(?:money|cash|\\$|bucks|[0-9]{1,4} ?(?:bucks|dollars)|\\$[0-9])",
        "(?:can|could|would) {you} (?:send|give) {me} (?:like |some )?(?:money|cash|[0-9]{1,4} ?(?:bucks|dollars)|\\$[0-9])",
    ],
    "offplatform.photo": [
        "(?:foto|fotos|selfie|selfies|selfi) (?:tuya|tuyas|de ti)",
        "(?:mandame|enviame|pasame|mandeme) (?:una |un )?(?:selfie|selfi)",
    ],
    "offplatform.parents": [
        "(?:are|r|is) {your} {family} {w}(?:strict|protective|overprotective|over protective|nosy)",
        "(?:do|does|will|would) (?:they|he|she) {w}(?:check|read|look at|go through|monitor) {your} (?:phone|messages|texts|chats|dms)",
        "(?:tus|tu) (?:papas|padres|mama|papa|jefes) (?:estan|esta) (?:en casa|ahi|contigo|despiertos)",
        "(?:talk|chat|text|message|call|dm|facetime|ft) {w}(?:late at night|late night|after midnight|at midnight|after {your} {family} (?:go|goes|goes to|go to|are|is) (?:to )?(?:bed|sleep|asleep))",
        "(?:late night|late-night|midnight) (?:chats?|talks?|convos?|calls?|texts?|facetimes?)",
    ],
    "offplatform.personal": [
        "(?:nobody|no one|noone|nobody else|no one else) (?:gets|understands|knows|cares about|sees|appreciates|listens to) {you} (?:like|the way|as well as|as much as) {i}",
        "{your} (?:friends|parents|family|mom|dad|teachers?|folks) (?:don't|dont|do not|doesn't|doesnt|never|will never|won't|wont) (?:really |actually |truly |even )?(?:get|understand|appreciate|care about|know|see) {you}",
        "{your} (?:friends|classmates) (?:sound|seem|are) (?:kinda |kind of |so |really |pretty |super )?(?:immature|childish|beneath you|holding you back|jealous of (?:you|us))",
        "{youre} {w}too (?:mature|grown|grown up|advanced|smart|old) {www}{w}(?:for|with|around) {w}(?:kids|boys|girls|guys|people|friends|classmates|teens|teenagers)",
        "(?:we|you and i|you and me|me and you) (?:have|share|got) (?:a |such a |this |something )?(?:special|unique|deep|different) (?:connection|bond|relationship|thing)",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "offplatform.secrecy": [
        "(?:better|best|safer) if {your} {w}(?:parents?|mom|dad|mum|family|folks|teachers?|coordinator|counselor) (?:doesn't|doesnt|don't|dont|didn't|didnt|never|does not|do not) (?:hear|know|find out|see)",
        "(?:{cant}|{dont}|no need to|shouldn't|shouldnt) (?:bother|involve|worry) {your} {w}(?:counselor|teachers?|parents?|mom|dad|coordinator|family|folks)",
    ],
    "offplatform.gift": ["(?:got|bought|picked up|grabbed) (?:a little |a lil |a small |a special )?something (?:for|4) {you}"],
    "offplatform.photo": ["(?:see|know|show me) what {you} (?:look|looks) like"],
    "offplatform.parents": ["(?:lmk|let me know|tell me|text me|message me|msg me|dm me) (?:when|once|if) {youre} (?:home )?(?:alone|by yourself|by urself)"],
    "offplatform.personal": ["(?:seem|look|act|sound) {w}(?:older|more mature|more grown up|grown) than (?:1[0-9]|{your} age)"],
}
# Third round, after held-out v7's first run: the tactic behind each miss, with near-misses
# in fp_probes.jsonl (indirect disclosures, grooming questions about bed, bodies and nights).
_V7: dict[str, list[str]] = {
    "offplatform.personal": [
        "(?:we|you and i|you and me|me and you|us) {w}(?:have|share|got|has) (?:a |such a |this |something )?(?:really |very |truly |such a )?(?:special|unique|deep) (?:connection|bond|relationship|thing)",
        "(?:not like|unlike|different from|different than|better than) (?:with )?(?:the |my |all my |all the |any of my |any of the )?(?:other )?mentees",
        "ever (?:kissed|made out|hooked up|had sex|slept with|been kissed|gone all the way)",
        "been with (?:someone|somebody|anyone|a guy|a girl|a man|a woman|an older) {w}(?:older|before|guy|man)",
        "{you} (?:look|looks|looked|looking) (?:so |really |very |super |way |much )?(?:grown up|grown-up|grown|mature|older|developed|like an adult|like a woman|like a man)",
        "(?:understand|get|know|care about|appreciate) {you} (?:like|the way|as well as|better than|more than) (?:i do|me|i can|they do|your parents|ur parents)",
        "{your} {family} (?:are|is|r) (?:too|way too|so|really|super) (?:strict|controlling|overprotective|protective)",
        "(?:mature|old|grown up|grown|big) enough (?:for|to handle|to do|to try) {w}(?:other things|other stuff|grown up things|adult things|adult stuff|this kind of thing|a relationship|dating|someone older|me)",
        "(?:tell|talk to|ask) me {w}(?:about|all about) {your} (?:body|bodies|body changes|puberty|period|periods)",
        "(?:what|wat|wht) (?:do|d) {you} (?:sleep|shower|bathe) in",
        "(?:do|when do|d) {you} (?:shower|bathe|take (?:a )?(?:shower|bath))",
        "(?:are|r) {you} (?:in bed|in your bed|under the covers)(?:$|[.,!?]| right now| rn| yet| now| already)",
        "(?:are|r) {you} (?:in the shower|in the bath|in your pajamas|in pjs|undressed|naked)",
        "(?:do|doing) me (?:a few |some |a couple |a couple of |a little |certain )?(?:favors|favours)",
        "if {you} {w}(?:do|did) (?:me|something for me|things for me|stuff for me|what i)",
    ],
    "offplatform.parents": [
        "(?:do|d|does|will|are|r) {you} {w}(?:stay|get left|get|be|are) {w}(?:home )?(?:alone|by yourself|by urself)(?:$|[.,!?]| after| at| on| when| much| a lot| ever)",
        "(?:^|[.!?] )(?:you|u|r u|are you|ya) (?:up|awake|still up|still awake)\\??(?:$|[.,!?])",
        "(?:can't|cant|cannot) sleep {ww}(?:wanna|want to|let's|lets|we could|can we) (?:chat|talk|text|call|facetime)",
        "(?:like|love|enjoy|miss) (?:talking|chatting|texting) (?:to|with) {you} {w}(?:at night|late|so late|late at night|when (?:it's|its|everyone's|everyones) (?:quiet|asleep))",
    ],
    "offplatform.photo": [
        "(?:send|show|post|share|snap|text|dm) {ww}" + _PICS + " of (?:your|ur) (?:outfit|body|face|legs|fit)",
        "(?:turn|put|switch|flip) {your} (?:camera|cam|webcam|video) on",
        "(?:want|wanna|need|like) to see {you}(?:$|[.,!?]| on camera| on cam| tonight| again| so bad| now| rn| right now)",
        "(?:are|r) {you} in bed {ww}(?:send|show|pic|selfie)",
    ],
}
# A paraphrase check after the v7 fixes (16 new wordings, 0/16 on first run) added these.
_V7B: dict[str, list[str]] = {
    "offplatform.personal": [
        "{youre} {w}(?:honestly |really |so |like )?(?:the )?most mature (?:person|one|girl|boy|kid|student|mentee|teen)",
        "{you} (?:would|'d|d) look (?:so |really )?(?:great|good|hot|cute|amazing|beautiful|sexy|pretty|gorgeous) in (?:that|a|your) (?:dress|bikini|swimsuit|outfit|skirt|shorts|leggings)",
    ],
    "offplatform.parents": [
        "(?:up|awake) late (?:if|whenever|when) {you} (?:ever )?(?:want|wanna|need) to (?:talk|chat|text|call)",
    ],
    "offplatform.secrecy": [
        "{dont} (?:mention|tell|say) (?:to )?{your} {family} (?:how much|how often|that|about) (?:we|us|our)",
    ],
    "offplatform.photo": [
        "(?:send|show) {me} {ww}(?:pic|picture|photo|selfie|pics|pictures|photos) (?:when|once|after|while) {you} (?:try|put|get) (?:it|them|that) on",
    ],
    "offplatform.gift": [
        "(?:put|sent|send|dropped|added|loaded) {w}(?:\\$?[0-9]{1,5}|money|cash|some money|something) (?:on|to|in|into) {your} (?:cashapp|cash app|venmo|paypal|zelle|card|account|apple pay)",
    ],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B, v7=_V7, v7b=_V7B)
