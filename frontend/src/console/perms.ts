/**
 * What a staff member may do, read from the grants their access token carries (GET /me):
 * a permission holds at a place when some grant has it on the place or an ancestor of it
 * (the place's path starts with the grant's path). The services decide for real; this
 * only hides what would be refused.
 */

import type { GrantClaim } from '../api/types'

export const PERM = {
  placesWrite: 'directory:places:write',
  codesManage: 'directory:codes:manage',
  codesPrint: 'directory:codes:print',
  staff: 'identity:staff:manage',
  grants: 'identity:grants:manage',
  organisations: 'identity:organisations:manage',
  clients: 'identity:clients:manage',
  roles: 'identity:roles:manage',
  audit: 'identity:audit:read',
  ticketsRead: 'intake:tickets:read',
  ticketsHandle: 'intake:tickets:handle',
  reveal: 'identity:personal:reveal',
  households: 'identity:households:verify',
  categories: 'intake:categories:manage',
  webhooks: 'intake:webhooks:manage',
} as const

export type Permission = (typeof PERM)[keyof typeof PERM]

export function isWithin(path: string, scope: string): boolean {
  return path.startsWith(scope)
}

/** The permission somewhere (no path), or at the place with this path. */
export function can(grants: readonly GrantClaim[], permission: string, path?: string): boolean {
  return grants.some((g) => g.perms.includes(permission) && (path === undefined || isWithin(path, g.path)))
}

export function canAny(grants: readonly GrantClaim[], permissions: readonly string[]): boolean {
  return permissions.some((p) => can(grants, p))
}

/** Where browsing starts: the places of the grants, without one inside another. */
export function rootPlaceIds(grants: readonly GrantClaim[]): string[] {
  const roots = grants.filter(
    (g) => !grants.some((other) => other !== g && other.path !== g.path && isWithin(g.path, other.path)),
  )
  return [...new Set(roots.map((g) => g.place_id))]
}

export const ADMIN_PERMS: readonly string[] = [PERM.staff, PERM.roles, PERM.organisations, PERM.clients, PERM.audit, PERM.categories, PERM.webhooks]
export const PLACE_PERMS: readonly string[] = [PERM.codesManage, PERM.codesPrint, PERM.placesWrite]
export const TICKET_PERMS: readonly string[] = [PERM.ticketsRead]
