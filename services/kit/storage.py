"""Where bytes live: a small key -> bytes interface with two implementations, files under a
directory (the default, under var/) and an S3-compatible bucket (AWS S3, MinIO, the S3 APIs of
the Chinese clouds) signed with SigV4 by hand (services.kit.sigv4; no SDK is installed).

Keys are made by the code that stores (e.g. "2026/03/<uuid>.jpg"), never taken from a request.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

import httpx

from services.kit import sigv4
from services.kit.clock import Clock
from services.kit.errors import DependencyUnavailable

log = logging.getLogger("kit.storage")


class StoredObjectMissing(Exception):
    """The storage has nothing under this key (deleted, or never written)."""


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


_KEY = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")


def _checked_key(key: str) -> str:
    # Keys are made by MediaStore, never by callers; still, nothing may step outside the root.
    if not _KEY.match(key) or ".." in key:
        raise ValueError(f"not a storage key: {key!r}")
    return key


class LocalStorage:
    """Files under a directory (var/media/<service> by default)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / _checked_key(key)

    def _write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader never sees half a file.
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _read(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise StoredObjectMissing(key) from None

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, key, data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._read, key)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)


class S3Storage:
    """Objects in an S3-compatible bucket, signed with SigV4 (services.kit.sigv4).

    Path-style addressing (`https://endpoint/bucket/key`, what MinIO and most compatible
    stores accept) unless `virtual_host` (`https://bucket.endpoint/key`, which some clouds
    require)."""

    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        region: str,
        access_key: str,
        secret_key: str,
        prefix: str = "",
        virtual_host: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
    ) -> None:
        url = httpx.URL(endpoint)
        netloc = url.host + (f":{url.port}" if url.port else "")
        self.scheme = url.scheme
        self.host = f"{bucket}.{netloc}" if virtual_host else netloc
        self.base_path = "" if virtual_host else f"/{bucket}"
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.region = region
        self._access_key = access_key
        self._secret_key = secret_key
        # Signatures carry the real time: a store refuses requests 15 minutes off.
        self._clock = clock or Clock()
        self._client = httpx.AsyncClient(
            transport=transport, timeout=httpx.Timeout(30.0, connect=5.0)
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _send(
        self, method: str, key: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> httpx.Response:
        path = f"{self.base_path}/{self.prefix}{_checked_key(key)}"
        signed = sigv4.sign(
            method,
            host=self.host,
            path=path,
            headers=headers,
            payload_hash=hashlib.sha256(body).hexdigest(),
            access_key=self._access_key,
            secret_key=self._secret_key,
            region=self.region,
            now=self._clock.now(),
        )
        url = f"{self.scheme}://{self.host}{sigv4.uri_encode(path, encode_slash=False)}"
        try:
            return await self._client.request(method, url, content=body or None, headers=signed)
        except httpx.HTTPError as exc:
            log.warning("media storage unreachable: %s", type(exc).__name__)
            raise _storage_unavailable() from None

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        response = await self._send("PUT", key, data, {"content-type": content_type})
        if response.status_code != 200:
            log.warning("media storage refused a PUT: %s", response.status_code)
            raise _storage_unavailable()

    async def get(self, key: str) -> bytes:
        response = await self._send("GET", key)
        if response.status_code == 404:
            raise StoredObjectMissing(key)
        if response.status_code != 200:
            log.warning("media storage refused a GET: %s", response.status_code)
            raise _storage_unavailable()
        return response.content

    async def delete(self, key: str) -> None:
        response = await self._send("DELETE", key)
        if response.status_code not in (200, 204, 404):
            log.warning("media storage refused a DELETE: %s", response.status_code)
            raise _storage_unavailable()


def _storage_unavailable() -> DependencyUnavailable:
    return DependencyUnavailable(
        "media_storage_unavailable", "The media storage does not answer; try again shortly."
    )
