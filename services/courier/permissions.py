"""The warm station's permissions and who holds them by default (identity learns this
catalogue). Scoped by place like every service: a grant over a street covers its stations."""

from __future__ import annotations

from services.kit.permissions import Catalogue, Permission

STATIONS_MANAGE = "courier:stations:manage"
VISITS_READ = "courier:visits:read"
VISITS_HANDLE = "courier:visits:handle"
CARDS_MANAGE = "courier:cards:manage"
SUPPLIES_READ = "courier:supplies:read"
SUPPLIES_MANAGE = "courier:supplies:manage"
# Recording a use at the desk and seeing which items a courier's visit used: health data,
# so only the station's own staff hold it by default (admins see counts, not couriers).
SUPPLIES_DISPENSE = "courier:supplies:dispense"

_STATION_STAFF = (STATIONS_MANAGE, VISITS_READ, VISITS_HANDLE, CARDS_MANAGE)
_SUPPLIES = (SUPPLIES_READ, SUPPLIES_MANAGE)
ACTIVITIES_MANAGE = "courier:activities:manage"
HOURS_CONFIRM = "courier:volunteering:confirm"
RECOGNITION_PUBLISH = "courier:recognition:publish"
# Another service's outbox telling courier something happened (kit.peers: resident.deleted).
EVENTS_SEND = "courier:events:send"
# Activities, volunteer hours and the recognition list: the station's staff and the
# communities that post volunteering tasks for their couriers.
_ACTIVITIES = (ACTIVITIES_MANAGE, HOURS_CONFIRM, RECOGNITION_PUBLISH)

CATALOGUE = Catalogue(
    service="courier",
    permissions=(
        Permission(
            name=STATIONS_MANAGE,
            zh="维护暖心驿站的开放时间与服务",
            en="Keep a warm station's opening hours and services",
        ),
        Permission(
            name=VISITS_READ,
            zh="查看驿站实时在站与到访记录",
            en="See who is at a station now and its visits",
        ),
        Permission(
            name=VISITS_HANDLE,
            zh="扫骑手卡签到、为骑手签退",
            en="Check couriers in by their card and out",
        ),
        Permission(
            name=CARDS_MANAGE,
            zh="注销骑手卡",
            en="Revoke a courier's card",
        ),
        Permission(
            name=SUPPLIES_READ,
            zh="查看药箱与物资的库存、效期与提醒",
            en="See a station's medicine kit and supplies, their expiry and alerts",
        ),
        Permission(
            name=SUPPLIES_MANAGE,
            zh="添加药品与物资、登记补货",
            en="Add kit items and record restocks",
        ),
        Permission(
            name=SUPPLIES_DISPENSE,
            zh="为骑手登记领用药品与物资，查看到访的领用记录（健康信息）",
            en="Record what a courier takes from the kit and see it on visits (health data)",
        ),
        Permission(
            name=ACTIVITIES_MANAGE,
            zh="发布和管理驿站活动、志愿任务，查看报名",
            en="Post and manage activities and volunteering tasks, see who signed up",
        ),
        Permission(
            name=HOURS_CONFIRM,
            zh="确认骑手的志愿服务时长",
            en="Confirm couriers' volunteer hours",
        ),
        Permission(
            name=RECOGNITION_PUBLISH,
            zh="发布每月骑手表彰榜",
            en="Publish the monthly recognition list of couriers",
        ),
        Permission(
            name=EVENTS_SEND,
            zh="向驿站服务报送事件（居民注销）",
            en="Send courier events (a resident's account deleted)",
            holders=("integration",),
        ),
    ),
    bindings={
        "district_admin": (*_STATION_STAFF, *_SUPPLIES, *_ACTIVITIES),
        "street_admin": (*_STATION_STAFF, *_SUPPLIES, *_ACTIVITIES),
        "station_staff": (*_STATION_STAFF, *_SUPPLIES, SUPPLIES_DISPENSE, *_ACTIVITIES),
        # The community sees its station's figures; the station's own staff run it. It posts
        # volunteering tasks for couriers and confirms their hours.
        "community_staff": (VISITS_READ, SUPPLIES_READ, *_ACTIVITIES),
    },
)
