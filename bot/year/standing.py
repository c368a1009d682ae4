"""Where a person stands with the program's records today: a permission form that covers the
platform, required training done, a clearance that has not run out.

Pure reads over the records (no writes), used by the relay's gates, the desk, the reminders and
the choosing step. A student with no ``consent_form`` rows falls back to the roster's single
``consent_received`` date (a form on file for every platform, with no expiry), so programs set
up before issue 14 keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from storage import repo, roster_repo, year_repo
from storage.models import Person
from storage.models_year import ConsentForm, TrainingModule, TrainingRecord


@dataclass(frozen=True, slots=True)
class Standing:
    """``ok``, or the gate rule that holds (``consent.expired``, say) with a reason for the coordinator."""

    ok: bool
    rule: str = ""
    reason: str = ""
    notice: str = ""  # for the person, in one friendly sentence


OK = Standing(True)


def platforms_of(form: ConsentForm) -> tuple[str, ...]:
    return tuple(p for p in form.platforms.split(",") if p)


def form_label(form: ConsentForm) -> str:
    return f"{form.form_type} signed by {form.guardian_name} on {form.signed_on:%d %b %Y}"


def current_form(
    session: Session, person: Person, today: date, platform: str | None = None
) -> ConsentForm | None:
    """The newest form in force today (covering ``platform`` when given)."""
    for form in year_repo.consent_forms(session, person.id):  # type: ignore[arg-type]
        if _in_force(form, today) and (platform is None or platform in platforms_of(form)):
            return form
    return None


def _in_force(form: ConsentForm, today: date) -> bool:
    return (
        form.signed_on <= today
        and (form.expires_on is None or today <= form.expires_on)
        and (form.withdrawn_on is None or today < form.withdrawn_on)
    )


def consent_state(session: Session, person: Person, platform: str, today: date) -> Standing:
    """Whether a student may talk on ``platform`` today as far as permission forms go."""
    return consent_standing(year_repo.consent_forms(session, person.id), person, platform, today)  # type: ignore[arg-type]


def consent_standing(forms: list[ConsentForm], person: Person, platform: str, today: date) -> Standing:
    """``consent_state`` over a student's forms already loaded (newest first)."""
    if not forms:
        if person.consent_received is not None:
            return OK  # the roster's date: a form on file, details not recorded
        return Standing(
            False,
            "consent.missing",
            "No permission form is on file for this student.",
            "Your message will be delivered once your permission form is on file — your "
            "coordinator can help.",
        )
    if any(_in_force(f, today) and platform in platforms_of(f) for f in forms):
        return OK
    live = [f for f in forms if _in_force(f, today)]
    if live:
        covered = sorted({p for f in live for p in platforms_of(f)})
        return Standing(
            False,
            "consent.platform",
            f"The permission form on file ({form_label(live[0])}) covers "
            f"{', '.join(covered)}, not {platform}: like no form for {platform}.",
            "Your message will wait for your coordinator: your permission form doesn't "
            f"cover {platform.title()} yet.",
        )
    newest = forms[0]
    if newest.withdrawn_on is not None and newest.withdrawn_on <= today:
        why = f"was withdrawn on {newest.withdrawn_on:%d %b %Y}"
    elif newest.expires_on is not None and newest.expires_on < today:
        why = f"expired on {newest.expires_on:%d %b %Y}"
    else:
        why = f"only takes effect on {newest.signed_on:%d %b %Y}"
    return Standing(
        False,
        "consent.expired",
        f"The permission form ({form_label(newest)}) {why}.",
        "Your message will be delivered once a new permission form is on file — your coordinator can help.",
    )


def module_status(record: TrainingRecord | None, module: TrainingModule, today: date) -> str:
    """done | expired | missing, for one module."""
    if record is None or record.completed_on > today:
        return "missing"
    if record.expires_on is not None and record.expires_on < today:
        return "expired"
    return "done"


def training_state(session: Session, person: Person, today: date) -> Standing:
    """Whether a mentor has every required module of the program done and in date."""
    modules = [m for m in year_repo.training_modules(session, person.program_id) if m.required]
    if not modules:
        return OK
    return training_standing(modules, year_repo.latest_training(session, person.id), today)  # type: ignore[arg-type]


def training_standing(modules: list[TrainingModule], latest: dict[int, TrainingRecord],
                      today: date) -> Standing:
    """``training_state`` over the required modules and a mentor's newest completions, loaded."""
    gaps = [(m, module_status(latest.get(m.id), m, today)) for m in modules]  # type: ignore[arg-type]
    gaps = [(m, status) for m, status in gaps if status != "done"]
    if not gaps:
        return OK
    listed = "; ".join(f"{m.title} ({status})" for m, status in gaps)
    return Standing(
        False,
        "training.missing",
        f"Required mentor training not complete: {listed}.",
        "Your message will be delivered once your mentor training is complete — your coordinator can help.",
    )


def trained_on(session: Session, person: Person, today: date) -> date | None:
    """When the mentor finished the last required module (None while any is missing or expired)."""
    modules = [m for m in year_repo.training_modules(session, person.program_id) if m.required]
    if not modules:
        return person.cleared_on
    latest = year_repo.latest_training(session, person.id)  # type: ignore[arg-type]
    dates = []
    for module in modules:
        record = latest.get(module.id)  # type: ignore[arg-type]
        if module_status(record, module, today) != "done":
            return None
        dates.append(record.completed_on)  # type: ignore[union-attr]
    return max(dates)


def clearance_state(person: Person, today: date) -> Standing:
    if person.cleared_on is None:
        return Standing(
            False,
            "clearance.missing",
            "This mentor has not been cleared by the program yet.",
            "Your message will be delivered once the program has finished your mentor clearance.",
        )
    if person.clearance_expires is not None and person.clearance_expires < today:
        return Standing(
            False,
            "clearance.expired",
            f"This mentor's clearance expired on {person.clearance_expires:%d %b %Y}.",
            "Your message will be delivered once your mentor clearance is renewed — "
            "your coordinator can help.",
        )
    return OK


def record_holds(
    session: Session, person: Person, platform: str, today: date
) -> tuple[tuple[str, str, str], ...]:
    """The relay's gate input: every record of this sender that is not in order today."""
    if person.role == "student":
        found = [consent_state(session, person, platform, today)]
    elif person.role == "mentor":
        found = [clearance_state(person, today), training_state(session, person, today)]
    else:
        return ()
    return tuple((s.rule, s.reason, s.notice) for s in found if not s.ok)


def program_holds(session: Session, program_id: str, today: date) -> dict[int, list[Standing]]:
    """Every active student's and mentor's records that are not in order today, by person id, in a
    handful of queries (the desk's at-a-glance page reads a whole program at once)."""
    people = [p for p in repo.people(session, program_id) if p.active and p.role in ("student", "mentor")]
    forms: dict[int, list[ConsentForm]] = {}
    for form in year_repo.program_consent_forms(session, program_id):  # newest first
        forms.setdefault(form.person_id, []).append(form)
    platforms: dict[int, set[str]] = {}
    for account in roster_repo.accounts_of(session, [p.id for p in people]):  # type: ignore[misc]
        platforms.setdefault(account.person_id, set()).add(account.platform)
    modules = [m for m in year_repo.training_modules(session, program_id) if m.required]
    latest: dict[int, dict[int, TrainingRecord]] = {}
    for record in year_repo.program_training(session, program_id):  # oldest first: the newest wins
        latest.setdefault(record.person_id, {})[record.module_id] = record
    found: dict[int, list[Standing]] = {}
    for person in people:
        if person.role == "student":
            states = [consent_standing(forms.get(person.id, []), person, platform, today)  # type: ignore[arg-type]
                      for platform in sorted(platforms.get(person.id, set())) or ["any"]]  # type: ignore[arg-type]
        else:
            states = [clearance_state(person, today)]
            if modules:
                states.append(training_standing(modules, latest.get(person.id, {}), today))  # type: ignore[arg-type]
        bad = [s for s in states if not s.ok]
        if bad:
            found[person.id] = bad  # type: ignore[index]
    return found
