"""A state machine as data: which action takes a record from which states to which, and who
may take it.

Every service's records with a status (a ticket, a work order, a booking, a permit) hand kit
their own table of `Transition`s; their states and roles are theirs to define. Kit answers
three questions the same way for all of them:

- `Machine.find`: may these roles take this action now? One 409 `invalid_transition` problem
  (with `allowed`, the moves open from this state) when the state does not take the action,
  one 403 `not_your_transition` when it does but not from these roles.
- `Machine.required`: the free-text fields a move cannot go without (422 `<field>_required`),
  checked before anything else so a caller hears of a missing reason first.
- `Machine.allowed_actions`: what a caller holding these roles may do next, so detail
  responses carry it and no client keeps a copy of the table.

A move itself (`Machine.enter`) sets the record's status and stamps its milestone column;
writing the event row is the caller's (kit.events), since each service has its own table.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.kit.errors import Conflict, FieldError, InvalidInput, PermissionDenied


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    who: frozenset[str]
    # Free-text fields this move cannot go without (a reason, a note).
    requires: tuple[str, ...] = ()
    # The record's column stamped with the time of the move (accepted_at, resolved_at).
    milestone: str | None = None


def transition(
    action: str,
    sources: str,
    target: str,
    who: str,
    *,
    requires: str = "",
    milestone: str | None = None,
) -> Transition:
    """One row of a table, written the way it reads: `transition("reject", "submitted
    acknowledged", "rejected", "staff", requires="reason", milestone="closed_at")`."""
    return Transition(
        action=action,
        sources=frozenset(sources.split()),
        target=target,
        who=frozenset(who.split()),
        requires=tuple(requires.split()),
        milestone=milestone,
    )


def required_text(value: str | None, field: str) -> str:
    """`value` stripped, or the 422 `<field>_required` problem when nothing is left."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(
            f"{field}_required",
            f"A {field} is required for this step.",
            errors=[FieldError(pointer=f"/body/{field}", detail="required", code="required")],
        )
    return text


class Machine:
    """One record kind's transition table (`noun` names the record in problems)."""

    def __init__(self, noun: str, transitions: Iterable[Transition]) -> None:
        self.noun = noun
        self.transitions: tuple[Transition, ...] = tuple(transitions)

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(t.action for t in self.transitions)

    def allowed_from(self, state: str) -> list[dict[str, Any]]:
        """The moves open from `state`, whoever takes them: the `allowed` of a 409."""
        return [
            {"action": t.action, "to": t.target, "who": sorted(t.who)}
            for t in self.transitions
            if state in t.sources
        ]

    def allowed_actions(self, state: str, roles: Collection[str]) -> list[str]:
        """The actions a caller holding `roles` may take from `state`, in table order."""
        seen: dict[str, None] = {}
        for t in self.transitions:
            if state in t.sources and not t.who.isdisjoint(roles):
                seen.setdefault(t.action)
        return list(seen)

    def find(self, state: str, action: str, roles: Collection[str]) -> Transition:
        for t in self.transitions:
            if t.action == action and state in t.sources:
                if t.who.isdisjoint(roles):
                    raise PermissionDenied(
                        "not_your_transition",
                        f"'{action}' is for: {', '.join(sorted(t.who))}.",
                    )
                return t
        raise Conflict(
            "invalid_transition",
            f"A {self.noun} that is {state} cannot take '{action}'.",
            allowed=self.allowed_from(state),
        )

    def required(self, action: str, **fields: str | None) -> dict[str, str]:
        """The fields `action` requires, stripped (422 for the first one missing). Fields the
        table does not require for it are passed over: the caller cleans those itself."""
        needed: list[str] = []
        for t in self.transitions:
            if t.action == action:
                needed.extend(f for f in t.requires if f not in needed)
        return {name: required_text(fields.get(name), name) for name in needed}

    def enter(self, record: Any, transition: Transition, now: datetime) -> str:
        """Put `record` (with a `status` column) in the transition's target state and stamp
        its milestone; the state it left is returned for the event row."""
        previous: str = record.status
        record.status = transition.target
        if transition.milestone is not None:
            setattr(record, transition.milestone, now)
        return previous
