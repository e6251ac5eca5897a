"""How an event row's actor reads to each audience (kit.events for the columns).

Residents and partners read which side acted; staff read who it was.
"""

from __future__ import annotations

from services.kit.events import EventRow


def side(event: EventRow) -> str:
    """Which side acted, as residents and partners read it: never which staff member, nor
    which system (reporter, resident, staff, contractor, agency, client, system)."""
    if event.action == "referral_answered":
        return "agency"
    if event.actor_kind == "contractor":
        return "contractor"
    return event.actor.split(":", 1)[0]


def public(event: EventRow) -> dict[str, object]:
    return {"actor": side(event)}


def staff(event: EventRow) -> dict[str, object]:
    """Staff read who it was: the label, its kind, the name the token had then, for whom
    and why, and the office's own note."""
    return {
        "actor": event.actor,
        "actor_kind": event.actor_kind,
        "actor_name": event.actor_name,
        "on_behalf_of": event.on_behalf_of,
        "reason": event.reason,
        "internal_note": event.internal_note,
    }
