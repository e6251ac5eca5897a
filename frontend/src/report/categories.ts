/** Report categories: loaded once per page load, named in the reader's language. */

import { reports } from '../api/reports'
import type { CategoryOut } from '../api/types'

let cached: Promise<CategoryOut[]> | null = null

export function loadCategories(): Promise<CategoryOut[]> {
  if (!cached) {
    cached = reports.categories()
    cached.catch(() => (cached = null)) // a failure is asked again, not remembered
  }
  return cached
}

export function categoryName(category: CategoryOut | undefined, locale: string, fallback = ''): string {
  if (!category) return fallback
  return locale === 'en' ? category.name_en : category.name_zh
}

/** The category's icon key is a Vant icon name; anything else shows the "more" icon. */
export function categoryIcon(category: CategoryOut): string {
  return /^[a-z0-9-]+$/.test(category.icon) ? category.icon : 'more-o'
}
