/**
 * Intake for staff (the console): the inbox, one ticket and its moves, work orders, the
 * statistics, hotspots and exports. Every call carries the staff bearer token.
 */

import { enc, http, staff } from '../http'
import type { OrganisationOut } from '../identity/types'
import type { Page } from '../types'
import type {
  AssignIn,
  CallOutcome,
  CategoryOut,
  CategorySettingIn,
  CategorySettingOut,
  CategorySettingsOut,
  EscalationLevel,
  HotspotTaskIn,
  InboxSort,
  Hotspots,
  MediaOut,
  ReferralSummary,
  ReporterContact,
  Statistics,
  TicketDetail,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketSummary,
  WebhookCreated,
  WebhookIn,
  WebhookOut,
  WorkOrderOut,
} from './types'

// The shapes pages import from here (generated, see ./types).
export type { BuildingHotspot, CallOutcome, EscalationLevel, Hotspots, InboxSort, Ratio } from './types'

const base = '/intake/v1'

export interface InboxFilters {
  status?: TicketStatus | null
  category?: string | null
  priority?: TicketPriority | null
  overdue?: boolean | null
  source?: TicketSource | null
  building?: string | null
  /** Open, its next deadline before midnight in Beijing, not yet passed. */
  due_today?: boolean | null
  /** The inbox's order (the server sorts; exports keep theirs): null is newest first. */
  sort?: InboxSort | null
  /** Exports only: Beijing local days, inclusive. */
  created_from?: string | null
  created_to?: string | null
}

/** A polled list: the page when it changed, null when the server said 304 (keep yours). */
export interface Polled<T> {
  value: T | null
  etag: string | null
}

export type ExportFormat = 'csv' | 'xlsx'

function filterQuery(filters: InboxFilters): Record<string, string | boolean | null | undefined> {
  return {
    due_today: filters.due_today ?? undefined,
    status: filters.status,
    category: filters.category,
    priority: filters.priority,
    overdue: filters.overdue ?? undefined,
    source: filters.source,
    building: filters.building,
    created_from: filters.created_from,
    created_to: filters.created_to,
  }
}

/** The file name the server proposes (Content-Disposition, RFC 6266 / 5987), if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain?.[1] ? plain[1].trim() : null
}

const post = <T>(path: string, body?: unknown) => http.post<T>(`${base}${path}`, body ?? {}, staff)

export const intakeStaff = {
  categories: () => http.get<CategoryOut[]>(`${base}/categories`),

  /** One inbox page; with `etag`, a 304 answers `{ value: null }`. */
  async inbox(filters: InboxFilters, offset = 0, limit = 20, etag: string | null = null): Promise<Polled<Page<TicketSummary>>> {
    const response = await http.get<Response>(`${base}/tickets`, {
      ...staff,
      query: { ...filterQuery(filters), sort: filters.sort ?? undefined, offset, limit },
      headers: etag ? { 'If-None-Match': etag } : undefined,
      as: 'response',
    })
    const tag = response.headers.get('ETag')
    if (response.status === 304) return { value: null, etag: tag ?? etag }
    return { value: (await response.json()) as Page<TicketSummary>, etag: tag }
  },

  ticket: (id: string) => http.get<TicketDetail>(`${base}/tickets/${enc(id)}`, staff),
  /** The reporter's name and phone in clear, for the call-back (the service records it). */
  reporterContact: (id: string) =>
    post<ReporterContact>(`/tickets/${enc(id)}/reporter-contact`),
  acknowledge: (id: string, outcome: CallOutcome, notes: { note?: string; internalNote?: string } = {}) =>
    post<TicketDetail>(`/tickets/${enc(id)}/acknowledge`, {
      outcome,
      note: notes.note || null,
      internal_note: notes.internalNote || null,
    }),
  assign: (id: string, data: AssignIn) => post<TicketDetail>(`/tickets/${enc(id)}/assign`, withoutEmpty(data)),
  start: (id: string) => post<TicketDetail>(`/tickets/${enc(id)}/start`),
  resolve: (id: string, note: string, photoIds: string[]) =>
    post<TicketDetail>(`/tickets/${enc(id)}/resolve`, { note, photo_ids: photoIds }),
  reject: (id: string, reason: string) => post<TicketDetail>(`/tickets/${enc(id)}/reject`, { reason }),
  reopen: (id: string, reason: string) => post<TicketDetail>(`/tickets/${enc(id)}/reopen`, { reason }),
  escalate: (id: string, level: EscalationLevel, note: string) =>
    post<TicketDetail>(`/tickets/${enc(id)}/escalate`, { level, note }),
  duplicate: (id: string, duplicateOf: string, note?: string) =>
    post<TicketDetail>(`/tickets/${enc(id)}/duplicate`, { duplicate_of: duplicateOf, note: note || null }),

  refer: (id: string, agency: string, note: string) =>
    post<ReferralSummary>(`/tickets/${enc(id)}/referrals`, { agency, note: note || null }),
  confirmWorkOrder: (id: string, note?: string) =>
    post<WorkOrderOut>(`/work-orders/${enc(id)}/confirm`, note ? { note } : {}),
  returnWorkOrder: (id: string, reason: string) => post<WorkOrderOut>(`/work-orders/${enc(id)}/return`, { reason }),

  /** A photo for the resolution, uploaded before the move that refers to it. */
  upload: (file: Blob, name = 'photo.jpg') => {
    const form = new FormData()
    form.append('file', file, name)
    return http.post<MediaOut>(`${base}/media`, form, { ...staff, timeoutMs: 60_000 })
  },

  /** Every category as a street office (or the district) has it, and where each value comes from. */
  categorySettings: (placeId: string) =>
    http.get<CategorySettingsOut>(`${base}/category-settings`, { ...staff, query: { place_id: placeId } }),
  /** Only the fields in `changes` change; a field given as null is inherited again. */
  putCategorySetting: (placeId: string, category: string, changes: CategorySettingIn) =>
    http.request<CategorySettingOut>(`${base}/category-settings/${enc(category)}`, {
      ...staff,
      method: 'PUT',
      body: changes,
      query: { place_id: placeId },
    }),
  /** 恢复默认: the place's own values go, every value is inherited again. */
  clearCategorySetting: (placeId: string, category: string) =>
    http.del<void>(`${base}/category-settings/${enc(category)}`, { ...staff, query: { place_id: placeId } }),

  /** 数据推送: the active webhook subscriptions in the caller's places. */
  webhooks: () => http.get<WebhookOut[]>(`${base}/webhooks`, staff),
  /** The answer carries the signing secret: it is never shown again. */
  createWebhook: (data: WebhookIn) => http.post<WebhookCreated>(`${base}/webhooks`, data, staff),
  /** Stops the pushes (and the retries of what is not delivered yet). */
  disableWebhook: (id: string) => http.del<void>(`${base}/webhooks/${enc(id)}`, staff),

  /** Contractor organisations (identity) a ticket can be assigned to. */
  contractors: () =>
    http.get<Page<OrganisationOut>>('/identity/v1/organisations', { query: { kind: 'contractor', limit: 100 } }),

  statistics: (placeId: string | null, from: string, to: string) =>
    http.get<Statistics>(`${base}/statistics`, { ...staff, query: { place_id: placeId, from, to } }),
  hotspots: (placeId: string | null, days: number, minCount = 3) =>
    http.get<Hotspots>(`${base}/hotspots`, { ...staff, query: { place_id: placeId, days, min_count: minCount } }),
  /** With an Idempotency-Key: a retry on a weak network never files the task twice. */
  createHotspotTask: (task: HotspotTaskIn, key: string) =>
    http.post<TicketSummary>(`${base}/hotspots/tasks`, task, { ...staff, headers: { 'Idempotency-Key': key } }),

  /** An export of the filtered list, downloaded with the bearer token (a link could not send it).
   *  Masked unless `clearReason` is given: then names and phones in clear, recorded with the reason. */
  async exportFile(
    format: ExportFormat,
    filters: InboxFilters,
    clearReason?: string,
  ): Promise<{ blob: Blob; filename: string | null }> {
    const clear = clearReason === undefined ? {} : { clear: true }
    const response = await http.get<Response>(`${base}/exports/tickets.${format}`, {
      ...staff,
      query: { ...filterQuery(filters), ...clear },
      headers: reasonHeader(clearReason),
      as: 'response',
      timeoutMs: 120_000,
    })
    return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition')) }
  },
}

/** A clear export's reason travels in a header, never the URL (access logs, proxies and
 *  browser history keep URLs): percent-encoded, since headers carry no Chinese as such. */
export function reasonHeader(reason: string | undefined): Record<string, string> {
  return reason === undefined ? {} : { 'X-Export-Reason': encodeURIComponent(reason) }
}

function withoutEmpty(data: AssignIn): AssignIn {
  return {
    assignee_kind: data.assignee_kind,
    assignee_ref: data.assignee_ref.trim(),
    ...(data.note?.trim() ? { note: data.note.trim() } : {}),
    ...(data.instructions?.trim() ? { instructions: data.instructions.trim() } : {}),
  }
}
