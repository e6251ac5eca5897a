"""What the demo seeds of several services agree on without calling each other.

Identity gives each demo staff member an id derived from their username, so another
service's demo history names them the way a real token would (`staff:<uuid>`), with no call
to identity and no guessing in a migration.
"""

from __future__ import annotations

import uuid

# Fixed once: changing it changes every demo staff member's id.
DEMO_NAMESPACE = uuid.UUID("6f1d8a52-6c1e-4f0e-9b7a-5d2c0e5b7a11")


def demo_staff_id(username: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, username.strip().lower())


# Demo residents identity seeds in development only (services/identity/seed.py) and other
# services' demo data names (the warm station's registered couriers): the n-th has a fixed
# id and a phone in a block no real number uses for the demo (199 0000 nnnn).
DEMO_RESIDENTS = 1000
# The first ones have no home in the demo: the couriers' block, and numbers a test or a
# person trying the demo signs in with to claim a home of their own. The rest live in the
# demo households identity seeds (services/identity/demo_people.py).
DEMO_RESIDENTS_WITHOUT_HOME = 220


def demo_resident_id(n: int) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"resident:{n}")


def demo_resident_phone(n: int) -> str:
    return f"1990000{n:04d}"
