/** The signed-in staff member: tokens (api/tokens), who they are (GET /me) and their roles. */

import { computed, ref, shallowRef } from 'vue'
import { identity, staffTokens } from '../api'
import type { MeOut, RoleOut } from '../api/types'
import { dismissFailedAttempts, noteFailedAttempts } from './failedAttempts'

function hasTokens(): boolean {
  const tokens = staffTokens.get()
  return Boolean(tokens.access || tokens.refresh)
}

export const signedIn = ref(hasTokens())
export const me = shallowRef<MeOut | null>(null)
export const grants = computed(() => me.value?.grants ?? [])
const roles = shallowRef<RoleOut[] | null>(null)

staffTokens.subscribe(() => {
  signedIn.value = hasTokens()
  if (!signedIn.value) me.value = null
})

let loading: Promise<MeOut> | null = null

export function loadMe(force = false): Promise<MeOut> {
  if (me.value && !force) return Promise.resolve(me.value)
  loading ??= identity
    .me(staffTokens)
    .then((value) => (me.value = value))
    .finally(() => (loading = null))
  return loading
}

export async function signIn(username: string, password: string): Promise<MeOut> {
  const pair = await identity.login(username, password)
  staffTokens.set({ access: pair.access_token, refresh: pair.refresh_token ?? null })
  noteFailedAttempts(pair.failed_attempts_since_last_sign_in)
  return loadMe(true)
}

export async function signOut(): Promise<void> {
  const { refresh } = staffTokens.get()
  staffTokens.clear()
  dismissFailedAttempts()
  if (refresh) {
    try {
      await identity.logout(refresh)
    } catch {
      // Signed out here either way; the refresh token expires on its own.
    }
  }
}

export async function loadRoles(): Promise<RoleOut[]> {
  roles.value ??= await identity.roles()
  return roles.value
}

export function roleTitle(name: string, locale: string): string {
  const role = roles.value?.find((r) => r.name === name)
  if (!role) return name
  return locale === 'en' ? role.title_en : role.title_zh
}
