/**
 * Mainland mobile numbers, checked on the phone before a round trip, by the same rule as the
 * services (kit.personal.normalise_mobile): 11 digits starting 13–19; spaces, dashes,
 * brackets and a +86 / 0086 prefix are tolerated.
 */

const MOBILE = /^1[3-9]\d{9}$/

/** The 11 digits to send, or the input tidied up when it is not a mobile number. */
export function normalisePhone(raw: string): string {
  let digits = raw.replace(/[\s\-()]/g, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  return digits
}

export function isMainlandMobile(raw: string): boolean {
  return MOBILE.test(normalisePhone(raw))
}
