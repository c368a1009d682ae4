"""The concept layer: runs every concept rule on a message and turns matches into Hits.

Each template knows the anchor words it cannot match without (``anchors.py``). A message is
split into tokens once; only templates whose anchor words are all present run their regex
(compiled on first use), so ordinary chat costs a few dictionary look-ups. Each match is
then read in its sentence (negated? reported? an ordinary use?) and weighed by the sender's
role. Weak signals from different concepts in one message add up: together they are strong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from policies.normalize import ascii_words, blank_mentions, normalize
from policies.regex import compile_pattern
from policies.rules.concepts.anchors import tokens as tokenize
from policies.rules.concepts.compiled import compile_templates
from policies.rules.concepts.context import (
    clause_prefix,
    crowd_object,
    family_drives,
    hyperbole,
    in_url,
    institution_line_message,
    line_tied_to_someone,
    named_in_quotes,
    negated,
    negated_inside,
    official_address,
    official_line,
    official_line_after,
    privacy_advice,
    program_time,
    referral_place,
    reported,
    retracted,
    senders_after,
    single_quoted,
    stated_not_ordered,
    to_the_group,
    warned_of,
    window,
)
from policies.rules.concepts.dsl import Lexicon, Rule, best
from policies.rules.concepts.institution import elsewhere_said
from policies.types import Action, Hit

STRONG = 1.0
# A threat word about a sibling named earlier in the sentence: a weak signal (from a student the
# coordinator is alerted quietly; nothing is blocked).
WEAK_THREAT = 0.5
_SIGNAL_CATEGORIES = frozenset({"grooming", "offplatform"})
_SYMBOLS = frozenset('<$@#"')
MAX_SPANS_PER_RULE = 5
# Invitations whose place may be another adult's ("stop by his office": a referral).
_PLACES = frozenset({"offplatform.meet", "offplatform.home"})
# A student's ask for contact or an outside channel, taken back at once ("jk"), with nothing
# concrete near it: a weak signal (delivered and on record; an off-platform one flagged), never a
# stop. Two do not add up to a strong one (2 x 0.3 < 1); a mentor's "jk" is boundary testing.
RETRACTED_WEIGHT = 0.3
_ASKS = ("offplatform.", "contact.")
# a number, an address or a handle ("nayeli_xo", "bryan.bx") near the ask: something was shared
_DETAIL = re.compile(r"[0-9@]|\b[a-z]+[._][a-z0-9_.]*[a-z0-9]\b")
_NEAR = 300  # characters either side (a 100,000-character message is not scanned per match)
_FAMILY_UNLESS = frozenset({"offplatform.secrecy", "offplatform.gift"})
# A student asking the mentor to keep a secret is usually ordinary ("don't tell my mom i liked
# the video") but sometimes comes just before a disclosure ("dont tell anyone but i ran away"):
# from a student these families are delivered with a quiet alert, never held.
QUIET_ALERT = frozenset({"offplatform.secrecy", "language.threat"})
# A line or mailbox the message gives as an institution's (round 22): ``phrase_weight`` gives these
# rules this weight, and the engine delivers the hit with the coordinator alerted, whoever sent it —
# only they can tell the school's real number from a personal one.
OFFICE_LINE_WEIGHT = 0.5
OFFICE_LINE_RULES = frozenset({"contact.phone", "contact.email"})
# An adult's moves that single one child out; said to the whole group they are a weak signal
# (``context.to_the_group``). Secrecy and exclusivity stay: a secret kept from the parents or
# "you're my favourite" is no less one when the group hears it.
_ONE_CHILD_MOVES = frozenset({
    "grooming.affection", "grooming.looks_body", "grooming.photo_request", "grooming.age_maturity",
    "grooming.gifts_money", "grooming.late_night", "offplatform.meet_up",
    })
GROUP_WEIGHT = 0.3
# A disclosure with a word nearby that suggests exaggeration ("i want to die lol this essay"):
# below STRONG, so delivered with the coordinator alerted instead of held (``Rule.softens``).
SOFTENED = 0.5
_SOFTENED_NOTE = " (read as likely exaggeration from the words around it: delivered, coordinator alerted)"
# A disclosure rule that is a hint by itself (its own weight below STRONG: "concern.goodbye_hint").
_HINT_NOTE = " (a hint on its own: delivered, coordinator alerted)"
# A threat quoted after a verb of saying ("he texted me 'im gonna find u'") may be one the sender
# received: delivered, and from a student the coordinator is alerted (``QUIET_ALERT``).
QUOTED_WEIGHT = 0.3
# Channel moves and account asks read away when done to a crowd (``context.crowd_object``).
_CROWD_ACTS = frozenset({"contact.social", "offplatform.move"})
# Moves and asks that may be somebody else's, warned about (``warned_of``).
# Not the contact details themselves: a spelled-out number has no digit to tell it by.
_WARNABLE = frozenset({"offplatform.move", "offplatform.private", "offplatform.photo", "contact.social"})
# Insults read away when negated inside their own words ("you are not stupid").
_INSULTS = frozenset({"language.insult", "language.insult_about", "language.body_shaming",
                      "language.body_mock"})
# Orders that are statements with a subject before them ("i never shut up").
_ORDERS = re.compile(r"(?:shut up|shut it|zip it|get lost|go away|stfu)\b")


@dataclass(frozen=True, slots=True)
class Match:
    """One concept found in the folded text, after the context checks."""

    rule: Rule
    start: int
    end: int
    weight: float


_ORDER = attrgetter("order")


class _Template:
    """One compiled template: its regex (compiled on first use) and its anchor sets, as text
    and as bytes (the ASCII fast path)."""

    __slots__ = ("order", "rule_index", "pattern", "required", "required_b", "_rx")

    def __init__(self, order: int, rule_index: int, pattern: str, required: list[frozenset[str]],
                 as_bytes: _AsciiSets) -> None:
        self.order = order  # its place among all templates, as the rule files list them
        self.rule_index, self.pattern = rule_index, pattern
        self.required = required
        self.required_b = [as_bytes(a) for a in required]
        self._rx = None

    def finditer(self, t: str):
        """The matches in ``t``; none without running the match machinery when a test says so
        (most candidate templates do not match, and re2's yes/no answer costs half as much)."""
        rx = self._rx
        if rx is None:
            rx = self._rx = compile_pattern(self.pattern)
        if rx.cheap_test and not rx.test(t):
            return iter(())
        return rx.finditer(t)


class _AsciiSets:
    """The ASCII words of an anchor set as bytes (others can never occur in ASCII text), made
    once per distinct set and word: templates share most of their anchor sets."""

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], frozenset[bytes]] = {}
        self._words: dict[str, bytes] = {}

    def __call__(self, words: frozenset[str]) -> frozenset[bytes]:
        got = self._sets.get(words)
        if got is None:
            enc = self._words
            got = self._sets[words] = frozenset(enc.setdefault(w, w.encode()) for w in words if w.isascii())
        return got


class ConceptLayer:
    """Compiled concept rules; ``hits`` is pure and cheap when nothing matches."""

    def __init__(self, rules: Iterable[Rule], lexicon: Lexicon) -> None:
        self.rules = list(rules)
        ids = [r.id for r in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError("a concept rule id is used twice")
        self._unless = [re.compile(r.unless) if r.unless else None for r in self.rules]
        self._softens = [re.compile(r.softens) if r.softens else None for r in self.rules]
        # The ordinary uses the secrecy and gift concepts know ("surprise party", "spoilers",
        # "social security", "from the program") also clear those families' phrase hits. (Not
        # every family: the contact and ride concepts' filters are about their own templates'
        # wording and would drop real phrase hits such as "near the school?".)
        self._family_unless: dict[str, list[re.Pattern]] = {}
        for r, u in zip(self.rules, self._unless, strict=True):
            if u is not None and r.governs in _FAMILY_UNLESS and not r.own_unless:
                self._family_unless.setdefault(r.governs, []).append(u)
        self._always: list[_Template] = []  # templates without a known anchor word
        self._index: dict[str, list[_Template]] = {}
        owners = [i for i, r in enumerate(self.rules) for _ in r.templates]
        compiled = compile_templates([t for r in self.rules for t in r.templates], lexicon)
        as_bytes = _AsciiSets()
        for order, (i, (pattern, required)) in enumerate(zip(owners, compiled, strict=True)):
            primary = best(required)
            if primary is None:
                self._always.append(_Template(order, i, pattern, required, as_bytes))
                continue
            others = list(required)
            others.remove(primary)  # one occurrence: equal anchor sets are one shared object
            tpl = _Template(order, i, pattern, others, as_bytes)
            for word in primary:
                self._index.setdefault(word, []).append(tpl)
        self._keys = frozenset(self._index)
        # Per anchor word, each template with the other anchor sets it needs (text and bytes):
        # the candidate filter's inner loop reads no attributes.
        self._pairs = {k: [(t, t.required) for t in v] for k, v in self._index.items()}
        self._pairs_b = {k.encode(): [(t, t.required_b) for t in v]
                         for k, v in self._index.items() if k.isascii()}
        self._keys_b = frozenset(self._pairs_b)
        self._symbols = [(k, k.encode()) for k in self._keys if k in _SYMBOLS]
        # The message read last and its tokens, for the spelling pass (``last_tokens``).
        self._last: tuple[str, set, list[bytes] | None] = ("", set(), None)

    def last_tokens(self, text: str) -> set | None:
        """The tokens of ``text`` (the very object last given to ``hits``) as the candidate
        filter split them: bytes for ASCII text, else str; None for any other text."""
        last_text, toks, _ = self._last
        return toks if last_text is text else None

    def last_words(self, text: str) -> list[bytes] | None:
        """The same words of ``text`` in order, repeats kept (ASCII text only), else None."""
        last_text, _, words = self._last
        return words if last_text is text else None

    def compile_all(self) -> None:
        """Compile every template now (tests; a server may call it to warm up)."""
        for tpls in (self._always, *self._index.values()):
            for tpl in tpls:
                if tpl._rx is None:
                    tpl._rx = compile_pattern(tpl.pattern)

    def candidates(self, t: str, remember: str | None = None) -> list[_Template]:
        """Templates whose anchor words all occur in folded text ``t``."""
        words = None
        if t.isascii():  # the common case: split and intersect at C speed, as bytes
            words = ascii_words(t)  # the engine's finders may have split it already
            toks = set(words)
            for sym, sym_b in self._symbols:
                if sym in t:
                    toks.add(sym_b)
            present = toks & self._keys_b
            pairs = self._pairs_b
        else:
            toks = tokenize(t)
            present = toks & self._keys
            pairs = self._pairs
        if remember is not None:
            self._last = (remember, toks, words)
        if not present:
            return self._always
        seen: set[_Template] = set()
        out = []
        for tok in present:
            for tpl, required in pairs[tok]:
                if tpl in seen:  # listed under two anchor words; its other anchors are the same
                    continue
                seen.add(tpl)
                for words in required:
                    if words.isdisjoint(toks):
                        break
                else:
                    out.append(tpl)
        if len(out) > 1:
            # In the rule files' order, not the order of a set of words (which changes with each
            # process's string hashing): the first template of a rule to match claims its span,
            # so the span a coordinator is shown, and the checks read around it, stay the same.
            out.sort(key=_ORDER)
        return out + self._always

    def matches(self, t: str, role: str, remember: str | None = None) -> list[Match]:
        """Concept matches in folded text ``t`` for a sender in ``role`` (``remember``: the
        original message, whose tokens ``last_tokens`` then gives back)."""
        out: list[Match] = []
        counts: dict[int, int] = {}
        t = _quote_marks(_titles(t))
        for tpl in self.candidates(t, remember):
            i = tpl.rule_index
            r = self.rules[i]
            w = r.weight(role)
            if w <= 0 or counts.get(i, 0) >= MAX_SPANS_PER_RULE:
                continue
            for m in tpl.finditer(t):
                s, e = _trim(t, m.start(), m.end())
                if e <= s or not self._keep(i, t, s, e, role):
                    continue
                if any(x.rule is r and x.start < e and s < x.end for x in out):
                    continue  # another template of the rule already covers these words
                if r.id.startswith("offplatform.") and r.governs in _PLACES \
                        and referral_place(t, s, e):
                    continue
                if r.governs == "offplatform.ride" and family_drives(window(t, s, e), role):
                    continue  # the student's own family drives them
                if r.governs == "language.threat" and single_quoted(t, s, e):
                    w = min(w, QUOTED_WEIGHT)  # a threat passed on: maybe one received
                if role == "mentor" and r.id in _ONE_CHILD_MOVES and w >= STRONG \
                        and to_the_group(t, s, e):
                    w = GROUP_WEIGHT  # program talk to everyone: delivered and flagged
                softens = self._softens[i]
                wm = min(w, SOFTENED) if softens is not None and softens.search(window(t, s, e)) else w
                out.append(Match(r, s, e, taken_back(r.governs, role, t, s, e, wm)))
                counts[i] = counts.get(i, 0) + 1
                if counts[i] >= MAX_SPANS_PER_RULE:
                    break
        out.sort(key=lambda x: (x.start, x.end))
        return out

    def _keep(self, i: int, t: str, s: int, e: int, role: str) -> bool:
        r = self.rules[i]
        if r.negatable and negated(t, s):
            return False
        if r.id in _INSULTS and negated_inside(t, s, e):
            return False
        if r.reportable and reported(t, s, e):
            return False
        if role != "mentor" and named_in_quotes(t, s, e):
            return False  # "esa canción 'Call me when you want'": a title named
        if r.id.startswith("language.") and r.governs != "language.threat" and single_quoted(t, s, e):
            return False  # somebody's words passed on: "he typed 'ur so dumb'"
        if r.governs in _CROWD_ACTS and crowd_object(t[s:e]):
            return False  # "messaging kids on instagram": an app told of, nobody moved
        if _keeps_private(r.governs, t, s, e) and privacy_advice(t):
            return False  # "keep it private — recruiters look": advice about one's own profile
        if r.id == "offplatform.meet_up" and _IN_THE_CHAT.match(t, e) is not None:
            return False  # "nos vemos el jueves en el chat": the meeting's own place is the chat
        if r.governs in _WARNABLE and _warned_of(t, s, e):
            return False  # "scammers love to move you to whatsapp, watch out": somebody else's move
        if r.governs in _HERE_FAMILIES and asked_here(t, s, e):
            return False  # "escríbeme aquí mismo cuando termines": this channel is the place
        if r.governs in _ACCOUNT_FAMILIES and account_talked_of(t, s, e):
            return False  # "my gamertag is so old lol": the account talked of, not given
        unless = self._unless[i]
        if unless is None:
            return True
        around = window(t, s, e)
        # a program event or a school place does not clear "solo tú", a parking lot or a car
        return unless.search(around) is None or (r.governs == "offplatform.meet"
                                                  and _JUST_US.search(around) is not None)

    def read_away(self, t: str, role: str, prefix: str = "grooming.") -> bool:
        """Whether folded text ``t`` holds a move of these concepts (by this sender) that the
        sentence reads away — negated or reported ("I'd never ask you to keep secrets"). The
        encoder does not read negation; the engine asks this before it lets the encoder hold."""
        t = _quote_marks(_titles(t))
        for tpl in self.candidates(t):
            r = self.rules[tpl.rule_index]
            if not r.id.startswith(prefix) or r.weight(role) <= 0:
                continue
            for m in tpl.finditer(t):
                s, e = _trim(t, m.start(), m.end())
                if e > s and ((r.negatable and negated(t, s)) or (r.reportable and reported(t, s, e))):
                    return True
        return False

    def hits(self, text: str, role: str, settings: dict, shown_from: str | None = None) -> list[Hit]:
        """Hits for ``text`` sent by ``role``; ``settings`` maps a governing rule id to its
        RuleSetting (on/off, action and alert per role, the sender's notice). ``shown_from``: the
        message as sent, when ``text`` is a same-length reading of it (the excerpt quotes it)."""
        sent = text if shown_from is None or len(shown_from) != len(text) else shown_from
        norm = normalize(text)
        t = blank_mentions(norm.text)
        found = self.matches(t, role, remember=text)
        if not found:
            return []
        weak = [m.weight for m in found
                if m.weight < STRONG and not m.rule.id.startswith("concern.")]
        together = sum(weak) >= STRONG and len(weak) > 1
        out: list[Hit] = []
        for m in found:
            st = settings.get(m.rule.governs)
            if st is None or not st.on:
                continue
            s, e = norm.span(m.start, m.end)
            shown = sent[s:e] if e - s <= 120 else sent[s:s + 117] + "…"
            disclosure = m.rule.id.startswith("concern.")
            # A hint ("concern.goodbye_hint", its own weight below STRONG) alerts without being a
            # disclosure the engine acts on: a "concern" hit caps other hits' blocks, replaces their
            # notices and quiets the encoder's language hold (a red team appended a goodbye to a
            # number and an insult).
            hint = disclosure and m.rule.weight(role) < STRONG
            strong = (m.weight >= STRONG or together or disclosure) and not (disclosure and m.weight < STRONG)
            if strong:
                action, alert = st.for_role(role)
                note = "" if m.weight >= STRONG else " (several weak signals together)"
            elif disclosure:  # a hint, or read as likely exaggeration (``Rule.softens``): never lost
                action, alert = Action.ALLOW, True
                note = _HINT_NOTE if hint else _SOFTENED_NOTE
            elif role != "mentor" and m.rule.governs in QUIET_ALERT:
                action, alert, note = Action.ALLOW, True, " (from a student: delivered, coordinator alerted)"
            else:
                action, alert, note = Action.ALLOW, False, " (weak signal: delivered, flagged)"
            category = "policy" if hint else m.rule.id.split(".")[0]
            # Only grooming moves feed the conversation score (policies/conversation.py).
            signal = (max(m.weight, STRONG) if strong else m.weight) \
                if category in _SIGNAL_CATEGORIES else 0.0
            out.append(Hit(rule=m.rule.id, start=s, end=e, action=action, alert=alert,
                           reason=f"{m.rule.reason}{note} — sent by the {role}: “{shown}”",
                           notice=st.notice, category=category, signal=signal,
                           band="alert" if disclosure and not strong else ""))
        return out

    @staticmethod
    def _given_as_office(rule_id: str, role: str, low: str, start: int, end: int) -> bool:
        """Whether a number or address is given as a school's, program's or office's (rounds 15–22,
        ``context.py``)."""
        if rule_id == "contact.phone":
            return (((official_line(low, start, pointer=role == "mentor") or official_line_after(low, end))
                     and not senders_after(low, end))
                    or institution_line_message(low))
        return official_address(low, start, end)

    def phrase_weight(self, rule_id: str, role: str, text: str, start: int, end: int) -> float:
        """How much a phrase-rule hit weighs, read like a concept: 0 drops it (negated,
        reported, or not this act from this sender), below 1 makes it a weak signal."""
        if rule_id.startswith("concern."):  # a disclosure is the student's (concern.py)
            return 0.0 if role == "mentor" else STRONG
        if rule_id.startswith("language."):
            return self._language_weight(rule_id, text, start, end)
        if rule_id in OFFICE_LINE_RULES and len(text) == len(text.lower()):
            low = text.lower()
            if rule_id == "contact.phone" and in_url(low, start):
                return 0.0  # a link's digits
            if self._given_as_office(rule_id, role, low, start, end):
                # a school's, program's or office's line or mailbox as the message says: delivered with the
                # coordinator alerted; anything tying it to somebody of the chat keeps the stop
                tied = line_tied_to_someone(low) or (rule_id == "contact.phone"
                                                     and elsewhere_said(low, start, end))
                return 1.0 if tied else OFFICE_LINE_WEIGHT
        if rule_id in _PLACES and referral_place(text.lower(), start, end):
            return 0.0
        low = text.lower()
        same = len(low) == len(text)  # lowercasing kept the spans
        if rule_id in _CROWD_ACTS and same and crowd_object(low[start:end]):
            return 0.0  # "game studios find people through Discord": an app told of
        if rule_id == "offplatform.private" and text[start:end].lower().endswith("call") \
                and _NAMING.match(low if same else text, end):
            return 0.0  # "let's call that the needs vs. wants lesson": naming, not a call
        if rule_id == "contact.social" and same and role != "mentor" \
                and _MY_ACCOUNT.search(low[start:end]) is not None \
                and _names_no_handle(low) \
                and _ACCOUNT_FOR_THE_WORK.search(window(low, start, end, 60)) is not None:
            return 0.0  # "my discord name for the program server", "my instagram art page in my portfolio"
        if rule_id == "offplatform.move" and same \
                and _KEEP_DETAILS_OUT.search(low, max(0, start - 60), start) \
                and _SEND_IT_ELSEWHERE.search(low, end, end + 200) is None:
            return 0.0  # "keep contact info out of the channel": details kept out, nobody moved
        if rule_id == "contact.phone" and same \
                and _NOT_A_PHONE.search(low, max(0, start - 45), start) is not None \
                and _ASKS_CONTACT.search(low, max(0, start - 200), end + 200) is None:
            return 0.0  # "account numbers like 2045553381": a number of another kind, named so
        if rule_id == "contact.address" and same and _PLACE_OF.search(clause_prefix(low, start)) is not None \
                and not _a_home(low):
            return 0.0  # "la dirección de la planta de reciclaje es …": a workplace's address
        if rule_id == "offplatform.private" and same \
                and _THIRD_PARTY_CAN.search(low, max(0, start - 60), start):
            return 0.0  # "people can message you there": somebody else contacting the student
        if rule_id == "contact.social" and same and _FOLLOWS_SOMEONE_ELSE.match(low, start) is not None \
                and _I_OR_WE_BEFORE.search(clause_prefix(low, start)) is not None and _nobody_of_ours(low):
            return 0.0  # "i follow NASA on insta": whom the sender reads, no account of theirs
        if rule_id == "contact.social" and same and _FOR_WORK.match(low, end) is not None \
                and _ASKS_CONTACT.search(low, max(0, start - 200), end + 200) is None:
            return 0.0  # "do u use tiktok for work?": the app's use at work
        if rule_id == "offplatform.move" and same and _RESCHEDULED.match(low, end) is not None:
            return 0.0  # "move our Friday chat to Monday": a new time, the same channel
        if rule_id == "offplatform.ride" and same and family_drives(window(low, start, end), role):
            return 0.0  # the student's own family drives them
        if rule_id == "offplatform.personal" and same and low[start:end].endswith("only") \
                and _ONLY_ONE_WHO_DID.match(low, end):
            return 0.0  # "you're the only one who turned in the reflection": a fact about the work
        if same and _keeps_private(rule_id, low, start, end) and privacy_advice(low):
            return 0.0
        if rule_id in _WARNABLE and same and _warned_of(low, start, end):
            return 0.0  # "if a recruiter ever asks u to move to telegram, it's a scam"
        if rule_id in _HERE_FAMILIES and same and asked_here(low, start, end):
            return HERE_WEIGHT  # "just text me here when you're done": this channel; delivered, flagged
        if rule_id in _ACCOUNT_FAMILIES and same and account_talked_of(low, start, end):
            return 0.0  # "my email is still the one from middle school": talked of, not given
        review = PHRASE_REVIEW.get(rule_id)
        if review is None:
            return taken_back(rule_id, role, text.lower(), start, end, STRONG)
        mentor_w, student_w = review
        w = mentor_w if role == "mentor" else student_w
        if w <= 0:
            return 0.0
        if any(c.isdigit() or c == "@" for c in text[start:end]):
            return w  # the detail itself (a number, an address): words around it change nothing
        low = text.lower()
        if len(low) != len(text):
            return w
        if negated(low, start) or (reported(low, start, end)
                                   and not (role != "mentor" and rule_id in _STUDENT_REPORTS)):
            return 0.0
        if role != "mentor" and named_in_quotes(low, start, end):
            return 0.0  # a title or a term a student names in quotes
        around = window(low, start, end)
        if any(u.search(around) for u in self._family_unless.get(rule_id, ())):
            return 0.0
        if rule_id == "offplatform.meet" and program_time(around) and _JUST_US.search(around) is None:
            return 0.0  # "can we meet in the lunch period", "at the end of year celebration"
        return taken_back(rule_id, role, low, start, end, w)

    @staticmethod
    def _language_weight(rule_id: str, text: str, start: int, end: int) -> float:
        """Harassment and threat phrases, read in their sentence: negated ("you're not
        stupid"), an order with a subject before it ("i never shut up"), a threat said of a
        game or a sibling ("im gonna kill him (not really lol)") is no attack."""
        low = text.lower()
        if len(low) != len(text) or rule_id == "language.profanity":
            return STRONG
        if negated_inside(low, start, end, strict=True) or negated(low, start):
            return 0.0
        if _ORDERS.match(low, start) and stated_not_ordered(low, start):
            return 0.0
        if rule_id == "language.threat" and hyperbole(window(low, start, end)):
            return 0.0
        if rule_id == "language.threat" and _sibling_is_the_object(low, start, end):
            return WEAK_THREAT  # "…my leftovers AGAIN im gonna kill him": delivered, the coordinator told
        if single_quoted(low, start, end):  # quoted: somebody's words passed on
            return QUOTED_WEIGHT if rule_id == "language.threat" else 0.0
        if _JOKE_JUDGED.fullmatch(low, start, end):  # "your dad joke": a joke, not the person
            return 0.0
        if _SHUT_UP.match(low, start) and _SURPRISE.search(low, end, _sentence_end(low, end)):
            return 0.0  # "shut upppp you met the ceo?? no way": surprise, not an order
        return STRONG


# "my brother ate my leftovers again im gonna kill him": the threat's object is him or her, and a
# sibling is named earlier in the sentence; never "you" ("my sister told me what u said, im gonna
# kill you" is a threat).
_THIRD_OBJECT = re.compile(r"\s*(?:him|her|them|em|'em)\b")
_THREAT_AT_YOU = re.compile(r"\b(?:you|u|ya|ur|te|ti|usted)\b")


_MEANT = re.compile(r"\b(?:knife|knives|gun|guns|pistol|pistola|navaja|cuchillo|bat|bate|bring(?:ing)?|traer"
                    r"|tomorrow|ma[nñ]ana|tonight|esta noche|after school|at school|for real|not joking"
                    r"|no es broma)\b")


def _sibling_is_the_object(low: str, start: int, end: int) -> bool:
    """Him or her is the threat's object, a sibling is named earlier in the sentence, and
    nothing in the sentence makes it meant (a weapon, a time)."""
    span = low[start:end]
    object_after = _THIRD_OBJECT.match(low, end) is not None or re.search(r"\b(?:him|her|them)$", span)
    sentence = clause_prefix(low, start) + low[start:_sentence_end(low, end)]
    return bool(object_after) and _THREAT_AT_YOU.search(span) is None \
        and hyperbole(clause_prefix(low, start)) and _MEANT.search(sentence) is None


# "shut up" as surprise ("shut upppp you met the ceo?? no way"), not an order: a surprise word
# later in its sentence ("shut up!!" alone stays an order).
_SHUT_UP = re.compile(r"shut up")
_SURPRISE = re.compile(r"\b(?:no way|omg|oh my god|for real|fr|seriously|you met|you got|u met|u got"
                       r"|no manches|en serio|are you serious|r u serious|congrats|that'?s amazing)\b")
# An account named for the program's own server or for the student's career documents, with no
# handle anywhere in the message.
_ACCOUNT_FOR_THE_WORK = re.compile(
    r"\b(?:(?:the|our|this|el|nuestro)\s+)?(?:program(?:'s)?|class|school|mentoring|programa|clase|escuela)\s+"
    r"(?:server|workspace|discord|slack|servidor)\b"
    r"|\b(?:server|servidor)\s+(?:del|de la)\s+(?:programa|clase|escuela)\b"
    r"|\b(?:in|on|into|to|en|a)\s+(?:my|mi|the|el|la)\s+(?:portfolio|portafolio|resume|r[eé]sum[eé]|cv|curr[ií]culum"
    r"|college application|application|personal website)\b")
_FOLLOW_ME = re.compile(r"\b(?:follow|add|dm|message|text|request|accept|find|search|look"
                        r"|s[ií]gueme|agr[eé]game"
                        r"|b[uú]scame|check (?:it|me) out)\b")
_MY_ACCOUNT = re.compile(r"\b(?:my|mi|mine)\b")
_PERSONAL_ONE = re.compile(r"\b(?:personal|private|privad[oa]|own|propi[oa]|not the|no el|no la)\b")
_HANDLE_LIKE = re.compile(r"@\w|\w#\d{4}|\b[a-z]+[._][a-z0-9_.]+\b|\d{3,}")
HANDLE_LIKE = _HANDLE_LIKE  # what looks like a handle or a number (the engine's story reading too)
_NOT_A_PHONE = re.compile(
    r"\b(?:account|order|tracking|confirmation|claim|policy|routing|serial|part|case|ticket|member|reference"
    r"|invoice|badge|employee|student|cuenta|pedido|orden|seguimiento|confirmaci[oó]n|p[oó]liza)"
    r"\s*(?:#|numbers?|nums?|no\.?|ids?|n[uú]meros?)(?:\s+(?:for|of|on|de|del|para)\s+(?:the\s+|my\s+|el\s+|la\s+|mi\s+)?"
    r"(?!(?:snap\w*|insta\w*|ig|whats\w*|wa|telegram|signal|discord|tiktok|kik|phone|cell|cel|celular|me|you|u"
    r"|text\w*|call\w*|numbers?|n[uú]mero)\b)[\w'-]+)?\s*(?:like|such as|e\.g\.|is|are|:|como|es)?\s*$"
    r"|\b(?:sku|id)\s*(?:#|:)?\s*$")
_PLACE_OF = re.compile(
    r"\b(?:la direcci[oó]n|the address|the location|la ubicaci[oó]n)\s+(?:de|del|of|for)\s+"
    r"(?:la|el|the|our|nuestra|nuestro)?\s*"
    r"(?:planta|plant|empresa|company|museo|museum|hospital|office|oficina|site|sitio|event|evento|fair|feria"
    r"|building|edificio|school|escuela|warehouse|almac[eé]n|factory|f[aá]brica|center|centro|station|estaci[oó]n"
    r"|shop|taller|lab|laboratorio|job shadow|tour|visit|visita|trabajo|work|job|jobsite|worksite|internship"
    r"|pasant[ií]a|pr[aá]cticas|obra|clinic|cl[ií]nica|bank|banco|library|biblioteca|hangar|port|puerto"
    r"|theater|theatre|teatro|zoo)\b"
    # ... named as what the address is, with at most a few words of its own between ("de reciclaje")
    r"(?:\s+(?!(?:i|my|mi|mis|we|where|donde|que|su|sus|his|her|their|that|which)\b)[\w'áéíóúñ]+){0,3}"
    r"\s*(?:is|es|queda en|est[aá] en|:)\s*(?:at\s+|en\s+)?$")
# ... and no home in the message: "vivimos arriba", "that's my place", "come pick me up"
_A_HOME = re.compile(r"\b(?:live|lives|living|vivo|vive|vivimos|viven|my place|my apartment|my apt|mi casa"
                     r"|mi depa|mi apartamento|home|casa|pick me up|come to|come by|swing by|ven a|pasa por"
                     r"|b[uú]scame|apt|apto|apartment|apartamento|unit|just me|solit[oa]|sol[oa]|alone"
                     r"|weekend|saturday|s[aá]bado|sunday|domingo|tonight|esta noche)\b|#\s?\d")
_THIRD_PARTY_CAN = re.compile(
    r"\b(?:people|recruiters?|employers?|companies|hiring managers?|others|la gente|reclutadores|empresas)\s+"
    r"(?:can|could|will|may|might|pueden|podr[aá]n)\s+(?:\w+\s+)?$")
_FOLLOWS_SOMEONE_ELSE = re.compile(
    r"(?:follow|followed|watch|watched|sigo|seguimos)\s+(?!(?:me|you|u|ya|ur|your|yours|te|ti|mine|my|each|him|her"
    r"|them|us|mi|tu|su|sus|nos)\b)(?:[\w.'&-]+\s+){1,3}(?:on|en|in)\b")
# Right after a meeting's words, the chat itself as its place ("… en | el chat", "see u on | zoom").
_IN_THE_CHAT = re.compile(r"\s*(?:(?:en|in|on)\s+)?(?:el\s+|the\s+|this\s+|este\s+|our\s+|nuestro\s+)?"
                          r"(?:chat|zoom|slack|teams)\b(?!\s*(?:de|del|with|con)\b)")
_YOU_ANYWHERE = re.compile(r"\b(?:you\w*|u|ya|your\w*|ur|te|tu|tus|usted)\b")
_I_OR_WE_BEFORE = re.compile(r"\b(?:i|we|yo|i also|i just|i only|i mostly|we all)\s+"
                             r"(?:also\s+|just\s+|only\s+|mostly\s+|literally\s+|lowkey\s+|ya\s+|tambi[eé]n\s+)?$")
_FOR_WORK = re.compile(r"\s+(?:for|at|in|para|en)\s+(?:work|your job|the job|jobs|the company|your company"
                       r"|marketing|business|el trabajo|tu trabajo|la empresa|tu empresa)\b")
_RESCHEDULED = re.compile(
    r"\s*(?:(?:to|a|al|para el|para)\s+)?(?:next\s+)?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?"
    r"|saturdays?|sundays?|tomorrow|next week|the afternoon|the morning|after school|lunch"
    r"|(?:morning|afternoon|lunch|advisory)"
    r"\s+period|[0-9]|lunes|martes|mi[eé]rcoles|jueves|viernes|ma[nñ]ana|la tarde|la semana que viene)\b")
_SEND_IT_ELSEWHERE = re.compile(
    r"\b(?:send|dm|text|message|email|privately|to me|a m[ií]|m[aá]nd|escr[ií]b|p[aá]sa|whats\w*|snap\w*"
    r"|insta\w*"
    r"|ig|telegram|signal|discord|tiktok|facebook|messenger|kik|easier|mejor)\w*")
_ASKS_CONTACT = re.compile(
    r"\b(?:text|call|ring|whatsapp|signal|telegram|hmu|hit me|reach me|add me|follow me|dm me|my cell|mi cel"
    r"|ll[aá]mame|escr[ií]beme|text[eé]ame|agr[eé]game|s[ií]gueme)\b")
_JUST_US = re.compile(
    r"\b(?:just us|just the two of us|alone|by ourselves|solo t[uú]|t[uú] y yo|nom[aá]s t[uú]|solos|a solas"
    r"|parking|estacionamiento|my car|mi carro|my place|mi casa|ditch)\b")
_KEEP_DETAILS_OUT = re.compile(
    r"\b(?:keep|keeping|leave|leaving)\s+(?:(?:your|ur|all|any|the|personal|private|real|tu|tus)\s+){0,2}"
    r"(?:contact\s+info(?:rmation)?|contact\s+details|details|numbers?|phone\s+numbers?|emails?|addresses"
    r"|handles|socials|personal\s+info(?:rmation)?|names|last\s+names|links|drama|that\s+stuff)\s+$")
_ONLY_ONE_WHO_DID = re.compile(
    r"\s+one\s+(?:who|that|to)\s+(?:(?:actually|even|already)\s+)?(?:turned|submitted|submit|turn"
    r"|finished|finish|did\s+the|got\s+(?:a|an|the|all|every|\d)|handed|completed|remembered\s+(?:the|to)"
    r"|replied\s+to\s+the|posted\s+(?:the|your|a)|signed\s+up|filled|uploaded|emailed\s+the|asked\s+a\s+question)\b"
    r"(?![^.!?\n]*\b(?:special|lonely|mind|feel|felt|heart|miss|care|cares|understand|gets\s+me|love|trust"
    r"|only\s+me|secret|between|like|last\s+night|favou?rite|fav|anoche)\b)")
# "call it/that …" names something ("let's call it a day"); it phones nobody.
_NAMING = re.compile(r"\s+(?:it|that)\s+(?:a|an|the|my|our|your|his|her|even|quits|done)\b")


_END = re.compile(r"[.!?\n]\s")


def _sentence_end(text: str, start: int) -> int:
    m = _END.search(text, start)
    return m.start() if m else len(text)


# Somebody's joke judged, not the person called one: "your dad joke", "ur joke was mid"; "ur a
# joke" and "you're such a joke" stay insults.
_JOKE_JUDGED = re.compile(r"(?:your|ur|yr|tu) (?!(?:a|an|such|so|un|una)\b)(?:[\w']+ )?jokes?")

# Phrase-rule families read as concepts: (mentor weight, student weight). Grooming moves are an
# adult's acts: from a student they are at most a weak signal (a student asking whether the
# mentor's parents are home is not a risk assessment). Requests for contact details and
# invitations weigh the same from both sides but, like every reviewed family, are dropped when
# negated or reported ("my teacher said don't share your number online").
PHRASE_REVIEW: dict[str, tuple[float, float]] = {
    "offplatform.parents": (STRONG, 0.0),
    "offplatform.personal": (STRONG, 0.4),
    "offplatform.secrecy": (STRONG, 0.5),  # a student's own secrets are ordinary (secrecy_pact)
    "offplatform.gift": (STRONG, STRONG),
    "offplatform.photo": (STRONG, STRONG),
    "contact.phone": (STRONG, STRONG),
    "contact.email": (STRONG, STRONG),
    "contact.social": (STRONG, STRONG),
    "contact.address": (STRONG, STRONG),
    "offplatform.meet": (STRONG, STRONG),
    "offplatform.ride": (STRONG, STRONG),
    "offplatform.home": (STRONG, STRONG),
    "offplatform.private": (STRONG, STRONG),
    "offplatform.move": (STRONG, STRONG),
}

# A student reporting an adult's words ("he told me to keep it secret") is a disclosure, not
# advice: reported speech does not cancel these from a student.
_STUDENT_REPORTS = frozenset({"offplatform.secrecy", "offplatform.gift", "offplatform.photo",
                              "offplatform.meet", "offplatform.home", "offplatform.ride"})


_EDGE = frozenset(" \t\r\n.,;:!\"()[]{}<>-_/\\|*~^`")
# The dot of a title before a name is not a sentence end: "does Ms. Ortiz actually read every
# message" is one question. Replaced by a space (same length, so spans stay put).
_TITLE_DOT = re.compile(r"\b(?:mrs|mr|ms|mx|dr|prof|sra|srta|sr)\.(?= ?[a-z])")


# A single quote mark glued to a word ("'kill yourself'", "i told her 'i want to die'") would make
# "'kill" one word and hide it from every rule: opening and closing marks become "`" (same length,
# so spans stay put; ``context.single_quoted`` reads "`" as a quote mark). Apostrophes inside a
# word ("don't") stay.
_QUOTE_MARK = re.compile(r"(?:^|(?<=[\s(\[:]))'(?=[a-z0-9])|(?<=[a-z0-9.!?])'(?=$|[\s.,!?;:)\]])")


_PRIVACY_WORDS = re.compile(r"priva|share|compart")
_HIDING_WORDS = re.compile(r"delet|eras|borr|hide|escond|convo|text|chat|messag|mensaj|histor")
_ACCOUNT_BEFORE = re.compile(r"\b(?:cuentas?|perfil(?:es)?|accounts?|profiles?|pages?|p[aá]ginas?|settings"
                             r"|configuraci[oó]n)\b[^.!?]{0,20}$")
_TALK = re.compile(r"\b(?:habl\w*|talk\w*|chat\w*|escrib\w*|text\w*|messag\w*|dm|dms|segu\w*|sigamos"
                   r"|let'?s|we|podemos|cuent\w*|tell)\b")


@lru_cache(maxsize=8)
def _warned_of(low: str, start: int, end: int) -> bool:
    """Somebody else's move warned about, or advice against it — never with the detail itself
    in the match."""
    return not any(c.isdigit() or c == "@" for c in low[start:end]) and warned_of(low, start, end)


# "just text me here when you're done", "escríbeme aquí mismo", "message me in this channel": a
# message asked for in this channel. The verb is a plain "text/message/write" (not "dm", "pm",
# "inbox" or "call": those leave the channel even on the same platform), "here" follows at once,
# and nothing in the message names another app, a number, an address or an "or" elsewhere.
_HERE_FAMILIES = frozenset({"offplatform.private", "offplatform.move"})
HERE_WEIGHT = 0.5  # a weak signal: delivered and flagged, it still counts toward the conversation score
_PLAIN_ASK = re.compile(r"\b(?:text|txt|message|msg|write|escr[ií]beme|escr[ií]banme|m[aá]ndame un mensaje"
                        r"|textea(?:me)?|text[eé]ame)\b")
_HERE = re.compile(
    r"(?:\s+(?:me|to me|us|a m[ií]))?\s+(?:right |just |back )?(?:here|aqu[ií](?: mismo)?|on here|in here"
    r"|in (?:this|our) (?:channel|chat|thread|space)|in the (?:channel|thread)"
    r"|en (?:este|nuestro) (?:canal|chat|espacio)|en el canal"
    r"|por aqu[ií]|por ac[aá]|ac[aá])\b")
_ELSEWHERE = re.compile(
    r"@|\d{3,}|\b(?:or|o|instead|better|mejor|en vez|whats\w*|wa|snap\w*|insta\w*|ig|telegram|signal|discord"
    r"|tiktok|kik|facebook|fb|messenger|imessage|sms|cell|cel|celular|phone|tel[eé]fono|n[uú]mero|number"
    r"|email|e-mail|correo|gmail|dm|dms|pm|inbox|privado|private\w*|personal|directo|directly"
    r"|free fire|roblox|minecraft|steam|groupme|xbox|psn|playstation|fortnite|twitch|game|juego|server"
    # ... nor a time, a place or a secret that makes it more than a message here
    r"|alone|sol[oa]|solit[oa]|midnight|medianoche|late|tarde|tonight|esta noche|night|noche|weekend"
    r"|fin de semana|nobody|no one|nadie|baby|beb[eé]|babe|wearing|secret\w*|secreto|parents?|pap[aá]s"
    r"|padres|mom|dad|anything|lo que sea|meet|vernos|verte|pick|recoger|ride|after the program"
    r"|asleep|sleep|sleeping|bed|cama|dormid[oa]s?|delete|deleted|borra\w*|digits|contact|contacto|hang ?out"
    r"|hangout|anytime|always|siempre|first|primero|everyone|todos|give you|te doy|send you|te mando"
    r"|other|otro|otra|just us|solo nosotros|between us|entre nosotros|love|amor|cari\w*|honey|sweetie"
    r"|beautiful|hermos[oa]|guap[oa]|cutie)\b")


def asked_here(low: str, start: int, end: int) -> bool:
    """A plain ask to write whose place is this channel, with no other place in the message."""
    return (_PLAIN_ASK.search(low, start, end) is not None and _HERE.match(low, end) is not None
            and _ELSEWHERE.search(low) is None)


def asks_here_only(low: str) -> bool:
    """The message asks to write in this channel ("text me here when you're done") and names no
    other place (``asked_here``): the encoder's ask heads read "text me" and not the "here"."""
    return _ELSEWHERE.search(low) is None and any(
        _HERE.match(low, m.end()) is not None for m in _PLAIN_ASK.finditer(low))


# "my gamertag is so embarrassing", "my email is still the one i made in 6th grade", "mi usuario es
# viejísimo": a student's or mentor's own account described, nothing of it given. The match ends on
# its "is"/"es" and what follows is how the account is (an adverb, an adjective, "the one from …"),
# with no handle, address or number anywhere in the message and no "add/follow me".
_ACCOUNT_FAMILIES = frozenset({"contact.social", "contact.email"})
_CHAT_WORDS = frozenset({"lol", "lmao", "lmfao", "fr", "tbh", "ngl", "lowkey", "highkey", "jaja", "jajaja",
                         "xd", "i", "a", "y", "o", "e",
                         "bro", "u", "ur", "im", "idk", "smh", "omg", "rn", "tho", "bc", "cuz", "kinda",
                         "sorta", "gonna", "wanna", "ya", "yall", "y'all", "ok", "okay", "pls", "plz", "dont",
                         "cant", "its", "it's", "i'm", "that's", "thats", "grade", "middle", "school"})
# ... the closed set of words a description may go on with: how old, since when, what the sender
# needs now ("so embarrassing i made it when i was 10 lol", "still the one i made in 6th grade, i
# need a new one for applications")
_ACCOUNT_TALK_TEXT = (
    "i i'm im me my mine it it's its is was were be been the a an one ones this that so too very really "
    "kinda lowkey still old dead cringe embarrassing from when since back in grade middle elementary "
    "school th st nd rd made make had have has got get created started opened open used use using when "
    "was when and but or also now anymore ever never even since years year ago like literally honestly "
    "need new better different professional real for applications application college jobs job resume "
    "internship internships work gotta have to should change changing fix update mom dad made for de "
    "cuando desde que era tenía tenia hice lo la el un una nuevo nueva necesito tengo que cambiar para "
    "aplicaciones trabajo escuela primaria secundaria grado años año muy tan bien feo fea viejo vieja "
)
_ACCOUNT_TALK_WORDS = frozenset(_ACCOUNT_TALK_TEXT.split()) | _CHAT_WORDS
_GIVEN = re.compile(r"@|\d{3,}|\b[a-z]+[._-]?\d{2,}|\b(?:at|arroba|dot|punto)\b")
_RESTATED = re.compile(r"\b(?:it'?s|its|es)\b|:")
# ... an intensifier alone is no description after "it's" ("its literally shadow wolf")
_BARE_INTENSIFIER = re.compile(r"\s*(?:literally|honestly|really|pretty|not|never|like)\b")
_ENDS_ON_IS = re.compile(r"(?:\bis|\bes|'s|\bwas|\bera)\s*$")
_HOW_IT_IS = re.compile(
    r"\s*(?:(?:still|so|too|very|mad|hella|really|lowkey|kinda|kind of|literally|super|pretty|honestly"
    r"|not|never)(?=\s+(?:the one|from|so|too|very|mad|hella|really|lowkey|kinda|super|pretty|old|dead"
    r"|embarrassing|cringe|cringy|ancient|outdated|private|public|weird|corny|terrible|bad|dumb|stupid|ugly"
    r"|long|funny|hacked|banned|deleted|gone|inactive|unprofessional|childish|random|a mess|messed up"
    r"|empty)\b)\s+\w+"
    r"|like (?:so|super|really|mad)|the one (?:i|that|from|my|with)|from (?:when|middle|elementary|like|back)"
    r"|embarrassing|cringe|cringy|old|ancient|outdated|private|public|weird|corny|terrible|bad|dumb|stupid"
    r"|ugly|long|short|funny|hacked|banned|deleted|gone|dead|inactive|full|broken|a mess|messed up"
    r"|unprofessional|childish|random|muy|tan|bien|s[uú]per|todav[ií]a|sigue|viej\w*|fe[oa]|rid[ií]cul[oa]"
    r"|privad[oa]|p[uú]blic[oa]|de cuando|el mismo de|la misma de|vergonzos[oa]|horrible)\b")


def account_talked_of(low: str, start: int, end: int) -> bool:
    """An account's "my X is" followed by how the account is, nothing of it given (no handle, no
    number or address, no "add/follow me" anywhere in the message)."""
    if _ENDS_ON_IS.search(low, start, end) is None or _HOW_IT_IS.match(low, end) is None \
            or _GIVEN.search(low) is not None or not _names_no_handle(low) or _ASKS_CONTACT.search(low):
        return False
    # ... every later "it's …" says how it is again, never what it is ("… its literally shadow wolf")
    if not all(_BARE_INTENSIFIER.match(low, m.end()) is None and _HOW_IT_IS.match(low, m.end()) is not None
               for m in _RESTATED.finditer(low, end)):
        return False
    # ... and every word after it is one of the few words that tell of the account, never a name
    # or how to spell one ("… DarkWolfXx with two x", "… still shadow wolf", "… mikey, one word")
    how = _HOW_IT_IS.match(low, end)
    rest = low[how.end() if how is not None else end:]  # its own word ("viejísimo") is read already
    return all(w in _ACCOUNT_TALK_WORDS for w in re.findall(r"[a-záéíóúñü']+", rest))


@lru_cache(maxsize=8)
def _nobody_of_ours(low: str) -> bool:
    """No handle, no ask for contact and no "you" anywhere in the message (read once)."""
    return (_HANDLE_LIKE.search(low) is None and _ASKS_CONTACT.search(low) is None
            and _YOU_ANYWHERE.search(low) is None)


@lru_cache(maxsize=8)
def _a_home(low: str) -> bool:
    """A home, a unit number or a time alone anywhere in the message (read once)."""
    return _A_HOME.search(low) is not None


@lru_cache(maxsize=8)
def _names_no_handle(low: str) -> bool:
    """No handle, no "follow/add" and no "personal one" anywhere in the message (read once)."""
    return (_FOLLOW_ME.search(low) is None and _HANDLE_LIKE.search(low) is None
            and _PERSONAL_ONE.search(low) is None)


def _keeps_private(family: str, t: str, s: int, e: int) -> bool:
    """A secrecy move, or "en privado"/"private" said of an account ("tener las cuentas
    personales en privado"), not of a conversation ("hablemos en privado")."""
    if family == "offplatform.secrecy":
        words = t[s:e]
        return _PRIVACY_WORDS.search(words) is not None and _HIDING_WORDS.search(words) is None
    return (family in ("offplatform.move", "offplatform.switch_app") and "priva" in t[s:e]
            and _TALK.search(t[s:e]) is None and _ACCOUNT_BEFORE.search(t, max(0, s - 40), s) is not None)


def _quote_marks(t: str) -> str:
    """Folded text ``t`` with single quote marks (not apostrophes) made "`"."""
    return _QUOTE_MARK.sub("`", t) if "'" in t else t


def _titles(t: str) -> str:
    """Folded text ``t`` with the dots after titles (Mr., Ms., Dr., Sra. …) made spaces."""
    if "." not in t:
        return t
    return _TITLE_DOT.sub(lambda m: m.group()[:-1] + " ", t)


def _trim(t: str, s: int, e: int) -> tuple[int, int]:
    """The span without the edge characters and separators the pattern pulled in."""
    while s < e and t[s] in _EDGE:
        s += 1
    while e > s and t[e - 1] in _EDGE:
        e -= 1
    return s, e


def taken_back(family: str, role: str, text: str, start: int, end: int, weight: float) -> float:
    """``weight`` lowered to RETRACTED_WEIGHT when a student's question is retracted right after it."""
    if role == "mentor" or weight <= RETRACTED_WEIGHT or not family.startswith(_ASKS):
        return weight
    if not retracted(text, start, end) or _DETAIL.search(text, max(0, start - _NEAR), end + _NEAR):
        return weight
    return RETRACTED_WEIGHT
