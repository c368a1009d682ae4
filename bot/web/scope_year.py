"""The program year's use cases as the desk calls them: always for the signed-in coordinator's
program, with their name on the audit trail (``ProgramScope.year``).

A thin binding over ``bot.year_use_cases`` so routes never pass a program id of their own: the
program comes from the session, like every other desk action (``bot.web.scope``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.use_cases import Core


class YearActions:
    """The year's actions for one program and one signed-in coordinator."""

    def __init__(self, core: Core, program_id: str, actor: str, coordinator_key: str) -> None:
        self._core, self.program_id, self.actor, self.coordinator_key = (
            core,
            program_id,
            actor,
            coordinator_key,
        )

    async def save_profile(self, person_key: str, form: Mapping[str, str]) -> Any:
        return await self._core.save_profile(self.program_id, person_key, form, actor=self.actor)

    async def check_bios(self) -> Any:
        return await self._core.check_bios(self.program_id, actor=self.actor, everyone=True)

    async def approve_bio(self, person_key: str) -> None:
        await self._core.approve_bio(self.program_id, person_key, actor=self.actor)

    async def publish_bios(self, audience: str) -> Any:
        return await self._core.publish_bios(self.program_id, actor=self.actor, audience=audience)

    async def open_round(self, key: str, starts_on: date, open_now: bool | None) -> Any:
        return await self._core.open_round(
            self.program_id, key=key, starts_on=starts_on, actor=self.actor, open_now=open_now
        )

    async def set_round_state(self, state: str) -> Any:
        return await self._core.set_round_state(self.program_id, state, actor=self.actor)

    async def schedule_meet_and_greet(
        self,
        *,
        at: datetime,
        minutes: int,
        mentors: Sequence[str],
        students: Sequence[str],
        channels: Sequence[tuple[str, str, str, str]],
    ) -> Any:
        return await self._core.schedule_meet_and_greet(
            self.program_id,
            at=at,
            minutes=minutes,
            mentors=mentors,
            students=students,
            channels=channels,
            actor=self.actor,
        )

    async def record_choices(self, student_key: str, mentor_keys: Sequence[str | None]) -> list[str]:
        return await self._core.record_choices(self.program_id, student_key, mentor_keys, actor=self.actor)

    async def propose(self) -> Any:
        return await self._core.propose_matches(self.program_id, actor=self.actor)

    async def edit_proposal(self, run_id: int, key: str, **changes: Any) -> list[str]:
        return await self._core.edit_proposal(self.program_id, run_id, key, actor=self.actor, **changes)

    async def confirm(self, run_id: int, keys: Sequence[str] | None) -> Any:
        return await self._core.confirm_proposals(
            self.program_id, run_id, actor=self.actor, coordinator=self.coordinator_key, keys=keys
        )

    async def start_match(self, key: str) -> Any:
        return await self._core.start_match(self.program_id, key, actor=self.actor)

    async def give_notice(self, match_key: str, mentor_key: str, last_day: date, reason: str) -> Any:
        return await self._core.give_notice(
            self.program_id,
            match_key,
            mentor_key,
            last_day=last_day,
            reason=reason,
            actor=self.actor,
            via="desk",
        )

    async def suggestions(self, departure_id: int) -> Any:
        return await self._core.replacement_suggestions(self.program_id, departure_id)

    async def replace_mentor(self, departure_id: int, replacement_key: str, message: str | None) -> Any:
        return await self._core.replace_mentor(
            self.program_id, departure_id, replacement_key, actor=self.actor, student_message=message
        )

    async def close_notice(self, departure_id: int, outcome: str, message: str | None) -> Any:
        return await self._core.close_notice(
            self.program_id, departure_id, outcome=outcome, actor=self.actor, student_message=message
        )

    async def renew(self, match_key: str, until: date | None) -> Any:
        return await self._core.renew_commitment(self.program_id, match_key, actor=self.actor, until=until)
