import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, NetworkError } from '../../src/api/problem'
import type { MediaOut } from '../../src/api/types'
import { uploadFile } from '../../src/api/upload'
import { loadDraft, useDraft } from '../../src/composables/draft'
import { MAX_PHOTOS, MAX_VIDEO_BYTES, useAttachments, type Uploader } from '../../src/report/attachments'
import { fitWithin, keepOriginal, MAX_SIDE } from '../../src/report/compress'
import {
  DEVICE_HEADER,
  DEVICE_KEY,
  REPORTS_LIMIT,
  deviceHeaders,
  deviceId,
  newKey,
  rememberReport,
  rememberedReport,
  rememberedReports,
  rememberedTicket,
  type RememberedReport,
} from '../../src/report/device'
import { isMainlandMobile, normalisePhone } from '../../src/report/phone'
import { relativeTime } from '../../src/report/time'
import { keepTail } from '../../src/utils/format'

// Decoding and canvases are the browser's (tested in tests/browser); here a photo goes up as picked.
vi.mock('../../src/report/compress', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/report/compress')>()),
  compressPhoto: async (file: File) => ({ blob: file, filename: file.name, compressed: false }),
}))

describe('photo size before upload', () => {
  it('brings the long side down to 1600 px, keeping the proportions', () => {
    expect(MAX_SIDE).toBe(1600)
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(2000, 2000)).toEqual({ width: 1600, height: 1600 })
    expect(fitWithin(4032, 1960)).toEqual({ width: 1600, height: 778 })
  })

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 })
  })

  it('keeps a sliver at least one pixel wide, and gives nothing for a broken image', () => {
    expect(fitWithin(20000, 3)).toEqual({ width: 1600, height: 1 })
    expect(fitWithin(0, 600)).toEqual({ width: 0, height: 0 })
    expect(fitWithin(Number.NaN, 600)).toEqual({ width: 0, height: 0 })
  })

  it('sends the original only when it is a JPEG within the limit and no bigger than ours', () => {
    const small = { width: 1200, height: 900 }
    expect(keepOriginal({ type: 'image/jpeg', size: 150_000 }, small, 200_000)).toBe(true)
    expect(keepOriginal({ type: 'image/jpeg', size: 250_000 }, small, 200_000)).toBe(false)
    expect(keepOriginal({ type: 'image/png', size: 100_000 }, small, 200_000)).toBe(false)
    expect(keepOriginal({ type: 'image/jpeg', size: 100_000 }, { width: 4000, height: 3000 }, 200_000)).toBe(false)
  })
})

describe('mobile numbers', () => {
  it('accepts an 11-digit mainland mobile, written the ways people write it', () => {
    for (const ok of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '008613800138000', '19912345678']) {
      expect(isMainlandMobile(ok), ok).toBe(true)
    }
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000')
  })

  it('refuses what cannot be one', () => {
    for (const bad of ['', '1380013800', '138001380001', '12800138000', '010-60000101', '23800138000', '1380013800a']) {
      expect(isMainlandMobile(bad), bad).toBe(false)
    }
  })
})

describe('the report draft', () => {
  beforeEach(() => localStorage.clear())

  it('lives in localStorage when asked, so closing the page loses nothing', async () => {
    const initial = { key: 'k1', description: '', phone: '', consent: false, media: [] as { id: string }[] }
    const first = useDraft('report.T', initial, localStorage)
    first.form.description = '5 楼楼道灯不亮'
    first.form.consent = true
    first.form.media = [{ id: 'm1' }]
    await nextTick()
    expect(sessionStorage.getItem('sqwb.draft.report.T')).toBeNull()

    const again = useDraft('report.T', { ...initial, key: 'k2' }, localStorage)
    expect(again.form.description).toBe('5 楼楼道灯不亮')
    expect(again.form.consent).toBe(true)
    expect(again.form.media).toEqual([{ id: 'm1' }])
    // The Idempotency-Key made for the first visit is the draft's: a retry sends the same one.
    expect(again.form.key).toBe('k1')
  })

  it('is forgotten after submitting', async () => {
    const draft = useDraft('report.U', { description: '' }, localStorage)
    draft.form.description = 'x'
    await nextTick()
    draft.clear()
    await nextTick()
    expect(loadDraft('report.U', { description: 'fresh' }, localStorage).description).toBe('')
  })

  it('makes a new key each time, in the UUID form', () => {
    const a = newKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newKey()).not.toBe(a)
  })
})

describe('this phone’s device id', () => {
  beforeEach(() => localStorage.clear())

  it('is made once and kept, and goes along as X-Device-Id', () => {
    const id = deviceId()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(deviceId()).toBe(id)
    expect(localStorage.getItem(DEVICE_KEY)).toBe(id)
    expect(deviceHeaders()).toEqual({ [DEVICE_HEADER]: id })
    expect(DEVICE_HEADER).toBe('X-Device-Id')
  })

  it('replaces a kept value of the wrong shape, and lives without storage', () => {
    localStorage.setItem(DEVICE_KEY, 'x y')
    expect(deviceId()).not.toBe('x y')
    const broken = {
      getItem: () => {
        throw new Error('disabled')
      },
      setItem: () => undefined,
    }
    const once = deviceId(broken)
    expect(deviceId(broken)).toBe(once)
  })
})

describe('reports remembered on this phone', () => {
  beforeEach(() => localStorage.clear())
  const report = (token: string, role: RememberedReport['role'] = 'reporter'): RememberedReport => ({
    token,
    number: `TGYZL-2026-${token}`,
    category: 'lighting',
    role,
    code: 'ABCDEFGHJKLM',
    at: '2026-03-02T08:00:00Z',
  })

  it('lists the newest first and keeps one entry per token', () => {
    rememberReport(report('a'))
    rememberReport(report('b', 'follower'))
    rememberReport({ ...report('a'), number: 'again' })
    expect(rememberedReports().map((r) => r.token)).toEqual(['a', 'b'])
    expect(rememberedReport('a')?.number).toBe('again')
    expect(rememberedReport('b')?.role).toBe('follower')
    expect(rememberedReport('zzz')).toBeNull()
  })

  it('finds this phone’s own report of a ticket by the ticket’s id', () => {
    rememberReport({ ...report('mine'), id: 'ticket-1' })
    rememberReport(report('other'))
    expect(rememberedTicket('ticket-1')?.token).toBe('mine')
    expect(rememberedTicket('ticket-2')).toBeNull()
  })

  it('keeps at most the limit, dropping the oldest', () => {
    for (let i = 0; i < REPORTS_LIMIT + 5; i++) rememberReport(report(`t${i}`))
    const kept = rememberedReports()
    expect(kept).toHaveLength(REPORTS_LIMIT)
    expect(kept[0]?.token).toBe(`t${REPORTS_LIMIT + 4}`)
    expect(kept.some((r) => r.token === 't0')).toBe(false)
  })

  it('survives garbage and entries of an older shape', () => {
    localStorage.setItem('sqwb.reports', '{oops')
    expect(rememberedReports()).toEqual([])
    localStorage.setItem('sqwb.reports', JSON.stringify([{ token: 1 }, report('ok'), null, { ...report('x'), role: 'boss' }]))
    expect(rememberedReports().map((r) => r.token)).toEqual(['ok'])
  })
})

describe('photos and the video of a report', () => {
  const photo = (name = 'p.jpg') => new File([new Uint8Array(10)], name, { type: 'image/jpeg' })
  const media = (id: string, kind: 'image' | 'video' = 'image'): MediaOut => ({
    id,
    kind,
    content_type: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    byte_size: 10,
    width: null,
    height: null,
    url: `/api/intake/v1/media/${id}?exp=1&sig=s`,
    thumbnail_url: kind === 'image' ? `/api/intake/v1/media/${id}/thumbnail?exp=1&sig=s` : null,
    expires_at: '2099-01-01T00:00:00Z',
    upload_key: `key-${id}`,
  })

  /** An uploader whose uploads finish when the test says so. */
  function manual() {
    const pending: { resolve: (m: MediaOut) => void; reject: (e: unknown) => void; progress: (f: number) => void }[] = []
    const upload: Uploader = (_blob, _name, progress) =>
      new Promise((resolve, reject) => pending.push({ resolve, reject, progress }))
    return { upload, pending }
  }
  const settle = () => new Promise((r) => setTimeout(r, 0))

  it('uploads each photo at once, shows its progress, and gives its id when done', async () => {
    const { upload, pending } = manual()
    const changed = vi.fn()
    const a = useAttachments(upload, changed)
    await a.addPhotos([photo()])
    expect(a.photos[0]?.status).toBe('uploading')
    expect(a.busy.value).toBe(true)
    pending[0]!.progress(0.5)
    expect(a.photos[0]?.progress).toBe(0.5)
    pending[0]!.resolve(media('m1'))
    await settle()
    expect(a.photos[0]?.status).toBe('done')
    expect(a.busy.value).toBe(false)
    expect(a.photoIds()).toEqual(['m1'])
    expect(a.stored().map((m) => m.id)).toEqual(['m1'])
    expect(changed).toHaveBeenCalled()
  })

  it('takes at most six photos and says how many were left out', async () => {
    const { upload } = manual()
    const a = useAttachments(upload)
    expect(await a.addPhotos([photo(), photo(), photo(), photo()])).toBe(0)
    expect(await a.addPhotos([photo(), photo(), photo()])).toBe(1)
    expect(a.photos).toHaveLength(MAX_PHOTOS)
    expect(a.photoRoom.value).toBe(0)
  })

  it('marks a failed upload, retries it without picking it again, and forgets a removed one', async () => {
    const { upload, pending } = manual()
    const a = useAttachments(upload)
    await a.addPhotos([photo(), photo('b.jpg')])
    pending[0]!.reject(new NetworkError('network'))
    pending[1]!.resolve(media('m2'))
    await settle()
    expect(a.photos[0]?.status).toBe('failed')
    expect(a.failed.value).toBe(true)
    expect(a.photoIds()).toEqual(['m2'])

    a.retry(a.photos[0]!)
    expect(a.photos[0]?.status).toBe('uploading')
    pending[2]!.resolve(media('m1'))
    await settle()
    expect(a.failed.value).toBe(false)
    expect(a.photoIds()).toEqual(['m1', 'm2'])

    a.remove(a.photos[1]!)
    expect(a.photoIds()).toEqual(['m1'])
  })

  it('refuses a video over 30 MB before sending a byte, and keeps one video', async () => {
    const { upload, pending } = manual()
    const a = useAttachments(upload)
    const big = new File([new Uint8Array(1)], 'big.mp4', { type: 'video/mp4' })
    Object.defineProperty(big, 'size', { value: MAX_VIDEO_BYTES + 1 })
    expect(a.setVideo(big)).toBe(false)
    expect(pending).toHaveLength(0)
    expect(a.setVideo(new File([new Uint8Array(5)], 'v.mp4', { type: 'video/mp4' }))).toBe(true)
    pending[0]!.resolve(media('v1', 'video'))
    await settle()
    expect(a.videoId()).toBe('v1')
  })

  it('keeps each upload’s key for the report to name, and a draft keeps them too', async () => {
    const { upload, pending } = manual()
    const a = useAttachments(upload)
    await a.addPhotos([photo(), photo('b.jpg')])
    expect(a.setVideo(new File([new Uint8Array(5)], 'v.mp4', { type: 'video/mp4' }))).toBe(true)
    pending[0]!.resolve(media('m1'))
    pending[2]!.resolve(media('v1', 'video'))
    await settle()
    // Only finished uploads: the one still on its way has no key yet.
    expect(a.uploadKeys()).toEqual({ m1: 'key-m1', v1: 'key-v1' })

    const restored = useAttachments(manual().upload)
    restored.restore(a.stored(), Date.parse('2026-03-02T09:00:00Z'))
    expect(restored.uploadKeys()).toEqual({ m1: 'key-m1', v1: 'key-v1' })
    // A draft saved before uploads had keys restores without them (the report then fails
    // at those photos, which are picked again).
    const old = useAttachments(manual().upload)
    old.restore([{ ...media('m0'), upload_key: undefined }])
    expect(old.photoIds()).toEqual(['m0'])
    expect(old.uploadKeys()).toEqual({})
  })

  it('restores uploaded photos from a draft, except those whose links have expired', () => {
    const a = useAttachments(manual().upload)
    a.restore(
      [
        { ...media('fresh'), expires_at: '2026-03-02T10:00:00Z' },
        { ...media('stale'), expires_at: '2026-03-02T08:00:00Z' },
        { id: 42 },
        { ...media('v', 'video'), expires_at: null },
      ],
      Date.parse('2026-03-02T09:00:00Z'),
    )
    expect(a.photoIds()).toEqual(['fresh'])
    expect(a.videoId()).toBe('v')
  })
})

describe('how long ago', () => {
  const now = Date.parse('2026-03-02T12:00:00Z')
  it('speaks the reader’s language in whole units', () => {
    // A brand-new report reads "just now" (刚刚), not "now" (现在), which reads as a clock.
    expect(relativeTime('2026-03-02T11:59:30Z', now, 'en')).toBe('just now')
    expect(relativeTime('2026-03-02T11:59:30Z', now, 'zh-CN')).toBe('刚刚')
    expect(relativeTime('2026-03-02T11:55:00Z', now, 'en')).toBe('5 minutes ago')
    expect(relativeTime('2026-03-02T09:00:00Z', now, 'en')).toBe('3 hours ago')
    expect(relativeTime('2026-02-27T12:00:00Z', now, 'en')).toBe('3 days ago')
    expect(relativeTime('2026-02-27T12:00:00Z', now, 'zh-CN')).toBe('3天前')
    expect(relativeTime('not a date', now, 'en')).toBe('')
  })
})

describe('an upload with progress', () => {
  class FakeXhr {
    static last: FakeXhr
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
    status = 0
    responseText = ''
    timeout = 0
    sent: FormData | null = null
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    ontimeout: (() => void) | null = null
    onabort: (() => void) | null = null
    constructor() {
      FakeXhr.last = this
    }
    headers: Record<string, string> = {}
    open(): void {}
    setRequestHeader(name: string, value: string): void {
      this.headers[name] = value
    }
    send(body: FormData): void {
      this.sent = body
    }
    abort(): void {
      this.onabort?.()
    }
  }
  const xhr = () => new FakeXhr() as unknown as XMLHttpRequest

  it('reports progress and answers the stored media', async () => {
    const seen: number[] = []
    const done = uploadFile<{ id: string }>('/api/intake/v1/media', new Blob(['x']), 'a.jpg', { xhr, onProgress: (f) => seen.push(f) })
    const fake = FakeXhr.last
    expect(fake.sent?.get('file')).toBeInstanceOf(Blob)
    fake.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
    fake.status = 201
    fake.responseText = '{"id":"m1"}'
    fake.onload?.()
    await expect(done).resolves.toEqual({ id: 'm1' })
    expect(seen).toEqual([0.5])
  })

  it('sends the headers it is given (the phone’s device id)', () => {
    void uploadFile('/u', new Blob(['x']), 'a.jpg', { xhr, headers: { 'X-Device-Id': 'phone-1234' } })
    expect(FakeXhr.last.headers['X-Device-Id']).toBe('phone-1234')
    expect(FakeXhr.last.headers.Accept).toBe('application/json')
  })

  it('turns a refusal into the service’s problem, and silence into a network error', async () => {
    const refused = uploadFile('/u', new Blob(['x']), 'a.gif', { xhr })
    FakeXhr.last.status = 422
    FakeXhr.last.responseText = JSON.stringify({ status: 422, code: 'unsupported_media', detail: 'no' })
    FakeXhr.last.onload?.()
    await expect(refused).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.code === 'unsupported_media')

    const lost = uploadFile('/u', new Blob(['x']), 'a.jpg', { xhr })
    FakeXhr.last.ontimeout?.()
    await expect(lost).rejects.toSatisfy((e: unknown) => e instanceof NetworkError && e.reason === 'timeout')
  })
})

describe('placeholders in big text', () => {
  it('keep their last characters together so none wraps alone', () => {
    expect(keepTail('例如：5 楼楼道灯不亮，已经 3 天了')).toBe('例如：5 楼楼道灯不亮，已经 3\u00a0\u2060天\u2060了')
    expect(keepTail('短')).toBe('短')
  })
})
