"""What `make run` does, for real: seed, start the directory as a process, scan a sticker.

The service runs under uvicorn on a free local port with its own SQLite file; the QR image is
fetched over HTTP and read by a real decoder, and the decoded link resolves to its unit.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PIL import Image

from services.kit.testing import TokenFactory, grant


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def running_directory(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, TokenFactory]]:
    tokens = TokenFactory()
    port = _free_port()
    db_file = tmp_path_factory.mktemp("run") / "directory.db"
    env = {
        **os.environ,
        "DIRECTORY_DATABASE_URL": f"sqlite+aiosqlite:///{db_file}",
        "DIRECTORY_PUBLIC_BASE_URL": "http://127.0.0.1:8000",
        "DIRECTORY_JWKS": tokens.jwks,
    }
    root = Path(__file__).resolve().parents[1]
    seeded = subprocess.run(
        [sys.executable, "-m", "services.directory", "seed"],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "124 unit doors" in seeded.stdout
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "services.directory.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("directory did not start")
            time.sleep(0.2)
        yield base, tokens
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_sticker_fetched_from_the_running_directory_scans_to_its_unit(
    running_directory: tuple[str, TokenFactory],
) -> None:
    base, tokens = running_directory
    with httpx.Client(base_url=base, timeout=10) as client:
        unit = client.get("/v1/places/by-code/TGYZL-03-2").json()
        staff = tokens.issue(
            grants=[grant("community_staff", unit["id"], unit["path"], "directory:codes:manage")]
        )
        codes = client.get(
            f"/v1/places/{unit['id']}/codes", headers={"Authorization": f"Bearer {staff}"}
        ).json()
        png = client.get(f"/v1/codes/{codes[0]['token']}/image.png")
        assert png.status_code == 200
        assert png.headers["x-request-id"]

        (decoded,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
        assert decoded.text.startswith("HTTP://127.0.0.1:8000/Q/")
        scanned = client.get(f"/v1/codes/{decoded.text.rsplit('/', 1)[1]}")
        assert scanned.status_code == 200
        assert scanned.json()["chain"]["unit"]["code"] == "TGYZL-03-2"
        assert scanned.json()["chain"]["building"]["name"] == "3号楼"


def test_the_running_directory_reports_health_and_readiness(
    running_directory: tuple[str, TokenFactory],
) -> None:
    base, _ = running_directory
    assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{base}/readyz").json() == {"status": "ready"}
