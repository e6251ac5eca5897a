/**
 * A report or "+1" from a resident who signed in with their phone is kept under them (the
 * token goes along); one whose sign-in has run out is not refused for it: it goes again
 * without, as anyone's report may. A 401 means nothing was stored, so the second try cannot
 * file twice.
 */

import { residentTokens } from '../api'
import { ApiError } from '../api/problem'
import type { TokenStore } from '../api/tokens'
import { residentSignedIn } from '../resident/session'

export async function asResidentIfSignedIn<T>(send: (auth: TokenStore | null) => Promise<T>): Promise<T> {
  if (!residentSignedIn.value) return send(null)
  try {
    return await send(residentTokens)
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) return send(null)
    throw caught
  }
}
