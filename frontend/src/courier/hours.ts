/**
 * A station's opening hours as the phone shows them: today's periods in Beijing time
 * (services/courier/schemas/stations.py: weekday 0 is Monday), whatever the phone's zone.
 */

import type { DayHours } from '../api/courier/types'

const ZONE = 'Asia/Shanghai'
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The weekday in Beijing (Monday 0 … Sunday 6). */
export function beijingWeekday(now: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(now)
  return WEEKDAYS.indexOf(name)
}

/** "08:00:00" → "08:00". */
function hhmm(time: string): string {
  return time.slice(0, 5)
}

/** Today's periods, earliest first, as "08:00–12:00, 14:00–22:00" (empty: closed today). */
export function hoursToday(hours: readonly DayHours[], now: Date): string {
  const today = beijingWeekday(now)
  return hours
    .filter((h) => h.weekday === today)
    .sort((a, b) => (a.opens < b.opens ? -1 : 1))
    .map((h) => `${hhmm(h.opens)}–${hhmm(h.closes)}`)
    .join(', ')
}

/** A time as Beijing's HH:MM (a visit's start and its automatic check-out). */
export function beijingTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  )
}
