/**
 * The open visit this phone holds at each station: the check-in's token is the only key an
 * anonymous courier has to pick services, take from the kit and check out, so it is kept in
 * localStorage; reopening the page (or scanning again) shows the visit instead of a second
 * check-in. Only the token and when it was made are kept.
 */

export const VISITS_KEY = 'sqwb.courier.visits'

export interface KeptVisit {
  token: string
  /** When it was checked in (ISO). */
  at: string
}

type Store = Pick<Storage, 'getItem' | 'setItem'>

function kept(storage: Store): Record<string, KeptVisit> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(VISITS_KEY) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const out: Record<string, KeptVisit> = {}
    for (const [station, visit] of Object.entries(parsed as Record<string, unknown>)) {
      const v = visit as Partial<KeptVisit> | null
      if (v && typeof v.token === 'string' && typeof v.at === 'string') out[station] = { token: v.token, at: v.at }
    }
    return out
  } catch {
    return {}
  }
}

function save(all: Record<string, KeptVisit>, storage: Store): void {
  try {
    storage.setItem(VISITS_KEY, JSON.stringify(all))
  } catch {
    // Storage full or disabled: the visit lasts for this page only.
  }
}

export function keptVisit(stationId: string, storage: Store = localStorage): KeptVisit | null {
  return kept(storage)[stationId] ?? null
}

export function keepVisit(stationId: string, visit: KeptVisit, storage: Store = localStorage): void {
  save({ ...kept(storage), [stationId]: visit }, storage)
}

/** The visit ended (checked out, closed by the station, or unknown): nothing to show. */
export function forgetVisit(stationId: string, storage: Store = localStorage): void {
  const all = kept(storage)
  if (!(stationId in all)) return
  delete all[stationId]
  save(all, storage)
}
