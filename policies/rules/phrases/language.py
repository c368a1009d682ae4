# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, language family: profanity phrases, harassment and threats."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
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
        "(?:you'll|youll|you will|u will|u'll) never (?:amount to|be anything|make it|be good|succeed)",
        "(?:i|we) (?:hate|despise|can't stand|cant stand) {you}",
        "(?:what an|such an|you) (?:idiot|moron|loser|imbecile|dumbass)",
        "(?:are|r) {you} (?:stupid|dumb|an idiot|slow|retarded|deaf|blind)",
        "(?:stupid|dumb|ugly|fat|lazy|useless) (?:kid|girl|boy|student|idiot|loser|child|brat|cow|pig)",
    ],
    "language.threat": [
        "(?:i|i'll|ill|i will|i'm gonna|im gonna|imma|ima|i'ma|gonna|i'm going to|im going to) {w}(?:kill|hurt|beat up|punch|stab|smack|slap|jump|murder|strangle|choke|fight) (?:him|her|them|that kid|this kid|that guy|that girl|my teacher|that teacher|everyone)",
        "(?:i'll|ill|i will|i'm gonna|im gonna|imma|ima|i'ma|gonna|i'm going to|im going to) (?:bring|pull out|pull) (?:a|my|the|his|my dad's) (?:gun|knife|blade|weapon|strap|box cutter)",
        "(?:i|i'll|ill|i will|i am going to|i'm going to|im going to|i'm gonna|im gonna|i gonna|we'll|we will|gonna|imma|ima|i'ma) {w}(?:kill|hurt|beat|beat up|punch|shoot|stab|smack|slap|jump|murder|strangle|choke|end|destroy|break|fight|find|get|come for|come after|hunt) {you}",
        "(?:you're|youre|you are|ur|u r|you'll be|you will be) (?:dead|so dead|gonna die|going to die|gonna regret|going to regret|gonna pay|going to pay|done for|finished)",
        "watch (?:your|ur) back",
        "(?:shoot|shooting|blow|blowing) up (?:the|this|my|our) (?:school|class|building|office|place)",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "language.harassment": [
    ],
}

RULES = merge_rounds(_BASE, v6=_V6)
