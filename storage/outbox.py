"""The outbox row builder. Every side effect on a platform starts life as one of these rows,
written in the same transaction as the log row that caused it.

One builder for every path: ``own_columns`` (what differs per row) plus ``shared_columns`` (what
a batch of rows has in common) is every column of a new pending row. The relay, reviews and
alerts build ORM rows from them (``new_row`` and the helpers below); the weekly fan-out and the
nudges insert thousands of them at once with ``insert_batch``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, exists, func, literal, or_, type_coerce, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from storage.bulk import insert_many
from storage.clock import as_utc
from storage.models import Delivery, Match, MessageLog, ReviewItem
from storage.repo import ChannelAddress


def own_columns(*, key: str, channel: ChannelAddress, text: str, message_id: int | None = None
                ) -> dict[str, Any]:
    """The columns that differ from row to row in a batch."""
    return {"idempotency_key": key, "message_id": message_id, "platform": channel.platform,
            "workspace": channel.workspace, "channel": channel.channel, "text": text}


def shared_columns(kind: str, *, program_id: str | None, now: datetime, sender_name: str | None = None,
                   sender_avatar: str | None = None, thread_id: str | None = None,
                   user_id: str | None = None, review_id: int | None = None, alert_id: int | None = None,
                   ref_delivery_id: int | None = None) -> dict[str, Any]:
    """Every other column of a new ``kind`` row: due now, pending, never tried."""
    return {
        "program_id": program_id, "review_id": review_id, "alert_id": alert_id,
        "ref_delivery_id": ref_delivery_id, "kind": kind, "user_id": user_id, "sender_name": sender_name,
        "sender_avatar": sender_avatar, "thread_id": thread_id, "state": "pending", "attempts": 0,
        "next_attempt_at": now, "lease_until": None, "last_error": None, "platform_message_id": None,
        "created_at": now, "sent_at": None,
    }


def new_row(kind: str, *, key: str, channel: ChannelAddress, text: str, now: datetime,
            program_id: str | None = None, message_id: int | None = None, **shared: Any) -> Delivery:
    """One outbox row as an ORM object (added to a session by the caller)."""
    return Delivery(**own_columns(key=key, channel=channel, text=text, message_id=message_id),
                    **shared_columns(kind, program_id=program_id, now=now, **shared))


def insert_batch(session: Session, rows: list[dict[str, Any]], *, shared: dict[str, Any]) -> None:
    """Many rows of ``own_columns`` plus the ``shared_columns`` they all share; a duplicate
    idempotency key (another process, the same batch) is ignored."""
    if rows:
        insert_many(session, Delivery.__table__, rows, common=shared, ignore_on=["idempotency_key"])  # type: ignore[attr-defined]


def cancel_pending(session: Session, delivery_id: int, *, reason: str) -> bool:
    """Cancel a row not yet claimed by the worker (waiting, or parked for its match); False if it is
    already being sent (or was)."""
    return bool(session.execute(
        update(Delivery).where(Delivery.id == delivery_id,  # type: ignore[arg-type]
                               col(Delivery.state).in_(["pending", PARKED]))
        .values(state="cancelled", last_error=reason)
    ).rowcount)


def relay(*, program_id: str, message_id: int, target: ChannelAddress, text: str, sender_name: str,
          sender_avatar: str | None, thread_id: str | None, now: datetime, kind: str = "relay",
          suffix: str = "") -> Delivery:
    """A copy of a logged message for one other channel of its match."""
    return Delivery(**relay_columns(program_id=program_id, message_id=message_id, target=target, text=text,
                                    sender_name=sender_name, sender_avatar=sender_avatar,
                                    thread_id=thread_id, now=now, kind=kind, suffix=suffix))


def relay_columns(*, program_id: str, message_id: int, target: ChannelAddress, text: str, sender_name: str,
                  sender_avatar: str | None, thread_id: str | None, now: datetime, kind: str = "relay",
                  suffix: str = "") -> dict[str, Any]:
    """``relay`` as column values, for a Core insert (``storage.direct_insert.insert_values``)."""
    key = f"{kind}:{message_id}:{target.platform}:{target.workspace}/{target.channel}{suffix}"
    return {**own_columns(key=key, channel=target, text=text, message_id=message_id),
            **shared_columns(kind, program_id=program_id, now=now, sender_name=sender_name,
                             sender_avatar=sender_avatar, thread_id=thread_id)}


def notice(*, program_id: str | None, message_id: int | None, channel: ChannelAddress, user_id: str,
           text: str, now: datetime, key: str) -> Delivery:
    """A private notice for one person (hold, block, decision, pointer)."""
    return new_row("notice", key=key, channel=channel, text=text, now=now, program_id=program_id,
                   message_id=message_id, user_id=user_id)


def pointer(*, channel: ChannelAddress, user_id: str, text: str, now: datetime, key: str) -> Delivery:
    """The reply to a direct message: a plain message in the DM conversation."""
    return new_row("pointer", key=key, channel=channel, text=text, now=now, user_id=user_id)


def system_post(*, program_id: str, channel: ChannelAddress, text: str, now: datetime, key: str) -> Delivery:
    """A message from mentorbot itself to everyone in a channel (a match paused, say)."""
    return new_row("system", key=key, channel=channel, text=text, now=now, program_id=program_id)


def review_card(*, program_id: str, channel: ChannelAddress, text: str, now: datetime,
                review_id: int | None = None, alert_id: int | None = None,
                message_id: int | None = None) -> Delivery:
    """A hold or an alert posted to the program's coordinator review channel."""
    key = f"card:review:{review_id}" if review_id is not None else f"card:alert:{alert_id}"
    return new_row("review_card", key=key, channel=channel, text=text, now=now, program_id=program_id,
                   review_id=review_id, alert_id=alert_id, message_id=message_id)


def follow_up(kind: str, *, ref: Delivery, text: str, now: datetime, key: str,
              message_id: int | None = None, review_id: int | None = None) -> Delivery:
    """An edit, retraction or review-card update acting on an earlier delivery."""
    return new_row(kind, key=key, channel=ref, text=text, now=now, program_id=ref.program_id,
                   message_id=message_id if message_id is not None else ref.message_id,
                   ref_delivery_id=ref.id, review_id=review_id)


# -- copies that wait for their match ----------------------------------------------------------------

PARKED = "parked"  # a relayed copy (or its edit) whose match stopped being active before it went out
WAITS_FOR_MATCH = ("relay", "edit")


CLOSED_MATCH = ("paused", "ended")  # a proposed match's copies exist only by a coordinator's override


def _match_is(closed: bool) -> Any:
    """The row's source message belongs to a match that is (or is no longer) paused or ended. A
    message a coordinator delivered into the closed match on purpose (an override naming the
    match's state, ``review.gate_override``) does not count as waiting for it."""
    status = col(Match.status).in_(CLOSED_MATCH)
    if not closed:
        return exists().where(MessageLog.id == Delivery.message_id, Match.id == MessageLog.match_id, ~status)
    overridden = exists().where(ReviewItem.message_id == Delivery.message_id,
                                col(ReviewItem.override_gates).contains(literal("match.") + Match.status))
    return exists().where(MessageLog.id == Delivery.message_id, Match.id == MessageLog.match_id, status,
                          ~overridden)


def park_if_match_closed(session: Session, row_id: int) -> bool:
    """Park a due copy whose match was paused or ended after it was queued (the platform was down,
    say): "only inside an active match" holds at delivery time too. True if it was parked.

    A parked row is no channel's head, so the pause notice queued after it goes out; the copy waits
    without a deadline and ``unpark_reopened`` queues it again, in its place, when the match is
    active again. Retractions are not parked: taking a message down is always allowed.
    """
    return bool(session.execute(
        update(Delivery)
        .where(Delivery.id == row_id, Delivery.state == "pending",  # type: ignore[arg-type]
               col(Delivery.kind).in_(WAITS_FOR_MATCH), _match_is(closed=True))
        .values(state=PARKED)
    ).rowcount)


def unpark_reopened(session: Session, now: datetime) -> int:
    """Queue again the parked copies whose match is active again (resumed on the desk, by command,
    by a roster import or a hand-over); they keep their place in the channel's order."""
    return int(session.execute(
        update(Delivery)
        .where(Delivery.state == PARKED, _match_is(closed=False))  # type: ignore[arg-type]
        .values(state="pending", next_attempt_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount)


# -- the worker's queries --------------------------------------------------------------------------


def due_heads(session: Session, platforms: list[str], now: datetime,
              window: timedelta = timedelta(0)) -> list[int]:
    """The next row of each channel on these platforms, if it is due now.

    A channel's rows go out in the order their messages were written (the source message's
    ``sent_at``, else the row's ``created_at``; then ``id``), one at a time: a channel with a row
    being sent under a live lease has no head. With several replicas two messages of one channel
    can be recorded by different processes in the other order (one was a moment late); ``window``
    holds every relayed copy until it has been queued that long, so the late one is already there
    and goes first. A pending row is due at ``next_attempt_at``; a row whose lease ran out is due
    again at once (its worker died).
    """
    order_at = type_coerce(func.coalesce(MessageLog.sent_at, Delivery.created_at), UTCDateTime())
    channel = (Delivery.platform, Delivery.workspace, Delivery.channel)
    live = case((and_(Delivery.state == "sending", Delivery.lease_until > now), 1), else_=0)  # type: ignore[operator]
    ranked = (
        select(Delivery.id, Delivery.state, Delivery.kind, Delivery.next_attempt_at, Delivery.lease_until,
               Delivery.created_at,
               func.row_number().over(partition_by=channel, order_by=(order_at, Delivery.id)).label("rank"),
               func.max(live).over(partition_by=channel).label("busy"))
        .select_from(Delivery)
        .join(MessageLog, MessageLog.id == Delivery.message_id, isouter=True)  # type: ignore[arg-type]
        .where(col(Delivery.state).in_(["pending", "sending"]), col(Delivery.platform).in_(platforms))
        .subquery()
    )
    heads = session.execute(select(ranked).where(ranked.c.rank == 1, ranked.c.busy == 0))
    return sorted(row.id for row in heads if _is_due(row, now, window))


def _is_due(row: Any, now: datetime, window: timedelta) -> bool:
    if row.state == "sending":  # no live lease (the channel is not busy): its worker died
        return True
    if row.kind == "relay" and as_utc(row.created_at) + window > now:
        return False
    return as_utc(row.next_attempt_at) <= now


def claim(session: Session, row_id: int, now: datetime, lease: timedelta) -> bool:
    """Take the row for one send (pending, or sending with an expired lease); False if another has
    it, or if another row of its channel is being sent under a live lease (one at a time)."""
    other = aliased(Delivery)
    in_flight = exists().where(
        other.platform == Delivery.platform, other.workspace == Delivery.workspace,
        other.channel == Delivery.channel, other.id != Delivery.id, other.state == "sending",
        other.lease_until > now)  # type: ignore[operator]
    return bool(session.execute(
        update(Delivery)
        .where(Delivery.id == row_id, or_(  # type: ignore[arg-type]
            Delivery.state == "pending",
            (Delivery.state == "sending") & (Delivery.lease_until <= now)), ~in_flight)  # type: ignore[operator]
        .values(state="sending", lease_until=now + lease, attempts=Delivery.attempts + 1)
    ).rowcount)


def renew(session: Session, row_id: int, attempt: int, now: datetime, lease: timedelta) -> bool:
    """Extend the lease of a row this worker still holds (same claim: same attempt); False if lost."""
    return bool(session.execute(
        update(Delivery)
        .where(Delivery.id == row_id, Delivery.state == "sending",  # type: ignore[arg-type]
               Delivery.attempts == attempt)
        .values(lease_until=now + lease)
    ).rowcount)


def release(session: Session, row_id: int, attempt: int, now: datetime) -> bool:
    """Give back a row this worker claimed but will not finish (graceful shutdown): due again now,
    for any worker. ``attempts`` stays, so the next sender first looks for a post this one may have
    made before it stopped."""
    return bool(session.execute(
        update(Delivery)
        .where(Delivery.id == row_id, Delivery.state == "sending",  # type: ignore[arg-type]
               Delivery.attempts == attempt)
        .values(state="pending", lease_until=None, next_attempt_at=now)
    ).rowcount)


def sent_copy(session: Session, message_id: int, channel: ChannelAddress) -> Delivery | None:
    """The delivered relay copy of a log row in one channel."""
    return session.exec(select(Delivery).where(
        Delivery.message_id == message_id, Delivery.kind == "relay", Delivery.state == "sent",
        Delivery.platform == channel.platform, Delivery.workspace == channel.workspace,
        Delivery.channel == channel.channel)).first()


def source_of_copy(session: Session, origin: ChannelAddress, copy_id: str) -> MessageLog | None:
    """The logged message whose relayed copy in ``origin`` has platform id ``copy_id``.

    Adapters may return combined ids (a split message: ``"id1,id2"``); the first part counts.
    """
    candidates = session.exec(select(Delivery).where(
        Delivery.platform == origin.platform, Delivery.workspace == origin.workspace,
        Delivery.channel == origin.channel, Delivery.kind == "relay", Delivery.state == "sent",
        col(Delivery.platform_message_id).startswith(copy_id)))
    for copy in candidates:
        if copy.platform_message_id and copy.platform_message_id.split(",")[0] == copy_id:
            return session.get(MessageLog, copy.message_id) if copy.message_id else None
    return None
