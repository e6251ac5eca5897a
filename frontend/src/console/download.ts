/**
 * Save a file fetched with the staff bearer token (a plain link could not send it): the
 * blob gets an object URL and a clicked <a download>. WeChat's webview may ignore
 * `download`; it then opens the file, which staff can forward from there.
 */

export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
