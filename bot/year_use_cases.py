"""The program year's use cases (issue 14): profiles, bios, choosing, the matching step, hand-over.

A mixin of ``bot.use_cases.Core``, so the desk, the CLI, chat and the scheduler call the same
methods; like every use case each runs its transaction off the event loop and wakes the delivery
worker when it may have queued posts. The transactions live in their rooms: ``bot.profiles``,
``bot.matching`` and ``bot.handover``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlmodel import Session

from bot.alerts import raise_alert
from bot.choosing import ReplacementCandidate
from bot.handover import departure, renewal
from bot.matching import confirm, meetings, proposals, rounds
from bot.matching.choices import Offer, record_choices, record_offer
from bot.matching.forms import submit
from bot.messages import ChannelRef, FormResult, FormSubmission
from bot.profiles import bios, editing
from bot.profiles.model import ProfileView
from bot.relay.policy_cache import PolicyLike
from storage import choosing_repo, repo
from storage.models import Match
from storage.models_choosing import ChoosingRound
from storage.models_handover import Commitment, Departure

logger = logging.getLogger(__name__)
T = TypeVar("T")
ADULTS = ("mentor", "teacher")


class YearUseCases:
    """Mixed into ``Core``: needs ``engine``, ``clock``, ``relay``, ``_adapters``, ``_write`` and
    ``check_channel`` from it."""

    engine: Any
    clock: Callable[[], datetime]
    relay: Any
    _adapters: Mapping[str, Any]

    async def _write(self, transaction: Callable[..., T], *args: Any, **kwargs: Any) -> T:  # pragma: no cover
        raise NotImplementedError

    async def check_channel(self, channel: ChannelRef) -> None:  # pragma: no cover
        raise NotImplementedError

    def policy_for(self, policy_file: str | None) -> PolicyLike:
        return self.relay.policies.for_file(policy_file)

    # -- forms (the adapters' ``submit_form``) -------------------------------------------------------

    async def submit_form(self, submission: FormSubmission) -> FormResult:
        logger.info("<= form %s from %s on %s", submission.form_id, submission.user_id, submission.platform)
        return await self._write(submit, self.engine, submission, now=self.clock())

    def menu_options(self, platform: str) -> int:
        facts = getattr(self._adapters.get(platform), "facts", None)
        return getattr(facts, "menu_options", 100)

    # -- profiles and bios -------------------------------------------------------------------------

    async def save_profile(
        self, program_id: str, person_key: str, form: Mapping[str, str], *, actor: str
    ) -> ProfileView:
        return await asyncio.to_thread(
            editing.save_profile,
            self.engine,
            self.policy_for,
            program_id,
            person_key,
            form,
            now=self.clock(),
            actor=actor,
        )

    async def check_bios(self, program_id: str, *, actor: str, everyone: bool = False) -> bios.BioReport:
        return await asyncio.to_thread(
            bios.check_bios,
            self.engine,
            self.policy_for,
            program_id,
            now=self.clock(),
            actor=actor,
            everyone=everyone,
        )

    async def approve_bio(self, program_id: str, person_key: str, *, actor: str) -> None:
        await asyncio.to_thread(
            bios.approve_bio, self.engine, program_id, person_key, now=self.clock(), actor=actor
        )

    async def publish_bios(
        self, program_id: str, *, actor: str, audience: str = "students"
    ) -> bios.BiosPosted:
        """Post the bios to the program's choosing channels of the other side, after checking who
        can read each channel: a students' channel that an adult can read gets nothing (and an alert)."""
        side = bios.AUDIENCES[audience][1]
        with Session(self.engine) as session:
            places = [
                ChannelRef(c.platform, c.workspace, c.channel)
                for c in choosing_repo.program_channels(session, program_id, side=side)
            ]
        safe = [ref for ref in places if await self._safe_for(program_id, ref, side)]
        result = await self._write(
            bios.publish_bios,
            self.engine,
            self.policy_for,
            program_id,
            channels=safe,
            audience=audience,
            now=self.clock(),
            actor=actor,
        )
        result.not_posted += [
            (str(ref), "someone who may not read it can: see the alert") for ref in places if ref not in safe
        ]
        if not places:
            result.not_posted.append(("every bio", f"the program has no {side}-side choosing channel: add "
                                                   "one under choosing.channels in the roster file"))
        return result

    async def _safe_for(self, program_id: str, ref: ChannelRef, side: str) -> bool:
        adapter = self._adapters.get(ref.platform)
        if adapter is None:
            return True  # not reachable from this process; the delivery worker reports failures
        try:
            members = await adapter.members(ref)
        except Exception:
            logger.exception("could not list members of choosing channel %s", ref)
            return True
        with Session(self.engine) as session:
            wrong = []
            for user_id in members.user_ids:
                person = repo.person_by_account(session, ref.platform, ref.workspace, user_id)
                role = person.role if person else "unknown"
                if (side == "student" and role in ADULTS + ("unknown",)) or (
                    side == "mentor" and role == "student"
                ):
                    wrong.append(person.display_name if person else f"account {user_id}")
            if not wrong:
                return True
            program = repo.program(session, program_id)
            assert program is not None
            raise_alert(
                session,
                program=program,
                kind="unsafe_setup",
                urgent=True,
                now=self.clock(),
                summary=f"Bios were not posted to the {side}s' choosing channel {ref.channel}: "
                f"{', '.join(wrong)} can read it. Remove them, then publish again.",
            )
            session.commit()
        return False

    # -- choosing ----------------------------------------------------------------------------------

    async def open_round(
        self, program_id: str, *, key: str, starts_on: date, actor: str, open_now: bool | None = None
    ) -> ChoosingRound:
        return await self._write(
            rounds.open_round,
            self.engine,
            program_id,
            key=key,
            starts_on=starts_on,
            now=self.clock(),
            actor=actor,
            open_now=open_now,
        )

    async def set_round_state(self, program_id: str, state: str, *, actor: str) -> ChoosingRound:
        return await self._write(
            rounds.set_round_state, self.engine, program_id, state, now=self.clock(), actor=actor
        )

    async def schedule_meet_and_greet(
        self,
        program_id: str,
        *,
        at: datetime,
        minutes: int,
        mentors: Sequence[str],
        students: Sequence[str],
        channels: Sequence[tuple[str, str, str, str]] = (),
        actor: str,
    ) -> Match:
        match = await self._write(
            meetings.schedule,
            self.engine,
            program_id,
            at=at,
            minutes=minutes,
            mentors=mentors,
            students=students,
            channels=channels,
            now=self.clock(),
            actor=actor,
        )
        for _side, platform, workspace, channel in channels:
            await self.check_channel(ChannelRef(platform, workspace, channel))
        return match

    async def record_choices(
        self,
        program_id: str,
        student_key: str,
        mentor_keys: Sequence[str | None],
        *,
        actor: str,
        via: str = "desk",
    ) -> list[str]:
        return await asyncio.to_thread(
            record_choices,
            self.engine,
            program_id,
            student_key,
            mentor_keys,
            now=self.clock(),
            actor=actor,
            via=via,
            by_coordinator=True,
        )

    async def record_offer(
        self, program_id: str, mentor_key: str, offer: Offer, *, actor: str, via: str = "desk"
    ) -> None:
        await asyncio.to_thread(
            record_offer, self.engine, program_id, mentor_key, offer, now=self.clock(), actor=actor, via=via
        )

    async def propose_matches(self, program_id: str, *, actor: str) -> proposals.ProposalView:
        return await asyncio.to_thread(
            proposals.propose, self.engine, program_id, now=self.clock(), actor=actor
        )

    async def edit_proposal(
        self, program_id: str, run_id: int, key: str, *, actor: str, **changes: Any
    ) -> list[str]:
        return await asyncio.to_thread(
            confirm.edit_proposal,
            self.engine,
            program_id,
            run_id,
            key,
            now=self.clock(),
            actor=actor,
            **changes,
        )

    async def confirm_proposals(
        self,
        program_id: str,
        run_id: int,
        *,
        actor: str,
        coordinator: str | None = None,
        keys: Sequence[str] | None = None,
    ) -> confirm.Confirmed:
        return await asyncio.to_thread(
            confirm.confirm,
            self.engine,
            program_id,
            run_id,
            now=self.clock(),
            actor=actor,
            coordinator=coordinator,
            keys=keys,
        )

    async def start_match(self, program_id: str, match_key: str, *, actor: str) -> Match:
        return await self._write(
            confirm.start_match, self.engine, program_id, match_key, now=self.clock(), actor=actor
        )

    # -- hand-over ---------------------------------------------------------------------------------

    async def give_notice(
        self,
        program_id: str,
        match_key: str,
        mentor_key: str,
        *,
        last_day: date,
        reason: str,
        actor: str,
        via: str = "desk",
    ) -> departure.Notice:
        return await self._write(
            departure.give_notice,
            self.engine,
            program_id,
            match_key,
            mentor_key,
            last_day=last_day,
            reason=reason,
            now=self.clock(),
            actor=actor,
            via=via,
        )

    async def replacement_suggestions(self, program_id: str, departure_id: int) -> list[ReplacementCandidate]:
        return await asyncio.to_thread(
            departure.suggestions, self.engine, program_id, departure_id, now=self.clock()
        )

    async def replace_mentor(
        self,
        program_id: str,
        departure_id: int,
        replacement_key: str,
        *,
        actor: str,
        student_message: str | None = None,
    ) -> departure.Replaced:
        """The replacement takes over in the same match; then who can read its channels is checked
        (the departing mentor still in the mentor-side channel is reported)."""
        result = await self._write(
            departure.replace_mentor,
            self.engine,
            self.policy_for,
            program_id,
            departure_id,
            replacement_key,
            now=self.clock(),
            actor=actor,
            student_message=student_message,
        )
        with Session(self.engine) as session:
            match = repo.match_by_key(session, result.match_key, program_id)
            refs = (
                [
                    ChannelRef(c.platform, c.workspace, c.channel)
                    for c in repo.match_channels(session, match.id)
                ]
                if match
                else []
            )  # type: ignore[arg-type]
        for ref in refs:
            await self.check_channel(ref)
        return result

    async def close_notice(
        self,
        program_id: str,
        departure_id: int,
        *,
        outcome: str,
        actor: str,
        student_message: str | None = None,
    ) -> Departure:
        return await self._write(
            departure.close_notice,
            self.engine,
            self.policy_for,
            program_id,
            departure_id,
            outcome=outcome,
            now=self.clock(),
            actor=actor,
            student_message=student_message,
        )

    async def renew_commitment(
        self, program_id: str, match_key: str, *, actor: str, until: date | None = None
    ) -> Commitment:
        return await asyncio.to_thread(
            renewal.renew, self.engine, program_id, match_key, now=self.clock(), actor=actor, until=until
        )

    # -- the scheduler's hourly job ------------------------------------------------------------------

    async def year_tick(self) -> list[str]:
        """Open and close meet-and-greets, open choosing after them, renewal reminders, overdue notices."""
        now = self.clock()
        done = await self._write(meetings.tick, self.engine, self.policy_for, now)
        done += await self._write(renewal.tick, self.engine, now)
        if done:
            logger.info("program year: %s", "; ".join(done))
        return done
