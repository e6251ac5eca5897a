"""The real system on free local ports: every built service of services.toml and the gateway
as processes.

Used by the browser tests' session fixture and by benchmarks/frontend/hub_load.py:

    with Stack.start(tmp_dir) as stack:
        stack.base_url  # the gateway, serving frontend/dist at / and the APIs at /api/...

Each service gets its own SQLite file in `tmp_dir` and the environment `make run` gives it
(services.toml), on its free port. Services whose demo data comes before start (the directory)
are seeded first; identity seeds its demo staff by itself once the directory answers, so
`start` waits until `admin` can sign in. The frontend is built first when frontend/dist is
missing or older than its sources (`ensure_frontend_built`).

    python -m tests.browser.stack      # start it and keep it up (Ctrl-C stops it)
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from services.kit.catalog import UVICORN_FLAGS, load

CATALOG = load()
ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
DIST = FRONTEND / "dist"
DEMO_PASSWORD = "sqwb-demo-2026"
CHROMIUM = Path(os.environ.get("SQWB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WECHAT_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.38(0x1800262c) NetType/WIFI "
    "Language/zh_CN"
)
# A phone in WeChat: what every browser test's context looks like.
PHONE_CONTEXT: dict[str, Any] = {
    "viewport": {"width": 375, "height": 667},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "zh-CN",
    "timezone_id": "Asia/Shanghai",
    "user_agent": WECHAT_UA,
}
# Environment variables of ours that must not leak from the caller's shell into the stack.
_OWN_PREFIXES = (*(s.env_prefix for s in CATALOG.services), "GATEWAY_")
_SOURCES = (
    "src",
    "build",
    "public",
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.ts",
    "tsconfig.json",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in _SOURCES:
        path = FRONTEND / name
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file():
                    newest = max(newest, child.stat().st_mtime)
    return newest


def frontend_is_stale() -> bool:
    index = DIST / "index.html"
    return not index.is_file() or index.stat().st_mtime < _newest_source_mtime()


def node_modules_are_stale() -> bool:
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"
    return not installed.is_file() or installed.stat().st_mtime < lock.stat().st_mtime


def ensure_frontend_built() -> None:
    """`npm ci` when node_modules is missing or older than the lock, `npm run build` when
    dist is missing or older than the sources."""
    if not frontend_is_stale():
        return
    if node_modules_are_stale():
        subprocess.run(["npm", "ci"], cwd=FRONTEND, check=True)
    subprocess.run(["npm", "run", "build"], cwd=FRONTEND, check=True)


@dataclass
class Stack:
    base_url: str
    # Each built service's own address (name -> URL), behind the gateway at base_url.
    urls: dict[str, str]
    workdir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: dict[str, Path] = field(default_factory=dict)

    @classmethod
    @contextlib.contextmanager
    def start(
        cls, workdir: Path, *, build: bool = True, gateway_app: str = "gateway.app:create_app"
    ) -> Iterator[Stack]:
        if build:
            ensure_frontend_built()
        built = CATALOG.built()
        ports = {name: free_port() for name in ("gateway", *(s.name for s in built))}
        url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(_OWN_PREFIXES)}
        env = {
            **base_env,
            "PYTHONUNBUFFERED": "1",
            # What `make run` tells each service, with this stack's ports.
            **CATALOG.run_env(url, public_url=url["gateway"]),
            **{
                f"{s.env_prefix}DATABASE_URL": f"sqlite+aiosqlite:///{workdir / s.name}.db"
                for s in built
            },
            # Texts "sent" in dev, in full (kit.messages): the tests read codes there.
            **{
                f"{s.env_prefix}MESSAGE_INBOX": str(workdir / f"{s.name}-messages.jsonl")
                for s in built
            },
            "IDENTITY_PASSWORD_HASHING": "fast",
            # One code per number a minute in production; tests sign one number in twice.
            "IDENTITY_OTP_RESEND_SECONDS": "2",
            "INTAKE_MEDIA_ROOT": str(workdir / "media"),
            # Tests file their own tickets; ten weeks of demo history would race with them.
            "INTAKE_SEED_DEMO": "false",
            "GATEWAY_FRONTEND_DIR": str(DIST),
            # Every page load of the suite comes from 127.0.0.1.
            "GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "100000",
            "GATEWAY_RATE_LIMIT_PER_MINUTE": "100000",
            # The same, for intake's limits on anonymous writes (kit.abuse): the suite files
            # its reports from one address, to the same doors, many from scripts without a
            # device id; tests/intake holds the limits themselves.
            "INTAKE_ANONYMOUS_LIMITS": json.dumps(
                {"*.per_device": "off", "*.per_address": "off", "*.per_door": "off"}
            ),
        }
        for service in CATALOG.seeded_before_start():
            subprocess.run(
                [sys.executable, "-m", service.package, "seed"],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                timeout=180,
            )
        urls = {s.name: url[s.name] for s in built}
        stack = cls(url["gateway"], urls, workdir)
        try:
            for service in built:
                stack._spawn(service.name, service.app, ports[service.name], env)
            stack._spawn("gateway", gateway_app, ports["gateway"], env)
            stack._wait_ready()
            yield stack
        finally:
            stack.stop()

    def _spawn(self, name: str, app: str, port: int, env: dict[str, str]) -> None:
        log_path = self.workdir / f"{name}.log"
        log: IO[bytes] = log_path.open("wb")
        self.logs[name] = log_path
        self.processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                app,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                *UVICORN_FLAGS,
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = self.logs[name].read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{name} exited with {process.returncode}:\n{tail}")

    def _wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=5) as client:
            while True:
                self._check_alive()
                try:
                    ready = all(
                        client.get(f"{service_url}/readyz").status_code == 200
                        for service_url in self.urls.values()
                    )
                    if ready and self.login("admin", client=client):
                        return
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        "the stack did not come up (a service not ready or admin cannot sign in)"
                    )
                time.sleep(0.3)

    def login(self, username: str, *, client: httpx.Client | None = None) -> str | None:
        """A staff access token through the gateway, or None while sign-in does not work."""
        http = client or httpx.Client(timeout=10)
        try:
            response = http.post(
                f"{self.base_url}/api/identity/v1/auth/login",
                json={"username": username, "password": DEMO_PASSWORD},
            )
        finally:
            if client is None:
                http.close()
        return str(response.json()["access_token"]) if response.status_code == 200 else None

    def api(self, username: str = "admin") -> httpx.Client:
        """An HTTP client on the gateway carrying a staff member's bearer token."""
        token = self.login(username)
        assert token, f"{username} cannot sign in"
        return httpx.Client(
            base_url=f"{self.base_url}/api",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )

    def log_text(self, name: str) -> str:
        return self.logs[name].read_text(errors="replace")

    def inbox_text(self, name: str) -> str:
        """What a service "texted" so far (its dev message inbox, one JSON object a line)."""
        inbox = self.workdir / f"{name}-messages.jsonl"
        return inbox.read_text(encoding="utf-8") if inbox.exists() else ""

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sqwb-stack-") as tmp, Stack.start(Path(tmp)) as stack:
        print(f"gateway   {stack.base_url}", flush=True)
        for name, service_url in stack.urls.items():
            print(f"{name:<9} {service_url}", flush=True)
        print(f"logs      {tmp}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                stack._check_alive()
                time.sleep(1)


if __name__ == "__main__":
    main()
