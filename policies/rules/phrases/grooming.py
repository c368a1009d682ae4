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
        "(?:not|dont|don't|never) let {w}(?:ms|mr|mrs|miss|mx|dr|coach|teachers?|parents?|mom|dad|mum|coordinator|counselor|principal|anyone|anybody|family|folks|guardian|staff|the school|the program) {w}(?:see|know|read|find out|hear)",
        "{your} {w}(?:teachers?|parents?|mom|dad|family|coordinator|counselor|folks) (?:wouldn't|wouldnt|would not|won't|wont|would never|will never|never) (?:understand|get it|get this|approve)",
        "{dont} {w}(?:tell|telling|mention|say anything to|show|inform|say to|tell on) {w}{adults}",
        "{dont} (?:tell|mention|say) (?:anyone|anybody|nobody|no one|a soul)",
        "(?:keep|keeping) {ww}(?:this|it|that|these|our (?:chats?|convos?|conversations?|messages|texts)|us) {w}(?:a |our |a little |our little )?(?:secret|between us|between you and me|between you and i|to yourself|on the low|on the down low|on the dl|quiet|private|hush hush|hush|lowkey|low key|under wraps)",
        "(?:just |only )?between (?:{you} and me|us two|me and {you}|{you} and i|the two of us|us)",
        "(?:delete|erase|clear|remove|wipe|unsend) {ww}(?:these|this|our|the|all|your|those|my|that) {w}(?:messages|message|msgs|msg|chat|chats|conversation|conversations|texts|text|dms|history|convo|convos|pics|photos|pictures)",
        "{cant} (?:tell|let|say|mention) {w}(?:anyone|anybody|your|the|them|ur|a soul)",
        "{adults} (?:doesn't|doesnt|don't|dont|do not|does not|won't|wont|will never|never) (?:need to|have to|gotta|got to) (?:know|find out|see this|hear about)",
        "{adults} (?:won't|wont|will never|never|don't|dont|doesn't|doesnt) (?:ever )?(?:know|find out|see this|hear about)(?:$|[.,!?]| about (?:this|us|it|that|our)| lol| ok| if| unless| we| you| i)",
        "promise (?:me )?(?:you|u)? ?(?:won't|wont|will not|not to|you won't|you wont) tell",
        "(?:won't|wont|will not|never) tell (?:anyone|anybody|a soul|your|the teacher|my)",
        "(?:you|u) (?:can|could) trust me",
    ],
    "offplatform.gift": [
        '(?:venmo|cashapp|cash app|zelle|paypal|apple pay) {you}',
        "(?:buy|get|send|give|bring|mail|order|got|bought|getting|buying|sending) {you} {ww}" + _GIFT,
        "(?:a|an|some|little|special|small) (?:gift|present|surprise) (?:just |only |especially )?(?:for|4) {you}",
        "(?:want|like|need|{you}) a gift ?card",
        "(?:i'll|ill|i will|let me|lemme|i can) (?:pay for|cover|buy) {w}(?:it|that|your|everything|you)",
    ],
    "offplatform.photo": [
        '(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid) of (?:what|how) {youre} (?:wearing|dressed|look|looking)',
        '{send} {me} {ww}(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|video|vid) {www}{ww}of (?:you|u|yourself|urself)(?: i mean|$|[.,!?])',
        '(?:send|snap|dm|text) (?:a |some |me a |me some |me )?(?:selfie|selfies|nudes|nude)',
        "{send} {me} {ww}(?:selfie|selfies|nudes|nude|sexy pic|cute pic|hot pic)",
        "what (?:do|d) {you} (?:look|looks) like",
        "show {me} (?:what {you} look like|yourself|urself|your body|ur body|your face|ur face|you)",
        "(?:cute|hot|sexy|pretty|private|naughty|spicy) (?:pic|pics|picture|pictures|photo|photos|selfie|selfies)",
    ],
    "offplatform.parents": [
        "(?:are|r|is|arent|aren't|isn't|isnt) {your} {family} {w}(?:home|around|there|awake|asleep|out|gone|away|working|watching|nearby|in the room|with you)",
        "(?:is|r|are) (?:anyone|anybody|someone) (?:else )?(?:home|there|with you|around|watching)",
        "{your} {family} (?:won't|wont|don't|dont|will not|doesn't|doesnt) (?:know|find out|see|check|care)",
    ],
    "offplatform.personal": [
        '(?:so |really |very |super )?(?:grown up|grown-up|grown|mature|developed|advanced) for (?:{your} age|a [0-9]{2} year old|(?:a |an )?(?:1[0-9]|[0-9])(?: year old| yo|yo)?|someone {your} age|a kid|a teenager|a freshman|a sophomore|a junior)',
        "(?:thinking|think|dream|dreaming|dreamt) (?:about|of) (?:you|u) (?:all|every|a lot|at night|constantly|lately)",
        "{youre} (?:my|the) (?:favorite|special|only)",
        "(?:what are|what're|wat r|what r) {you} wearing",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "offplatform.secrecy": [
        "(?:rather|prefer|prefer it|better|best|safer) (?:if )?{you} (?:didn't|didnt|did not|don't|dont|do not|not|wouldn't|wouldnt|never) (?:tell|mention|share|say anything about|bring up|show) " + _KEEP_FROM,
        "(?:if|when) (?:anyone|anybody|somebody|someone|{your} {w}{family}|{your} teachers?|the coordinator|people) (?:asks|ask|asked) {www}(?:we|just) {w}(?:just|only)? ?(?:talked|talking|talk|met|studied|chatted|did homework)",
        "no (?:le |les )?(?:digas|cuentes|menciones) (?:nada )?(?:a|de esto|que) (?:tu|tus|nadie|hablamos)",
    ],
    "offplatform.gift": [
        "{i} {w}(?:got|bought|have|picked up|grabbed|made) {you} (?:a little |a lil |a small |a special )?something(?:$|[.,!?]| (?:special|nice|i'll|ill|when|and|lol|just|for (?:your|ur) (?:bday|birthday|graduation)))",
        "(?:venmo|cashapp|cash app|zelle|paypal|lend|spot|loan) {me} (?:like |some |a few )?(?:money|cash|\\$|bucks|[0-9]{1,4} ?(?:bucks|dollars)|\\$[0-9])",
    ],
    "offplatform.photo": [
    ],
    "offplatform.parents": [
        "(?:talk|chat|text|message|call|dm|facetime|ft) {w}(?:late at night|late night|after midnight|at midnight|after {your} {family} (?:go|goes|goes to|go to|are|is) (?:to )?(?:bed|sleep|asleep))",
    ],
    "offplatform.personal": [
        "{your} (?:friends|parents|family|mom|dad|teachers?|folks) (?:don't|dont|do not|doesn't|doesnt|never|will never|won't|wont) (?:really |actually |truly |even )?(?:get|understand|appreciate|care about|know|see) {you}",
        "{youre} {w}too (?:mature|grown|grown up|advanced|smart|old) {www}{w}(?:for|with|around) {w}(?:kids|boys|girls|guys|people|friends|classmates|teens|teenagers)",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "offplatform.secrecy": [
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
        "been with (?:someone|somebody|anyone|a guy|a girl|a man|a woman|an older) {w}(?:older|before|guy|man)",
        "{you} (?:look|looks|looked|looking) (?:so |really |very |super |way |much )?(?:grown up|grown-up|grown|mature|older|developed|like an adult|like a woman|like a man)",
        "(?:mature|old|grown up|grown|big) enough (?:for|to handle|to do|to try) {w}(?:other things|other stuff|grown up things|adult things|adult stuff|this kind of thing|a relationship|dating|someone older|me)",
        "(?:what|wat|wht) (?:do|d) {you} (?:sleep|shower|bathe) in",
        "(?:do|when do|d) {you} (?:shower|bathe|take (?:a )?(?:shower|bath))",
        "(?:are|r) {you} (?:in bed|in your bed|under the covers)(?:$|[.,!?]| right now| rn| yet| now| already)",
        "(?:do|doing) me (?:a few |some |a couple |a couple of |a little |certain )?(?:favors|favours)",
        "if {you} {w}(?:do|did) (?:me|something for me|things for me|stuff for me|what i)",
    ],
    "offplatform.parents": [
        "(?:like|love|enjoy|miss) (?:talking|chatting|texting) (?:to|with) {you} {w}(?:at night|late|so late|late at night|when (?:it's|its|everyone's|everyones) (?:quiet|asleep))",
    ],
    "offplatform.photo": [
        "(?:turn|put|switch|flip) {your} (?:camera|cam|webcam|video) on",
        "(?:want|wanna|need|like) to see {you}(?:$|[.,!?]| on camera| on cam| tonight| again| so bad| now| rn| right now)",
    ],
}
# A paraphrase check after the v7 fixes (16 new wordings, 0/16 on first run) added these.
_V7B: dict[str, list[str]] = {
    "offplatform.personal": [
    ],
    "offplatform.parents": [
    ],
    "offplatform.secrecy": [
    ],
    "offplatform.photo": [
    ],
    "offplatform.gift": [
    ],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B, v7=_V7, v7b=_V7B)
