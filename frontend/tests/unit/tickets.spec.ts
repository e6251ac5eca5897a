import { describe, expect, it } from 'vitest'
import {
  allowedActions,
  countdown,
  currentDeadline,
  durationParts,
  formatDuration,
  type Translate,
} from '../../src/console/tickets'
import { contrast, STATUS_COLOURS } from '../../src/utils/statusColours'
import zhCN from '../../src/i18n/zh-CN'

/** The real Chinese messages, filled in the way vue-i18n does. */
const t: Translate = (key, params = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN)
  return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

/** A detail as intake answers it: the moves it allows the caller (services/kit/machine.py). */
const ticket = (...allowed_actions: string[]) => ({ allowed_actions })

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('the buttons a ticket offers staff', () => {
  it("are intake's allowed moves, in the page's order (the likely next step first)", () => {
    expect(allowedActions(ticket('acknowledge', 'assign', 'reject', 'duplicate'))).toEqual([
      'acknowledge',
      'assign',
      'duplicate',
      'reject',
    ])
  })

  it('reassigning is the assign button', () => {
    expect(allowedActions(ticket('reassign', 'start', 'reject', 'escalate'))).toEqual(['assign', 'start', 'escalate', 'reject'])
  })

  it('moves without a button here are left out: the reporter confirms and rates, the system closes', () => {
    expect(allowedActions(ticket('confirm', 'rate', 'auto_close', 'reopen'))).toEqual(['reopen'])
  })

  it('nothing allowed, nothing offered', () => {
    expect(allowedActions(ticket())).toEqual([])
    expect(allowedActions({} as { allowed_actions: string[] })).toEqual([])
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

describe('status colours', () => {
  it('gives each status its own colour, every one readable', () => {
    const backgrounds = Object.values(STATUS_COLOURS).map((c) => c.background)
    expect(new Set(backgrounds).size).toBe(backgrounds.length)
    expect(STATUS_COLOURS.acknowledged.background).not.toBe(STATUS_COLOURS.submitted.background)
    for (const [status, c] of Object.entries(STATUS_COLOURS)) {
      expect(contrast(c.background, c.text), status).toBeGreaterThanOrEqual(4.5)
    }
  })
})
