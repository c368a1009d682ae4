"""Contact details in the text itself: phone numbers, e-mail addresses, street addresses.

The phone finder is a hand-written linear scan over digit groups (digits, spelled-out digits,
letter O for zero) so that separators, spacing and word-splitting cannot hide a number and no
regex can be made to backtrack. E-mail and address patterns use bounded repetition only.
"""

from __future__ import annotations

import re

from policies.normalize import ascii_words
from policies.regex import compile_pattern

# Digits spelled out, in English and Spanish (folded: "dieciséis" is "dieciseis").
_DIGIT_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "niner": "9",
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
    "siete": "7", "ocho": "8", "nueve": "9",
}
# Two-digit words: teens are a whole group, tens take a unit after them ("twenty two",
# "cuarenta y cinco", "seventy2").
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "diez": "10", "once": "11", "doce": "12", "trece": "13", "catorce": "14", "quince": "15",
    "dieciseis": "16", "diecisiete": "17", "dieciocho": "18", "diecinueve": "19",
    "veintiuno": "21", "veintidos": "22", "veintitres": "23", "veinticuatro": "24",
    "veinticinco": "25", "veintiseis": "26", "veintisiete": "27", "veintiocho": "28",
    "veintinueve": "29",
}
_TENS = {
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "veinte": "20", "treinta": "30",
    "cuarenta": "40", "cincuenta": "50", "sesenta": "60", "setenta": "70", "ochenta": "80",
    "noventa": "90",
}
_MULT = {"double": 2, "triple": 3, "doble": 2}  # "triple five" is 555
_OIL = str.maketrans("oil", "011")
_WORDNUM = {
    **_DIGIT_WORDS, **_TEENS, **_TENS,
    "oh": "0", "o": "0", "for": "4", "to": "2", "too": "2", "won": "1", "ate": "8",
    "l": "1", "i": "1",
}
_WEAK = {"o", "oh", "for", "to", "too", "won", "ate", "l", "i"}  # count only next to other digits
_SEP_WORDS = {"dash", "dot", "then", "space", "hyphen", "and", "guion", "punto", "luego"}
_SEP_CHARS = set("()+.-,_*|[]~=#/")
_TOKEN = re.compile(r"[0-9]+|[a-z]+|[^a-z0-9 ]")
_NUMWORD_ALT = "(?:" + "|".join(sorted({*_DIGIT_WORDS, *_TEENS, *_TENS}, key=len, reverse=True)) + ")"
# A number word standing alone or glued to digits ("9one7"), not inside a longer word.
_NUMWORDS = re.compile(r"(?<![a-z])" + _NUMWORD_ALT + r"(?![a-z])")
_MASK_DIGITS = str.maketrans("0123456789", "dddddddddd")
# A lone decimal number ("3.5", "142.50", "3.14159"): one dot, not part of a dotted chain such
# as "646.555.2231" or "192.168.1.24". "555.1234" keeps its phone shape and is not a decimal.
_DECIMAL = re.compile(r"(?<![0-9.])([0-9]{1,6})\.([0-9]{1,6})(?![0-9]|\.[0-9])")
# Where a multi-digit group may start and end inside a 10-digit number (3-3-4, 3-3-2-2).
_BOUNDS = frozenset((0, 3, 6, 8, 10))


def _blank_decimals(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if len(m.group(1)) == 3 and len(m.group(2)) in (3, 4):
            return m.group()
        return " " * len(m.group())
    return _DECIMAL.sub(repl, text)


def _grouping_ok(groups: list[int]) -> bool:
    """Written groups fall on a phone number's own boundaries (single digits go anywhere).

    "917 555 0192", "9175550192", "9 1 7 5 5 5..." pass; "255.255.255.0" (an IP address),
    "978-0-13-468599-1" (an ISBN) and "12 34 56 7890" do not.
    """
    n = sum(groups)
    lead = 1 if n == 11 else 0
    pos = 0
    for g in groups:
        if g > 1 and not (pos - lead in _BOUNDS and pos + g - lead in _BOUNDS):
            return False
        pos += g
    return True


def _phone_ok(digits: str, groups: list[int], plus: bool, thousands: bool) -> bool:
    """Does a run of digit groups look like a phone number rather than a date, price or score?"""
    n = len(digits)
    if thousands:
        return False
    if plus:
        return 8 <= n <= 15
    if n == 10:
        return digits[0] not in "01" or groups[0] == 1
    if n == 11:
        return digits[0] == "1"
    if n == 7:
        return groups in ([3, 4], [3, 2, 2]) and digits[0] not in "01"
    return False


# A cluster: digit groups (or digit words) with at most 12 characters between neighbours. The
# gap is lazy, so the nearest next group is taken, exactly like a left-to-right scan.
# (Python ``re`` on purpose: re2's Python wrapper costs a few µs per match object, and this
# pattern is bounded, so ``re`` stays linear.)
_NUMWORD_ITEM = r"(?<![a-z])" + _NUMWORD_ALT + r"(?![a-z])"
_CLUSTER = re.compile(
    r"(?:[0-9]+|" + _NUMWORD_ITEM + r")(?:[^0-9]{0,12}?(?:[0-9]+|" + _NUMWORD_ITEM + r"))*"
)


_WORD_ITEM = (r"(?<![a-z])(?:" + "|".join(sorted(set(_WORDNUM) | _SEP_WORDS | set(_MULT) | {"y"},
                                                  key=len, reverse=True))
              + r")(?![a-z])")
# A stretch that could hold one run of the scanner: it starts and ends with a real digit (or a
# digit word, or a letter O/l/I glued to a digit) and has only digits, digit words, separator
# words and separator characters in between. Clusters without such a stretch of 7+ possible
# digits cannot hold a phone number and skip the (slower) token scan.
_STRONG_ITEM = _NUMWORD_ITEM
_RUN = re.compile(
    r"(?:(?:(?<![a-z])[oil])*[0-9]+|" + _STRONG_ITEM + r")"
    r"(?:(?:[0-9]+|" + _WORD_ITEM + r"|(?<![a-z])[oil]{2,4}(?![a-z])|[()+.\-,_*|\[\]~=#/ ])*"
    r"(?:[0-9]+(?:[oil]+(?![a-z]))?|" + _STRONG_ITEM + r"))?"
)
_LETTERS = re.compile(r"[a-z]+")


def _may_hold_phone(chunk: str) -> bool:
    for m in _RUN.finditer(chunk):
        run = m.group()
        n = _digits(run)
        if n >= 7 or (n + len(_LETTERS.findall(run)) >= 7 and not run.isdigit()):
            return True
    return False

_CLUSTER_DIGITS = re.compile(r"[0-9]+(?:[^0-9]{0,12}[0-9]+)*")  # the same, when no digit words
_HAS_NUMWORD = compile_pattern(r"(?:^|[^a-z])" + _NUMWORD_ALT + r"(?:[^a-z]|$)")

# One re2 pass that every phone number must pass: 7+ digit-like items (digits one by one,
# digit words, separator words) with only separators between them, starting and ending with a
# real digit or digit word (or a letter O/l/I glued on). A superset of what the scanner
# accepts, so messages without such a stretch skip all the per-cluster work.
_STRONG_ALT = r"(?:[0-9]|" + _NUMWORD_ALT[3:]
_ITEM_ALT = (r"(?:[0-9]|[oil]{2,4}|" + "|".join(sorted(set(_WORDNUM) | _SEP_WORDS | set(_MULT) | {"y"},
                                            key=len, reverse=True))
             + ")")
_SEP_ALT = r"[()+.\-,_*|\[\]~=# ]"  # no "/": dates ("10/14/2026") are common, slashed numbers
# are let through by their own exact shape below
PHONE_GATE = (
    r"(?:[oil]" + _STRONG_ALT + r"(?:" + _SEP_ALT + "*" + _ITEM_ALT + r"){4,}|" + _STRONG_ALT
    + r"(?:" + _SEP_ALT + "*" + _ITEM_ALT + r"){5,})(?:" + _SEP_ALT + "*" + _STRONG_ALT + r"|[oil])"
    r"|[0-9]{3} ?/ ?[0-9]{3} ?/ ?[0-9]{4}"
)
_PHONE_LIKE = compile_pattern(PHONE_GATE)


def _digits(text: str) -> int:
    return sum(map(text.count, "0123456789"))


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers in folded text, however they are spelled or split.

    Only clusters of digits (or digit words) close together are scanned, so ordinary words in
    a long message cost nothing; finding the clusters is one regex pass.
    """
    if not _PHONE_LIKE.test(text):
        return []
    digit_count = _digits(text)
    words = _HAS_NUMWORD.test(text)
    if digit_count < 7 and (not words or digit_count + len(_NUMWORDS.findall(text)) < 7):
        return []
    spans: list[tuple[int, int]] = []
    for m in (_CLUSTER if words else _CLUSTER_DIGITS).finditer(text):
        chunk = m.group()
        count = _digits(chunk)
        if count < 7 and not chunk.isdigit():
            count += len(_NUMWORDS.findall(chunk))
        if count >= 7 and (len(chunk) > 300 or _may_hold_phone(chunk)):
            spans += _scan(text, m.start(), m.end())
            if len(spans) >= 50:
                break
    return [(a, b) for a, b in spans if not _TOLL_FREE.fullmatch(re.sub(r"[^0-9]", "", text[a:b]))]


# Toll-free numbers dialled with the leading 1 ("1-800-433-3243") are how businesses and public
# help lines print theirs; a person giving a number gives it without ("my cell 866-646-2841").
_TOLL_FREE = re.compile(r"18(?:00|33|44|55|66|77|88)[0-9]{7}")


# A token with the spaces before it; a number also takes up to three separator characters
# right after it (what the scanner would accept one by one anyway).
_SCAN_TOKEN = re.compile(
    r"( *)(?:([0-9]+)((?: *[()+.\-,_*|\[\]~=#/]){0,3})|([a-z]+)|([^a-z0-9 ]))"
)
_CARRY = 24  # digit items kept when a very long run is cut, so no number straddles the cut unseen


def _scan(full: str, a: int, b: int) -> list[tuple[int, int]]:
    """Scan one cluster (with a little context for '+1 (' or a trailing letter O)."""
    off = max(0, a - 4)
    text = full[off:b + 8]
    if "." in text:
        text = _blank_decimals(text)
    spans: list[tuple[int, int]] = []
    cur: list[tuple[int, int, str, str]] = []  # the run's digit items: (start, end, digits, kind)
    kinds: set[str] = set()  # separators seen in the run ("plus" for a leading "+")
    plus_at = -1  # where a leading "+" starts the run
    seps = 0
    mult = 1  # "double"/"triple" before the next digit
    wordnum, weak, sep_chars, sep_words = _WORDNUM, _WEAK, _SEP_CHARS, _SEP_WORDS
    n, pos, done = len(text), 0, False
    while pos < n and not done:
        end = min(n, pos + 2048)  # tokenised block by block so an early stop skips the rest
        while end < n and text[end - 1].isalnum() and text[end].isalnum():
            end += 1  # never cut inside a word or number
        p = pos
        for gap, digits, after, word, other in _SCAN_TOKEN.findall(text, pos, end):
            start = p + len(gap)
            if digits:  # a number and the separators right after it, in one step
                p = start + len(digits) + len(after)
                d_end = start + len(digits)
                if mult > 1 and len(digits) == 1:
                    digits, mult = digits * mult, 1
                cur.append((start, d_end, digits, "num"))
                if after:
                    kinds.update(after.replace(" ", ""))
                    seps = len(after.replace(" ", ""))
                else:
                    seps = 0
                if len(cur) >= 160:  # far longer than any number: check it, keep its tail
                    spans.extend(_phones_in_run(cur, kinds, plus_at))
                    if len(spans) >= 50:
                        done = True
                        break
                    cur, plus_at = cur[-_CARRY:], -1
                continue
            tok = word or other
            p = start + len(tok)
            if (val := wordnum.get(tok)) is not None:
                kind = "weak" if tok in weak else ("tens" if tok in _TENS else "word")
                if mult > 1 and len(val) == 1:
                    val, kind, mult = val * mult, "word", 1
                cur.append((start, p, val, kind))
                seps = 0
                if len(cur) >= 160:
                    spans.extend(_phones_in_run(cur, kinds, plus_at))
                    if len(spans) >= 50:
                        done = True
                        break
                    cur, plus_at = cur[-_CARRY:], -1
                continue
            if len(tok) > 1 and not tok.strip("oil") and (  # "6oo" is 600: O/l/I glued to digits
                    (cur and cur[-1][1] == start) or (p < n and text[p].isdigit())):
                cur.append((start, p, tok.translate(_OIL), "num"))
                seps = 0
                continue
            if tok in _MULT and seps < 3:
                mult = _MULT[tok]
                seps += 1
                continue
            if tok == "y" and cur and cur[-1][3] == "tens":  # "cuarenta y cinco"
                continue
            if (tok in sep_chars or tok in sep_words) and seps < 3:
                if cur or plus_at >= 0:
                    kinds.add(tok)
                elif tok == "+":
                    plus_at = start
                    kinds.add("plus")
                seps += 1
                continue
            if cur:  # anything else ends the run
                spans.extend(_phones_in_run(cur, kinds, plus_at))
                if len(spans) >= 50:  # enough to decide; keeps pathological input cheap
                    done = True
                    break
            cur, kinds, plus_at, seps, mult = [], set(), -1, 0, 1
        pos = end
    if cur and not done:
        spans.extend(_phones_in_run(cur, kinds, plus_at))
    return [(s + off, e + off) for s, e in spans]


def _glued(items: list[tuple[int, int, str, str]], i: int) -> bool:
    """A letter O/l/I written inside a number ("823O"), touching the digits next to it."""
    if len(items[i][2]) != 1 or items[i][1] - items[i][0] != 1:
        return False
    return (i > 0 and items[i - 1][1] == items[i][0]) or (
        i + 1 < len(items) and items[i + 1][0] == items[i][1])


def _written(items: list[tuple[int, int, str, str]]) -> list[int]:
    """Digit counts of the groups as written: touching items ("823" + "O") are one group."""
    out: list[int] = []
    prev_end = -1
    for s, e, val, _kind in items:
        if s == prev_end and out:
            out[-1] += len(val)
        else:
            out.append(len(val))
        prev_end = e
    return out


def _merge_tens(run: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A tens word and the unit right after it are one two-digit group ("twenty two" is 22,
    "seventy2" is 72); a tens word alone is its two digits ("ochenta" is 80)."""
    out: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(run):
        s, e, val, kind = run[i]
        if kind == "tens" and i + 1 < len(run):
            s2, e2, val2, kind2 = run[i + 1]
            if len(val2) == 1 and val2 != "0" and kind2 != "tens" and s2 - e <= 3:
                out.append((s, e2, val[0] + val2, "word"))
                i += 2
                continue
        out.append((s, e, val, "word" if kind == "tens" else kind))
        i += 1
    return out


def _phones_in_run(run: list[tuple[int, int, str, str]], seps: set[str],
                   plus_at: int) -> list[tuple[int, int]]:
    plus = plus_at >= 0
    items = _merge_tens(run)
    # Weak words ("to", "for", "o") count only between or next to real digits.
    while items and items[0][3] == "weak" and not _glued(items, 0):
        items.pop(0)
    while items and items[-1][3] == "weak" and not _glued(items, len(items) - 1):
        items.pop()
    if not items:
        return []
    groups = [len(t[2]) for t in items]
    thousands = seps <= {","} and len(groups) > 1 and all(g == 3 for g in groups[1:])
    loose = "and" in seps and groups not in ([3, 3, 4], [1, 3, 3, 4])
    digits = "".join(t[2] for t in items)
    if (not loose and _phone_ok(digits, groups, plus, thousands)
            and (plus or _grouping_ok(_written(items)))):
        return [(plus_at if plus else items[0][0], items[-1][1])]
    out: list[tuple[int, int]] = []
    if len(digits) > 11:  # several numbers in a row: look for 10/11-digit windows
        i, count = 0, len(items)
        while i < count:
            total = 0
            for j in range(i, min(count, i + 12)):
                total += groups[j]
                if total >= 10:  # only a window of exactly 10 or 11 digits can be a number
                    if total <= 11:
                        acc = "".join(t[2] for t in items[i:j + 1])
                        if (_phone_ok(acc, groups[i:j + 1], False, False)
                                and _grouping_ok(_written(items[i:j + 1]))):
                            out.append((items[i][0], items[j][1]))
                            i = j
                    break
            i += 1
            if len(out) >= 50:
                break
    return out


_TLD = (r"(?:c[o0]m|n[e3]t|[o0]rg|[e3]du|g[o0]v|i[o0]|c[o0]|us|me|inf[o0]|biz|ai|app|ca|uk|de|fr"
        r"|in|mail|xyz|dev|live|es|mx|do|pr)")
# Mail providers, also with digits for letters ("gmai1", "yah00") and spaced ("g mail").
_PROVIDER = (r"(?:g ?m ?a ?[i1l] ?[l1]|yah[o0][o0]|y ?a ?h ?o ?o|h[o0]tmai[l1]|[o0]ut[l1][o0][o0]k"
             r"|ic[l1][o0]ud|a[o0][l1]|pr[o0]t[o0]nmai[l1]|pr[o0]t[o0]n|live|msn|ymail)")
# "@" spelled out: at, [at], (at), {at}, arroba (Spanish), (a).
_AT = (r"(?:\(at\)|\[at\]|\{at\}|<at>| at |-at-|_at_|[ ,]*\barroba\b[ ,]*|\(arroba\)"
       r"|\[arroba\]|\(a\))")
_DOT = (r"(?:\(dot\)|\[dot\]|\{dot\}|<dot>| dot |\.|-dot-|_dot_| punto |\(punto\)|\[punto\]"
        r"|\(\.\)|\[\.\])")
_DOT_SPELLED = _DOT.replace(r"|\.|", "|")
_MAIL_TLD = r"(?:c[o0]m|n[e3]t|[o0]rg|[e3]du|g[o0]v)"
_EMAIL_PATTERNS = [
    # plain, with optional single spaces around @ and dots
    r"[a-z0-9][a-z0-9._%+-]{0,63} ?@ ?[a-z0-9][a-z0-9-]{0,62}(?: ?\. ?[a-z0-9-]{1,63}){0,3}"
    r" ?\. ?[a-z]{2,10}",
    # obfuscated: name at gmail dot com, name [at] gmail [dot] com, nombre arroba gmail punto com
    # (a bare "." with a space beside it may end a sentence: "they are good at it. Do not…",
    # "meet me at school. in the morning" — then only a mail TLD that is not a word counts)
    r"[a-z0-9][a-z0-9._%+-]{0,63} ?" + _AT + r" ?[a-z0-9-]{1,63}(?: ?" + _DOT_SPELLED + r" ?" + _TLD
    + r"|\." + _TLD + r"| ?\. ?" + _MAIL_TLD + r")\b",
    # provider named without the dot: name@gmail, name (at) yahoo, nombre arroba gmail
    r"[a-z0-9][a-z0-9._%+-]{0,63} ?(?:@|\(at\)|\[at\]|\{at\}|<at>|[ ,]*\barroba\b[ ,]*"
    r"|\(arroba\)|\(a\)) ?" + _PROVIDER + r"\b",
    # a handle-shaped name (digit, "_" or ".") before "at"/"a" and a provider: jo_22 at gmail
    r"[a-z0-9._%+-]{0,40}[0-9_.][a-z0-9._%+-]{0,40} (?:at|a) " + _PROVIDER + r"\b",
    # a name spelled with dots: angie dot m dot 2009 at gmail
    r"[a-z0-9]{1,30}(?: (?:dot|punto) [a-z0-9]{1,30}){1,4} ?(?:@| at |" + _AT[3:] + r" ?"
    + _PROVIDER + r"\b",
    # spaced out: j s m i t h @ g m a i l . c o m, d a n i e l a at icloud
    r"\b(?:[a-z0-9._-] ){3,63}@ ?(?:[a-z0-9-] ?){1,63}\. ?(?:[a-z] ?){1,9}[a-z]",
    r"\b(?:[a-z0-9._-] ){3,63}(?:at|arroba|\(a\)|\(at\)) ?" + _PROVIDER + r"\b",
]
# "The FAFSA is at studentaid.gov", "apply online at nyc.gov": a site is somewhere, and a verb or
# a place word is nobody's mailbox name.
_SITE_AT = re.compile(r"(?:is|are|was|were|be|been|it'?s|its|that'?s|found|located|online|site|website"
                      r"|page|go|here|there|it|this|that|apply|register|info|more|details|live|up|it all"
                      r"|everything|esta|est[aá]n?|aqu[ií]|all)\s+(?:at|\[at\]|\(at\))\s")
_EMAIL_HINTS = ("@", " at", "[at", "(at", "{at", "<at", "arroba", "(a)", "gma", "yah", "hotm",
                "outl", "iclo", "proton")

_SUFFIX_CAP = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter"
    "|Way|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Alley|Square|Sq|Trail|Crescent|Loop|Plaza|Path"
    "|Pike|Row|Turnpike|Expressway|Freeway|Heights|Hollow|Junction|Knoll|Landing|Manor|Meadow"
    "|Mews|Orchard|Oval|Pass|Point|Ridge|Run|Shore|Spring|Springs|Station|Summit|Valley|Via"
    "|Viaduct|View|Village|Vista|Walk|Crossing|Creek|Grove|Garden|Gardens|Glen|Harbor|Haven"
    "|Hill|Hills|Island|Isle|Lake|Lakes|Mill|Mills|Mount|Park|Port|Prairie|Ranch|Rapids"
    "|Stream|Branch|Bridge|Brook|Brooks|Burg|Bypass|Camp|Canyon|Cape|Causeway|Center|Cliff"
    "|Club|Common|Corner|Course|Cove|Crest|Curve|Dale|Dam|Divide|Estate|Estates|Extension"
    "|Falls|Ferry|Field|Fields|Flat|Flats|Ford|Forest|Forge|Fork|Fort|Gateway|Green|Harbor"
    "|Inlet|Key|Land|Light|Lock|Lodge|Mall|Mission|Motorway|Mountain|Neck|Overpass|Passage"
    "|Pine|Pines|Plain|Plains|Radial|Ramp|Rest|Route|Rue|Shoal|Skyway|Spur|Stravenue|Throughway"
    "|Trace|Track|Trafficway|Tunnel|Underpass|Union|Ville|Wall|Well|Wells|Fall"
)
_ADDRESS_CASED = (
    r"\b[0-9]{1,6}[A-Za-z]? (?:[NSEW]\.? |North |South |East |West )?"
    r"(?:[A-Z][A-Za-z'-]{1,20}\.? |[0-9]{1,3}(?:st|nd|rd|th) ){1,3}(?:" + _SUFFIX_CAP + r")s?\b"
)
_ADDRESS_FOLDED = (
    r"\b[0-9]{1,6}[a-z]? (?:[nsew]\.? |north |south |east |west )?"
    r"(?:[a-z0-9'-]{1,20}\.? ){1,2}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln"
    r"|terrace|parkway|pkwy)\b(?: ?(?:apt|apartment|unit|#|fl|floor)\.? ?[0-9a-z]{1,5}\b)?"
)
_POBOX = r"\b(?:p\.? ?o\.? box|po box|psc [0-9]{2,5}, box) ?[0-9]{1,6}\b"
# The cased pattern's street words (and plurals) as the folded text's words: its address ends in
# one, a whole word after a space, so a message holding none cannot match it.
_STREET_WORDS = frozenset(w.lower().encode() + s for w in _SUFFIX_CAP.split("|") for s in (b"", b"s"))


def _may_name_a_street(folded: str) -> bool:
    """Whether folded text may hold one of ``_ADDRESS_CASED``'s street words: a set look-up on
    its words (split once for the concept rules too) instead of a regex pass. Text with an
    apostrophe ("Main St's") or outside ASCII is not split here: the pattern decides."""
    if "'" in folded or not folded.isascii():
        return True
    return not _STREET_WORDS.isdisjoint(ascii_words(folded))


# An address next to these words is a school, office or event venue, not someone's home…
_PUBLIC_PLACE = re.compile(
    r"\b(?:school|campus|office|offices|headquarters|hq|building|company|event|site visit"
    r"|career fair|job shadow|library|museum|center|centre|college|university|hospital"
    r"|station|venue|lobby|conference|expo|store|restaurant|park|stadium|field trip"
    r"|open house|tour|fair|workshop|hackathon|info session|interview|orientation|city tech"
    r"|oficina|empresa|escuela|biblioteca|museo|feria|evento|visita|universidad|estacion|tienda"
    r"|restaurante|parque|edificio de la empresa|entrevista|internship|pasant[ií]a)\b"
)
# …unless the message also says it is where someone lives.
_PERSONAL_PLACE = re.compile(
    r"\b(?:i live|i stay|we live|my (?:house|home|address|apartment|apt|place|crib|room)"
    r"|our (?:house|home|apartment|apt|place)|where i live|come over|mail it|send it to)\b"
)


def _hint_windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around each e-mail hint, starting and ending outside a word."""
    points: list[int] = []
    for hint in _EMAIL_HINTS:
        i = text.find(hint)
        while i != -1 and len(points) < 400:
            points.append(i)
            i = text.find(hint, i + 1)
    windows: list[tuple[int, int]] = []
    for p in sorted(points):
        a, b = max(0, p - 110), min(len(text), p + 120)
        while a > 0 and text[a - 1].isalnum() and p - a < 240:
            a -= 1
        while b < len(text) and text[b].isalnum() and b - p < 240:
            b += 1
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    return windows


class ContactFinder:
    """E-mail and street-address spans; phones come from ``find_phones``."""

    def __init__(self) -> None:
        self._email = compile_pattern("|".join(f"(?:{p})" for p in _EMAIL_PATTERNS))
        self._addr_cased = compile_pattern(_ADDRESS_CASED)
        self._addr_folded = compile_pattern(_ADDRESS_FOLDED + "|" + _POBOX)
        self.email_pattern = self._email.pattern
        self.folded_address_pattern = self._addr_folded.pattern

    def emails(self, text: str) -> list[tuple[int, int]]:
        if not any(h in text for h in _EMAIL_HINTS):
            return []
        if self._email.cheap_test and not self._email.test(text):
            return []
        if len(text) <= 600:
            return [m.span() for m in self._email.finditer(text) if not _SITE_AT.match(m.group())]
        # A long message: only the stretches around an "@"-like hint can hold an address, so
        # the (bounded, but wide) patterns run there (the re fallback would otherwise try
        # every start position of a 100,000-character message).
        spans: list[tuple[int, int]] = []
        for a, b in _hint_windows(text):
            spans += [(s + a, e + a) for s, e in (m.span() for m in self._email.finditer(text[a:b])
                                                   if not _SITE_AT.match(m.group()))
                      if not spans or s + a >= spans[-1][1]]
            if len(spans) >= 50:
                break
        return spans

    def addresses(self, text: str, cased: str, *, folded: bool = True) -> list[tuple[int, int]]:
        """Street-address spans; ``folded=False`` skips the folded-text pattern (known absent)."""
        if not any(d in text for d in "0123456789"):
            return []
        rx_cheap = self._addr_folded.cheap_test
        spans = ([m.span() for m in self._addr_folded.finditer(text)]
                 if folded and (not rx_cheap or self._addr_folded.test(text)) else [])
        if _may_name_a_street(text) and (not rx_cheap or self._addr_cased.test(cased)):
            spans += [m.span() for m in self._addr_cased.finditer(cased)]
        if spans and _PUBLIC_PLACE.search(text) and not _PERSONAL_PLACE.search(text):
            return []
        return spans


def mask_digits(text: str) -> str:
    """Digits to 'd' (for readable coordinator notes without repeating the number)."""
    return text.translate(_MASK_DIGITS)
