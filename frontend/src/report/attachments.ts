/**
 * The photos (up to 6) and the one short video of a report. Each is uploaded as soon as it
 * is picked (photos made smaller first), so "提交" only sends ids, with each upload's key
 * (only the uploader gets it; without it no one can attach the upload); each shows its
 * progress, and a failed one offers a retry without picking it again.
 */

import { computed, shallowReactive, type ComputedRef } from 'vue'
import type { MediaOut } from '../api/types'
import { UploadAborted, uploadFile } from '../api/upload'
import { compressPhoto } from './compress'
import { deviceHeaders } from './device'

export const MAX_PHOTOS = 6
export const MAX_VIDEO_BYTES = 30 * 1024 * 1024
export const MEDIA_URL = '/api/intake/v1/media'

export type AttachmentStatus = 'preparing' | 'uploading' | 'done' | 'failed'

/** What a draft keeps of an uploaded file (its signed URLs expire: see `expires_at`). */
export interface StoredMedia {
  id: string
  kind: 'image' | 'video'
  url: string
  thumbnail_url: string | null
  expires_at: string | null
  /** The upload's key, named with its id when a report uses it (drafts keep it too). */
  upload_key?: string | null
}

export interface Attachment {
  key: number
  kind: 'image' | 'video'
  status: AttachmentStatus
  /** 0..1 while uploading. */
  progress: number
  /** What the tile shows: the local file, or the server's thumbnail once restored from a draft. */
  preview: string | null
  media: StoredMedia | null
  error: unknown
  /** The file to send again on retry (in memory only). */
  upload: { blob: Blob; filename: string } | null
  abort: AbortController | null
}

export interface Attachments {
  photos: Attachment[]
  video: { current: Attachment | null }
  photoRoom: ComputedRef<number>
  busy: ComputedRef<boolean>
  failed: ComputedRef<boolean>
  addPhotos: (files: Iterable<File>) => Promise<number>
  /** False when the video is too big (nothing is uploaded then). */
  setVideo: (file: File) => boolean
  retry: (item: Attachment) => void
  remove: (item: Attachment) => void
  photoIds: () => string[]
  videoId: () => string | null
  /** The keys of the uploads `photoIds` and `videoId` name, by id. */
  uploadKeys: () => Record<string, string>
  /** What a draft keeps: the uploaded ones. */
  stored: () => StoredMedia[]
  restore: (saved: unknown, now?: number) => void
  clear: () => void
}

export type Uploader = (blob: Blob, filename: string, onProgress: (f: number) => void, signal: AbortSignal) => Promise<MediaOut>

const defaultUploader: Uploader = (blob, filename, onProgress, signal) =>
  uploadFile<MediaOut>(MEDIA_URL, blob, filename, { onProgress, signal, headers: deviceHeaders() })

function storedOf(media: MediaOut): StoredMedia {
  return {
    id: media.id,
    kind: media.kind,
    url: media.url,
    thumbnail_url: media.thumbnail_url,
    expires_at: media.expires_at ?? null,
    upload_key: media.upload_key ?? null,
  }
}

function isStored(value: unknown): value is StoredMedia {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return (
    typeof m.id === 'string' &&
    typeof m.url === 'string' &&
    (m.kind === 'image' || m.kind === 'video') &&
    (m.upload_key === undefined || m.upload_key === null || typeof m.upload_key === 'string')
  )
}

export function useAttachments(upload: Uploader = defaultUploader, onChange: () => void = () => undefined): Attachments {
  const photos = shallowReactive<Attachment[]>([])
  const video = shallowReactive<{ current: Attachment | null }>({ current: null })
  let next = 1

  const all = (): Attachment[] => (video.current ? [...photos, video.current] : [...photos])
  const photoRoom = computed(() => MAX_PHOTOS - photos.length)
  const busy = computed(() => all().some((a) => a.status === 'preparing' || a.status === 'uploading'))
  const failed = computed(() => all().some((a) => a.status === 'failed'))

  // Items are replaced, not mutated, so the shallow lists notice every change.
  function update(item: Attachment, change: Partial<Attachment>): Attachment {
    const fresh = { ...item, ...change }
    const index = photos.findIndex((p) => p.key === item.key)
    if (index >= 0) photos.splice(index, 1, fresh)
    else if (video.current?.key === item.key) video.current = fresh
    return fresh
  }

  function current(key: number): Attachment | null {
    return photos.find((p) => p.key === key) ?? (video.current?.key === key ? video.current : null)
  }

  async function send(item: Attachment): Promise<void> {
    if (!item.upload) return
    const abort = new AbortController()
    item = update(item, { status: 'uploading', progress: 0, error: null, abort })
    const key = item.key
    try {
      const media = await upload(
        item.upload!.blob,
        item.upload!.filename,
        (fraction) => {
          const now = current(key)
          if (now && now.status === 'uploading') update(now, { progress: fraction })
        },
        abort.signal,
      )
      const now = current(key)
      if (now) update(now, { status: 'done', progress: 1, media: storedOf(media), abort: null })
      onChange()
    } catch (error) {
      if (error instanceof UploadAborted) return
      const now = current(key)
      if (now) update(now, { status: 'failed', error, abort: null })
    }
  }

  async function addPhotos(files: Iterable<File>): Promise<number> {
    const picked = [...files].filter((f) => f.type.startsWith('image/') || /\.(heic|heif)$/i.test(f.name))
    const taken = picked.slice(0, Math.max(0, MAX_PHOTOS - photos.length))
    const items = taken.map((file) => {
      const item: Attachment = {
        key: next++,
        kind: 'image',
        status: 'preparing',
        progress: 0,
        preview: URL.createObjectURL(file),
        media: null,
        error: null,
        upload: null,
        abort: null,
      }
      photos.push(item)
      return { item, file }
    })
    // One at a time: decoding several 12-megapixel photos at once can exhaust an old phone.
    for (const { item, file } of items) {
      const prepared = await compressPhoto(file)
      const now = current(item.key)
      if (!now) continue // removed while it was being prepared
      void send(update(now, { upload: { blob: prepared.blob, filename: prepared.filename } }))
    }
    return picked.length - taken.length
  }

  function setVideo(file: File): boolean {
    if (file.size > MAX_VIDEO_BYTES) return false
    if (video.current) remove(video.current)
    const item: Attachment = {
      key: next++,
      kind: 'video',
      status: 'preparing',
      progress: 0,
      preview: null,
      media: null,
      error: null,
      upload: { blob: file, filename: file.name || 'video.mp4' },
      abort: null,
    }
    video.current = item
    void send(item)
    return true
  }

  function retry(item: Attachment): void {
    const now = current(item.key)
    if (now && now.status === 'failed') void send(now)
  }

  function release(item: Attachment): void {
    item.abort?.abort()
    if (item.preview?.startsWith('blob:')) URL.revokeObjectURL(item.preview)
  }

  function remove(item: Attachment): void {
    const now = current(item.key) ?? item
    release(now)
    const index = photos.findIndex((p) => p.key === item.key)
    if (index >= 0) photos.splice(index, 1)
    else if (video.current?.key === item.key) video.current = null
    onChange()
  }

  function restore(saved: unknown, now = Date.now()): void {
    if (!Array.isArray(saved)) return
    for (const media of saved) {
      if (!isStored(media)) continue
      // A signed URL past its time shows nothing: such a photo is picked again.
      if (media.expires_at && new Date(media.expires_at).getTime() <= now) continue
      const item: Attachment = {
        key: next++,
        kind: media.kind,
        status: 'done',
        progress: 1,
        preview: media.thumbnail_url ?? media.url,
        media,
        error: null,
        upload: null,
        abort: null,
      }
      if (media.kind === 'video') video.current = item
      else if (photos.length < MAX_PHOTOS) photos.push(item)
    }
  }

  function clear(): void {
    all().forEach(release)
    photos.splice(0)
    video.current = null
  }

  const done = (a: Attachment | null): a is Attachment => a !== null && a.status === 'done' && a.media !== null

  return {
    photos,
    video,
    photoRoom,
    busy,
    failed,
    addPhotos,
    setVideo,
    retry,
    remove,
    photoIds: () => photos.filter(done).map((p) => p.media!.id),
    videoId: () => (done(video.current) ? video.current.media!.id : null),
    uploadKeys: () =>
      Object.fromEntries(
        all()
          .filter(done)
          .filter((a) => a.media!.upload_key)
          .map((a) => [a.media!.id, a.media!.upload_key!]),
      ),
    stored: () => all().filter(done).map((a) => a.media!),
    restore,
    clear,
  }
}
