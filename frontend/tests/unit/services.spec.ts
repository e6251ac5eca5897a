import { describe, expect, it } from 'vitest'
import { HUB_TILES, hubMessages, qrPage, SOON_TILES } from '../../src/services'

describe('the one list of services, as the pages read it', () => {
  it('a unit door opens the hub, a warm station its own page; a kind whose service is not built, or unknown, the place', () => {
    expect(qrPage('unit')).toBe('hub')
    expect(qrPage('station')).toBe('station')
    expect(qrPage('room')).toBe('place')
    expect(qrPage('no_such_kind')).toBe('place')
    expect(qrPage('toString')).toBe('place')
  })

  it('the hub shows report, mine, rooms and parking; the last two open "coming soon"', () => {
    expect(HUB_TILES.map((tile) => tile.path)).toEqual(['report', 'mine', 'soon/rooms', 'soon/parking'])
    expect([...SOON_TILES]).toEqual(['rooms', 'parking'])
  })

  it('gives each tile its title and hint in both languages', () => {
    expect(hubMessages('zh-CN')).toMatchObject({ rooms: '活动室预约', roomsHint: '文化活动室、课程' })
    expect(hubMessages('en')).toMatchObject({ report: 'Report a problem', mineHint: 'Follow their progress' })
  })
})
