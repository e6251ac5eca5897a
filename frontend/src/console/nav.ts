/**
 * The desk console's side navigation, as data: each service lists its console pages here
 * (its key in services.toml, the path, an icon, the i18n key of its label, the permissions
 * that show it). Entries of a service that is not built yet (services.generated.ts) open its
 * "coming soon" page instead; entries the staff member's roles do not allow are left out.
 * The phone's tab bar keeps its five tabs; these are the same pages.
 */

import type { GrantClaim } from '../api/types'
import { COURIER_PERMS } from '../pages/courier/console/perms'
import { SERVICES } from '../services'
import { ADMIN_PERMS, PERM, PLACE_PERMS, TICKET_PERMS, canAny } from './perms'

export type NavGroup = 'work' | 'services' | 'admin' | 'account'

export interface NavEntry {
  key: string
  /** The service whose page it is (services.toml), or 'console' for the console's own. */
  service: string
  group: NavGroup
  to: string
  icon: string
  labelKey: string
  /** Shown when the staff member holds any of these somewhere; none: always. */
  perms?: readonly string[]
  /** Where an entry of a service not built yet leads. */
  soon?: string
  /** The route's `tab` that lights this entry up when no entry matches the path. */
  tab?: string
}

export const CONSOLE_NAV: readonly NavEntry[] = [
  { key: 'home', service: 'console', group: 'work', to: '/console', icon: 'wap-home-o', labelKey: 'workbench.nav.home', tab: 'home' },
  { key: 'tickets', service: 'intake', group: 'work', to: '/console/tickets', icon: 'todo-list-o', labelKey: 'workbench.nav.tickets', perms: TICKET_PERMS, tab: 'tickets' },
  { key: 'stats', service: 'intake', group: 'work', to: '/console/stats', icon: 'chart-trending-o', labelKey: 'workbench.nav.stats', perms: TICKET_PERMS },
  { key: 'households', service: 'identity', group: 'work', to: '/console/households', icon: 'home-o', labelKey: 'householdClaims.nav', perms: [PERM.households] },
  { key: 'acting', service: 'identity', group: 'work', to: '/console/acting', icon: 'friends-o', labelKey: 'workbench.nav.acting', perms: [PERM.households] },
  { key: 'places', service: 'directory', group: 'work', to: '/console/places', icon: 'location-o', labelKey: 'workbench.nav.places', perms: PLACE_PERMS, tab: 'places' },
  { key: 'rooms', service: 'rooms', group: 'services', to: '/console/rooms', icon: 'calendar-o', labelKey: 'dashboard.calendar', soon: '/console/soon/calendar' },
  { key: 'parking', service: 'parking', group: 'services', to: '/console/parking', icon: 'logistics', labelKey: 'dashboard.parking', soon: '/console/soon/parking' },
  { key: 'courier', service: 'courier', group: 'services', to: '/console/courier', icon: 'hot-o', labelKey: 'dashboard.station', perms: COURIER_PERMS, soon: '/console/soon/station' },
  { key: 'admin', service: 'console', group: 'admin', to: '/console/admin', icon: 'setting-o', labelKey: 'console.tabs.admin', perms: ADMIN_PERMS, tab: 'admin' },
  { key: 'categories', service: 'intake', group: 'admin', to: '/console/admin/categories', icon: 'apps-o', labelKey: 'categorySettings.entry', perms: [PERM.categories] },
  { key: 'audit', service: 'identity', group: 'admin', to: '/console/admin/audit', icon: 'records-o', labelKey: 'dashboard.audit', perms: [PERM.audit] },
  { key: 'me', service: 'console', group: 'account', to: '/console/me', icon: 'user-o', labelKey: 'console.tabs.me', tab: 'me' },
]

export interface ShownEntry extends NavEntry {
  /** The service is not built yet: the entry opens its "coming soon" page. */
  comingSoon: boolean
}

/**
 * The entries a staff member sees, in the list's order. `exists` says whether the console has
 * a page at a path: a service built before its console pages are keeps its "coming soon".
 */
export function navFor(
  grants: readonly GrantClaim[],
  services: readonly { name: string; built: boolean }[] = SERVICES,
  entries: readonly NavEntry[] = CONSOLE_NAV,
  exists: (path: string) => boolean = () => true,
): ShownEntry[] {
  const built = new Map(services.map((s) => [s.name, s.built]))
  const shown: ShownEntry[] = []
  for (const entry of entries) {
    const comingSoon = entry.service !== 'console' && (built.get(entry.service) !== true || !exists(entry.to))
    if (comingSoon && !entry.soon) continue
    if (!comingSoon && entry.perms && !canAny(grants, entry.perms)) continue
    shown.push({ ...entry, to: comingSoon ? entry.soon! : entry.to, comingSoon })
  }
  return shown
}

/** The entry a path belongs to: the longest `to` that is the path or a folder above it. */
export function activeEntry(entries: readonly ShownEntry[], path: string, tab?: string): ShownEntry | null {
  let best: ShownEntry | null = null
  for (const entry of entries) {
    const under = path === entry.to || path.startsWith(entry.to.endsWith('/') ? entry.to : `${entry.to}/`)
    if (under && entry.to !== '/console' && (!best || entry.to.length > best.to.length)) best = entry
  }
  if (best) return best
  if (path === '/console' || path === '/console/') return entries.find((e) => e.key === 'home') ?? null
  return entries.find((e) => e.tab !== undefined && e.tab === tab) ?? null
}
