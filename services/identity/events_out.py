"""Identity's own events to other services (`resident.deleted`): its outbox, delivered to
each subscriber's `POST /v1/events` (kit.peers).

Other services sign their deliveries with a token identity issues for their API key.
Identity issues tokens itself, so it signs its own: a short-lived token naming identity,
holding each receiver's `<receiver>:events:send` over every place, minted per delivery
with the key ring every service already trusts. No key is stored and none can leak; what
identity may tell a receiver is still that receiver's own permission, checked as for anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from services.identity.keys import KeyRing, access_claims
from services.kit import peers

SUBJECT = "service:identity"
TOKEN_TTL = timedelta(minutes=5)
# A grant on the root of the place tree covers every place (kit.scope).
EVERYWHERE = "/"


def service_token(*, keys: KeyRing, issuer: str, receivers: Iterable[str], now: datetime) -> str:
    """A token for identity's deliveries to `receivers` (service names)."""
    perms = sorted(peers.send_permission(name) for name in receivers)
    return keys.sign(
        access_claims(
            subject=SUBJECT,
            kind="client",
            issuer=issuer,
            now=now,
            ttl=TOKEN_TTL,
            grants=[{"role": "service", "place_id": "", "path": EVERYWHERE, "perms": perms}],
            name="identity",
        )
    )
