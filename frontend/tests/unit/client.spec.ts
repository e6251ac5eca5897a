import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from '../../src/api/client'
import { ApiError, NetworkError } from '../../src/api/problem'
import { createTokenStore } from '../../src/api/tokens'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  }
}

function store(access: string | null, refresh: string | null) {
  const tokens = createTokenStore('staff', { session: memoryStorage(), local: memoryStorage() })
  tokens.set({ access, refresh })
  return tokens
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const problem = (status: number, code: string) => json(status, { status, code, detail: code, title: 'x', type: `/problems/${code}` })

type Call = { url: string; auth: string | null; body: unknown }

/** A fake gateway: answers by URL, records what it was asked. */
function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>
    const call: Call = {
      url: String(input),
      auth: headers.Authorization ?? null,
      body: init?.body ? JSON.parse(String(init.body)) : null,
    }
    calls.push(call)
    return handler(call)
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

const REFRESH = '/api/identity/v1/auth/refresh'

describe('API client', () => {
  it('sends the bearer token and parses JSON', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: 1 }))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await expect(api.get('/identity/v1/me', { auth: store('A1', 'R1') })).resolves.toEqual({ ok: 1 })
    expect(calls[0]).toMatchObject({ url: '/api/identity/v1/me', auth: 'Bearer A1' })
  })

  it('on 401 swaps the refresh token once and repeats the request with the new token', async () => {
    const tokens = store('OLD', 'R1')
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === REFRESH) return json(200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 600 })
      return call.auth === 'Bearer NEW' ? json(200, { me: 'x' }) : problem(401, 'invalid_token')
    })
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await expect(api.get('/identity/v1/me', { auth: tokens })).resolves.toEqual({ me: 'x' })
    expect(calls.map((c) => c.url)).toEqual(['/api/identity/v1/me', REFRESH, '/api/identity/v1/me'])
    expect(calls[1]?.body).toEqual({ refresh_token: 'R1' })
    expect(tokens.get()).toEqual({ access: 'NEW', refresh: 'R2' })
  })

  it('shares one refresh among requests that fail together (rotation would refuse the second)', async () => {
    const tokens = store('OLD', 'R1')
    let refreshes = 0
    const { fetch } = fakeFetch(async (call) => {
      if (call.url === REFRESH) {
        refreshes += 1
        await new Promise((resolve) => setTimeout(resolve, 5))
        return json(200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 600 })
      }
      return call.auth === 'Bearer NEW' ? json(200, { url: call.url }) : problem(401, 'invalid_token')
    })
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    const answers = await Promise.all([api.get('/a', { auth: tokens }), api.get('/b', { auth: tokens }), api.get('/c', { auth: tokens })])
    expect(answers).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }])
    expect(refreshes).toBe(1)
  })

  it('a new tab with only the refresh token gets an access token first', async () => {
    const tokens = store(null, 'R1')
    const { fetch, calls } = fakeFetch((call) =>
      call.url === REFRESH ? json(200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 600 }) : json(200, {}),
    )
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await api.get('/x', { auth: tokens })
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      [REFRESH, null],
      ['/api/x', 'Bearer NEW'],
    ])
  })

  it('a refused refresh signs out: the tokens are cleared and the app is told', async () => {
    const tokens = store('OLD', 'R1')
    const signedOut = vi.fn()
    const { fetch } = fakeFetch((call) => (call.url === REFRESH ? problem(401, 'session_ended') : problem(401, 'invalid_token')))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true, onSignedOut: signedOut })
    const error = await api.get('/x', { auth: tokens }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('invalid_token')
    expect(tokens.get()).toEqual({ access: null, refresh: null })
    expect(signedOut).toHaveBeenCalledWith(tokens)
  })

  it('a public request that gets 401 does not try to refresh', async () => {
    const { fetch, calls } = fakeFetch(() => problem(401, 'invalid_credentials'))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await expect(api.post('/identity/v1/auth/login', { username: 'x', password: 'y' })).rejects.toBeInstanceOf(ApiError)
    expect(calls).toHaveLength(1)
  })

  it('turns a lost network, a timeout and being offline into NetworkError', async () => {
    const lost = createApiClient({
      base: '/api',
      isOnline: () => true,
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch,
    })
    await expect(lost.get('/x')).rejects.toMatchObject({ reason: 'network' })

    const slow = createApiClient({
      base: '/api',
      isOnline: () => true,
      timeoutMs: 10,
      fetch: ((_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof globalThis.fetch,
    })
    await expect(slow.get('/x')).rejects.toMatchObject({ reason: 'timeout' })

    const offline = createApiClient({ base: '/api', isOnline: () => false, fetch: vi.fn() as unknown as typeof globalThis.fetch })
    const error = await offline.get('/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).reason).toBe('offline')
  })

  it('describes a non-JSON error page by its status', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await expect(api.get('/x')).rejects.toMatchObject({ problem: { status: 502, code: 'http_error' } })
  })

  it('reads text and empty answers', async () => {
    const { fetch } = fakeFetch((call) => (call.url.endsWith('/sheet') ? new Response('<html></html>', { status: 200 }) : new Response(null, { status: 204 })))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await expect(api.get('/sheet', { as: 'text' })).resolves.toBe('<html></html>')
    await expect(api.del('/gone', { as: 'none' })).resolves.toBeUndefined()
  })

  it('adds query parameters, leaving out empty ones', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}))
    const api = createApiClient({ base: '/api', fetch, isOnline: () => true })
    await api.get('/places', { query: { parent_id: 'p', offset: 0, q: '', kind: undefined } })
    expect(calls[0]?.url).toBe('/api/places?parent_id=p&offset=0')
  })
})
