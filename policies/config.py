"""The policy file: YAML read with line numbers, validated, merged over the shipped defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

import yaml

from policies.encoder.spec import HEAD_THRESHOLDS
from policies.types import Action

DEFAULTS_PATH = Path(__file__).resolve().parent / "defaults.yml"
RULE_IDS = (
    "contact.phone", "contact.email", "contact.social", "contact.address", "contact.link",
    "offplatform.meet", "offplatform.ride", "offplatform.home", "offplatform.private",
    "offplatform.move", "offplatform.secrecy", "offplatform.gift", "offplatform.photo",
    "offplatform.parents", "offplatform.personal",
    "language.profanity", "language.harassment", "language.threat",
    "concern.selfharm", "concern.abuse", "concern.neglect", "concern.exploitation",
    "concern.homeless", "concern.someone_else", "concern.reported",
    "links.domain", "links.personal_share", "files.attachment", "time.quiet_hours", "volume.flood",
)
ROLES = ("student", "mentor")
_RULE_KEYS = {"on", "action", "alert", "notice", "student", "mentor"}
_ROLE_KEYS = {"action", "alert"}
_TOP_KEYS = {"version", "rules", "links", "contact", "attachments", "quiet_hours", "flood", "words",
             "encoder", "conversation"}
# The encoder's heads and the thresholds each may move ("hold" stops the message; "flag" marks a
# delivered grooming signal; "alert" tells the coordinator about a possible disclosure).
ENCODER_HEADS = HEAD_THRESHOLDS  # policies/encoder/spec.py: one table for every head
BAND_OFF = 2.0  # a low band's threshold that no probability reaches: the band is off
_CONVERSATION_KEYS = {"on", "half_life_days", "window_days", "alert_at", "min_messages"}
_HHMM = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


class PolicyFileError(Exception):
    """An invalid policy file; ``line`` is 1-based (None when the whole file is at fault)."""

    def __init__(self, message: str, *, line: int | None = None, path: str | None = None):
        where = f"{path or 'policy file'}" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {message}")
        self.line = line
        self.reason = message
        self.path = path


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """How one rule acts, per sender role."""

    on: bool
    action: Action
    alert: bool
    notice: str
    by_role: dict[str, tuple[Action, bool]] = field(default_factory=dict)

    def for_role(self, role: str) -> tuple[Action, bool]:
        return self.by_role.get(role, (self.action, self.alert))


@dataclass(frozen=True, slots=True)
class PolicyConfig:
    """The effective policy of one program."""

    rules: dict[str, RuleSetting]
    allowed_domains: list[str]
    attachments_allowed: bool
    quiet_enabled: bool
    quiet_start: time
    quiet_end: time
    quiet_timezone: str | None
    flood_max: int
    flood_window_s: int
    block_words: list[str]
    allow_words: list[str]
    source: str
    encoder_on: bool = True
    # Per head, the thresholds the program moved; the rest come from the trained heads file.
    encoder_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    conversation: dict[str, float] = field(default_factory=dict)
    # The program's own public lines and mailboxes (``contact.allowed``), as ``contact_key`` reads
    # them: delivered with no stop and no alert.
    allowed_contacts: frozenset[str] = frozenset()


MAX_VALUES = 100_000  # values a policy file may hold once its aliases (*name) are expanded


def _plain(node: yaml.Node, budget: list[int] | None = None) -> Any:
    """A YAML node as plain Python, remembering the line of every mapping value.

    ``budget`` counts the values left: aliases that repeat each other into millions of values
    (a "billion laughs") are refused instead of hanging the bot's start-up."""
    budget = [MAX_VALUES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise PolicyFileError("the anchors (&name) and aliases (*name) here repeat each other into "
                              "far more values than a policy file holds; write the values out instead",
                              line=node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for k, v in node.value:
            key = str(k.value)
            if key in out:
                raise PolicyFileError(f"'{key}' is given twice", line=k.start_mark.line + 1)
            out[key] = _plain(v, budget)
            lines[key] = k.start_mark.line + 1
        out["__lines__"] = lines
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, budget) for v in node.value]
    return yaml.safe_load(yaml.serialize(node))


def read_yaml(path: Path) -> dict[str, Any]:
    """Parse a policy file, turning YAML errors into PolicyFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyFileError(f"cannot read the file ({exc})", path=str(path)) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is None:
            return {"__lines__": {}}
        if not isinstance(node, yaml.MappingNode):
            raise PolicyFileError("the file must be a mapping of settings", line=1, path=str(path))
        return _plain(node)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise PolicyFileError(f"not valid YAML: {exc.problem}", line=line, path=str(path)) from exc
    except RecursionError:
        raise PolicyFileError("the file nests lists or blocks deeper than any policy file; see "
                              "docs/policy.md for its shape", line=1, path=str(path)) from None
    except PolicyFileError as exc:
        raise PolicyFileError(exc.reason, line=exc.line, path=exc.path or str(path)) from None


class _Checker:
    """Validates one parsed file; every complaint names its line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, msg: str, d: dict[str, Any], key: str | None = None) -> None:
        line = d.get("__lines__", {}).get(key) if key else None
        raise PolicyFileError(msg, line=line, path=self.path)

    def mapping(self, d: dict[str, Any], key: str) -> dict[str, Any]:
        v = d.get(key)
        if v is None:
            return {"__lines__": {}}
        if not isinstance(v, dict):
            self.fail(f"'{key}' must be a mapping of settings, not {v!r}", d, key)
        return v

    def keys(self, d: dict[str, Any], allowed: set[str], what: str) -> None:
        for k in d:
            if k != "__lines__" and k not in allowed:
                hint = ", ".join(sorted(allowed))
                self.fail(f"unknown setting '{k}' in {what} (expected one of: {hint})", d, k)

    def boolean(self, d: dict[str, Any], key: str) -> bool:
        if not isinstance(d[key], bool):
            self.fail(f"'{key}' must be true or false, not {d[key]!r}", d, key)
        return d[key]

    def action(self, d: dict[str, Any], key: str) -> Action:
        try:
            return Action(str(d[key]).lower())
        except ValueError:
            self.fail(f"'{key}' must be allow, hold or block, not {d[key]!r}", d, key)
            raise

    def positive_int(self, d: dict[str, Any], key: str) -> int:
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            self.fail(f"'{key}' must be a whole number above 0, not {v!r}", d, key)
        return v

    def clock(self, d: dict[str, Any], key: str) -> time:
        m = _HHMM.match(str(d[key]))
        if not m:
            self.fail(f"'{key}' must be a time like \"21:00\", not {d[key]!r}", d, key)
            raise AssertionError
        return time(int(m.group(1)), int(m.group(2)))

    def number(self, d: dict[str, Any], key: str, low: float, high: float) -> float:
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, int | float) or not low <= v <= high:
            self.fail(f"'{key}' must be a number from {low:g} to {high:g}, not {v!r}", d, key)
        return float(v)

    def strings(self, d: dict[str, Any], key: str) -> list[str]:
        v = d[key]
        if v is None:
            return []
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(f"'{key}' must be a list of words or names (like [a, b]), not {v!r}", d, key)
        return [x.strip().lower() for x in v]


_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_EMAIL = re.compile(rf"[a-z0-9][a-z0-9._%+-]*@{_LABEL}(?:\.{_LABEL})+")


def contact_key(detail: str) -> str | None:
    """How a listed line or mailbox is compared with one in a message: an e-mail address
    lower-cased; a phone number as its digits, the US country code dropped ("+1 (718) 555-0100" and
    "718.555.0100" are one line); None when it is neither."""
    d = detail.strip().lower()
    if _EMAIL.fullmatch(d):
        return d
    if re.fullmatch(r"[0-9\s()+.\-]+", d) is None or d.count("(") > 1 or d.count("+") > 1:
        return None
    digits = re.sub(r"[^0-9]", "", d)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if 7 <= len(digits) <= 15 else None


def build_config(files: list[Path]) -> PolicyConfig:
    """Merge the shipped defaults and a program file (later files win) into one config."""
    state: dict[str, Any] = {"rules": {}, "block": [], "allow": [], "enc_on": True, "enc_th": {},
                             "conv": {}, "contacts": set()}
    for path in files:
        _apply(read_yaml(path), state, _Checker(str(path)))
    missing = [r for r in RULE_IDS if r not in state["rules"]]
    if missing:
        raise PolicyFileError(f"the defaults do not configure {', '.join(missing)}")
    clash = sorted(set(state["block"]) & set(state["allow"]))
    if clash:
        raise PolicyFileError(f"words both blocked and allowed: {', '.join(clash)}",
                              path=str(files[-1]))
    return PolicyConfig(
        rules=state["rules"], allowed_domains=state["domains"],
        attachments_allowed=state["attach"], quiet_enabled=state["q_on"],
        quiet_start=state["q_start"], quiet_end=state["q_end"], quiet_timezone=state["q_tz"],
        flood_max=state["f_max"], flood_window_s=state["f_win"], block_words=state["block"],
        allow_words=state["allow"], source=str(files[-1]), encoder_on=state["enc_on"],
        encoder_thresholds=state["enc_th"], conversation=state["conv"],
        allowed_contacts=frozenset(state["contacts"]),
    )


def _apply(doc: dict[str, Any], st: dict[str, Any], c: _Checker) -> None:
    c.keys(doc, _TOP_KEYS, "the file")
    if "version" in doc and doc["version"] != 1:
        c.fail(f"unsupported version {doc['version']!r} (this mentorbot reads version 1)", doc,
               "version")
    rules = c.mapping(doc, "rules")
    for rid, spec in rules.items():
        if rid == "__lines__":
            continue
        if rid not in RULE_IDS:
            c.fail(f"unknown rule '{rid}' (see docs/policy.md for the list)", rules, rid)
        if not isinstance(spec, dict):
            c.fail(f"rule '{rid}' must be a mapping (on, action, alert, notice…)", rules, rid)
        c.keys(spec, _RULE_KEYS, f"rule '{rid}'")
        old = st["rules"].get(rid)
        on = c.boolean(spec, "on") if "on" in spec else (old.on if old else True)
        act = c.action(spec, "action") if "action" in spec else (old.action if old else None)
        alert = c.boolean(spec, "alert") if "alert" in spec else (old.alert if old else False)
        if "notice" in spec and (not isinstance(spec["notice"], str) or not spec["notice"].strip()):
            c.fail(f"'notice' of rule '{rid}' must be text (the sentence the sender reads, in quotes), "
                   f"not {spec['notice']!r}", spec, "notice")
        notice = spec.get("notice", old.notice if old else None)
        if act is None or not notice:
            c.fail(f"rule '{rid}' needs an action and a notice", rules, rid)
        by_role = dict(old.by_role) if old else {}
        for role in ROLES:
            if role in spec:
                r = spec[role]
                if not isinstance(r, dict):
                    c.fail(f"'{role}' in rule '{rid}' must be a mapping", spec, role)
                c.keys(r, _ROLE_KEYS, f"'{role}' of rule '{rid}'")
                base = by_role.get(role, (act, alert))
                by_role[role] = (c.action(r, "action") if "action" in r else base[0],
                                 c.boolean(r, "alert") if "alert" in r else base[1])
        st["rules"][rid] = RuleSetting(on=on, action=act, alert=alert, notice=notice.strip(),
                                       by_role=by_role)
    _apply_settings(doc, st, c)


def _apply_settings(doc: dict[str, Any], st: dict[str, Any], c: _Checker) -> None:
    """Everything but the rules: links, attachments, quiet hours, flood, words, encoder."""
    links = c.mapping(doc, "links")
    c.keys(links, {"allowed_domains"}, "links")
    if "allowed_domains" in links:
        st["domains"] = c.strings(links, "allowed_domains")
    contact = c.mapping(doc, "contact")
    c.keys(contact, {"allowed"}, "contact")
    if "allowed" in contact:
        st["contacts"] = set()
        entries = contact["allowed"] or []
        if isinstance(entries, list) and any(isinstance(x, int) for x in entries):
            c.fail("put each phone number in contact.allowed in quotes, like \"718-555-0100\" "
                   "(unquoted, YAML reads it as a number)", contact, "allowed")
        for entry in c.strings(contact, "allowed"):
            key = contact_key(entry)
            if key is None:
                c.fail(f"'{entry}' in contact.allowed is neither a phone number (7 to 15 digits, like "
                       "718-555-0100) nor an e-mail address (like office@school.example.org)",
                       contact, "allowed")
            st["contacts"].add(key)
    att = c.mapping(doc, "attachments")
    c.keys(att, {"allowed"}, "attachments")
    if "allowed" in att:
        st["attach"] = c.boolean(att, "allowed")
    q = c.mapping(doc, "quiet_hours")
    c.keys(q, {"on", "start", "end", "timezone"}, "quiet_hours")
    if "on" in q:
        st["q_on"] = c.boolean(q, "on")
    if "start" in q:
        st["q_start"] = c.clock(q, "start")
    if "end" in q:
        st["q_end"] = c.clock(q, "end")
    if "timezone" in q:
        st["q_tz"] = _timezone(q, c)
    st.setdefault("q_tz", None)
    f = c.mapping(doc, "flood")
    c.keys(f, {"max_messages", "window_seconds"}, "flood")
    if "max_messages" in f:
        st["f_max"] = c.positive_int(f, "max_messages")
    if "window_seconds" in f:
        st["f_win"] = c.positive_int(f, "window_seconds")
    w = c.mapping(doc, "words")
    c.keys(w, {"block", "allow"}, "words")
    for key in ("block", "allow"):
        if key in w:
            st[key] = st[key] + c.strings(w, key)
    _encoder(c.mapping(doc, "encoder"), st, c)
    _conversation(c.mapping(doc, "conversation"), st, c)
    for k in ("domains", "attach", "q_on", "q_start", "q_end", "f_max", "f_win"):
        if k not in st:
            raise PolicyFileError(f"the defaults file is missing a setting ({k})", path=c.path)


def _encoder(e: dict[str, Any], st: dict[str, Any], c: _Checker) -> None:
    """``encoder: {on, thresholds: {head: {hold, flag|alert}}}``; thresholds are probabilities."""
    c.keys(e, {"on", "thresholds"}, "encoder")
    if "on" in e:
        st["enc_on"] = c.boolean(e, "on")
    th = c.mapping(e, "thresholds")
    c.keys(th, set(ENCODER_HEADS), "encoder thresholds")
    for head, spec in th.items():
        if head == "__lines__":
            continue
        if not isinstance(spec, dict):
            c.fail(f"'{head}' in encoder thresholds must be a mapping like {{hold: 0.9}}", th, head)
        c.keys(spec, {"on", *ENCODER_HEADS[head]}, f"encoder thresholds of '{head}'")
        moved = dict(st["enc_th"].get(head, {}))
        for k in spec:
            if k == "on":
                moved["on"] = float(c.boolean(spec, "on"))
            elif k in ("flag", "alert") and spec[k] is False:
                moved[k] = BAND_OFF  # `alert: false` switches the band off; the hold stays
            elif k == "backs" and spec[k] is False:
                moved[k] = 0.0  # `backs: false`: the head backs every rule stop (none overruled)
            elif k in ("flag", "alert") and (isinstance(spec[k], bool)
                                             or not isinstance(spec[k], int | float)):
                c.fail(f"'{k}' must be a number from 0.01 to 1, or false to switch the {k} band "
                       f"off, not {spec[k]!r}", spec, k)
            elif k != "__lines__":
                moved[k] = c.number(spec, k, 0.01, 1.0)
        _check_order(head, spec, moved, c)
        st["enc_th"] = {**st["enc_th"], head: moved}


# Each head's thresholds in order, lower first, and why. Pairs are checked on the combined values
# (the trained ones overlaid by the program's). Corroborate only counts while the alert band is on,
# and is checked against it only when a file moves it: a program that raises only its alert band
# raises corroborate with it (``corroborate_at``).
_ORDER: dict[tuple[str, str], str] = {
    ("flag", "hold"): "the flag band lies below the hold",
    ("alert", "hold"): "the alert band lies below the hold",
    ("corroborate", "hold"): "the head backs disclosure words between its alert band and its hold",
    ("alert", "corroborate"): "disclosure words the head does not back alert, so the band must start "
                              "at or below it",
    ("backs", "hold"): "a score the head holds at backs the rules too",
}
_CHECK_FIRST = ("corroborate", "backs", "flag", "alert", "hold")  # the inner threshold is blamed first


def _check_order(head: str, spec: dict[str, Any], moved: dict[str, float], c: _Checker) -> None:
    """Refuse a file whose thresholds, combined with the trained ones (heads.json), are out of order:
    the runtime would otherwise clamp them silently (``corroborate_at``, ``backs_at``)."""
    from policies.encoder.heads import trained_thresholds

    trained = trained_thresholds().get(head, {})
    t = {**trained, **moved}

    def which(k: str) -> str:
        return f"its {'trained ' if k not in moved else ''}'{k}' ({t[k]:g})"

    def applies(lo: str, hi: str) -> bool:
        if lo not in t or hi not in t or t[lo] > 1.0:
            return False  # a threshold the head lacks, or a band switched off
        if "corroborate" in (lo, hi) and t.get("alert", 0.0) > 1.0:
            return False  # no alert band: corroborate is not used
        return (lo, hi) != ("alert", "corroborate") or "corroborate" in moved

    for k in sorted((k for k in spec if k in t and k != "on" and t[k] <= 1.0), key=_CHECK_FIRST.index):
        below = [lo for (lo, hi) in _ORDER if hi == k and applies(lo, hi)]
        above = [hi for (lo, hi) in _ORDER if lo == k and applies(lo, hi)]
        low = max([0.01, *(t[lo] for lo in below)])
        high = min([1.0, *(t[hi] for hi in above)])
        if low > high:
            bad = max(below, key=t.__getitem__)
            c.fail(f"'{k}' of '{head}' has no room: {which(bad)} is above "
                   f"{which(min(above, key=t.__getitem__))}; move them too", spec, k)
        for lo in sorted(below, key=t.__getitem__, reverse=True):  # the binding one first
            if t[k] < t[lo]:
                c.fail(f"'{k}' of '{head}' ({t[k]:g}) must not be below {which(lo)}: "
                       f"{_ORDER[(lo, k)]}; it may be from {low:g} to {high:g}", spec, k)
        for hi in sorted(above, key=t.__getitem__):
            if t[k] > t[hi]:
                c.fail(f"'{k}' of '{head}' ({t[k]:g}) must not be above {which(hi)}: "
                       f"{_ORDER[(k, hi)]}; it may be from {low:g} to {high:g}", spec, k)


def _conversation(v: dict[str, Any], st: dict[str, Any], c: _Checker) -> None:
    """The conversation score: decay (half-life), window, and when a pattern alerts."""
    c.keys(v, _CONVERSATION_KEYS, "conversation")
    conv = dict(st["conv"])
    if "on" in v:
        conv["on"] = float(c.boolean(v, "on"))
    limits = {"half_life_days": (0.1, 365.0), "window_days": (1.0, 365.0), "alert_at": (0.1, 100.0)}
    for key, (low, high) in limits.items():
        if key in v:
            conv[key] = c.number(v, key, low, high)
    if "min_messages" in v:
        conv["min_messages"] = float(c.positive_int(v, "min_messages"))
    st["conv"] = conv


def _timezone(q: dict[str, Any], c: _Checker) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    tz = q["timezone"]
    if tz is None:
        return None
    try:
        ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError):
        c.fail(f"unknown timezone {tz!r} (use a name like America/New_York)", q, "timezone")
    return str(tz)
