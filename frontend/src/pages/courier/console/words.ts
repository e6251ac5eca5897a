/**
 * The courier desk's words (i18n/zh-CN/courierDesk.ts, en/courierDesk.ts), merged into both
 * languages when its pages first open, as the console's own (i18n/workbench.ts): the resident's
 * hub and the other console pages never download them.
 */

import { ref } from 'vue'

interface Merging {
  mergeLocaleMessage(locale: string, messages: object): void
}

export const deskWordsLoaded = ref(false)
let loading: Promise<void> | null = null

export function loadCourierDeskWords(i18n: Merging): Promise<void> {
  loading ??= Promise.all([import('../../../i18n/zh-CN/courierDesk'), import('../../../i18n/en/courierDesk')]).then(
    ([zh, en]) => {
      i18n.mergeLocaleMessage('zh-CN', zh.default)
      i18n.mergeLocaleMessage('en', en.default)
      deskWordsLoaded.value = true
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}
