import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiClient } from '../../src/api/client'
import { startPolling } from '../../src/composables/polling'

/** A document whose visibility the test sets. */
function fakeDocument(initial: DocumentVisibilityState = 'visible') {
  const target = new EventTarget()
  let state = initial
  Object.defineProperty(target, 'visibilityState', { get: () => state })
  return {
    doc: target as unknown as Document,
    set(next: DocumentVisibilityState) {
      state = next
      target.dispatchEvent(new Event('visibilitychange'))
    },
  }
}

describe('polling', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('polls while visible, pauses while hidden, and polls at once on coming back', async () => {
    const { doc, set } = fakeDocument()
    const tick = vi.fn(async () => undefined)
    const poller = startPolling(tick, 20_000, doc)
    await vi.advanceTimersByTimeAsync(40_000)
    expect(tick).toHaveBeenCalledTimes(2)

    set('hidden')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(tick).toHaveBeenCalledTimes(2)

    set('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(tick).toHaveBeenCalledTimes(3)
    poller.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(tick).toHaveBeenCalledTimes(3)
  })

  it('never runs two polls at once, and survives a failed one', async () => {
    const { doc } = fakeDocument()
    let release: () => void = () => undefined
    const tick = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)))
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(undefined)
    const poller = startPolling(tick, 1_000, doc)
    void poller.now()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(tick).toHaveBeenCalledTimes(1) // still waiting for the first answer
    release()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(tick).toHaveBeenCalledTimes(3)
    poller.stop()
  })
})

describe('conditional requests and uploads through the client', () => {
  it('sends If-None-Match and hands back a 304 instead of throwing', async () => {
    const seen: Record<string, string>[] = []
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push((init?.headers ?? {}) as Record<string, string>)
      return new Response(null, { status: 304, headers: { ETag: '"v1"' } })
    })
    const http = createApiClient({ base: '/api', fetch: fetch as unknown as typeof globalThis.fetch })
    const response = await http.get<Response>('/intake/v1/tickets', { headers: { 'If-None-Match': '"v1"' }, as: 'response' })
    expect(response.status).toBe(304)
    expect(response.headers.get('ETag')).toBe('"v1"')
    expect(seen[0]?.['If-None-Match']).toBe('"v1"')
    // Without asking for the response, a 304 is not a success to read JSON from.
    await expect(http.get('/intake/v1/tickets')).rejects.toMatchObject({ name: 'ApiError' })
  })

  it('sends a FormData as multipart, leaving its Content-Type to the browser', async () => {
    let sent: RequestInit | undefined
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent = init
      return new Response(JSON.stringify({ id: 'm1' }), { status: 201 })
    })
    const http = createApiClient({ base: '/api', fetch: fetch as unknown as typeof globalThis.fetch })
    const form = new FormData()
    form.append('file', new Blob(['x'], { type: 'image/jpeg' }), 'a.jpg')
    expect(await http.post('/intake/v1/media', form)).toEqual({ id: 'm1' })
    expect(sent?.body).toBe(form)
    expect((sent?.headers as Record<string, string>)['Content-Type']).toBeUndefined()
  })
})
