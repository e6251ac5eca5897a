"""Tickets: a resident's report, "+1 me too", tracking and 我的反馈 (tickets.py, mine.py);
the staff inbox, a ticket's detail and the moves staff make (routes/staff.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.intake.models import DESCRIPTION_LENGTH, Priority, Status
from services.intake.schemas.categories import SuggestedHandler
from services.intake.schemas.common import CATEGORY, NOTE, ActorDetail, TicketPhoto
from services.intake.schemas.referrals import ReferralSummary
from services.intake.schemas.workorders import WorkOrderBrief

CODE_TOKEN = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9]+$")


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
    upload_keys: dict[uuid.UUID, Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=dict,
        max_length=7,
        description="Each named upload's `upload_key`, as the upload's answer gave it: "
        "required for uploads made without signing in (no one else can attach them)",
    )


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
    # "unit": filed at the neighbour's own unit door (本单元); "building": another unit of
    # the same building. Offered in that order.
    where: Literal["unit", "building"]


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


class TrackedPlace(BaseModel):
    """Where a tracked report is and whom to call: what leads a resident home from a link
    opened on its own. Names and the office's phone only: no staff, no other residents."""

    place_code: str
    community: str | None
    building: str | None
    unit: str | None
    office_phone: str | None = Field(description="The community office's phone (tel: link)")
    hub_token: str | None = Field(
        description="The door code this link's holder scanned (their building's hub,"
        " /q/<token>): the reporter's for the reporter's link, the follower's own door for a"
        " follower's; null where none was scanned (a hotline or Open311 report)"
    )


class TicketSummary(BaseModel):
    id: uuid.UUID
    number: str
    category: str
    status: Status
    priority: Priority
    place_code: str
    place_name: str | None = Field(
        None, description="The place as staff name it (3号楼 2单元); in the inbox only"
    )
    excerpt: str
    created_at: datetime
    due_respond_at: datetime
    due_resolve_at: datetime
    overdue: bool
    assignee_kind: str | None
    assignee_ref: str | None
    followers: int = Field(0, description='Neighbours who said "+1 me too"')


class StaffEventOut(EventOut, ActorDetail):
    """A step of the trail as staff see it."""


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

    outcome: Literal["reached", "not_reached", "anonymous"] = Field(
        description="The call-back's outcome, chosen by whoever called: nothing is assumed"
        " (anonymous: a report without a phone, read)"
    )
    note: str | None = Field(
        None, max_length=2000, description="A reply the resident reads on their tracking page"
    )
    internal_note: str | None = Field(
        None, max_length=2000, description="For staff only: never shown to the resident"
    )


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
