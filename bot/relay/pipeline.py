"""The relay pipeline: dedupe, locate, gate, police, and record in one transaction (DESIGN.md).

``Relay.record`` is the only way a message event enters mentorbot. It returns after the log row,
its decision and every resulting outbox row, review item and alert are committed together; the
delivery worker does the platform I/O afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.messages import ChannelRef, Inbound, InboundKind
from bot.ports import PlatformFacts
from bot.relay import conversation, direct, final_decision, roster_facts
from bot.relay.copies import copy_rows
from bot.relay.gates import gate_hits
from bot.relay.policy_cache import PolicyBook, conversation_settings
from bot.relay.roster_facts import RosterCache
from bot.relay.split_contact import SplitContacts
from bot.review import holds
from policies.types import Action, Decision, PolicyContext
from storage import chain, outbox, repo, roster_generation
from storage.clock import as_utc
from storage.direct_insert import LogRow, Rows
from storage.held_connections import HeldConnections
from storage.models import (
    Delivery,
    MessageLog,
    Person,
    Program,
    SupervisedChannel,
    UnroutedEvent,
)
from storage.safe_text import without_lone_surrogates

logger = logging.getLogger(__name__)

FLOOD_WINDOW = timedelta(seconds=60)


def channel_ref(row: SupervisedChannel | Delivery | MessageLog) -> ChannelRef:
    return ChannelRef(row.platform, row.workspace, row.channel)


class Relay:
    """Turns inbound events into committed log rows and outbox work."""

    def __init__(self, *, engine: Engine, policies: PolicyBook, clock: Callable[[], datetime],
                 platforms: Mapping[str, PlatformFacts] | None = None,
                 on_recorded: Callable[[str], None] | None = None):
        self._engine = engine
        self._policies = policies
        self._clock = clock
        self._platforms = platforms or {}  # from the adapters' registry: how to point at a channel
        self._on_recorded = on_recorded  # told each committed log row's decision (metrics)
        self._roster = RosterCache()  # roster facts between messages, while their generation holds
        self._roster_checked = False
        self._held = HeldConnections(engine)
        self._split = SplitContacts()  # each sender's last message, for details split over two

    def close(self) -> None:
        """Close the connections the relay keeps between messages (the process is stopping)."""
        self._held.close()

    @property
    def policies(self) -> PolicyBook:
        """Each program's policy (also used to check bios before they are posted)."""
        return self._policies

    def record(self, event: Inbound) -> bool:
        """Record one event; True if anything was queued for delivery. Duplicates are no-ops."""
        def transaction(connection: Connection) -> tuple[bool, list[str]] | None:
            # nothing reads the rows after the commit, so the commit need not expire them (a few % of CPU)
            with Session(bind=connection, expire_on_commit=False) as session:
                return self._record_in(session, event)

        queued = self._held.retry_once(transaction)  # a connection kept between messages
        if queued is not None:
            self._tell_recorded(queued[1])
        return bool(queued and queued[0])

    def record_many(self, events: list[Inbound]) -> list[bool | BaseException]:
        """Record events that arrived together with one commit (group commit, issue 16).

        Each event still is all or nothing: it runs in its own session on a SAVEPOINT of the one
        transaction, so an event that fails (or loses a dedupe race) rolls back alone, and its
        result is the exception (or False) while the others go on. Nothing is committed, and no
        caller is answered, before the one COMMIT: a crash loses the whole group uncommitted, and
        the platforms redeliver every event in it, as they would one event.
        """
        results: list[bool | BaseException] = []
        decisions: list[str] = []
        with self._engine.connect() as connection, connection.begin():
            for event in events:
                with Session(bind=connection, join_transaction_mode="create_savepoint",
                             expire_on_commit=False) as session:
                    # an earlier event's uncommitted roster write (an avatar) is visible here
                    session.info[roster_facts.NO_STORE] = True
                    try:
                        queued = self._record_in(session, event)
                    except Exception as error:  # this event's savepoint is rolled back; the group goes on
                        session.rollback()
                        results.append(error)
                        continue
                results.append(bool(queued and queued[0]))
                decisions += queued[1] if queued else []
        for decision in decisions:
            self._tell_recorded([decision])
        return results

    def _tell_recorded(self, decisions: list[str]) -> None:
        if self._on_recorded is not None:
            for decision in decisions:
                self._on_recorded(decision)

    def _record_in(self, session: Session, event: Inbound) -> tuple[bool, list[str]] | None:
        """``record`` in ``session``, committed there: (anything queued, the decisions logged), or
        None for a duplicate (seen before, or lost the race to another writer)."""
        self._check_roster_triggers(session)
        seen, found = roster_facts.find(session, self._roster, event, self._clock() - FLOOD_WINDOW)
        if seen:
            logger.info("<= duplicate %s ignored", event.dedupe_key)
            return None
        if event.is_direct or found is None:
            if not event.is_direct or event.kind != InboundKind.MESSAGE:
                logger.debug("<= %s outside supervised channels, not relayed", event.channel)
                return False, []
            ref = event.channel
            sender = repo.person_by_account(session, ref.platform, ref.workspace, event.author_id)
            self._record_attempt(session, event, sender)
        else:
            session.info["match_channels"] = {found.where.match.id: found.where.channels}  # for queue_copies
            if event.kind == InboundKind.MESSAGE:
                self._record_message(session, event, found)
            elif event.kind == InboundKind.EDIT:
                self._record_edit(session, event, found)
            else:
                self._record_delete(session, event, found)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            logger.info("<= duplicate %s lost the race, ignored", event.dedupe_key)
            return None
        return True, session.info.pop("decisions", [])

    def _check_roster_triggers(self, session: Session) -> None:
        """Cache roster facts only where the database counts every change to them (once a process)."""
        if not self._roster_checked:
            self._roster.enabled = roster_generation.installed(session.connection())
            self._roster_checked = True
            if not self._roster.enabled:
                logger.warning("roster-generation triggers missing (run `mentorbot migrate`): the relay "
                               "reads the roster for every message")

    # -- the three kinds of event in a supervised channel ------------------------------------

    def _record_message(self, session: Session, event: Inbound, found: roster_facts.Found, *,
                        kind: str = "message", original: MessageLog | None = None,
                        fresh_copies: bool = True) -> LogRow:
        """Police and log one message version; ``fresh_copies`` False when an allowed edit will
        update copies that already exist instead of posting new ones."""
        where = found.where
        now = self._clock()
        sender = self._with_avatar(session, event, found.speaker.person if found.speaker else None)
        who = roster_facts.sender_standing(session, self._roster, found, now)
        match_role, sender_role, facts = who.match_role, who.person_role, who.facts
        context = PolicyContext(
            role=match_role or sender_role or "student",
            sent_at=as_utc(event.sent_at) if event.sent_at else now, timezone=where.program.timezone,
            recent_count=found.recent if sender is not None else 0,
            recent_window_s=int(FLOOD_WINDOW.total_seconds()),
            attachment_count=event.attachment_count, is_edit=kind == "edit",
        )
        # The policy reads what people see (a lone surrogate shows as U+FFFD); the log keeps the original.
        policy = self._policies.for_file(where.program.policy_file)
        verdict = policy.evaluate(without_lone_surrogates(event.text), context)
        if sender is not None and kind == "message":  # a detail split over two messages
            verdict = self._split.judge(policy, channel_id=where.channel.id, sender_id=sender.id,  # type: ignore[arg-type]
                                        text=without_lone_surrogates(event.text),
                                        at=context.sent_at or now, context=context, decision=verdict)
        decision = final_decision.combine(gate_hits(facts), verdict)
        # The sender's conversation score (one indexed read where a state exists): a mentor's
        # pattern holds the message.
        decision, scored = conversation.judge(
            session, match=where.match, sender=sender, match_role=match_role, decision=decision,  # type: ignore[arg-type]
            at=context.sent_at or now, settings=conversation_settings(policy), original=original,
            stored=found.scored)
        copies = decision.action == Action.ALLOW and fresh_copies  # written with the log row, below

        def copies_of(row: LogRow) -> Rows:
            origin = channel_ref(where.channel)  # type: ignore[arg-type]
            return Delivery.__table__, copy_rows(  # type: ignore[attr-defined]
                session, program_id=where.program.id, match_id=where.match.id, origin=origin,
                row=row, text=row.text, sender=sender, now=now)  # type: ignore[arg-type]

        row = self._log(session, event, program_id=where.program.id, kind=kind, match_id=where.match.id,
                        channel_id=where.channel.id, sender=sender, sender_role=match_role or sender_role,
                        decision=decision, original_id=original.id if original else None,
                        then=copies_of if copies else None, bumped=found.bumped)
        if scored is not None and sender is not None:
            program, match = roster_facts.orm_rows(session, found)
            person = session.get(Person, sender.id)
            assert person is not None
            conversation.record(session, scored, program=program, match=match, sender=person, row=row,
                                decision=decision, now=now)
        self._act(session, found=found, row=row, decision=decision, event=event)
        return row

    def _with_avatar(self, session: Session, event: Inbound,
                     sender: roster_facts.PersonFacts | None) -> roster_facts.PersonFacts | None:
        """Relayed copies show the platform's picture: stored the first time an event carries one."""
        if sender is None or not event.author_avatar or sender.avatar_url:
            return sender
        # a roster write: nothing this transaction reads from now on may be cached (roster_facts)
        session.info[roster_facts.NO_STORE] = True
        person = session.get(Person, sender.id)
        assert person is not None
        person.avatar_url = event.author_avatar
        session.add(person)
        return replace(sender, avatar_url=event.author_avatar)

    def _record_edit(self, session: Session, event: Inbound, found: roster_facts.Found) -> None:
        original = repo.original_message(session, event.channel, event.message_id)
        if original is None:
            # An edit of a message we never saw (sent before the channel was linked): treat the
            # new text as a new message so it is policed and logged like any other.
            self._record_message(session, event, found)
            return
        versions = repo.message_versions(session, original.id)  # type: ignore[arg-type]
        latest = versions[-1]
        if latest.kind == "delete" or latest.text == event.text:
            # Nothing to record: a replay of this event finds the same state and ignores it again.
            logger.info("<= edit %s changes no text (or follows a deletion), ignored", event.dedupe_key)
            return
        live = repo.live_relay_copies(session, [v.id for v in versions])  # type: ignore[misc]
        holds.close_open(session, [v.id for v in versions], state="superseded", now=self._clock())  # type: ignore[misc]
        row = self._record_message(session, event, found, kind="edit", original=original,
                                   fresh_copies=not live)
        now = self._clock()
        if row.decision == Action.ALLOW.value and live:
            for copy in live:
                session.add(outbox.follow_up("edit", ref=copy, text=event.text, now=now,
                                             key=f"edit:{row.id}:{copy.id}", message_id=row.id))
        elif row.decision != Action.ALLOW.value:
            self._retract(session, live, row, now)

    def _record_delete(self, session: Session, event: Inbound, found: roster_facts.Found) -> None:
        original = repo.original_message(session, event.channel, event.message_id)
        if original is None:
            return
        versions = repo.message_versions(session, original.id)  # type: ignore[arg-type]
        if versions[-1].kind == "delete":
            return
        ids = [v.id for v in versions]
        live = repo.live_relay_copies(session, ids)  # type: ignore[arg-type]
        holds.close_open(session, ids, state="withdrawn", now=self._clock())  # type: ignore[arg-type]
        row = self._log(session, event, program_id=original.program_id, kind="delete",
                        match_id=original.match_id, channel_id=found.where.channel.id,
                        sender=found.speaker.person if found.speaker else None,
                        sender_role=original.sender_role, decision=None, original_id=original.id,
                        text=versions[-1].text)
        self._retract(session, live, row, self._clock())

    def _record_attempt(self, session: Session, event: Inbound, sender: Person | None) -> None:
        """A direct message to the bot: logged, policed like any message (a concern alerts the
        coordinator at once), never relayed; the reply points to the channel unless it was a concern."""
        now = self._clock()
        program = (session.get(Program, sender.program_id) if sender is not None
                   else direct.program_of_workspace(session, event.channel))
        verdict = self._police_direct(event, sender, program, now)
        if sender is None:
            session.add(UnroutedEvent(dedupe_key=event.dedupe_key, platform=event.channel.platform,
                                      workspace=event.channel.workspace, channel=event.channel.channel,
                                      user_id=event.author_id, text=event.text, is_direct=True,
                                      received_at=now))
            if verdict.alert and program is not None:
                direct.alert_stranger(session, program=program, event=event, verdict=verdict, now=now)
            text = direct.reply_to_stranger(verdict, program)
        else:
            row = self._log(session, event, program_id=sender.program_id, kind="attempt", match_id=None,
                            channel_id=None, sender=sender, sender_role=sender.role, decision=None,
                            original_id=None, decision_value="not_relayed", hits=direct.hits_json(verdict),
                            alert=verdict.alert)
            if verdict.alert and program is not None:
                direct.alert_member(session, program=program, sender=sender, row=row, verdict=verdict,
                                    now=now)
                text = direct.concern_reply(program)
            else:
                home = self._home_channel(session, sender, event.channel.platform)
                where = self._mention(home) if home else "your mentoring channel"
                text = (f"Hi {sender.display_name}! I only pass messages along in your mentoring channel, "
                        f"so please post in {where} where your coordinator can see it too.")
        session.add(outbox.pointer(channel=event.channel, user_id=event.author_id, text=text, now=now,
                                   key=f"pointer:{event.dedupe_key}"))

    def _police_direct(self, event: Inbound, sender: Person | None, program: Program | None,
                       now: datetime) -> Decision:
        context = PolicyContext(role=(sender.role if sender else None) or "student",
                                sent_at=as_utc(event.sent_at) if event.sent_at else now,
                                timezone=program.timezone if program else "UTC",
                                attachment_count=event.attachment_count)
        return self._policies.for_file(program.policy_file if program else None).evaluate(event.text, context)

    # -- acting on a decision ------------------------------------------------------------------

    def _act(self, session: Session, *, found: roster_facts.Found, row: LogRow, decision: Decision,
             event: Inbound) -> None:
        """What a decision adds beside the log row (an allowed message's copies went with the row)."""
        now = self._clock()
        where = found.where
        origin_ref = channel_ref(where.channel)  # type: ignore[arg-type]
        if decision.action == Action.HOLD:
            program, _match = roster_facts.orm_rows(session, found)
            holds.hold(session, program=program, match_id=where.match.id, row=row, decision=decision,
                       now=now)
        if decision.notice and (decision.action != Action.ALLOW or decision.alert):
            session.add(outbox.notice(program_id=where.program.id, message_id=row.id, channel=origin_ref,
                                      user_id=event.author_id, now=now, key=f"notice:{row.id}",
                                      text=direct.with_emergency_line(decision.notice, where.program)))  # type: ignore[arg-type]
        if decision.alert:
            program, _match = roster_facts.orm_rows(session, found)
            kind, urgent = final_decision.alert_kind(decision)
            reasons = "; ".join(h.reason for h in decision.hits if h.alert)
            raise_alert(session, program=program, kind=kind, urgent=urgent, match_id=where.match.id, now=now,
                        message_id=row.id, summary=f"{row.sender_name} in {where.match.key}: {reasons}")

    def _retract(self, session: Session, live: list[Delivery], row: LogRow, now: datetime) -> None:
        for copy in live:
            if not outbox.cancel_pending(session, copy.id, reason=f"retracted by log row {row.id}"):  # type: ignore[arg-type]
                session.add(outbox.follow_up("retract", ref=copy, text="", now=now,
                                             key=f"retract:{row.id}:{copy.id}", message_id=row.id))

    # -- helpers ---------------------------------------------------------------------------------

    def _log(self, session: Session, event: Inbound, *, program_id: str, kind: str,
             match_id: int | None, channel_id: int | None,
             sender: Person | roster_facts.PersonFacts | None,
             sender_role: str | None, decision: Decision | None, original_id: int | None,
             text: str | None = None, decision_value: str = "retract",
             hits: str = "[]", alert: bool = False,
             then: Callable[[LogRow], Rows] | None = None,
             bumped: tuple[int, str, int] | None = None) -> LogRow:
        now = self._clock()
        row = LogRow(
            program_id=program_id, seq=0, kind=kind, match_id=match_id, channel_id=channel_id,
            platform=event.channel.platform, workspace=event.channel.workspace,
            channel=event.channel.channel, platform_message_id=event.message_id,
            thread_id=event.thread_id, dedupe_key=event.dedupe_key, original_id=original_id,
            sender_person_id=sender.id if sender else None, sender_platform_id=event.author_id,
            sender_name=sender.display_name if sender else (event.author_name or event.author_id),
            sender_role=sender_role, text=event.text if text is None else text,
            attachment_count=event.attachment_count,
            sent_at=as_utc(event.sent_at) if event.sent_at else now, received_at=now,
            decision=decision.action.value if decision else decision_value,
            alert=bool(decision.alert) if decision else alert,
            hits_json=final_decision.hits_json(decision) if decision else hits,
            notice=decision.notice if decision and decision.action != Action.ALLOW else None,
            prev_hash="", row_hash="",
        )
        # a Core INSERT now; ``bumped``: the chain's head was taken by the event's first statement
        chain.append_now(session, row, stream="message", then=then, bumped=bumped)  # type: ignore[arg-type]
        session.info.setdefault("decisions", []).append(row.decision)
        return row

    def _mention(self, channel: SupervisedChannel) -> str:
        """How a message on the channel's platform points at it (the adapter's markup)."""
        facts = self._platforms.get(channel.platform) or PlatformFacts(channel.platform)
        return facts.mention(channel.channel)

    def _home_channel(self, session: Session, person: Person, platform: str) -> SupervisedChannel | None:
        for match in repo.matches_of(session, person.id):  # type: ignore[arg-type]
            role = repo.member_role(session, match.id, person.id)  # type: ignore[arg-type]
            for channel in repo.match_channels(session, match.id):  # type: ignore[arg-type]
                if channel.platform == platform and channel.side == role:
                    return channel
        return None

