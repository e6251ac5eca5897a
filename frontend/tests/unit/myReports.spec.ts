import { describe, expect, it } from 'vitest'
import type { MyTicket } from '../../src/api/intake/reports'
import type { RememberedReport } from '../../src/report/device'
import { mergeMyReports } from '../../src/report/mine'

function account(number: string, created: string, extra: Partial<MyTicket> = {}): MyTicket {
  return {
    number,
    category: 'small_ads',
    status: 'acknowledged',
    excerpt: '楼道墙上贴满了小广告',
    created_at: created,
    updated_at: created,
    tracking_token: `acct-${number}`,
    role: 'reporter',
    ...extra,
  }
}

function phone(number: string, at: string, extra: Partial<RememberedReport> = {}): RememberedReport {
  return { token: `phone-${number}`, number, category: 'lighting', role: 'reporter', code: 'U1', at, ...extra }
}

describe('我的反馈: the account merged with this phone', () => {
  it('is this phone’s list, unchanged, when not signed in', () => {
    const here = [phone('TGYZL-2026-000002', '2026-03-02T08:00:00Z'), phone('TGYZL-2026-000001', '2026-03-01T08:00:00Z')]
    expect(mergeMyReports([], here)).toEqual([
      { token: 'phone-TGYZL-2026-000002', number: 'TGYZL-2026-000002', category: 'lighting', role: 'reporter', at: '2026-03-02T08:00:00Z' },
      { token: 'phone-TGYZL-2026-000001', number: 'TGYZL-2026-000001', category: 'lighting', role: 'reporter', at: '2026-03-01T08:00:00Z' },
    ])
  })

  it('adds the reports filed on other phones, newest first, one line per number', () => {
    const merged = mergeMyReports(
      [
        account('TGYZL-2026-000005', '2026-03-05T08:00:00+00:00'),
        account('TGYZL-2026-000003', '2026-03-03T08:00:00+00:00'),
      ],
      [phone('TGYZL-2026-000004', '2026-03-04T08:00:00.000Z'), phone('TGYZL-2026-000003', '2026-03-03T08:00:01.000Z')],
    )
    expect(merged.map((r) => [r.number, r.token])).toEqual([
      ['TGYZL-2026-000005', 'acct-TGYZL-2026-000005'],
      ['TGYZL-2026-000004', 'phone-TGYZL-2026-000004'],
      ['TGYZL-2026-000003', 'acct-TGYZL-2026-000003'],
    ])
    // The account knows the status already; this phone's own ones are still to be asked.
    expect(merged.map((r) => r.status)).toEqual(['acknowledged', undefined, 'acknowledged'])
  })

  it('keeps the reporter’s token where one side only follows the report', () => {
    const merged = mergeMyReports(
      [
        account('TGYZL-2026-000007', '2026-03-07T08:00:00Z', { role: 'follower', tracking_token: 'follow-7' }),
        account('TGYZL-2026-000006', '2026-03-06T08:00:00Z'),
      ],
      [
        // Filed here without signing in; "+1"ed later while signed in.
        phone('TGYZL-2026-000007', '2026-03-07T09:00:00Z', { token: 'report-7' }),
        // Followed here; the account filed it.
        phone('TGYZL-2026-000006', '2026-03-06T09:00:00Z', { token: 'follow-6', role: 'follower' }),
      ],
    )
    expect(merged.map((r) => [r.number, r.role, r.token, r.status])).toEqual([
      ['TGYZL-2026-000007', 'reporter', 'report-7', 'acknowledged'],
      ['TGYZL-2026-000006', 'reporter', 'acct-TGYZL-2026-000006', 'acknowledged'],
    ])
  })
})
