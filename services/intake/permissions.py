"""Intake's permissions and who holds them by default (identity learns this catalogue)."""

from __future__ import annotations

from services.kit.permissions import Catalogue, Permission

TICKETS_READ = "intake:tickets:read"
TICKETS_HANDLE = "intake:tickets:handle"
WEBHOOKS_MANAGE = "intake:webhooks:manage"
CATEGORIES_MANAGE = "intake:categories:manage"
WORKORDERS_WORK = "intake:workorders:work"
HOTLINE_PUSH = "intake:hotline:push"
OPEN311_SUBMIT = "intake:open311:submit"
REFERRALS_ANSWER = "intake:referrals:answer"
# Another service's outbox telling intake something happened (kit.peers: resident.deleted).
EVENTS_SEND = "intake:events:send"

_ADMIN = (TICKETS_READ, TICKETS_HANDLE, WEBHOOKS_MANAGE, CATEGORIES_MANAGE)

CATALOGUE = Catalogue(
    service="intake",
    permissions=(
        Permission(
            name=TICKETS_READ,
            zh="查看辖区内的报事",
            en="Read the reports within your places",
            holders=("staff", "integration"),
        ),
        Permission(
            name=TICKETS_HANDLE,
            zh="受理、派单、办结报事",
            en="Take on, assign and resolve reports",
        ),
        Permission(name=WEBHOOKS_MANAGE, zh="管理报事推送（Webhook）", en="Manage report webhooks"),
        # Street and district admins: categories as their street office has them.
        Permission(name=CATEGORIES_MANAGE, zh="管理报事类别", en="Manage the report categories"),
        # Contractors: their organisation's work orders (accept, progress, evidence, done).
        Permission(
            name=WORKORDERS_WORK,
            zh="承接单位处理本单位的工单",
            en="Work on your organisation's work orders",
            holders=("staff", "integration"),
        ),
        # The 12345 hotline system pushing cases; Open311 clients posting requests.
        Permission(
            name=HOTLINE_PUSH,
            zh="12345 热线推送工单",
            en="Push cases from the 12345 hotline",
            holders=("integration",),
        ),
        Permission(
            name=OPEN311_SUBMIT,
            zh="通过 Open311 提交诉求",
            en="Submit requests through Open311",
            holders=("integration",),
        ),
        # The enforcement office (城管) answering referrals.
        Permission(
            name=REFERRALS_ANSWER,
            zh="答复移交的案件（城管等）",
            en="Answer referred cases (the enforcement office)",
            holders=("integration",),
        ),
        Permission(
            name=EVENTS_SEND,
            zh="向报事服务报送事件（居民注销）",
            en="Send intake events (a resident's account deleted)",
            holders=("integration",),
        ),
    ),
    bindings={
        "district_admin": _ADMIN,
        "street_admin": _ADMIN,
        "community_staff": (TICKETS_READ, TICKETS_HANDLE),
        "building_captain": (TICKETS_READ,),
        "contractor_worker": (WORKORDERS_WORK,),
    },
    demo_clients={
        "contractor_system": (WORKORDERS_WORK,),
        "hotline": (HOTLINE_PUSH, OPEN311_SUBMIT),
    },
)
