/** Intake's shapes (services/intake/schemas/), from its generated OpenAPI types. */

import type { components, operations } from './schema'

type Schemas = components['schemas']

export type CategoryOut = Schemas['CategoryOut']
export type TicketSummary = Schemas['TicketSummary']
/** The inbox's orders (services/intake/inbox.py). */
export type InboxSort = NonNullable<NonNullable<operations['inbox_v1_tickets_get']['parameters']['query']>['sort']>
export type TicketDetail = Schemas['TicketDetail']
export type TicketEventOut = Schemas['EventOut']
export type StaffTicketEventOut = Schemas['StaffEventOut']
export type TicketPhoto = Schemas['TicketPhoto']
export type MediaOut = Schemas['MediaOut']
export type WorkOrderOut = Schemas['WorkOrderOut']
/** A work order as a ticket's detail lists it. */
export type WorkOrderBrief = Schemas['WorkOrderBrief']
export type WorkOrderEventOut = Schemas['WorkOrderEventOut']
export type ReferralSummary = Schemas['ReferralSummary']
export type SuggestedHandler = Schemas['SuggestedHandler']

export type TicketStatus = TicketSummary['status']
export type TicketPriority = TicketSummary['priority']
export type TicketSource = TicketDetail['source']
export type AssigneeKind = Schemas['Assign']['assignee_kind']
export type WorkOrderStatus = WorkOrderOut['status']
export type ReferralStatus = ReferralSummary['status']

// Categories as a street office (or the district) has them (category-settings).
export type SettingSource = Schemas['SettingSource']
export type SettingOrigin = SettingSource['origin']
export type CategoryHandler = SuggestedHandler
export type HandlerKind = CategoryHandler['kind']
export type CategoryDeadline = Schemas['DeadlineOut']
export type CategorySettingOut = Schemas['CategorySettingOut']
export type CategorySettingsOut = Schemas['CategorySettingsOut']
/** Only the fields given change; a field given as null is inherited again. */
export type CategorySettingIn = Schemas['CategorySettingIn']

// Webhook subscriptions: ticket events pushed, signed, to a street office's own system.
export type WebhookIn = Schemas['WebhookCreate']
export type WebhookOut = Schemas['WebhookOut']
/** The answer to a creation: the signing secret, shown this once. */
export type WebhookCreated = Schemas['WebhookCreated']
export type WebhookTopic = WebhookIn['topics'][number]

// The resident's side (routes/public.py, routes/mine.py).
export type SimilarTicket = Schemas['SimilarTicket']
export type TicketSubmitIn = Schemas['TicketSubmit']
export type Submitted = Schemas['Submitted']
export type Followed = Schemas['Followed']
export type MyTicket = Schemas['MyTicket']
export type TrackedTicket = Schemas['TrackedTicket']
export type TrackedPlace = Schemas['TrackedPlace']

// Staff moves, statistics and hotspots.
export type AssignIn = Schemas['Assign']
export type CallOutcome = Schemas['Acknowledge']['outcome']
export type EscalationLevel = Schemas['Escalate']['level']
export type ReporterContact = Schemas['ReporterContactOut']
export type Ratio = Schemas['Ratio']
export type ThreeRates = Schemas['ThreeRates']
export type WeekTrend = Schemas['WeekTrend']
export type CommunityFigures = Schemas['CommunityFigures']
export type StatsPlace = Schemas['PlaceOut']
export type Statistics = Schemas['Statistics']
export type BuildingHotspot = Schemas['BuildingHotspot']
export type RisingCategory = Schemas['RisingCategory']
export type Hotspots = Schemas['Hotspots']
export type HotspotTaskIn = Schemas['ProactiveTask']
