/**
 * What the console may offer on a ticket, and how its deadlines read.
 *
 * The state machine lives in intake (services/intake/lifecycle.py on services/kit/machine.py):
 * the ticket's detail carries `allowed_actions`, the moves the signed-in caller may make now,
 * computed there for them. The console only turns those into buttons; it keeps no copy of the
 * machine.
 */

import type { TicketDetail, TicketStatus, TicketSummary, WorkOrderOut } from '../api/types'

/** The buttons of the ticket page, in the order they are shown (the likely next step first). */
export type StaffAction =
  | 'acknowledge'
  | 'assign'
  | 'start'
  | 'resolve'
  | 'reopen'
  | 'duplicate'
  | 'escalate'
  | 'reject'

const BUTTON_ORDER: readonly StaffAction[] = [
  'acknowledge',
  'assign',
  'start',
  'resolve',
  'reopen',
  'duplicate',
  'escalate',
  'reject',
]

export const OPEN_STATUSES: readonly TicketStatus[] = ['submitted', 'acknowledged', 'assigned', 'in_progress']

/**
 * The buttons of the ticket page, from the moves intake allows the caller now: reassigning
 * shares assign's button; moves with no button here (the reporter's, the system's) are left out.
 */
export function allowedActions(ticket: Pick<TicketDetail, 'allowed_actions'>): StaffAction[] {
  const allowed = new Set((ticket.allowed_actions ?? []).map((action) => (action === 'reassign' ? 'assign' : action)))
  return BUTTON_ORDER.filter((action) => allowed.has(action))
}

/** Assign or reassign: the same dialog, named after what it does now. */
export function isReassign(status: TicketStatus): boolean {
  return status === 'assigned' || status === 'in_progress'
}

/** A contractor's finished work order waits for staff: confirm (the ticket is resolved) or return. */
export function awaitsConfirmation(order: Pick<WorkOrderOut, 'status'>): boolean {
  return order.status === 'done'
}

/** The deadline that matters now: the reply while the ticket waits for one, else the fix. */
export function currentDeadline(
  ticket: Pick<TicketSummary, 'status' | 'due_respond_at' | 'due_resolve_at'>,
): { kind: 'respond' | 'resolve'; at: string } | null {
  if (ticket.status === 'submitted') return { kind: 'respond', at: ticket.due_respond_at }
  if (OPEN_STATUSES.includes(ticket.status)) return { kind: 'resolve', at: ticket.due_resolve_at }
  return null
}

export interface DurationParts {
  days: number
  hours: number
  minutes: number
}

/** A span in whole minutes (rounded toward zero), as days, hours and minutes. */
export function durationParts(ms: number): DurationParts {
  const total = Math.floor(Math.abs(ms) / 60_000)
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 }
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** "2 天 3 小时", "3 小时 5 分", "45 分钟", "不到 1 分钟": two units at most, the larger first. */
export function formatDuration(ms: number, t: Translate): string {
  const { days, hours, minutes } = durationParts(ms)
  if (days > 0) return t('countdown.daysHours', { d: days, h: hours })
  if (hours > 0) return t('countdown.hoursMinutes', { h: hours, m: minutes })
  if (minutes > 0) return t('countdown.minutes', { m: minutes })
  return t('countdown.underAMinute')
}

export interface Countdown {
  overdue: boolean
  text: string
}

/** Time left until `due` ("剩 3 小时 5 分"), or how long past it ("超期 45 分钟"). */
export function countdown(due: string, now: number, t: Translate): Countdown {
  const left = new Date(due).getTime() - now
  if (Number.isNaN(left)) return { overdue: false, text: '' }
  if (left <= 0) return { overdue: true, text: t('countdown.overdueBy', { time: formatDuration(left, t) }) }
  return { overdue: false, text: t('countdown.left', { time: formatDuration(left, t) }) }
}
