/** The warm station's shapes (services/courier/schemas/), from its generated OpenAPI types. */

import type { components } from './schema'

type Schemas = components['schemas']

// ---- the desk console (courier-desk) ----
export type StationOut = Schemas['StationOut']
export type LiveStation = Schemas['LiveStation']
export type PresentCourier = Schemas['PresentCourier']
export type ScannedCourier = Schemas['ScannedCourier']
export type CheckedIn = Schemas['CheckedIn']
export type VisitOut = Schemas['VisitOut']
export type VisitRow = Schemas['VisitRow']
export type VisitDetail = Schemas['VisitDetail']
export type VisitStatus = VisitOut['status']
export type ServiceUsed = VisitOut['services'][number]
export type Platform = Schemas['PresentCourier']['platform']
export type SupplyItemOut = Schemas['SupplyItemOut']
export type SupplyItemIn = Schemas['SupplyItemIn']
export type SupplyKind = SupplyItemOut['kind']
export type RestockIn = Schemas['RestockIn']
export type SupplyAlertOut = Schemas['SupplyAlertOut']
export type SupplyCondition = SupplyAlertOut['condition']
export type SupplyUseOut = Schemas['SupplyUseOut']
export type ActivityIn = Schemas['ActivityIn']
export type ActivityUpdate = Schemas['ActivityUpdate']
export type ActivityOut = Schemas['ActivityOut']
export type ActivityKind = ActivityOut['kind']
export type ManagedActivity = Schemas['ManagedActivity']
export type SignupRow = Schemas['SignupRow']
export type RecognitionIn = Schemas['RecognitionIn']
export type RecognitionOut = Schemas['RecognitionOut']
export type RecognitionCategory = RecognitionOut['category']
export type CourierStatistics = Schemas['CourierStatistics']
// ---- end of the desk console's block ----
