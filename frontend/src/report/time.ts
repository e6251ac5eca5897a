/** "3 小时前" / "3 hours ago": how long ago, in the reader's language. */

// Intl says "现在" / "now" for zero seconds, which reads as a clock, not as "a moment ago".
const JUST_NOW: Record<string, string> = { zh: '刚刚', en: 'just now' }

// Each unit, and how many of it make the next one.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
]

export function relativeTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso).getTime()
  if (Number.isNaN(then)) return ''
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  let amount = (then - now) / 1000
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) {
      // Under a minute is "just now": seconds would tick on a page nobody reloads.
      if (unit === 'second') return JUST_NOW[locale.slice(0, 2)] ?? rtf.format(0, 'second')
      return rtf.format(Math.trunc(amount), unit)
    }
    amount /= size
  }
  return ''
}
