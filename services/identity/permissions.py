"""Identity's own permissions and who holds them by default (learned like every other
service's catalogue, but read in-process)."""

from __future__ import annotations

from services.kit.auth import Principal
from services.kit.errors import PermissionDenied
from services.kit.permissions import Catalogue, Permission
from services.kit.personal import PERM_REVEAL

STAFF_MANAGE = "identity:staff:manage"
GRANTS_MANAGE = "identity:grants:manage"
ORGANISATIONS_MANAGE = "identity:organisations:manage"
CLIENTS_MANAGE = "identity:clients:manage"
HOUSEHOLDS_VERIFY = "identity:households:verify"
AUDIT_READ = "identity:audit:read"
PERSONAL_REVEAL = PERM_REVEAL
NOTIFY = "identity:notify"
ROLES_MANAGE = "identity:roles:manage"
# Another service's outbox telling identity something happened (kit.peers: reveals, exports).
EVENTS_SEND = "identity:events:send"
# What other services ask about residents (routes/peers.py): each answer carries ids, counts
# and yes or no, never a phone or a name, and each question is its own scope on a client.
HOUSEHOLDS_READ = "identity:households:read"
HOUSEHOLDS_COUNT = "identity:households:count"
DEPENDANTS_READ = "identity:dependants:read"
RESIDENTS_MESSAGE = "identity:residents:message"
# Staff adding a resident to a team find them by the phone they were given (rate-limited,
# audited); never a resident's.
RESIDENTS_FIND = "identity:residents:find"

_ADMIN = (
    STAFF_MANAGE,
    GRANTS_MANAGE,
    ORGANISATIONS_MANAGE,
    CLIENTS_MANAGE,
    HOUSEHOLDS_VERIFY,
    AUDIT_READ,
    PERSONAL_REVEAL,
    RESIDENTS_FIND,
)

CATALOGUE = Catalogue(
    service="identity",
    permissions=(
        Permission(name=STAFF_MANAGE, zh="管理工作人员账号", en="Manage staff accounts"),
        Permission(name=GRANTS_MANAGE, zh="授予、收回岗位", en="Grant and withdraw roles"),
        Permission(
            name=ORGANISATIONS_MANAGE,
            zh="管理承接单位、物业、合作单位",
            en="Manage contractors, property and partner companies",
        ),
        Permission(name=CLIENTS_MANAGE, zh="签发、吊销 API 密钥", en="Issue and revoke API keys"),
        Permission(
            name=HOUSEHOLDS_VERIFY,
            zh="核验住户，代居民办理",
            en="Verify households; act for residents",
        ),
        Permission(name=AUDIT_READ, zh="查看操作记录", en="Read the record of administrative acts"),
        Permission(
            name=PERSONAL_REVEAL,
            zh="查看居民姓名、电话明文（留痕）",
            en="See residents' names and phones in clear (recorded)",
        ),
        Permission(
            name=NOTIFY,
            zh="通知值班工作人员",
            en="Message the on-duty staff",
            holders=("integration",),
        ),
        Permission(
            name=EVENTS_SEND,
            zh="向身份服务报送事件（查看明文、导出留痕）",
            en="Send identity events (reveals and exports for the audit list)",
            holders=("integration",),
        ),
        Permission(
            name=HOUSEHOLDS_READ,
            zh="查询居民是否为某户已核验成员及其所在单元（只答编号与是否）",
            en="Ask whether a resident is a verified member of a household, and at which unit",
            holders=("integration",),
        ),
        Permission(
            name=HOUSEHOLDS_COUNT,
            zh="统计某地已核验的户数（如投票的法定人数）",
            en="Count the verified households under a place (a vote's quorum)",
            holders=("integration",),
        ),
        Permission(
            name=DEPENDANTS_READ,
            zh="向监护人核对子女的出生年份",
            en="Read a dependant's birth year for its guardian",
            holders=("integration",),
        ),
        Permission(
            name=RESIDENTS_MESSAGE,
            zh="按编号给居民发消息（留记录）",
            en="Message a resident by id (recorded)",
            holders=("integration",),
        ),
        Permission(
            name=RESIDENTS_FIND,
            zh="按手机号查找居民（限次、留痕）",
            en="Find a resident by phone (rate-limited, recorded)",
            holders=("staff", "integration"),
        ),
        Permission(
            name=ROLES_MANAGE,
            zh="编辑岗位及其权限",
            en="Edit roles and the permissions they give",
        ),
    ),
    bindings={
        "district_admin": (*_ADMIN, ROLES_MANAGE),
        "street_admin": _ADMIN,
        "community_staff": (HOUSEHOLDS_VERIFY, PERSONAL_REVEAL, AUDIT_READ, RESIDENTS_FIND),
        # A venue's teams take members the staff find by the phone they were given.
        "venue_staff": (RESIDENTS_FIND,),
    },
    # Intake's own key: it asks identity to message the on-duty staff about urgent reports and
    # sends its reveals and exports to the audit list.
    # Courier's own key: it asks identity to message the station's on-duty staff (low stock,
    # expiring medicine).
    demo_clients={"intake_alerts": (NOTIFY, EVENTS_SEND), "courier_alerts": (NOTIFY, EVENTS_SEND)},
)


def scope_of(principal: Principal, permission: str) -> list[str]:
    """The places under which the caller holds `permission`: what a list of theirs is filtered
    by. Someone who holds it nowhere is refused (403)."""
    paths = principal.scope_paths(permission)
    if not paths:
        raise PermissionDenied("forbidden", f"Your roles do not include {permission}.")
    return paths
