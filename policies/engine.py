"""The policy engine: runs every check on a message and combines the hits into a Decision."""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from policies.config import DEFAULTS_PATH, PolicyConfig, PolicyFileError, build_config, contact_key
from policies.conversation import ConversationSettings
from policies.encoder.checks import checked_scores
from policies.encoder.spec import backs_at, corroborate_at
from policies.explain import describe, reason_for
from policies.farewell import could_thank, final_thanks
from policies.heap import fix_mmap_threshold
from policies.normalize import (
    _MENTION,
    Normalized,
    blank_markup,
    blank_mentions,
    deobfuscate,
    destretch,
    has_obfuscation,
    normalize,
    rewritten,
    windows,
)
from policies.regex import CACHE_GUARD, ENGINE, PatternSet, alternation, compile_pattern
from policies.reported import REPORT_READ_CHARS, escalates, student_reported, students_words
from policies.rereading import Rereader, composed
from policies.rules.concepts import build_layer
from policies.rules.concepts.context import (
    declined_rest,
    disguised,
    first_person_or_odd,
    handled_story,
    lesson_retold,
    line_tied_to_someone,
    says_me_too,
    story_handled_at,
    teller_in_it,
    threat_of_someone_else,
)
from policies.rules.concepts.cover import without_borrowed_authority
from policies.rules.concepts.layer import (
    HANDLE_LIKE,
    OFFICE_LINE_RULES,
    OFFICE_LINE_WEIGHT,
    PHRASE_REVIEW,
    QUIET_ALERT,
    RETRACTED_WEIGHT,
    asks_here_only,
    taken_back,
)
from policies.rules.concepts.lexicon import insult_words
from policies.rules.contact import PHONE_GATE, ContactFinder, find_phones
from policies.rules.links import LinkFinder
from policies.rules.phrasebook import expand
from policies.rules.phrases import APPROVED, PRIVATE, RULES
from policies.rules.vocabulary import rules_vocabulary
from policies.rules.words import EXTRA_BLOCK, WordMatcher, load_ordinary_words, load_profanity_list
from policies.second_reading import SecondReadingGate
from policies.spelling import Speller, known_words
from policies.types import ALLOW, Action, Decision, Hit, PolicyContext, reading_role

if TYPE_CHECKING:
    from policies.encoder.layer import EncoderLayer

__all__ = ["Policy", "PolicyFileError", "load_policy"]

logger = logging.getLogger(__name__)

# The encoder reads the raw text: platform mentions there become a name, not a handle or number.
_MENTION_ANY_CASE = re.compile(_MENTION.pattern, re.IGNORECASE)
# Set phrases that contain a rule's words but mean something ordinary; blanked before the
# phrase rules run.
_BENIGN = re.compile(r"\bsecret (?:santa|recipe|ingredient|garden|service|agent)s?\b")
_WORDISH = re.compile(r"[a-z]{2}")  # every phrase rule needs a word; "5 5 5 …" skips them
_APPROVED = re.compile(APPROVED)
_PRIVATE = re.compile(PRIVATE)
_APPROVAL_APPLIES = {"offplatform.meet", "offplatform.private", "offplatform.move"}
_CONCERN_CAP = Action.HOLD
_REREAD_ADDRESS = frozenset({"links.domain", "contact.email"})
_CLAIM_NOTE = (" — read without the message's claim that staff approved or asked for it"
               " (policies/rules/concepts/cover.py); worth checking with them")
# Phrase families that are grooming moves (a negated or reported one vetoes an encoder hold).
_GROOMING_PHRASES = frozenset({"offplatform.secrecy", "offplatform.personal", "offplatform.parents",
                               "offplatform.photo", "offplatform.gift"})
MAX_HITS_PER_RULE = 50
# A longer message with stretched letters is read a second time only around the squeezed words.
_WHOLE_VARIANT_CHARS = 2_000
# Rules whose own finders read spelled-out and leetspeak forms (``Policy._deobfuscated_hits``).
_OWN_DEOBFUSCATION = frozenset({"language.profanity", "contact.phone"})
_SUPPORT_NOTICE = ("Thank you for sharing this — your coordinator will reach out soon to make "
                   "sure you get support.")


def _masked_in(text: str, index: list[int], start: int, end: int) -> bool:
    """Whether the original of a second-reading span holds a "*" mask ("t*ts"): the profanity
    finder reads only the masks of its strong words, so the second reading's hit counts."""
    if end <= start or end > len(index):
        return False
    return "*" in text[index[start]:index[end - 1] + 1]


class Policy:
    """One program's policy, compiled once; ``evaluate`` is pure and never raises."""

    def __init__(self, config: PolicyConfig, encoder: EncoderLayer | None = None) -> None:
        self.config = config
        self.encoder = encoder  # None: the rules alone (encoder off, or --rules-only)
        ordinary = load_ordinary_words()
        allow = (ordinary - set(config.block_words)) | set(config.allow_words)
        self._words = WordMatcher(
            block=load_profanity_list() + list(EXTRA_BLOCK) + config.block_words, allow=allow
        )
        self._contact = ContactFinder()
        self._concepts = build_layer()  # concept rules (policies/rules/concepts/)
        # Self-harm words somebody else's telling may hold (not the danger-now concept: it holds).
        self._selfharm_words = frozenset({"concern.selfharm"} | {
            r.id for r in self._concepts.rules
            if r.governs == "concern.selfharm" and r.id != "concern.someone_in_danger"})
        selfharm_setting = config.rules.get("concern.selfharm")
        self._own_notice = selfharm_setting.notice if selfharm_setting is not None else ""
        self._vocab = rules_vocabulary()  # which squeezed spelling of "goood" the rules know
        # misspellings and texting spellings read as the rules' words (policies/spelling.py)
        self._speller = Speller(self._vocab, known_words())
        self._reread = Rereader(self._vocab, known_words())  # turned round, run together
        self._second = SecondReadingGate(self._vocab.__contains__, self._speller, self._reread.odd_word)
        # a masked word ("p*ta") is read as a listed or insult word before an ordinary one
        self._strong_words = frozenset(self._words.block) | insult_words()
        # ... and the encoder: the rules' words and its own word list (bound now, as the rest)
        self._encoder_known = _either(self._vocab.__contains__, encoder.knows_word) if encoder else None
        self._links = LinkFinder(config.allowed_domains)
        self._phrases = {rid: compile_pattern(alternation([expand(p) for p in pats]))
                         for rid, pats in RULES.items()}
        self._any_phrase = compile_pattern(
            alternation([expand(p) for pats in RULES.values() for p in pats])
        )
        self._phrase_ids = list(self._phrases)
        self._phrase_set = PatternSet([rx.pattern for rx in self._phrases.values()])
        # One pass that fails on most ordinary chat: profanity suspects, phone-shaped digit
        # runs, e-mail shapes and folded street addresses. When it fails, those checks are
        # skipped (each would have found nothing). The phrase rules have their own gate
        # (``_any_phrase``): one union of both would be too big for re2's DFA.
        self._gate = None
        if ENGINE == "re2":
            parts = [self._words.gate_pattern, PHONE_GATE, self._contact.email_pattern,
                     self._contact.folded_address_pattern]
            if all(parts):
                self._gate = compile_pattern("|".join(f"(?:{p})" for p in parts))

    # -- public interface -------------------------------------------------------------------

    def evaluate(self, text: str, ctx: PolicyContext) -> Decision:
        """The decision for one message; on an internal error, hold it for review."""
        try:
            decision = self._evaluate(text if isinstance(text, str) else str(text), ctx)
        except Exception:  # the relay must never crash on a message
            logger.exception("policy evaluation failed; holding the message for review")
            hit = Hit(rule="policy.error", start=0, end=0, action=Action.HOLD, alert=True,
                      reason="The policy could not check this message; please review it.",
                      notice="Your message is waiting for a quick check by your coordinator.",
                      category="policy")
            return Decision(action=Action.HOLD, alert=True, hits=(hit,), notice=hit.notice)
        try:
            CACHE_GUARD.note()  # now and then: re2's DFA caches rebuilt when memory has grown
        except Exception:  # a failed rebuild leaves working patterns; the decision stands
            logger.exception("rebuilding the compiled patterns failed")
        return decision

    def describe(self) -> str:
        """The effective policy in plain language (``mentorbot policy show``)."""
        if self.encoder is None:
            return describe(self.config, None)
        model = self.encoder.model
        runtime = f"{getattr(model, 'backend', '?')}, {getattr(model, 'threads', '?')} thread(s)"
        return describe(self.config, self.encoder.thresholds, runtime)

    @property
    def conversation(self) -> ConversationSettings:
        """This program's settings for the conversation score (policies/conversation.py)."""
        return ConversationSettings.from_config(self.config.conversation)

    def prime(self, texts: list[str]) -> None:
        """Embed many messages in small batches ahead of ``evaluate`` (a batch is cheaper per
        message than one at a time); a no-op without the encoder. Never raises."""
        if self.encoder is not None:
            try:
                self.encoder.embed([encoder_text(t, self._encoder_known) for t in texts])
            except Exception:  # evaluate() will fail closed on each message instead
                logger.exception("sentence encoder failed on a batch")

    @staticmethod
    def redact(text: str, hits: tuple[Hit, ...] | list[Hit]) -> str:
        """Replace each flagged span with "[removed]" (safeguarding disclosures are kept)."""
        spans = sorted((h.start, h.end) for h in hits
                       if h.end > h.start and h.category != "concern")
        out, pos = [], 0
        for s, e in spans:
            s = max(s, pos)
            if e <= s:
                continue
            out.append(text[pos:s])
            out.append("[removed]")
            pos = e
        out.append(text[pos:])
        return "".join(out)

    # -- detection --------------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Content hits as (rule, start, end) spans of the ORIGINAL text, in text order."""
        norm = normalize(text)
        t = blank_markup(blank_mentions(norm.text))
        raw: list[tuple[str, int, int]] = []
        gated = self._gate is None or self._gate.test(t)
        emails: list[tuple[int, int]] = []
        if gated:
            raw += [("language.profanity", s, e) for s, e, _ in self._words.find(t)]
            phones = find_phones(t)
            emails = self._contact.emails(t)
            listed = self._listed_spans(norm, text, t, phones, emails)
            raw += [("contact.phone", s, e) for s, e in phones if (s, e) not in listed]
            raw += [("contact.email", s, e) for s, e in emails if (s, e) not in listed]
        raw += [("contact.address", s, e)
                for s, e in self._contact.addresses(t, norm.cased, folded=gated)]
        for s, e, kind in self._links.find(t, lambda a, b: text[slice(*norm.span(a, b))].isascii()):
            if any(a < e and s < b for a, b in emails):
                continue
            rule = {"profile": "contact.link", "share": "links.personal_share"}.get(kind, "links.domain")
            raw.append((rule, s, e))
        if "secret" in t:
            t = _BENIGN.sub(lambda m: " " * len(m.group()), t)
        if _WORDISH.search(t) is not None and self._any_phrase.test(t):
            approved = None
            taken_back: list[int] | None = None
            # One pass names the rules present; an empty answer after a positive gate means
            # the set could not answer, so every rule is tried.
            ids = self._phrase_set.which(t)
            rids = ([self._phrase_ids[i] for i in ids] if ids is not None
                    else self._phrase_ids)
            for rid in rids:
                rx = self._phrases[rid]
                if ids is None and not rx.test(t):
                    continue
                for n, m in enumerate(rx.finditer(t)):
                    if n >= MAX_HITS_PER_RULE:
                        break
                    if rid in _APPROVAL_APPLIES:
                        if approved is None:
                            approved = bool(_APPROVED.search(t)) and not _PRIVATE.search(t)
                        if approved and _PRIVATE_CHANNEL.search(t, m.start(), m.end()) is not None:
                            if taken_back is None:  # once per message: where the sender takes a move back
                                taken_back = [b.start() for b in _TAKEN_BACK_HERE.finditer(t)]
                            if not any(at >= m.end() for at in taken_back):
                                raw.append((rid, m.start(), m.end()))
                            continue
                        if approved:
                            continue
                    raw.append((rid, m.start(), m.end()))
        out: list[tuple[str, int, int]] = []
        last_end: dict[str, int] = {}
        count: dict[str, int] = {}
        for rid, s, e in sorted(raw, key=lambda r: (r[1], r[2])):
            os_, oe = norm.span(s, e)
            # Overlapping hits of one rule are one hit; a flood of hits is capped (one is
            # enough to decide, and a 100 KB message must not make a 100 KB report).
            if os_ < last_end.get(rid, -1) or count.get(rid, 0) >= MAX_HITS_PER_RULE:
                continue
            last_end[rid] = oe
            count[rid] = count.get(rid, 0) + 1
            out.append((rid, os_, oe))
        return out

    def _evaluate(self, text: str, ctx: PolicyContext) -> Decision:
        role = reading_role(ctx.role)
        # The rules read the act without any claim that staff approved it (same length: spans
        # stay those of ``text``); the encoder reads the message as sent.
        read = without_borrowed_authority(text, role)
        hits = self._rule_hits(read, role, text)
        if read is not text and read != text:
            # A disclosure is read as written ("el jefe dice que si me quejo…" names a boss, it
            # claims no approval); every other act as read without the claim.
            hits = [h for h in hits if h.category != "concern"] + \
                [h for h in self._rule_hits(text, role, text) if h.category == "concern"]
            if _claim_blanked(read, text):
                # The coordinator should know the sender claimed staff approval: it is checkable.
                hits = [replace(h, reason=h.reason + _CLAIM_NOTE) if h.category != "concern" else h
                        for h in hits]
        if self.encoder is not None:
            enc, scores = self._encoder_hits(text, role)
            concern_score = scores.get("concern") if scores is not None else None
            if any(_ask_read(h) for h in enc) and self._retracted_ask(text, role, hits):
                enc = [_flag_only(h, _RETRACTED_NOTE, RETRACTED_WEIGHT) if h.rule in _ASK_HEADS else h
                       for h in enc]
            elif any(_ask_read(h) for h in enc) \
                    and not any(h.category in ("contact", "offplatform") and h.action is not Action.ALLOW
                                for h in hits) \
                    and len(text.lower()) == len(text) and asks_here_only(text.lower()) \
                    and not any(h.rule == "encoder.grooming" for h in enc):
                enc = [_flag_only(h, _HERE_NOTE) if h.rule in _ASK_HEADS else h for h in enc]
            if role != "mentor":
                hits = self._quiet_uncorroborated_concerns(hits, concern_score, text)
            if any(h.category == "concern" for h in hits) or any(self._corroborated(h) for h in enc):
                # A disclosure comes first: "he said he'd kill me" is not the student's insult,
                # and a student reaching out must never read "let's keep it respectful".
                enc = [h for h in enc if h.rule != "encoder.language"]
            hits += enc
            if role == "mentor" and scores is not None:
                hits = self._unbacked_mentor_reading(hits, scores, text)
            elif role == "student" and scores is not None:
                hits = self._unbacked_student_mention(hits, scores, text)
        if role == "mentor":
            hits += self._reported_disclosure(text, hits)
        elif not any(h.category == "concern" for h in hits):
            hits += self._final_thanks(text)
        if role != "mentor" and any(h.rule == "language.threat" for h in hits):
            hits = _reported_threats(hits, text)
        if role != "mentor" and any(h.rule in _SOMEONE_ELSE and h.action is Action.ALLOW for h in hits):
            hits = _somebody_elses_attempt(hits, text, self._selfharm_words, self._own_notice)
        stops = {h.category for h in hits if h.action is not Action.ALLOW} if role != "mentor" else set()
        if "concern" in stops and lesson_retold(text.lower()):
            hits = _alert_band(hits, _LESSON_NOTE)
        elif stops & {"concern", "contact", "offplatform"} and handled_story(text.lower()):
            hits = _story_moves(_alert_band(hits, _STORY_NOTE), text)
        if role != "mentor":
            hits = _ask_band_when_delivered(hits)
        hold_until = None
        cfg = self.config
        if ctx.attachment_count > 0 and not cfg.attachments_allowed:
            self._add(hits, "files.attachment", role, f"{ctx.attachment_count} attachment(s)")
        window = max(int(ctx.recent_window_s or 0), 1)
        if ctx.recent_count > cfg.flood_max * window / cfg.flood_window_s:
            self._add(hits, "volume.flood", role,
                      f"{ctx.recent_count} messages in {window} s (limit {cfg.flood_max} per "
                      f"{cfg.flood_window_s} s)")
        if ctx.sent_at is not None and cfg.quiet_enabled:
            hold_until = self._quiet_until(ctx)
            if hold_until is not None:
                self._add(hits, "time.quiet_hours", role,
                          f"sent {ctx.sent_at.isoformat()}, quiet hours "
                          f"{cfg.quiet_start:%H:%M}–{cfg.quiet_end:%H:%M}")
        return self._combine(hits, hold_until)

    def _rule_hits(self, read: str, role: str, text: str) -> list[Hit]:
        """The rules' hits (phrases, concepts, the second reading) on ``read``, a same-length
        reading of ``text`` (the message as sent, which the excerpts quote)."""
        hits: list[Hit] = []
        for rid, s, e in self.find(read):
            h = self._hit(rid, s, e, role, read, shown_from=text)
            if h is not None:
                hits.append(h)
        hits += self._concepts.hits(read, role, self.config.rules, shown_from=text)
        hits += self._deobfuscated_hits(read, role, hits)
        if not read.isascii():
            hits += self._spaced_hits(read, role, text, hits)
            if "\u202e" in read:
                hits += self._overridden_hits(read, role, text, hits)
        if "&" in read or "*" in read or "_" in read or "~~" in read:
            unmarked = without_markup(read)
            if unmarked is not None:
                hits += self._hits_on_reading(*unmarked, role, hits)
        return hits

    def _listed_named(self, text: str) -> str:
        """The message with each of the program's own listed lines and mailboxes (as ``find`` lets
        them through) put as words, for the encoder: it reads any number or address as a contact
        detail, and the rules have already judged these."""
        if not self.config.allowed_contacts or not any(c.isdigit() or c == "@" for c in text):
            return text
        norm = normalize(text)
        t = blank_markup(blank_mentions(norm.text))
        phones = find_phones(t)
        emails = self._contact.emails(t)
        words = {**{p: "the office line" for p in phones}, **{m: "the office mailbox" for m in emails}}
        listed = self._listed_spans(norm, text, t, phones, emails)
        spans = sorted((norm.span(s, e), words[(s, e)]) for s, e in listed)
        out, pos = [], 0
        for (s, e), name in spans:
            if s >= pos:  # overlapping spans: the first one only
                out += [text[pos:s], name]
                pos = e
        return "".join(out) + text[pos:]

    def _listed_spans(self, norm: Normalized, text: str, t: str, phones: list[tuple[int, int]],
                      emails: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The found numbers and addresses (spans of ``t``) that are the program's own listed lines
        and mailboxes (``contact.allowed``). None at all when the finder stopped at 50 numbers, or
        anything in the message ties a line to somebody of the chat or is first-person, personal or
        about odd hours ("call 718-555-0100 after 6, I'll answer it myself" is read as if unlisted:
        the office-line alert or the stop); and none inside a link."""
        if not self.config.allowed_contacts or len(phones) >= _PHONES_READ or line_tied_to_someone(t):
            return set()
        plain = deobfuscate(t, self._vocab.__contains__)
        if first_person_or_odd(t) or (plain is not None and first_person_or_odd(plain[0])):
            return set()
        links = [(s, e) for s, e, _ in self._links.find(t)]
        return {(s, e) for kind, found in (("phone", phones), ("email", emails)) for s, e in found
                if not any(a < e and s < b for a, b in links)
                and self._listed(norm, text, s, e, digits=kind == "phone")}

    def _listed(self, norm: Normalized, text: str, start: int, end: int, *, digits: bool) -> bool:
        """Whether a number or address found in the normalised text is one the program lists as
        its own, as sent: its characters in the original message give the listed key (a look-alike
        letter or digit gives none); for a number no digit, number word or extension runs on at
        either side ("646 718 555 0100", "… ext 23"); for an address nothing of an address or a link
        on either side ("x=careers@…", "careers@…/evil")."""
        s, e = norm.span(start, end)
        key = contact_key(text[s:e])
        if key is None or key not in self.config.allowed_contacts:
            return False
        if digits:
            return (_RUNS_ON_BEFORE.search(text, max(0, s - 12), s) is None
                    and _RUNS_ON_AFTER.match(text, e) is None)
        return ((s == 0 or _ADDRESS_CHAR.match(text, s - 1) is None)
                and _ADDRESS_GOES_ON.match(text, e) is None)

    def _hits_on_reading(self, vtext: str, index: list[int], role: str, found: list[Hit],
                         shown_from: str | None = None) -> list[Hit]:
        """The rules' hits on another reading of the message (``index``: the original position of
        each of its characters, in any order), as spans of the original; hits already found are
        kept once, unless this reading stops where they do not: then its hit replaces theirs (in
        ``found`` too). ``shown_from``: the message as sent, when ``vtext`` is as long as it."""
        more = [h for h in (self._hit(rid, s, e, role, vtext, shown_from=shown_from)
                            for rid, s, e in self.find(vtext)) if h is not None]
        more += self._concepts.hits(vtext, role, self.config.rules, shown_from=shown_from)
        out: list[Hit] = []
        for h in more:
            sent = index[h.start:max(h.end, h.start + 1)]
            start, end = (min(sent), max(sent) + 1) if sent else (len(index), len(index))
            same = [o for o in (*found, *out) if o.rule == h.rule and o.start < end and start < o.end]
            if not same:
                out.append(replace(h, start=start, end=end))
            elif h.action.severity > max(o.action.severity for o in same):
                # this reading stops what the first let through ("the school office line is …, its
                # m*y cell": the markup hid the tie, so the first reading gave the office's note)
                for o in same:
                    (found if o in found else out).remove(o)
                out.append(replace(h, start=start, end=end))
        return out

    def _overridden_hits(self, read: str, role: str, text: str, found: list[Hit]) -> list[Hit]:
        """The rules' hits on the message as a screen shows it when a right-to-left override
        (U+202E) reverses what follows it, up to a pop (U+202C) or the line's end:
        "\u202eflesym llik ot tnaw I" shows as "I want to kill myself". Spans are mapped back
        to the characters as sent."""
        segments = [(m.start(1), m.end(1)) for m in _OVERRIDDEN.finditer(read)]
        chars = list(read)
        for a, b in segments:
            chars[a:b] = chars[a:b][::-1]
        shown = "".join(chars)

        def sent_at(i: int) -> int:
            return next((a + b - 1 - i for a, b in segments if a <= i < b), i)

        return self._hits_on_reading(shown, [sent_at(i) for i in range(len(shown))], role, found)

    def _spaced_hits(self, read: str, role: str, text: str, found: list[Hit]) -> list[Hit]:
        """The rules' hits on the message with each invisible character between two letters read
        as a space: "I\u200bwant\u200bto\u200bkill\u200bmyself" shows as one run of letters,
        which a person reads as words (a zero-width character inside a word is read away by
        the fold, the first reading). Same length, so spans stay those of ``text``."""
        if _INVISIBLE_BETWEEN_LETTERS.search(read) is None:
            return []  # the usual non-ASCII message (accents, emoji): one scan
        spaced = _INVISIBLE_BETWEEN_LETTERS.sub(lambda m: " " * len(m.group()), read)
        return self._hits_on_reading(spaced, list(range(len(spaced))), role, found, shown_from=text)

    def _deobfuscated_hits(self, text: str, role: str, found: list[Hit]) -> list[Hit]:
        """The rules' hits on the message read without letter-by-letter spelling or leetspeak
        (``normalize.deobfuscate``), as spans of the original text; hits already found are kept once.
        Profanity and phone numbers are left out: their finders read these forms already, and
        leetspeak would turn digits into letters there."""
        variant = self.variant(text)
        if variant is None:
            return []
        vtext, index = variant
        more = [h for h in (self._hit(rid, s, e, role, vtext) for rid, s, e in self.find(vtext)
                            if rid not in _OWN_DEOBFUSCATION
                            or (rid == "language.profanity" and _masked_in(text, index, s, e)))
                if h is not None]
        more += [h for h in self._concepts.hits(vtext, role, self.config.rules)
                 if h.rule not in _OWN_DEOBFUSCATION]
        out: list[Hit] = []
        # Leetspeak reads an address's "@" as "a": the first pass judged the address as an
        # e-mail (an office's may be fine), so its second reading is no link, and no new address
        # ("the coordinators at mentoring@ptech-program.org" is not "coordinators@mentoringa…").
        emails = (self._email_spans(text)
                  if "@" in text and any(h.rule in _REREAD_ADDRESS for h in more) else [])
        for h in more:
            start = index[h.start] if h.start < len(index) else len(text)
            end = index[h.end - 1] + 1 if h.end > h.start else start
            if any(o.rule == h.rule and o.start < end and start < o.end for o in (*found, *out)):
                continue
            if h.rule in _REREAD_ADDRESS and any(a < end and start < b for a, b in emails):
                continue
            out.append(replace(h, start=start, end=end))
        return out

    def _email_spans(self, text: str) -> list[tuple[int, int]]:
        """E-mail addresses in ``text`` as spans of the original text."""
        norm = normalize(text)
        return [norm.span(s, e) for s, e in self._contact.emails(blank_markup(blank_mentions(norm.text)))]

    def variant(self, text: str) -> tuple[str, list[int]] | None:
        """``text`` as the second pass reads it — spelled-out words joined, leetspeak read as
        letters, stretched letters squeezed ("pleeeease", "secreeeet"), misspellings and texting
        spellings read as the rules' words ("dissapear", "wanna", "xq") — with the index in
        ``text`` of each character; None when it reads the same (the usual case)."""
        tokens = self._concepts.last_tokens(text)  # split once, by the concept layer
        if self._second.reads_the_same(text, tokens, self._concepts.last_words(text)):  # usual
            return None
        # Backwards, upside down, fancy letters, doubled, run together (policies/rereading.py): an
        # ASCII message only when one of its words may be read so (its words are mostly remembered).
        plain_ascii = tokens is not None and text.isascii()
        odd = self._second.any_odd(tokens) if plain_ascii else True  # type: ignore[arg-type]
        turned = self._reread.turned(text) if odd else None
        base, index = turned if turned is not None else (text, None)
        first = deobfuscate(base, self._vocab.__contains__, self._strong_words.__contains__)
        vtext = base
        if first is not None:
            vtext, index = first[0], composed(index, first[1])
        squeeze = partial(destretch, known=self._vocab.__contains__)
        respell = partial(self._speller.respell, tokens=tokens if vtext is text else None)
        # Words run together or doubled: a message as the concept layer split it is asked first.
        reseg = (self._reread.resegmented if vtext is not text or tokens is None
                 or (odd if plain_ascii else self._reread.any_reading(tokens)) else None)
        for step in (reseg, squeeze, respell):  # respelling reads the squeezed words
            if step is None:
                continue
            changed = step(vtext)
            if step is not respell and changed is not None:
                respell = self._speller.respell  # the changed text has its own tokens
            if changed is None:
                continue
            before, (vtext, inner) = vtext, changed
            if first is None and turned is None and len(before) > _WHOLE_VARIANT_CHARS:
                vtext, inner = windows(vtext, inner, len(before))  # only around the changes
            index = composed(index, inner)
        return None if index is None else (vtext, index)

    def _reread_only(self, text: str, hits: list[Hit]) -> bool:
        """Whether a stopping hit rests on words read turned, doubled or run together
        (``policies/rereading.py``): the encoder reads the message as sent, so its heads cannot
        vouch for those words (a "hackathon" elsewhere in the message changes nothing). Asked only
        of a stopped message the heads might otherwise release or quiet."""
        if self._reread.turned(text) is not None:
            return True
        stopping = [h for h in hits if h.action is not Action.ALLOW]
        return any(h.start < b and a < h.end for a, b, _ in self._reread.read_runs(text) for h in stopping)

    def _encoder_hits(self, text: str, role: str) -> tuple[list[Hit], dict[str, float] | None]:
        """The encoder's hits and its heads' scores; if it fails, the message is held with an
        alert (fail-closed) and the scores are None."""
        assert self.encoder is not None
        text = encoder_text(self._listed_named(text), self._encoder_known)
        try:
            scores = checked_scores(self.encoder.scores(text, role), self.encoder.thresholds)
            hits = self.encoder.hits(text, role, scores)
            if any(h.rule == "encoder.grooming" and h.action is Action.HOLD for h in hits):
                note = (_NEGATED_NOTE if self.read_away(text, role) else
                        _DECLINED_NOTE if role == "mentor" and self._declined(text, role) else None)
                if note is not None:
                    hits = [_flag_only(h, note) if h.rule == "encoder.grooming" else h for h in hits]
            if any(h.rule == "encoder.language" for h in hits) and self._only_allowed_words(text, role):
                hits = [h for h in hits if h.rule != "encoder.language"]
            return hits, scores
        except Exception as exc:
            logger.exception("sentence encoder failed; holding the message for review")
            return [Hit(rule="encoder.error", start=0, end=0, action=Action.HOLD, alert=True,
                        reason=f"The sentence encoder could not check this message ({type(exc).__name__}: "
                               f"{str(exc)[:120]}); please review it.",
                        notice="Your message is waiting for a quick check by your coordinator.",
                        category="policy")], None

    def _reported_disclosure(self, text: str, hits: list[Hit]) -> list[Hit]:
        """A mentor's report of what a student told them (``policies/reported.py``), read as the
        student's words are: a disclosure the rules or the concern head find in it, or the
        mentor asking the coordinator to follow it up, alerts the coordinator and holds the
        message for them (a student's disclosure is not relayed into a student's channel; the
        mentor is thanked). A message another rule blocks stays blocked, with that rule's notice.
        Only the first ``REPORT_READ_CHARS`` characters are read again."""
        st = self.config.rules["concern.reported"]
        span = student_reported(text) if st.on else None
        if span is None:
            return []
        why = None
        for words in (text[:REPORT_READ_CHARS], *students_words(text, span[0])):
            found = [h for h in self._rule_hits(words, "student", words) if h.category == "concern"]
            if found:
                why = f"read as the student's words: {found[0].reason.split(' — ')[0].lower()}"
                break
        if why is None:
            why = self._reported_by_head(text[:REPORT_READ_CHARS]) or (
                "the mentor asks the coordinator to follow it up" if escalates(text) else None)
        if why is None:
            return []
        action, alert = st.for_role("mentor")
        # Not a "concern" hit: that would cap another rule's block at a hold and replace its notice
        # ("Kayla said you're having trouble at home… just talk to me" is the mentor's own move).
        # Its own hold (defaults.yml) keeps a student's disclosure out of a student's channel.
        return [Hit(rule="concern.reported", start=span[0], end=span[1], action=action, alert=alert,
                    reason=f"{reason_for('concern.reported', 'mentor', text[span[0]:span[1]])} — {why}",
                    notice=st.notice, category="policy", band="alert")]

    def _final_thanks(self, text: str) -> list[Hit]:
        """A student's thank-you that sounds final (``policies/farewell.py``): delivered, the
        coordinator alerted at once (when the self-harm family is on). Not a "concern" hit, like
        ``_reported_disclosure``'s: a hint must not cap another rule's block or replace its notice."""
        st = self.config.rules["concern.selfharm"]
        if not st.on:
            return []
        if text.isascii() and text.isprintable() and "  " not in text and not could_thank(text.lower()):
            return []  # such text folds to its lower case (normalize's fast path): ≈ 5 µs saved
        norm = normalize(text)
        found = final_thanks(norm.text)
        if found is None:
            return []
        span = norm.span(*found)
        shown = text[span[0]:span[1]]
        return [Hit(rule="concern.goodbye_hint", start=span[0], end=span[1], action=Action.ALLOW, alert=True,
                    reason=f"{reason_for('concern.goodbye_hint', 'student', shown)} — a thank-you for "
                           f"everything with an absence and no return named: delivered, coordinator alerted",
                    notice=st.notice, category="policy", band="alert")]

    def _reported_by_head(self, text: str) -> str | None:
        """The concern head's reading of a mentor's report as if the student had sent it, when it
        reaches the head's alert band."""
        if self.encoder is None:
            return None
        th = self.encoder.thresholds["concern"]
        if not _alert_band_on(th):
            return None
        try:
            as_student = encoder_text(text, self._encoder_known)
            score = self.encoder.scores(as_student, "student").get("concern", 0.0)
        except Exception:  # the message's own encoder pass already failed closed
            logger.exception("sentence encoder failed on a mentor's report")
            return None
        if score < th["alert"]:
            return None
        return f"the concern head reads it at {score:.4f} as a student's (alert band {th['alert']:.4f})"

    def _declined(self, text: str, role: str) -> bool:
        """A mentor's refusal by the program's rule whose grooming hold rests on the refusal:
        read without the rule's clause, the message is below the grooming head's hold."""
        assert self.encoder is not None
        rest = declined_rest(text.lower())
        if rest is None:
            return False
        if not rest.strip(" .,!?"):
            return True
        hold = self.encoder.thresholds["grooming"]["hold"]
        return self.encoder.scores(rest, role).get("grooming", 1.0) < hold

    def _only_allowed_words(self, text: str, role: str) -> bool:
        """Whether the language head's hold rests on words this program's file allows
        (``words: allow: [damn]``): read without them, the message is below the head's threshold.
        The coordinator allowed the word; the encoder must not stop it for them."""
        assert self.encoder is not None
        allowed = self.config.allow_words
        if not allowed:
            return False
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in allowed) + r")\b", re.IGNORECASE)
        without = " ".join(pattern.sub(" ", text).split())
        if without == " ".join(text.split()):
            return False
        if not without:
            return True
        score = self.encoder.scores(without, role).get("language", 0.0)
        return score < self.encoder.thresholds["language"]["hold"]

    def _quiet_uncorroborated_concerns(self, hits: list[Hit], concern_score: float | None,
                                       text: str) -> list[Hit]:
        """A student's message held only by the rules' disclosure words, which the concern head
        does not read as a disclosure (below its alert band: "this rubric makes me want to die
        lol"), is delivered with the coordinator alerted at once — the alert band's handling.
        The coordinator still hears of it, so no disclosure is lost; the student is not told
        "thank you for sharing" about a joke, and the mentor's conversation goes on. Not when the
        words were read backwards, run together or with doubled letters ("i want to llik myself",
        "iwanttokillmyself"): the head reads the message as sent, so it cannot vouch for it."""
        assert self.encoder is not None
        th = self.encoder.thresholds["concern"]
        if not _alert_band_on(th):
            return hits
        needed = corroborate_at(th)
        stopping = [h for h in hits if h.action is not Action.ALLOW]
        if concern_score is None or concern_score >= needed or not stopping \
                or any(h.category != "concern" or h.rule in _NEVER_QUIETED for h in stopping) \
                or self._reread_only(text, hits):
            return hits
        note = (f" — the concern head reads it at {concern_score:.4f}, below the score that backs "
                f"disclosure words ({needed:.4f}): delivered, coordinator alerted, nothing shown to "
                f"the student")
        return [replace(h, action=Action.ALLOW, alert=True, band="alert", reason=h.reason + note)
                if h in stopping else h for h in hits]

    def _unbacked_mentor_reading(self, hits: list[Hit], scores: dict[str, float], text: str) -> list[Hit]:
        """A mentor's message stopped by one soft reading of the rules (one grooming, off-platform
        or harassment rule, or several on one span) that the matching heads do not back (each
        below its ``backs`` threshold) is delivered and flagged: its conversation signal is kept,
        so a mentor whose flagged moves add up raises a pattern alert and is held. On fresh
        writers' chat, most of a mentor's ordinary messages the rules stopped were one phrase
        read out of its sense ("take you out in milligrams", "get out of this program by June");
        contact details, threats, profanity, a detail (digits, "@") in the span or any encoder
        hold keep the stop."""
        assert self.encoder is not None
        stopping = [h for h in hits if h.action is not Action.ALLOW]
        if not stopping or any(not _soft_reading(h, text) for h in stopping) \
                or not self._heads_may_vouch(text, hits):
            return hits
        first_end = min(h.end for h in stopping)
        first_start = min(h.start for h in stopping)
        if not all(h.start < first_end and first_start < h.end for h in stopping):
            return hits  # two readings in two places are not "one reading"
        th = self.encoder.thresholds
        heads = {name for h in stopping for name in _SOFT_HEADS[h.category]}
        quiet = self._heads_quiet(stopping, heads, scores, text, "mentor")
        if quiet is None:
            return hits
        scores = quiet
        backed = [f"{name} {scores.get(name, 1.0):.4f} (backs at {backs_at(th[name]):.4f})"
                  for name in sorted(heads)]
        note = (f" — one reading the heads do not back ({', '.join(backed)}): delivered, flagged for "
                f"the coordinator's later look; it still counts toward the conversation score")
        return [replace(h, action=Action.ALLOW, alert=False, band="flag", reason=h.reason + note,
                        signal=max(h.signal, 1.0) if h.category in ("grooming", "offplatform") else h.signal)
                if h in stopping else h for h in hits]

    def _heads_may_vouch(self, text: str, hits: list[Hit]) -> bool:
        """Whether the heads read what the rules read, so they may overrule a stop: the message is
        plainly written, holds no detail the rules may have missed (a link, an address, a phone-length
        number), no word spelled out or in leetspeak ("p:i:c", "s3cret") and no stopping words read
        turned, doubled or run together ("tahcpans no em dda"): the encoder reads it as sent."""
        return _plainly_written(text) and _DETAIL_ANYWHERE.search(text) is None \
            and not has_obfuscation(text, self._vocab.__contains__) and not self._reread_only(text, hits)

    def _heads_quiet(self, stopping: list[Hit], heads: set[str], scores: dict[str, float], text: str,
                     role: str) -> dict[str, float] | None:
        """The heads' scores when none of ``heads`` backs the rules' one reading, on the whole
        message and on the reading's own sentence; None when one does, a head is switched off,
        the sentence is long or the encoder fails (the stop stands)."""
        assert self.encoder is not None
        th = self.encoder.thresholds
        if any(th.get(name, {}).get("on", 1.0) < 0.5 for name in heads):
            return None  # a head switched off by the program cannot vouch for the message
        if any(scores.get(name, 1.0) >= backs_at(th[name]) for name in heads):
            return None
        # ... nor in the reading's own sentence, which is short: other sentences around it
        # ("000.\nour secret.") or a long sentence of logistics around it ("the deadline is april
        # 15 and you need two letters and do you have a boyfriend") must not dilute the score.
        first_start = min(h.start for h in stopping)
        own = _sentences_of(text, first_start, max(h.end for h in stopping))
        if len(own.split()) > _SOFT_SENTENCE_WORDS:
            # A long sentence could hide a move among other words. (Round 19 tried reading the six
            # words around the reading instead: an insult or "you're different from the other
            # students" padded into logistics passed the language and grooming heads there.)
            return None
        if own not in ("", text.strip()):
            try:
                alone = checked_scores(self.encoder.scores(encoder_text(own, self._encoder_known), role),
                                       self.encoder.thresholds)
            except Exception:  # the stop stands: the encoder cannot overrule what it cannot read
                logger.exception("sentence encoder failed on a reading's sentence")
                return None
            if any(alone.get(name, 1.0) >= backs_at(th[name]) for name in heads):
                return None
            return {name: max(scores.get(name, 0.0), alone.get(name, 0.0)) for name in heads}
        return {name: scores.get(name, 0.0) for name in heads}

    def _unbacked_student_mention(self, hits: list[Hit], scores: dict[str, float], text: str) -> list[Hit]:
        """A student's message stopped only because it tells of an app, a platform or a place
        ("borré instagram porque me distraía", "a teacher got arrested for messaging students",
        "vivo en Union City y el bus tarda"), addressing nobody and naming nothing of their own,
        which none of the contact, off-platform and grooming heads reads as a move, is delivered
        and the coordinator is alerted at once. On fresh writers' chat these stops were all
        ordinary. A question or offer to the other person ("are you on reddit?", "te veo en la
        biblio"), the sender's own account ("my reddit is my name"), a meeting or a move of the
        chat, a handle, digits, a link, a disclosure, any other rule's stop, any encoder hold or
        any disguise keeps the stop (a review found all of those in a first cut)."""
        assert self.encoder is not None
        stopping = [h for h in hits if h.action is not Action.ALLOW]
        low = text.lower()
        if not stopping or any(h.rule not in _STUDENT_MENTIONS for h in stopping) \
                or any(h.category == "concern" for h in hits) or HANDLE_LIKE.search(low) is not None \
                or _ADDRESS_OR_OWN.search(low) is not None or not self._heads_may_vouch(text, hits):
            return hits
        if self._heads_quiet(stopping, set(_STUDENT_MENTION_HEADS), scores, text, "student") is None:
            return hits
        note = (" — a student names an app, a platform or a place, and no head reads a contact or "
                "off-platform move in it: delivered, coordinator alerted, nothing shown to the student")
        return [replace(h, action=Action.ALLOW, alert=True, band="alert", reason=h.reason + note)
                if h in stopping else h for h in hits]

    def _corroborated(self, hit: Hit) -> bool:
        """Whether an encoder hit is a disclosure read firmly enough to come before the language
        head: a concern hold, or an alert at or above the corroborate threshold (the wider alert
        band below it only tells the coordinator)."""
        if hit.category != "concern":
            return False
        if hit.action is not Action.ALLOW or self.encoder is None:
            return True
        return (hit.score or 0.0) >= corroborate_at(self.encoder.thresholds["concern"])

    @staticmethod
    def _retracted_ask(text: str, role: str, hits: list[Hit]) -> bool:
        """Whether a student's contact or off-platform question was taken back at once ("do u
        have snap? jk i know we can't"), as the rules read it: every such rule hit is a weak
        signal and one of them is the retraction (``taken_back``). The encoder does not read
        retractions; the rules' reading wins over its contact and off-platform holds."""
        if role == "mentor" or len(text.lower()) != len(text):
            return False
        asks = [h for h in hits if h.category in ("contact", "offplatform")]
        if not asks or any(h.action is not Action.ALLOW for h in asks):
            return False
        low = text.lower()
        return any(taken_back(h.rule, role, low, h.start, h.end, 1.0) < 1.0 for h in asks)

    def read_away(self, text: str, role: str) -> bool:
        """Whether the rules read a grooming move in ``text`` as negated or reported ("I'd never
        ask you to keep secrets", "my training said never ask for a student's snap"). The
        encoder cannot read negation; when the rules can, their reading wins over its hold."""
        text = without_borrowed_authority(text, role)
        t = blank_mentions(normalize(text).text)
        if self._concepts.read_away(t, role):
            return True
        for rid, s, e in self.find(text):
            if rid in _GROOMING_PHRASES and PHRASE_REVIEW[rid][role != "mentor"] > 0 \
                    and self._concepts.phrase_weight(rid, role, text, s, e) <= 0:
                return True
        return False

    def _hit(self, rid: str, s: int, e: int, role: str, text: str,
             shown_from: str | None = None) -> Hit | None:
        st = self.config.rules[rid]
        if not st.on:
            return None
        # Phrase hits are read like concepts: negated, reported or role-mismatched ones drop,
        # weak ones are delivered and flagged (policies/rules/concepts/layer.py).
        weight = self._concepts.phrase_weight(rid, role, text, s, e)
        if weight <= 0:
            return None
        office_line = weight == OFFICE_LINE_WEIGHT and rid in OFFICE_LINE_RULES
        quiet_alert = (role != "mentor" and rid in QUIET_ALERT) or office_line
        action, alert = st.for_role(role) if weight >= 1 else (Action.ALLOW, quiet_alert)
        sent = shown_from if shown_from is not None and len(shown_from) == len(text) else text
        reason = reason_for(rid, role, sent[s:e])
        if office_line:
            reason += _OFFICE_LINE_NOTE
        return Hit(rule=rid, start=s, end=e, reason=reason,
                   notice=st.notice, action=action, alert=alert, category=rid.split(".")[0],
                   signal=weight if rid.startswith("offplatform.") else 0.0)

    def _add(self, hits: list[Hit], rid: str, role: str, detail: str) -> None:
        st = self.config.rules[rid]
        if st.on:
            action, alert = st.for_role(role)
            hits.append(Hit(rule=rid, start=0, end=0, reason=reason_for(rid, role, detail),
                            notice=st.notice, action=action, alert=alert,
                            category=rid.split(".")[0]))

    def _quiet_until(self, ctx: PolicyContext) -> datetime | None:
        cfg = self.config
        try:
            tz = ZoneInfo(cfg.quiet_timezone or ctx.timezone or "UTC")
        except Exception:
            tz = ZoneInfo("UTC")
        sent = ctx.sent_at
        if sent is None:
            return None
        if sent.tzinfo is None:
            sent = sent.replace(tzinfo=ZoneInfo("UTC"))
        local = sent.astimezone(tz)
        now, start, end = local.time(), cfg.quiet_start, cfg.quiet_end
        if start == end:
            return None
        overnight = start > end
        inside = (now >= start or now < end) if overnight else (start <= now < end)
        if not inside:
            return None
        day = local.date()
        if overnight and now >= start:
            day = day + timedelta(days=1)
        return datetime.combine(day, end, tzinfo=tz)

    @staticmethod
    def _combine(hits: list[Hit], hold_until: datetime | None) -> Decision:
        if not hits:  # most messages: one shared frozen decision (building one costs ≈ 2 µs)
            return ALLOW
        hits.sort(key=lambda h: (h.start, h.end))
        by_encoder = {h.rule.startswith("encoder.") for h in hits}
        layer = ("rules+encoder" if len(by_encoder) == 2 else
                 "encoder" if True in by_encoder else "rules")
        alert = any(h.alert for h in hits)
        concerns = [h for h in hits if h.category == "concern"]
        # (among holds, a mentor's report speaks: its hold waits for the coordinator, not the morning)
        worst = max(hits, key=lambda h: (h.action.severity, h.rule == "concern.reported"))
        action = worst.action
        notice = worst.notice if action is not Action.ALLOW else None
        if concerns:
            alert = True
            if action.severity > _CONCERN_CAP.severity:
                action = _CONCERN_CAP
            # A low-confidence disclosure alerts quietly (delivered, no notice to the student).
            held = [h for h in concerns if h.action is not Action.ALLOW] or concerns
            notice = (held[0].notice or _SUPPORT_NOTICE) if action is not Action.ALLOW else None
        holders = [h for h in hits if h.action is Action.HOLD or h.category == "concern"]
        if not (action is Action.HOLD and holders
                and all(h.rule == "time.quiet_hours" for h in holders)
                and all(h.action is not Action.BLOCK for h in hits)):
            hold_until = None
        elif hold_until is not None:
            notice = next(h.notice for h in hits if h.rule == "time.quiet_hours")
        flag = action is Action.ALLOW and any(h.signal > 0 for h in hits)
        return Decision(action=action, alert=alert, hits=tuple(hits), notice=notice,
                        hold_until=hold_until, flag=flag, layer=layer)


_SOMEONE_ELSE = frozenset({"concern.someone_attempted", "concern.someone_self_harm"})
# Around a listed number: a digit of any script, a number word or an extension a separator or two
# away makes it part of something longer; around a listed address, a character of an address or a link.
_PHONES_READ = 50  # the phone finder stops at this many (policies/rules/contact.py)
_NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|cero|uno|dos|tres|cuatro"
                r"|cinco|seis|siete|ocho|nueve|diez)")
_RUNS_ON_BEFORE = re.compile(rf"(?:\d|\b{_NUMBER_WORD})[^\w]{{0,3}}$", re.IGNORECASE)
_RUNS_ON_AFTER = re.compile(rf"[^\w]{{0,3}}(?:\d|{_NUMBER_WORD}\b|(?:ext|extension|x)\b)", re.IGNORECASE)
_ADDRESS_CHAR = re.compile(r"[\w.'=+%&/:@-]")
_ADDRESS_GOES_ON = re.compile(r"[/@?#=&]|\.[\w-]")
_OFFICE_LINE_NOTE = (" — given as a school's, program's or office's line or mailbox, nothing tying it to "
                     "somebody of the chat: delivered, coordinator alerted to check it is the institution's")
# Somebody in danger now is held whatever the concern head reads: the emergency notice matters.
_NEVER_QUIETED = frozenset({"concern.someone_in_danger"})
# A mentor's soft readings (``Policy._unbacked_mentor_reading``): the heads that may back each
# category's stop, and the rules that always keep theirs (threats, "kys", sexual remarks, the
# profanity list).
_SOFT_HEADS = {"grooming": ("grooming", "offplatform"), "offplatform": ("grooming", "offplatform"),
               "language": ("language",)}
_NEVER_SOFT = ("language.profanity", "language.slur", "language.threat", "language.kys",
               "language.sexual_remark")
# A student's mention of an app, a platform or a place (``Policy._unbacked_student_mention``): the
# rules whose lone stop the heads may overrule, and the heads that must all stay quiet.
_STUDENT_MENTIONS = frozenset({"contact.social", "contact.handle", "contact.place", "offplatform.switch_app",
                               "offplatform.app_send"})
_STUDENT_MENTION_HEADS = ("contact", "offplatform", "grooming")
# ... told of, not asked or offered: nobody of the chat addressed ("are you on reddit?", "te veo en la
# biblio") and nothing of the sender's own named ("my reddit is just my first name"). A platform the
# heads have never seen reads low to them, so the words must carry the difference.
_ADDRESS_OR_OWN = re.compile(r"\b(?:you|u|ya|ur|your|yours|y'?all|te|ti|tu|tus|usted|ustedes|contigo|le|les"
                             r"|my|mine|mi|mis|our|nuestr[oa]s?|let'?s|lets|we|us|nos|hmu|(?:add|follow|find|hit|text|dm|msg"
                             r"|message|call|check) me|s[ií]gueme|agr[eé]game|b[uú]scame|escr[ií]beme)\b")
_DETAIL_IN_SPAN = re.compile(r"[0-9@$|!+*]")
# ... nor anywhere in the message: a link, an address or a phone-length run of digits the other
# rules may have missed ("te mandé un link a mi OneDrive: 1drv.ms/u/s!Ak3x")
_DETAIL_ANYWHERE = re.compile(r"@|https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|ms|ly|gg|io|me|co|us|edu|gov|app|link)\b"
                              r"|\d[\d\s().-]{5,}\d", re.IGNORECASE)


_SENTENCE_BREAK = re.compile(r"[.!?\n]+")


def _sentences_of(text: str, start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]``, stripped."""
    begin = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        begin = m.end()
    stop = _SENTENCE_BREAK.search(text, end)
    return text[begin:stop.end() if stop else len(text)].strip()


# The longest sentence whose single soft reading the heads may overrule (padding a move with
# logistics in one long sentence lowers its score).
_SOFT_SENTENCE_WORDS = 14


def _plainly_written(text: str) -> bool:
    """No invisible character, no combining mark typed on its own (overlays, underlines) and no
    letter but an ASCII letter with at most its accents ("оur sеcret" in Cyrillic, "ᴏᴜʀ ꜱᴇᴄʀᴇᴛ" in
    small capitals, "𝐨𝐮𝐫 𝐬𝐞𝐜𝐫𝐞𝐭" in mathematical bold, full-width or circled letters): the
    encoder reads the message as sent, so a disguise that the rules see through must not lower the
    score that could overrule them."""
    for ch in text:
        if ch.isascii():
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Mn", "Me"):
            return False
        if cat.startswith("L") or cat == "So":
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and any(c.isalpha() for c in folded):
                return False  # full-width, circled or mathematical letters ("ｔｅｘｔ ｍｅ", "ⓜⓔⓔⓣ")
            if not cat.startswith("L"):
                continue
            base = unicodedata.normalize("NFKD", ch)
            if not (base[0].isascii() and base[0].isalpha()
                    and all(unicodedata.category(c) == "Mn" for c in base[1:])):
                return False
    return True


def _soft_reading(hit: Hit, text: str) -> bool:
    """Whether a stopping hit is a rule's reading the heads may overrule: a grooming,
    off-platform or harassment rule (not an encoder hold, a contact detail or a threat) with no
    digit or symbol ("@", "$", "|", "!", "+", "*") in its span."""
    return (hit.category in _SOFT_HEADS and not hit.rule.startswith(("encoder.", *_NEVER_SOFT))
            and hit.end > hit.start and _DETAIL_IN_SPAN.search(text, hit.start, hit.end) is None)
_SOMEONE_NOTE = (" — words of somebody else's attempt, told by the student: delivered, coordinator "
                 "alerted, nothing shown to the student")
_ME_TOO_NOTE = (" — and the student is in it, or says it is theirs too: their own disclosure: held, "
                "coordinator alerted, the kind notice")
_LESSON_NOTE = (" — the student retells a safety lesson, with nothing of their own: delivered, "
                "coordinator alerted, nothing shown to the student")
_STORY_NOTE = (" — the student tells of somebody else's trouble that an adult already knows of: "
               "delivered, coordinator alerted, nothing shown to the student")


def _alert_band(hits: list[Hit], note: str) -> list[Hit]:
    """Disclosure hits, from the rules or the concern head, moved to the alert band: the
    coordinator still hears of it, and a class topic or a friend's handled story is not held
    from the mentor."""
    return [replace(h, action=Action.ALLOW, alert=True, band="alert", reason=h.reason + note)
            if h.category == "concern" and h.action is not Action.ALLOW else h for h in hits]


# In a story of somebody else's, the words of what happened to them ("got a msg on insta from some
# guy", before "she blocked him") are the story's: a social or app hit there, with nobody of the chat
# in its words, no handle anywhere and no invitation in the message ("hmu", "wanna", "hablemos").
_STORY_FAMILIES = frozenset({"contact.social", "offplatform.app_send", "offplatform.private",
                             "offplatform.switch_app"})
_CHAT_PERSON = re.compile(r"\b(?:me|my|mine|mi|mis|you|u|ya|te|tu|tus|ur|your|yours|let'?s|lets|we|us)\b"
                          r"|[@0-9]")
_INVITES = re.compile(r"\b(?:hmu|hit me|wanna|want to|let'?s|lets|instead|here|aqu[ií]|ac[aá]|\w+emos"
                      r"|text me|call me|dm me|add me|facetime|call|ll[aá]ma\w*|escr[ií]b\w*|podemos|vamos"
                      r"|tonight|later|luego|m[aá]s tarde)\b")
_STORY_MOVE_NOTE = (" — part of the story of somebody else's trouble told above: delivered, flagged for a "
                    "later look")


def _story_moves(hits: list[Hit], text: str) -> list[Hit]:
    """Social and app hits in what happened to somebody else, before the story says it was
    handled, become flags (the story's own words, not an ask)."""
    low = text.lower()
    told_at = story_handled_at(low)
    if len(low) != len(text) or told_at < 0 or _INVITES.search(low) or HANDLE_LIKE.search(low):
        return hits
    return [replace(h, action=Action.ALLOW, alert=False, signal=max(h.signal, RETRACTED_WEIGHT), band="flag",
                    reason=h.reason + _STORY_MOVE_NOTE)
            if h.rule in _STORY_FAMILIES and h.action is not Action.ALLOW and h.start < h.end <= told_at
            and _CHAT_PERSON.search(low[h.start:h.end]) is None
            else h for h in hits]


_REPORTED_THREAT_NOTE = (" — a threat somebody else made, told by the student: held, coordinator alerted "
                         "(a safeguarding report, not the student's threat)")


def _somebody_elses_attempt(hits: list[Hit], text: str, selfharm: frozenset[str],
                            own_notice: str) -> list[Hit]:
    """A student telling of somebody else's attempt or self-harm. Self-harm words inside that
    telling ("attempted suicide", "took a bunch of pills") are the friend's: they alert without
    holding. The student in the telling ("my friend and i both took…"), adding after it that it is
    theirs too ("same tbh"), or a disguise ("hypothetically", "asking for a friend") makes it their
    own: held, the self-harm notice. Any other disclosure (abuse, the student's own words) keeps its hold."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: keep the hits' spans in place
        low = "".join(ch.lower()[:1] for ch in text)
    someone = [h for h in hits if h.rule in _SOMEONE_ELSE]
    own = [h for h in someone if teller_in_it(low, h.start, h.end)]
    if own or says_me_too(low, min(h.end for h in someone)) or disguised(low):
        return [replace(h, action=Action.HOLD, notice=own_notice or None, reason=h.reason + _ME_TOO_NOTE)
                if h in someone else h for h in hits]

    def the_friends(h: Hit) -> bool:
        return h.rule in selfharm and h.action is not Action.ALLOW and any(
            h.start < o.end and o.start < h.end for o in someone)

    return [replace(h, action=Action.ALLOW, alert=True, band="alert", reason=h.reason + _SOMEONE_NOTE)
            if the_friends(h) else h for h in hits]


# A move naming a private channel is never the program's own arrangement.
_PRIVATE_CHANNEL = re.compile(
    r"\b(?:dms?|pms?|inbox|direct messages?|private messages?|privado|text(?:s|ing)?)\b")


def _alert_band_on(thresholds: dict[str, float]) -> bool:
    """Whether the concern head and its alert band are on (a program may switch either off)."""
    return thresholds.get("on", 1.0) >= 0.5 and thresholds.get("alert", 2.0) <= 1


# "… jk just post it here", "… i mean type them here": the approvals' retraction form, the only way a
# move naming a private channel is taken back — never "actually I'm here till 9" or "no wait, don't
# reply here, text me".
_TAKEN_BACK_HERE = re.compile(
    r"\b(?:i mean|jk|just kidding|actually|wait no|no wait)[ ,]+(?:just )?"
    r"(?:post|put|paste|type|drop|share|send) (?:it|that|them|this|the answers?|your answers?|it all)"
    r" (?:here|in here|in the chat|in this chat|in the channel)\b")


def _reported_threats(hits: list[Hit], text: str) -> list[Hit]:
    """A student's message telling of somebody else's threat ("this kid keeps saying hes gonna
    shoot up the school") is a safeguarding report: held with the coordinator alerted and the
    kind sentence, never blocked as the student's own threat."""
    low = text.lower()
    if len(low) != len(text):
        return hits
    return [replace(h, action=Action.HOLD, alert=True, category="concern", notice=_SUPPORT_NOTICE,
                    reason=h.reason + _REPORTED_THREAT_NOTE)
            if h.rule == "language.threat" and h.end > h.start
            and threat_of_someone_else(low, h.start, h.end) else h
            for h in hits]


def _claim_blanked(read: str, text: str) -> bool:
    """Whether the reading blanked words of ``text`` (a claim), not only renamed "the mentor"."""
    return any(r == " " and c != " " for r, c in zip(read, text, strict=True))


def encoder_text(text: str, known: Callable[[str], bool] | None = None) -> str:
    """What the encoder reads of a message (``prime``, ``evaluate`` and training embed the same
    text): platform mentions become a name, stretched letters are squeezed ("pleeeease" reads
    as "please", which the model knows; "pleeeease" it splits into odd word pieces)."""
    if "<" in text:  # a platform mention is a person or channel here, not a handle or number
        text = _MENTION_ANY_CASE.sub("Sam", text)
    squeezed = destretch(text, known)
    return text if squeezed is None else squeezed[0]


# Markup inside a word that a screen does not show as letters: an HTML entity ("&#107;ill",
# "a&shy;ddress"), emphasis marks ("**k**ill", "_hi_ts") and a struck-out letter ("k~~x~~ill").
_MARKUP = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"
    r"|(?<=[^\W\d_])~~[^~\s]{1,3}~~|~~[^~\s]{1,3}~~(?=[^\W\d_])"
    r"|(?<=[^\W\d_])(?:\*\*?|__?)(?=[^\W\d_])"
    r"|(?<![^\W_])(?:\*\*?|__?)(?=[^\W\d_]{1,20}(?:\*\*?|__?)[^\W\d_])")


def without_markup(text: str) -> tuple[str, list[int]] | None:
    """``text`` as a screen shows its letters — entities decoded, emphasis marks inside words
    dropped, struck-out letters inside a word dropped — with the index in ``text`` of each
    character; None when there is none of it."""
    return rewritten(text, ((m.start(), m.end(), html.unescape(m.group()) if m.group()[0] == "&" else "")
                            for m in _MARKUP.finditer(text)))


# What a right-to-left override reverses on screen: up to a pop or the line's end.
_OVERRIDDEN = re.compile("\u202e([^\u202c\n]*)")
# Characters people put where a space goes, which the first reading deletes (zero-width space,
# word joiner, invisible operators, byte-order mark, Mongolian vowel separator, Hangul fillers),
# between two letters (``Policy._spaced_hits``). Not the soft hyphen, the zero-width (non-)joiner
# or variation selectors: those sit inside words ("Dick\u00adens", Persian, emoji) and never
# stand for a space.
_INVISIBLE_BETWEEN_LETTERS = re.compile(
    r"(?<=[^\W\d_])[\u200b\u2060-\u2064\ufeff\u180e\u115f\u1160\u3164\uffa0]+(?=[^\W\d_])")
_NEGATED_NOTE = "(the rules read the move as negated or reported: delivered, flagged for a later look)"
_DECLINED_NOTE = ("(the mentor turns something down by the program's rule: delivered, flagged for a "
                  "later look)")
_RETRACTED_NOTE = ("(the rules read the student's question as taken back at once: delivered, flagged "
                   "for a later look)")
# ... and the note when the ask is to write here, in this channel (``asks_here_only``).
_HERE_NOTE = "(asked to write here, in this channel: delivered, flagged)"
# Encoder heads whose hold a student's retracted question turns into a flag (``_retracted_ask``).
_ASK_HEADS = frozenset({"encoder.contact", "encoder.offplatform"})


def _ask_band_when_delivered(hits: list[Hit]) -> list[Hit]:
    """The students' contact and off-platform alert band alerts only on a message that is
    delivered: one the rules already stop (a number blocked, a meeting held) keeps the stop's own
    handling, as before the band existed ("from a student: blocked", no alert)."""
    if not any(h.action is not Action.ALLOW for h in hits):
        return hits
    note = " — the rules stop the message, so the band adds no alert"
    return [replace(h, alert=False, reason=h.reason + note) if h.rule in _ASK_HEADS and h.band == "alert"
            else h for h in hits]


def _ask_read(hit: Hit) -> bool:
    """An encoder contact or off-platform hit that would stop the message or alert the coordinator
    (the students' alert band): what a retraction or "text me here" may turn into a flag."""
    return hit.rule in _ASK_HEADS and (hit.action is Action.HOLD or hit.band == "alert")


def _flag_only(hit: Hit, note: str = _NEGATED_NOTE, signal: float | None = None) -> Hit:
    """An encoder hold the rules read away (a negated or reported grooming move, a retracted
    question): delivered and flagged (``signal``: its weight when the hit had none)."""
    return Hit(rule=hit.rule, start=0, end=0, action=Action.ALLOW, alert=False,
               reason=hit.reason.replace("(hold band: held)", note).replace(
                   "(alert band: delivered, coordinator alerted, nothing shown to the student)", note),
               notice=hit.notice, category=hit.category,
               signal=hit.signal if signal is None else max(hit.signal, signal), score=hit.score,
               threshold=hit.threshold, band="flag")


def _either(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    """A word test passed by a word either test passes."""
    return lambda word: first(word) or second(word)


def load_policy(path: str | Path | None = None, *, rules_only: bool = False) -> Policy:
    """The shipped defaults, overlaid with a program's policy file when given.

    With the encoder on (the default) its model files and heads are loaded and checked here;
    if they are missing or not the pinned files this raises EncoderUnavailable, which says
    how to install them. ``rules_only`` skips the encoder whatever the file says.
    """
    files = [DEFAULTS_PATH]
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise PolicyFileError("file not found", path=str(p))
        files.append(p)
    config = build_config(files)
    encoder = None
    if config.encoder_on and not rules_only:
        from policies.encoder.layer import EncoderLayer

        encoder = EncoderLayer(config.encoder_thresholds)
    policy = Policy(config, encoder)
    fix_mmap_threshold()  # loaded: from now on a message's large buffers are mapped, not heap (heap.py)
    return policy
