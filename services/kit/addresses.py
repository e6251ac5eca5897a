"""Who is calling: the client's network address, decided once at the door, believed only from it.

A client can write anything into `X-Forwarded-For`; a limit keyed on what it wrote is no
limit. So the address is decided in one place and trusted only as far as the TCP peer is:

- The gateway (`forwarded_client`) takes the TCP peer as the client, unless the peer is one
  of its `trusted_proxies` (a load balancer in front of it; none by default). Then it walks
  the peer's `X-Forwarded-For` from the right, skipping trusted proxies, and the first hop
  it does not trust is the client. It forwards that one address as `X-Real-IP` (and as the
  whole `X-Forwarded-For`), dropping whatever the client sent in either.
- A service (`client_address`) believes `X-Real-IP` only when its TCP peer is one of its own
  `trusted_proxies` (where the gateway calls from: loopback by default); otherwise the peer
  is the client, whatever the headers say.

Every limit keyed on an address (sign-in codes per network, anonymous writes) uses these.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from functools import lru_cache

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

REAL_IP_HEADER = "x-real-ip"
UNKNOWN = "unknown"


@lru_cache(maxsize=64)
def networks(values: tuple[str, ...]) -> tuple[Network, ...]:
    """`["10.0.0.0/8", "192.0.2.7"]` as networks (an address alone is a network of one)."""
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def parse_networks(value: object) -> list[str]:
    """A settings value (`"10.0.0.0/8, ::1"` or a list) as a checked list of networks."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, Iterable):
        raise ValueError("expected networks, comma separated")
    items = [str(v).strip() for v in value]
    networks(tuple(items))  # raises ValueError on anything that is not a network
    return items


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    ip = _ip(address)
    return ip is not None and any(ip in network for network in trusted)


def forwarded_client(
    peer: str | None, forwarded_for: Iterable[str], trusted: Sequence[Network]
) -> str:
    """The gateway's rule: the client's address, from the TCP peer and (only when the peer is
    a trusted proxy) the `X-Forwarded-For` values it sent, in the order they came."""
    if not peer:
        return UNKNOWN
    if not trusted or not is_trusted(peer, trusted):
        return peer  # the server's own view of the socket: an address, not client input
    client = peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",")]
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None:  # garbage: stop at the last hop a trusted proxy vouched for
            break
        client = str(ip)
        if not any(ip in network for network in trusted):
            break
    return str(_ip(client) or client)


def client_address(request: Request) -> str:
    """A service's rule: the address the gateway decided (`X-Real-IP`), believed only when
    the TCP peer is one of the service's `trusted_proxies`; else the TCP peer itself."""
    peer = request.client.host if request.client else None
    if not peer:
        return UNKNOWN
    settings = getattr(request.app.state, "settings", None)
    trusted = networks(tuple(getattr(settings, "trusted_proxies", ()) or ()))
    if trusted and is_trusted(peer, trusted):
        told = _ip(request.headers.get(REAL_IP_HEADER, ""))
        if told is not None:
            return str(told)
    return str(_ip(peer) or peer)
