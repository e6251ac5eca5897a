"""Personal data at rest: encrypted, findable by a keyed hash, shown masked.

A phone number is stored twice: encrypted (AES-GCM, so it can be revealed to the entitled)
and as an HMAC of its normal form (so "find the resident with this phone" is an indexed
equality, without decrypting every row). Both keys derive from the service's secret.
Each service records its own reveals (who saw which clear value, when and why).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from services.kit.errors import FieldError, InvalidInput

_VERSION = "v1"
# Reading a resident's name or phone in clear. Identity declares it in its catalogue; every
# service that holds personal data checks it, so it is named once, here.
PERM_REVEAL = "identity:personal:reveal"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"sqwb-personal-data", info=purpose
    ).derive(secret.encode())


class PersonalDataCipher:
    def __init__(self, secret: str) -> None:
        self._aead = AESGCM(_derive(secret, b"encrypt"))
        self._hash_key = _derive(secret, b"lookup-hash")

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, value.encode(), _VERSION.encode())
        return f"{_VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored: str) -> str:
        version, _, payload = stored.partition(".")
        if version != _VERSION:
            raise ValueError("unknown personal-data cipher version")
        raw = base64.urlsafe_b64decode(payload)
        return self._aead.decrypt(raw[:12], raw[12:], _VERSION.encode()).decode()

    def lookup_hash(self, normal_form: str) -> str:
        return hmac.new(self._hash_key, normal_form.encode(), hashlib.sha256).hexdigest()


def normalise_mobile(raw: str) -> str:
    """A mainland mobile number as 11 digits; spaces, dashes and +86 are tolerated."""
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not _MOBILE.match(digits):
        raise ValueError("not a mainland mobile number")
    return digits


def parse_mobile(raw: str) -> str:
    """normalise_mobile for input from people: a clear 422 problem when it is not a mobile."""
    try:
        return normalise_mobile(raw)
    except ValueError:
        raise InvalidInput(
            "invalid_phone",
            "Enter an 11-digit mainland mobile number.",
            errors=[
                FieldError(
                    pointer="/body/phone", detail="not a mobile number", code="invalid_phone"
                )
            ],
        ) from None


def mask_phone(phone: str) -> str:
    """138****1234: enough to recognise one's own number, not enough to call it."""
    if len(phone) >= 7:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * len(phone)
