/** The dashboard's arithmetic: periods in Beijing days, rates as percentages. */

const ZONE = 'Asia/Shanghai'
const DAY_MS = 86_400_000

/** YYYY-MM-DD of the Beijing day `at` falls in. */
export function beijingDay(at: number): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at))
}

/** The last `days` Beijing days ending today, inclusive: what the statistics API takes. */
export function periodRange(days: number, now: number): { from: string; to: string } {
  const to = beijingDay(now)
  const [y, m, d] = to.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1, d) - (days - 1) * DAY_MS)
  return { from: first.toISOString().slice(0, 10), to }
}

/** Days from the Beijing day `from` (YYYY-MM-DD) to today's, both counted: the hotspots'
 * rolling window that covers a chosen period's start (at least 1, at most `max`). */
export function windowSince(from: string, now: number, max = 365): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = beijingDay(now).split('-').map(Number) as [number, number, number]
  const days = Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS) + 1
  return Math.min(max, Math.max(1, days))
}

/** 0.8642 → "86.4%"; no rate (nothing to divide by) → null, shown as "—". */
export function percent(rate: number | null | undefined, digits = 1): string | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null
  const value = Math.round(rate * 100 * 10 ** digits) / 10 ** digits
  return `${value.toFixed(value === Math.trunc(value) ? 0 : digits)}%`
}
