import { describe, expect, it } from 'vitest'
import { MY_SECTIONS, mySections } from '../../src/pages/resident/sections'
import { SERVICES } from '../../src/services.generated'

describe('我的: a section for each path the services name in their `mine` list', () => {
  it('every built service path has exactly one section, and every section names a listed path', () => {
    const listed = SERVICES.flatMap((s) => s.mine.map((path) => `${s.name} ${path}`))
    const sections = MY_SECTIONS.map((s) => `${s.service} ${s.path}`)
    expect([...sections].sort()).toEqual([...listed].sort())
  })

  it('shows the sections of built services only, in the page order', () => {
    expect(mySections().map((s) => s.key)).toEqual(['reports', 'home', 'children', 'volunteering', 'messages'])
    const courierNotBuilt = SERVICES.map((s) => (s.name === 'courier' ? { ...s, built: false } : s))
    expect(mySections(courierNotBuilt).map((s) => s.key)).toEqual(['reports', 'home', 'children', 'messages'])
  })
})
