/** The activity form's rules: Beijing wall-clock times from <input type=datetime-local> and back. */

/** '2026-03-08T14:00' (as typed, Beijing time) → '2026-03-08T14:00:00+08:00'; null if not a time. */
export function beijingInstant(local: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : null
}

/** An instant → the datetime-local value it reads as in Beijing. */
export function beijingLocal(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return at.toISOString().slice(0, 16)
}

/** Last month in Beijing, as the recognition list names months ("2026-11"). */
export function lastMonth(now: number): string {
  const beijing = new Date(now + 8 * 3_600_000)
  const year = beijing.getUTCFullYear()
  const month = beijing.getUTCMonth() // 0-based: this month's index is last month's number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`
}

/** Whether an instant falls in a Beijing month ("2026-11"): the month an activity counts for. */
export function inBeijingMonth(iso: string, month: string): boolean {
  return beijingLocal(iso).slice(0, 7) === month
}

export interface Candidate {
  courier_id: string
  nickname: string
  platform: string
}

/**
 * The couriers staff may pick for a most-helpful list: everyone still signed up to the
 * month's activities, each once, by nickname (the server refuses those not agreeing to be named).
 */
export function helpfulCandidates(signups: Array<{ courier_id: string; nickname: string; platform: string; status: string }>): Candidate[] {
  const byId = new Map<string, Candidate>()
  for (const s of signups) {
    if (s.status !== 'signed_up' || byId.has(s.courier_id)) continue
    byId.set(s.courier_id, { courier_id: s.courier_id, nickname: s.nickname, platform: s.platform })
  }
  return [...byId.values()].sort((a, b) => a.nickname.localeCompare(b.nickname, 'zh-CN'))
}

/** Which pick a refusal points at (`/body/couriers/2/courier_id` → 2); null: none. */
export function refusedPick(errors: Array<{ pointer: string }> | undefined): number | null {
  for (const e of errors ?? []) {
    const found = /^\/body\/couriers\/(\d+)(?:\/|$)/.exec(e.pointer)
    if (found) return Number(found[1])
  }
  return null
}
