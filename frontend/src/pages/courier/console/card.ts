/**
 * What the desk's scanner or a typing hand gives, made into what the courier service looks a
 * card up by (services/courier/couriers.py: the QR payload `SQWB-COURIER:<token>`, its token,
 * or the short code XXXX-XXXX in any case, with or without the dash). Checked here first so a
 * scanned station code or a mistyped letter is named at once, without a round trip.
 */

export const QR_PREFIX = 'SQWB-COURIER:'
/** The short code's alphabet: no 0/O, 1/I/L, which read alike on a card. */
export const SHORT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const SHORT_LENGTH = 8
const TOKEN = /^[A-Za-z0-9]{16,64}$/

export type CardText =
  | { kind: 'card'; card: string }
  | { kind: 'not_a_card' }
  | { kind: 'bad_short_code'; reason: 'length' | 'letters' }
  | { kind: 'empty' }

/** A QR code's text from the camera: a courier card's payload, or something else. */
export function parseScanned(text: string): CardText {
  const raw = text.trim()
  if (!raw) return { kind: 'empty' }
  if (raw.toUpperCase().startsWith(QR_PREFIX)) {
    const token = raw.slice(QR_PREFIX.length).trim()
    return TOKEN.test(token) ? { kind: 'card', card: `${QR_PREFIX}${token}` } : { kind: 'not_a_card' }
  }
  return { kind: 'not_a_card' }
}

/**
 * A short code as typed: spaces and dashes dropped, upper case, then XXXX-XXXX. A pasted
 * QR payload is taken as it is. Letters outside the alphabet are named, not guessed.
 */
export function normaliseShortCode(typed: string): CardText {
  const raw = typed.trim()
  if (!raw) return { kind: 'empty' }
  if (raw.toUpperCase().startsWith(QR_PREFIX)) return parseScanned(raw)
  const code = raw.replace(/[\s\-‐-―－_]+/g, '').toUpperCase()
  if ([...code].some((c) => !SHORT_ALPHABET.includes(c))) return { kind: 'bad_short_code', reason: 'letters' }
  if (code.length !== SHORT_LENGTH) return { kind: 'bad_short_code', reason: 'length' }
  return { kind: 'card', card: `${code.slice(0, 4)}-${code.slice(4)}` }
}

/** The camera works only in a secure context (https, or localhost) with getUserMedia. */
export function cameraPossible(win: Pick<Window, 'isSecureContext' | 'navigator'> = window): boolean {
  return Boolean(win.isSecureContext && win.navigator.mediaDevices?.getUserMedia)
}
