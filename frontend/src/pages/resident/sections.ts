/**
 * The sections of the resident's 我的 page, each answering one path a service names in its
 * `mine` list (services.toml, the one list of services). A section shows only while its
 * service is built and names that path; a service that adds a path (rooms' bookings,
 * parking's permits) adds its section here, and tests/unit/mySections.spec.ts holds the two
 * lists to each other.
 */
import { SERVICES, type ServiceEntry } from '../../services.generated'

/** In the page's order; MyPage.vue names each key's component. */
export const MY_SECTIONS = [
  { key: 'reports', service: 'intake', path: '/v1/me/tickets' },
  { key: 'home', service: 'identity', path: '/v1/me/households' },
  { key: 'children', service: 'identity', path: '/v1/me/dependants' },
  { key: 'volunteering', service: 'courier', path: '/v1/me/volunteering' },
  { key: 'messages', service: 'identity', path: '/v1/me/messages' },
] as const

export type MySection = (typeof MY_SECTIONS)[number]
export type MySectionKey = MySection['key']

/** The sections the built services answer. */
export function mySections(services: readonly ServiceEntry[] = SERVICES): MySection[] {
  const answered = new Set(
    services.filter((s) => s.built).flatMap((s) => s.mine.map((path) => `${s.name} ${path}`)),
  )
  return MY_SECTIONS.filter((section) => answered.has(`${section.service} ${section.path}`))
}
