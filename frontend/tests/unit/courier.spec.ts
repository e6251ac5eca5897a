import { describe, expect, it } from 'vitest'
import type { MyVolunteering, VolunteeringItem } from '../../src/api/courier/types'
import { beijingTime, beijingWeekday, hoursToday } from '../../src/courier/hours'
import { forgetVisit, keepVisit, keptVisit, VISITS_KEY } from '../../src/courier/visit'
import { loadVolunteering, sumVolunteering, volunteeringServices } from '../../src/courier/volunteering'
import type { ServiceEntry } from '../../src/services.generated'

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

function item(activity: string, date: string, hours: number, confirmed = true): VolunteeringItem {
  return { activity, role: '引导员', place: '天宫院中里社区', date, hours, confirmed }
}

describe('志愿时长 summed over the services (我的)', () => {
  it('asks only built services whose mine list names the volunteering path', () => {
    const services: ServiceEntry[] = [
      { name: 'intake', built: true, mine: ['/v1/me/tickets'] },
      { name: 'courier', built: true, mine: ['/v1/me/volunteering'] },
      { name: 'rooms', built: false, mine: ['/v1/me/volunteering'] },
      { name: 'people', built: true, mine: ['/v1/me/households', '/v1/me/volunteering'] },
    ]
    expect(volunteeringServices(services)).toEqual(['courier', 'people'])
  })

  it('adds the confirmed totals in tenths (no 0.30000000000000004) and lists items newest first', () => {
    const courier: MyVolunteering = { total: 0.1, items: [item('垃圾分类引导', '2026-11-02', 0.1)] }
    const rooms: MyVolunteering = {
      total: 0.2,
      items: [item('文化宣传', '2026-12-01', 0.2), item('插花', '2026-12-20', 2, false)],
    }
    const sum = sumVolunteering([
      { service: 'courier', ok: true, value: courier },
      { service: 'rooms', ok: true, value: rooms },
    ])
    expect(sum.total).toBe(0.3)
    expect(sum.items.map((i) => [i.activity, i.service])).toEqual([
      ['插花', 'rooms'],
      ['文化宣传', 'rooms'],
      ['垃圾分类引导', 'courier'],
    ])
    expect(sum.missing).toEqual([])
  })

  it('a service that does not answer leaves the others standing and is named', async () => {
    const sum = await loadVolunteering(['courier', 'rooms'], async (service) => {
      if (service === 'rooms') throw new Error('down')
      return { total: 4.5, items: [item('垃圾分类引导', '2026-11-02', 4.5)] }
    })
    expect(sum.total).toBe(4.5)
    expect(sum.items).toHaveLength(1)
    expect(sum.missing).toEqual(['rooms'])
  })

  it('no service asked: nothing, and no hours', async () => {
    expect(await loadVolunteering([], () => Promise.reject(new Error('never')))).toEqual({
      total: 0,
      items: [],
      missing: [],
    })
  })
})

describe("the open visit kept on the phone, per station", () => {
  it('is kept, found again by its station, and forgotten when it ends', () => {
    const storage = memoryStorage()
    keepVisit('station-a', { token: 'tokA12345', at: '2026-12-07T10:00:00+08:00' }, storage)
    keepVisit('station-b', { token: 'tokB12345', at: '2026-12-07T11:00:00+08:00' }, storage)
    expect(keptVisit('station-a', storage)?.token).toBe('tokA12345')
    forgetVisit('station-a', storage)
    expect(keptVisit('station-a', storage)).toBeNull()
    expect(keptVisit('station-b', storage)?.token).toBe('tokB12345')
  })

  it('ignores what is not a kept visit (another version, a hand-edited value)', () => {
    const storage = memoryStorage()
    storage.setItem(VISITS_KEY, JSON.stringify({ a: { token: 5 }, b: 'x', c: { token: 'ok123456', at: 'now' } }))
    expect(keptVisit('a', storage)).toBeNull()
    expect(keptVisit('b', storage)).toBeNull()
    expect(keptVisit('c', storage)?.token).toBe('ok123456')
    storage.setItem(VISITS_KEY, 'not json')
    expect(keptVisit('c', storage)).toBeNull()
  })
})

describe("a station's hours in Beijing time", () => {
  const hours = [
    { weekday: 0, opens: '14:00:00', closes: '22:00:00' },
    { weekday: 0, opens: '08:00:00', closes: '12:00:00' },
    { weekday: 6, opens: '10:00:00', closes: '18:00:00' },
  ]

  it("shows today's periods, earliest first, by Beijing's weekday whatever the phone's zone", () => {
    // Sunday 23:30 in UTC is Monday 07:30 in Beijing.
    const mondayInBeijing = new Date('2026-12-06T23:30:00Z')
    expect(beijingWeekday(mondayInBeijing)).toBe(0)
    expect(hoursToday(hours, mondayInBeijing)).toBe('08:00–12:00, 14:00–22:00')
    expect(hoursToday(hours, new Date('2026-12-06T03:00:00Z'))).toBe('10:00–18:00')
    expect(hoursToday(hours, new Date('2026-12-08T03:00:00Z'))).toBe('')
  })

  it("tells a visit's times as Beijing's HH:MM", () => {
    expect(beijingTime('2026-12-07T02:05:00Z')).toBe('10:05')
  })
})

describe("the station's words, loaded with its page", () => {
  it('are the same keys in both languages', async () => {
    type Tree = { [key: string]: string | Tree }
    const keys = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    const zh = (await import('../../src/i18n/zh-CN/courier')).default as unknown as Tree
    const en = (await import('../../src/i18n/en/courier')).default as unknown as Tree
    expect(keys(en)).toEqual(keys(zh))
    expect(keys(zh).length).toBeGreaterThan(40)
  })

  it('join both languages when the station opens, and stay when English is chosen later', async () => {
    const { i18n, setLocale } = await import('../../src/i18n')
    const { loadCourierMessages } = await import('../../src/i18n/courier')
    await loadCourierMessages(i18n.global)
    expect(i18n.global.t('courier.checkIn')).toBe('签到')
    await setLocale('en', false)
    expect(i18n.global.t('courier.checkIn')).toBe('Check in')
    expect(i18n.global.t('myPage.volunteering.title')).toBe('Volunteer hours')
    expect(i18n.global.t('problems.visit_already_open')).toBe('You are checked in already: check out first.')
    await setLocale('zh-CN', false)
  })
})
