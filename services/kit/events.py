"""One shape for every service's `*_events` table: who moved what from where to where.

A service's event table mixes in `EventRow` and adds its own key and foreign key (the
ticket, the work order, the booking). Who acted is written from an `Actor`, taken from the
caller's token (`Actor.of(principal)`) when the row is written, so the trail keeps the name
the person had then:

- `actor`: one label, the token's subject as identity issues it (`staff:<uuid>`,
  `resident:<uuid>`, `client:<uuid>`), or a word for who holds no token (`reporter`, the
  holder of a ticket's tracking link; `system`, the service's own jobs).
- `actor_kind`: staff, contractor (staff or a system of an organisation), client, resident,
  device or system (ACTOR_KINDS).
- `actor_name`: the display name from the token; staff see it, residents never.
- `on_behalf_of` and `reason`: set when staff act for a resident (kit.auth, the `act` claim).
- `public_note` is what the resident may read on the trail; `internal_note` is staff's only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from services.kit.db import UTCDateTime

if TYPE_CHECKING:
    from services.kit.auth import Principal

ACTOR_KINDS = ("staff", "contractor", "client", "resident", "device", "system")
ACTOR_LENGTH = 80
NOTE_LENGTH = 2000


@dataclass(frozen=True)
class Actor:
    """Who writes an event row, as the row records them."""

    label: str
    kind: str
    name: str | None = None
    on_behalf_of: str | None = None
    reason: str | None = None

    @classmethod
    def of(cls, principal: Principal) -> Actor:
        return cls(
            label=principal.actor,
            kind=principal.actor_kind,
            name=principal.actor_name,
            on_behalf_of=principal.on_behalf_of,
            reason=principal.reason,
        )

    @classmethod
    def system(cls) -> Actor:
        return cls(label="system", kind="system")

    def columns(self) -> dict[str, Any]:
        """The actor columns of an event row, for its constructor."""
        return {
            "actor": self.label,
            "actor_kind": self.kind,
            "actor_name": self.name,
            "on_behalf_of": self.on_behalf_of,
            "reason": self.reason,
        }


class EventRow:
    """The columns every `*_events` table shares. A table whose states are longer than 20
    characters says so in `status_length`."""

    status_length: ClassVar[int] = 20

    @declared_attr
    def from_status(cls) -> Mapped[str | None]:
        return mapped_column(String(cls.status_length))

    @declared_attr
    def to_status(cls) -> Mapped[str]:
        return mapped_column(String(cls.status_length))

    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    actor_kind: Mapped[str] = mapped_column(String(12))
    actor_name: Mapped[str | None] = mapped_column(String(100))
    on_behalf_of: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    reason: Mapped[str | None] = mapped_column(String(500))
    public_note: Mapped[str | None] = mapped_column(String(NOTE_LENGTH))
    internal_note: Mapped[str | None] = mapped_column(String(NOTE_LENGTH))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
