"""Dependencies the intake routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.intake.models import idempotency
from services.intake.tickets import IntakeContext
from services.kit.idempotency import IdempotentRequest


def _context(request: Request) -> IntakeContext:
    ctx: IntakeContext = request.app.state.intake
    return ctx


ContextDep = Annotated[IntakeContext, Depends(_context)]
Idempotent = Annotated[IdempotentRequest, Depends(idempotency.dependency)]
