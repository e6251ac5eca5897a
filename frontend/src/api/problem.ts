/** RFC 9457 problems as our services send them, and how they read in the user's language. */

export interface FieldError {
  pointer: string
  detail: string
  code: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string | null
  code: string
  instance?: string | null
  request_id?: string | null
  errors?: FieldError[]
  // Extension members a domain error carries (community, retry_after, allowed_kinds, ...).
  [extension: string]: unknown
}

/** An answer with an error status: the problem it carried (or one made up from the status). */
export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.code)
    this.name = 'ApiError'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }

  get code(): string {
    return this.problem.code
  }
}

export type NetworkFailure = 'network' | 'timeout' | 'offline'

/** No answer at all: the network is down, too slow, or the phone is offline. */
export class NetworkError extends Error {
  readonly reason: NetworkFailure

  constructor(reason: NetworkFailure) {
    super(reason)
    this.name = 'NetworkError'
    this.reason = reason
  }
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false
  const candidate = body as Record<string, unknown>
  return typeof candidate.code === 'string' && typeof candidate.status === 'number'
}

/** What turns a message key into text: vue-i18n's `t` and `te`, or a stand-in in tests. */
export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
}

function params(problem: Problem): Record<string, unknown> {
  const retry = typeof problem.retry_after === 'number' ? problem.retry_after : undefined
  return {
    ...problem,
    seconds: retry ?? '',
    minutes: retry === undefined ? '' : Math.max(1, Math.ceil(retry / 60)),
    status: problem.status,
  }
}

/**
 * The sentence to show for an error: the translation of the problem's stable `code` when we
 * have one, else the problem's own `detail` (English, from the service), else a generic line.
 */
export function errorMessage(error: unknown, tr: Translator): string {
  if (error instanceof NetworkError) return tr.t(`problems.${error.reason}`)
  if (error instanceof ApiError) {
    const key = `problems.${error.code}`
    if (tr.te(key)) return tr.t(key, params(error.problem))
    if (error.problem.detail) return error.problem.detail
    return tr.t('problems.generic', { status: error.status })
  }
  return tr.t('problems.unexpected')
}

/** Worth a "try again" button: the network, or a server that may answer next time. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429
  return true
}

/**
 * Field errors by field name (`/body/phone` → `phone`), each as a sentence in the user's
 * language: a known field code's translation, else a generic "check this".
 */
export function fieldErrors(error: unknown, tr: Translator): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const field of error.problem.errors ?? []) {
    const name = field.pointer.split('/').filter(Boolean).pop()
    if (!name) continue
    const key = `fieldProblems.${field.code}`
    out[name] = tr.te(key) ? tr.t(key) : tr.t('fieldProblems.invalid')
  }
  return out
}
