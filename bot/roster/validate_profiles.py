"""Shape checks of the issue-14 roster blocks: a person's 'profile:' and the program's 'profiles:',
'choosing:' and 'commitment:' blocks. Every problem is recorded with its line, like the rest.

Which keys a role may use is checked here (a mentor has no 'gender_preference', a student no
'capacity'); references across entries (genders against the program's vocabulary, teams of one,
models the program does not allow) are in ``bot.roster.rules_profiles``.
"""

from __future__ import annotations

from bot.roster.schema import (
    CHOOSING_MODELS,
    OPTIONAL_PROFILE_FIELDS,
    SIDES,
    Node,
    ProgramPlace,
    RosterProfile,
    RosterYear,
)
from bot.roster.validate import Reader

PROFILE_KEYS = {
    "bio": False,
    "title": False,
    "interests": False,
    "pathway": False,
    "languages": False,
    "availability": False,
    "hobbies": False,
    "gender": False,
    "gender_preference": False,
    "capacity": False,
    "models": False,
    "grades": False,
    "pathways": False,
    "team": False,
}
MENTOR_ONLY = ("title", "capacity", "models", "grades", "pathways", "team")
STUDENT_ONLY = ("pathway", "gender_preference")
PROFILES_KEYS = {"optional_fields": False, "genders": False}
CHOOSING_KEYS = {
    "max_choices": False,
    "models": False,
    "max_group_size": False,
    "after_meet_and_greet": False,
    "channels": False,
}
COMMITMENT_KEYS = {
    "months": False,
    "to_graduation": False,
    "final_grade": False,
    "renewal_notice_days": False,
}
PLACE_KEYS = {"side": True, "platform": True, "workspace": True, "channel": True}
BIO_LIMIT = 1500  # characters: a bio is a paragraph a student reads on a phone
TAG_LIMIT = 60


def text_list(r: Reader, node: Node | None, what: str) -> list[str]:
    """A list of short words or phrases (one alone is fine too), each stripped."""
    if node is None:
        return []
    out: list[str] = []
    for entry in node.value if node.is_list else [node]:
        text = r.text(entry, f"an entry of {what}")
        if text is None:
            continue
        if len(text) > TAG_LIMIT:
            r.problem(
                entry.line,
                f"'{text[:20]}…' in {what} is {len(text)} characters; keep each entry "
                f"under {TAG_LIMIT} (a word or two, e.g. 'software')",
            )
            continue
        if text.casefold() not in (t.casefold() for t in out):
            out.append(text)
    return out


def int_list(r: Reader, node: Node | None, what: str, low: int, high: int) -> list[int]:
    if node is None:
        return []
    out = [
        r.integer(entry, f"an entry of {what}", low, high)
        for entry in (node.value if node.is_list else [node])
    ]
    return sorted({n for n in out if n is not None})


def read_profile(r: Reader, node: Node, who: str, role: str | None) -> RosterProfile:
    """A person's 'profile:' block; keys that are not for this role are reported."""
    f = r.fields(node, f"the profile of {who}", PROFILE_KEYS, node.line)
    wrong = MENTOR_ONLY if role == "student" else STUDENT_ONLY if role == "mentor" else ()
    if role in ("coordinator", "teacher"):
        r.problem(
            node.line,
            f"{who} is a {role}; profiles are for mentors and students. Remove the 'profile:' block",
        )
    for key in wrong:
        if key in f:
            other = "mentor" if role == "student" else "student"
            r.problem(
                f[key].line,
                f"'{key}' in a profile is only for a {other}, and {who} is a {role}; remove the '{key}' line",
            )
    profile = RosterProfile(line=node.line, key_lines={k: v.line for k, v in f.items()})
    bio = r.text(f.get("bio"), f"the bio of {who}")
    if bio is not None and len(bio) > BIO_LIMIT:
        r.problem(
            f["bio"].line,
            f"the bio of {who} is {len(bio)} characters; shorten it to at most "
            f"{BIO_LIMIT} (students read it on a phone)",
        )
    profile.bio = bio or ""
    profile.title = r.text(f.get("title"), f"the job title of {who}")
    profile.pathway = r.text(f.get("pathway"), f"the pathway of {who}")
    profile.gender = r.text(f.get("gender"), f"the gender of {who}")
    profile.gender_preference = r.text(f.get("gender_preference"), f"the gender preference of {who}")
    profile.team = r.slug(f.get("team"), f"the team of {who}")
    for key in ("interests", "languages", "availability", "hobbies", "pathways"):
        setattr(profile, key, text_list(r, f.get(key), f"the {key} of {who}"))
    profile.capacity = r.integer(f.get("capacity"), f"the capacity of {who}", 0, 20)
    profile.grades = int_list(r, f.get("grades"), f"the grades of {who}", 1, 14)
    for model_node in _entries(f.get("models")):
        model = r.choice(model_node, f"a model {who} offers", CHOOSING_MODELS)
        if model is not None and model not in profile.models:
            profile.models.append(model)
    return profile


def _entries(node: Node | None) -> list[Node]:
    if node is None:
        return []
    return node.value if node.is_list else [node]


def read_year(r: Reader, program: dict[str, Node], line: int) -> RosterYear:
    """The program's 'profiles:', 'choosing:' and 'commitment:' blocks (each optional)."""
    year = RosterYear(line=line, given=any(k in program for k in ("profiles", "choosing", "commitment")))
    if "profiles" in program:
        f = r.fields(program["profiles"], "'profiles'", PROFILES_KEYS, program["profiles"].line)
        for entry in _entries(f.get("optional_fields")):
            name = r.choice(entry, "an optional profile field", OPTIONAL_PROFILE_FIELDS)
            if name is not None and name not in year.optional_fields:
                year.optional_fields.append(name)
        year.genders = [g.casefold() for g in text_list(r, f.get("genders"), "the genders")]
        if "same" in year.genders or "any" in year.genders:
            r.problem(
                f["genders"].line,
                "'same' and 'any' are gender preferences, not genders; list the "
                "genders themselves, e.g. [female, male, nonbinary]",
            )
    if "choosing" in program:
        _choosing(r, program["choosing"], year)
    if "commitment" in program:
        f = r.fields(program["commitment"], "'commitment'", COMMITMENT_KEYS, program["commitment"].line)
        year.commitment_months = r.integer(f.get("months"), "commitment months", 1, 72) or 12
        year.to_graduation = r.boolean(f.get("to_graduation"), "to_graduation", False)
        year.final_grade = r.integer(f.get("final_grade"), "final_grade", 9, 14) or 14
        year.renewal_notice_days = (
            r.integer(f.get("renewal_notice_days"), "renewal_notice_days", 1, 180) or 45
        )
    return year


def _choosing(r: Reader, node: Node, year: RosterYear) -> None:
    f = r.fields(node, "'choosing'", CHOOSING_KEYS, node.line)
    year.max_choices = r.integer(f.get("max_choices"), "max_choices", 1, 5) or 3
    if "models" in f:
        models = [r.choice(n, "a model of the program", CHOOSING_MODELS) for n in _entries(f["models"])]
        year.models = [m for m in dict.fromkeys(models) if m is not None]
        if not year.models:
            r.problem(f["models"].line, "choose at least one model: " + ", ".join(CHOOSING_MODELS))
    year.after_meet_and_greet = r.boolean(f.get("after_meet_and_greet"), "after_meet_and_greet", False)
    if "max_group_size" in f:
        caps = r.fields(
            f["max_group_size"],
            "max_group_size",
            {m: False for m in CHOOSING_MODELS[1:]},
            f["max_group_size"].line,
        )
        for model, cap_node in caps.items():
            cap = r.integer(cap_node, f"the largest {model}", 1, 10)
            if cap is not None:
                year.max_group_size[model] = cap
    for ch in r.items(f.get("channels"), "the choosing channels"):
        c = r.fields(ch, "a choosing channel", PLACE_KEYS, ch.line)
        parts = (
            r.choice(c.get("side"), "side", SIDES),
            r.choice(c.get("platform"), "platform", r.platforms),
            r.text(c.get("workspace"), "workspace"),
            r.text(c.get("channel"), "channel"),
        )
        if all(parts):
            year.channels.append(ProgramPlace(*(str(p) for p in parts), line=ch.line))
