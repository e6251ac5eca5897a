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
export type Platform = CourierIn['platform']
export type ActivityOut = Schemas['ActivityOut']
export type ActivityKind = ActivityOut['kind']
export type MyVolunteering = Schemas['MyVolunteering']
export type VolunteeringItem = Schemas['VolunteeringItem']
