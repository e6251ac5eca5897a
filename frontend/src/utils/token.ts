/**
 * QR tokens: 12 characters of RFC 4648 base32 (A-Z, 2-7). A QR code in alphanumeric mode
 * upper-cases the whole link (`/Q/ABCD...`); a link typed or shared by hand may be lower
 * case, or carry spaces and a trailing slash. Both are the same code.
 */

export const TOKEN_PATTERN = /^[A-Z2-7]{12}$/

/** The token in its canonical (upper-case, trimmed) form; not checked. */
export function normaliseToken(raw: string): string {
  return raw.trim().replace(/\/+$/, '').toUpperCase()
}

/** The canonical token, or null when it cannot be one of ours (the page says so at once). */
export function parseToken(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (value === undefined) return null
  const token = normaliseToken(value)
  return TOKEN_PATTERN.test(token) ? token : null
}
