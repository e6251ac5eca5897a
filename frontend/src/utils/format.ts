/** Dates shown as people in Beijing read them, whatever the phone's time zone. */

const ZONE = 'Asia/Shanghai'

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date)
}

/** A phone number as a tel: link target (digits and + only). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`
}

/**
 * Keeps the last few characters of a wrapping text on one line (word joiners between them,
 * a space becomes a no-break space), so a placeholder in big text never leaves a lone
 * character on its last line ("…已经 3 天 / 了").
 */
export function keepTail(text: string, count = 3): string {
  const chars = [...text]
  if (chars.length <= count) return text
  const head = chars.slice(0, -count).join('')
  const tail = chars.slice(-count).map((c) => (c === ' ' ? '\u00a0' : c))
  return head + tail.join('\u2060')
}
