"""Intake's request and response bodies (never ORM objects in responses)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.models import (
    DESCRIPTION_LENGTH,
    Priority,
    ReferralStatus,
    Status,
    WorkOrderStatus,
)

CODE_TOKEN = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")
CATEGORY = Field(min_length=1, max_length=20, pattern=r"^[a-z_]+$", examples=["small_ads"])
NOTE = Field(None, max_length=2000)


class CategoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name_zh: str
    name_en: str
    icon: str
    default_priority: Priority


class TicketSubmit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code_token: str = CODE_TOKEN
    category: str = CATEGORY
    description: str = Field(min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None
    reporter_name: str | None = Field(None, min_length=1, max_length=40)
    reporter_phone: str | None = Field(None, max_length=20, examples=["13800138000"])
    consent: bool = Field(
        False, description="Agreement to be called back; required when a phone is given"
    )
    photo_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=6,
        description="Up to 6 images uploaded first (POST /v1/media), in display order",
    )
    video_id: uuid.UUID | None = Field(None, description="One short video, uploaded first")


class Submitted(BaseModel):
    id: uuid.UUID
    number: str
    tracking_token: str = Field(description="Keep it: it is the only way to follow the report")
    status: Status
    due_respond_at: datetime


class SimilarTicket(BaseModel):
    """What a neighbour may see of someone else's report: nothing that names anyone."""

    id: uuid.UUID
    category: str
    excerpt: str = Field(max_length=60)
    status: Status
    created_at: datetime
    followers: int


class FollowIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code_token: str = Field(
        min_length=4,
        max_length=40,
        pattern=r"^[A-Za-z0-9]+$",
        description="A code of the same building, scanned by the follower",
    )


class Followed(BaseModel):
    number: str
    tracking_token: str = Field(description="The follower's own token for GET /v1/track/{token}")
    followers: int


class MyTicket(BaseModel):
    """One line of a signed-in resident's 我的反馈 (GET /v1/me/tickets)."""

    number: str
    category: str
    status: Status
    excerpt: str = Field(max_length=60)
    created_at: datetime
    updated_at: datetime
    tracking_token: str = Field(
        description="Opens GET /v1/track/{token}: the reporter's own token for their "
        "reports, their follower token for the ones they follow"
    )
    role: Literal["reporter", "follower"]


class ReporterContactOut(BaseModel):
    """The reporter's contact in clear, for the call-back (recorded on the trail)."""

    name: str | None
    phone: str | None


class TicketPhoto(BaseModel):
    """A photo or video of a ticket, behind signed links that expire (about an hour)."""

    id: uuid.UUID
    kind: Literal["image", "video"]
    purpose: Literal["report", "resolution", "evidence_before", "evidence_after", "progress"]
    url: str
    thumbnail_url: str | None = Field(description="None for a video")


class ActorDetail(BaseModel):
    """Who acted, as staff read it (kit.events); residents and contractors read the side."""

    actor_kind: str | None = Field(
        None, description="staff, contractor, client, resident, device or system"
    )
    actor_name: str | None = Field(None, description="The name the actor's token carried then")
    on_behalf_of: str | None = Field(None, description="The resident staff acted for")
    reason: str | None = Field(None, description="Why staff acted for the resident")
    internal_note: str | None = Field(None, description="The office's own note")


class EventOut(BaseModel):
    action: str
    from_status: Status | None
    to_status: Status
    actor: str
    note: str | None
    at: datetime
    detail: dict[str, object]
    photos: list[TicketPhoto] = Field(
        default_factory=list, description="Photos taken at this step (a resolution's)"
    )


class MergedInto(BaseModel):
    """A duplicate's reporter follows the ticket it was merged into, with this link."""

    number: str
    status: Status
    tracking_token: str = Field(description="A follower's token: shows progress, no actions")


class TrackedTicket(BaseModel):
    number: str
    category: str
    description: str
    status: Status
    priority: Priority
    place_code: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None
    rating: int | None
    reopen_count: int
    followers: int
    reporter_phone: str | None = Field(description="Masked: 138****1234")
    is_reporter: bool = Field(description="False for a follower's token: no rate or reopen")
    photos: list[TicketPhoto] = Field(
        description="The report's and the resolution's; none for a follower's token"
    )
    events: list[EventOut]
    merged_into: MergedInto | None = Field(
        None, description="For a report merged as a duplicate: the ticket to follow instead"
    )


class TicketSummary(BaseModel):
    id: uuid.UUID
    number: str
    category: str
    status: Status
    priority: Priority
    place_code: str
    excerpt: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
    overdue: bool
    assignee_kind: str | None
    assignee_ref: str | None
    followers: int = Field(0, description='Neighbours who said "+1 me too"')


# --- Contractors' work orders and referrals to enforcement (workorders.py, referrals.py)

PHOTOS_PER_STEP = 9


class StaffEventOut(EventOut, ActorDetail):
    """A step of the trail as staff see it."""


class WorkOrderEventOut(ActorDetail):
    action: str
    from_status: WorkOrderStatus | None
    to_status: WorkOrderStatus
    actor: str = Field(description="Contractors see the side only: 'staff' or 'contractor'")
    note: str | None
    at: datetime
    detail: dict[str, object]
    photos: list[TicketPhoto] = Field(default_factory=list, description="Taken at this step")


class WorkOrderBrief(BaseModel):
    """A work order as staff see it in the ticket's detail."""

    id: uuid.UUID
    number: str = Field(examples=["GYSNL-2026-000001-W1"])
    organisation_id: uuid.UUID
    organisation_name: str
    status: WorkOrderStatus
    instructions: str | None
    offered_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    started_at: datetime | None
    done_at: datetime | None
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    return_count: int
    events: list[WorkOrderEventOut]


class PlaceName(BaseModel):
    kind: str
    code: str
    name: str


class WorkOrderTicket(BaseModel):
    """What a contractor sees of the ticket: the problem and where, never who reported it."""

    number: str
    category: str
    description: str = Field(description="Long digit runs (phone numbers) blanked")
    priority: Priority
    status: Status
    place_code: str
    address: list[PlaceName] = Field(description="Community, building, unit door (top first)")
    created_at: datetime
    due_resolve_at: datetime
    photos: list[TicketPhoto] = Field(description="The report's photos and video")


class WorkOrderSummary(BaseModel):
    id: uuid.UUID
    number: str
    status: WorkOrderStatus
    organisation_name: str
    ticket_number: str
    category: str
    priority: Priority
    place_code: str
    excerpt: str
    offered_at: datetime
    due_resolve_at: datetime
    updated_at: datetime


class WorkOrderOut(BaseModel):
    id: uuid.UUID
    number: str
    status: WorkOrderStatus
    organisation_id: uuid.UUID
    organisation_name: str
    instructions: str | None
    offered_at: datetime
    accepted_at: datetime | None
    declined_at: datetime | None
    started_at: datetime | None
    done_at: datetime | None
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    return_count: int
    ticket: WorkOrderTicket
    events: list[WorkOrderEventOut]
    allowed_actions: list[str] = Field(
        default_factory=list, description="What the caller may do to the order now"
    )


class WorkNote(BaseModel):
    """Accepting or confirming, with an optional word."""

    model_config = ConfigDict(extra="forbid")

    note: str | None = NOTE


class Progress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000)
    photo_ids: list[uuid.UUID] = Field(default_factory=list, max_length=PHOTOS_PER_STEP)


class Done(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000, description="What was found and done")
    before_photo_ids: list[uuid.UUID] = Field(default_factory=list, max_length=PHOTOS_PER_STEP)
    after_photo_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=PHOTOS_PER_STEP,
        description="At least one: the evidence that the work is done",
    )


class ReferralIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agency: str = Field(min_length=1, max_length=100, examples=["观音寺街道综合执法队"])
    note: str | None = NOTE
    media_ids: list[uuid.UUID] | None = Field(
        None,
        max_length=30,
        description="Which of the ticket's photos and videos to send; default: the report's "
        "and the contractors' evidence",
    )


class PackageTimes(BaseModel):
    reported_at: datetime
    acknowledged_at: datetime | None
    assigned_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    escalated_at: datetime | None
    due_respond_at: datetime
    due_resolve_at: datetime


class PackageFinding(BaseModel):
    """A contractor's findings: the note it marked its work order done with."""

    work_order: str
    organisation: str
    status: WorkOrderStatus
    note: str
    done_at: datetime
    before_media_ids: list[uuid.UUID]
    after_media_ids: list[uuid.UUID]


class PackageMedia(BaseModel):
    id: uuid.UUID
    kind: Literal["image", "video"]
    purpose: str


class ReferralPackage(BaseModel):
    """The snapshot sent to the agency: what, where, when, the findings, the evidence. Never
    the reporter's name or phone."""

    ticket_number: str
    category: str
    description: str = Field(description="Long digit runs (phone numbers) blanked")
    priority: Priority
    place_code: str
    address: list[PlaceName] = Field(description="From the district down to the unit door")
    times: PackageTimes
    findings: list[PackageFinding]
    media: list[PackageMedia]
    prepared_at: datetime


class ReferralSummary(BaseModel):
    id: uuid.UUID
    number: str = Field(examples=["GYSNL-2026-000001-R1"])
    ticket_number: str
    agency: str
    status: ReferralStatus
    agency_reference: str | None
    sent_at: datetime
    updated_at: datetime


class ReferralOut(ReferralSummary):
    ticket_id: uuid.UUID
    note: str | None
    outcome: str | None
    package: ReferralPackage
    photos: list[TicketPhoto] = Field(
        description="The package's media still stored, behind signed links that expire"
    )


class ReferralAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["received", "accepted", "declined", "concluded"]
    agency_reference: str | None = Field(
        None, min_length=1, max_length=64, description="The agency's own case number"
    )
    outcome: str | None = Field(
        None, max_length=2000, description="Required when declining or concluding"
    )


HandlerKind = Literal["team", "contractor"]


class SuggestedHandler(BaseModel):
    """A category's default handler at the ticket's place when it was filed: a suggestion
    that pre-fills the assign dialog, never an assignment."""

    kind: HandlerKind
    ref: str = Field(description="The team's name, or the organisation's id (identity)")
    name: str


class TicketDetail(TicketSummary):
    description: str
    source: str
    community_code: str
    place_path: str
    reporter_name: str | None = Field(description="Masked")
    reporter_phone: str | None = Field(description="Masked")
    acknowledged_at: datetime | None
    assigned_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    rated_at: datetime | None
    escalated_at: datetime | None
    reopen_count: int
    rating: int | None
    rating_comment: str | None
    duplicate_of_id: uuid.UUID | None
    followers: int
    photos: list[TicketPhoto]
    events: list[StaffEventOut]
    allowed_actions: list[str] = Field(
        default_factory=list, description="The moves the caller may make on the ticket now"
    )
    work_orders: list[WorkOrderBrief] = Field(
        default_factory=list, description="Contractors' orders on it, the open one last"
    )
    referrals: list[ReferralSummary] = Field(
        default_factory=list, description="Evidence packages sent to enforcement"
    )
    suggested_handler: SuggestedHandler | None = Field(
        None, description="The category's default handler here, to pre-fill the assign dialog"
    )


class Acknowledge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["reached", "not_reached", "anonymous"]
    note: str | None = NOTE


class Assign(BaseModel):
    model_config = ConfigDict(extra="forbid")

    assignee_kind: Literal["staff", "team", "contractor"]
    assignee_ref: str = Field(
        min_length=1, max_length=64, description="A staff subject, a team, or an organisation id"
    )
    note: str | None = NOTE
    instructions: str | None = Field(
        None, max_length=2000, description="For a contractor: what the work order asks"
    )


class Resolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000)
    photo_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=9, description="Images of the fix, uploaded first"
    )


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000)


class Escalate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: Literal["street", "city_hotline"]
    note: str = Field(min_length=1, max_length=2000)


class Duplicate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    duplicate_of: uuid.UUID
    note: str | None = NOTE


class Rate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rating: int = Field(ge=1, le=5)
    comment: str | None = Field(None, max_length=500)


# --- Cases pushed by the 12345 hotline's system (services/intake/hotline.py)


class HotlineCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_id: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$",
        examples=["BJ12345-20260302-000123"],
        description="The hotline's case number: a second push of it answers the same ticket",
    )
    place_code: str = Field(
        min_length=1,
        max_length=32,
        pattern=r"^[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}$",
        examples=["TGYZL-03-2"],
        description="A unit door, building or community code",
    )
    category: str = CATEGORY
    description: str = Field(min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None
    reporter_name: str | None = Field(None, min_length=1, max_length=40)
    reporter_phone: str | None = Field(
        None,
        max_length=20,
        examples=["13800138000"],
        description="The caller's mobile for the call-back (given to the hotline for that)",
    )
    received_at: AwareDatetime | None = Field(
        None, description="When the hotline took the call (kept on the ticket's trail)"
    )


class HotlineTicket(BaseModel):
    id: uuid.UUID
    number: str
    external_id: str
    status: Status
    category: str
    priority: Priority
    place_code: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime


# --- Statistics, hotspots and proactive tasks (services/intake/statistics.py, hotspots.py)

PLACE_CODE = Field(
    min_length=1, max_length=32, pattern=r"^[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}$"
)


class PlaceOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: str


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


class BuildingHotspot(BaseModel):
    building_id: uuid.UUID
    building_code: str | None
    building_name: str | None
    community_code: str
    category: str
    count: int
    open: int = Field(description="Of them, still open")
    latest: datetime
    numbers: list[str] = Field(description="The latest ticket numbers (a sample)")


class RisingCategory(BaseModel):
    community_id: uuid.UUID
    community_code: str
    category: str
    count: int = Field(description="In the last `days` days")
    previous: int = Field(description="In the `days` days before those")
    ratio: float | None = Field(description="count / previous; null when previous is 0")


class Hotspots(BaseModel):
    place: PlaceOut | None
    days: int
    min_count: int
    since: datetime
    buildings: list[BuildingHotspot]
    rising: list[RisingCategory]


class ProactiveTask(BaseModel):
    """未诉先办: a task staff file at a hotspot before the next complaint comes."""

    model_config = ConfigDict(extra="forbid")

    place_code: str = PLACE_CODE
    category: str = CATEGORY
    description: str | None = Field(None, min_length=1, max_length=DESCRIPTION_LENGTH)
    priority: Priority | None = None


# --- Categories per street office (services/intake/categories.py)


class HandlerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: HandlerKind
    ref: str = Field(
        min_length=1,
        max_length=64,
        description="A team's name, or a contractor organisation's id (identity)",
    )
    name: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="A team's display name (default: its ref); a contractor's is identity's",
    )


class CategorySettingIn(BaseModel):
    """The place's own values for a category. Only the fields given change; a field given as
    null is inherited again (from the district, else the category)."""

    model_config = ConfigDict(extra="forbid")

    active: bool | None = Field(None, description="false: residents here cannot report it")
    default_priority: Priority | None = None
    default_handler: HandlerIn | None = Field(
        None, description="Suggested to staff when they assign a new ticket"
    )
    deadline_minutes: dict[Priority, tuple[int, int]] | None = Field(
        None,
        description="Per priority, [respond within, resolve within] in minutes; priorities "
        "left out are inherited",
        examples=[{"urgent": [30, 120]}],
    )


class SettingSource(BaseModel):
    origin: Literal["here", "inherited", "default"] = Field(
        description="Set at this place, inherited from a place above, or the category's own "
        "(deadlines: DOMAIN.md's table)"
    )
    place_id: uuid.UUID | None = Field(description="The place whose setting gives the value")


class DeadlineOut(BaseModel):
    priority: Priority
    respond_minutes: int
    resolve_minutes: int
    source: SettingSource


class CategorySettingOut(BaseModel):
    """A category as tickets at the place get it, and where each value comes from."""

    category: str
    name_zh: str
    name_en: str
    icon: str
    set_here: bool = Field(description="The place has values of its own (DELETE removes them)")
    active: bool
    active_source: SettingSource
    default_priority: Priority
    default_priority_source: SettingSource
    default_handler: SuggestedHandler | None
    default_handler_source: SettingSource
    deadlines: list[DeadlineOut] = Field(description="Every priority, urgent first")
    updated_at: datetime | None = Field(description="When this place's values last changed")
    updated_by: str | None


class CategorySettingsOut(BaseModel):
    place: PlaceOut
    items: list[CategorySettingOut] = Field(description="Every category, in display order")


# --- Webhook subscriptions (webhooks.py)

WebhookTopic = Literal["ticket.created", "ticket.status_changed"]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["天宫院街道 12345 对接"])
    url: str = Field(
        max_length=500, pattern=r"^https?://[^\s]+$", examples=["https://office.example/hooks"]
    )
    place_id: uuid.UUID = Field(description="The directory place covered (with all below it)")
    topics: list[WebhookTopic] = Field(min_length=1, max_length=2)


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    url: str
    scope_place_id: uuid.UUID
    scope_path: str
    topics: list[str]
    created_at: datetime
    created_by: str


class WebhookCreated(WebhookOut):
    secret: str = Field(description="The signing secret: shown only now, keep it safe")
