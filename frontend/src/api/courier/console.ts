/**
 * The warm station for staff (the console): stations, the live view, cards scanned or typed,
 * check-in by card and check-out, visits, the kit and its alerts, activities, sign-ups,
 * volunteer hours and the recognition list. Every call carries the staff bearer token.
 */

import { dispositionFilename, reasonHeader, type ExportFormat } from '../intake/staff'
import { enc, http, staff } from '../http'
import type { Page } from '../types'
import type {
  ActivityIn,
  ActivityOut,
  ActivityKind,
  ActivityUpdate,
  CourierStatistics,
  CheckedIn,
  LiveStation,
  ManagedActivity,
  RecognitionIn,
  RecognitionOut,
  RestockIn,
  ScannedCourier,
  ServiceUsed,
  SignupRow,
  StationOut,
  SupplyAlertOut,
  SupplyItemIn,
  SupplyItemOut,
  VisitDetail,
  VisitOut,
  VisitRow,
  VisitStatus,
} from './types'

const base = '/courier/v1'
const station = (id: string) => `${base}/stations/${enc(id)}`

export interface VisitFilters {
  status?: VisitStatus | null
  /** Beijing days, inclusive (the day a visit started). */
  from?: string | null
  to?: string | null
}

export interface ManagedFilters {
  kind?: ActivityKind | null
  unconfirmed?: boolean
  upcoming?: boolean
}

export const courierDesk = {
  stations: () => http.get<StationOut[]>(`${base}/stations`),
  live: (stationId: string) => http.get<LiveStation>(`${station(stationId)}/live`, staff),

  /** A card by its QR payload, token or short code (a revoked one: 410 card_revoked). */
  scanCard: (stationId: string, card: string) =>
    http.get<ScannedCourier>(`${station(stationId)}/cards/${enc(card)}`, staff),
  /** With an Idempotency-Key: a retry on a weak network never checks in twice. */
  checkInByCard: (stationId: string, card: string, services: ServiceUsed[], key: string) =>
    http.post<CheckedIn>(`${station(stationId)}/visits`, { card, services }, { ...staff, headers: { 'Idempotency-Key': key } }),
  checkOut: (stationId: string, visitId: string) =>
    http.post<VisitOut>(`${station(stationId)}/visits/${enc(visitId)}/checkout`, {}, staff),

  visits: (stationId: string | null, filters: VisitFilters, offset: number, limit: number) =>
    http.get<Page<VisitRow>>(`${base}/visits`, {
      ...staff,
      query: { station_id: stationId, status: filters.status, from: filters.from, to: filters.to, offset, limit },
    }),
  visit: (stationId: string, visitId: string) =>
    http.get<VisitDetail>(`${station(stationId)}/visits/${enc(visitId)}`, staff),

  supplies: (stationId: string) => http.get<SupplyItemOut[]>(`${station(stationId)}/supplies`, staff),
  addItem: (stationId: string, item: SupplyItemIn) => http.post<SupplyItemOut>(`${station(stationId)}/supplies`, item, staff),
  restock: (stationId: string, itemId: string, data: RestockIn) =>
    http.post<SupplyItemOut>(`${station(stationId)}/supplies/${enc(itemId)}/restocks`, data, staff),
  alerts: (stationId: string, offset = 0, limit = 20) =>
    http.get<Page<SupplyAlertOut>>(`${station(stationId)}/supply-alerts`, { ...staff, query: { offset, limit } }),

  activities: (filters: ManagedFilters, offset = 0, limit = 20) =>
    http.get<Page<ManagedActivity>>(`${base}/activities/managed`, {
      ...staff,
      query: { kind: filters.kind, unconfirmed: filters.unconfirmed || undefined, upcoming: filters.upcoming || undefined, offset, limit },
    }),
  activity: (id: string) => http.get<ActivityOut>(`${base}/activities/${enc(id)}`, staff),
  createActivity: (data: ActivityIn) => http.post<ActivityOut>(`${base}/activities`, data, staff),
  changeActivity: (id: string, data: ActivityUpdate) =>
    http.patch<ActivityOut>(`${base}/activities/${enc(id)}`, data, staff),
  cancelActivity: (id: string) => http.post<ActivityOut>(`${base}/activities/${enc(id)}/cancel`, {}, staff),
  signups: (id: string) => http.get<SignupRow[]>(`${base}/activities/${enc(id)}/signups`, staff),
  /** Once per sign-up: a second time is 409 hours_already_confirmed. No hours: the task's. */
  confirmHours: (activityId: string, signupId: string, hours: number | null) =>
    http.post<SignupRow>(`${base}/activities/${enc(activityId)}/signups/${enc(signupId)}/hours`, { hours }, staff),
  publishRecognition: (data: RecognitionIn) => http.post<RecognitionOut>(`${base}/recognitions`, data, staff),
  /** The figures of a station (or a community or street: `placeId`) for Beijing days from–to. */
  statistics: (placeId: string | null, from: string, to: string) =>
    http.get<CourierStatistics>(`${base}/statistics`, { ...staff, query: { place_id: placeId, from, to } }),
  /** The period's visits as a file: masked unless `clearReason` is given (recorded with it). */
  async exportVisits(format: ExportFormat, placeId: string | null, from: string, to: string, clearReason?: string) {
    const clear = clearReason === undefined ? {} : { clear: true }
    const response = await http.get<Response>(`${base}/exports/visits.${format}`, {
      ...staff,
      query: { place_id: placeId, from, to, ...clear },
      headers: reasonHeader(clearReason),
      as: 'response',
      timeoutMs: 120_000,
    })
    return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition')) }
  },
  // The lists the station's couriers see: its own and those of the places around it.
  recognitions: (stationId: string) =>
    http.get<Page<RecognitionOut>>(`${base}/recognitions`, { query: { station_id: stationId, limit: 12 } }),
}
