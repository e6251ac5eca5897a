/**
 * What the console may offer on a ticket, and how its deadlines read.
 *
 * The state machine lives in intake (services/intake/lifecycle.py, TRANSITIONS); the copy
 * below only decides which buttons to show. The service decides for real: a button shown
 * wrongly ends in its 409 `invalid_transition` problem, never in a wrong state.
 */

import type { TicketStatus, TicketSummary, WorkOrderOut } from '../api/types'

type Role = 'staff' | 'assignee' | 'reporter' | 'system'

interface Transition {
  action: string
  from: readonly TicketStatus[]
  to: TicketStatus
  who: readonly Role[]
}

/** services/intake/lifecycle.py TRANSITIONS, in the same order. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'acknowledge', from: ['submitted'], to: 'acknowledged', who: ['staff'] },
  { action: 'assign', from: ['submitted', 'acknowledged'], to: 'assigned', who: ['staff'] },
  { action: 'reassign', from: ['assigned', 'in_progress'], to: 'assigned', who: ['staff'] },
  { action: 'start', from: ['assigned'], to: 'in_progress', who: ['assignee'] },
  { action: 'resolve', from: ['in_progress'], to: 'resolved', who: ['assignee', 'staff'] },
  { action: 'confirm', from: ['resolved'], to: 'closed', who: ['reporter'] },
  { action: 'rate', from: ['resolved'], to: 'closed', who: ['reporter'] },
  { action: 'auto_close', from: ['resolved'], to: 'closed', who: ['system'] },
  { action: 'reopen', from: ['resolved', 'closed'], to: 'in_progress', who: ['reporter', 'staff'] },
  { action: 'reject', from: ['submitted', 'acknowledged', 'assigned'], to: 'rejected', who: ['staff'] },
  { action: 'duplicate', from: ['submitted', 'acknowledged'], to: 'duplicate', who: ['staff'] },
  { action: 'escalate', from: ['acknowledged', 'assigned', 'in_progress'], to: 'escalated', who: ['staff'] },
]

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

type Assignment = Pick<TicketSummary, 'status' | 'assignee_kind' | 'assignee_ref'>

/**
 * The roles a staff member holds on a ticket (lifecycle.Actor.staff): always staff; the
 * assignee too when the ticket is with a team, or with them by name.
 */
export function staffRoles(ticket: Assignment, subject: string): Role[] {
  const roles: Role[] = ['staff']
  if (ticket.assignee_kind === 'team' || (ticket.assignee_kind === 'staff' && ticket.assignee_ref === subject)) {
    roles.push('assignee')
  }
  return roles
}

/** The moves a staff member (`subject`) may make on the ticket now; none without `handle`. */
export function allowedActions(ticket: Assignment, subject: string, canHandle = true): StaffAction[] {
  if (!canHandle) return []
  const roles = staffRoles(ticket, subject)
  const allowed = new Set<StaffAction>()
  for (const t of TRANSITIONS) {
    if (!t.from.includes(ticket.status) || !t.who.some((role) => roles.includes(role))) continue
    const button = (t.action === 'reassign' ? 'assign' : t.action) as StaffAction
    if (BUTTON_ORDER.includes(button)) allowed.add(button)
  }
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
