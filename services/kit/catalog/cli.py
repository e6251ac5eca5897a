"""The one list of services (`services.toml` at the repository's root), read and checked.

Kit knows no service by name: everything here is driven by the file. The Makefile, the tests'
fixtures, the browser tests' stack and the gateway read the list through `load()`; the
Procfile and the frontend's module are generated from it (`generate`) and committed.

    python -m services.kit.catalog built            # built services, in start order
    python -m services.kit.catalog seeded           # those `make run` seeds before starting
    python -m services.kit.catalog env URL          # NAME=value lines for `make run`
    python -m services.kit.catalog urls             # the addresses `make run` prints
    python -m services.kit.catalog generate [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from services.kit.catalog.generated import generated_files, stale_files
from services.kit.catalog.reading import load
from services.kit.settings import REPO_ROOT


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.kit.catalog", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("built", help="the built services, in start order, one a line")
    sub.add_parser("seeded", help="the services `make run` seeds before starting, in order")
    env = sub.add_parser("env", help="NAME=value lines: the system run together on its ports")
    env.add_argument("public_url", help="the address residents open (PUBLIC_BASE_URL)")
    sub.add_parser("urls", help="where `make run` serves each built service")
    gen = sub.add_parser("generate", help="write infra/Procfile and the frontend's module")
    gen.add_argument("--check", action="store_true", help="only fail when one is stale")
    args = parser.parse_args(argv)
    catalog = load()

    if args.command == "built":
        print("\n".join(s.name for s in catalog.built()))
    elif args.command == "seeded":
        print("\n".join(s.name for s in catalog.seeded_before_start()))
    elif args.command == "env":
        print("\n".join(f"{k}={v}" for k, v in catalog.run_env({}, args.public_url).items()))
    elif args.command == "urls":
        for s in catalog.built():
            print(f"  {s.name:<11} {s.local_url:<28} ({s.about})")
    elif args.command == "generate":
        stale = stale_files(catalog)
        if args.check:
            for path in stale:
                print(f"stale: {path.relative_to(REPO_ROOT)}", file=sys.stderr)
            return 1 if stale else 0
        for path, text in generated_files(catalog).items():
            if path in stale:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(REPO_ROOT)}")
    return 0
