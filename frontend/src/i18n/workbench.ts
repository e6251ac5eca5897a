/**
 * The console's newer words (zh-CN/workbench.ts, en/workbench.ts), merged into both languages
 * when the console opens (pages/console/ConsoleLayout.vue): the resident's pages never
 * download them. The caller passes the global composer (useI18n()), so this module adds no
 * import of the i18n setup to the chunks every page loads.
 */

import { ref } from 'vue'

interface Merging {
  mergeLocaleMessage(locale: string, messages: object): void
}

export const workbenchLoaded = ref(false)
let loading: Promise<void> | null = null

export function loadWorkbenchMessages(i18n: Merging): Promise<void> {
  loading ??= Promise.all([import('./zh-CN/workbench'), import('./en/workbench')]).then(
    ([zh, en]) => {
      i18n.mergeLocaleMessage('zh-CN', zh.default)
      // English merges with whatever English is loaded, before or after (setLocale merges too).
      i18n.mergeLocaleMessage('en', en.default)
      workbenchLoaded.value = true
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}
