# ruff: noqa: E501  (pattern data: one phrase family per line reads better than wrapped)
"""Phrase rules, contact family: asking for or sharing a phone number, e-mail, handle or address."""

from __future__ import annotations

from policies.rules.phrases.rounds import merge_rounds

_NUM = r"(?:number|phone|phone number|cell|cell number|cellphone|cell phone|mobile|digits|#|num|numba|contact|contact info|contact information|personal number|home number)"
_EMAIL = r"(?:e-mail|email|e mail|gmail|email address|personal email|school email|yahoo|hotmail|outlook|icloud)"

# Base patterns (before the review rounds below): rule id -> patterns.
_BASE: dict[str, list[str]] = {
    "contact.phone": [
        "{my} (?:number|#|cell|phone|phone number|digits|contact info|socials|snap|insta|email)(?:'s| is|s) (?:in|on) {my} (?:bio|profile|page|story|linktree|account)",
        'same as {my} (?:number|cell|phone number|#)',
        "{whats} {your} {w}" + _NUM,
        "(?:can|could|may|should) {i} {get} {your} {w}" + _NUM,
        "(?:need|want|like) {your} {w}" + _NUM,
        "(?:text|call|txt|ring|reach|contact) {me} (?:at|on) (?:my )?(?:number|cell|phone|this number|[0-9])",
        "(?:exchange|swap|trade) (?:numbers|digits|phone numbers|contacts|contact info)",
        "(?:best|good|easiest|right|what) (?:number|phone|cell|phone number|way) (?:to|i can|i could) (?:reach|contact|call|text|get|use for) {you}",
    ],
    "contact.email": [
        "{whats} {your} {w}" + _EMAIL,
        "(?:can|could|may) {i} {get} {your} {w}" + _EMAIL,
        "{send} {me} {your} {w}" + _EMAIL,
        "{my} {w}" + _EMAIL + " (?:is|:|=|address is|its|it's)",
        "(?:email|e-mail|mail) {me} (?:at|on|to)",
    ],
    "contact.social": [
        '(?:drop|send|share|give|post|dm|text) {your} (?:@|handle|username|user name|socials|snap|snapchat|insta|ig|sc|tiktok|discord|telegram|whatsapp|kik)',
        "(?:i'm|im|i am) (?:also |active )?on (?:{social}|signal|discord|telegram)(?: too(?:$|[.,!?])| as| if| so (?:u|you)| btw|[.,!?]|$)",
        "(?:add|follow|friend (?:me|you|u|req|request)|dm|pm|message|msg|ping|hmu|hit {me} up|text|find|search|look {me} up"
        "|look up|chat with {me}|talk to {me}|sub to|subscribe to|reach {me}|catch {me}"
        "|contact {me}|snap|call {me}|add me|follow me|find me) {ww}(?:on|at|in|thru|through|via) {platform}",
        "{my} {platform} (?:is|:|=|@|handle|username|user name|user|name|id|tag|account|acc|@"
        "|profile|page|its|it's)",
        "{whats} {your} (?:{social}|discord|insta|@|handle|username|user name|gamertag|tag|socials"
        "|social media|discord username|discord tag|discord name|snap name|snapchat name)",
        "(?:do|does|r|are|you) {you} (?:have|on|use|got|have a) (?:an? )?{social}",
        "(?:you|u) (?:have|got|on) {social}",
        "{send} {me} {your} (?:{social}|discord|handle|username|socials|@)",
        "(?:send|sent|accept) {w}(?:a |my |the )?friend request",
        "(?:search|look) (?:for )?{me} up",
        "{platform} (?:is )?@[a-z0-9_.]{2,30}",
        "{appname}: [a-z0-9_.]{3,30}",
        "[a-z0-9_.]{2,32}#[0-9]{4}",
    ],
    "contact.address": [
        '(?:which|what) (?:part|area|side|street|block|building|neighborhood|avenue|apartment) (?:of )?{ww}(?:do|d) {you} (?:live|stay)',
        "{i} (?:live|stay) (?:at|on) [0-9]{1,6}[a-z]? {ww}{w}(?:ave|avenue|st|street|rd|road|blvd|boulevard|pl|place|concourse|pkwy|parkway|dr|drive|ln|lane|ct|court|ter|terrace|way|broadway|plaza|hwy|highway|sq|square|houses|towers|apts|apartments|heights|walk|loop|circle|cir|expy|expressway)",
        "{whats} {your} {w}(?:address|home address|street|addy|addr|zip code|zip|apartment number|apt number)",
        "where {w}(?:do|d|does) {you} {w}(?:live|stay|reside)",
        "{i} (?:live|stay|reside) (?:at|on) (?:[0-9]{1,6} )?{ww}(?:street|st|avenue|ave|road|rd"
        "|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|way|parkway|pkwy|apartment|apt"
        "|building|houses|projects)",
    ],
}
# Added after held-out v6: tactics the first run missed (each has look-alikes in fp_probes).
_V6: dict[str, list[str]] = {
    "contact.phone": [
        "{my} (?:number|cell|phone|cell number|phone number|#|digits) (?:ends|starts|begins) (?:in|with)",
    ],
    "contact.social": [
        "cual es tu (?:{social}|discord|cel|celular|telefono|numero de (?:cel|celular|telefono)|correo|usuario|@)",
        "{i} {w}(?:drop|send|post|put|share|leave) {w}{my} (?:{social}|discord|tiktok|handle|@|username|user name)",
    ],
}
# Second round, from paraphrases of the v6 tactics (not held-out: written after the rules were read).
_V6B: dict[str, list[str]] = {
    "contact.social": ["(?:i'm|im|i am) on {social} {w}(?:more|more often) than (?:here|this|on here|in here|this app|the app)"],
}

RULES = merge_rounds(_BASE, v6=_V6, v6b=_V6B)
