/** Report categories: loaded once per page load, named in the reader's language. */

import { reports } from '../api/intake/reports'
import type { CategoryOut } from '../api/types'

let cached: Promise<CategoryOut[]> | null = null

/** Every category (for naming them on tracking pages): loaded once per page load. */
export function loadCategories(): Promise<CategoryOut[]> {
  if (!cached) {
    cached = reports.categories()
    cached.catch(() => (cached = null)) // a failure is asked again, not remembered
  }
  return cached
}

/** The categories one can report at the scanned door: its street office's own list. */
export function loadReportableCategories(codeToken: string): Promise<CategoryOut[]> {
  return reports.categories(codeToken)
}

export function categoryName(category: CategoryOut | undefined, locale: string, fallback = ''): string {
  if (!category) return fallback
  return locale === 'en' ? category.name_en : category.name_zh
}

/** The category's icon key is a Vant icon name; anything else shows the "more" icon. */
export function categoryIcon(category: CategoryOut): string {
  return /^[a-z0-9-]+$/.test(category.icon) ? category.icon : 'more-o'
}
