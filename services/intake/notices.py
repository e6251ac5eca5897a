"""Who is told what, and when: texts to reporters, alerts to on-duty staff, overdue
reminders, and the retention sweep that forgets reporters' personal data.

Everything here runs as kit.jobs scheduled in the transaction of the change that causes it,
so a text is sent iff the acknowledgement commits, and a replica dying mid-send only means
the job runs again (at least once; the handlers tolerate a second run where it matters).

- Reporter texts: a reporter who left a phone gets one when the ticket is acknowledged and
  one when it is resolved, with the tracking link. Anonymous reporters follow the link.
- Urgent tickets: identity messages the on-duty community staff of the ticket's place
  (`POST /v1/notifications/on-duty`, with intake's own API key, scope identity:notify).
  Alerts are coalesced per community in windows of ALERT_INTERVAL (five minutes, aligned to
  the clock): the first urgent ticket of a window is texted at once, the others of the same
  window in one text when it ends, with their count ("5 分钟内又有 3 条紧急报事：安全隐患 3
  条"). So each on-duty person gets at most two texts per window and community, however many
  reports arrive (fifty anonymous reports in two seconds are two texts, not fifty).
- Deadlines: a job at each due time checks the ticket and, if the deadline was missed,
  writes one `overdue` event on the trail (one reminder per deadline; lists flag overdue
  tickets by query, see tickets.overdue_clause).
- Retention: a daily sweep removes the reporter's name and phone, and deletes the report's
  photos and video, `retention` after a ticket ended (closed, rejected, duplicate,
  escalated). The ticket, its trail and its statistics stay. The same sweep deletes uploads
  that no report used within a day (forms abandoned after the photo step).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import (
    OPEN_STATUSES,
    Category,
    Ticket,
    TicketEvent,
    TicketMedia,
    jobs,
    media,
)
from services.kit import events
from services.kit.clock import LOCAL_TZ
from services.kit.jobs import AnyHandler, Job, TwoPhase
from services.kit.messages import Delivery, Message, MessageSender

log = logging.getLogger("intake.notices")

NOTIFY_REPORTER = "notify_reporter"
ALERT_ON_DUTY = "alert_on_duty"
ALERT_DIGEST = "alert_on_duty_digest"
ALERT_INTERVAL = timedelta(minutes=5)
OVERDUE_CHECK = "overdue_check"
RETENTION_SWEEP = "retention_sweep"

# The text a reporter gets after each of these moves (template key, zh-CN text).
REPORTER_TEXTS: dict[str, tuple[str, str]] = {
    "acknowledge": (
        "ticket_acknowledged",
        "【您扫我办】您反映的问题（{number}）已受理，社区将尽快处理。进度：{link}",
    ),
    "resolve": (
        "ticket_resolved",
        "【您扫我办】您反映的问题（{number}）已处理完毕，请确认并评价：{link}",
    ),
}
URGENT_TEXT = "【您扫我办】紧急报事 {number}：{category}，{place}。请立即处理。"
DIGEST_TEXT = (
    "【您扫我办】{minutes} 分钟内又有 {count} 条紧急报事：{categories}，{place}。请立即处理。"
)
# Photos of people and their homes go with the contact details; photos of the fix stay.
PERSONAL_MEDIA_PURPOSES = ("report",)
SWEEP_BATCH = 500
SYSTEM = events.Actor.system()  # the actor of every notice on the trail

# An alert to on-duty staff: (place_path, template, text) -> staff found on duty.
Alert = Callable[[str, str, str], Awaitable[int]]
# Deletes stored media bytes (kit.media); the rows stay, marked purged.
PurgeMedia = Callable[[AsyncSession, list[uuid.UUID]], Awaitable[None]]
# Deletes uploads nobody attached within a day (abandoned report forms); how many.
PurgeUnattached = Callable[[AsyncSession], Awaitable[int]]


@dataclass(frozen=True)
class Digest:
    """One text for the urgent tickets of a window that were not alerted one by one."""

    place_path: str
    text: str
    ticket_ids: tuple[str, ...]


def tracking_link(public_base_url: str, ticket: Ticket) -> str:
    return f"{public_base_url.rstrip('/')}/t/{ticket.tracking_token}"


async def ticket_filed(session: AsyncSession, *, ticket: Ticket, now: datetime) -> None:
    """A new ticket: its deadline check at the time to respond by (that check schedules the
    one at the time to resolve by); an urgent one alerts on-duty staff."""
    # One job row, not two: every report pays for each row it writes (four index entries,
    # the pages the COMMIT copies), and the second check is no use before the first has run.
    await _schedule_overdue_check(session, ticket, "respond", ticket.due_respond_at, now=now)
    if ticket.priority == "urgent":
        await _schedule_alert(session, ticket, now)


async def _schedule_overdue_check(
    session: AsyncSession, ticket: Ticket, deadline: str, at: datetime, *, now: datetime
) -> None:
    await jobs.schedule(
        session,
        kind=OVERDUE_CHECK,
        run_at=max(at, now),
        now=now,
        payload={"ticket_id": str(ticket.id), "deadline": deadline},
        unique_key=f"{OVERDUE_CHECK}:{deadline}:{ticket.id}",
    )


def alert_window(now: datetime) -> tuple[datetime, datetime]:
    """The window of ALERT_INTERVAL (aligned to the clock) that `now` falls in."""
    length = ALERT_INTERVAL.total_seconds()
    start = datetime.fromtimestamp(now.timestamp() // length * length, UTC)
    return start, start + ALERT_INTERVAL


async def _schedule_alert(session: AsyncSession, ticket: Ticket, now: datetime) -> None:
    """The window's first urgent ticket of its community is alerted now; any other waits for
    the window's one digest."""
    start, end = alert_window(now)
    window = f"{ticket.community_id}:{start.isoformat()}"
    first = await jobs.schedule(
        session,
        kind=ALERT_ON_DUTY,
        run_at=now,
        now=now,
        payload={"ticket_id": str(ticket.id)},
        unique_key=f"{ALERT_ON_DUTY}:{window}",
    )
    if first is None:
        await jobs.schedule(
            session,
            kind=ALERT_DIGEST,
            run_at=end,
            now=now,
            payload={
                "community_id": str(ticket.community_id),
                "from": start.isoformat(),
                "to": end.isoformat(),
                "first_key": f"{ALERT_ON_DUTY}:{window}",
            },
            unique_key=f"{ALERT_DIGEST}:{window}",
        )


def community_path(ticket: Ticket) -> str:
    """The path of the ticket's community (an ancestor of its place): whom a digest alerts."""
    marker = f"/{ticket.community_id}/"
    at = ticket.place_path.find(marker)
    return ticket.place_path[: at + len(marker)] if at >= 0 else ticket.place_path


async def ticket_moved(
    session: AsyncSession, *, ticket: Ticket, action: str, now: datetime
) -> None:
    """After a move of the state machine: text the reporter where DOMAIN promises it."""
    if action in REPORTER_TEXTS and ticket.reporter_phone_cipher is not None:
        await jobs.schedule(
            session,
            kind=NOTIFY_REPORTER,
            run_at=now,
            now=now,
            payload={"ticket_id": str(ticket.id), "action": action},
            # One text per move: a re-resolved ticket (after a reopen) texts again.
            unique_key=f"{NOTIFY_REPORTER}:{action}:{ticket.id}:{now.isoformat()}",
        )


async def _ticket(session: AsyncSession, job: Job) -> Ticket | None:
    ticket_id = uuid.UUID(str(job.payload["ticket_id"]))
    return await session.get(Ticket, ticket_id, with_for_update=True)


def handlers(
    *,
    sender: MessageSender,
    decrypt: Callable[[str], str],
    public_base_url: str,
    alert: Alert,
    retention: timedelta,
    purge_media: PurgeMedia,
    purge_unattached: PurgeUnattached,
) -> dict[str, AnyHandler]:
    """The job handlers, bound to what they need from the app."""

    # Texting the reporter and asking identity are calls out: read, call, then record in a
    # new transaction (kit.jobs.TwoPhase), so no ticket row stays locked over the call.

    async def read_text(session: AsyncSession, job: Job) -> Message | None:
        ticket = await session.get(Ticket, uuid.UUID(str(job.payload["ticket_id"])))
        action = str(job.payload["action"])
        if ticket is None or ticket.reporter_phone_cipher is None or action not in REPORTER_TEXTS:
            return None  # purged or gone since: nothing to send to
        template, text = REPORTER_TEXTS[action]
        return Message(
            phone=decrypt(ticket.reporter_phone_cipher),
            template=template,
            text=text.format(number=ticket.number, link=tracking_link(public_base_url, ticket)),
            params={"number": ticket.number},
        )

    async def send_text(message: Message, job: Job) -> Delivery:
        delivery = await sender.send(message)
        if not delivery.accepted:
            # Raise so the job is retried with backoff; nothing was recorded.
            raise RuntimeError(f"the {delivery.channel} channel did not accept the text")
        return delivery

    async def record_text(
        session: AsyncSession, job: Job, message: Message, delivery: Delivery
    ) -> None:
        ticket = await _ticket(session, job)
        if ticket is None:
            return
        session.add(
            TicketEvent.in_place(
                ticket,
                "reporter_notified",
                SYSTEM,
                job.now,
                detail={"template": message.template, "channel": delivery.channel},
            )
        )

    async def read_alert(session: AsyncSession, job: Job) -> tuple[str, str] | None:
        ticket = await session.get(Ticket, uuid.UUID(str(job.payload["ticket_id"])))
        if ticket is None or ticket.status not in OPEN_STATUSES:
            return None
        category = await session.get(Category, ticket.category)
        text = URGENT_TEXT.format(
            number=ticket.number,
            category=category.name_zh if category is not None else ticket.category,
            place=ticket.place_code,
        )
        return ticket.place_path, text

    async def send_alert(plan: tuple[str, str], job: Job) -> int:
        place_path, text = plan
        return await alert(place_path, "urgent_ticket", text)

    async def record_alert(
        session: AsyncSession, job: Job, plan: tuple[str, str], found: int
    ) -> None:
        ticket = await _ticket(session, job)
        if ticket is None:
            return
        session.add(
            TicketEvent.in_place(
                ticket, "on_duty_alerted", SYSTEM, job.now, detail={"on_duty": found}
            )
        )

    async def read_digest(session: AsyncSession, job: Job) -> Digest | None:
        payload = job.payload
        first = await session.scalar(
            select(jobs.table.c.payload).where(jobs.table.c.unique_key == payload["first_key"])
        )
        first_id = (first or {}).get("ticket_id")
        alerted = select(TicketEvent.ticket_id).where(TicketEvent.action == "on_duty_alerted")
        rows = (
            await session.execute(
                select(Ticket, Category.name_zh)
                .join(Category, Category.code == Ticket.category)
                .where(
                    Ticket.community_id == uuid.UUID(str(payload["community_id"])),
                    Ticket.priority == "urgent",
                    Ticket.status.in_(OPEN_STATUSES),
                    Ticket.created_at >= datetime.fromisoformat(str(payload["from"])),
                    Ticket.created_at < datetime.fromisoformat(str(payload["to"])),
                    Ticket.id.not_in(alerted),
                )
                .order_by(Ticket.created_at, Ticket.id)
            )
        ).all()
        tickets = [(t, name) for t, name in rows if str(t.id) != first_id]
        if not tickets:
            return None
        counts: dict[str, int] = {}
        for _ticket, name in tickets:
            counts[name] = counts.get(name, 0) + 1
        text = DIGEST_TEXT.format(
            minutes=int(ALERT_INTERVAL.total_seconds() // 60),
            count=len(tickets),
            categories="、".join(f"{name} {n} 条" for name, n in counts.items()),
            place=tickets[0][0].community_code,
        )
        return Digest(community_path(tickets[0][0]), text, tuple(str(t.id) for t, _name in tickets))

    async def send_digest(plan: Digest, job: Job) -> int:
        return await alert(plan.place_path, "urgent_tickets_digest", plan.text)

    async def record_digest(session: AsyncSession, job: Job, plan: Digest, found: int) -> None:
        for ticket_id in plan.ticket_ids:
            ticket = await session.get(Ticket, uuid.UUID(ticket_id), with_for_update=True)
            if ticket is None:
                continue
            session.add(
                TicketEvent.in_place(
                    ticket,
                    "on_duty_alerted",
                    SYSTEM,
                    job.now,
                    detail={"on_duty": found, "coalesced": len(plan.ticket_ids)},
                )
            )

    async def overdue_check(session: AsyncSession, job: Job) -> None:
        ticket = await _ticket(session, job)
        if ticket is None:
            return
        deadline = str(job.payload["deadline"])
        if deadline == "respond":
            await _schedule_overdue_check(
                session, ticket, "resolve", ticket.due_resolve_at, now=job.now
            )
        missed = (
            ticket.status == "submitted"
            if deadline == "respond"
            else ticket.status in OPEN_STATUSES
        )
        if missed:
            due = ticket.due_respond_at if deadline == "respond" else ticket.due_resolve_at
            session.add(
                TicketEvent.in_place(
                    ticket,
                    "overdue",
                    SYSTEM,
                    job.now,
                    detail={"deadline": deadline, "due_at": due.isoformat()},
                )
            )

    async def retention_sweep(session: AsyncSession, job: Job) -> None:
        await purge_personal_data(
            session, now=job.now, retention=retention, purge_media=purge_media
        )
        await purge_unattached(session)
        await schedule_retention_sweep(session, job.now)

    return {
        NOTIFY_REPORTER: TwoPhase(read=read_text, call=send_text, record=record_text),
        ALERT_ON_DUTY: TwoPhase(read=read_alert, call=send_alert, record=record_alert),
        ALERT_DIGEST: TwoPhase(read=read_digest, call=send_digest, record=record_digest),
        OVERDUE_CHECK: overdue_check,
        RETENTION_SWEEP: retention_sweep,
    }


async def schedule_retention_sweep(session: AsyncSession, now: datetime) -> None:
    """The next sweep at 03:00 Beijing time; one per night whoever schedules it (the key)."""
    local = now.astimezone(LOCAL_TZ)
    at = local.replace(hour=3, minute=0, second=0, microsecond=0)
    if at <= local:
        at += timedelta(days=1)
    await jobs.schedule(
        session,
        kind=RETENTION_SWEEP,
        run_at=at,
        now=now,
        unique_key=f"{RETENTION_SWEEP}:{at.date().isoformat()}",
    )


async def purge_personal_data(
    session: AsyncSession, *, now: datetime, retention: timedelta, purge_media: PurgeMedia
) -> int:
    """Forget reporters of tickets that ended `retention` ago: how many tickets were purged."""
    cutoff = now - retention
    ended_before_cutoff = or_(
        and_(Ticket.status.in_(("closed", "rejected", "duplicate")), Ticket.closed_at < cutoff),
        and_(Ticket.status == "escalated", Ticket.escalated_at < cutoff),
    )
    total = 0
    while True:
        rows = (
            await session.execute(
                select(Ticket.id, Ticket.status)
                .where(Ticket.personal_purged_at.is_(None), ended_before_cutoff)
                .limit(SWEEP_BATCH)
            )
        ).all()
        ids = [row.id for row in rows]
        if not ids:
            return total
        media_ids = list(
            await session.scalars(
                select(TicketMedia.media_id)
                .join(media.table, media.table.c.id == TicketMedia.media_id)
                .where(
                    TicketMedia.ticket_id.in_(ids),
                    TicketMedia.purpose.in_(PERSONAL_MEDIA_PURPOSES),
                    media.table.c.purged_at.is_(None),
                )
            )
        )
        if media_ids:
            await purge_media(session, media_ids)
        await session.execute(
            update(Ticket)
            .where(Ticket.id.in_(ids))
            .values(
                reporter_name_cipher=None,
                reporter_phone_cipher=None,
                reporter_phone_hash=None,
                personal_purged_at=now,
            )
        )
        for ticket_id, status in rows:
            session.add(
                TicketEvent(
                    ticket_id=ticket_id,
                    from_status=status,
                    to_status=status,
                    action="personal_data_purged",
                    **SYSTEM.columns(),
                    public_note=None,
                    at=now,
                    detail={},
                )
            )
        await session.flush()
        total += len(ids)
