/** A resident signed in with their phone and a one-time code (only where a page needs it),
 * or a staff member acting for a resident without a smartphone (the act-for token, in this
 * tab only, with whom and why: the pages show a banner while it lasts). */

import { ref, shallowRef } from 'vue'
import { identity, residentTokens } from '../api'
import type { MeOut } from '../api/types'

/** Whom a staff member acts for and why (shown on every resident page meanwhile). */
export interface Acting {
  residentId: string
  name: string
  reason: string
}

const ACTING_KEY = 'sqwb.acting'

function hasTokens(): boolean {
  const tokens = residentTokens.get()
  return Boolean(tokens.access || tokens.refresh)
}

function storedActing(): Acting | null {
  try {
    const raw = sessionStorage.getItem(ACTING_KEY)
    return raw ? (JSON.parse(raw) as Acting) : null
  } catch {
    return null
  }
}

function storeActing(value: Acting | null): void {
  try {
    if (value) sessionStorage.setItem(ACTING_KEY, JSON.stringify(value))
    else sessionStorage.removeItem(ACTING_KEY)
  } catch {
    // Storage disabled: acting lasts as long as the page.
  }
}

export const residentSignedIn = ref(hasTokens())
export const resident = shallowRef<MeOut | null>(null)
export const acting = shallowRef<Acting | null>(hasTokens() ? storedActing() : null)

residentTokens.subscribe(() => {
  residentSignedIn.value = hasTokens()
  if (!residentSignedIn.value) {
    resident.value = null
    // The act-for token has no refresh token: once it expires or is cleared, acting ends.
    acting.value = null
    storeActing(null)
  }
})

export async function loadResident(): Promise<MeOut> {
  resident.value ??= await identity.me(residentTokens)
  return resident.value
}

export async function verifyResident(phone: string, code: string): Promise<MeOut> {
  const pair = await identity.verifyOtp(phone, code)
  acting.value = null
  storeActing(null)
  residentTokens.set({ access: pair.access_token, refresh: pair.refresh_token ?? null })
  resident.value = null
  return loadResident()
}

/** Staff start acting: the resident's pages now use the act-for token (this tab only). */
export function startActing(accessToken: string, who: Acting): void {
  storeActing(who)
  residentTokens.set({ access: accessToken, refresh: null })
  acting.value = who
  resident.value = null
}

/** Staff end acting: the token is forgotten here (it expires within minutes anyway). */
export function endActing(): void {
  residentTokens.clear()
}

/** The resident's account deleted: every session ended there, nothing kept here. */
export async function deleteResidentAccount(): Promise<void> {
  await identity.deleteMe(residentTokens)
  residentTokens.clear()
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
