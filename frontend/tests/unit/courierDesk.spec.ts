import { describe, expect, it } from 'vitest'
import { cameraPossible, normaliseShortCode, parseScanned } from '../../src/pages/courier/console/card'
import { dayRangeOf, heatmapCells, supplyFilterOf } from '../../src/pages/courier/console/desk'

describe("a courier card's QR code as the desk's camera reads it", () => {
  it('takes the payload SQWB-COURIER:<token> as it is', () => {
    expect(parseScanned('SQWB-COURIER:AbCdEfGhJkMnPqRsTuVwXyZ2')).toEqual({
      kind: 'card',
      card: 'SQWB-COURIER:AbCdEfGhJkMnPqRsTuVwXyZ2',
    })
    expect(parseScanned('  sqwb-courier:AbCdEfGhJkMnPqRsTuVwXyZ2\n')).toEqual({
      kind: 'card',
      card: 'SQWB-COURIER:AbCdEfGhJkMnPqRsTuVwXyZ2',
    })
  })

  it("names a station's code, a web address or a broken payload as not a card", () => {
    expect(parseScanned('https://example.org/q/abc')).toEqual({ kind: 'not_a_card' })
    expect(parseScanned('SQWB-COURIER:')).toEqual({ kind: 'not_a_card' })
    expect(parseScanned('SQWB-COURIER:short')).toEqual({ kind: 'not_a_card' })
    expect(parseScanned('   ')).toEqual({ kind: 'empty' })
  })
})

describe('a short code as staff type it', () => {
  it('drops spaces and dashes, reads any case, and writes XXXX-XXXX', () => {
    expect(normaliseShortCode('abcd efgh')).toEqual({ kind: 'card', card: 'ABCD-EFGH' })
    expect(normaliseShortCode('ABCD-EFGH')).toEqual({ kind: 'card', card: 'ABCD-EFGH' })
    expect(normaliseShortCode(' a b c d－2 3 4 5 ')).toEqual({ kind: 'card', card: 'ABCD-2345' })
  })

  it('names letters a card never has (0 O 1 I L) and a wrong length', () => {
    expect(normaliseShortCode('ABCD-EFG0')).toEqual({ kind: 'bad_short_code', reason: 'letters' })
    expect(normaliseShortCode('ILOV-E123')).toEqual({ kind: 'bad_short_code', reason: 'letters' })
    expect(normaliseShortCode('ABCD-EFG')).toEqual({ kind: 'bad_short_code', reason: 'length' })
    expect(normaliseShortCode('ABCD-EFGHJ')).toEqual({ kind: 'bad_short_code', reason: 'length' })
    expect(normaliseShortCode('')).toEqual({ kind: 'empty' })
  })

  it('takes a pasted QR payload too', () => {
    expect(normaliseShortCode('SQWB-COURIER:AbCdEfGhJkMnPqRsTuVwXyZ2')).toEqual({
      kind: 'card',
      card: 'SQWB-COURIER:AbCdEfGhJkMnPqRsTuVwXyZ2',
    })
  })
})

describe('the camera', () => {
  const withMedia = { getUserMedia: () => Promise.reject(new Error('no')) }
  it('is offered only in a secure context that has getUserMedia', () => {
    expect(cameraPossible({ isSecureContext: true, navigator: { mediaDevices: withMedia } } as never)).toBe(true)
    expect(cameraPossible({ isSecureContext: false, navigator: { mediaDevices: withMedia } } as never)).toBe(false)
    expect(cameraPossible({ isSecureContext: true, navigator: {} } as never)).toBe(false)
  })
})

describe("the console home's links into the kit", () => {
  it('reads ?filter=low_stock and ?filter=expiring, nothing else', () => {
    expect(supplyFilterOf({ filter: 'low_stock' })).toBe('low_stock')
    expect(supplyFilterOf({ filter: 'expiring' })).toBe('expiring')
    expect(supplyFilterOf({ filter: 'everything' })).toBeNull()
    expect(supplyFilterOf({})).toBeNull()
  })
})

describe('date ranges in the URL', () => {
  it('keeps two ordered Beijing days, or none', () => {
    expect(dayRangeOf({ from: '2026-12-01', to: '2026-12-07' })).toEqual(['2026-12-01', '2026-12-07'])
    expect(dayRangeOf({ from: '2026-12-07', to: '2026-12-01' })).toEqual(['2026-12-01', '2026-12-07'])
    expect(dayRangeOf({ from: '2026-12-01' })).toBeNull()
    expect(dayRangeOf({ from: 'yesterday', to: '2026-12-01' })).toBeNull()
  })
})

describe('the hour heatmap', () => {
  it('gives a cell [hour, weekday, visits] for every weekday and hour, Monday on top', () => {
    const rows = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0))
    rows[0]![12] = 5
    rows[6]![23] = 1
    const { cells, max } = heatmapCells(rows)
    expect(cells).toHaveLength(7 * 24)
    // ECharts draws the first category at the bottom: Monday is row 6 there.
    expect(cells).toContainEqual([12, 6, 5])
    expect(cells).toContainEqual([23, 0, 1])
    expect(cells).toContainEqual([0, 3, 0])
    expect(max).toBe(5)
  })

  it('copes with missing rows', () => {
    expect(heatmapCells([]).cells).toHaveLength(7 * 24)
    expect(heatmapCells([]).max).toBe(0)
  })
})

describe("an activity's times, typed in Beijing", () => {
  it('carry the +08:00 offset the service asks for, and read back the same', async () => {
    const { beijingInstant, beijingLocal, lastMonth } = await import('../../src/pages/courier/console/activity')
    expect(beijingInstant('2026-03-08T14:00')).toBe('2026-03-08T14:00:00+08:00')
    expect(beijingInstant('')).toBeNull()
    expect(beijingLocal('2026-03-08T06:00:00Z')).toBe('2026-03-08T14:00')
    expect(beijingLocal('2026-03-08T14:00:00+08:00')).toBe('2026-03-08T14:00')
    // 2026-12-31 20:00 UTC is already 1 January in Beijing: last month is December.
    expect(lastMonth(Date.parse('2026-12-31T20:00:00Z'))).toBe('2026-12')
    expect(lastMonth(Date.parse('2026-01-15T00:00:00Z'))).toBe('2025-12')
    expect(lastMonth(Date.parse('2026-12-07T10:00:00Z'))).toBe('2026-11')
  })
})

describe('a most-helpful list as staff pick it', () => {
  it("offers each courier still signed up to the month's activities once, and names the refused pick", async () => {
    const { helpfulCandidates, inBeijingMonth, refusedPick } = await import('../../src/pages/courier/console/activity')
    const row = (courier_id: string, nickname: string, status = 'signed_up') => ({ courier_id, nickname, platform: 'meituan', status })
    expect(helpfulCandidates([row('b', '小王'), row('a', '老李'), row('b', '小王'), row('c', '阿张', 'cancelled')])).toEqual([
      { courier_id: 'a', nickname: '老李', platform: 'meituan' },
      { courier_id: 'b', nickname: '小王', platform: 'meituan' },
    ])
    // 30 November 20:00 UTC is already 1 December in Beijing.
    expect(inBeijingMonth('2026-11-30T20:00:00Z', '2026-12')).toBe(true)
    expect(inBeijingMonth('2026-11-30T15:00:00Z', '2026-12')).toBe(false)
    expect(refusedPick([{ pointer: '/body/couriers/2/courier_id' }])).toBe(2)
    expect(refusedPick([{ pointer: '/body/month' }])).toBeNull()
    expect(refusedPick(undefined)).toBeNull()
  })
})

describe("the courier desk's words, loaded with its pages", () => {
  it('are the same keys in both languages', async () => {
    type Tree = { [key: string]: string | Tree }
    const keys = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    const zh = (await import('../../src/i18n/zh-CN/courierDesk')).default as unknown as Tree
    const en = (await import('../../src/i18n/en/courierDesk')).default as unknown as Tree
    expect(keys(en)).toEqual(keys(zh))
    expect(keys(zh).length).toBeGreaterThan(100)
  })

  it('join both languages when the desk opens, and stay when English is chosen later', async () => {
    const { i18n, setLocale } = await import('../../src/i18n')
    const { loadCourierDeskWords } = await import('../../src/pages/courier/console/words')
    await loadCourierDeskWords(i18n.global)
    expect(i18n.global.t('courierDesk.tabs.live')).toBe('驿站实况')
    expect(i18n.global.t('courierDesk.scan.revoked')).toBe('这张骑手卡已注销')
    await setLocale('en', false)
    expect(i18n.global.t('courierDesk.tabs.live')).toBe('Live')
    expect(i18n.global.t('courierDesk.live.checkedOut', { name: '小王' })).toBe('小王 checked out')
    await setLocale('zh-CN', false)
  })
})
