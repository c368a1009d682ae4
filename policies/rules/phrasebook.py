"""A tiny pattern language for chat phrases: macros for chat spellings, bounded gaps.

Patterns are lower-case and run on folded text. A space means one short run of
non-letters (``[^a-z0-9']{1,3}``); ``{you}``/``{your}``/``{whats}``… expand to their chat
spellings; ``{w}`` is an optional word and ``{ww}`` up to two. Everything expands to the
re2/``re`` common subset with bounded repetition only, so matching stays linear.
"""

from __future__ import annotations

import re

SP = r"[^a-z0-9'@#]{1,3}"
_WORD = r"[a-z0-9']{1,15}" + SP

MACROS = {
    "you": r"(?:you|u|ya|yu|yall|y'all|youu)",
    "your": r"(?:your|ur|yr|you're|youre|yur|yor|ya)",
    "youre": r"(?:you're|youre|you are|ur|u r|u are|you r|your|u're|ure|u)",
    "my": r"(?:my|mi|ma)",
    "me": r"(?:me|mee)",
    "i": r"(?:i|im|i'm|i'll|ill|i'd|id|i am|i will|i can)",
    "whats": r"(?:what's|whats|what is|wats|wat's|wat is|wuts|wut's|wut is|what)",
    "send": r"(?:send|give|text|dm|share|drop|tell|pass|shoot|slide|post|put)",
    "get": r"(?:get|have|grab|take|borrow)",
    "can": r"(?:can|could|may|should|would|will|shall)",
    "lets": r"(?:let's|lets|let us|we should|we could|we can|can we|could we|should we|shall we"
            r"|wanna|want to|do you want to|d'you want to|u wanna|you wanna|how about we"
            r"|why don't we|why dont we|maybe we can|maybe we could|we gotta|we need to"
            r"|i'd like to|i would like to|i want to|i wanna|i'd love to|would you like to"
            r"|would u like to|down to|you down to|u down to|tryna|trying to|we must)",
    "dont": r"(?:don't|dont|do not|dnt|don t|never)",
    "cant": r"(?:can't|cant|cannot|can not|shouldn't|shouldnt|mustn't|musnt|won't|wont)",
    "w": "(?:" + _WORD + ")?",
    "ww": "(?:" + _WORD + "){0,2}",
    "www": "(?:" + _WORD + "){0,3}",
    "platform": r"(?:instagram|insta|ig|snapchat|snap|tiktok|tik tok|whatsapp|whats app|whatsap"
                r"|telegram|signal|kik|facebook|fb|messenger|discord|twitter|threads|twitch"
                r"|steam|xbox|psn|playstation|roblox|minecraft|fortnite|venmo|cashapp|cash app"
                r"|zelle|paypal|imessage|facetime|skype|wechat|line|viber|groupme|reddit|tumblr"
                r"|bereal|be real|youtube|linkedin|vsco|pinterest|hangouts|google chat|teams"
                r"|zoom|google meet|sc|ig|tg|wa|x|gamertag|email|e-mail|gmail)",
    # platform names that are not also everyday words ("line", "signal", "teams", "threads",
    # "zoom", "steam", "snap"): the bare "name: word" shape needs one of these (not LinkedIn,
    # the program's own professional network: "For LinkedIn: clear headshot, …" is advice)
    "appname": r"(?:instagram|insta|ig|snapchat|tiktok|tik tok|whatsapp|whats app|whatsap"
               r"|telegram|kik|facebook|fb|messenger|discord|twitter|twitch|xbox|psn|playstation"
               r"|roblox|minecraft|fortnite|venmo|cashapp|cash app|imessage|facetime|skype|wechat"
               r"|viber|groupme|reddit|tumblr|bereal|youtube|vsco|pinterest|gamertag"
               r"|gmail|email|e-mail|x)",
    "social": r"(?:instagram|insta|ig|snapchat|snap|tiktok|tik tok|whatsapp|whats app|whatsap"
              r"|telegram|kik|facebook|fb|messenger|twitter|threads|twitch|xbox|psn|roblox"
              r"|venmo|cashapp|cash app|imessage|facetime|skype|wechat|viber|groupme|reddit"
              r"|tumblr|bereal|vsco|socials|social media|signal app|sc)",
    "family": r"(?:parents?|mom|mum|mother|dad|father|family|folks|guardians?|grandma|grandpa"
              r"|grandmother|grandfather|aunt|uncle|foster (?:mom|dad|parents?)|step ?(?:mom|dad))",
    "adults": r"(?:teachers?|parents?|moms?|mum|mother|dads?|father|coordinator|counselor"
              r"|principal|anyone|anybody|nobody|no one|family|friends|folks|guardian|staff"
              r"|school|program|mentor|the school|people|them|him|her|the program)",
    "abuser": r"(?:he|she|they|my (?:dad|mom|father|mother|stepdad|stepmom|step dad|step mom"
              r"|stepfather|stepmother|uncle|aunt|brother|sister|cousin|boyfriend|girlfriend"
              r"|parents?|grandpa|grandma|coach|moms boyfriend|mom's boyfriend|foster (?:mom|dad"
              r"|parents?)|neighbor|babysitter|guardian))",
}

_MACRO_RE = re.compile(r"\{([a-z]+)\}")


def expand(pattern: str) -> str:
    """Turn a phrase pattern into a regex: macros expanded, spaces made flexible."""
    pieces = []
    for part in re.split(r"(\{[a-z]+\}|\s+)", pattern):
        if not part:
            continue
        if part.isspace():
            pieces.append(SP)
        elif _MACRO_RE.fullmatch(part):
            pieces.append(MACROS[part[1:-1]])
        else:
            pieces.append(part)
    rx = "".join(pieces)
    # "a ?b" means an optional separator (not a lazy one).
    rx = rx.replace(SP + "?", "(?:" + SP + ")?")
    # A gap macro already ends with a separator: drop the separator that follows it.
    gap = "(?:" + _WORD + ")"
    for q in ("?", "{0,2}", "{0,3}"):
        rx = rx.replace(gap + q + SP, gap + q)
    # Trailing boundary: a word must end here; a pattern ending in '#' may be followed by
    # anything that is not a letter or digit.
    return r"\b" + rx + r"(?:\b|$|[^a-z0-9])"
