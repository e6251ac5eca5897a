/**
 * The inbox's filters and order, kept in the URL (so "back" and a link from the home page
 * open the same list), and the desk table's sorted column, which the server sorts by
 * (`sort` of GET /v1/tickets, services/intake/inbox.py).
 */

import type { LocationQuery } from 'vue-router'
import type { InboxFilters, InboxSort } from '../api/intake/staff'
import type { TicketPriority, TicketSource, TicketStatus } from '../api/types'

export const STATUSES: readonly TicketStatus[] = [
  'submitted',
  'acknowledged',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'escalated',
]
export const PRIORITIES: readonly TicketPriority[] = ['urgent', 'utility', 'normal', 'complex']
export const SOURCES: readonly TicketSource[] = ['qr', 'patrol', 'hotline', 'contractor', 'staff']

/** The table's sortable columns and the server's sort key for each. */
export const COLUMN_SORT = {
  number: 'number',
  category: 'category',
  place: 'place',
  received: 'created',
  due: 'due',
  status: 'status',
  assignee: 'assignee',
} as const
export type SortColumn = keyof typeof COLUMN_SORT
type SortKey = (typeof COLUMN_SORT)[SortColumn]
export const SORTS: readonly InboxSort[] = [
  'pending',
  ...Object.values(COLUMN_SORT).flatMap((key) => [key, `-${key}`] as InboxSort[]),
]
/** The desk's table opens on what waits for staff; the phone's list stays newest first. */
export const DESK_DEFAULT_SORT: InboxSort = 'pending'

function one<T extends string>(value: unknown, allowed?: readonly T[]): T | null {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !text) return null
  return !allowed || allowed.includes(text as T) ? (text as T) : null
}

const flag = (value: unknown): true | null => (one(value) === '1' || one(value) === 'true' ? true : null)

/** The filters (and order) a URL's query asks for; anything unknown is dropped. */
export function readInboxQuery(query: LocationQuery, defaultSort: InboxSort | null = null): InboxFilters {
  return {
    status: one(query.status, STATUSES),
    category: one(query.category),
    priority: one(query.priority, PRIORITIES),
    source: one(query.source, SOURCES),
    building: one(query.building),
    overdue: flag(query.overdue),
    due_today: flag(query.due_today),
    sort: one(query.sort, SORTS) ?? defaultSort,
  }
}

/** The URL query of some filters: only what is set, flags as 1, the default order left out. */
export function inboxQueryOf(filters: InboxFilters, defaultSort: InboxSort | null = null): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of ['status', 'category', 'priority', 'source', 'building'] as const) {
    const value = filters[key]
    if (value) query[key] = value
  }
  if (filters.overdue) query.overdue = '1'
  if (filters.due_today) query.due_today = '1'
  if (filters.sort && filters.sort !== defaultSort) query.sort = filters.sort
  return query
}

/** Whether any filter narrows the list (the order does not). */
export function isFiltered(filters: InboxFilters): boolean {
  const { sort: _sort, ...narrowing } = filters
  return Object.values(narrowing).some((v) => v !== null && v !== undefined && v !== false)
}

export type TableOrder = 'ascending' | 'descending' | null

/** The server's order for a click on a column header (no order: the default). */
export function sortOfColumn(column: string | null | undefined, order: TableOrder, fallback: InboxSort = DESK_DEFAULT_SORT): InboxSort {
  if (!order || !column || !Object.hasOwn(COLUMN_SORT, column)) return fallback
  const key: SortKey = COLUMN_SORT[column as SortColumn]
  return (order === 'descending' ? `-${key}` : key) as InboxSort
}

/** The column header that shows an order as sorted (none for `pending`). */
export function columnOfSort(sort: InboxSort | null | undefined): { prop: SortColumn; order: Exclude<TableOrder, null> } | null {
  if (!sort || sort === 'pending') return null
  const key = sort.replace(/^-/, '')
  const column = (Object.keys(COLUMN_SORT) as SortColumn[]).find((c) => COLUMN_SORT[c] === key)
  if (!column) return null
  return { prop: column, order: sort.startsWith('-') ? 'descending' : 'ascending' }
}
