/**
 * Intake as residents use it (services/intake/routes/public.py): no account, the tracking
 * token handed out on submission is the reporter's key. Uploads go through `./upload`.
 */

import { http } from './index'
import type { TokenStore } from './tokens'
import type { CategoryOut, Page, TicketEventOut, TicketPhoto, TicketPriority, TicketStatus } from './types'

/** A neighbour's open report of the same category at the same building: nothing that names anyone. */
export interface SimilarTicket {
  id: string
  category: string
  excerpt: string
  status: TicketStatus
  created_at: string
  followers: number
}

export interface TicketSubmitIn {
  code_token: string
  category: string
  description: string
  photo_ids?: string[]
  video_id?: string | null
  reporter_name?: string | null
  reporter_phone?: string | null
  consent: boolean
}

export interface Submitted {
  id: string
  number: string
  tracking_token: string
  status: TicketStatus
  due_respond_at: string
}

export interface Followed {
  number: string
  tracking_token: string
  followers: number
}

/** A signed-in resident's report or "+1", from any phone (GET /v1/me/tickets). */
export interface MyTicket {
  number: string
  category: string
  status: TicketStatus
  excerpt: string
  created_at: string
  updated_at: string
  /** Opens /t/<token>: the reporter's own token, or the resident's follower token. */
  tracking_token: string
  role: 'reporter' | 'follower'
}

export interface TrackedTicket {
  number: string
  category: string
  description: string
  status: TicketStatus
  priority: TicketPriority
  place_code: string
  created_at: string
  due_respond_at: string
  due_resolve_at: string
  resolved_at: string | null
  closed_at: string | null
  rating: number | null
  reopen_count: number
  followers: number
  /** Masked (138****1234), for the reporter only. */
  reporter_phone: string | null
  /** False for a follower's token: it shows the report and acts for no one. */
  is_reporter: boolean
  events: TicketEventOut[]
  /** The report's photos (and the fix's), once intake's media part answers with them. */
  photos?: TicketPhoto[]
  /** A report merged as a duplicate: the ticket its reporter follows instead. */
  merged_into?: { number: string; status: TicketStatus; tracking_token: string } | null
}

const enc = encodeURIComponent

export const reports = {
  /** With the scanned code: the categories as that street office has them. */
  categories: (codeToken?: string) =>
    http.get<CategoryOut[]>('/intake/v1/categories', codeToken ? { query: { code_token: codeToken } } : {}),
  similar: (codeToken: string, category: string) =>
    http.get<SimilarTicket[]>('/intake/v1/tickets/similar', {
      query: { code_token: codeToken, category },
    }),
  /** The key is made once per draft: a retry after a lost answer never files twice. */
  submit: (data: TicketSubmitIn, idempotencyKey: string, auth: TokenStore | null = null) =>
    http.post<Submitted>('/intake/v1/tickets', data, {
      headers: { 'Idempotency-Key': idempotencyKey },
      auth,
      timeoutMs: 30_000,
    }),
  follow: (ticketId: string, codeToken: string, idempotencyKey: string, auth: TokenStore | null = null) =>
    http.post<Followed>(
      `/intake/v1/tickets/${enc(ticketId)}/follow`,
      { code_token: codeToken },
      { headers: { 'Idempotency-Key': idempotencyKey }, auth },
    ),
  /** The signed-in resident's reports and follows, newest first (any phone). */
  mine: (auth: TokenStore, offset = 0, limit = 50) =>
    http.get<Page<MyTicket>>('/intake/v1/me/tickets', { auth, query: { offset, limit } }),
  track: (trackingToken: string) => http.get<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}`),
  confirm: (trackingToken: string) => http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/confirm`),
  rate: (trackingToken: string, rating: number, comment: string | null) =>
    http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/rate`, { rating, comment }),
  reopen: (trackingToken: string, reason: string) =>
    http.post<TrackedTicket>(`/intake/v1/track/${enc(trackingToken)}/reopen`, { reason }),
}
