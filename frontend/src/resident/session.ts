/** A resident signed in with their phone and a one-time code (only where a page needs it). */

import { ref, shallowRef } from 'vue'
import { identity, residentTokens } from '../api'
import type { MeOut } from '../api/types'

function hasTokens(): boolean {
  const tokens = residentTokens.get()
  return Boolean(tokens.access || tokens.refresh)
}

export const residentSignedIn = ref(hasTokens())
export const resident = shallowRef<MeOut | null>(null)

residentTokens.subscribe(() => {
  residentSignedIn.value = hasTokens()
  if (!residentSignedIn.value) resident.value = null
})

export async function loadResident(): Promise<MeOut> {
  resident.value ??= await identity.me(residentTokens)
  return resident.value
}

export async function verifyResident(phone: string, code: string): Promise<MeOut> {
  const pair = await identity.verifyOtp(phone, code)
  residentTokens.set({ access: pair.access_token, refresh: pair.refresh_token ?? null })
  resident.value = null
  return loadResident()
}

export async function signOutResident(): Promise<void> {
  const { refresh } = residentTokens.get()
  residentTokens.clear()
  if (refresh) {
    try {
      await identity.logout(refresh)
    } catch {
      // Signed out on this phone either way.
    }
  }
}
