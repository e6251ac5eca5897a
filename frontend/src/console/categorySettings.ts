/**
 * 报事类别设置: how deadlines read and are typed (minutes ⇄ hours or days), what an edit of a
 * category changes (the PUT body: only what changed), and where the service's field errors
 * belong on the form.
 *
 * The service (services/intake/categories.py) merges the settings for real; this only builds
 * the request. Its deadline map replaces the place's own set as a whole, so the body carries
 * every deadline the place keeps of its own, not just the one that changed.
 */

import type { ApiError } from '../api/problem'
import type {
  CategorySettingIn,
  CategorySettingOut,
  HandlerKind,
  SettingSource,
  TicketPriority,
} from '../api/types'

export const PRIORITIES: readonly TicketPriority[] = ['urgent', 'utility', 'normal', 'complex']

export const HOUR = 60
export const DAY = 24 * HOUR

export type DurationUnit = 'minutes' | 'hours' | 'days'
export const DURATION_UNITS: readonly DurationUnit[] = ['minutes', 'hours', 'days']
const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: HOUR, days: DAY }

/** A deadline as the form holds it: a number typed by a person, and its unit. */
export interface Duration {
  value: string
  unit: DurationUnit
}

/**
 * The largest unit that says the minutes exactly, a day and a half or less in hours as people
 * say them (24 小时内响应): 2880 → 2 days, 1440 → 24 hours, 90 → 90 minutes.
 */
export function toDuration(minutes: number): Duration {
  if (minutes >= 2 * DAY && minutes % DAY === 0) return { value: String(minutes / DAY), unit: 'days' }
  if (minutes > 0 && minutes % HOUR === 0) return { value: String(minutes / HOUR), unit: 'hours' }
  return { value: String(minutes), unit: 'minutes' }
}

/** The minutes a typed duration means; null when it is not a number (the form says so). */
export function toMinutes(duration: Duration): number | null {
  const text = duration.value.trim()
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  return Math.round(Number(text) * UNIT_MINUTES[duration.unit])
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** Minutes as people say them: 7 天, 24 小时, 36 小时, 2 天 12 小时, 1 小时 30 分, 45 分钟. */
export function formatMinutes(minutes: number, t: Translate): string {
  const days = Math.floor(minutes / DAY)
  const hours = Math.floor((minutes % DAY) / HOUR)
  const rest = minutes % HOUR
  const k = 'categorySettings.duration'
  // Under two days, whole hours read best in hours (24 小时, 36 小时), as toDuration types them.
  if (rest === 0 && minutes >= HOUR && minutes < 2 * DAY) return t(`${k}.hours`, { n: minutes / HOUR })
  if (rest === 0 && hours === 0 && days > 0) return t(`${k}.days`, { n: days })
  if (rest === 0) return t(`${k}.daysHours`, { d: days, h: hours })
  if (minutes < HOUR) return t(`${k}.minutes`, { n: minutes })
  if (days === 0) return t(`${k}.hoursMinutes`, { h: hours, m: rest })
  return t(`${k}.daysHours`, { d: days, h: hours + rest / HOUR })
}

// --- The edit sheet's form

export type HandlerChoice = 'none' | HandlerKind

export interface DeadlineDraft {
  respond: Duration
  resolve: Duration
  /** Drop the place's own value: the deadline is inherited again. */
  inherit: boolean
}

export interface SettingDraft {
  active: boolean
  activeInherit: boolean
  priority: TicketPriority
  priorityInherit: boolean
  handlerKind: HandlerChoice
  /** The team's name (kind team). */
  team: string
  /** The organisation's id (kind contractor). */
  contractor: string
  handlerInherit: boolean
  deadlines: Record<TicketPriority, DeadlineDraft>
}

const isHere = (source: SettingSource): boolean => source.origin === 'here'

/** The form as the category stands now: the effective values, nothing to be inherited yet. */
export function draftOf(item: CategorySettingOut): SettingDraft {
  const handler = item.default_handler
  const deadlines = {} as Record<TicketPriority, DeadlineDraft>
  for (const priority of PRIORITIES) {
    const found = item.deadlines.find((d) => d.priority === priority)
    deadlines[priority] = {
      respond: toDuration(found?.respond_minutes ?? 0),
      resolve: toDuration(found?.resolve_minutes ?? 0),
      inherit: false,
    }
  }
  return {
    active: item.active,
    activeInherit: false,
    priority: item.default_priority,
    priorityInherit: false,
    handlerKind: handler?.kind ?? 'none',
    team: handler?.kind === 'team' ? handler.ref : '',
    contractor: handler?.kind === 'contractor' ? handler.ref : '',
    handlerInherit: false,
    deadlines,
  }
}

/** A field of the form the service (or the form itself) refused, keyed as `fieldKey` says. */
export class DraftProblem extends Error {
  readonly fields: Record<string, string>

  constructor(fields: Record<string, string>) {
    super(Object.keys(fields).join(', '))
    this.name = 'DraftProblem'
    this.fields = fields
  }
}

/**
 * The PUT body: only the values that changed, a value to be inherited again as null. Null
 * when nothing changed. Throws DraftProblem (keys as fieldKey's, values as codes) when a
 * deadline is not a number or a team has no name: nothing is sent then.
 */
export function changedBody(item: CategorySettingOut, draft: SettingDraft): CategorySettingIn | null {
  const body: CategorySettingIn = {}
  const invalid: Record<string, string> = {}

  if (draft.activeInherit && isHere(item.active_source)) body.active = null
  else if (!draft.activeInherit && draft.active !== item.active) body.active = draft.active

  if (draft.priorityInherit && isHere(item.default_priority_source)) body.default_priority = null
  else if (!draft.priorityInherit && draft.priority !== item.default_priority) body.default_priority = draft.priority

  const handler = item.default_handler
  if (draft.handlerInherit && isHere(item.default_handler_source)) {
    body.default_handler = null
  } else if (!draft.handlerInherit) {
    if (draft.handlerKind === 'team') {
      const team = draft.team.trim()
      if (!team) invalid.handler = 'missing'
      else if (handler?.kind !== 'team' || handler.ref !== team) body.default_handler = { kind: 'team', ref: team }
    } else if (draft.handlerKind === 'contractor') {
      if (!draft.contractor) invalid.handler = 'missing'
      else if (handler?.kind !== 'contractor' || handler.ref !== draft.contractor) {
        body.default_handler = { kind: 'contractor', ref: draft.contractor }
      }
    } else if (handler !== null && isHere(item.default_handler_source)) {
      // "None" where the place named a handler of its own: drop it (inherit).
      body.default_handler = null
    }
  }

  // The deadline map is the place's whole own set: keep the ones it has, change or drop some.
  const own: Partial<Record<TicketPriority, [number, number]>> = {}
  let deadlinesChanged = false
  for (const priority of PRIORITIES) {
    const was = item.deadlines.find((d) => d.priority === priority)
    const wanted = draft.deadlines[priority]
    if (!was) continue
    const here = isHere(was.source)
    if (wanted.inherit) {
      if (here) deadlinesChanged = true
      continue
    }
    const respond = toMinutes(wanted.respond)
    const resolve = toMinutes(wanted.resolve)
    if (respond === null || resolve === null) {
      invalid[`deadline.${priority}`] = 'not_a_number'
      continue
    }
    if (respond !== was.respond_minutes || resolve !== was.resolve_minutes) {
      own[priority] = [respond, resolve]
      deadlinesChanged = true
    } else if (here) {
      own[priority] = [respond, resolve]
    }
  }
  if (Object.keys(invalid).length) throw new DraftProblem(invalid)
  if (deadlinesChanged) body.deadline_minutes = Object.keys(own).length ? own : null

  return Object.keys(body).length ? body : null
}

/**
 * Where each of the service's field errors belongs on the form: `/body/deadline_minutes/urgent`
 * → `deadline.urgent`, `/body/default_handler/ref` → `handler`, with the error's code.
 */
export function fieldCodes(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of error.problem.errors ?? []) {
    const parts = field.pointer.split('/').filter(Boolean)
    const at = parts[0] === 'body' ? parts.slice(1) : parts
    let key: string | null = null
    if (at[0] === 'deadline_minutes' && at[1]) key = `deadline.${at[1]}`
    else if (at[0] === 'default_handler') key = 'handler'
    else if (at[0] === 'default_priority') key = 'priority'
    else if (at[0] === 'active') key = 'active'
    if (key) out[key] = field.code
  }
  return out
}
