import { describe, expect, it } from 'vitest'
import type { TicketStatus } from '../../src/api/types'
import {
  TRANSITIONS,
  allowedActions,
  countdown,
  currentDeadline,
  durationParts,
  formatDuration,
  type Translate,
} from '../../src/console/tickets'
import zhCN from '../../src/i18n/zh-CN'

/** The real Chinese messages, filled in the way vue-i18n does. */
const t: Translate = (key, params = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN)
  return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

const ticket = (status: TicketStatus, assignee_kind: 'staff' | 'team' | 'contractor' | null = null, assignee_ref: string | null = null) => ({
  status,
  assignee_kind,
  assignee_ref,
})

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('the buttons a ticket offers staff', () => {
  it('a new report: acknowledge, assign, merge, reject', () => {
    expect(allowedActions(ticket('submitted'), 'me')).toEqual(['acknowledge', 'assign', 'duplicate', 'reject'])
  })

  it('acknowledged: assign first, escalation becomes possible', () => {
    expect(allowedActions(ticket('acknowledged'), 'me')).toEqual(['assign', 'duplicate', 'escalate', 'reject'])
  })

  it('only the assignee starts work: a team is anyone in scope, a person only themselves', () => {
    expect(allowedActions(ticket('assigned', 'team', '物业维修班'), 'me')).toEqual(['assign', 'start', 'escalate', 'reject'])
    expect(allowedActions(ticket('assigned', 'staff', 'me'), 'me')).toContain('start')
    expect(allowedActions(ticket('assigned', 'staff', 'someone-else'), 'me')).toEqual(['assign', 'escalate', 'reject'])
    expect(allowedActions(ticket('assigned', 'contractor', 'org-1'), 'me')).not.toContain('start')
  })

  it('in progress: resolve (staff may too), reassign, escalate; no rejecting any more', () => {
    expect(allowedActions(ticket('in_progress', 'staff', 'someone-else'), 'me')).toEqual(['assign', 'resolve', 'escalate'])
  })

  it('resolved or closed: only reopen; the reporter confirms and rates, not staff', () => {
    expect(allowedActions(ticket('resolved'), 'me')).toEqual(['reopen'])
    expect(allowedActions(ticket('closed'), 'me')).toEqual(['reopen'])
  })

  it('the ends offer nothing', () => {
    for (const status of ['rejected', 'duplicate', 'escalated'] as const) {
      expect(allowedActions(ticket(status), 'me')).toEqual([])
    }
  })

  it('nothing at all without the handle permission', () => {
    expect(allowedActions(ticket('submitted'), 'me', false)).toEqual([])
  })

  it('mirrors every action of services/intake/lifecycle.py', () => {
    expect(TRANSITIONS.map((tr) => tr.action)).toEqual([
      'acknowledge',
      'assign',
      'reassign',
      'start',
      'resolve',
      'confirm',
      'rate',
      'auto_close',
      'reopen',
      'reject',
      'duplicate',
      'escalate',
    ])
  })
})

describe('deadlines', () => {
  const due = { due_respond_at: '2026-03-02T02:00:00Z', due_resolve_at: '2026-03-09T02:00:00Z' }

  it('the reply counts while the report waits for one, then the fix; none once finished', () => {
    expect(currentDeadline({ ...due, status: 'submitted' })).toEqual({ kind: 'respond', at: due.due_respond_at })
    expect(currentDeadline({ ...due, status: 'in_progress' })).toEqual({ kind: 'resolve', at: due.due_resolve_at })
    expect(currentDeadline({ ...due, status: 'resolved' })).toBeNull()
  })

  it('splits a span into whole days, hours and minutes, rounding down', () => {
    expect(durationParts(2 * DAY + 3 * HOUR + 59_999)).toEqual({ days: 2, hours: 3, minutes: 0 })
    expect(durationParts(-(45 * MINUTE + 30_000))).toEqual({ days: 0, hours: 0, minutes: 45 })
  })

  it('reads two units at most, the larger first', () => {
    expect(formatDuration(2 * DAY + 3 * HOUR + 5 * MINUTE, t)).toBe('2 天 3 小时')
    expect(formatDuration(3 * HOUR + 5 * MINUTE, t)).toBe('3 小时 5 分')
    expect(formatDuration(45 * MINUTE, t)).toBe('45 分钟')
    expect(formatDuration(20_000, t)).toBe('不到 1 分钟')
  })

  it('counts down to the deadline, then up past it, flagged overdue', () => {
    const at = Date.parse('2026-03-02T02:00:00Z')
    expect(countdown('2026-03-02T02:00:00Z', at - (3 * HOUR + 5 * MINUTE), t)).toEqual({ overdue: false, text: '剩 3 小时 5 分' })
    expect(countdown('2026-03-02T02:00:00Z', at + 45 * MINUTE, t)).toEqual({ overdue: true, text: '超期 45 分钟' })
    expect(countdown('2026-03-02T02:00:00Z', at, t).overdue).toBe(true)
  })
})
