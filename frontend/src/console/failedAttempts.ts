/**
 * Wrong passwords given for the account since its last sign-in (by anyone, from anywhere):
 * the sign-in answer tells the owner once, and the console shows a notice until dismissed.
 */

import { shallowRef } from 'vue'
import type { FailedAttemptsOut } from '../api/types'
import { formatDateTime } from '../utils/format'

export const failedAttempts = shallowRef<FailedAttemptsOut | null>(null)

/** Keeps what a sign-in answered, only when there were failed attempts to tell of. */
export function noteFailedAttempts(attempts: FailedAttemptsOut | null | undefined): void {
  failedAttempts.value = attempts && attempts.count > 0 ? attempts : null
}

export function dismissFailedAttempts(): void {
  failedAttempts.value = null
}

/** The notice's sentence: how many, and when the last one was (Beijing time). */
export function failedAttemptsText(
  attempts: FailedAttemptsOut,
  t: (key: string, params?: Record<string, unknown>) => string,
  locale: string,
): string {
  const at = formatDateTime(attempts.last_at, locale)
  return t(at ? 'console.failedAttempts.withLast' : 'console.failedAttempts.text', { n: attempts.count, at })
}
