/** Courier's shapes (services/courier/schemas/), from its generated OpenAPI types. */

import type { components } from './schema'

type Schemas = components['schemas']

// The courier's phone (pages/courier/resident/, api/courier/resident.ts).
export type StationOut = Schemas['StationOut']
export type DayHours = Schemas['DayHours']
export type VisitOut = Schemas['VisitOut']
export type MyVisit = Schemas['MyVisit']
export type CheckedIn = Schemas['CheckedIn']
export type ServiceUsed = VisitOut['services'][number]
export type KitItem = Schemas['KitItem']
export type SupplyUseOut = Schemas['SupplyUseOut']
export type CourierIn = Schemas['CourierIn']
export type CourierProfile = Schemas['CourierProfile']
export type CardOut = Schemas['CardOut']
/** An upload's answer (POST /courier/v1/media): my photo before the profile names it. */
export type MediaOut = Schemas['MediaOut']
export type Platform = CourierIn['platform']
export type ActivityOut = Schemas['ActivityOut']
export type ActivityKind = ActivityOut['kind']
export type MyVolunteering = Schemas['MyVolunteering']
export type VolunteeringItem = Schemas['VolunteeringItem']

// The desk console (pages/courier/console/, api/courier/console.ts); the shapes above too.
export type LiveStation = Schemas['LiveStation']
export type PresentCourier = Schemas['PresentCourier']
export type ScannedCourier = Schemas['ScannedCourier']
export type VisitRow = Schemas['VisitRow']
export type VisitDetail = Schemas['VisitDetail']
export type VisitStatus = VisitOut['status']
export type SupplyItemOut = Schemas['SupplyItemOut']
export type SupplyItemIn = Schemas['SupplyItemIn']
export type SupplyKind = SupplyItemOut['kind']
export type RestockIn = Schemas['RestockIn']
export type SupplyAlertOut = Schemas['SupplyAlertOut']
export type SupplyCondition = SupplyAlertOut['condition']
export type ActivityIn = Schemas['ActivityIn']
export type ActivityUpdate = Schemas['ActivityUpdate']
export type ManagedActivity = Schemas['ManagedActivity']
export type SignupRow = Schemas['SignupRow']
export type RecognitionIn = Schemas['RecognitionIn']
export type RecognitionOut = Schemas['RecognitionOut']
export type RecognitionCategory = RecognitionOut['category']
export type CourierStatistics = Schemas['CourierStatistics']
