"""Kit's state machine: a table as data, one 409 listing what is allowed, one 403 for the
wrong hands, a 422 for a missing field, and what a caller may do next."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.kit.errors import Conflict, InvalidInput, PermissionDenied
from services.kit.machine import Machine, transition

# A small made-up record kind: kit's machine knows no service's words.
DOOR = Machine(
    "door",
    (
        transition("open", "closed", "open", "keeper guest", milestone="opened_at"),
        transition("close", "open", "closed", "keeper guest"),
        transition("lock", "closed", "locked", "keeper", requires="reason"),
        transition("unlock", "locked", "closed", "keeper"),
    ),
)


class Door:
    def __init__(self, status: str) -> None:
        self.status = status
        self.opened_at: object = None


def test_a_move_not_in_the_table_is_one_409_listing_the_moves_open_now() -> None:
    with pytest.raises(Conflict) as refused:
        DOOR.find("locked", "open", {"keeper"})
    assert refused.value.code == "invalid_transition"
    assert refused.value.extensions["allowed"] == [
        {"action": "unlock", "to": "closed", "who": ["keeper"]}
    ]


def test_a_move_for_other_hands_is_a_403() -> None:
    with pytest.raises(PermissionDenied) as refused:
        DOOR.find("closed", "lock", {"guest"})
    assert refused.value.code == "not_your_transition"


def test_a_required_field_left_blank_is_a_422_naming_it() -> None:
    with pytest.raises(InvalidInput) as refused:
        DOOR.required("lock", reason="   ")
    assert refused.value.code == "reason_required"
    assert DOOR.required("lock", reason=" 夜间 ") == {"reason": "夜间"}
    assert DOOR.required("open") == {}


def test_entering_a_state_stamps_its_milestone_and_returns_the_state_left() -> None:
    door = Door("closed")
    step = DOOR.find("closed", "open", {"guest"})
    now = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    assert DOOR.enter(door, step, now) == "closed"
    assert (door.status, door.opened_at) == ("open", now)


def test_allowed_actions_are_what_these_roles_may_do_from_this_state() -> None:
    assert DOOR.allowed_actions("closed", {"keeper"}) == ["open", "lock"]
    assert DOOR.allowed_actions("closed", {"guest"}) == ["open"]
    assert DOOR.allowed_actions("closed", set()) == []
