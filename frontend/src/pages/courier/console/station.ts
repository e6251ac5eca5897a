/**
 * The station the desk works on: the warm stations the staff member's courier grants reach
 * (a grant on the station itself, or on a community or street above it: the service decides
 * for real and answers 404 outside them), the one chosen remembered on this device.
 */

import { computed, ref, shallowRef } from 'vue'
import { courierDesk } from '../../../api/courier/console'
import type { StationOut } from '../../../api/courier/types'
import type { GrantClaim } from '../../../api/types'
import { COURIER_PERMS } from './perms'

const KEY = 'sqwb.courier.station'

export const stations = shallowRef<StationOut[] | null>(null)
export const chosenId = ref<string | null>(readChosen())

function readChosen(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}

/** The stations a staff member works at: those granted by id first; else every station (a wider grant). */
export function stationsFor(all: readonly StationOut[], grants: readonly GrantClaim[]): StationOut[] {
  const courierGrants = grants.filter((g) => g.perms.some((p) => COURIER_PERMS.includes(p)))
  const byId = all.filter((s) => courierGrants.some((g) => g.place_id === s.id))
  const wider = courierGrants.some((g) => !all.some((s) => s.id === g.place_id))
  return wider ? [...all] : byId
}

export async function loadStations(grants: readonly GrantClaim[]): Promise<StationOut[]> {
  const mine = stationsFor(await courierDesk.stations(), grants)
  stations.value = mine
  if (!mine.some((s) => s.id === chosenId.value)) chosenId.value = mine[0]?.id ?? null
  return mine
}

export function chooseStation(id: string): void {
  chosenId.value = id
  try {
    localStorage.setItem(KEY, id)
  } catch {
    // private mode: remembered for this visit only
  }
}

export const chosenStation = computed(() => stations.value?.find((s) => s.id === chosenId.value) ?? null)

/** The chosen station's id, for pages that render only once one is chosen. */
export function stationId(): string {
  if (!chosenId.value) throw new Error('no station chosen')
  return chosenId.value
}
