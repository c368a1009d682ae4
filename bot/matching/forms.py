"""``/mentorbot choose`` as a form: what a student or a mentor is asked, and what comes back.

The core builds a platform-neutral ``Form`` (select menus); each adapter shows it its own way and
sends back a ``FormSubmission``. A student's menus list the mentors they may choose, best fit
first, at most as many as the platform shows (Discord: 25): ``/mentorbot choose nursing`` narrows
the list to mentors whose interests, title, employer or name contain the word. A mentor's menus
are their capacity, models, grades and pathways.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.choosing.eligibility import grade_block
from bot.choosing.fit import fit_points
from bot.choosing.hosts import solo_host
from bot.choosing.results import ordinal
from bot.matching.choices import ChoiceError, Offer, record_choices, record_offer
from bot.matching.inputs import FIRST_GRADE, mentor_profile, program_rules, student_profile
from bot.matching.rounds import ChoosingError
from bot.messages import Form, FormField, FormOption, FormResult, FormSubmission
from bot.profiles.model import ProfileView, choosing_options, load_profile, load_profiles
from storage import choosing_repo, repo
from storage.models import Person

PREFIX = "choose"
LABEL_MAX = 75  # Slack's option text limit (characters); Discord allows 100
CAPACITIES = range(0, 7)


@dataclass(frozen=True, slots=True)
class FormTarget:
    """Whose form a submission is for: the form id carries the round and the person."""

    round_id: int
    person_id: int

    @classmethod
    def parse(cls, form_id: str) -> FormTarget | None:
        parts = form_id.split(":")
        if len(parts) != 3 or parts[0] != PREFIX or not parts[1].isdigit() or not parts[2].isdigit():
            return None
        return cls(int(parts[1]), int(parts[2]))


def choose_form(engine: Engine, person: Person, *, search: str = "", max_options: int = 100) -> Form | str:
    """The form for this person, or a sentence saying why there is none."""
    with Session(engine) as session:
        round_ = choosing_repo.current_round(session, person.program_id)
        if person.role not in ("student", "mentor"):
            return "Choosing is for students and mentors; the desk's Choosing page shows who has chosen."
        if round_ is None or round_.state not in ("open", "planned"):
            return (
                "There is no choosing going on right now; your coordinator will tell you when it opens."
                if round_ is None or round_.state == "matched"
                else "Choosing is closed; ask your coordinator if you need to change something."
            )
        if person.role == "mentor":
            return _mentor_form(session, person, round_.id)  # type: ignore[arg-type]
        if round_.state != "open":
            return "Choosing opens after the meet-and-greets; I'll post in the choosing channel when it does."
        if person.id in choosing_repo.people_in_live_matches(session, person.program_id, "student"):
            return "You already have a mentor, so there is nothing to choose. 🙂"
        return _student_form(session, person, round_, search.strip(), max_options)


def _student_form(session: Session, person: Person, round_, search: str, max_options: int) -> Form | str:  # type: ignore[no-untyped-def]
    settings = choosing_options(session, person.program_id)
    rules = program_rules(settings, round_, person.program_id)
    me = student_profile(session, load_profile(session, person))
    mentors = [v for v in load_profiles(session, person.program_id, "mentor") if _choosable(v, me, search)]
    load = choosing_repo.mentor_load(session, person.program_id, [v.person.id for v in mentors])
    scored = []
    for view in mentors:
        profile = mentor_profile(session, view, load.get(view.person.id, 0), on=round_.starts_on)
        host = solo_host(profile, rules)
        scored.append((-(fit_points(me, host, rules) if host else 0), view.name.casefold(), view))
    chosen = {c.rank: c.mentor_id for c in choosing_repo.choices(session, round_.id, person.id)}
    keys = {v.person.id: v.key for v in mentors}
    options = tuple(_option(v) for *_, v in sorted(scored, key=lambda s: s[:2])[:max_options])
    if not options:
        return (
            f"No mentor matches '{search}'. Try another word, or /mentorbot choose on its own."
            if search
            else "There are no mentors to choose yet; your coordinator will post their bios."
        )
    fields = tuple(
        FormField(
            key=f"rank{n}",
            label=f"{ordinal(n)} choice",
            options=options,
            initial=(keys[chosen[n]],) if keys.get(chosen.get(n, -1)) else (),
            required=n == 1,
        )
        for n in range(1, settings.max_choices + 1)
    )
    more = len(mentors) - len(options)
    intro = (
        f"Pick the mentors you would most like, {ordinal(1)} choice first. Only you and your "
        "coordinator see this. You can change it until choosing closes."
    )
    if more > 0:
        intro += (
            f" {more} more mentor(s) are not listed: type /mentorbot choose <a career interest> to find them."
        )
    return Form(
        form_id=f"{PREFIX}:{round_.id}:{person.id}",
        title="Choose your mentors",
        intro=intro,
        fields=fields,
        submit_label="Save my choices",
    )


def _choosable(view: ProfileView, me, search: str) -> bool:  # type: ignore[no-untyped-def]
    if (
        not view.publishable
        or view.person.cleared_on is None
        or (view.capacity is not None and view.capacity <= 0)
    ):
        return False
    from bot.choosing.profiles import MentorProfile

    if grade_block(me, [MentorProfile(id=view.key, grades=frozenset(view.grades))]):
        return False
    if not search:
        return True
    haystack = " ".join((view.name, view.title, view.employer, *view.interests)).casefold()
    return all(word in haystack for word in search.casefold().split())


def _option(view: ProfileView) -> FormOption:
    label = view.name + (f" ({view.employer})" if view.employer else "")
    detail = ", ".join(view.interests) or view.title
    return FormOption(value=view.key, label=label[:LABEL_MAX], description=detail[:LABEL_MAX])


def _mentor_form(session: Session, person: Person, round_id: int) -> Form:
    view = load_profile(session, person)
    settings = choosing_options(session, person.program_id)
    pathways = sorted(
        {v.pathway for v in load_profiles(session, person.program_id, "student") if v.pathway}
        | set(view.pathways)
    )
    grades = range(FIRST_GRADE, settings.final_grade + 1)
    capacity = view.capacity if view.capacity is not None else 1
    fields = [
        FormField(
            "capacity",
            "How many matches can you take?",
            tuple(FormOption(str(n), f"{n} match{'es' if n != 1 else ''}") for n in CAPACITIES),
            initial=(str(capacity),),
            required=True,
            hint="One-to-one: students; groups: groups of students.",
        ),
        FormField(
            "models",
            "Models you offer",
            tuple(FormOption(m, m.replace("-", " ")) for m in settings.models),
            multiple=True,
            max_values=len(settings.models),
            initial=view.models,
        ),
        FormField(
            "grades",
            "Grades you take (none: any)",
            tuple(FormOption(str(g), f"grade {g}") for g in grades),
            multiple=True,
            max_values=len(grades),
            initial=tuple(str(g) for g in view.grades),
        ),
    ]
    if pathways:
        fields.append(
            FormField(
                "pathways",
                "Pathways you would like",
                tuple(FormOption(p, p) for p in pathways[:25]),
                multiple=True,
                max_values=min(25, len(pathways)),
                initial=view.pathways,
            )
        )
    return Form(
        form_id=f"{PREFIX}:{round_id}:{person.id}",
        title="Your mentoring offer",
        intro="Tell us how many students you can mentor this year and with whom. You can change it "
        "until the matches are made.",
        fields=tuple(fields),
        submit_label="Save",
    )


def submit(engine: Engine, submission: FormSubmission, *, now: datetime) -> FormResult:
    """Record a submitted form for the person whose account sent it."""
    target = FormTarget.parse(submission.form_id)
    with Session(engine) as session:
        person = repo.person_by_account(
            session, submission.platform, submission.workspace, submission.user_id
        )
        round_ = choosing_repo.current_round(session, person.program_id) if person else None
    if target is None or person is None or person.id != target.person_id:
        return FormResult("This form is not yours, or it is out of date: type /mentorbot choose again.")
    if round_ is None or round_.id != target.round_id:
        return FormResult("This choosing round is over: type /mentorbot choose to see what is open now.")
    try:
        if person.role == "mentor":
            return _offer(engine, person, submission, now)
        return _choices(engine, person, submission, round_.id, now)  # type: ignore[arg-type]
    except ChoiceError as error:
        return FormResult(
            str(error), errors={error.field or next(iter(submission.values), "form"): str(error)}
        )
    except ChoosingError as error:
        return FormResult(str(error), errors={next(iter(submission.values), "form"): str(error)})


def _choices(
    engine: Engine, person: Person, submission: FormSubmission, round_id: int, now: datetime
) -> FormResult:
    with Session(engine) as session:
        settings = choosing_options(session, person.program_id)
        current = {c.rank: c.mentor_id for c in choosing_repo.choices(session, round_id, person.id)}
        keys = {p.id: p.key for p in repo.people(session, person.program_id, role="mentor")}
    wanted: list[str | None] = [keys.get(current.get(n, -1)) for n in range(1, settings.max_choices + 1)]
    for name, values in submission.values.items():
        if name.startswith("rank") and name[4:].isdigit() and 1 <= int(name[4:]) <= settings.max_choices:
            wanted[int(name[4:]) - 1] = values[0] if values else None
    while wanted and wanted[-1] is None:
        wanted.pop()
    names = record_choices(
        engine, person.program_id, person.key, wanted, now=now, actor=person.key, via=submission.platform
    )
    if not names:
        return FormResult("Your choices are cleared.")
    said = "; ".join(f"{ordinal(n)}: {name}" for n, name in enumerate(names, start=1))
    return FormResult(f"Saved. Your choices — {said}. You can change them until choosing closes.")


def _offer(engine: Engine, person: Person, submission: FormSubmission, now: datetime) -> FormResult:
    with Session(engine) as session:
        view = load_profile(session, person)
    values = submission.values
    capacity = values.get("capacity", (str(view.capacity if view.capacity is not None else 1),))
    if not capacity or not capacity[0].isdigit():
        raise ChoiceError("choose how many matches you can take", "capacity")
    offer = Offer(
        capacity=int(capacity[0]),
        models=tuple(values.get("models", view.models)),
        grades=tuple(int(g) for g in values.get("grades", tuple(map(str, view.grades))) if g.isdigit()),
        pathways=tuple(values.get("pathways", view.pathways)),
    )
    record_offer(
        engine, person.program_id, person.key, offer, now=now, actor=person.key, via=submission.platform
    )
    models = ", ".join(m.replace("-", " ") for m in offer.models) or "one-to-one"
    grades = ", ".join(map(str, offer.grades)) or "any"
    return FormResult(f"Saved: {offer.capacity} match(es), {models}, grades {grades}. Thank you!")
