import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError, errorMessage, fieldErrors, isRetryable, type Translator } from '../../src/api/problem'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  const { t, te } = i18n.global
  return { t: (key, params) => (params ? t(key, params) : t(key)), te: (key) => te(key) }
}

const problem = (code: string, status: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: `/problems/${code}`, title: 'x', status, detail: `detail of ${code}`, code, ...extra })

describe('problem → message', () => {
  it('translates a known code in the user language', () => {
    expect(errorMessage(problem('invalid_credentials', 401), translator('zh-CN'))).toBe('用户名或密码不对，请再试一次。')
    expect(errorMessage(problem('invalid_credentials', 401), translator('en'))).toBe('Wrong username or password. Please try again.')
  })

  it('fills in what the problem carries (minutes of a lock, seconds before a resend)', () => {
    expect(errorMessage(problem('login_locked', 429, { retry_after: 125 }), translator('zh-CN'))).toContain('3 分钟')
    expect(errorMessage(problem('otp_rate_limited', 429, { retry_after: 42 }), translator('en'))).toContain('42 s')
  })

  it("falls back to the problem's detail for a code it does not know", () => {
    expect(errorMessage(problem('brand_new_rule', 409), translator('zh-CN'))).toBe('detail of brand_new_rule')
  })

  it('falls back to a generic line with the status when there is no detail either', () => {
    const bare = new ApiError({ status: 502, code: 'http_error', detail: null })
    expect(errorMessage(bare, translator('en'))).toBe('Something went wrong (502). Please try again later.')
  })

  it('says what happened to the network', () => {
    expect(errorMessage(new NetworkError('timeout'), translator('zh-CN'))).toContain('超时')
    expect(errorMessage(new NetworkError('offline'), translator('en'))).toContain('offline')
    expect(errorMessage(new Error('boom'), translator('en'))).toBe('Something went wrong. Please try again later.')
  })

  it('offers a retry for the network and the server, not for a refusal', () => {
    expect(isRetryable(new NetworkError('network'))).toBe(true)
    expect(isRetryable(problem('service_unavailable', 503))).toBe(true)
    expect(isRetryable(problem('rate_limited', 429))).toBe(true)
    expect(isRetryable(problem('code_not_found', 404))).toBe(false)
    expect(isRetryable(problem('forbidden', 403))).toBe(false)
  })

  it('maps field errors to the fields, translated by their code', () => {
    const invalid = problem('validation_failed', 422, {
      errors: [
        { pointer: '/body/phone', detail: 'not a mobile number', code: 'invalid_phone' },
        { pointer: '/body/username', detail: 'Field required', code: 'missing' },
        { pointer: '/body/name', detail: 'too long', code: 'string_too_long' },
      ],
    })
    expect(fieldErrors(invalid, translator('zh-CN'))).toEqual({
      phone: '请输入正确的手机号',
      username: '这一项必填',
      name: '请检查这一项',
    })
  })
})
