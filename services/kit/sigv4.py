"""AWS Signature Version 4, as S3-compatible object stores expect it (AWS S3, MinIO, and the
S3 APIs of the Chinese clouds). No SDK is installed; the algorithm is four steps:

1. the canonical request (method, encoded path, sorted query, sorted lower-case headers,
   the signed header names, the payload's SHA-256);
2. the string to sign (algorithm, time, credential scope, hash of step 1);
3. the signing key, an HMAC chain over date, region, service and "aws4_request";
4. the signature, sent in the Authorization header.

https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from urllib.parse import quote

ALGORITHM = "AWS4-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def uri_encode(value: str, *, encode_slash: bool = True) -> str:
    """RFC 3986 encoding as SigV4 wants it: unreserved characters stay, every other byte of
    the UTF-8 form is %XX in upper case (so a space is %20, never '+')."""
    return quote(value, safe="-_.~" if encode_slash else "-_.~/")


def canonical_query(params: Sequence[tuple[str, str]]) -> str:
    pairs = sorted((uri_encode(name), uri_encode(value)) for name, value in params)
    return "&".join(f"{name}={value}" for name, value in pairs)


def canonical_request(
    method: str,
    path: str,
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
    payload_hash: str,
) -> tuple[str, str]:
    """Step 1: the canonical request and the signed header names (`host;x-amz-date`).

    `path` is the object's path as it is named, not yet encoded: S3 encodes each segment
    once (other AWS services encode twice; S3 does not)."""
    canonical = {name.strip().lower(): " ".join(value.split()) for name, value in headers.items()}
    names = sorted(canonical)
    signed = ";".join(names)
    lines = [
        method.upper(),
        uri_encode(path, encode_slash=False),
        canonical_query(query),
        *(f"{name}:{canonical[name]}" for name in names),
        "",
        signed,
        payload_hash,
    ]
    return "\n".join(lines), signed


def signing_key(secret_key: str, day: str, region: str, service: str) -> bytes:
    """Step 3: derived per day, region and service, so the secret itself never signs."""
    key = ("AWS4" + secret_key).encode()
    for part in (day, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def sign(
    method: str,
    *,
    host: str,
    path: str,
    query: Sequence[tuple[str, str]] = (),
    headers: Mapping[str, str] | None = None,
    payload_hash: str = EMPTY_SHA256,
    access_key: str,
    secret_key: str,
    region: str,
    service: str = "s3",
    now: datetime,
) -> dict[str, str]:
    """The headers to send with the request: the caller's, plus Host, X-Amz-Date,
    X-Amz-Content-Sha256 and Authorization. `now` must be the real time (AWS refuses a
    request more than 15 minutes off)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    day = stamp[:8]
    sent = {
        **(headers or {}),
        "host": host,
        "x-amz-date": stamp,
        "x-amz-content-sha256": payload_hash,
    }
    request, signed = canonical_request(method, path, query, sent, payload_hash)
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = "\n".join([ALGORITHM, stamp, scope, hashlib.sha256(request.encode()).hexdigest()])
    signature = hmac.new(
        signing_key(secret_key, day, region, service), to_sign.encode(), hashlib.sha256
    ).hexdigest()
    sent["authorization"] = (
        f"{ALGORITHM} Credential={access_key}/{scope},SignedHeaders={signed},Signature={signature}"
    )
    return sent
