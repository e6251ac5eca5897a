/**
 * What this phone keeps: its device id (anonymous writes are limited per phone), and the
 * reports filed or followed on this phone, remembered in localStorage: their tracking
 * tokens are the only key an anonymous reporter has ("我的反馈" lists them). Only what the
 * list needs is kept (no description, no phone).
 */

export interface RememberedReport {
  /** The tracking token: the reporter's, or a follower's own. */
  token: string
  number: string
  category: string
  role: 'reporter' | 'follower'
  /** The unit door's code it was filed or followed from (the way back to that hub). */
  code: string
  /** When it was filed or followed here (ISO). */
  at: string
  /** The ticket's id, when known: "+1" suggestions of one's own report lead to it instead. */
  id?: string
}

export const REPORTS_KEY = 'sqwb.reports'
/** Enough for years of a household's reports; the oldest are dropped past it. */
export const REPORTS_LIMIT = 50

type Store = Pick<Storage, 'getItem' | 'setItem'>

function valid(item: unknown): item is RememberedReport {
  if (typeof item !== 'object' || item === null) return false
  const r = item as Record<string, unknown>
  return (
    ['token', 'number', 'category', 'code', 'at'].every((key) => typeof r[key] === 'string') &&
    (r.role === 'reporter' || r.role === 'follower') &&
    (r.id === undefined || typeof r.id === 'string')
  )
}

export function rememberedReports(storage: Store = localStorage): RememberedReport[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(REPORTS_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(valid) : []
  } catch {
    return []
  }
}

/** Newest first; the same token again replaces its entry. */
export function rememberReport(report: RememberedReport, storage: Store = localStorage): void {
  const others = rememberedReports(storage).filter((r) => r.token !== report.token)
  try {
    storage.setItem(REPORTS_KEY, JSON.stringify([report, ...others].slice(0, REPORTS_LIMIT)))
  } catch {
    // Storage full or disabled: the success page still shows the link to keep.
  }
}

export function rememberedReport(token: string, storage: Store = localStorage): RememberedReport | null {
  return rememberedReports(storage).find((r) => r.token === token) ?? null
}

/** This phone's own report (or follow) of a ticket, by the ticket's id. */
export function rememberedTicket(id: string, storage: Store = localStorage): RememberedReport | null {
  return rememberedReports(storage).find((r) => r.id === id) ?? null
}

export const DEVICE_KEY = 'sqwb.device'
/** The header anonymous writes carry it in (services/kit/abuse.py limits them per phone). */
export const DEVICE_HEADER = 'X-Device-Id'

/**
 * This phone's device id: a random id made once and kept, so the services can limit
 * anonymous reports per phone without knowing whose phone it is. Without storage (private
 * mode), one per page load.
 */
export function deviceId(storage: Store = localStorage): string {
  try {
    const kept = storage.getItem(DEVICE_KEY)
    if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept
    const made = newKey()
    storage.setItem(DEVICE_KEY, made)
    return made
  } catch {
    return (fallbackDevice ??= newKey())
  }
}
let fallbackDevice: string | undefined

/** The header of an anonymous write from this phone. */
export function deviceHeaders(storage: Store = localStorage): Record<string, string> {
  return { [DEVICE_HEADER]: deviceId(storage) }
}

/** A random UUID (v4) for an Idempotency-Key; crypto.randomUUID needs a secure context. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
