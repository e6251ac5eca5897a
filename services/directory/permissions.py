"""Directory's permissions and who holds them by default (identity learns this catalogue)."""

from __future__ import annotations

from services.kit.permissions import Catalogue, Permission

PLACES_WRITE = "directory:places:write"
CODES_MANAGE = "directory:codes:manage"
CODES_PRINT = "directory:codes:print"
CALENDAR_WRITE = "directory:calendar:write"

_ADMIN = (PLACES_WRITE, CODES_MANAGE, CODES_PRINT)

CATALOGUE = Catalogue(
    service="directory",
    permissions=(
        Permission(
            name=PLACES_WRITE,
            zh="新增、修改辖区内的地点（楼、单元、场所）",
            en="Add and change places (buildings, unit doors, sites) within your places",
        ),
        Permission(
            name=CODES_MANAGE,
            zh="签发、作废二维码",
            en="Issue and revoke QR codes",
            holders=("staff", "integration"),
        ),
        Permission(name=CODES_PRINT, zh="打印二维码张贴单", en="Print QR code posters"),
        Permission(
            name=CALENDAR_WRITE,
            zh="维护节假日与调休日历",
            en="Maintain the holiday and make-up workday calendar",
        ),
    ),
    bindings={
        "district_admin": (*_ADMIN, CALENDAR_WRITE),
        "street_admin": _ADMIN,
        "community_staff": _ADMIN,
        "building_captain": (CODES_PRINT,),
        "venue_staff": (CODES_MANAGE,),
        "parking_manager": (CODES_MANAGE,),
        "station_staff": (CODES_MANAGE, CODES_PRINT),  # the station's poster
    },
)
