/** Small rules the courier desk's pages share: filters read from the URL, the heatmap's cells. */

import type { LocationQuery } from 'vue-router'

export type SupplyFilter = 'low_stock' | 'expiring'

/** The console home's links: /console/courier/supplies?filter=low_stock|expiring (services/courier/todo.py). */
export function supplyFilterOf(query: LocationQuery | Record<string, unknown>): SupplyFilter | null {
  const value = query.filter
  return value === 'low_stock' || value === 'expiring' ? value : null
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** ?from=&to= as two Beijing days in order, or null unless both are days. */
export function dayRangeOf(query: LocationQuery | Record<string, unknown>): [string, string] | null {
  const { from, to } = query
  if (typeof from !== 'string' || typeof to !== 'string' || !DAY.test(from) || !DAY.test(to)) return null
  return from <= to ? [from, to] : [to, from]
}

/**
 * The statistics' heatmap (7 weekday rows, Monday first, of 24 hours) as ECharts' cells
 * [hour, row, visits]. ECharts puts the first category at the bottom, so Monday's row is
 * the last index and the week reads top-down.
 */
export function heatmapCells(rows: readonly (readonly number[])[]): { cells: [number, number, number][]; max: number } {
  const cells: [number, number, number][] = []
  let max = 0
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const visits = rows[weekday]?.[hour] ?? 0
      max = Math.max(max, visits)
      cells.push([hour, 6 - weekday, visits])
    }
  }
  return { cells, max }
}

/** A fresh Idempotency-Key for one intended write. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/** The live view's poll: often enough for a desk, paused while the tab is hidden. */
export const LIVE_POLL_MS = 15_000
