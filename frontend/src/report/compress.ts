/**
 * Photos are made smaller on the phone before they are uploaded: a 12-megapixel shot of a
 * stairwell is 4–8 MB, too much for a weak mobile line and more than anyone needs to see
 * the problem. The photo is drawn into a canvas with its long side at most 1600 px and
 * encoded as JPEG at quality 0.8 (a few hundred KB). The server checks and re-encodes
 * whatever arrives anyway (and strips EXIF/GPS); this only saves the resident's data plan.
 */

export const MAX_SIDE = 1600
export const JPEG_QUALITY = 0.8

export interface Size {
  width: number
  height: number
}

/** The size to draw at: the long side at most `max`, proportions kept, never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): Size {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 }
  const scale = Math.min(1, max / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  }
}

/**
 * Send the original instead of our re-encoding when that is no bigger and already a JPEG
 * within the size limit (re-encoding a small JPEG can grow it).
 */
export function keepOriginal(original: { type: string; size: number }, decoded: Size, encodedBytes: number, max = MAX_SIDE): boolean {
  const fits = Math.max(decoded.width, decoded.height) <= max
  return original.type === 'image/jpeg' && fits && original.size <= encodedBytes
}

export interface Prepared {
  blob: Blob
  filename: string
  /** False when the phone could not decode the photo (e.g. HEIC outside Safari): the
   *  original goes up and the server converts it. */
  compressed: boolean
}

function decode(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    // Browsers turn the photo upright from its EXIF orientation when drawing an <img>.
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('undecodable'))
    }
    img.src = url
  })
}

function encode(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
}

function jpegName(name: string): string {
  const stem = name.replace(/\.[^.]*$/, '') || 'photo'
  return `${stem}.jpg`
}

export async function compressPhoto(file: File): Promise<Prepared> {
  const original: Prepared = { blob: file, filename: file.name || 'photo', compressed: false }
  let img: HTMLImageElement
  try {
    img = await decode(file)
  } catch {
    return original
  }
  const natural = { width: img.naturalWidth, height: img.naturalHeight }
  const size = fitWithin(natural.width, natural.height)
  if (!size.width) return original
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (!context) return original
  // A transparent PNG would turn black as JPEG: paint it on white first.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, size.width, size.height)
  context.drawImage(img, 0, 0, size.width, size.height)
  const blob = await encode(canvas)
  canvas.width = canvas.height = 0 // free the bitmap at once (old phones run out of memory)
  if (!blob || keepOriginal(file, natural, blob.size)) return original
  return { blob, filename: jpegName(file.name), compressed: true }
}
