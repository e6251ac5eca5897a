/** Places the console shows, fetched once per page load (names and kinds rarely change). */

import { directory } from '../api'
import type { PlaceDetail } from '../api/types'

const cache = new Map<string, Promise<PlaceDetail>>()

export function getPlace(id: string, fresh = false): Promise<PlaceDetail> {
  let pending = fresh ? undefined : cache.get(id)
  if (!pending) {
    pending = directory.place(id)
    pending.catch(() => cache.delete(id))
    cache.set(id, pending)
  }
  return pending
}

export function getPlaces(ids: readonly string[]): Promise<PlaceDetail[]> {
  return Promise.all(ids.map((id) => getPlace(id)))
}

/** Sheets of QR codes are printed for a community or a building. */
export const SHEET_KINDS: readonly string[] = ['community', 'building']
/** A warm station prints one poster of its check-in code (services/directory/posters.py). */
export const POSTER_KINDS: readonly string[] = ['station']
/** Places where codes can be posted (directory's CODE_KINDS_FOR_PLACE). */
export const CODE_PLACE_KINDS: readonly string[] = ['unit', 'building', 'community', 'venue', 'station', 'parking_area']
