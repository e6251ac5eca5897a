"""QR code tokens: one shape, checked the same way in every service.

A token is 12 characters of RFC 4648 base32 (60 random bits), stored upper case; scanners
hand in the symbol as printed or a lower-cased link, so the check is case-insensitive.
Directory issues and resolves tokens (services/directory/codes.py); every other service
checks the shape before it asks directory (kit.clients.directory), so what no directory
could have issued is the caller's problem without a call.
"""

from __future__ import annotations

import re

CODE_TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CODE_TOKEN_LENGTH = 12
_SHAPE = re.compile(rf"[{CODE_TOKEN_ALPHABET}]{{{CODE_TOKEN_LENGTH}}}")


def code_token(raw: str) -> str | None:
    """The token as stored (upper case) if `raw` has a code token's shape, else None."""
    token = raw.strip().upper()
    return token if _SHAPE.fullmatch(token) else None
