/**
 * The warm station's words (zh-CN/courier.ts, en/courier.ts), merged into both languages
 * when the station page opens (pages/courier/resident/StationPage.vue), as the console's
 * are (./workbench.ts): a resident scanning a unit door never downloads them. The caller
 * passes the global composer (useI18n()), so this module adds no import of the i18n setup
 * to the chunks every page loads.
 */

import { ref } from 'vue'

interface Merging {
  mergeLocaleMessage(locale: string, messages: object): void
}

export const courierWordsLoaded = ref(false)
let loading: Promise<void> | null = null

export function loadCourierMessages(i18n: Merging): Promise<void> {
  loading ??= Promise.all([import('./zh-CN/courier'), import('./en/courier')]).then(
    ([zh, en]) => {
      i18n.mergeLocaleMessage('zh-CN', zh.default)
      // English merges with whatever English is loaded, before or after (setLocale merges too).
      i18n.mergeLocaleMessage('en', en.default)
      courierWordsLoaded.value = true
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}
