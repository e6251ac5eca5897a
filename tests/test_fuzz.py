"""Every built service's OpenAPI, fuzzed with schemathesis: anonymously and as the district's
admin, in process (the apps of the `system` fixture, no network), on SQLite.

What runs, per operation: schemathesis' examples (from the schema), its coverage phase
(boundary values, nulls, wrong types, missing and unexpected fields, malformed bodies) and its
fuzzing phase (generated cases, valid and invalid). Anonymously, an operation that needs a
permission (x-permission) answers 401 before it reads anything, so it gets the examples and the
fuzzing phase only; public operations get all three either way. As the admin, path parameters
are often a real place, code, person, organisation or ticket of the demo data (schemathesis
dictionaries), so the rules behind the 404 are reached too.

Every answer is checked: no server error, a documented status code, a documented content type,
a body matching its schema, and a 4xx/5xx is an RFC 9457 problem (application/problem+json
with type, title and status) wherever the operation declares problems (Open311 declares its own
error format, which the content-type and schema checks hold it to).

A service in services.toml is fuzzed by being there: the `system` fixture refuses a built
service it does not wire in, and the tests are parametrized over the list.

Deterministic: a fixed seed per operation (schemathesis derives it from SEED and the
operation), no example database, no shrinking. A failing answer does not stop the run: every
operation is fuzzed and the findings are listed together, each with a curl line to reproduce.
Budget: about two to three minutes on two cores for the six runs; FUZZ_MAX_EXAMPLES (generated cases
per operation in the fuzzing phase) turns it up for a deeper run by hand.

The apps live on the test session's event loop (their databases were opened there), and
schemathesis calls ASGI apps on an event loop of its own in another thread. So schemathesis is
given a relay: an ASGI app that hands each request to the real app on the session's loop and
passes the answer back, while the test itself waits for the fuzzing in a worker thread.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.feedback import FeedbackSources

# The builder schemathesis' own pytest integration uses for `@schema.parametrize()`: one
# Hypothesis test per operation, with the phases the config asks for.
from schemathesis.pytest._test_builder import build_operation_test

from services.intake.demo import seed_when_directory_answers
from services.kit.catalog import load
from services.kit.errors import PROBLEM_MEDIA_TYPE
from tests.fixtures.system import System

SERVICES = [service.name for service in load().built()]
WHO = ["anonymous", "admin"]
SEED = 20260101
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "8"))
# Of the demo data, where a path parameter of that name may point (as the admin): a unit's
# place and code, its QR token, a staff member (not the admin), an organisation, a ticket.
KNOWN_PROBABILITY = 0.6

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[dict[str, Any], Receive, Send], Awaitable[None]]


def _declared_media_types(case: schemathesis.Case, status: int) -> set[str] | None:
    """The media types the operation declares for an answer of `status` (None: no answer of
    that status is declared)."""
    responses = case.operation.definition.raw.get("responses", {})
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            return set(responses[key].get("content", {}))
    return None


@schemathesis.check
def problem_details(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """A 4xx/5xx answer is an RFC 9457 problem (application/problem+json with a type, a title
    and the answer's status), unless the operation declares another format for it."""
    if response.status_code < 400:
        return
    declared = _declared_media_types(case, response.status_code)
    if declared is not None and PROBLEM_MEDIA_TYPE not in declared:
        return
    content_type = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
    assert content_type == PROBLEM_MEDIA_TYPE, (
        f"A {response.status_code} answer is {content_type or 'without a type'}, "
        f"not {PROBLEM_MEDIA_TYPE}"
    )
    body = response.json()
    assert isinstance(body, dict), "A problem is a JSON object"
    assert isinstance(body.get("type"), str), "A problem has a type"
    assert isinstance(body.get("title"), str), "A problem has a title"
    assert body.get("status") == response.status_code, "A problem's status is the answer's"


CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    problem_details,
]


def config(*, coverage: bool, known: dict[str, list[str]]) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {
                "mode": "all",
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
                "no-shrink": True,
            },
            "phases": {
                "examples": {"enabled": True},
                # Every other method on each path is one kit handler (405): not worth a case
                # per path and method.
                "coverage": {"enabled": coverage, "unexpected-methods": []},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": False},
            },
            "dictionaries": {name: {"values": values} for name, values in known.items() if values},
            "parameters": {
                f"path.{name}": {"dictionary": name, "probability": KNOWN_PROBABILITY}
                for name, values in known.items()
                if values
            },
        }
    )


def relay(app: FastAPI, loop: asyncio.AbstractEventLoop) -> ASGIApp:
    """An ASGI app, for schemathesis' event loop, that answers each request by passing it to
    `app` on `loop` (through httpx's ASGI transport, which turns a crash into a 500 answer)."""
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(
            app=app, raise_app_exceptions=False, client=("203.0.113.9", 50000)
        ),
        base_url="http://testserver",
    )

    async def forward(request: httpx.Request) -> httpx.Response:
        response = await client.send(request)
        await response.aread()
        return response

    async def asgi(scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                await send({"type": f"{message['type']}.complete"})
                if message["type"] == "lifespan.shutdown":
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        query = scope["query_string"]
        url = scope["raw_path"].decode("latin-1") + (f"?{query.decode('latin-1')}" if query else "")
        request = client.build_request(
            scope["method"],
            url,
            headers=[(k, v) for k, v in scope["headers"] if k.lower() != b"content-length"],
            content=body,
        )
        response = await asyncio.wrap_future(
            asyncio.run_coroutine_threadsafe(forward(request), loop)
        )
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": response.headers.raw,
            }
        )
        await send({"type": "http.response.body", "body": response.content})

    return asgi


@dataclass
class Findings:
    """What failed, once per operation and kind of failure, with one case to reproduce it."""

    by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    cases: int = 0

    def add(self, operation: str, kind: str, report: str) -> None:
        self.by_key.setdefault((operation, kind), report)

    def report(self) -> str:
        return "\n".join(f"--- {op}: {kind}\n{text}" for (op, kind), text in self.by_key.items())


def caller(
    label: str, headers: dict[str, str], findings: Findings
) -> Callable[[schemathesis.Case], None]:
    """The body of one operation's test: call, check, and note what fails."""

    def run(case: schemathesis.Case) -> None:
        findings.cases += 1
        try:
            case.call_and_validate(headers=headers, checks=CHECKS)
        except FailureGroup as group:
            for failure in group.exceptions:
                findings.add(label, failure.title, str(group))
        except Exception as exc:  # a crash of the call is a finding too
            findings.add(label, type(exc).__name__, repr(exc))

    return run


def fuzz(app: ASGIApp, who: str, headers: dict[str, str], known: dict[str, list[str]]) -> Findings:
    """Fuzz every operation `app` publishes; blocking (a worker thread's)."""
    full = schemathesis.openapi.from_asgi(
        "/openapi.json", app, config=config(coverage=True, known=known)
    )
    light = config(coverage=False, known=known).projects.get_default()
    findings = Findings()
    for result in full.get_all_operations():
        operation = result.ok()
        needs_permission = "x-permission" in operation.definition.raw
        test = build_operation_test(
            config=light if who == "anonymous" and needs_permission else full.config,
            operation=operation,
            test_func=caller(operation.label, headers, findings),
            given_kwargs={},
            feedback=FeedbackSources(),
        )
        test()
    return findings


async def known_values(system: System, headers: dict[str, str]) -> dict[str, list[str]]:
    """Path parameter name -> values from the demo data (what the admin may reach)."""
    unit = await system.place("TGYZL-01-1")
    directory = system.apps["directory"]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=directory), base_url="http://directory"
    ) as client:
        codes = (await client.get(f"/v1/places/{unit['id']}/codes", headers=headers)).json()
    staff = (await system.client.get("/api/identity/v1/staff", headers=headers)).json()
    organisations = (await system.client.get("/api/identity/v1/organisations")).json()
    tickets = (
        await system.client.get("/api/intake/v1/tickets", params={"limit": 3}, headers=headers)
    ).json()
    return {
        "place_id": [unit["id"]],
        "code": [unit["code"]],
        "token": [c["token"] for c in codes if c["status"] == "active"][:1],
        "user_id": [u["id"] for u in staff["items"] if u["username"] != "admin"][:2],
        "organisation_id": [o["id"] for o in organisations["items"]][:2],
        "ticket_id": [t["id"] for t in tickets["items"]],
    }


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("service", SERVICES)
async def test_every_operation_holds_under_fuzzing(system: System, service: str, who: str) -> None:
    started = time.monotonic()
    if service == "intake" and who == "admin":
        # Ten weeks of demo tickets, so the admin's lists, exports and statistics have rows.
        await seed_when_directory_answers(system.intake, attempts=1)
    admin = await system.bearer("admin")
    known = await known_values(system, admin) if who == "admin" else {}
    headers = admin if who == "admin" else {}
    app = relay(system.apps[service], asyncio.get_running_loop())
    ready = time.monotonic()
    findings = await asyncio.to_thread(fuzz, app, who, headers, known)
    print(
        f"fuzzed {service} as {who}: {findings.cases} cases in {time.monotonic() - ready:.1f} s "
        f"(set-up {ready - started:.1f} s)"
    )
    assert not findings.by_key, (
        f"{len(findings.by_key)} findings on {service} as {who}:\n{findings.report()}"
    )
