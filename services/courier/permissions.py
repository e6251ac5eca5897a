"""The warm station's permissions and who holds them by default (identity learns this
catalogue). Scoped by place like every service: a grant over a street covers its stations."""

from __future__ import annotations

from services.kit.permissions import Catalogue, Permission

STATIONS_MANAGE = "courier:stations:manage"
VISITS_READ = "courier:visits:read"
VISITS_HANDLE = "courier:visits:handle"
CARDS_MANAGE = "courier:cards:manage"
ACTIVITIES_MANAGE = "courier:activities:manage"
HOURS_CONFIRM = "courier:volunteering:confirm"
RECOGNITION_PUBLISH = "courier:recognition:publish"

_STATION_STAFF = (STATIONS_MANAGE, VISITS_READ, VISITS_HANDLE, CARDS_MANAGE)
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
    ),
    bindings={
        "district_admin": _STATION_STAFF + _ACTIVITIES,
        "street_admin": _STATION_STAFF + _ACTIVITIES,
        "station_staff": _STATION_STAFF + _ACTIVITIES,
        # The community sees its station's figures; the station's own staff run it. It posts
        # volunteering tasks for couriers and confirms their hours.
        "community_staff": (VISITS_READ, *_ACTIVITIES),
    },
)
