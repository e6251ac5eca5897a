/** The shapes the services answer with (each service's schemas.py), as the pages use them. */

export type PlaceKind =
  | 'district'
  | 'street'
  | 'community'
  | 'building'
  | 'unit'
  | 'venue'
  | 'station'
  | 'parking_area'

export type CodeKind =
  | 'unit'
  | 'building'
  | 'notice_board'
  | 'venue'
  | 'room'
  | 'station'
  | 'parking_area'

export interface Page<T> {
  items: T[]
  total: number
}

export interface PlaceSummary {
  id: string
  code: string
  name: string
  kind: PlaceKind
  path: string
}

export interface PlaceOut extends PlaceSummary {
  parent_id: string | null
  position: number
  address: string | null
  latitude: number | null
  longitude: number | null
  phone: string | null
}

export interface PlaceDetail extends PlaceOut {
  ancestors: PlaceSummary[]
}

export interface Chain {
  unit?: PlaceSummary | null
  building?: PlaceSummary | null
  community?: PlaceSummary | null
  street?: PlaceSummary | null
  district?: PlaceSummary | null
}

export interface CodeTarget {
  service: string
  id: string
}

export interface ResolvedCode {
  token: string
  kind: CodeKind
  target: CodeTarget | null
  place: PlaceSummary
  chain: Chain
  path: string
  contact_phone: string | null
}

export interface CodeOut {
  id: string
  token: string
  kind: CodeKind
  place_id: string
  target: CodeTarget | null
  status: 'active' | 'revoked'
  url: string
  issued_at: string
  issued_by: string
  revoked_at: string | null
  revoked_by: string | null
  replaces_id: string | null
}

export interface TokenOut {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  refresh_token: string | null
}

export interface GrantClaim {
  role: string
  place_id: string
  path: string
  perms: string[]
}

export interface MeOut {
  subject: string
  kind: string
  name: string | null
  phone: string | null
  grants: GrantClaim[]
}

export interface GrantOut {
  id: string
  role: string
  place_id: string
  place_path: string
  place_name: string
  granted_at: string
  granted_by: string
}

export interface StaffOut {
  id: string
  username: string
  display_name: string
  organisation_id: string | null
  phone: string | null
  on_duty: boolean
  disabled: boolean
  grants: GrantOut[]
}

export interface StaffCreate {
  username: string
  display_name: string
  password: string
  phone?: string | null
  organisation_id?: string | null
}

export interface RoleOut {
  name: string
  title_zh: string
  title_en: string
  place_kinds: string[]
  permissions: string[]
}

export type OrganisationKind = 'contractor' | 'property_company' | 'partner'

export interface OrganisationOut {
  id: string
  name: string
  kind: OrganisationKind
  created_at: string
}

export type ApiClientKind = 'integration' | 'device'

export interface ApiClientOut {
  id: string
  name: string
  kind: ApiClientKind
  organisation_id: string | null
  key_prefix: string
  scopes: string[]
  places: { place_id: string; name: string }[]
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface ApiClientCreated extends ApiClientOut {
  api_key: string
}

export interface ApiClientIn {
  name: string
  kind: ApiClientKind
  organisation_id: string | null
  scopes: string[]
  place_ids: string[]
}

export interface AdminEventOut {
  actor: string
  action: string
  target_kind: string
  target_id: string
  detail: Record<string, unknown>
  at: string
}

// Intake (services/intake/schemas.py).

export type TicketStatus =
  | 'submitted'
  | 'acknowledged'
  | 'assigned'
  | 'in_progress'
  | 'resolved'
  | 'closed'
  | 'rejected'
  | 'duplicate'
  | 'escalated'

export type TicketPriority = 'urgent' | 'utility' | 'normal' | 'complex'
export type TicketSource = 'qr' | 'patrol' | 'hotline' | 'contractor' | 'staff'
export type AssigneeKind = 'staff' | 'team' | 'contractor'

export interface CategoryOut {
  code: string
  name_zh: string
  name_en: string
  icon: string
  default_priority: TicketPriority
}

/** Who acted, as staff read it (services/kit/events.py); residents and contractors read the side only. */
export interface ActorDetail {
  /** staff, contractor, client, resident, device or system */
  actor_kind?: string | null
  /** The name the actor's token carried then. */
  actor_name?: string | null
  /** The resident staff acted for, and why. */
  on_behalf_of?: string | null
  reason?: string | null
  internal_note?: string | null
}

export interface TicketEventOut extends ActorDetail {
  action: string
  from_status: TicketStatus | null
  to_status: TicketStatus
  /** "staff:<uuid>", "client:<uuid>", "resident:<uuid>", "reporter" or "system"; the side only on public pages. */
  actor: string
  note: string | null
  at: string
  detail: Record<string, unknown>
  /** Photos taken at this step (a resolution's). */
  photos?: TicketPhoto[]
}

export interface TicketPhoto {
  id: string
  kind: 'image' | 'video'
  purpose: string
  url: string
  thumbnail_url: string | null
}

export interface MediaOut {
  id: string
  kind: 'image' | 'video'
  content_type: string
  byte_size: number
  width: number | null
  height: number | null
  url: string
  thumbnail_url: string | null
  expires_at: string
}

export interface TicketSummary {
  id: string
  number: string
  category: string
  status: TicketStatus
  priority: TicketPriority
  place_code: string
  excerpt: string
  created_at: string
  due_respond_at: string
  due_resolve_at: string
  overdue: boolean
  assignee_kind: AssigneeKind | null
  assignee_ref: string | null
  followers?: number
}

export type WorkOrderStatus = 'offered' | 'accepted' | 'declined' | 'in_progress' | 'done' | 'confirmed' | 'cancelled'

export interface WorkOrderOut {
  id: string
  number: string
  organisation_id: string
  organisation_name: string
  status: WorkOrderStatus
  instructions?: string | null
  offered_at: string
  done_at?: string | null
  return_count?: number
  events?: WorkOrderEventOut[]
  /** The moves the caller may make on the order now (its detail only). */
  allowed_actions?: string[]
}

export interface WorkOrderEventOut extends ActorDetail {
  action: string
  from_status: WorkOrderStatus | null
  to_status: WorkOrderStatus
  actor: string
  note: string | null
  at: string
  detail: Record<string, unknown>
  photos?: TicketPhoto[]
}

export interface TicketDetail extends TicketSummary {
  description: string
  source: TicketSource
  community_code: string
  place_path: string
  reporter_name: string | null
  reporter_phone: string | null
  acknowledged_at: string | null
  assigned_at: string | null
  resolved_at: string | null
  closed_at: string | null
  rated_at: string | null
  escalated_at: string | null
  reopen_count: number
  rating: number | null
  rating_comment: string | null
  duplicate_of_id: string | null
  followers: number
  events: TicketEventOut[]
  /** The moves the signed-in caller may make now, computed by intake (services/kit/machine.py). */
  allowed_actions: string[]
  /** Added by the media and work-order parts of intake; absent before they land. */
  photos?: TicketPhoto[]
  work_orders?: WorkOrderOut[]
  referrals?: ReferralSummary[]
  /** The category's default handler at this street office, to pre-fill 派单. */
  suggested_handler?: { kind: 'team' | 'contractor'; ref: string; name: string | null } | null
}

/** A referral to the enforcement office (城管), as the ticket page lists it. */
export type ReferralStatus = 'sent' | 'received' | 'accepted' | 'declined' | 'concluded'
export interface ReferralSummary {
  id: string
  number: string
  ticket_number: string
  agency: string
  status: ReferralStatus
  agency_reference: string | null
  sent_at: string
  updated_at: string
}

/** Categories as a street office (or the district) has them (intake's category-settings). */
export type SettingOrigin = 'here' | 'inherited' | 'default'
export interface SettingSource {
  origin: SettingOrigin
  /** The place whose setting gives the value; null for the category's own default. */
  place_id: string | null
}
export type HandlerKind = 'team' | 'contractor'
export interface CategoryHandler {
  kind: HandlerKind
  /** A team's name, or a contractor organisation's id. */
  ref: string
  name: string
}
export interface CategoryDeadline {
  priority: TicketPriority
  respond_minutes: number
  resolve_minutes: number
  source: SettingSource
}
export interface CategorySettingOut {
  category: string
  name_zh: string
  name_en: string
  icon: string
  set_here: boolean
  active: boolean
  active_source: SettingSource
  default_priority: TicketPriority
  default_priority_source: SettingSource
  default_handler: CategoryHandler | null
  default_handler_source: SettingSource
  /** Every priority, urgent first. */
  deadlines: CategoryDeadline[]
  updated_at: string | null
  updated_by: string | null
}
export interface CategorySettingsOut {
  place: { id: string; code: string; name: string; kind: string }
  items: CategorySettingOut[]
}
/** Only the fields given change; a field given as null is inherited again. */
export interface CategorySettingIn {
  active?: boolean | null
  default_priority?: TicketPriority | null
  default_handler?: { kind: HandlerKind; ref: string; name?: string | null } | null
  /** Per priority, [respond within, resolve within] in minutes; the place's whole own set. */
  deadline_minutes?: Partial<Record<TicketPriority, [number, number]>> | null
}

// Webhook subscriptions (services/intake/routes/webhooks.py): ticket events pushed, signed,
// to a street office's own system.
export type WebhookTopic = 'ticket.created' | 'ticket.status_changed'
export interface WebhookIn {
  name: string
  url: string
  /** The place covered, with every place below it. */
  place_id: string
  topics: WebhookTopic[]
}
export interface WebhookOut {
  id: string
  name: string
  url: string
  scope_place_id: string
  scope_path: string
  topics: WebhookTopic[]
  created_at: string
  created_by: string
}
/** The answer to a creation: the signing secret, shown this once. */
export interface WebhookCreated extends WebhookOut {
  secret: string
}
