# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, concern family: self-harm, abuse, neglect, exploitation and homelessness disclosures."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

_ADULT = r"(?:teacher|coach|guy|man|dude|adult|mentor|older guy|counselor|pastor|neighbor|boss|manager|uncle|tutor|he|she)"

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
    "concern.selfharm": [
        '(?:want|wanna|wish i could|just want to|i just wanna) (?:to )?(?:disappear|vanish|not be here|not be alive|go to sleep forever|sleep forever)',
        '(?:jump|jumping|jumped) (?:off|from|in front of) (?:a|the|my|our) (?:bridge|roof|building|balcony|train|subway|window|car)',
        "(?:don't|dont|do not|can't|cant|cannot) see (?:the|any) point (?:in|of) (?:anything|living|life|trying|going on|it all|being here|existing)",
        "(?:took|take|taking|swallowed|swallow) (?:a bunch of|a lot of|too many|all (?:my|the|of my|of the)|a handful of|so many) (?:pills|meds|medicine|tablets|sleeping pills)",
        "jump (?:off|from) (?:a|the|my) (?:bridge|roof|building|balcony)",
        "wish i (?:wasn't|wasnt|weren't) (?:alive|born|here)",
        # "i'm cutting" alone or with the body, not "i'm cutting sugar for the season" (d8)
        "(?:started|been|keep|still|am|i'm) cutting(?: again| myself| my (?:arms?|legs?|thighs?|wrists?|skin|stomach|hips?|body)| and| but| pero| lol| tbh| ngl|[.!?,]|$)",
        "(?:i|i'm|im|i am) (?:feel )?(?:so )?(?:hopeless|worthless|empty|a burden|a waste of space)",
    ],
    "concern.abuse": [
        '{abuser} (?:gets|get|got|always gets) (?:drunk|high|mad|angry|wasted) and (?:hits|yells|throws|beats|hurts|screams|punches|slaps|breaks)',
        "{abuser} (?:hits|hit|beats|beat|beat up|hurts|hurt|punches|punched|kicks|kicked|chokes|choked|slaps|slapped|burns|burned|touches|touched|molests|molested|abuses|abused|rapes|raped|whips|whipped|threw|throws|grabs|grabbed|shoves|shoved|locks|locked|yells and hits|attacks|attacked) (?:me|my|us|on me)",
        "(?:unsafe|not safe) (?:at home|in my house|with my|around my)",
    ],
    "concern.neglect": [
        "{family} (?:works?|working) (?:nights|late|overnight|doubles|all night) (?:so|and) (?:it's|its|it is|i'm|im|i am) (?:just me|alone|by myself|home alone|on my own)",
        "(?:don't|dont|do not|never) have (?:anyone|anybody|no one|nobody|someone) (?:to talk to|to turn to|who cares|who listens)(?:$|[.!?,]| (?:at home|anymore|no more|at all|in my life|except you|but you))",
        "(?:nobody|no one|noone) {w}(?:at home )?(?:cares|care|would care|notices|would notice) (?:if|whether|when) (?:i|i'm|im) {w}(?:die|died|gone|disappear|disappeared|come home|come back|came home|alive|dead|leave|left|exist|ran away|run away|hurt)",
        "{family} (?:left|leaves|hasn't been|haven't been|hasnt been|havent been|don't come|doesn't come|dont come|doesnt come|abandoned|never comes|never come) (?:home|me|us)",
        "left (?:me |us )?(?:home )?alone for (?:days|a week|weeks|the weekend|two days|three days)",
        "(?:nobody|no one|noone|they don't|they dont) (?:takes|take|taking) care of (?:me|us)",
        "(?:hasn't|hasnt|haven't|havent|has not|have not|didn't|didnt|never) (?:come|came|been) (?:back )?home (?:in|for|since|all week|all weekend|last)",
        "{family} (?:left|leaves) (?:and|&) (?:hasn't|hasnt|haven't|havent|didn't|didnt|never)",
    ],
    "concern.exploitation": [
        '(?:older|grown|adult) (?:guy|man|boyfriend|girlfriend|woman|dude|lady) {w}(?:says|said|offered|offers|promised|promises|texts|messages|dms|sends|sent)',
        "(?:someone|a guy|a man|an adult|an older|he|she|this guy|this man|a lady) {w}(?:is )?(?:paying|pays|paid|offered|offers|offering) me (?:to|for|money)",
        "(?:sent|send|sending) (?:him|her|them|a guy|someone|this guy|a man|an adult) {w}(?:nudes|pics|pictures|photos|nude|videos)",
        "(?:made|makes|forced|forces|forcing|pressuring|pressured) me (?:to )?(?:work|sell|deliver|carry|have sex|do stuff|do things|sleep with)",
        "(?:he's|hes|he is|she's|she is|my boyfriend is|my girlfriend is) (?:2[0-9]|3[0-9]|4[0-9]|much older|way older)",
    ],
    "concern.homeless": [
        "(?:haven't|havent|have not|not|didn't|didnt) (?:slept|been sleeping|stayed|been staying) (?:at )?home (?:in|for|since)",
        "(?:at|between|on) (?:different|various|random) (?:friends'?|people's|peoples) (?:places|houses|couches|apartments)",
        "(?:kicked|threw|thrown) (?:me|us) out",
        "(?:no|nowhere|no place|noplace|nowhere else) to (?:stay|sleep|live|go) (?:tonight|anymore|now|right now)",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "concern.selfharm": [
    ],
    "concern.abuse": [
    ],
    "concern.exploitation": [
        "(?:party|parties|partying|hotel|motel|his place|their place|go out|hang out|hanging out|drive around) with (?:some |a few |these |two |a bunch of )?(?:older|grown|adult) (?:guys|men|dudes|man|guy)",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "concern.selfharm": [
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
        "(?:don't|dont|do not) worry about my (?:arms|wrists|thighs|legs|scars|cuts)(?: lol| haha| lmao)? (?:it's|its|it is|they're|theyre|they are) (?:just|nothing|fine|from|the cat|an accident)",
        "(?:took|take|taking|swallowed|swallow) (?:a bunch of|a lot of|too many|all of|a handful of|so many) {ww}(?:pills|meds|medicine|tablets|sleeping pills)",
        "(?:might|may|hope i|hopefully i|wish i could|maybe i'll|maybe ill|i'll just|ill just|just) {w}(?:not|never) wake up(?:$|[.,!?]| tomorrow| tmrw| again| ever| lol)",
    ],
    "concern.abuse": [
        "(?:he|she|they|boyfriend|bf|girlfriend|gf) (?:pushes|pushed|shoves|shoved|pushing|shoving|throws|threw) (?:me|us) (?:around|down|into|against|on the)",
        "(?:jealous|angry|mad|drunk) (?:he|she|they) (?:pushes|hits|grabs|shoves|slaps|chokes|kicks|punches) (?:me|us)",
        "(?:says|said|say|tells me|told me|tell me|calls me|call me|called me) (?:that )?(?:i'm|im|i am|i was) (?:a mistake|worthless|a waste of space|a burden|a disappointment|an accident they regret)",
    ],
    "concern.exploitation": [
        "(?:show|send|post|share|leak|tell) (?:everyone|everybody|people|my (?:parents|mom|dad|friends|school)|the school|the whole school)? ?(?:the |my |our )?(?:pics|pictures|photos|nudes|videos|vids|snaps) (?:i|we) (?:sent|send)",
        "(?:do|doing|did) (?:stuff|things|favors|something|whatever he wants|what he wants|stuff he wants) (?:for|with) (?:him|this guy|a guy|some guy|that guy|this man|an older guy|his friends|them) {ww}(?:so|and|for|then|cause|bc|because) {ww}(?:gives|give|giving|buys|buy|buying|pays|pay|paying|drives|driving|gets|keeps giving) (?:me|us)",
        "(?:party|parties|partying|hotel|motel|his place|their place|hang out|hanging out|chill|chilling|drive around|go out) with {www}(?:older|grown|adult) (?:friends|guys|men|dudes|man|guy)",
        "(?:come|came|go|went|coming|going|stay|stayed|be|hang out|meet)(?: over)? (?:to |at )?(?:his|her|their) (?:place|house|apartment|apt|car|hotel|room|office) alone",
        "(?:wants|asked|asking|keeps asking|told) me to (?:meet|come|go) {ww}(?:at|to) (?:a|his|their|some) (?:hotel|motel|airbnb)",
    ],
    "concern.neglect": [
        "(?:there's|theres|there is|there isn't|there isnt|isnt|isn't|wasn't|wasnt) (?:not |never )?enough(?:$|[.,!?]| food| to eat| for (?:all of us|everyone|both of us|us))",
        "(?:dad|mom|father|mother|parents?|stepdad|stepmom) (?:got|is|was|went|been|getting|just got) (?:locked up|arrested|in jail|to jail|in prison|to prison|deported)",
        "(?:dads|dad's|moms|mom's|dad is|mom is|father is|mother is|parents are|fathers|father's) (?:in|back in) (?:jail|prison|rehab|juvie)",
        "(?:nobody|no one|noone) {w}(?:checks|check|knows|asks) (?:if|whether|where) (?:i'm|im|i am|i)(?:$|[.,!?]| home| even| ok| okay| alive| safe| ate| eat| slept| sleep| came)",
        "(?:said|says|told me) (?:she|he|they) (?:doesn't|doesnt|does not|don't|dont|do not) want me (?:back|home|there|anymore|around|in the house|living)",
    ],
    "concern.homeless": [
    ],
}
# A paraphrase check after the v7 fixes (16 new wordings, 0/16 on first run) added these.
_V7B: dict[str, list[str]] = {
    "concern.selfharm": [
    ],
    "concern.abuse": [
        "(?:he'll|he will|she'll|she will|he'd|she'd|they'll|they will) {ww}(?:hurt|kill) (?:himself|herself|themself|themselves)",
    ],
    "concern.exploitation": [
    ],
    "concern.neglect": [
    ],
    "concern.homeless": [
    ],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B, v7=_V7, v7b=_V7B)
