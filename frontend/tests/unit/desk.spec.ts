import { describe, expect, it } from 'vitest'
import type { GrantClaim } from '../../src/api/types'
import {
  COLUMN_SORT,
  DESK_DEFAULT_SORT,
  SORTS,
  columnOfSort,
  inboxQueryOf,
  isFiltered,
  readInboxQuery,
  sortOfColumn,
} from '../../src/console/inboxQuery'
import { CONSOLE_NAV, activeEntry, navFor } from '../../src/console/nav'
import { PERM } from '../../src/console/perms'
import { windowSince } from '../../src/console/stats'
import { viewportOf } from '../../src/console/viewport'

const staff: GrantClaim = {
  role: 'community_staff',
  place_id: 'c',
  path: '/d/s/c/',
  perms: [PERM.ticketsRead, PERM.ticketsHandle, PERM.codesPrint],
}

describe('the console by width', () => {
  it('is a phone below 768 px, a tablet up to 1023, a desk from 1024', () => {
    expect([375, 767, 768, 1023, 1024, 1280].map(viewportOf)).toEqual(['phone', 'phone', 'tablet', 'tablet', 'desk', 'desk'])
  })
})

describe("the inbox's query in the URL", () => {
  it('reads known filters and the order, drops the unknown, and falls back to the default order', () => {
    const f = readInboxQuery({ status: 'submitted', overdue: '1', due_today: 'true', priority: 'loud', sort: '-due' }, DESK_DEFAULT_SORT)
    expect(f).toMatchObject({ status: 'submitted', overdue: true, due_today: true, priority: null, sort: '-due' })
    expect(readInboxQuery({ sort: 'reporter' }, DESK_DEFAULT_SORT).sort).toBe('pending')
    expect(readInboxQuery({}).sort).toBeNull() // the phone: the server's newest first
  })

  it('writes only what is set, flags as 1, and leaves the default order out of the URL', () => {
    expect(inboxQueryOf({ status: 'submitted', due_today: true, overdue: null, sort: 'pending' }, 'pending')).toEqual({
      status: 'submitted',
      due_today: '1',
    })
    expect(inboxQueryOf({ sort: '-created' }, 'pending')).toEqual({ sort: '-created' })
  })

  it('round-trips the home page links', () => {
    for (const link of ['status=submitted', 'overdue=1', 'due_today=1']) {
      const query = Object.fromEntries(new URLSearchParams(link))
      expect(inboxQueryOf(readInboxQuery(query))).toEqual(query)
    }
  })

  it('counts the order as no filter', () => {
    expect(isFiltered({ sort: '-due', status: null })).toBe(false)
    expect(isFiltered({ sort: 'pending', due_today: true })).toBe(true)
  })
})

describe("the desk table's sorting", () => {
  it('sends the column clicked, descending as -key, no order as pending', () => {
    expect(sortOfColumn('received', 'ascending')).toBe('created')
    expect(sortOfColumn('due', 'descending')).toBe('-due')
    expect(sortOfColumn('place', null)).toBe('pending')
    expect(sortOfColumn('excerpt', 'ascending')).toBe('pending')
  })

  it('shows each server order on its column, and every column has both orders', () => {
    expect(columnOfSort('-created')).toEqual({ prop: 'received', order: 'descending' })
    expect(columnOfSort('status')).toEqual({ prop: 'status', order: 'ascending' })
    expect(columnOfSort('pending')).toBeNull()
    for (const [column, key] of Object.entries(COLUMN_SORT)) {
      expect(SORTS).toContain(key)
      expect(SORTS).toContain(`-${key}`)
      expect(sortOfColumn(columnOfSort(`-${key}` as never)!.prop, 'descending')).toBe(`-${key}`)
      expect(columnOfSort(key as never)!.prop).toBe(column)
    }
  })
})

describe("the desk's side navigation", () => {
  it('shows what the roles allow, and services not built yet as coming soon', () => {
    const services = [
      { name: 'intake', built: true },
      { name: 'directory', built: true },
      { name: 'identity', built: true },
      { name: 'rooms', built: false },
      { name: 'parking', built: false },
      { name: 'courier', built: false },
    ]
    const shown = navFor([staff], services)
    const keys = shown.map((e) => e.key)
    expect(keys).toEqual(['home', 'tickets', 'stats', 'places', 'rooms', 'parking', 'courier', 'me'])
    expect(shown.find((e) => e.key === 'rooms')).toMatchObject({ comingSoon: true, to: '/console/soon/calendar' })
    // Once built, a service's entry opens its own pages, behind its permissions.
    const built = navFor([staff], services.map((s) => ({ ...s, built: true })), [
      ...CONSOLE_NAV,
      { key: 'rooms-admin', service: 'rooms', group: 'services', to: '/console/rooms/admin', icon: 'x', labelKey: 'x', perms: ['rooms:rooms:manage'] },
    ])
    expect(built.find((e) => e.key === 'rooms')).toMatchObject({ comingSoon: false, to: '/console/rooms' })
    expect(built.map((e) => e.key)).not.toContain('rooms-admin')
    // Built, but its console pages not written yet: still "coming soon", never a dead link.
    const noPages = navFor([staff], services.map((s) => ({ ...s, built: true })), CONSOLE_NAV, (path) => path !== '/console/courier')
    expect(noPages.find((e) => e.key === 'courier')).toMatchObject({ comingSoon: true, to: '/console/soon/station' })
  })

  it('lights the entry of the page shown, the nearest one above it', () => {
    const shown = navFor([staff])
    expect(activeEntry(shown, '/console/tickets/abc')?.key).toBe('tickets')
    expect(activeEntry(shown, '/console/stats')?.key).toBe('stats')
    expect(activeEntry(shown, '/console')?.key).toBe('home')
    expect(activeEntry(shown, '/console/soon/parking')?.key).toBe('parking')
  })
})

describe("the hotspots' window for a chosen period", () => {
  it('reaches back to the period start, counting both ends', () => {
    const noonBeijing = Date.UTC(2026, 11, 7, 4)
    expect(windowSince('2026-12-07', noonBeijing)).toBe(1)
    expect(windowSince('2026-11-08', noonBeijing)).toBe(30)
    expect(windowSince('2020-01-01', noonBeijing)).toBe(365)
  })
})

describe("the console's words loaded with it (workbench)", () => {
  it('are the same keys in both languages', async () => {
    type Tree = { [key: string]: string | Tree }
    const keys = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    const zh = (await import('../../src/i18n/zh-CN/workbench')).default as unknown as Tree
    const en = (await import('../../src/i18n/en/workbench')).default as unknown as Tree
    expect(keys(en)).toEqual(keys(zh))
    expect(keys(zh).length).toBeGreaterThan(20)
  })

  it('join both languages when the desk loads, and stay when English is chosen later', async () => {
    const { i18n, setLocale } = await import('../../src/i18n')
    const { loadWorkbenchMessages } = await import('../../src/i18n/workbench')
    await loadWorkbenchMessages(i18n.global)
    expect(i18n.global.t('workbench.table.received')).toBe('收到时间')
    await setLocale('en', false)
    expect(i18n.global.t('workbench.table.received')).toBe('Received')
    expect(i18n.global.t('workbench.dueToday')).toBe('Due today')
    expect(i18n.global.t('inbox.overdue')).toBe('Overdue')
    await setLocale('zh-CN', false)
  })
})
