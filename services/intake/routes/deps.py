"""Dependencies the intake routes share (the context is services/intake/context.py's)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.intake.models import idempotency
from services.kit.idempotency import IdempotentRequest

Idempotent = Annotated[IdempotentRequest, Depends(idempotency.dependency)]
