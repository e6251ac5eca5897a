/** Each ticket status its own colour, so 已受理 never looks like 待受理 at a glance. */
import type { TicketStatus } from '../api/types'

export interface TagColour {
  background: string
  text: string
}

// Every pair keeps at least 4.5:1 contrast (WCAG AA for small text); the words carry the
// status too, colour only speeds up the scan of a list.
export const STATUS_COLOURS: Record<TicketStatus, TagColour> = {
  submitted: { background: '#c62828', text: '#ffffff' }, // red: waits for someone
  acknowledged: { background: '#1565c0', text: '#ffffff' }, // blue: someone has it
  assigned: { background: '#5e35b1', text: '#ffffff' }, // purple: a team is sent
  in_progress: { background: '#a84d00', text: '#ffffff' }, // amber: being fixed
  resolved: { background: '#2e7d32', text: '#ffffff' }, // green: fixed
  closed: { background: '#e3e7ec', text: '#37474f' }, // grey: done with
  rejected: { background: '#5d4037', text: '#ffffff' }, // brown: not taken
  duplicate: { background: '#f1f1f1', text: '#555555' }, // pale: lives in another ticket
  escalated: { background: '#00695c', text: '#ffffff' }, // teal: handed up
}

/** WCAG relative-luminance contrast of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const channel = (hex: string, at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = (hex: string) =>
    0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}
