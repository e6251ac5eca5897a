import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/problem'
import type { GrantClaim, PlaceSummary } from '../../src/api/types'
import {
  grantedPlaceIds,
  isHttpsUrl,
  subscribablePlaces,
  topicKey,
  webhookBody,
  webhookFieldErrors,
  type Translate,
} from '../../src/console/webhooks'
import zhCN from '../../src/i18n/zh-CN'

/** The real Chinese messages, filled in the way vue-i18n does. */
const t: Translate = (key, params = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN)
  return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

function place(id: string, kind: string): PlaceSummary {
  return { id, code: id.toUpperCase(), name: id, kind: kind as PlaceSummary['kind'], path: `/${id}/` }
}

function refused(errors: { pointer: string; code: string }[]): ApiError {
  return new ApiError({
    status: 422,
    code: 'validation_failed',
    errors: errors.map((e) => ({ ...e, detail: 'refused' })),
  })
}

describe('the add form', () => {
  it('asks for an https address, with something after the scheme', () => {
    expect(isHttpsUrl('https://office.example/hooks')).toBe(true)
    expect(isHttpsUrl('  HTTPS://office.example ')).toBe(true)
    expect(isHttpsUrl('http://office.example/hooks')).toBe(false)
    expect(isHttpsUrl('https://')).toBe(false)
    expect(isHttpsUrl('office.example/hooks')).toBe(false)
  })

  it('sends trimmed text and the chosen topics once each, in the usual order', () => {
    expect(
      webhookBody({
        name: '  天宫院街道 12345 对接 ',
        url: ' https://office.example/hooks ',
        place_id: 'tgy',
        topics: ['ticket.status_changed', 'ticket.created', 'ticket.created'],
      }),
    ).toEqual({
      name: '天宫院街道 12345 对接',
      url: 'https://office.example/hooks',
      place_id: 'tgy',
      topics: ['ticket.created', 'ticket.status_changed'],
    })
  })

  it('names the topics in Chinese', () => {
    expect(t(topicKey('ticket.created'))).toBe('新报事')
    expect(t(topicKey('ticket.status_changed'))).toBe('报事状态变化')
  })
})

describe('the service refusing the form', () => {
  it('puts each field error at its field', () => {
    const errors = webhookFieldErrors(
      refused([
        { pointer: '/body/url', code: 'string_pattern_mismatch' },
        { pointer: '/body/place_id', code: 'unknown_place' },
        { pointer: '/body/topics/0', code: 'literal_error' },
        { pointer: '/body/name', code: 'string_too_short' },
      ]),
      t,
    )
    expect(errors).toEqual({
      url: '请输入完整的 https:// 地址，中间不能有空格',
      place_id: '请重新选择推送范围',
      topics: '请至少选择一种事件',
      name: '这一项必填',
    })
  })

  it('has nothing for the fields when the problem is not about them', () => {
    expect(webhookFieldErrors(new ApiError({ status: 403, code: 'forbidden' }), t)).toEqual({})
    expect(webhookFieldErrors(new Error('offline'), t)).toEqual({})
  })
})

describe('the places to subscribe for', () => {
  const grants: GrantClaim[] = [
    { role: 'street_admin', place_id: 'tgy', path: '/dx/tgy/', perms: ['intake:webhooks:manage'] },
    { role: 'community_staff', place_id: 'tgyzl', path: '/dx/tgy/tgyzl/', perms: ['intake:tickets:read'] },
    { role: 'district_admin', place_id: 'dx', path: '/dx/', perms: ['intake:webhooks:manage'] },
    { role: 'street_admin', place_id: 'tgy', path: '/dx/tgy/', perms: ['intake:webhooks:manage'] },
  ]

  it('are the places of the grants holding the permission, once each', () => {
    expect(grantedPlaceIds(grants, 'intake:webhooks:manage')).toEqual(['tgy', 'dx'])
  })

  it('are streets and districts, then the district’s streets, once each', () => {
    const streets = [place('tgy', 'street'), place('gy', 'street'), place('park', 'venue')]
    const offered = subscribablePlaces([place('tgy', 'street'), place('tgyzl', 'community'), place('dx', 'district')], (id) =>
      id === 'dx' ? streets : [],
    )
    expect(offered.map((p) => p.id)).toEqual(['tgy', 'dx', 'gy'])
  })
})
