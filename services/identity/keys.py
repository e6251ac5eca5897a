"""Signing keys and tokens: EdDSA (Ed25519) JWTs, published as a JWKS.

Rotation: a new key signs from the moment it is added; retired keys stay published until
every token they signed has expired, so rotation never logs anyone out.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.models import SigningKey
from services.kit.personal import PersonalDataCipher


class KeyRing:
    def __init__(self) -> None:
        self._signing: tuple[str, Ed25519PrivateKey] | None = None
        self._public: dict[str, dict[str, Any]] = {}

    def add(self, kid: str, key: Ed25519PrivateKey, *, signing: bool) -> None:
        jwk = json.loads(OKPAlgorithm.to_jwk(key.public_key()))
        jwk.update({"kid": kid, "alg": "EdDSA", "use": "sig"})
        self._public[kid] = jwk
        if signing:
            self._signing = (kid, key)

    @property
    def ready(self) -> bool:
        return self._signing is not None

    def jwks(self) -> dict[str, list[dict[str, Any]]]:
        return {"keys": list(self._public.values())}

    def sign(self, claims: dict[str, Any]) -> str:
        if self._signing is None:
            raise RuntimeError("no signing key loaded")
        kid, key = self._signing
        return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": kid})

    def load_configured(self, document: str) -> None:
        """Production: a JWKS of private OKP keys; the first one signs."""
        for index, jwk in enumerate(json.loads(document)["keys"]):
            key = OKPAlgorithm.from_jwk(json.dumps(jwk))
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError("signing keys must be private Ed25519 keys")
            self.add(str(jwk["kid"]), key, signing=index == 0)

    async def load_or_create(
        self, session: AsyncSession, *, cipher: PersonalDataCipher, now: datetime
    ) -> None:
        """Dev: keys live encrypted in the database; make one on first start."""
        rows = list(
            await session.scalars(
                select(SigningKey)
                .where(SigningKey.retired_at.is_(None))
                .order_by(SigningKey.created_at)
            )
        )
        if not rows:
            key = Ed25519PrivateKey.generate()
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ).decode()
            row = SigningKey(
                kid=f"dev-{uuid.uuid4().hex[:12]}",
                private_key_cipher=cipher.encrypt(pem),
                created_at=now,
            )
            session.add(row)
            await session.flush()
            rows = [row]
        for index, row in enumerate(reversed(rows)):  # the newest signs
            loaded = serialization.load_pem_private_key(
                cipher.decrypt(row.private_key_cipher).encode(), password=None
            )
            if not isinstance(loaded, Ed25519PrivateKey):
                raise ValueError(f"signing key {row.kid} is not Ed25519")
            self.add(row.kid, loaded, signing=index == 0)


def access_claims(
    *,
    subject: str,
    kind: str,
    issuer: str,
    now: datetime,
    ttl: timedelta,
    grants: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "iss": issuer,
        "sub": subject,
        "kind": kind,
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
        "jti": uuid.uuid4().hex,
        "grants": grants or [],
        **extra,
    }
