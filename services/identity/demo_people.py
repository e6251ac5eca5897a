"""Demo households at the scale the news report gives (development only): 黄村西里 with 400+
verified households (its 400+ cars), the 瀛海镇 compounds near the practice centre, children
under their guardians, and claims waiting in the community staff's 住户核验 queue.

The rows go in with one multi-row INSERT per table, not through residents.join_household and
verify_member one at a time: about 700 homes would be thousands of round trips at every
`make run` start and in every browser-test stack. The plan keeps what those rules keep (room
numbers in their stored form, relations from residents.RELATIONS, children under 18) and
marks the homes verified by the seed, with no audit entry each: no staff member verified them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.identity.context import IdentityContext
from services.identity.models import Dependant, Household, HouseholdClaim, HouseholdMember
from services.identity.residents import RELATIONS
from services.kit.clients.directory import PlaceRef
from services.kit.demo import (
    DEMO_NAMESPACE,
    DEMO_RESIDENTS,
    DEMO_RESIDENTS_WITHOUT_HOME,
    demo_resident_id,
)
from services.kit.scope import is_within

SEED = 2026
SEED_ACTOR = "seed"
# Every demo building has six floors of two flats per unit door: rooms 101, 102 … 602.
ROOMS = [f"{floor}{flat:02d}" for floor in range(1, 7) for flat in (1, 2)]


@dataclass(frozen=True)
class Homes:
    verified_per_door: int  # verified households at each unit door of the community
    pending_claims: int = 0  # homes claimed in the community, waiting for its staff
    pending_joins: int = 0  # adults asking to join a verified home, waiting too


# By community code (directory's demo tree). 黄村西里: 60 doors x 7 = 420 verified homes.
# The queues wait at the communities whose staff have demo log-ins (hcxl_staff, tgyzl_staff).
HOMES: dict[str, Homes] = {
    "HCXL": Homes(7, pending_claims=12, pending_joins=4),
    "TGYZL": Homes(1, pending_claims=8, pending_joins=3),
    "GYSNL": Homes(1),
    "NHJYYL": Homes(3),
    "NHJYSL": Homes(3),
    "XHJY": Homes(3),
}
SECOND_ADULT_EVERY = 3  # every third verified home has a second verified adult
CHILD_EVERY = 4  # every fourth has a child; every third of those two
TENANT_SHARE = 0.15
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "子涵梓萱浩然一诺欣怡宇轩思彤俊熙雨桐沐阳诗琪嘉懿"  # two characters each


class DemoOnly(Exception):
    """Demo residents and homes are for development: production settings refuse them."""


@dataclass
class DemoPeople:
    households: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)  # one per member (the queue's rows)
    children: list[tuple[uuid.UUID, str, int, datetime]] = field(default_factory=list)
    pending_claims: int = 0  # households waiting for their first verification
    pending_joins: int = 0  # adults waiting to join a verified household

    @property
    def pending(self) -> int:
        """What the community staff's queues hold between them."""
        return self.pending_claims + self.pending_joins


def demo_household_id(unit_code: str, room_no: str) -> uuid.UUID:
    """Fixed, so a demo home keeps its id from one fresh `make run` to the next."""
    return uuid.uuid5(DEMO_NAMESPACE, f"household:{unit_code}:{room_no}")


async def demo_doors(ctx: IdentityContext) -> dict[str, list[PlaceRef]]:
    """The unit doors of each community in HOMES, from the directory (two listings), in code
    order; asked before the seed's write transaction, as every call to another service."""
    communities = {c.code: c for c in await ctx.directory.places_of_kind("community")}
    units = sorted(await ctx.directory.places_of_kind("unit"), key=lambda u: u.code)
    return {
        code: [PlaceRef.model_validate(u.model_dump()) for u in units if is_within(u.path, c.path)]
        for code, c in communities.items()
        if code in HOMES
    }


def plan(doors: dict[str, list[PlaceRef]], now: datetime) -> DemoPeople:
    """Who lives where: a fixed draw (SEED), so every fresh demo is the same."""
    rng = random.Random(SEED)
    people = DemoPeople()
    next_resident = iter(range(DEMO_RESIDENTS_WITHOUT_HOME, DEMO_RESIDENTS))

    def resident() -> uuid.UUID:
        n = next(next_resident, None)
        if n is None:
            raise ValueError("kit.demo.DEMO_RESIDENTS is too small for the demo households")
        return demo_resident_id(n)

    def home(unit: PlaceRef, room: str, created: datetime, verified: bool) -> dict[str, Any]:
        row = {
            "id": demo_household_id(unit.code, room),
            "unit_place_id": unit.id,
            "unit_path": unit.path,
            "unit_code": unit.code,
            "room_no": room,
            "created_at": created,
            "verified_at": created + timedelta(days=2) if verified else None,
            "verified_by": SEED_ACTOR if verified else None,
        }
        people.households.append(row)
        return row

    def member(
        household: dict[str, Any], relation: str, joined: datetime, verified: bool
    ) -> uuid.UUID:
        assert relation in RELATIONS
        resident_id = resident()
        people.members.append(
            {
                "household_id": household["id"],
                "resident_id": resident_id,
                "relation": relation,
                "joined_at": joined,
                "verified_at": joined + timedelta(days=2) if verified else None,
                "verified_by": SEED_ACTOR if verified else None,
            }
        )
        # The claim it came from: the 住户核验 queue lists the pending ones.
        people.claims.append(
            {
                "id": uuid.uuid5(household["id"], f"claim:{resident_id}"),
                "household_id": household["id"],
                "resident_id": resident_id,
                "relation": relation,
                "status": "verified" if verified else "pending",
                "via": "claim",
                "claimed_at": joined,
                "decided_at": joined + timedelta(days=2) if verified else None,
                "decided_by": SEED_ACTOR if verified else None,
            }
        )
        return resident_id

    for code in sorted(doors):
        homes, units = HOMES[code], doors[code]
        free = {u.code: list(ROOMS) for u in units}
        verified: list[dict[str, Any]] = []
        for unit in units:
            rng.shuffle(free[unit.code])
            for _ in range(homes.verified_per_door):
                created = now - timedelta(days=rng.randint(30, 700))
                household = home(unit, free[unit.code].pop(), created, verified=True)
                sole_tenant = rng.random() < TENANT_SHARE
                first = member(
                    household, "tenant" if sole_tenant else "owner", created, verified=True
                )
                verified.append(household)
                number = len(verified)
                if not sole_tenant and number % SECOND_ADULT_EVERY == 0:
                    member(household, "family", created + timedelta(days=1), verified=True)
                if number % CHILD_EVERY == 0:
                    for _ in range(2 if number % (CHILD_EVERY * 3) == 0 else 1):
                        given = 2 * rng.randrange(len(GIVEN) // 2)
                        name = rng.choice(SURNAMES) + GIVEN[given : given + 2]
                        born = now.year - rng.randint(1, 16)
                        people.children.append((first, name, born, created))
        # Claims from the last two weeks, waiting in the community staff's 住户核验 queue.
        for _ in range(homes.pending_claims):
            unit = rng.choice([u for u in units if free[u.code]])
            claimed = now - timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 12))
            household = home(unit, free[unit.code].pop(), claimed, verified=False)
            member(household, rng.choice(("owner", "tenant")), claimed, verified=False)
            people.pending_claims += 1
        for household in rng.sample(verified, min(homes.pending_joins, len(verified))):
            joined = now - timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 12))
            member(household, "family", joined, verified=False)
            people.pending_joins += 1
    return people


async def seed_demo_people(
    session: AsyncSession,
    ctx: IdentityContext,
    *,
    doors: dict[str, list[PlaceRef]],
    now: datetime,
) -> DemoPeople | None:
    """Load the demo homes into an empty households table (never twice, never in
    production); their residents are identity's demo residents (seed.seed_demo_residents)."""
    if ctx.settings.env == "production":
        raise DemoOnly("demo households are never created in production")
    if await session.scalar(select(func.count()).select_from(Household)):
        return None
    people = plan(doors, now)
    await _insert(session, Household, people.households)
    await _insert(session, HouseholdMember, people.members)
    await _insert(session, HouseholdClaim, people.claims)
    await _insert(
        session,
        Dependant,
        [
            {
                "id": uuid.uuid5(guardian, f"child:{i}"),
                "guardian_id": guardian,
                "name_cipher": ctx.cipher.encrypt(name),
                "birth_year": born,
                "created_at": created,
                # The guardian agreed when adding the child (children.add_dependant's rule).
                "consented_at": created,
            }
            for i, (guardian, name, born, created) in enumerate(people.children)
        ],
    )
    return people


async def _insert(session: AsyncSession, model: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(model), list(rows))
