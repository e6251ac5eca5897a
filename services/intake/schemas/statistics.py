"""Statistics: counts, the three rates, trends, per community (services/intake/statistics.py)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from services.intake.schemas.common import PlaceOut


class Ratio(BaseModel):
    rate: float | None = Field(description="n / d, rounded to 4 places; null when d is 0")
    n: int
    d: int


class ResponseRate(BaseModel):
    rate: float | None = Field(description="on_time / due; null when due is 0")
    on_time: int
    due: int


class ResolutionRate(BaseModel):
    rate: float | None = Field(description="resolved_not_reopened / finished")
    resolved_not_reopened: int
    finished: int


class SatisfactionRate(BaseModel):
    rate: float | None = Field(description="satisfied (4-5) / rated")
    satisfied: int
    rated: int


class ThreeRates(BaseModel):
    response: ResponseRate
    resolution: ResolutionRate
    satisfaction: SatisfactionRate


class TicketCounts(BaseModel):
    """Tickets reported in the period, by their status now and by what they were filed as."""

    total: int
    by_status: dict[str, int]
    by_category: dict[str, int]
    by_source: dict[str, int]
    by_priority: dict[str, int]


class MedianMinutes(BaseModel):
    acknowledge: float | None
    resolve: float | None


class OverdueNow(BaseModel):
    respond: int = Field(description="Still submitted past the response deadline")
    resolve: int = Field(description="Still open past the resolution deadline")
    as_of: datetime


class WeekTrend(BaseModel):
    week: str = Field(examples=["2026-W10"], description="ISO week, Beijing time")
    starts_on: date
    reported: int
    resolved: int
    response_due: int
    responded_on_time: int
    rated: int
    satisfied: int


class CommunityFigures(BaseModel):
    community_code: str
    total: int = Field(description="Reported in the period")
    rates: ThreeRates
    never_escalated_share: Ratio
    hotline_share: Ratio
    reopen_rate: Ratio


class Statistics(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    place: PlaceOut | None = Field(description="Null: the whole tree")
    from_: date = Field(alias="from", description="First Beijing day of the period")
    to: date = Field(description="Last Beijing day of the period (inclusive)")
    counts: TicketCounts
    rates: ThreeRates
    never_escalated_share: Ratio = Field(description="Settled in the community, not escalated")
    median_minutes: MedianMinutes
    overdue: OverdueNow
    hotline_share: Ratio
    reopen_rate: Ratio
    weekly: list[WeekTrend]
    by_community: list[CommunityFigures]
