"""Kit's reader of the one list of services: what it derives, and the mistakes it refuses."""

from __future__ import annotations

import pytest

from services.kit.catalog import CatalogError, main, parse

GOOD = """
[gateway]
port = 9000
app = "gw:create_app"
uvicorn_args = ["--loop", "uvloop"]
[gateway.env]
JWKS_URL = "{alpha}/jwks"

[services.beta]
built = true
port = 9002
env_prefix = "BETA_"
start_order = 2
seed_order = 1
seed = "before_start"
about = "b"
gateway_mounts = ["/legacy/v1"]
[services.beta.env]
ALPHA_URL = "{alpha}"
PUBLIC_BASE_URL = "{public}"
[services.beta.qr]
door = "hub"
[[services.beta.tiles]]
key = "ask"
icon = "wrench"
route = "ask"
label = { zh-CN = "问", en = "Ask" }
hint = { zh-CN = "问问", en = "Ask us" }

[services.alpha]
built = true
port = 9001
env_prefix = "ALPHA_"
start_order = 1
seed_order = 2
seed = "on_start"
about = "a"
subscribes = ["audit.*", "place.moved"]

[services.gamma]
built = false
port = 9003
env_prefix = "GAMMA_"
start_order = 3
seed_order = 3
seed = "on_start"
about = "c"
[services.gamma.qr]
kiosk = "kiosk"
[[services.gamma.tiles]]
key = "book"
icon = "calendar"
route = "book"
label = { zh-CN = "订", en = "Book" }
hint = { zh-CN = "订订", en = "Book it" }
"""


def test_built_services_come_in_start_order_and_seed_before_start_in_seed_order() -> None:
    catalog = parse(GOOD)

    assert catalog.names == ("beta", "alpha", "gamma")
    assert [s.name for s in catalog.built()] == ["alpha", "beta"]
    assert [s.name for s in catalog.seeded_before_start()] == ["beta"]
    assert catalog.mounts() == {"/legacy/v1": "beta"}
    assert catalog.service("beta").api_prefix == "/api/beta"
    assert catalog.service("beta").app == "services.beta.app:create_app"


def test_a_service_not_built_shows_coming_soon_on_the_hub_and_the_place_for_its_codes() -> None:
    catalog = parse(GOOD)

    assert [(t.key, t.path, t.soon) for t in catalog.tiles()] == [
        ("ask", "ask", False),
        ("book", "soon/book", True),
    ]
    assert catalog.qr_pages() == {"door": "hub", "kiosk": "place"}


def test_the_run_environment_names_each_service_where_it_listens() -> None:
    env = parse(GOOD).run_env({"alpha": "http://a:1"}, public_url="https://pub")

    assert env == {
        "BETA_ALPHA_URL": "http://a:1",
        "BETA_PUBLIC_BASE_URL": "https://pub",
        "GATEWAY_JWKS_URL": "http://a:1/jwks",
        # Every built service, at the given address or else its own port.
        "GATEWAY_ALPHA_URL": "http://a:1",
        "GATEWAY_BETA_URL": "http://127.0.0.1:9002",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("port = 9003", "port = 9001"), "share a port"),
        (("start_order = 3", "start_order = 1"), "share a start_order"),
        (("kiosk = ", "door = "), "share a QR code kind"),
        (('key = "book"', 'key = "ask"'), "share a hub tile key"),
        (('"{alpha}"', '"{omega}"'), "no service named 'omega'"),
        (('env_prefix = "GAMMA_"', 'env_prefix = "G_"'), "GAMMA_ by convention"),
        (("built = false", 'built = "no"'), "`built` must be bool"),
        (('about = "c"', 'about = "c"\nstart = 1'), "unknown keys ['start']"),
        (('seed = "before_start"', 'seed = "later"'), "before_start or on_start"),
        (('"/legacy/v1"', '"/api/beta"'), "/<path> without a trailing slash"),
        (('en = "Book" }', 'en = "Book", fr = "Réserver" }'), "exactly zh-CN, en"),
        (('"place.moved"', '"Place moved"'), "is not a topic"),
        (('subscribes = ["audit.*", "place.moved"]', 'subscribes = "audit.*"'), "must be list"),
    ],
)
def test_a_mistake_in_the_list_is_refused_with_its_place(
    change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(CatalogError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(GOOD.replace(old, new, 1))


def test_the_command_line_prints_the_built_services_in_start_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["built"]) == 0
    built = capsys.readouterr().out.split()
    assert built[0] == "directory"  # identity hangs its roles on the directory's places
    assert set(built) >= {"directory", "identity", "intake"}
    assert "rooms" not in built


def test_an_events_destinations_are_the_built_services_subscribing_to_it() -> None:
    catalog = parse(GOOD)
    assert catalog.subscribers("audit.reveal") == ("alpha",)  # by its family
    assert catalog.subscribers("place.moved") == ("alpha",)
    assert catalog.subscribers("place.renamed") == ()
    planned = parse(GOOD.replace('about = "c"', 'about = "c"\nsubscribes = ["audit.*"]'))
    assert planned.subscribers("audit.export") == ("alpha",)  # gamma is not built
