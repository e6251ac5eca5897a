"""kit.egress: URLs typed in by users (webhook receivers) reach only the public internet."""

from __future__ import annotations

import ipaddress

import pytest

from services.kit.egress import TargetRefused, check_url, is_public, pinned, system_resolver


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "224.0.0.251",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "192.0.2.10",  # documentation
        "::1",
        "fe80::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:10.0.0.1",  # IPv4-mapped
        "2002:7f00:1::1",  # 6to4 around 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo around 127.0.0.1
    ],
)
def test_addresses_inside_any_network_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "114.114.114.114", "2400:3200::1"])
def test_public_addresses_are(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_what_a_saved_url_may_be() -> None:
    assert check_url("https://office.example/hooks", https_only=True).host == "office.example"
    for url, code in (
        ("ftp://office.example/", "url_invalid"),
        ("https://user:pw@office.example/", "url_invalid"),
        ("http://office.example/", "url_not_https"),
        ("https://127.0.0.1/", "url_not_public"),
        ("https://LOCALHOST./", "url_not_public"),
        ("https://api.localhost/", "url_not_public"),
    ):
        with pytest.raises(TargetRefused) as refused:
            check_url(url, https_only=True)
        assert refused.value.code == code, url
    assert check_url("http://10.0.0.5/", https_only=False, allow_private=True).host == "10.0.0.5"


async def test_every_address_a_name_resolves_to_is_checked_and_the_checked_one_is_used() -> None:
    async def split(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.0.0.5"]

    with pytest.raises(TargetRefused) as refused:
        await pinned("https://office.example/hooks", https_only=True, resolver=split)
    assert refused.value.code == "url_not_public"

    async def public(host: str, port: int) -> list[str]:
        return ["2400:3200::1", "93.184.215.14"]

    target = await pinned("https://office.example:8443/hooks?x=1", https_only=True, resolver=public)
    assert str(target.url) == "https://[2400:3200::1]:8443/hooks?x=1"
    assert target.headers == {"Host": "office.example:8443"}
    assert target.extensions == {"sni_hostname": "office.example"}

    async def nothing(host: str, port: int) -> list[str]:
        raise OSError("no such name")

    with pytest.raises(TargetRefused) as unresolved:
        await pinned("https://office.example/", https_only=True, resolver=nothing)
    assert unresolved.value.code == "url_unresolved"


async def test_the_system_resolver_gives_every_address() -> None:
    found = await system_resolver("localhost", 80)
    assert found
    assert all(not is_public(ipaddress.ip_address(a)) for a in found)
