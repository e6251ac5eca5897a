/**
 * 我的反馈 for a signed-in resident: what the account holds (reports and "+1"s made while
 * signed in, on any phone) merged with what this phone remembers (also the anonymous ones),
 * one line per report number.
 */

import type { MyTicket } from '../api/intake/reports'
import type { TicketStatus } from '../api/types'
import type { RememberedReport } from './device'

export interface MyReport {
  /** The tracking token that opens it (/t/<token>). */
  token: string
  number: string
  category: string
  role: 'reporter' | 'follower'
  /** When it was filed (the account's) or filed / followed here (this phone's), ISO. */
  at: string
  /** Known when the account listed it; this phone's others are asked one by one. */
  status?: TicketStatus
}

function fromAccount(ticket: MyTicket): MyReport {
  return {
    token: ticket.tracking_token,
    number: ticket.number,
    category: ticket.category,
    role: ticket.role,
    at: ticket.created_at,
    status: ticket.status,
  }
}

function fromPhone(report: RememberedReport): MyReport {
  return { token: report.token, number: report.number, category: report.category, role: report.role, at: report.at }
}

function time(iso: string): number {
  const parsed = Date.parse(iso)
  return Number.isNaN(parsed) ? 0 : parsed
}

/**
 * One entry per number, newest first. Where both know a report, the reporter's token wins
 * (it can confirm, rate and reopen; a follower's only shows), and the account's status and
 * filing time are kept.
 */
export function mergeMyReports(account: readonly MyTicket[], phone: readonly RememberedReport[]): MyReport[] {
  const merged = new Map<string, MyReport>()
  for (const ticket of account) {
    if (!merged.has(ticket.number)) merged.set(ticket.number, fromAccount(ticket))
  }
  for (const report of phone) {
    const known = merged.get(report.number)
    if (!known) merged.set(report.number, fromPhone(report))
    else if (known.role === 'follower' && report.role === 'reporter') {
      merged.set(report.number, { ...known, token: report.token, role: 'reporter' })
    }
  }
  // Stable: equal times keep the account's order, then this phone's (both newest first).
  return [...merged.values()].sort((a, b) => time(b.at) - time(a.at))
}
