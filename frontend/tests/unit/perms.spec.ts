import { describe, expect, it } from 'vitest'
import type { GrantClaim } from '../../src/api/types'
import { PERM, can, canAny, rootPlaceIds } from '../../src/console/perms'

const community: GrantClaim = {
  role: 'community_staff',
  place_id: 'c',
  path: '/d/s/c/',
  perms: [PERM.codesManage, PERM.codesPrint, PERM.audit],
}
const building: GrantClaim = { role: 'building_captain', place_id: 'b', path: '/d/s/c/b/', perms: [PERM.codesPrint] }
const other: GrantClaim = { role: 'community_staff', place_id: 'x', path: '/d/s/x/', perms: [PERM.codesManage] }

describe('permissions from grants', () => {
  it('hold at the grant place and below, not beside or above', () => {
    expect(can([community], PERM.codesManage, '/d/s/c/b/u/')).toBe(true)
    expect(can([community], PERM.codesManage, '/d/s/c/')).toBe(true)
    expect(can([community], PERM.codesManage, '/d/s/')).toBe(false)
    expect(can([community], PERM.codesManage, '/d/s/x/')).toBe(false)
    expect(can([building], PERM.codesManage, '/d/s/c/b/')).toBe(false)
  })

  it('anywhere, for what the console shows', () => {
    expect(can([building], PERM.codesPrint)).toBe(true)
    expect(can([building], PERM.staff)).toBe(false)
    expect(canAny([building], [PERM.staff, PERM.codesPrint])).toBe(true)
    expect(canAny([], [PERM.codesPrint])).toBe(false)
  })

  it('browsing starts at the outermost places of the grants', () => {
    expect(rootPlaceIds([building, community, other])).toEqual(['c', 'x'])
    expect(rootPlaceIds([building])).toEqual(['b'])
  })
})
