"""Requests to a URL someone typed in (a webhook's receiver): never into our own network.

A street admin may write any URL; a service that POSTs signed events to it must not become
a way to reach what only it can reach (`http://127.0.0.1:8001/...`, the database, the cloud's
metadata endpoint at 169.254.169.254). So such a URL is checked twice:

- when it is saved (`check_url`): http(s) only, `https` only unless the setting allows
  plain http (development and tests), no user:password part, and no host that is itself an
  address or a name of this machine (`localhost`) outside the public internet;
- when it is used (`pinned`): the name is resolved now, *every* address it resolves to must
  be public, and the request goes to the address that was checked (the `Host` header and the
  TLS server name stay the URL's host, so certificates are verified as usual): a name that
  resolved to a public address when it was saved and to an internal one later (DNS
  rebinding) is refused at the moment it would be used.

Public means what the IANA special-purpose registries do not reserve: loopback, private
(RFC 1918, unique-local), carrier-grade NAT, link-local (and so the metadata address),
multicast, documentation, benchmarking and reserved ranges are all refused, as are IPv6
addresses embedding a refused IPv4 one (mapped, 6to4, Teredo, NAT64). `allow_private` lifts
the address rule for a deployment whose receivers sit on a private network (a setting,
off by default).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses the name resolves to (as text). Tests hand in their own.
Resolver = Callable[[str, int], Awaitable[list[str]]]

LOCAL_NAMES = ("localhost", "localhost.localdomain")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class TargetRefused(Exception):
    """The URL may not be requested; `code` says why (stable, for problems and logs)."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(detail)


def _embedded(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo is not None:
        found += list(address.teredo)
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF))
    return found


def is_public(address: Address) -> bool:
    """An address on the public internet, and nothing else (see the module's docstring)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded(address)
        if embedded:
            return all(is_public(inner) for inner in embedded)
    return not (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
    )


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def check_url(url: str, *, https_only: bool, allow_private: bool = False) -> httpx.URL:
    """The URL, if it may be saved as a receiver; TargetRefused otherwise."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise TargetRefused("url_invalid", "This is not a URL.") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise TargetRefused("url_invalid", "Give an http(s) URL with a host name.")
    if https_only and parsed.scheme != "https":
        raise TargetRefused("url_not_https", "Only https URLs are accepted.")
    if parsed.userinfo:
        raise TargetRefused("url_invalid", "A URL with a user name or password is not accepted.")
    if allow_private:
        return parsed
    host = parsed.host.rstrip(".").lower()
    literal = _literal(host)
    if literal is not None:
        if not is_public(literal):
            raise TargetRefused(
                "url_not_public", f"{literal} is not an address on the public internet."
            )
    elif host in LOCAL_NAMES or host.endswith(".localhost") or "." not in host:
        raise TargetRefused("url_not_public", f"{host} is not a name on the public internet.")
    return parsed


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for `host` (every one, IPv4 and IPv6)."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class Pinned:
    """Where a request goes: the URL to request (its host the checked address), the
    headers and extensions that keep the original host for HTTP and TLS."""

    url: httpx.URL
    headers: dict[str, str]
    extensions: dict[str, str]


async def pinned(
    url: str,
    *,
    https_only: bool,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
) -> Pinned:
    """Check `url` again, resolve its host, check every address, and aim at the first."""
    parsed = check_url(url, https_only=https_only, allow_private=allow_private)
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    literal = _literal(host)
    if literal is not None:
        addresses: list[Address] = [literal]
    else:
        try:
            found = await resolver(host, port)
        except OSError as exc:
            raise TargetRefused("url_unresolved", f"{host} does not resolve now.") from exc
        addresses = [a for a in (_literal(text.split("%", 1)[0]) for text in found) if a]
        if not addresses:
            raise TargetRefused("url_unresolved", f"{host} does not resolve now.")
    if not allow_private:
        refused = [str(a) for a in addresses if not is_public(a)]
        if refused:
            raise TargetRefused(
                "url_not_public",
                f"{host} resolves to {', '.join(refused)}: not on the public internet.",
            )
    host_header = host if parsed.port is None else f"{host}:{parsed.port}"
    extensions = {"sni_hostname": host} if parsed.scheme == "https" else {}
    return Pinned(
        url=parsed.copy_with(host=str(addresses[0])),
        headers={"Host": host_header},
        extensions=extensions,
    )


@dataclass(frozen=True)
class EgressPolicy:
    """A service's rule for URLs typed in by its users, from its settings."""

    https_only: bool = True
    allow_private: bool = False
    resolver: Resolver = system_resolver

    def check(self, url: str) -> httpx.URL:
        return check_url(url, https_only=self.https_only, allow_private=self.allow_private)

    async def pin(self, url: str) -> Pinned:
        return await pinned(
            url,
            https_only=self.https_only,
            allow_private=self.allow_private,
            resolver=self.resolver,
        )
