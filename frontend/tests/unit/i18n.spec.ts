import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import en, { areas as enAreas } from '../../src/i18n/en'
import zhCN, { areas as zhAreas } from '../../src/i18n/zh-CN'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  )
}

describe('messages', () => {
  it('both languages have exactly the same keys', () => {
    const zh = new Set(keys(zhCN as Tree))
    const english = new Set(keys(en as Tree))
    const missing = {
      'missing in English (src/i18n/en/)': [...zh].filter((key) => !english.has(key)).sort(),
      'missing in Chinese (src/i18n/zh-CN/)': [...english].filter((key) => !zh.has(key)).sort(),
    }
    expect(missing).toEqual({ 'missing in English (src/i18n/en/)': [], 'missing in Chinese (src/i18n/zh-CN/)': [] })
  })

  it('each area file has the same top-level keys in both languages, and no two areas share one', () => {
    const tops = (tree: Record<string, object>) =>
      Object.fromEntries(Object.entries(tree).map(([area, messages]) => [area, Object.keys(messages).sort()]))
    expect(tops(enAreas)).toEqual(tops(zhAreas))
    const all = Object.values(zhAreas).flatMap((messages) => Object.keys(messages))
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([])
  })

  it('every message compiles and renders in both languages (no stray @ | { })', () => {
    const errors: string[] = []
    const i18n = createI18n({
      legacy: false,
      locale: 'zh-CN',
      messages: { 'zh-CN': zhCN, en },
      messageCompiler: undefined,
      warnHtmlMessage: false,
    })
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const key of keys(zhCN as Tree)) {
        try {
          const text = i18n.global.t(key, { n: 1, s: 1, phone: 'P', name: 'N', feature: 'F', place: 'P', kind: 'K', community: 'C', minutes: 1, seconds: 1, status: 500 })
          if (!text || text === key) errors.push(`${locale}:${key}`)
        } catch (error) {
          errors.push(`${locale}:${key}: ${String(error)}`)
        }
      }
    }
    expect(errors).toEqual([])
  })

  it('no message has a | (vue-i18n would read it as plural forms)', () => {
    const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)))
    expect([...values(zhCN as Tree), ...values(en as Tree)].filter((v) => v.includes('|'))).toEqual([])
  })

  it('every problem code the services send about a scan has a translation', () => {
    for (const code of ['code_not_found', 'code_revoked', 'malformed_token', 'service_unavailable', 'rate_limited']) {
      expect(zhCN.problems).toHaveProperty(code)
    }
  })
})
