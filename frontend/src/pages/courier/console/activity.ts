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
