/**
 * A list's export as the console's export buttons (pages/intake/console/ExportButtons.vue) take
 * it from any service: how to fetch the file (masked, or in clear with a reason) and the words
 * of its export in clear.
 */

import type { ExportFormat } from '../api/intake/staff'

export type { ExportFormat }

export interface ExportWords {
  clear: string
  title: string
  message: string
  placeholder: string
  done: string
}

export type Exporter = (format: ExportFormat, clearReason?: string) => Promise<{ blob: Blob; filename: string | null }>
