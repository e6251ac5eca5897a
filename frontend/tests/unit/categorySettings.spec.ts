import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/problem'
import type { CategorySettingOut, SettingSource } from '../../src/api/types'
import {
  DraftProblem,
  changedBody,
  draftOf,
  fieldCodes,
  formatMinutes,
  toDuration,
  toMinutes,
  type Translate,
} from '../../src/console/categorySettings'
import zhCN from '../../src/i18n/zh-CN'

/** The real Chinese messages, filled in the way vue-i18n does. */
const t: Translate = (key, params = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN)
  return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

const DEFAULT: SettingSource = { origin: 'default', place_id: null }
const HERE: SettingSource = { origin: 'here', place_id: 'street' }
const DISTRICT: SettingSource = { origin: 'inherited', place_id: 'district' }

function parking(overrides: Partial<CategorySettingOut> = {}): CategorySettingOut {
  return {
    category: 'parking',
    name_zh: '停车',
    name_en: 'Parking',
    icon: 'logistics',
    set_here: false,
    active: true,
    active_source: DEFAULT,
    default_priority: 'normal',
    default_priority_source: DEFAULT,
    default_handler: null,
    default_handler_source: DEFAULT,
    deadlines: [
      { priority: 'urgent', respond_minutes: 60, resolve_minutes: 120, source: DEFAULT },
      { priority: 'utility', respond_minutes: 120, resolve_minutes: 1440, source: DEFAULT },
      { priority: 'normal', respond_minutes: 1440, resolve_minutes: 10080, source: DEFAULT },
      { priority: 'complex', respond_minutes: 1440, resolve_minutes: 21600, source: DEFAULT },
    ],
    updated_at: null,
    updated_by: null,
    ...overrides,
  }
}

describe('deadlines in minutes, typed and read in hours or days', () => {
  it('are typed in the largest unit that says them exactly, under two days in hours', () => {
    expect(toDuration(60)).toEqual({ value: '1', unit: 'hours' })
    expect(toDuration(1440)).toEqual({ value: '24', unit: 'hours' })
    expect(toDuration(2880)).toEqual({ value: '2', unit: 'days' })
    expect(toDuration(21600)).toEqual({ value: '15', unit: 'days' })
    expect(toDuration(2160)).toEqual({ value: '36', unit: 'hours' })
    expect(toDuration(90)).toEqual({ value: '90', unit: 'minutes' })
  })

  it('come back as the same minutes, half hours included; words are not numbers', () => {
    for (const minutes of [30, 60, 90, 120, 1440, 2160, 10080, 86400]) {
      expect(toMinutes(toDuration(minutes))).toBe(minutes)
    }
    expect(toMinutes({ value: '0.5', unit: 'hours' })).toBe(30)
    expect(toMinutes({ value: ' 2 ', unit: 'days' })).toBe(2880)
    expect(toMinutes({ value: '两天', unit: 'days' })).toBeNull()
    expect(toMinutes({ value: '', unit: 'hours' })).toBeNull()
    expect(toMinutes({ value: '-1', unit: 'hours' })).toBeNull()
  })

  it('read as people say them', () => {
    expect(formatMinutes(30, t)).toBe('30 分钟')
    expect(formatMinutes(60, t)).toBe('1 小时')
    expect(formatMinutes(90, t)).toBe('1 小时 30 分')
    expect(formatMinutes(2160, t)).toBe('36 小时')
    expect(formatMinutes(1440, t)).toBe('24 小时')
    expect(formatMinutes(2880, t)).toBe('2 天')
    expect(formatMinutes(60 * 60, t)).toBe('2 天 12 小时')
    expect(formatMinutes(10080, t)).toBe('7 天')
    expect(formatMinutes(4 * 1440 + 120, t)).toBe('4 天 2 小时')
  })
})

describe('the PUT of an edit carries only what changed', () => {
  it('nothing changed: nothing to send', () => {
    expect(changedBody(parking(), draftOf(parking()))).toBeNull()
  })

  it('switching off and raising the priority send just those', () => {
    const draft = draftOf(parking())
    draft.active = false
    draft.priority = 'urgent'
    expect(changedBody(parking(), draft)).toEqual({ active: false, default_priority: 'urgent' })
  })

  it('a team handler by its name, trimmed; a contractor by its id', () => {
    const draft = draftOf(parking())
    draft.handlerKind = 'team'
    draft.team = ' 城管协管队 '
    expect(changedBody(parking(), draft)).toEqual({ default_handler: { kind: 'team', ref: '城管协管队' } })
    draft.handlerKind = 'contractor'
    draft.contractor = 'org-1'
    expect(changedBody(parking(), draft)).toEqual({ default_handler: { kind: 'contractor', ref: 'org-1' } })
  })

  it('the same team again is no change; a team without a name is refused before sending', () => {
    const item = parking({ default_handler: { kind: 'team', ref: '城管协管队', name: '城管协管队' }, default_handler_source: HERE })
    expect(changedBody(item, draftOf(item))).toBeNull()
    const draft = draftOf(item)
    draft.team = '  '
    expect(() => changedBody(item, draft)).toThrow(DraftProblem)
    try {
      changedBody(item, draft)
    } catch (caught) {
      expect((caught as DraftProblem).fields).toEqual({ handler: 'missing' })
    }
  })

  it('one deadline changed: the map keeps the place’s other own deadlines, not the inherited ones', () => {
    const item = parking({
      deadlines: [
        { priority: 'urgent', respond_minutes: 30, resolve_minutes: 120, source: HERE },
        { priority: 'utility', respond_minutes: 120, resolve_minutes: 1440, source: DISTRICT },
        { priority: 'normal', respond_minutes: 1440, resolve_minutes: 10080, source: DEFAULT },
        { priority: 'complex', respond_minutes: 1440, resolve_minutes: 21600, source: DEFAULT },
      ],
    })
    const draft = draftOf(item)
    draft.deadlines.normal.resolve = { value: '3', unit: 'days' }
    expect(changedBody(item, draft)).toEqual({ deadline_minutes: { urgent: [30, 120], normal: [1440, 4320] } })
  })

  it('the same deadline typed in other units is no change', () => {
    const draft = draftOf(parking())
    draft.deadlines.normal.respond = { value: '1', unit: 'days' }
    draft.deadlines.normal.resolve = { value: '168', unit: 'hours' }
    expect(changedBody(parking(), draft)).toBeNull()
  })

  it('a deadline that is not a number is refused at its priority', () => {
    const draft = draftOf(parking())
    draft.deadlines.urgent.respond = { value: '一小时', unit: 'hours' }
    expect(() => changedBody(parking(), draft)).toThrow(DraftProblem)
  })

  it('values set here go back to inheriting as null; the last own deadline dropped is null', () => {
    const item = parking({
      set_here: true,
      active: false,
      active_source: HERE,
      default_priority: 'urgent',
      default_priority_source: HERE,
      default_handler: { kind: 'team', ref: '城管协管队', name: '城管协管队' },
      default_handler_source: HERE,
      deadlines: [
        { priority: 'urgent', respond_minutes: 30, resolve_minutes: 120, source: HERE },
        { priority: 'utility', respond_minutes: 120, resolve_minutes: 1440, source: DEFAULT },
        { priority: 'normal', respond_minutes: 1440, resolve_minutes: 10080, source: DEFAULT },
        { priority: 'complex', respond_minutes: 1440, resolve_minutes: 21600, source: DEFAULT },
      ],
    })
    const draft = draftOf(item)
    draft.activeInherit = true
    draft.priorityInherit = true
    draft.handlerInherit = true
    draft.deadlines.urgent.inherit = true
    expect(changedBody(item, draft)).toEqual({
      active: null,
      default_priority: null,
      default_handler: null,
      deadline_minutes: null,
    })
  })

  it('choosing no handler drops the place’s own; an inherited handler cannot be dropped here', () => {
    const own = parking({ default_handler: { kind: 'team', ref: '物业', name: '物业' }, default_handler_source: HERE })
    const draft = draftOf(own)
    draft.handlerKind = 'none'
    expect(changedBody(own, draft)).toEqual({ default_handler: null })
    const inherited = parking({ default_handler: { kind: 'team', ref: '物业', name: '物业' }, default_handler_source: DISTRICT })
    const other = draftOf(inherited)
    other.handlerKind = 'none'
    other.handlerInherit = true
    expect(changedBody(inherited, other)).toBeNull()
  })
})

describe('the service’s field errors land at their fields', () => {
  it('per priority and at the handler', () => {
    const error = new ApiError({
      status: 422,
      code: 'invalid_deadlines',
      errors: [
        { pointer: '/body/deadline_minutes/urgent', detail: 'respond within at most the resolve time', code: 'respond_after_resolve' },
        { pointer: '/body/deadline_minutes/complex', detail: 'at most 86400 minutes (60 days)', code: 'too_large' },
        { pointer: '/body/default_handler/ref', detail: 'unknown', code: 'unknown_organisation' },
      ],
    })
    expect(fieldCodes(error)).toEqual({
      'deadline.urgent': 'respond_after_resolve',
      'deadline.complex': 'too_large',
      handler: 'unknown_organisation',
    })
  })
})
