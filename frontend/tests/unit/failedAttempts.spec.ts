import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import {
  dismissFailedAttempts,
  failedAttempts,
  failedAttemptsText,
  noteFailedAttempts,
} from '../../src/console/failedAttempts'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
}

describe('failed sign-in attempts since the last sign-in', () => {
  it('are kept for the notice only when there were some, until dismissed', () => {
    noteFailedAttempts({ count: 0, last_at: null })
    expect(failedAttempts.value).toBeNull()
    noteFailedAttempts({ count: 4, last_at: '2026-12-07T01:30:00Z' })
    expect(failedAttempts.value?.count).toBe(4)
    dismissFailedAttempts()
    expect(failedAttempts.value).toBeNull()
  })

  it('are told with how many and when the last was, in Beijing time', () => {
    const text = failedAttemptsText({ count: 4, last_at: '2026-12-07T01:30:00Z' }, translator('zh-CN'), 'zh-CN')
    expect(text).toContain('自上次登录以来有 4 次密码错误的登录尝试')
    expect(text).toContain('09:30')
    const english = failedAttemptsText({ count: 1, last_at: null }, translator('en'), 'en')
    expect(english).toContain('Sign-in attempts with a wrong password since you last signed in: 1.')
  })
})
