import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import { createI18n } from 'vue-i18n'
import zhCN, { type Messages } from './zh-CN'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'sqwb.locale'

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<AppLocale, Messages>,
  missingWarn: false,
  fallbackWarn: false,
})

function stored(): AppLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' || value === 'zh-CN' ? value : null
  } catch {
    return null
  }
}

/** Chinese first: English only when chosen before, or when the phone speaks no Chinese. */
export function initialLocale(languages: readonly string[] = navigator.languages ?? []): AppLocale {
  const chosen = stored()
  if (chosen) return chosen
  const wantsChinese = languages.some((l) => l.toLowerCase().startsWith('zh'))
  const wantsEnglish = languages.some((l) => l.toLowerCase().startsWith('en'))
  return wantsEnglish && !wantsChinese ? 'en' : 'zh-CN'
}

/** Switch the language: English messages (ours and Vant's) are loaded on first use. */
export async function setLocale(locale: AppLocale, remember = true): Promise<void> {
  if (locale === 'en') {
    const [ours, vant] = await Promise.all([
      import('./en'),
      import('vant/es/locale/lang/en-US'),
    ])
    i18n.global.mergeLocaleMessage('en', ours.default) // keeps the console's later words (workbench.ts)
    VantLocale.use('en-US', vant.default)
  } else {
    VantLocale.use('zh-CN', vantZhCN)
  }
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale)
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
}
