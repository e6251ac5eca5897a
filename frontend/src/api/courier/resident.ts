/**
 * Courier as couriers use it from the station's code (services/courier/routes/public.py,
 * me.py, activities.py, supplies.py): a check-in needs no account, the visit's token is the
 * phone's key to it; a signed-in resident registers once and gets a card.
 */

import { enc, http } from '../http'
import { uploadFile } from '../upload'
import { deviceHeaders } from '../../report/device'
import type { TokenStore } from '../tokens'
import type { Page } from '../types'
import type {
  ActivityOut,
  CardOut,
  CheckedIn,
  CourierIn,
  CourierProfile,
  KitItem,
  MediaOut,
  MyVisit,
  MyVolunteering,
  ServiceUsed,
  StationOut,
  SupplyUseOut,
  VisitOut,
} from './types'

export type {
  ActivityOut,
  CardOut,
  CheckedIn,
  CourierIn,
  CourierProfile,
  KitItem,
  MediaOut,
  MyVisit,
  MyVolunteering,
  ServiceUsed,
  StationOut,
  SupplyUseOut,
  VisitOut,
} from './types'

const BASE = '/courier/v1'

export const courier = {
  station: (stationId: string) => http.get<StationOut>(`${BASE}/stations/${enc(stationId)}`),
  kit: (stationId: string) => http.get<KitItem[]>(`${BASE}/stations/${enc(stationId)}/kit`),
  /**
   * One tap after the scan. The key is made once per tap (a retry of it replays the answer);
   * the phone's device id goes along: anonymous check-ins are limited per phone. A signed-in
   * registered courier's token makes the visit theirs.
   */
  checkIn: (codeToken: string, idempotencyKey: string, auth: TokenStore | null = null) =>
    http.post<CheckedIn>(
      `${BASE}/visits`,
      { code_token: codeToken, services: [] },
      { headers: { 'Idempotency-Key': idempotencyKey, ...deviceHeaders() }, auth },
    ),
  visit: (token: string) => http.get<VisitOut>(`${BASE}/visits/${enc(token)}`),
  useServices: (token: string, services: ServiceUsed[]) =>
    http.post<VisitOut>(`${BASE}/visits/${enc(token)}/services`, { services }, { headers: deviceHeaders() }),
  checkOut: (token: string) =>
    http.post<VisitOut>(`${BASE}/visits/${enc(token)}/checkout`, undefined, { headers: deviceHeaders() }),
  take: (token: string, itemId: string, idempotencyKey: string) =>
    http.post<SupplyUseOut>(
      `${BASE}/visits/${enc(token)}/supplies`,
      { item_id: itemId, quantity: 1 },
      { headers: { 'Idempotency-Key': idempotencyKey, ...deviceHeaders() } },
    ),
  taken: (token: string) => http.get<SupplyUseOut[]>(`${BASE}/visits/${enc(token)}/supplies`),

  // A registered courier's own (signed in as a resident).
  profile: (auth: TokenStore) => http.get<CourierProfile>(`${BASE}/me/courier`, { auth }),
  register: (data: CourierIn, auth: TokenStore) =>
    http.post<CourierProfile>(`${BASE}/me/courier`, data, { auth }),
  /** My visits (a registered courier's, any phone), newest first. */
  myVisits: (auth: TokenStore, limit = 10) =>
    http.get<Page<MyVisit>>(`${BASE}/me/courier/visits`, { auth, query: { offset: 0, limit } }),
  /**
   * My photo: uploaded signed in (kit.media checks and re-encodes it; only residents may),
   * then named on my profile; the one before is deleted. The upload goes by
   * XMLHttpRequest (uploadFile) with the access token the profile's read just refreshed.
   */
  uploadPhoto: (file: Blob, filename: string, auth: TokenStore, onProgress?: (f: number) => void) =>
    uploadFile<MediaOut>('/api/courier/v1/media', file, filename, {
      onProgress,
      headers: { Authorization: `Bearer ${auth.get().access ?? ''}` },
    }),
  setPhoto: (media: MediaOut, auth: TokenStore) =>
    http.request<CourierProfile>(`${BASE}/me/courier/photo`, {
      method: 'PUT',
      body: { media_id: media.id, upload_key: media.upload_key },
      auth,
    }),
  removePhoto: (auth: TokenStore) => http.del<void>(`${BASE}/me/courier/photo`, { auth }),
  newCard: (auth: TokenStore) => http.post<CardOut>(`${BASE}/me/courier/card`, undefined, { auth }),
  volunteering: (auth: TokenStore) => http.get<MyVolunteering>(`${BASE}/me/volunteering`, { auth }),
  activities: (stationId: string, auth: TokenStore | null) =>
    http.get<Page<ActivityOut>>(`${BASE}/activities`, {
      query: { station_id: stationId, offset: 0, limit: 20 },
      auth,
    }),
  signUp: (activityId: string, idempotencyKey: string, auth: TokenStore) =>
    http.post<ActivityOut>(`${BASE}/activities/${enc(activityId)}/signup`, undefined, {
      headers: { 'Idempotency-Key': idempotencyKey },
      auth,
    }),
  cancelSignUp: (activityId: string, auth: TokenStore) =>
    http.del<void>(`${BASE}/activities/${enc(activityId)}/signup`, { auth }),
}
