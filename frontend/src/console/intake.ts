/**
 * Intake data the console keeps for the page load: the count of new (`submitted`) tickets
 * for the tab bar's badge, polled with ETags, and the category names.
 */

import { ref, shallowRef } from 'vue'
import { staffTokens } from '../api'
import { intakeStaff } from '../api/intake/staff'
import type { CategoryOut } from '../api/types'

/** Polling interval of the inbox and the badge (ARCHITECTURE.md: live views poll ~15–20 s). */
export const POLL_MS = 20_000

export const submittedCount = ref<number | null>(null)
let submittedTag: string | null = null

/** Ask for the count of new tickets; a 304 (nothing changed) costs nothing. */
export async function refreshSubmittedCount(): Promise<void> {
  const { value, etag } = await intakeStaff.inbox({ status: 'submitted' }, 0, 1, submittedTag)
  submittedTag = etag
  if (value) submittedCount.value = value.total
}

staffTokens.subscribe((tokens) => {
  if (!tokens.access && !tokens.refresh) {
    submittedCount.value = null
    submittedTag = null
  }
})

const categories = shallowRef<CategoryOut[]>([])
let loadingCategories: Promise<CategoryOut[]> | null = null

export function loadCategories(): Promise<CategoryOut[]> {
  loadingCategories ??= intakeStaff.categories().then(
    (list) => (categories.value = list),
    (error: unknown) => {
      loadingCategories = null
      throw error
    },
  )
  return loadingCategories
}

export function useCategories(): { categories: typeof categories; name: (code: string, locale: string) => string } {
  void loadCategories().catch(() => undefined) // names fall back to codes
  return {
    categories,
    name(code, locale) {
      const found = categories.value.find((c) => c.code === code)
      if (!found) return code
      return locale === 'en' ? found.name_en : found.name_zh
    },
  }
}
