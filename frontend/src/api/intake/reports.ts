/**
 * Intake as residents use it (services/intake/routes/public.py): no account, the tracking
 * token handed out on submission is the reporter's key. Uploads go through `../upload`.
 */

import { enc, http } from '../http'
import { deviceHeaders } from '../../report/device'
import type { TokenStore } from '../tokens'
import type { Page } from '../types'
import type {
  CategoryOut,
  Followed,
  MyTicket,
  SimilarTicket,
  Submitted,
  TicketSubmitIn,
  TrackedPlace,
  TrackedTicket,
} from './types'

// The shapes pages import from here (generated, see ./types).
export type { Followed, MyTicket, SimilarTicket, Submitted, TicketSubmitIn, TrackedPlace, TrackedTicket } from './types'

export const reports = {
  /** With the scanned code: the categories as that street office has them. */
  categories: (codeToken?: string) =>
    http.get<CategoryOut[]>('/intake/v1/categories', codeToken ? { query: { code_token: codeToken } } : {}),
  similar: (codeToken: string, category: string) =>
    http.get<SimilarTicket[]>('/intake/v1/tickets/similar', {
      query: { code_token: codeToken, category },
    }),
  /**
   * The key is made once per draft: a retry after a lost answer never files twice. The
   * phone's device id goes along: anonymous reports are limited per phone and per door.
   */
  submit: (data: TicketSubmitIn, idempotencyKey: string, auth: TokenStore | null = null) =>
    http.post<Submitted>('/intake/v1/tickets', data, {
      headers: { 'Idempotency-Key': idempotencyKey, ...deviceHeaders() },
      auth,
      timeoutMs: 30_000,
    }),
  follow: (ticketId: string, codeToken: string, idempotencyKey: string, auth: TokenStore | null = null) =>
    http.post<Followed>(
      `/intake/v1/tickets/${enc(ticketId)}/follow`,
      { code_token: codeToken },
      { headers: { 'Idempotency-Key': idempotencyKey, ...deviceHeaders() }, auth },
    ),
  /** The signed-in resident's reports and follows, newest first (any phone). */
  mine: (auth: TokenStore, offset = 0, limit = 50) =>
    http.get<Page<MyTicket>>('/intake/v1/me/tickets', { auth, query: { offset, limit } }),
  track: (trackingToken: string) => http.get<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}`),
  /** Where it is and whom to call: asked once per page, not on every poll. */
  trackPlace: (trackingToken: string) =>
    http.get<TrackedPlace>(`/intake/v1/track/${enc(trackingToken)}/place`),
  confirm: (trackingToken: string) => http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/confirm`),
  rate: (trackingToken: string, rating: number, comment: string | null) =>
    http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/rate`, { rating, comment }),
  reopen: (trackingToken: string, reason: string) =>
    http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/reopen`, { reason }),
}
