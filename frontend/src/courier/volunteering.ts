/**
 * 志愿时长 on the resident's 我的 page: every built service whose `mine` list (services.toml)
 * names GET /v1/me/volunteering answers in kit's shape (services/kit/shapes/volunteering.py);
 * the page adds their confirmed totals and lists their items together, newest first. A
 * service that does not answer leaves the others standing (and is named as missing).
 */

import type { MyVolunteering, VolunteeringItem } from '../api/courier/types'
import type { ServiceEntry } from '../services.generated'

export const VOLUNTEERING_PATH = '/v1/me/volunteering'

/** The services asked: built ones naming the path. */
export function volunteeringServices(services: readonly ServiceEntry[]): string[] {
  return services.filter((s) => s.built && s.mine.includes(VOLUNTEERING_PATH)).map((s) => s.name)
}

export interface ServiceItem extends VolunteeringItem {
  service: string
}

export interface VolunteeringSum {
  /** Confirmed hours over every service that answered, to a tenth. */
  total: number
  items: ServiceItem[]
  /** Services that did not answer (their hours are not in the total). */
  missing: string[]
}

export type Answer = { service: string; ok: true; value: MyVolunteering } | { service: string; ok: false }

export function sumVolunteering(answers: readonly Answer[]): VolunteeringSum {
  let tenths = 0
  const items: ServiceItem[] = []
  const missing: string[] = []
  for (const answer of answers) {
    if (!answer.ok) {
      missing.push(answer.service)
      continue
    }
    // In tenths of an hour: 0.1 + 0.2 stays 0.3.
    tenths += Math.round(answer.value.total * 10)
    items.push(...answer.value.items.map((item) => ({ ...item, service: answer.service })))
  }
  items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
  return { total: tenths / 10, items, missing }
}

/** Ask every service at once; each answer or failure is kept apart. */
export async function loadVolunteering(
  services: readonly string[],
  ask: (service: string) => Promise<MyVolunteering>,
): Promise<VolunteeringSum> {
  const answers = await Promise.all(
    services.map(async (service): Promise<Answer> => {
      try {
        return { service, ok: true, value: await ask(service) }
      } catch {
        return { service, ok: false }
      }
    }),
  )
  return sumVolunteering(answers)
}
