# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules: asking for or offering contact, leaving the channel, grooming, harassment,
threats and safeguarding disclosures. Data only; ``phrasebook.expand`` makes the regexes.

Patterns look for the *act* (an invitation, a request, a disclosure), not for topic words,
so "let's meet at the career fair" or "I'll tell my teacher" pass.
"""

from __future__ import annotations

_NUM = r"(?:number|phone|phone number|cell|cell number|cellphone|cell phone|mobile|digits|#|num|numba|contact|contact info|contact information|personal number|home number)"
_EMAIL = r"(?:e-mail|email|e mail|gmail|email address|personal email|school email|yahoo|hotmail|outlook|icloud)"
_PICS = r"(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|nudes|video|vid|snap)"
_GIFT = (
    r"(?:gift|gifts|present|presents|phone|iphone|new phone|shoes|sneakers|jordans|clothes|jacket"
    r"|hoodie|game|video game|ps5|xbox|switch|headphones|airpods|laptop|money|cash|gift card"
    r"|something nice|something special|a surprise|surprise|treat|makeup|jewelry|necklace"
    r"|perfume|flowers|bracelet|ring|watch|tickets|concert tickets|whatever you want"
    r"|anything you want)"
)
_PLACES = (
    r"(?:coffee|lunch|dinner|breakfast|food|drinks|a drink|boba|a cafe|cafe|starbucks"
    r"|mcdonald's|mcdonalds|dunkin|chipotle|the mall|mall|the park|park|my place|your place"
    r"|my house|your house|my apartment|your apartment|my car|the movies|a movie|movies"
    r"|restaurant|a restaurant|diner|pizza|ice cream|somewhere|outside|after school"
    r"|this weekend|the weekend|saturday|sunday|tonight|after work|in person|irl|in real life"
    r"|alone|by ourselves|privately|my hotel|the beach|the arcade|my office after hours)"
)

# rule id -> patterns. ``ask`` rules (asking the other person) and ``share`` rules are the
# same rule id; role-aware actions live in the policy file.
RULES: dict[str, list[str]] = {
    "contact.phone": [
        "{my} (?:number|#|cell|phone|phone number|digits|contact info|socials|snap|insta|email)(?:'s| is|s) (?:in|on) {my} (?:bio|profile|page|story|linktree|account)",
        '(?:number|#|cell|digits|snap|insta|socials|contact|email|link) (?:is )?in (?:my |the )?bio',
        'same as {my} (?:number|cell|phone number|#)',
        "{whats} {your} {w}" + _NUM,
        "(?:can|could|may|should) {i} {get} {your} {w}" + _NUM,
        "(?:send|text|dm|share|post) (?:{me} )?{your} {w}" + _NUM,
        "(?:give|drop|shoot|pass|tell|put|slide) {me} {your} {w}" + _NUM,
        "(?:need|want|like) {your} {w}" + _NUM,
        "(?:here's|heres|here is|this is) {my} {w}(?:number|cell|phone number|digits|#|num)",
        "(?:text|call|txt|ring|reach|contact) {me} (?:at|on) (?:my )?(?:number|cell|phone|this number|[0-9])",
        "(?:do|does|can) {you} (?:have|got) (?:a )?(?:phone|cell|cell phone|number) (?:i|number)",
        "(?:give|send) {you} {my} (?:number|digits|cell|phone number|#)",
        "(?:exchange|swap|trade) (?:numbers|digits|phone numbers|contacts|contact info)",
        "(?:best|good|easiest|right|what) (?:number|phone|cell|phone number|way) (?:to|i can|i could) (?:reach|contact|call|text|get|use for) {you}",
    ],
    "contact.email": [
        "{whats} {your} {w}" + _EMAIL,
        "(?:can|could|may) {i} {get} {your} {w}" + _EMAIL,
        "{send} {me} {your} {w}" + _EMAIL,
        "{my} {w}" + _EMAIL + " (?:is|:|=|address is|its|it's)",
        "(?:email|e-mail|mail) {me} (?:at|on|to)",
        "(?:give|send) {you} {my} (?:email|e-mail|gmail)",
        "(?:exchange|swap|trade) emails",
    ],
    "contact.social": [
        '(?:drop|send|share|give|post|dm|text) {your} (?:@|handle|username|user name|socials|snap|snapchat|insta|ig|sc|tiktok|discord|telegram|whatsapp|kik)',
        "(?:i'm|im|i am) (?:also |active )?on (?:{social}|signal|discord|telegram)(?: too(?:$|[.,!?])| as| if| so (?:u|you)| btw|[.,!?]|$)",
        'on {social} as @?[a-z0-9_.]{3,40}',
        "(?:add|follow|friend|dm|pm|message|msg|ping|hmu|hit {me} up|text|find|search|look {me} up"
        "|look up|chat with {me}|talk to {me}|sub to|subscribe to|reach {me}|catch {me}"
        "|contact {me}|snap|call {me}|add me|follow me|find me) {ww}(?:on|at|in|thru|through|via) {platform}",
        "{my} {platform} (?:is|:|=|@|handle|username|user name|user|name|id|tag|account|acc|@"
        "|profile|page|its|it's)",
        "{whats} {your} (?:{social}|discord|insta|@|handle|username|user name|gamertag|tag|socials"
        "|social media|discord username|discord tag|discord name|snap name|snapchat name)",
        "(?:do|does|r|are|you) {you} (?:have|on|use|got|have a) (?:an? )?{social}",
        "(?:you|u) (?:have|got|on) {social}",
        "(?:snap|snapchat|insta|kik|whatsapp|telegram|ig|wechat|viber) {me}",
        "{send} {me} {your} (?:{social}|discord|handle|username|socials|@)",
        "(?:send|sent|accept) {w}(?:a |my |the )?friend request",
        "(?:my|your|ur) socials",
        "(?:search|look) (?:for )?{me} up",
        "{platform} (?:is )?@[a-z0-9_.]{2,30}",
        "@[a-z0-9_.]{2,30} (?:on|at) {platform}",
        "{platform}: [a-z0-9_.]{3,30}",
        "[a-z0-9_.]{2,32}#[0-9]{4}",
    ],
    "contact.address": [
        '(?:which|what) (?:part|area|side|street|block|building|neighborhood|avenue|apartment) (?:of )?{ww}(?:do|d) {you} (?:live|stay)',
        '{i} (?:live|stay|lives) (?:on|at|off|near|by|right by|right off|on the corner of|around) (?:the corner of )?(?:[a-z]{1,12} )?[0-9]{1,3}(?:st|nd|rd|th) (?:and|&|n|street|st|ave|avenue)',
        "{my} (?:house|home|apartment|apt|place|address|building) (?:is|is at|is on) (?:at |on )?[0-9]{1,6}[a-z]? {ww}{w}(?:ave|avenue|st|street|rd|road|blvd|boulevard|pl|place|concourse|pkwy|parkway|dr|drive|ln|lane|ct|court|ter|terrace|way|broadway|plaza|hwy|highway|sq|square|houses|towers|apts|apartments|heights|walk|loop|circle|cir|expy|expressway)",
        "{i} (?:live|stay) (?:at|on) [0-9]{1,6}[a-z]? {ww}{w}(?:ave|avenue|st|street|rd|road|blvd|boulevard|pl|place|concourse|pkwy|parkway|dr|drive|ln|lane|ct|court|ter|terrace|way|broadway|plaza|hwy|highway|sq|square|houses|towers|apts|apartments|heights|walk|loop|circle|cir|expy|expressway)",
        "{whats} {your} {w}(?:address|home address|street|addy|addr|zip code|zip|apartment number|apt number)",
        "where {w}(?:do|d|does) {you} {w}(?:live|stay|reside)",
        "where (?:is|'s) {your} (?:house|home|apartment|place|crib)",
        "what (?:street|building|block|neighborhood|apartment|floor) (?:do|d) {you} (?:live|stay)",
        "{send} {me} {your} {w}(?:address|location|addy|home address|location pin)",
        "(?:share|send|drop) {your} (?:live )?location",
        "{my} (?:home |house |street |)(?:address|addy) (?:is|:|=)",
        "{i} (?:live|stay|reside) (?:at|on) (?:[0-9]{1,6} )?{ww}(?:street|st|avenue|ave|road|rd"
        "|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|way|parkway|pkwy|apartment|apt"
        "|building|houses|projects)",
        "{i} (?:live|stay) (?:at|in) (?:apartment|apt|unit|building) [0-9a-z]{1,5}",
        "(?:my|our) (?:apartment|apt|house|building|unit|door) (?:number|#|no) (?:is )?[0-9]{1,5}[a-z]?",
        "(?:my|our) (?:apartment|apt|unit) (?:is )?(?:number |# ?)?[0-9]{1,4}[a-z]?(?:$|[.,!?)]| on the| in the)",
    ],
    "offplatform.meet": [
        "{lets} {ww}(?:meet up|meetup|hang out|hangout|hang|link up|link|get together|kick it"
        "|chill|see each other|meet in person|meet irl|meet face to face|go out)",
        "{lets} {ww}(?:meet|grab|get|go|go to|go for|have|catch up) {ww}(?:at |for |to |in |on |after )?{w}" + _PLACES,
        "(?:meet|see) {you} (?:at|in|by|outside|after|before) {ww}(?:my|your|the mall|the park|starbucks"
        "|mcdonalds|mcdonald's|the station|the train|a cafe|the corner|my car|the movies|school gate"
        "|back entrance|parking lot)",
        "(?:take|bring) {you} (?:out )?(?:to|for) {w}" + _PLACES,
        "(?:take|bring) {you} out",
        "(?:when|where) (?:can|could|should|do) (?:we|i) meet",
        "(?:meet|meeting) (?:me|up) (?:after|outside|alone|privately|in private|without)",
        "(?:want|wanna|like) to (?:meet|see) {you} (?:in person|irl|alone|outside|privately|sometime)",
        "(?:come|go) (?:out|somewhere) with me",
        "(?:my|a) (?:treat|date)",
        "(?:on a|go on a|like a) date",
        "meet (?:up )?(?:this|next) (?:weekend|saturday|sunday)",
        "(?:hang|hangout|hang out) (?:sometime|after school|this weekend|outside|one on one|alone)",
    ],
    "offplatform.ride": [
        "(?:pick|picking) {you} up",
        "(?:give|giving|offer) {you} (?:a )?(?:ride|lift)",
        "(?:i|i'll|ill|i can|i could|let me|lemme|i will|i'd|i would) {w}(?:drive|take|bring|drop|uber|carpool) {you} (?:home|there|to|back|off)",
        "(?:need|want) (?:a )?(?:ride|lift) (?:home|from me|somewhere|after)",
        "(?:d|do|does) {you} {w}(?:need|want) (?:a )?(?:ride|lift)",
        "(?:get|hop|come) in (?:my|the) car",
        "drop {you} off",
        "(?:can|could|would|will) {you} {w}(?:give {me} a (?:ride|lift)|drive {me}|pick {me} up|take {me} (?:home|there|back))",
        "(?:uber|lyft|cab) (?:for )?{you}",
        "(?:i'll|ill|i will|i can) (?:pay for|send) {your} (?:uber|lyft|cab|taxi|ride)",
    ],
    "offplatform.home": [
        '(?:you|u) (?:can|could|should|wanna|want to) (?:come|stop|swing|drop) (?:by|over|through)',
        '{my} (?:apartment|apt|place|house|home|crib) (?:is )?(?:right |just |really )?(?:by|near|close to|around the corner from|next to|down the street from) {your}',
        "(?:come|stop|swing|drop) (?:over|by|to|round|around) {ww}(?:my|your|ur) (?:house|place|apartment|apt|home|crib|room|office after)",
        "(?:come|coming) over (?:to|tonight|later|after|this|sometime)",
        "(?:you|u) (?:can|could|should) come over",
        "(?:visit|see|come to|came to|coming to|go to|went to|over to|stop by|swing by|drop by) {ww}(?:your|ur) (?:house|place|apartment|apt|home|crib|room)",
        "(?:visit|come to|over to) {my} (?:house|place|apartment|apt|home|crib)",
        "(?:at|to) my (?:house|place|apartment|apt|crib) (?:after|this|on|tonight|sometime|later|alone)",
        "(?:sleep|stay) over",
        "sleepover (?:at|with) (?:me|my place|my house|my apartment|my apt|mine)",
        "(?:have|do|host|want|wanna) (?:a )?sleepover(?:$|[.,!?]| with me| at my| this| tonight| sometime)",
        "(?:i|i'll|ill|i can|let me) (?:come|stop|swing) (?:by|over|to) {w}(?:your|ur|yours)",
    ],
    "offplatform.private": [
        '(?:give|gimme|shoot|send|drop|hit) {me} (?:a|an|a quick) (?:call|ring|text|buzz|txt|facetime|ft)',
        '(?:call|ring|text|txt|facetime|ft) {your} (?:cell|phone|number|house|home|mobile)',
        "(?:can we|could we|should we|we should|wanna|want to|let's|lets|you wanna|u wanna|down to) (?:hop|get|jump) on (?:a |the )?{w}(?:call|phone call|facetime|ft|vc|video call|voice call|video chat)",
        '{lets} (?:ft|vc|voice chat|voice call)',
        '(?:ft|vc) (?:me|tonight|rn|tmrw|sometime)',
        "(?:can|could|may|should|let me|lemme|i'll|ill|i will|i wanna|i want to|i'd like to|i can) {w}(?:call|phone|facetime|ring|text|txt|email|e-mail) {you}",
        "(?:call|facetime|ring|text|txt) {me} (?:tonight|later|tomorrow|after|when|anytime|sometime|this|if|whenever|back|asap|now|privately|on|at|instead|please|pls|plz|rn|real quick)",
        "(?:text|txt) {me}",
        "(?:give|gimme) {me} a (?:call|ring|text|buzz)",
        "(?:give|send) {you} a (?:call|ring|text)",
        "{lets} {w}(?:facetime|video chat|video call|videochat|videocall|call|phone|skype|zoom|talk on the phone|talk on phone|talk privately|talk in private|talk alone|chat privately|dm|pm|text|message privately|talk one on one|talk 1 on 1|talk offline)",
        "(?:private|personal|secret|one on one|1 on 1|1:1) (?:call|video call|video chat|facetime|zoom|meeting|chat|conversation|session|dm|message|messages|room|server|channel|group chat|gc)",
        "(?:dm|pm|inbox|message) {me}",
        "(?:dm|pm|message|inbox) {you}",
        "(?:slide|slid|sliding|slidin) (?:in|into) (?:{my}|{your}|the|ya) (?:dms|dm|inbox|messages)",
        "in (?:the|my|your|ur) (?:dms|dm|inbox|private messages)",
        "(?:talk|chat|speak|message) (?:privately|in private|alone|just us|just the two of us|off the record|one on one)",
        "(?:on|over) the phone (?:tonight|later|sometime|with me)",
        "(?:my|your) (?:private|personal|secret) (?:account|server|chat|channel|number|email|phone)",
        "facetime me",
        "(?:video ?chat|video ?call) (?:me|with me|tonight|later|sometime)",
    ],
    "offplatform.move": [
        '(?:somewhere|someplace|some place|anywhere) (?:more )?(?:private|alone)',
        '(?:continue|move|take|switch|talk|chat|keep talking|keep chatting) (?:this |it |our chat |our convo |the conversation )?(?:over|via|by|through|on) (?:text|texts|sms|imessage|the phone|phone|dms|dm|my phone|your phone)',
        '(?:move|take|switch|continue|bring|carry) (?:this|it|our|the) {w}(?:chat|convo|conversation|talk|discussion) (?:to|over to|off|offline|somewhere|elsewhere|outside|private|someplace)',
        "(?:move|switch|go|continue|take|talk|chat|speak|message|keep talking|move this|take this|move our"
        " (?:chat|convo|conversation)|take our (?:chat|convo|conversation)) {ww}(?:to|on|over to|onto|over on|in|via|through|thru) {platform}",
        "(?:move|take|switch|continue) (?:this|our chat|our convo|our conversation|the conversation|it) (?:off|offline|somewhere|elsewhere|outside|private|to text|to dms|to dm|to my dms|to your dms|to email|to my phone|to the phone)",
        "(?:off|outside|out of|off of|outside of) (?:this|the|here|our) ?(?:chat|app|channel|server|platform|program|bot|site|group)",
        "(?:somewhere|someplace|place) (?:else|more private|private|where) (?:to talk|we can talk|to chat|they can't|nobody|no one|the teacher|the coordinator)",
        "(?:easier|better|faster|more private) (?:to talk |to chat |if we talk |if we chat )?(?:on|over|through|thru|via) {platform}",
        "(?:talk|chat|message|text) (?:somewhere else|elsewhere|outside of here|off here|off this|offline)",
        "without the (?:bot|coordinator|teacher|program) (?:seeing|watching|reading|knowing)",
        "(?:where|so|somewhere|someplace|place) (?:the )?(?:teacher|teachers|coordinator|coordinators|they|nobody|no one|the bot|the school|your parents) (?:can't|cant|cannot|won't|wont|can not) (?:see|read|watch|know)",
        "(?:not|no) (?:on|in) (?:this|here) (?:chat|app|channel|server)",
    ],
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
    "language.profanity": [
        "(?:was|is|so|that's|thats|total|pure|such|straight|complete) bs(?:$|[.!?,)]| (?:lol|lmao|tbh|fr|ngl|smh|honestly|bro|man|dude|and|but)\\b)",
    ],
    "language.harassment": [
        '(?:nobody|no one|noone) (?:even|actually|really|ever) (?:likes|cares about|wants|loves) {you}',
        "(?:that's|thats|that is|what a|such a|ur|your|you ask) (?:a |the )?(?:stupid|dumb|idiotic|moronic) (?:question|idea|answer|thing to say)",
        "{your} (?:mom|mother|mama|momma|sister|dad) (?:is|'s|s) (?:a |an |such a )?(?:hoe|h0e|whore|slut|bitch|skank|thot)",
        "{youre} {w}(?:a |an |so |such a |such an |the |really |totally |just |a total |a complete )?(?:stupid|dumb|idiot|idiotic|moron|loser|ugly|worthless|useless|pathetic|retard|retarded|trash|garbage|disgusting|annoying|weirdo|freak|clown|jerk|dummy|failure|joke|waste of space|waste of time|dumbass|fool|creep|creepy|gross|nobody|pig|brainless|clueless|incompetent|disappointment|lame|psycho|scum|a nobody|dense|slow|fat|fatass|bitch|whore|slut|skank|idiots|morons|losers)",
        "(?:shut up|shut your mouth|shut ur mouth|stfu|shut it|zip it|get lost|go away loser)",
        "(?:nobody|no one|noone) (?:likes|cares about|wants|loves|will ever like|will ever love) {you}",
        "(?:you|u|your work|ur work|your ideas|your resume|your project) (?:suck|sucks|is trash|is garbage|is a joke)",
        "(?:you'll|youll|you will|u will|u'll) never (?:amount to|be anything|make it|be good|succeed)",
        "(?:kill yourself|kill urself|kys|go die|die in a (?:hole|fire)|drop dead|nobody would miss you)",
        "(?:i|we) (?:hate|despise|can't stand|cant stand) {you}",
        "(?:what an|such an|you) (?:idiot|moron|loser|imbecile|dumbass)",
        "(?:are|r) {you} (?:stupid|dumb|an idiot|slow|retarded|deaf|blind)",
        "(?:stupid|dumb|ugly|fat|lazy|useless) (?:kid|girl|boy|student|idiot|loser|child|brat|cow|pig)",
        "(?:go back to|get out of) (?:your|ur) country",
        "(?:no wonder|that's why) (?:you|u) (?:fail|failed|have no friends|are alone)",
    ],
    "language.threat": [
        "(?:i|i'll|ill|i will|i'm gonna|im gonna|imma|ima|i'ma|gonna|i'm going to|im going to) {w}(?:kill|hurt|beat up|punch|stab|smack|slap|jump|murder|strangle|choke|fight) (?:him|her|them|that kid|this kid|that guy|that girl|my teacher|that teacher|everyone)",
        "(?:i'll|ill|i will|i'm gonna|im gonna|imma|ima|i'ma|gonna|i'm going to|im going to) (?:bring|pull out|pull) (?:a|my|the|his|my dad's) (?:gun|knife|blade|weapon|strap|box cutter)",
        "(?:i|i'll|ill|i will|i am going to|i'm going to|im going to|i'm gonna|im gonna|i gonna|we'll|we will|gonna|imma|ima|i'ma) {w}(?:kill|hurt|beat|beat up|punch|shoot|stab|smack|slap|jump|murder|strangle|choke|end|destroy|break|fight|find|get|come for|come after|hunt) {you}",
        "(?:you're|youre|you are|ur|u r|you'll be|you will be) (?:dead|so dead|gonna die|going to die|gonna regret|going to regret|gonna pay|going to pay|done for|finished)",
        "watch (?:your|ur) back",
        "i know where (?:you|u) (?:live|go to school|stay|sleep)",
        "(?:beat|kick|whoop|whup) (?:your|ur) (?:ass|butt|face|head)",
        "(?:you'll|youll|you will|u will) regret",
        "i'll make (?:you|u) (?:pay|regret|sorry|suffer)",
        "(?:bring|brought|bringing) (?:a )?(?:gun|knife|weapon|bomb) (?:to|into) (?:school|class|the building|the office)",
        "(?:shoot|shooting|blow|blowing) up (?:the|this|my|our) (?:school|class|building|office|place)",
        "(?:break|broke|breaking) (?:your|ur) (?:legs|neck|face|arm|jaw)",
    ],
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
_APPS = (r"(?:whatsapp|whats app|telegram|signal|snap|snapchat|insta|instagram|ig|discord|kik"
         r"|facetime|imessage|skype|messenger|wechat|viber|google chat|hangouts|text|texts|dms)")
_KEEP_FROM = (r"(?:this|that|it|our|what we|about (?:this|us|our|it|what|the)|we|{w}(?:ms|mr|mrs|miss"
              r"|coach|teachers?|parents?|mom|dad|mum|coordinator|counselor|family|folks|anyone|anybody))")
_V6: dict[str, list[str]] = {
    "contact.phone": [
        "{my} (?:number|cell|phone|cell number|phone number|#|digits) (?:ends|starts|begins) (?:in|with)",
    ],
    "contact.social": [
        "cual es tu (?:{social}|discord|cel|celular|telefono|numero de (?:cel|celular|telefono)|correo|usuario|@)",
        "{i} {w}(?:drop|send|post|put|share|leave) {w}{my} (?:{social}|discord|tiktok|handle|@|username|user name)",
    ],
    "offplatform.private": [
        "(?:how about|what about|how bout|up for|down for|free for|time for) (?:a |an )?(?:quick |short |little |private )?(?:phone call|facetime|ft|video call|video chat|vc|skype call)",
        "(?:hop|jump|get) on (?:{social}|discord|skype) {w}(?:vc|call|voice|voice chat|video)",
        "(?:{social}|discord|skype) (?:vc|voice call|video call|video chat|call)",
        "(?:reach out|talk|reach|contact|write|get in touch|message) (?:to |with )?{you} directly",
        "te (?:llamo|llamare|marco|hablo|escribo) (?:por (?:telefono|whatsapp|cel)|al cel|a tu|mas tarde|esta noche|luego)",
        "(?:llamame|marcame|escribeme|hablame) (?:al|a mi|por|esta noche|mas tarde)",
    ],
    "offplatform.move": [
        "{lets} {w}(?:use|try|switch to|download|get on|go on|move to|talk on|chat on) " + _APPS,
        "(?:pasemos|hablemos|sigamos|vamos|cambiemos) (?:a|por|en) (?:whatsapp|telegram|snap|insta|instagram|discord|signal|mensajes|texto)",
        "no need to (?:go through|use|post|talk|chat) (?:here|this|on here|in here|the app|the chat|the channel|the coordinator|the program)",
        "instead of (?:posting|putting|sharing|sending|talking|chatting|messaging|typing) {w}(?:here|in here|on here|in the chat|in this chat|in the channel|on this app|through the app)",
    ],
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
    "language.harassment": [
        "(?:eres|sos|estas) (?:un |una |bien |muy )?(?:pendejo|pendeja|idiota|estupido|estupida|tonto|tonta|imbecil|baboso|babosa|cabron|cabrona|puta|perra|mierda)",
    ],
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
    "contact.social": ["(?:i'm|im|i am) on {social} {w}(?:more|more often) than (?:here|this|on here|in here|this app|the app)"],
    "offplatform.private": ["(?:hop|jump|get) on (?:a )?(?:quick )?(?:facetime|ft)"],
    "offplatform.move": ["(?:talk|chat|message|text) {ww}(?:somewhere else|elsewhere)"],
    "offplatform.secrecy": [
        "(?:better|best|safer) if {your} {w}(?:parents?|mom|dad|mum|family|folks|teachers?|coordinator|counselor) (?:doesn't|doesnt|don't|dont|didn't|didnt|never|does not|do not) (?:hear|know|find out|see)",
        "(?:{cant}|{dont}|no need to|shouldn't|shouldnt) (?:bother|involve|worry) {your} {w}(?:counselor|teachers?|parents?|mom|dad|coordinator|family|folks)",
    ],
    "offplatform.gift": ["(?:got|bought|picked up|grabbed) (?:a little |a lil |a small |a special )?something (?:for|4) {you}"],
    "offplatform.photo": ["(?:see|know|show me) what {you} (?:look|looks) like"],
    "offplatform.parents": ["(?:lmk|let me know|tell me|text me|message me|msg me|dm me) (?:when|once|if) {youre} (?:home )?(?:alone|by yourself|by urself)"],
    "offplatform.personal": ["(?:seem|look|act|sound) {w}(?:older|more mature|more grown up|grown) than (?:1[0-9]|{your} age)"],
    "concern.selfharm": [
        "(?:feel|feeling|felt) like (?:disappearing|giving up on life|ending it|not existing)",
        "(?:so )?done with (?:life|living|being alive)",
    ],
    "concern.homeless": ["(?:kick|throw) me out if"],
}
# Third round, after held-out v7's first run: the tactic behind each miss, with near-misses
# in fp_probes.jsonl (indirect disclosures, grooming questions about bed, bodies and nights).
_ADULT = r"(?:teacher|coach|guy|man|dude|adult|mentor|older guy|counselor|pastor|neighbor|boss|manager|uncle|tutor|he|she)"
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
    "offplatform.home": [
        "(?:session|meet|meeting|meetup|hang out|hang|lesson|tutoring) {w}(?:at|in) {your} (?:place|house|apartment|apt|home|room|bedroom)",
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
    "offplatform.meet": [
        "(?:grab|get|have|eat) (?:something|a bite|food|a snack) {ww}(?:just us|just the two of us|alone)",
        "(?:swing|stop|come) by after (?:practice|school|work|class) {ww}(?:and|to) (?:we|grab|get|hang|talk)",
    ],
    "offplatform.photo": [
        "(?:send|show) {me} {ww}(?:pic|picture|photo|selfie|pics|pictures|photos) (?:when|once|after|while) {you} (?:try|put|get) (?:it|them|that) on",
    ],
    "offplatform.gift": [
        "(?:put|sent|send|dropped|added|loaded) {w}(?:\\$?[0-9]{1,5}|money|cash|some money|something) (?:on|to|in|into) {your} (?:cashapp|cash app|venmo|paypal|zelle|card|account|apple pay)",
    ],
}
for _rid, _pats in _V7B.items():
    _V7[_rid] = _V7.get(_rid, []) + _pats
for _rid, _pats in _V7.items():
    _V6[_rid] = _V6.get(_rid, []) + _pats
for _rid, _pats in _V6B.items():
    _V6[_rid] = _V6.get(_rid, []) + _pats
for _rid, _pats in _V6.items():
    RULES[_rid] = RULES[_rid] + _pats

# Words that make an invitation an approved program activity (post-filter for meet/move).
APPROVED = (
    r"\b(?:career fair|job fair|job shadow|job shadowing|job-shadow|shadow day|site visit"
    r"|workplace visit|company visit|office visit|field trip|info session|information session"
    r"|mentoring session|mentor session|mentoring event|workshop|orientation|graduation"
    r"|open house|showcase|hackathon|presentation|conference|expo|symposium|panel"
    r"|ptech event|p-tech event|program event|school event|the event|internship fair"
    r"|on here|in here|this channel|in the channel|in this chat|on this chat|here in the chat"
    r"|with (?:your|the|our) (?:class|teacher|coordinator|group|cohort|classmates)"
    r"|(?:the|our) (?:next|regular|weekly) (?:session|check-in|check in|chat)"
    r"|(?:during|after) (?:the )?(?:session|class|program hours)|mock interview|supervised"
    r"|(?:move|moving|switch|reschedule) (?:our|the|this) (?:chat|call|session|check-in|check in|meeting) to (?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|next week|tomorrow|another day|a different day|the afternoon|the morning|after school|[0-9])"
    r"|(?:i mean|jk|just kidding|actually) (?:just )?(?:post|put|paste|type|drop|share) (?:it|that|them|this"
    r"|the answer|your answer|it all) (?:here|in here|in the chat|in this chat|in the channel))\b"
)
# Words that undo an approval ("at the career fair, then just us after").
PRIVATE = (
    r"\b(?:just us|just the two of us|alone|by ourselves|after(?:wards)?|later that night"
    r"|my car|my place|my house|your house|don't tell|dont tell|secret|privately|in private"
    r"|outside (?:of )?(?:this|the|here)|out of (?:this|the|here)|off (?:of )?(?:this|here)|instead of)\b"
)
