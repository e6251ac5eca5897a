"""What the benchmark scripts share: real processes on free ports, their CPU time from /proc,
waiting until they answer, stopping them, and the figures' arithmetic.

A script under benchmarks/<area>/ puts the repository on the path and imports this:

    REPO = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(REPO))
    from benchmarks.processes import Process, spawn, started, uvicorn_args, wait_ready  # noqa: E402
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    # A process under cProfile stops on SIGINT: uvicorn re-raises the signal it stopped on,
    # and only a KeyboardInterrupt lets cProfile write its file.
    stop_signal: int = signal.SIGTERM

    def pids(self) -> list[int]:
        """The process and its children (nginx's worker)."""
        pids = [self.popen.pid]
        children = Path(f"/proc/{self.popen.pid}/task/{self.popen.pid}/children")
        with contextlib.suppress(OSError):
            pids += [int(p) for p in children.read_text().split()]
        return pids

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.pids():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime + stime
        return total / CLK_TCK

    def stop(self) -> None:
        if self.popen.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, self.stop_signal)
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=5)


def spawn(
    name: str,
    args: list[str],
    env: dict[str, str],
    tmp: Path,
    *,
    stop_signal: int = signal.SIGTERM,
) -> Process:
    """`args` started in a session of its own in the repository, its output in tmp/<name>.log."""
    log = tmp / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            args, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return Process(name, popen, log, stop_signal)


def uvicorn_args(app: str, port: int, *extra: str, profile: Path | None = None) -> list[str]:
    """An app factory under uvicorn with kit's flags, as `make run` starts it (its main
    thread under cProfile, written to `profile` when it stops, if given)."""
    from services.kit.catalog import UVICORN_FLAGS

    args = [sys.executable]
    if profile is not None:
        args += ["-m", "cProfile", "-o", str(profile)]
    args += ["-m", "uvicorn", "--factory", app, "--host", HOST, "--port", str(port)]
    return [*args, *UVICORN_FLAGS, *extra]


@contextlib.contextmanager
def started(processes: list[Process]) -> Iterator[None]:
    """Stop every process in the list (the last started first) however the block ends."""
    try:
        yield
    finally:
        for process in reversed(processes):
            process.stop()


def wait_ready(watch: list[Process], urls: list[str], timeout: float = 60.0) -> None:
    """Until each URL answers 200, in order; stop at once if a watched process exits."""
    deadline = time.monotonic() + timeout
    pending = list(urls)
    with httpx.Client(timeout=2) as client:
        while pending:
            for process in watch:
                if process.popen.poll() is not None:
                    tail = process.log.read_text(errors="replace")[-3000:]
                    raise SystemExit(f"{process.name} exited:\n{tail}")
            with contextlib.suppress(httpx.TransportError):
                if client.get(pending[0]).status_code == 200:
                    pending.pop(0)
                    continue
            if time.monotonic() > deadline:
                raise SystemExit(f"not ready: {pending[0]}")
            time.sleep(0.2)


def load_average() -> float:
    """The machine's load over the last minute: other work shows in every figure."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def load_averages() -> str:
    """The 1, 5 and 15 minute load averages, as /proc/loadavg gives them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..1) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]
