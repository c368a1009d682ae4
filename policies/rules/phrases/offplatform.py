# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, off-platform family: meeting up, rides, visits, private calls, moving the chat."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

_PLACES = (
    r"(?:coffee|lunch|dinner|breakfast|food|drinks|a drink|boba|a cafe|cafe|starbucks"
    r"|mcdonald's|mcdonalds|dunkin|chipotle|the mall|mall|the park|park|my place|your place"
    r"|my house|your house|my apartment|your apartment|my car|the movies|a movie|movies"
    r"|restaurant|a restaurant|diner|pizza|ice cream|somewhere|outside|after school"
    r"|this weekend|the weekend|saturday|sunday|tonight|after work|in person|irl|in real life"
    r"|alone|by ourselves|privately|my hotel|the beach|the arcade|my office after hours)"
)
_APPS = (r"(?:whatsapp|whats app|telegram|signal|snap|snapchat|insta|instagram|ig|discord|kik"
         r"|facetime|imessage|skype|messenger|wechat|viber|google chat|hangouts|text|texts|dms)")

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
    "offplatform.meet": [
        "{lets} {ww}(?:meet up|meetup|hang out|hangout|hang|link up|link|get together|kick it"
        "|chill|see each other|meet in person|meet irl|meet face to face|go out)",
        "{lets} {ww}(?:meet|grab|get|go|go to|go for|have|catch up) {ww}(?:at |for |to |in |on |after )?{w}" + _PLACES,
        "(?:meet|see) {you} (?:at|in|by|outside|after|before) {ww}(?:my|your|the mall|the park|starbucks"
        "|mcdonalds|mcdonald's|the station|the train|a cafe|the corner|my car|the movies|school gate"
        "|back entrance|parking lot)",
        "(?:take|bring) {you} (?:out )?(?:to|for) {w}" + _PLACES,
        "(?:take|bring) {you} out",
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
    ],
    "offplatform.home": [
        '(?:you|u) (?:can|could|should|wanna|want to) (?:come|stop|swing|drop) (?:by|over|through)',
        '{my} (?:apartment|apt|place|house|home|crib) (?:is )?(?:right |just |really )?(?:by|near|close to|around the corner from|next to|down the street from) {your}',
        "(?:come|stop|swing|drop) (?:over|by|to|round|around) {ww}(?:my|your|ur) (?:house|place|apartment|apt|home|crib|room|office after)",
        "(?:come|coming) over (?:to|tonight|later|after|this|sometime)",
        "(?:you|u) (?:can|could|should) come over",
        "(?:visit|see|come to|came to|coming to|go to|went to|over to|stop by|swing by|drop by) {ww}(?:your|ur) (?:house|place|apartment|apt|home|crib|room)",
        "(?:visit|come to|over to) {my} (?:house|place|apartment|apt|home|crib)",
        "sleepover (?:at|with) (?:me|my place|my house|my apartment|my apt|mine)",
        "(?:i|i'll|ill|i can|let me) (?:come|stop|swing) (?:by|over|to) {w}(?:your|ur|yours)",
    ],
    "offplatform.private": [
        '(?:give|gimme|shoot|send|drop|hit) {me} (?:a|an|a quick) (?:call|ring|text|buzz|txt|facetime|ft)',
        '(?:call|ring|text|txt|facetime|ft) {your} (?:cell|phone|number|house|home|mobile)',
        "(?:can|could|may|should|let me|lemme|i'll|ill|i will|i wanna|i want to|i'd like to|i can) {w}(?:call|phone|facetime|ring|text|txt|email|e-mail) {you}",
        "(?:call|facetime|ring|text|txt) {me} (?:tonight|later|tomorrow|after|when|anytime|sometime|this|if|whenever|back|asap|now|privately|on|at|instead|please|pls|plz|rn|real quick)",
        "(?:text|txt) {me}",
        "(?:give|send) {you} a (?:call|ring|text)",
        "{lets} {w}(?:facetime|video chat|video call|videochat|videocall|call|phone|skype|zoom|talk on the phone|talk on phone|talk privately|talk in private|talk alone|chat privately|dm|pm|text|message privately|talk one on one|talk 1 on 1|talk offline)",
        "(?:private|personal|secret|one on one|1 on 1|1:1) (?:call|video call|video chat|facetime|zoom|meeting|chat|conversation|session|dm|message|messages|room|server|channel|group chat|gc)",
        "(?:dm|pm|inbox|message) {me}",
        "(?:dm|pm|message|inbox) {you}",
        "(?:slide|slid|sliding|slidin) (?:in|into) (?:{my}|{your}|the|ya) (?:dms|dm|inbox|messages)",
        "(?:on|over) the phone (?:tonight|later|sometime|with me)",
        "(?:my|your) (?:private|personal|secret) (?:account|server|chat|channel|number|email|phone)",
        "facetime me",
        "(?:video ?chat|video ?call) (?:me|with me|tonight|later|sometime)",
    ],
    "offplatform.move": [
        '(?:continue|move|take|switch|talk|chat|keep talking|keep chatting) (?:this |it |our chat |our convo |the conversation )?(?:over|via|by|through|on) (?:text|texts|sms|imessage|the phone|phone|dms|dm|my phone|your phone)',
        '(?:move|take|switch|continue|bring|carry) (?:this|it|our|the) {w}(?:chat|convo|conversation|talk|discussion) (?:to|over to|off|offline|somewhere|elsewhere|outside|private|someplace)',
        "(?:move|switch|go|continue|take|talk|chat|speak|message|keep talking|move this|take this|move our"
        " (?:chat|convo|conversation)|take our (?:chat|convo|conversation)) {ww}(?:to|on|over to|onto|over on|in|via|through|thru) {platform}",
        "(?:move|take|switch|continue) (?:this|our chat|our convo|our conversation|the conversation|it) (?:off|offline|somewhere|elsewhere|outside|private|to text|to dms|to dm|to my dms|to your dms|to email|to my phone|to the phone)",
        "(?:off|outside|out of|off of|outside of) (?:this|the|here|our) ?(?:chat|app|channel|server|platform|program|bot|site|group)",
        "without the (?:bot|coordinator|teacher|program) (?:seeing|watching|reading|knowing)",
        "(?:where|so|somewhere|someplace|place) (?:the )?(?:teacher|teachers|coordinator|coordinators|they|nobody|no one|the bot|the school|your parents) (?:can't|cant|cannot|won't|wont|can not) (?:see|read|watch|know)",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "offplatform.private": [
        "(?:how about|what about|how bout|up for|down for|free for|time for) (?:a |an )?(?:quick |short |little |private )?(?:phone call|facetime|ft|video call|video chat|vc|skype call)",
        "(?:hop|jump|get) on (?:{social}|discord|skype) {w}(?:vc|call|voice|voice chat|video)",
        "(?:{social}|discord|skype) (?:vc|voice call|video call|video chat|call)",
        "(?:reach out|talk|reach|contact|write|get in touch|message) (?:to |with )?{you} directly",
        "(?:llamame|marcame|escribeme|hablame|llamenme|marquenme|escribanme|hablenme|contactenme) (?:al|a mi"
        "|por|esta noche|mas tarde)",
    ],
    "offplatform.move": [
        "{lets} {w}(?:use|try|switch to|download|get on|go on|move to|talk on|chat on) " + _APPS,
        "no need to (?:go through|use|post|talk|chat) (?:here|this|on here|in here|the app|the chat|the channel|the coordinator|the program)",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "offplatform.private": ["(?:hop|jump|get) on (?:a )?(?:quick )?(?:facetime|ft)"],
    "offplatform.move": ["(?:talk|chat|message|text) {ww}(?:somewhere else|elsewhere)"],
}
# Third round, after held-out v7's first run: the tactic behind each miss, with near-misses
# in fp_probes.jsonl (indirect disclosures, grooming questions about bed, bodies and nights).
_V7: dict[str, list[str]] = {
    "offplatform.home": [
    ],
}
# A paraphrase check after the v7 fixes (16 new wordings, 0/16 on first run) added these.
_V7B: dict[str, list[str]] = {
    "offplatform.meet": [
    ],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B, v7=_V7, v7b=_V7B)

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
