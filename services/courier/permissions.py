"""The warm station's permissions and who holds them by default (identity learns this
catalogue). Scoped by place like every service: a grant over a street covers its stations."""

from __future__ import annotations

from services.kit.permissions import Catalogue, Permission

STATIONS_MANAGE = "courier:stations:manage"
VISITS_READ = "courier:visits:read"
VISITS_HANDLE = "courier:visits:handle"
CARDS_MANAGE = "courier:cards:manage"

_STATION_STAFF = (STATIONS_MANAGE, VISITS_READ, VISITS_HANDLE, CARDS_MANAGE)

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
    ),
    bindings={
        "district_admin": _STATION_STAFF,
        "street_admin": _STATION_STAFF,
        "station_staff": _STATION_STAFF,
        # The community sees its station's figures; the station's own staff run it.
        "community_staff": (VISITS_READ,),
    },
)
