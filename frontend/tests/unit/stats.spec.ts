import { describe, expect, it } from 'vitest'
import { dispositionFilename } from '../../src/api/intake/staff'
import { beijingDay, percent, periodRange } from '../../src/console/stats'

describe('the dashboard period', () => {
  it('is counted in Beijing days, whatever the phone’s zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Beijing.
    expect(beijingDay(Date.parse('2026-03-01T23:30:00Z'))).toBe('2026-03-02')
    expect(periodRange(7, Date.parse('2026-03-01T23:30:00Z'))).toEqual({ from: '2026-02-24', to: '2026-03-02' })
    expect(periodRange(30, Date.parse('2026-03-01T12:00:00Z'))).toEqual({ from: '2026-01-31', to: '2026-03-01' })
    expect(periodRange(1, Date.parse('2026-03-01T12:00:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-01' })
  })
})

describe('rates', () => {
  it('read as percentages; no denominator is no rate', () => {
    expect(percent(0.8642)).toBe('86.4%')
    expect(percent(1)).toBe('100%')
    expect(percent(0)).toBe('0%')
    expect(percent(null)).toBeNull()
  })
})

describe('export file names', () => {
  it('prefer the UTF-8 name, fall back to the plain one', () => {
    expect(dispositionFilename(`attachment; filename="tickets.csv"; filename*=UTF-8''%E5%B7%A5%E5%8D%95.csv`)).toBe('工单.csv')
    expect(dispositionFilename('attachment; filename="tickets-TGYZL-2026-03-02.xlsx"')).toBe('tickets-TGYZL-2026-03-02.xlsx')
    expect(dispositionFilename(null)).toBeNull()
  })
})
