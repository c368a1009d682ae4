"""Turn a parsed roster file into typed objects, collecting every shape problem with its line."""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.roster.retention import read_retention
from bot.roster.schema import (
    MODELS,
    ROLES,
    SIDES,
    STATUSES,
    Account,
    Node,
    Roster,
    RosterChannel,
    RosterMatch,
    RosterPerson,
    RosterProblem,
    RosterProgram,
    Unreadable,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

TOP_KEYS = {"program": True, "people": True, "matches": False}
PROGRAM_KEYS = {"id": True, "name": True, "timezone": False, "policy": False, "review_channel": False,
                "retention": False, "escalate_to": False, "escalate_after_minutes": False, "profiles": False,
                "choosing": False, "commitment": False, "emergency_line": False}
EMERGENCY_LINE = re.compile(r"^\+?[0-9][0-9 ()-]{1,23}$")  # 911, 112, 999, 000, "+44 20 7946 0000"
PERSON_KEYS = {
    "id": True, "name": True, "role": True, "email": False, "avatar": False, "grade": False,
    "consent": False, "cleared": False, "accounts": False, "active": False, "employer": False,
    "notes": False, "profile": False,
}
ACCOUNT_KEYS = {"platform": True, "workspace": True, "user": True}
CONSENT_KEYS = {"received": True, "recorded_by": False}
MATCH_KEYS = {
    "id": True, "model": True, "status": False, "started": False, "ended": False, "coordinator": False,
    "grade": False, "mentors": True, "students": True, "channels": False, "notes": False,
    "committed_until": False,
}
CHANNEL_KEYS = {"side": True, "platform": True, "workspace": True, "channel": True}
PLACE_KEYS = {"platform": True, "workspace": True, "channel": True}


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """' (did you mean 'x'?)' for a near miss, or the list of options."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if len(options) > 8:
        return "check the spelling"
    return "use one of: " + ", ".join(options)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")[:64] or "my-id"


class Reader:
    """Reads typed values out of nodes; every problem is recorded, and ``None`` stands in."""

    def __init__(self, platforms: tuple[str, ...] = ()) -> None:
        self.problems: list[RosterProblem] = []
        self.platforms = platforms  # the platforms mentorbot supports (``adapters.registry``)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(RosterProblem(line, message))

    def fields(self, node: Node | None, what: str, allowed: dict[str, bool], line: int) -> dict[str, Node]:
        """The keys of a mapping, after reporting unknown and missing ones."""
        if node is None or not node.is_map:
            at = node.line if node is not None else line
            example = ", ".join(f"{k}: ..." for k, req in allowed.items() if req)
            self.problem(at, f"{what} should be a block of 'key: value' lines ({example})")
            return {}
        for key, key_line in node.key_lines.items():
            if key not in allowed:
                self.problem(key_line, f"unknown key '{key}' in {what}; {did_you_mean(key, list(allowed))}")
        for key, required in allowed.items():
            if required and (key not in node.value or node.value[key].value is None):
                self.problem(node.line, f"{what} is missing '{key}'; add a '{key}:' line")
        return {k: v for k, v in node.value.items() if k in allowed and v.value is not None}

    def items(self, node: Node | None, what: str) -> list[Node]:
        if node is None:
            return []
        if not node.is_list:
            self.problem(node.line, f"{what} should be a list, one '- ' item per line")
            return []
        return node.value

    def text(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = node.value
        if isinstance(value, bool | dict | list) or value is None:
            self.problem(node.line, f"{what} should be plain text; put it in quotes if it is yes/no/on/off")
            return None
        text = str(value).strip()  # numbers are fine: Discord and Slack ids are text to us
        if not text:
            self.problem(node.line, f"{what} is empty; write a value")
            return None
        return text

    def slug(self, node: Node | None, what: str) -> str | None:
        text = self.text(node, what)
        if text is not None and not SLUG.match(text):
            assert node is not None
            self.problem(node.line, f"{what} '{text}' should be lowercase letters, digits and dashes, "
                                    f"at most 64 characters, e.g. '{slugify(text)}'")
            return None
        return text

    def choice(self, node: Node | None, what: str, options: tuple[str, ...]) -> str | None:
        text = self.text(node, what)
        if text is not None and text not in options:
            assert node is not None
            self.problem(node.line, f"{what} is '{text}', which mentorbot does not know; "
                                    f"{did_you_mean(text, options)}")
            return None
        return text

    def date(self, node: Node | None, what: str) -> date | None:
        """A date, unquoted (YAML reads it) or quoted ('2026-08-20' is the same date to a coordinator)."""
        if node is None:
            return None
        value = node.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, Unreadable):
            return None  # reported once, where the YAML value was read
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return date.fromisoformat(value.strip())
        self.problem(node.line, f"{what} '{value}' is not a date mentorbot can read; write it as "
                                "YYYY-MM-DD (year-month-day), e.g. 2026-09-08")
        return None

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        if node is None:
            return None
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(node.line, f"{what} '{value}' should be a whole number from {low} to {high}")
            return None
        return value

    def boolean(self, node: Node | None, what: str, default: bool) -> bool:
        if node is None:
            return default
        if not isinstance(node.value, bool):
            self.problem(node.line, f"{what} should be true or false")
            return default
        return node.value

    def id_list(self, node: Node | None, what: str) -> list[tuple[str, int]]:
        """A list of ids (a single id alone is fine too), each with its line."""
        if node is None:
            return []
        entries = node.value if node.is_list else [node]
        out: list[tuple[str, int]] = []
        for entry in entries:
            key = self.text(entry, f"an entry of {what}")
            if key is not None:
                out.append((key, entry.line))
        return out


def read_roster(root: Node, *, base_dir: Path, platforms: Collection[str]
                ) -> tuple[Roster | None, list[RosterProblem]]:
    """Shape-check the whole file; returns the roster (None if the program block is unusable)."""
    r = Reader(tuple(platforms))
    top = r.fields(root, "the roster file", TOP_KEYS, 1)
    if not root.is_map:
        return None, r.problems
    program = _program(r, top.get("program"), base_dir, root.line)
    people = [_person(r, n) for n in r.items(top.get("people"), "'people'")]
    matches = [_match(r, n) for n in r.items(top.get("matches"), "'matches'")]
    roster = Roster(
        program=program,
        people=[p for p in people if p is not None],
        matches=[m for m in matches if m is not None],
    )
    return roster, r.problems


def _label(node: Node, kind: str) -> str:
    """"match 'dana-ana'" when the block has a usable id, else "a match"."""
    ident = node.value.get("id") if node.is_map else None
    if ident is not None and isinstance(ident.value, str | int) and not isinstance(ident.value, bool):
        return f"{kind} '{ident.value}'"
    return f"a {kind}"


def _policy_problem(path: Path) -> str | None:
    """Why the program's policy file is invalid (its file and line), or None: checked with the
    roster, so a bad file is refused at import rather than stopping the bot's next start."""
    from policies.config import DEFAULTS_PATH, PolicyFileError, build_config

    try:
        build_config([DEFAULTS_PATH, path])
    except PolicyFileError as exc:
        return str(exc)
    return None


def _program(r: Reader, node: Node | None, base_dir: Path, line: int) -> RosterProgram:
    """The program block; a placeholder (empty id) stands in when it is unusable."""
    f = r.fields(node, "'program'", PROGRAM_KEYS, line)
    pid = r.slug(f.get("id"), "the program id")
    name = r.text(f.get("name"), "the program name")
    tz = r.text(f.get("timezone"), "timezone") if "timezone" in f else "America/New_York"
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(tz, sorted(available_timezones()), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use a name such as America/New_York"
            r.problem(f["timezone"].line, f"timezone '{tz}' is not a known time zone; {hint}")
            tz = None
    policy = None
    if (policy_text := r.text(f.get("policy"), "policy")) is not None:
        policy_path = (base_dir / policy_text).resolve()
        if not policy_path.is_file():
            r.problem(f["policy"].line, f"policy file '{policy_text}' was not found (looked for "
                                        f"{policy_path}); fix the path, relative to this roster file")
        elif (refused := _policy_problem(policy_path)) is not None:
            r.problem(f["policy"].line, f"policy file '{policy_text}' is refused: {refused}")
        policy = str(policy_path)
    review = None
    if "review_channel" in f:
        place = r.fields(f["review_channel"], "review_channel", PLACE_KEYS, f["review_channel"].line)
        parts = (r.choice(place.get("platform"), "platform", r.platforms),
                 r.text(place.get("workspace"), "workspace"), r.text(place.get("channel"), "channel"))
        if all(parts):
            review = (parts[0], parts[1], parts[2])
    at = node.line if node is not None else line
    escalate_after = r.integer(f.get("escalate_after_minutes"), "escalate_after_minutes", 5, 24 * 60)
    emergency = r.text(f.get("emergency_line"), "emergency_line")
    if emergency is not None and not EMERGENCY_LINE.fullmatch(emergency):
        r.problem(f["emergency_line"].line, f"emergency_line '{emergency}' should be a phone number "
                  "a student can dial, such as 911 (digits, spaces, + - ( ) only)")
        emergency = None
    from bot.roster.validate_profiles import read_year  # issue 14's blocks; imports this module

    return RosterProgram(id=pid or "", name=name or "", timezone=tz or "UTC", line=at, policy=policy,
                         review_channel=review, retention=read_retention(r, f.get("retention")),
                         escalate_to=r.text(f.get("escalate_to"), "escalate_to"),
                         escalate_after_minutes=escalate_after or 30, emergency_line=emergency or "911",
                         year=read_year(r, f, at))


def _person(r: Reader, node: Node) -> RosterPerson | None:
    f = r.fields(node, _label(node, "person"), PERSON_KEYS, node.line)
    pid = r.slug(f.get("id"), "a person's id")
    who = f"person '{pid}'" if pid else "this person"
    name = r.text(f.get("name"), f"the name of {who}")
    role = r.choice(f.get("role"), f"the role of {who}", ROLES)
    person = RosterPerson(id=pid or "", name=name or "", role=role or "", line=node.line)
    if "email" in f and (email := r.text(f["email"], "email")) is not None:
        if email.count("@") != 1 or " " in email:
            r.problem(f["email"].line, f"email '{email}' does not look like an address (name@example.org)")
        person.email = email
    person.avatar_url = r.text(f.get("avatar"), "avatar")
    person.active = r.boolean(f.get("active"), "active", True)
    for key, allowed_role in (("grade", "student"), ("consent", "student"), ("cleared", "mentor")):
        if key in f and role is not None and role != allowed_role:
            r.problem(f[key].line, f"'{key}' is only for a {allowed_role}, and {who} is a {role}; "
                                   f"remove the '{key}' line or fix the role")
    person.grade = r.integer(f.get("grade"), f"the grade of {who}", 1, 14)
    person.cleared = r.date(f.get("cleared"), f"the clearance date of {who}")
    if "cleared" in f and person.cleared is None:
        person.unreadable.add("cleared")
    if "consent" in f:
        consent = f["consent"]
        if consent.is_map:
            c = r.fields(consent, "consent", CONSENT_KEYS, consent.line)
            person.consent_received = r.date(c.get("received"), f"the consent date of {who}")
            person.consent_recorded_by = r.text(c.get("recorded_by"), "recorded_by")
        else:  # the short form: `consent: 2026-09-08`
            person.consent_received = r.date(consent, f"the consent date of {who}")
        if person.consent_received is None:
            person.unreadable.add("consent")
    for acc in r.items(f.get("accounts"), f"the accounts of {who}"):
        a = r.fields(acc, "an account", ACCOUNT_KEYS, acc.line)
        platform = r.choice(a.get("platform"), "platform", r.platforms)
        workspace = r.text(a.get("workspace"), "workspace")
        user = r.text(a.get("user"), "user")
        if platform and workspace and user:
            person.accounts.append(Account(platform, workspace, user, acc.line))
    person.employer = r.text(f.get("employer"), f"the employer of {who}")
    if "profile" in f:
        from bot.roster.validate_profiles import read_profile  # issue 14; imports this module

        person.profile = read_profile(r, f["profile"], who, role)
    # kept even when name or role is wrong, so matches that list this id are still checked
    return person if pid is not None else None


def _match(r: Reader, node: Node) -> RosterMatch | None:
    f = r.fields(node, _label(node, "match"), MATCH_KEYS, node.line)
    mid = r.slug(f.get("id"), "a match id")
    what = f"match '{mid}'" if mid else "this match"
    model = None
    if "model" in f:
        raw = f["model"].value
        if isinstance(raw, str) and raw.strip().lower() in ("e-mentoring", "ementoring", "online"):
            r.problem(f["model"].line, f"every match in mentorbot is e-mentoring, which the program "
                                       f"guides combine with another model; write that model for {what}: "
                                       + ", ".join(MODELS))
        else:
            model = r.choice(f["model"], f"the model of {what}", MODELS)
    status = r.choice(f.get("status"), f"the status of {what}", STATUSES) if "status" in f else "proposed"
    match = RosterMatch(id=mid or "", model=model or "", status=status or "", line=node.line)
    match.started = r.date(f.get("started"), f"the start date of {what}")
    match.ended = r.date(f.get("ended"), f"the end date of {what}")
    if match.ended is not None and status != "ended":
        r.problem(f["ended"].line, f"{what} has an end date but its status is '{status}'; "
                                   "write 'status: ended' or remove the 'ended' line")
    match.committed_until = r.date(f.get("committed_until"), f"the committed-until date of {what}")
    if match.started and match.committed_until and match.committed_until <= match.started:
        r.problem(f["committed_until"].line, f"{what} is committed until {match.committed_until}, which is "
                                             f"not after its start ({match.started}); fix one of the dates")
    match.coordinator = r.text(f.get("coordinator"), "coordinator")
    match.grade = r.integer(f.get("grade"), f"the grade of {what}", 1, 14)
    match.lists_given = "mentors" in f and "students" in f
    for key, into in (("mentors", match.mentors), ("students", match.students)):
        for person_id, line in r.id_list(f.get(key), f"the {key} of {what}"):
            if person_id in match.member_lines:
                r.problem(line, f"'{person_id}' is listed twice in {what} (first on line "
                                f"{match.member_lines[person_id]}); list each person once")
                continue
            into.append(person_id)
            match.member_lines[person_id] = line
    for ch in r.items(f.get("channels"), f"the channels of {what}"):
        c = r.fields(ch, "a channel", CHANNEL_KEYS, ch.line)
        parts = (r.choice(c.get("side"), "side", SIDES), r.choice(c.get("platform"), "platform", r.platforms),
                 r.text(c.get("workspace"), "workspace"), r.text(c.get("channel"), "channel"))
        if all(parts):
            match.channels.append(RosterChannel(*_strs(parts), line=ch.line))
    return match if mid is not None else None  # an unknown model or status leaves ""; rules skip those


def _strs(parts: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(p) for p in parts)
