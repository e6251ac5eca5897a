/** Scanned codes, resolved once per page load: the hub and its sub-pages share the answer. */

import { directory, http } from '../../api'
import { ApiError } from '../../api/problem'
import type { ResolvedCode } from '../../api/types'
import { parseToken } from '../../utils/token'

const cache = new Map<string, Promise<ResolvedCode>>()

/** The request index.html started for a scanned link before the app had loaded. */
interface EarlyCode {
  token: string
  response: Promise<Response>
}

declare global {
  interface Window {
    __sqwbEarlyCode?: EarlyCode
  }
}

/** The early request for this token, once (a retry asks the server again). */
function takeEarly(token: string): Promise<Response> | null {
  const early = window.__sqwbEarlyCode
  if (!early || early.token !== token) return null
  window.__sqwbEarlyCode = undefined
  return early.response
}

export function malformedTokenError(): ApiError {
  return new ApiError({ status: 400, code: 'malformed_token', detail: null })
}

/** A token that cannot be ours is refused here, without a round trip on a slow network. */
export function resolveToken(raw: string): Promise<ResolvedCode> {
  const token = parseToken(raw)
  if (!token) return Promise.reject(malformedTokenError())
  let pending = cache.get(token)
  if (!pending) {
    const early = takeEarly(token)
    pending = early ? http.adopt<ResolvedCode>(early) : directory.resolveCode(token)
    pending.catch(() => cache.delete(token)) // a failure is retried, not remembered
    cache.set(token, pending)
  }
  return pending
}

/** "天宫院中里社区 · 3号楼 · 2单元": the names a resident knows their door by. */
export function placeLine(code: ResolvedCode): string[] {
  const { community, building, unit } = code.chain
  const names = [community?.name, building?.name, unit?.name].filter((n): n is string => Boolean(n))
  return names.length ? names : [code.place.name]
}
