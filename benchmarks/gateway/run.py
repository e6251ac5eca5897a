"""The gateway against nginx, in front of the real directory service, on this machine.

    .venv/bin/python benchmarks/gateway/run.py [--duration 8] [--connections 32] [--rounds 1]

What it does, all on 127.0.0.1 and all stopped at the end (bounded in time):
1. seeds a directory SQLite database in a temp dir (`python -m services.directory seed`);
2. starts the directory (uvicorn, 1 process, no access log, log level warning), the
   gateway (1 process, uvloop + httptools) and nginx (1 worker, keepalive upstream,
   access log off) proxying /api/directory/ to it, each on a free port;
3. mints a staff token (kit's TokenFactory; its JWKS is handed to the directory) to read a
   unit door's QR token, then runs `wrk -t1 -c32 -d8s --latency`, anonymous, against
   `GET /v1/codes/<token>` directly, through nginx and through the gateway; and the same
   for the directory's `/v1/calendar/<day>`, a small read whose cheap answer shows what the
   proxies themselves cost (the gateway no longer forwards a service's `/healthz`);
4. prints req/s, p50/p99 and each process's CPU time per request, and gateway/nginx ratios.

The machine has 2 cores shared by wrk, the proxy and the service: the numbers are only
comparable within one run. Anything else busy on the machine shows in them too.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from benchmarks.processes import HOST, Process, free_port, spawn, started, wait_ready  # noqa: E402
from services.kit.testing import TokenFactory, grant  # noqa: E402

NGINX_CONF = """\
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  fastcgi_temp_path {tmp}/nginx-fastcgi;
  uwsgi_temp_path {tmp}/nginx-uwsgi;
  scgi_temp_path {tmp}/nginx-scgi;
  upstream directory {{
    server {host}:{directory_port};
    keepalive 64;
  }}
  server {{
    listen {host}:{nginx_port};
    location /api/directory/ {{
      proxy_pass http://directory/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""


def uvicorn(app: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        app,
        "--host",
        HOST,
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
    ]


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


@dataclass
class Result:
    label: str
    rps: float
    p50: float
    p99: float
    requests: int
    errors: str
    cpu_us: dict[str, float]


def wrk(url: str, *, duration: int, connections: int, watch: list[Process], label: str) -> Result:
    before = {p.name: p.cpu_seconds() for p in watch}
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=True,
    ).stdout
    after = {p.name: p.cpu_seconds() for p in watch}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = ""
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += f"{match.group(1)} non-2xx "
    if match := re.search(r"Socket errors: (.*)", out):
        errors += f"socket errors: {match.group(1)}"
    cpu = {name: (after[name] - before[name]) / max(total, 1) * 1e6 for name in before}
    return Result(label, rps, p50, p99, total, errors.strip(), cpu)


def seed(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "services.directory", "seed"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )


def qr_token(directory_url: str, tokens: TokenFactory) -> str:
    with httpx.Client(base_url=directory_url, timeout=10) as client:
        unit = client.get("/v1/places/by-code/TGYZL-03-2").json()
        staff = tokens.issue(
            grants=[grant("community_staff", unit["id"], unit["path"], "directory:codes:manage")]
        )
        codes = client.get(
            f"/v1/places/{unit['id']}/codes", headers={"Authorization": f"Bearer {staff}"}
        )
        codes.raise_for_status()
        return str(next(c["token"] for c in codes.json() if c["status"] == "active"))


def report(results: list[Result]) -> None:
    print()
    print(f"{'target':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}   CPU µs per request")
    for r in results:
        cpu = "  ".join(f"{name} {us:.0f}" for name, us in r.cpu_us.items() if us >= 0.5)
        print(f"{r.label:<34}{r.rps:>9.0f}{r.p50:>9.2f}{r.p99:>9.2f}   {cpu}")
        if r.errors:
            print(f"{'':<34}!! {r.errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the runs, interleaved")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per target")
    args = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install -y nginx wrk)")

    tmp = Path(tempfile.mkdtemp(prefix="gateway-bench-"))
    tokens = TokenFactory()
    directory_port, gateway_port, nginx_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DIRECTORY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'directory.db'}",
        "DIRECTORY_JWKS": tokens.jwks,
        "DIRECTORY_LOG_LEVEL": "WARNING",  # no access log lines, as nginx's is off
        "GATEWAY_DIRECTORY_URL": f"http://{HOST}:{directory_port}",
        "GATEWAY_JWKS": tokens.jwks,
        "GATEWAY_LOG_LEVEL": "WARNING",
        # The limiter stays on (its cost is part of the path), with room for the load.
        "GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "100000000",
    }
    print(f"seeding the directory in {tmp} ...", flush=True)
    seed(env)
    (tmp / "nginx.conf").write_text(
        NGINX_CONF.format(tmp=tmp, host=HOST, directory_port=directory_port, nginx_port=nginx_port)
    )
    processes: list[Process] = []
    with started(processes):
        directory = spawn(
            "directory", uvicorn("services.directory.app:create_app", directory_port), env, tmp
        )
        processes.append(directory)
        gateway = spawn("gateway", uvicorn("gateway.app:create_app", gateway_port), env, tmp)
        processes.append(gateway)
        nginx_args = ["-e", str(tmp / "nginx-error.log"), "-c", str(tmp / "nginx.conf")]
        nginx = spawn("nginx", ["nginx", *nginx_args, "-g", "daemon off;"], env, tmp)
        processes.append(nginx)
        direct = f"http://{HOST}:{directory_port}"
        wait_ready(
            processes,
            [
                f"{direct}/readyz",
                f"http://{HOST}:{gateway_port}/healthz",
                f"http://{HOST}:{nginx_port}/api/directory/healthz",
            ],
            timeout=30.0,
        )
        token = qr_token(direct, tokens)
        print(
            f"directory :{directory_port}  gateway :{gateway_port}  nginx :{nginx_port}  "
            f"QR token {token}; wrk -t1 -c{args.connections} -d{args.duration}s",
            flush=True,
        )

        targets = []
        cheap = "/v1/calendar/2026-10-01"
        for path, name in ((f"/v1/codes/{token}", "codes"), (cheap, "calendar")):
            targets += [
                (f"{name} direct", f"{direct}{path}"),
                (f"{name} via nginx", f"http://{HOST}:{nginx_port}/api/directory{path}"),
                (f"{name} via gateway", f"http://{HOST}:{gateway_port}/api/directory{path}"),
            ]
        results: dict[str, list[Result]] = {label: [] for label, _ in targets}
        for _ in range(args.rounds):
            for label, url in targets:
                if args.warmup:
                    wrk(
                        url,
                        duration=args.warmup,
                        connections=args.connections,
                        watch=[],
                        label=label,
                    )
                result = wrk(
                    url,
                    duration=args.duration,
                    connections=args.connections,
                    watch=processes,
                    label=label,
                )
                results[label].append(result)
                print(f"  {label:<24} {result.rps:>8.0f} req/s", flush=True)

    # The median run of each target (of one, by default).
    best = [sorted(runs, key=lambda r: r.rps)[(len(runs) - 1) // 2] for runs in results.values()]
    report(best)
    print()
    for name in ("codes", "calendar"):
        by = {r.label: r for r in best if r.label.startswith(name + " ")}
        ratio = by[f"{name} via gateway"].rps / by[f"{name} via nginx"].rps
        print(f"{name}: gateway / nginx = {ratio:.2f}")
    if args.rounds > 1:
        print(f"(the median of {args.rounds} interleaved rounds per target)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
