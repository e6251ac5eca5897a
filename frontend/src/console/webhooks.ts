/**
 * 数据推送（Webhook）: what a street office subscribes to, the request the form builds, and
 * where the service's field errors belong on the form.
 *
 * The service (services/intake/routes/webhooks.py) checks for real; the form only asks for an
 * https address up front, since the deliveries carry ticket data and are signed with a
 * secret that plain http would expose to anyone on the way.
 */

import { ApiError } from '../api/problem'
import type { GrantClaim, PlaceSummary, WebhookIn, WebhookTopic } from '../api/types'

export const WEBHOOK_TOPICS: readonly WebhookTopic[] = ['ticket.created', 'ticket.status_changed']

/** A subscription covers a street (its office) or the whole district. */
export const WEBHOOK_PLACE_KINDS: readonly string[] = ['street', 'district']

/** The form as typed (kept as a draft: it holds no secret). */
export interface WebhookDraft {
  name: string
  url: string
  place_id: string
  topics: string[]
}

export type WebhookField = 'name' | 'url' | 'place_id' | 'topics'

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** The i18n key of a topic's name (vue-i18n splits keys on dots). */
export function topicKey(topic: string): string {
  return `webhooks.topicNames.${topic.replace(/\./g, '_')}`
}

/** An address the form accepts: https, with something after the scheme. */
export function isHttpsUrl(text: string): boolean {
  return /^https:\/\/\S/i.test(text.trim())
}

/** The POST body: trimmed, and the topics known to the service in their usual order. */
export function webhookBody(draft: WebhookDraft): WebhookIn {
  return {
    name: draft.name.trim(),
    url: draft.url.trim(),
    place_id: draft.place_id,
    topics: WEBHOOK_TOPICS.filter((topic) => draft.topics.includes(topic)),
  }
}

/**
 * The service's field errors as sentences at the form's fields: `/body/url` → url,
 * `/body/topics/0` → topics, `/body/place_id` → place_id. Other errors: none (the page
 * shows the problem's message above the button).
 */
export function webhookFieldErrors(error: unknown, t: Translate): Partial<Record<WebhookField, string>> {
  if (!(error instanceof ApiError)) return {}
  const out: Partial<Record<WebhookField, string>> = {}
  for (const field of error.problem.errors ?? []) {
    const parts = field.pointer.split('/').filter(Boolean)
    const at = parts[0] === 'body' ? parts[1] : parts[0]
    if (at === 'name') {
      out.name = t(field.code === 'string_too_short' || field.code === 'missing' ? 'fieldProblems.missing' : 'webhooks.nameInvalid')
    } else if (at === 'url') {
      out.url = t('webhooks.urlInvalid')
    } else if (at === 'place_id') {
      out.place_id = t('webhooks.placeInvalid')
    } else if (at === 'topics') {
      out.topics = t('webhooks.topicsMissing')
    }
  }
  return out
}

/** The ids of the places where the staff member holds `permission` (the grants' places). */
export function grantedPlaceIds(grants: readonly GrantClaim[], permission: string): string[] {
  return [...new Set(grants.filter((g) => g.perms.includes(permission)).map((g) => g.place_id))]
}

/**
 * The places to subscribe for: the granted streets and districts, then each district's
 * streets, once each, in that order.
 */
export function subscribablePlaces(granted: readonly PlaceSummary[], streetsOf: (districtId: string) => readonly PlaceSummary[]): PlaceSummary[] {
  const own = granted.filter((p) => WEBHOOK_PLACE_KINDS.includes(p.kind))
  const all = [...own, ...own.filter((p) => p.kind === 'district').flatMap((d) => streetsOf(d.id).filter((s) => s.kind === 'street'))]
  return all.filter((p, i) => all.findIndex((q) => q.id === p.id) === i)
}

/**
 * What a receiving system does with a delivery, in Python (the doc's example; the headers
 * and the steps are the same in any language).
 */
export const VERIFY_EXAMPLE = `import hashlib, hmac, time

def verify(secret: str, headers, raw_body: bytes) -> bool:
    timestamp = headers["X-Sqwb-Timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        return False  # older than 5 minutes: a replay
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + raw_body,
                      hashlib.sha256).hexdigest()
    return hmac.compare_digest("sha256=" + digest, headers["X-Sqwb-Signature"])

# Then skip any X-Sqwb-Event-Id already handled (a retry sends it again).`
