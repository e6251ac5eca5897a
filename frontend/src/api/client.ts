/**
 * One small HTTP client for every service behind the gateway (`/api/<service>/...`).
 *
 * - Errors become `ApiError` (the RFC 9457 problem) or `NetworkError` (no answer, too slow,
 *   offline), so pages can say what happened in the user's language and offer a retry.
 * - With a token store, requests carry its bearer token; a 401 swaps the refresh token for
 *   new tokens once (concurrent 401s share that one refresh) and repeats the request. When
 *   the refresh is refused the store is cleared and `onSignedOut` is told.
 */

import { ApiError, NetworkError, isProblem, type Problem } from './problem'
import type { TokenStore } from './tokens'

export type Query = Record<string, string | number | boolean | null | undefined>
/** 'response': the Response itself (its headers, a 304 of a conditional request). */
export type ResponseKind = 'json' | 'text' | 'blob' | 'none' | 'response'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** JSON, or a FormData sent as multipart (uploads). */
  body?: unknown
  /** More headers (If-None-Match, Idempotency-Key, ...). */
  headers?: Record<string, string>
  query?: Query
  /** Whose tokens to send (none: a public request). */
  auth?: TokenStore | null
  as?: ResponseKind
  timeoutMs?: number
}

export interface ClientOptions {
  base: string
  fetch?: typeof fetch
  timeoutMs?: number
  /** The identity path that swaps a refresh token, relative to `base`. */
  refreshPath?: string
  isOnline?: () => boolean
  onSignedOut?: (store: TokenStore) => void
}

interface TokenPair {
  access_token: string
  refresh_token?: string | null
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>
  del<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>
  /** Swap the store's refresh token for new tokens; false when there is none or it is refused. */
  refresh(store: TokenStore): Promise<boolean>
  /** Read a public request started elsewhere (index.html's early fetch) the same way. */
  adopt<T>(response: Promise<Response>, kind?: ResponseKind): Promise<T>
}

function withQuery(url: string, query?: Query): string {
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json()
    if (isProblem(body)) return body
  } catch {
    // Not JSON (a proxy's HTML error page): describe it by its status.
  }
  return { status: response.status, code: 'http_error', detail: null }
}

export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 20_000
  const refreshPath = options.refreshPath ?? '/identity/v1/auth/refresh'
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false))
  const refreshing = new Map<TokenStore, Promise<boolean>>()

  async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    if (!isOnline()) throw new NetworkError('offline')
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers }
    let body: BodyInit | undefined
    if (typeof FormData !== 'undefined' && opts.body instanceof FormData) {
      body = opts.body // the browser writes the multipart Content-Type with its boundary
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(opts.body)
    }
    if (token) headers.Authorization = `Bearer ${token}`
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, opts.timeoutMs ?? timeoutMs)
    try {
      return await doFetch(withQuery(`${options.base}${path}`, opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body,
        signal: controller.signal,
        credentials: 'same-origin',
      })
    } catch {
      throw new NetworkError(timedOut ? 'timeout' : isOnline() ? 'network' : 'offline')
    } finally {
      clearTimeout(timer)
    }
  }

  async function doRefresh(store: TokenStore): Promise<boolean> {
    const { refresh } = store.get()
    if (!refresh) return false
    const response = await send(refreshPath, { method: 'POST', body: { refresh_token: refresh } }, null)
    if (response.ok) {
      const pair = (await response.json()) as TokenPair
      store.set({ access: pair.access_token, refresh: pair.refresh_token ?? refresh })
      return true
    }
    if (response.status === 401 || response.status === 400 || response.status === 422) {
      store.clear()
      options.onSignedOut?.(store)
      return false
    }
    throw new ApiError(await problemOf(response))
  }

  function refresh(store: TokenStore): Promise<boolean> {
    let pending = refreshing.get(store)
    if (!pending) {
      pending = doRefresh(store).finally(() => refreshing.delete(store))
      refreshing.set(store, pending)
    }
    return pending
  }

  async function read<T>(response: Response, kind: ResponseKind): Promise<T> {
    if (kind === 'response') return response as T
    if (kind === 'none' || response.status === 204) return undefined as T
    if (kind === 'text') return (await response.text()) as T
    if (kind === 'blob') return (await response.blob()) as T
    return (await response.json()) as T
  }

  async function adopt<T>(pending: Promise<Response>, kind: ResponseKind = 'json'): Promise<T> {
    let response: Response
    try {
      response = await pending
    } catch {
      throw new NetworkError(isOnline() ? 'network' : 'offline')
    }
    if (!response.ok) throw new ApiError(await problemOf(response))
    return read<T>(response, kind)
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const store = opts.auth ?? null
    let access = store?.get().access ?? null
    // A new tab has the refresh token only: get an access token first.
    if (store && !access && store.get().refresh && (await refresh(store))) {
      access = store.get().access
    }
    let response = await send(path, opts, access)
    if (response.status === 401 && store && (await refresh(store))) {
      response = await send(path, opts, store.get().access)
    }
    const notModified = response.status === 304 && opts.as === 'response'
    if (!response.ok && !notModified) throw new ApiError(await problemOf(response))
    return read<T>(response, opts.as ?? 'json')
  }

  return {
    request,
    refresh,
    adopt,
    get: (path, o) => request(path, { ...o, method: 'GET' }),
    post: (path, body, o) => request(path, { ...o, method: 'POST', body }),
    patch: (path, body, o) => request(path, { ...o, method: 'PATCH', body }),
    del: (path, o) => request(path, { ...o, method: 'DELETE' }),
  }
}
