import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/api/problem'
import { resolveToken } from '../../src/pages/scan/resolve'

const resolved = { token: 'ABCDEFGH2345', kind: 'unit', chain: {}, place: { name: '2单元' } }
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('resolving a scanned code', () => {
  afterEach(() => {
    window.__sqwbEarlyCode = undefined
    vi.unstubAllGlobals()
  })

  it("takes the answer index.html asked for early, without asking again", async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    window.__sqwbEarlyCode = { token: 'ABCDEFGH2345', response: Promise.resolve(json(200, resolved)) }
    await expect(resolveToken('abcdefgh2345')).resolves.toMatchObject({ token: 'ABCDEFGH2345' })
    expect(fetch).not.toHaveBeenCalled()
    expect(window.__sqwbEarlyCode).toBeUndefined()
  })

  it('a failed early answer is reported, and a retry asks the server', async () => {
    window.__sqwbEarlyCode = { token: 'BBBBBBBB2345', response: Promise.reject(new TypeError('Failed to fetch')) }
    await expect(resolveToken('BBBBBBBB2345')).rejects.toMatchObject({ reason: 'network' })
    const fetch = vi.fn(async (_url: string) => json(200, { ...resolved, token: 'BBBBBBBB2345' }))
    vi.stubGlobal('fetch', fetch)
    await expect(resolveToken('BBBBBBBB2345')).resolves.toMatchObject({ token: 'BBBBBBBB2345' })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/directory/v1/codes/BBBBBBBB2345')
  })

  it('refuses a malformed token without a request', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const error = await resolveToken('nope').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('malformed_token')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('ignores an early answer for another token', async () => {
    window.__sqwbEarlyCode = { token: 'CCCCCCCC2345', response: Promise.resolve(json(200, resolved)) }
    const fetch = vi.fn(async () => json(404, { status: 404, code: 'code_not_found', detail: 'x' }))
    vi.stubGlobal('fetch', fetch)
    await expect(resolveToken('DDDDDDDD2345')).rejects.toMatchObject({ problem: { code: 'code_not_found' } })
  })
})
