/**
 * A file upload with progress (`POST .../media`, multipart `file`). fetch cannot report how
 * much of a request body has gone out, so this one request uses XMLHttpRequest; its errors
 * are the same ApiError / NetworkError as the rest of the client's. The answer (MediaOut)
 * carries the upload's `upload_key`: keep it, a report names it with the upload's id (no one
 * else can attach the upload).
 */

import { ApiError, NetworkError, isProblem, type Problem } from './problem'

export interface UploadOptions {
  /** Called with 0..1 as the bytes leave the phone. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
  timeoutMs?: number
  /** More headers (the phone's X-Device-Id for anonymous uploads). */
  headers?: Record<string, string>
  /** For tests: a stand-in for XMLHttpRequest. */
  xhr?: () => XMLHttpRequest
}

export class UploadAborted extends Error {
  constructor() {
    super('aborted')
    this.name = 'UploadAborted'
  }
}

function problemOf(xhr: XMLHttpRequest): Problem {
  try {
    const body: unknown = JSON.parse(xhr.responseText)
    if (isProblem(body)) return body
  } catch {
    // Not JSON (a proxy's error page): described by its status.
  }
  return { status: xhr.status, code: 'http_error', detail: null }
}

export function uploadFile<T>(url: string, file: Blob, filename: string, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      reject(new NetworkError('offline'))
      return
    }
    const xhr = options.xhr ? options.xhr() : new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value)
    // A slow uplink is not an error as long as bytes keep moving; only silence is.
    xhr.timeout = options.timeoutMs ?? 120_000
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T)
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'http_error', detail: null }))
        }
      } else {
        reject(new ApiError(problemOf(xhr)))
      }
    }
    xhr.onerror = () => reject(new NetworkError(navigator.onLine === false ? 'offline' : 'network'))
    xhr.ontimeout = () => reject(new NetworkError('timeout'))
    xhr.onabort = () => reject(new UploadAborted())
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('file', file, filename)
    xhr.send(form)
  })
}
