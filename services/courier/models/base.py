"""The warm station's declarative base and its vocabularies, each written once: the Literal the
schemas use and the tuple the CHECK constraints use."""

from __future__ import annotations

from typing import Literal, get_args

from sqlalchemy import (
    BigInteger,
    Integer,
)
from sqlalchemy.orm import DeclarativeBase

from services.kit.db import new_metadata


class Base(DeclarativeBase):
    metadata = new_metadata()


# Each vocabulary once: the Literal the schemas use and the tuple the CHECK constraints use.
Platform = Literal["meituan", "eleme", "jd", "sf", "shansong", "other"]
PLATFORMS: tuple[str, ...] = get_args(Platform)
PLATFORM_NAMES = {
    "meituan": "美团",
    "eleme": "饿了么",
    "jd": "京东",
    "sf": "顺丰",
    "shansong": "闪送",
    "other": "其他",
}
VisitStatus = Literal["open", "closed", "auto_closed"]
VISIT_STATUSES: tuple[str, ...] = get_args(VisitStatus)
# What a courier used during a visit (the medicine kit's items come with supplies).
ServiceUsed = Literal["charging", "heating", "water"]
SERVICES_USED: tuple[str, ...] = get_args(ServiceUsed)
# How a visit began: the station's code on the courier's phone, or staff scanning a card.
VisitSource = Literal["code", "card"]
VISIT_SOURCES: tuple[str, ...] = get_args(VisitSource)
CardStatus = Literal["active", "revoked"]
CARD_STATUSES: tuple[str, ...] = get_args(CardStatus)

OPEN_VISIT = "status = 'open'"
PATH_LENGTH = 400
TOKEN_LENGTH = 40
SUBJECT_LENGTH = 64
# SQLite makes only an INTEGER PRIMARY KEY a rowid alias, which is what autoincrements.
EVENT_ID = BigInteger().with_variant(Integer(), "sqlite")
